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

/// The report folder for `year` under the content folder `content`, or the newest one, with the
/// folders that look like years but are not read.
pub fn report_dir(content: &Path, year: Option<i32>) -> Result<ReportDir> {
    if !content.is_dir() {
        bail!("cannot read the content folder `{}`: it does not exist", content.display());
    }
    let years = crate::model::years(content);
    let ignored = crate::model::ignored_year_folders(content);
    let (dir, year) = match year {
        Some(year) if years.contains(&year) => (content.join(year.to_string()), year),
        Some(year) if content.join(year.to_string()).is_dir() => {
            let dir = content.join(year.to_string());
            let hint = if dir.join("report.yml").is_file() {
                "rename `report.yml` to `report.yaml`".to_string()
            } else {
                "every year folder needs a `report.yaml` with the review's organisation, year, \
                 date and sections (see docs/content-format.md)"
                    .to_string()
            };
            bail!("the folder `{}` has no `report.yaml`\nhint: {hint}", dir.display())
        }
        Some(year) => {
            bail!("no report for {year} under `{}`: {}", content.display(), available(&years))
        }
        None => match years.last() {
            Some(&year) => (content.join(year.to_string()), year),
            None => bail!(
                "no report under `{}`: expected folders named by year, e.g. `{}/2023/report.yaml`",
                content.display(),
                content.display()
            ),
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
        "it holds no year folders with a `report.yaml`".into()
    } else {
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        format!("the years there are {}", list.join(", "))
    }
}
