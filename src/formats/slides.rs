//! The slide deck of the management's review meeting: 16:9 pages along MSB's agenda, typeset
//! by Typst from `slides.typ.tera` and compiled like the report, to PDF/A-2a and PDF/UA-1.

use super::{Finish, ReportFormat, ReportJob, pdf};
use crate::error::BuildError;
use crate::render::Page;

/// The meeting's slide deck.
pub struct Slides;

/// What the deck's file name adds to the report's.
const SUFFIX: &str = "-presentation";

impl ReportFormat for Slides {
    fn name(&self) -> &'static str {
        "slides"
    }

    fn about(&self) -> &'static str {
        "the slide deck for the management's review meeting (PDF, 16:9)"
    }

    fn file_name(&self, stem: &str) -> String {
        format!("{}.pdf", deck_stem(stem))
    }

    fn pages(&self) -> &'static [Page] {
        &[Page::Slides]
    }

    fn compiles(&self) -> bool {
        true
    }

    fn start<'a>(&self, job: &'a ReportJob<'a>) -> Result<Finish<'a>, BuildError> {
        let view = crate::view::slides_view(job.view, job.report, job.diff);
        let source = job.renderer.slides(&view).map_err(|e| BuildError::template(&e))?;
        pdf::compile(job, source, None, deck_stem(&job.config.file_stem()))
    }
}

/// The deck's name from the report's: `ledningens-genomgang-2024-presentation`, and
/// `…-presentation-publik` for the public edition's.
fn deck_stem(stem: &str) -> String {
    match stem.strip_suffix("-publik") {
        Some(base) => format!("{base}{SUFFIX}-publik"),
        None => format!("{stem}{SUFFIX}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deck_is_named_after_the_report_and_its_edition() {
        assert_eq!(
            Slides.file_name("ledningens-genomgang-2024"),
            "ledningens-genomgang-2024-presentation.pdf"
        );
        assert_eq!(
            Slides.file_name("ledningens-genomgang-2024-publik"),
            "ledningens-genomgang-2024-presentation-publik.pdf"
        );
    }
}
