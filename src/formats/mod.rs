//! The output formats, one place each. A report's formats (the PDF, the HTML page, the generated
//! Typst source) are types behind [`ReportFormat`]; the comparison of two years (text, Markdown,
//! HTML, JSON) behind [`ComparisonFormat`]. Each is registered once, in [`REPORT_FORMATS`] or
//! [`COMPARISON_FORMATS`], and `build`, `serve`, `build --all`, `diff` and the tests ask for them
//! by name. A new format is one module here, its templates, and a line in a registry.

mod comparison;
mod docx;
mod html;
mod pdf;
mod slides;
mod source;

use std::cell::OnceCell;
use std::fmt;

pub use comparison::{is_unsafe, sanitized, terminal_safe};

use crate::config::BuildConfig;
use crate::diff::ReportDiff;
use crate::error::BuildError;
use crate::model::Report;
use crate::pdf::Compiler;
use crate::render::{Page, Renderer};
use crate::view::ReportView;

/// One output of a report: a name to ask for it by, the file it writes, and how its bytes are
/// made from the view and what the session shares (the templates, the compiler).
pub trait ReportFormat: Sync {
    /// Its name on the command line (`--format pdf,html`).
    fn name(&self) -> &'static str;
    /// What it is, in a few words, for `--help`.
    fn about(&self) -> &'static str;
    /// The name of the file it writes, from the report's base name
    /// (`ledningens-genomgang-2023`, `…-publik`).
    fn file_name(&self, stem: &str) -> String;
    /// Whether `--format all` makes it.
    fn in_all(&self) -> bool {
        true
    }
    /// The pages (built-in templates) it renders, so that they can be parsed while the content
    /// loads.
    fn pages(&self) -> &'static [Page];
    /// Whether it starts work that runs on while the other formats are made (a compilation), so
    /// that the build starts it first.
    fn compiles(&self) -> bool {
        false
    }
    /// Starts making the output; the returned [`Finish`] completes it. A format that compiles
    /// starts its compilation here and waits for it in `Finish`; the others do their work in
    /// `Finish`, while the compilations run.
    fn start<'a>(&self, job: &'a ReportJob<'a>) -> Result<Finish<'a>, BuildError>;
}

impl fmt::Debug for dyn ReportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The rest of a started output's work.
pub type Finish<'a> = Box<dyn FnOnce() -> Result<Made, BuildError> + 'a>;

/// An output's bytes.
#[derive(Debug)]
pub struct Made {
    /// The file's content.
    pub bytes: Vec<u8>,
    /// Its number of pages, for a paged format.
    pub pages: Option<usize>,
}

impl Made {
    /// Text, unpaged.
    fn text(text: String) -> Self {
        Made { bytes: text.into_bytes(), pages: None }
    }
}

/// What a report's formats are made from: the build's configuration, the report (of the edition
/// built), its view, and the session's parsed templates and compiler.
pub struct ReportJob<'a> {
    /// The build.
    pub config: &'a BuildConfig,
    /// The report, with what the edition leaves out removed.
    pub report: &'a Report,
    /// What the templates see.
    pub view: &'a ReportView,
    /// The report folder's templates.
    pub renderer: &'a Renderer,
    /// The Typst compiler.
    pub compiler: &'a Compiler,
    /// The comparison with last year's report, when there is one.
    pub diff: Option<&'a ReportDiff>,
    /// The report's Typst source, rendered once for the formats that need it.
    typst: OnceCell<String>,
}

impl<'a> ReportJob<'a> {
    /// A job over the given parts.
    pub fn new(
        config: &'a BuildConfig,
        report: &'a Report,
        view: &'a ReportView,
        renderer: &'a Renderer,
        compiler: &'a Compiler,
        diff: Option<&'a ReportDiff>,
    ) -> Self {
        ReportJob { config, report, view, renderer, compiler, diff, typst: OnceCell::new() }
    }

    /// The report's Typst source (the PDF's, and the `typst` format's file), rendered on first
    /// use.
    pub fn typst_source(&self) -> Result<&str, BuildError> {
        if let Some(source) = self.typst.get() {
            return Ok(source);
        }
        let source = self.renderer.typst(self.view).map_err(|e| BuildError::template(&e))?;
        Ok(self.typst.get_or_init(|| source))
    }
}

/// Every report format, in the order a build lists what it wrote.
pub static REPORT_FORMATS: &[&dyn ReportFormat] =
    &[&html::Html, &pdf::Pdf, &docx::Docx, &slides::Slides, &source::TypstSource];

/// The formats `build` makes when not told: the PDF and the HTML page.
pub const DEFAULT_FORMATS: &[&str] = &["pdf", "html"];

/// The report format called `name`.
pub fn report_format(name: &str) -> Option<&'static dyn ReportFormat> {
    REPORT_FORMATS.iter().copied().find(|f| f.name() == name)
}

/// The report formats `names` ask for, in registry order, each once; `all` stands for every
/// format [`ReportFormat::in_all`]. An unknown name is an error that lists the known ones.
pub fn report_formats(names: &[impl AsRef<str>]) -> Result<Vec<&'static dyn ReportFormat>, String> {
    let mut wanted = Vec::new();
    for name in names {
        let name = name.as_ref().trim();
        if name == "all" {
            wanted.extend(REPORT_FORMATS.iter().copied().filter(|f| f.in_all()));
        } else {
            match report_format(name) {
                Some(format) => wanted.push(format),
                None => {
                    return Err(crate::tr!(
                        "format-unknown-report-format",
                        name = name,
                        known = report_format_names().join(", ")
                    ));
                }
            }
        }
    }
    Ok(REPORT_FORMATS
        .iter()
        .copied()
        .filter(|f| wanted.iter().any(|w| w.name() == f.name()))
        .collect())
}

/// The names of the report formats, in registry order.
pub fn report_format_names() -> Vec<&'static str> {
    REPORT_FORMATS.iter().map(|f| f.name()).collect()
}

/// One rendering of the comparison of two years.
pub trait ComparisonFormat: Sync {
    /// Its name on the command line (`ledgen diff --format html`).
    fn name(&self) -> &'static str;
    /// What it is, in a few words, for `--help`.
    fn about(&self) -> &'static str;
    /// The extension of the file it writes.
    fn extension(&self) -> &'static str;
    /// The page (built-in templates) it renders, if any, so that they can be parsed while the
    /// years load.
    fn page(&self) -> Option<Page>;
    /// The comparison, `diff` between an earlier report and `new`, rendered.
    fn render(&self, diff: ReportDiff, new: &Report) -> Result<String, BuildError>;
}

impl fmt::Debug for dyn ComparisonFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Every rendering of a comparison.
pub static COMPARISON_FORMATS: &[&dyn ComparisonFormat] =
    &[&comparison::Text, &comparison::Markdown, &comparison::Html, &comparison::Json];

/// The comparison format called `name`.
pub fn comparison_format(name: &str) -> Option<&'static dyn ComparisonFormat> {
    COMPARISON_FORMATS.iter().copied().find(|f| f.name() == name)
}

/// The comparison as an HTML page (the one `build --all` writes beside the reports).
pub fn comparison_html() -> &'static dyn ComparisonFormat {
    &comparison::Html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_in_each_registry() {
        let mut report = report_format_names();
        report.dedup();
        assert_eq!(report.len(), REPORT_FORMATS.len());
        let mut comparison: Vec<&str> = COMPARISON_FORMATS.iter().map(|f| f.name()).collect();
        comparison.sort_unstable();
        comparison.dedup();
        assert_eq!(comparison.len(), COMPARISON_FORMATS.len());
    }

    #[test]
    fn formats_are_asked_for_by_name_in_registry_order() {
        let names = |formats: Vec<&dyn ReportFormat>| -> Vec<&str> {
            formats.iter().map(|f| f.name()).collect()
        };
        assert_eq!(names(report_formats(&["pdf", "html"]).unwrap()), ["html", "pdf"]);
        assert_eq!(names(report_formats(&["typst", "pdf", "pdf"]).unwrap()), ["pdf", "typst"]);
        // `all` is every format made for readers; the Typst source is asked for by name.
        let all = names(report_formats(&["all"]).unwrap());
        assert!(all.contains(&"pdf") && all.contains(&"html") && !all.contains(&"typst"));
        assert!(all.contains(&"docx") && all.contains(&"slides"), "{all:?}");
        let error = report_formats(&["pfd"]).unwrap_err();
        assert!(
            error.contains("`pfd`") && error.contains("html, pdf, docx, slides, typst"),
            "{error}"
        );
    }

    #[test]
    fn each_format_writes_a_file_of_its_own() {
        let stem = "ledningens-genomgang-2023";
        let mut files: Vec<String> = REPORT_FORMATS.iter().map(|f| f.file_name(stem)).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), REPORT_FORMATS.len());
        assert!(files.iter().all(|f| f.starts_with(stem)));
    }
}
