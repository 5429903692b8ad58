//! The HTML page of a report: self-contained (styles and images inside), for the intranet.

use super::{Finish, Made, ReportFormat, ReportJob};
use crate::error::BuildError;
use crate::render::Page;

/// The report's HTML page.
pub struct Html;

impl ReportFormat for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn about(&self) -> &'static str {
        "the accessible HTML page, for the intranet"
    }

    fn file_name(&self, stem: &str) -> String {
        format!("{stem}.html")
    }

    fn pages(&self) -> &'static [Page] {
        &[Page::ReportHtml]
    }

    fn start<'a>(&self, job: &'a ReportJob<'a>) -> Result<Finish<'a>, BuildError> {
        // Rendered when finished: after the compiling formats have started.
        Ok(Box::new(move || {
            let page = job.renderer.html(job.view).map_err(|e| BuildError::template(&e))?;
            Ok(Made::text(page))
        }))
    }
}
