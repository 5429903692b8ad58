//! The Word edition of a report (`.docx`), for those who work in Word: the secretariat that
//! pastes parts into the board's memo, colleagues who comment with tracked changes.

use super::{Finish, Made, ReportFormat, ReportJob};
use crate::error::BuildError;
use crate::render::Page;

/// The report's Word edition.
pub struct Docx;

impl ReportFormat for Docx {
    fn name(&self) -> &'static str {
        "docx"
    }

    fn about(&self) -> &'static str {
        "the Word edition, for those who work in Word"
    }

    fn file_name(&self, stem: &str) -> String {
        format!("{stem}.docx")
    }

    fn pages(&self) -> &'static [Page] {
        &[]
    }

    fn start<'a>(&self, job: &'a ReportJob<'a>) -> Result<Finish<'a>, BuildError> {
        Ok(Box::new(move || {
            let bytes = crate::word::write(job.view)
                .map_err(|e| BuildError::Io(crate::tr!("format-docx-failed", error = e)))?;
            Ok(Made { bytes, pages: None })
        }))
    }
}
