//! Raw command-line arguments become one checked configuration: which report folder, which
//! outputs, where.

use std::path::PathBuf;

use anyhow::{Result, bail};
use typst_pdf::PdfStandard;

use crate::cli::{BuildArgs, ContentArgs, Format};

/// A checked `ledgen build`.
#[derive(Debug)]
pub struct BuildConfig {
    /// The report's folder, e.g. `content/2023`.
    pub report_dir: PathBuf,
    /// The year being built.
    pub year: i32,
    /// Where the files go, e.g. `output/2023`.
    pub out_dir: PathBuf,
    /// Write the PDF.
    pub pdf: bool,
    /// Write the HTML page.
    pub html: bool,
    /// Also write the generated Typst source.
    pub write_typst: bool,
    /// PDF standards to conform to.
    pub standards: Vec<PdfStandard>,
    /// Build the public edition, without confidential items.
    pub public: bool,
    /// How long the Typst compilation may run before it is stopped.
    pub timeout: std::time::Duration,
}

impl BuildConfig {
    /// Checks `ledgen build`'s arguments.
    pub fn from_args(args: &BuildArgs) -> Result<Self> {
        let (report_dir, year) = report_dir(&args.content)?;
        let out_dir = args.out.join(year.to_string());
        Ok(BuildConfig::new(args, report_dir, year, out_dir, args.public))
    }

    /// The one constructor: the outputs, standards and time limit from `build`'s arguments, for
    /// the report in `report_dir` written to `out_dir`, in the edition asked for.
    fn new(
        args: &BuildArgs,
        report_dir: PathBuf,
        year: i32,
        out_dir: PathBuf,
        public: bool,
    ) -> Self {
        BuildConfig {
            report_dir,
            year,
            out_dir,
            pdf: matches!(args.format, Format::Pdf | Format::All),
            html: matches!(args.format, Format::Html | Format::All),
            write_typst: args.typst,
            standards: crate::pdf::DEFAULT_STANDARDS.to_vec(),
            public,
            timeout: std::time::Duration::from_secs(args.timeout),
        }
    }

    /// The base name of the outputs, without extension.
    pub fn file_stem(&self) -> String {
        let edition = if self.public { "-publik" } else { "" };
        format!("ledningens-genomgang-{}{edition}", self.year)
    }

    /// The path of an output with the given extension.
    pub fn output_path(&self, extension: &str) -> PathBuf {
        self.out_dir.join(format!("{}.{extension}", self.file_stem()))
    }
}

/// The report folder for the requested year, or the newest one.
pub fn report_dir(args: &ContentArgs) -> Result<(PathBuf, i32)> {
    let [content] = args.content.as_slice() else {
        bail!("several `--content` folders can only be built together, with `build --all`")
    };
    if !content.is_dir() {
        bail!("cannot read the content folder `{}`: it does not exist", content.display());
    }
    let years = crate::model::years(content);
    for folder in crate::model::ignored_year_folders(content) {
        eprintln!(
            "warning: `{}` is not read: a year folder is named by exactly four digits, e.g. `2023`",
            folder.display()
        );
    }
    match args.year {
        Some(year) if years.contains(&year) => Ok((content.join(year.to_string()), year)),
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
            Some(&year) => Ok((content.join(year.to_string()), year)),
            None => bail!(
                "no report under `{}`: expected folders named by year, e.g. `{}/2023/report.yaml`",
                content.display(),
                content.display()
            ),
        },
    }
}

/// A checked configuration for one year of one content folder in `build --all`: the public
/// edition unless `--internal` is given.
pub fn year_config(
    args: &BuildArgs,
    content: &std::path::Path,
    year: i32,
    out: PathBuf,
) -> BuildConfig {
    // `build --all` makes what can be published unless asked for the internal edition.
    BuildConfig::new(args, content.join(year.to_string()), year, out, !args.internal)
}

fn available(years: &[i32]) -> String {
    if years.is_empty() {
        "it holds no year folders with a `report.yaml`".into()
    } else {
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        format!("the years there are {}", list.join(", "))
    }
}
