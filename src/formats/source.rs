//! The generated Typst source of a report, written beside the PDF when asked for (`--typst`, or
//! `--format typst`): what the PDF's diagnostics point into, and what a template author reads.

use super::{Finish, Made, ReportFormat, ReportJob};
use crate::error::BuildError;
use crate::render::Page;

/// The report's Typst source.
pub struct TypstSource;

impl ReportFormat for TypstSource {
    fn name(&self) -> &'static str {
        "typst"
    }

    fn about(&self) -> &'static str {
        "the generated Typst source of the PDF"
    }

    fn file_name(&self, stem: &str) -> String {
        format!("{stem}.typ")
    }

    fn in_all(&self) -> bool {
        false
    }

    fn pages(&self) -> &'static [Page] {
        &[Page::ReportTypst]
    }

    fn start<'a>(&self, job: &'a ReportJob<'a>) -> Result<Finish<'a>, BuildError> {
        Ok(Box::new(move || Ok(Made::text(job.typst_source()?.to_string()))))
    }
}
