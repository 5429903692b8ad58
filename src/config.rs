//! What one build makes: which report folder, which output formats, which edition, where. The
//! command line's arguments become a [`BuildConfig`] in the binary; the library takes it as it is.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Result, bail};
use typst_pdf::PdfStandard;

use crate::formats::{DEFAULT_FORMATS, ReportFormat, report_formats};

/// Seconds a PDF compilation may take by default.
pub const DEFAULT_TIMEOUT: u64 = 60;

/// One build of one report.
#[derive(Debug)]
pub struct BuildConfig {
    /// The report's folder, e.g. `content/2023`.
    pub report_dir: PathBuf,
    /// The year being built.
    pub year: i32,
    /// Where the files go, e.g. `output/2023`.
    pub out_dir: PathBuf,
    /// The output formats to make, in registry order (see [`crate::formats`]).
    pub formats: Vec<&'static dyn ReportFormat>,
    /// PDF standards to conform to.
    pub standards: Vec<PdfStandard>,
    /// Build the public edition, without confidential items.
    pub public: bool,
    /// How long the Typst compilation may run before it is stopped.
    pub timeout: Duration,
    /// The brand file to apply in place of the one the lookup from the report folder finds.
    pub brand: Option<PathBuf>,
}

impl BuildConfig {
    /// The full edition of the report in `report_dir`, for `year`, in the default formats (the
    /// PDF and the HTML page), written to `out_dir`.
    pub fn new(report_dir: PathBuf, year: i32, out_dir: PathBuf) -> Self {
        BuildConfig {
            report_dir,
            year,
            out_dir,
            formats: report_formats(DEFAULT_FORMATS).expect("the default formats exist"),
            standards: crate::pdf::DEFAULT_STANDARDS.to_vec(),
            public: false,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT),
            brand: None,
        }
    }

    /// The same build in the formats called `names` (see [`report_formats`]).
    pub fn with_formats(mut self, names: &[impl AsRef<str>]) -> Result<Self> {
        self.formats = report_formats(names).map_err(anyhow::Error::msg)?;
        Ok(self)
    }

    /// Whether the build makes `format`.
    pub fn wants(&self, format: &dyn ReportFormat) -> bool {
        self.formats.iter().any(|f| f.name() == format.name())
    }

    /// Whether the build makes the format called `name`.
    pub fn wants_named(&self, name: &str) -> bool {
        self.formats.iter().any(|f| f.name() == name)
    }

    /// The base name of the outputs, without extension.
    pub fn file_stem(&self) -> String {
        let edition = if self.public { "-publik" } else { "" };
        format!("ledningens-genomgang-{}{edition}", self.year)
    }

    /// The path `format` writes to.
    pub fn output_path(&self, format: &dyn ReportFormat) -> PathBuf {
        self.out_dir.join(format.file_name(&self.file_stem()))
    }

    /// The path the format called `name` writes to, if there is such a format.
    pub fn output_path_named(&self, name: &str) -> Option<PathBuf> {
        crate::formats::report_format(name).map(|format| self.output_path(format))
    }
}

/// An error unless the content folder `content` exists; where the folder a user is in holds
/// the years itself, or one of its folders does (the user ran the command from the wrong
/// folder, or left out `--content`), the error says which `--content` to give.
pub fn require_content_folder(content: &Path) -> Result<()> {
    require_content_folder_in(content, Path::new("."))
}

/// [`require_content_folder`] for a user in the folder `here`.
fn require_content_folder_in(content: &Path, here: &Path) -> Result<()> {
    if content.is_dir() {
        return Ok(());
    }
    let message = crate::tr!("config-no-content-folder", path = content.display().to_string());
    match where_the_years_are(here) {
        Some(hint) => bail!("{message}\n{}: {hint}", crate::tr!("note-hint")),
        None => bail!(message),
    }
}

/// Which `--content` to give from `here`: `.` when `here` holds year folders, or the folders
/// in `here` that do.
fn where_the_years_are(here: &Path) -> Option<String> {
    let own = crate::model::years(here);
    if let (Some(first), Some(last)) = (own.first(), own.last()) {
        let years = if first == last { first.to_string() } else { format!("{first}–{last}") };
        return Some(crate::tr!("config-content-is-here", years = years));
    }
    let mut folders: Vec<String> = std::fs::read_dir(here)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter(|entry| !crate::model::years(&entry.path()).is_empty())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_string))
        .collect();
    folders.sort();
    let first = folders.first()?.clone();
    let folders: Vec<String> = folders.iter().map(|f| format!("`--content {f}`")).collect();
    Some(crate::tr!(
        "config-content-is-there",
        folder = first,
        count = folders.len(),
        options = folders.join(", ")
    ))
}

/// The report folder for `year` under the content folder `content`, or the newest one, with the
/// folders that look like years but are not read.
pub fn report_dir(content: &Path, year: Option<i32>) -> Result<ReportDir> {
    require_content_folder(content)?;
    let years = crate::model::years(content);
    let ignored = crate::model::ignored_year_folders(content);
    let (dir, year) = match year {
        Some(year) if years.contains(&year) => (content.join(year.to_string()), year),
        Some(year) if content.join(year.to_string()).is_dir() => {
            let dir = content.join(year.to_string());
            let hint = if dir.join("report.yml").is_file() {
                crate::tr!("config-rename-report-yml")
            } else {
                crate::tr!("config-year-folder-needs-report-yaml")
            };
            bail!(crate::tr!(
                "config-folder-without-report-yaml",
                path = dir.display().to_string(),
                hint = hint
            ))
        }
        Some(year) => {
            bail!(crate::tr!(
                "config-no-report-for-year",
                year = year.to_string(),
                path = content.display().to_string(),
                available = available(&years)
            ))
        }
        None => match years.last() {
            Some(&year) => (content.join(year.to_string()), year),
            None => {
                bail!(crate::tr!("config-no-year-folders", path = content.display().to_string()))
            }
        },
    };
    Ok(ReportDir { dir, year, ignored })
}

/// A year's report folder, found under a content folder.
#[derive(Debug)]
pub struct ReportDir {
    /// The folder, e.g. `content/2023`.
    pub dir: PathBuf,
    /// Its year.
    pub year: i32,
    /// Folders under the content folder that look like years but are not read (`+2023`,
    /// `02023`), to warn about.
    pub ignored: Vec<PathBuf>,
}

fn available(years: &[i32]) -> String {
    if years.is_empty() {
        crate::tr!("config-no-years-available")
    } else {
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        crate::tr!("config-years-available", years = list.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{UiLanguage, in_language};

    #[test]
    fn a_missing_content_folder_is_named_in_both_languages() {
        let missing = Path::new("no-such-content-folder");
        let en = in_language(UiLanguage::En, || report_dir(missing, None).unwrap_err().to_string());
        assert!(
            en.starts_with(
                "cannot read the content folder `no-such-content-folder`: it does not exist"
            ),
            "{en}"
        );
        let sv = in_language(UiLanguage::Sv, || report_dir(missing, None).unwrap_err().to_string());
        assert!(
            sv.starts_with(
                "kan inte läsa innehållsmappen `no-such-content-folder`: den finns inte"
            ),
            "{sv}"
        );
    }

    #[test]
    fn a_missing_content_folder_says_where_the_reviews_are() {
        let here = tempfile::tempdir().expect("temporary folder");
        let missing = Path::new("no-content-folder-here");
        let error = |here: &Path| {
            in_language(UiLanguage::Sv, || {
                require_content_folder_in(missing, here).unwrap_err().to_string()
            })
        };
        assert_eq!(
            error(here.path()),
            "kan inte läsa innehållsmappen `no-content-folder-here`: den finns inte"
        );
        let year = here.path().join("granskning/2026");
        std::fs::create_dir_all(&year).expect("year folder");
        std::fs::write(year.join("report.yaml"), "").expect("report.yaml");
        assert!(
            error(here.path()).ends_with(
                "\ntips: genomgångarna ligger i `granskning`: ange `--content granskning`"
            ),
            "{}",
            error(here.path())
        );
        let inside = here.path().join("granskning");
        assert!(
            error(&inside)
                .ends_with("(2026): ange `--content .`, eller kör kommandot från mappen ovanför")
        );
        std::fs::create_dir_all(here.path().join("arkiv/2019")).expect("year folder");
        std::fs::write(here.path().join("arkiv/2019/report.yaml"), "").expect("report.yaml");
        let en = in_language(UiLanguage::En, || {
            require_content_folder_in(missing, here.path()).unwrap_err().to_string()
        });
        assert!(en.ends_with("give one of `--content arkiv`, `--content granskning`"), "{en}");
        assert!(require_content_folder_in(here.path(), here.path()).is_ok());
    }

    #[test]
    fn a_year_folder_without_report_yaml_keeps_its_hint_line() {
        let en = in_language(UiLanguage::En, || {
            crate::tr!("config-folder-without-report-yaml", path = "c/2023", hint = "h")
        });
        assert_eq!(en, "the folder `c/2023` has no `report.yaml`\nhint: h");
    }
}
