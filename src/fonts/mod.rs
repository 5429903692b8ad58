//! The fonts embedded in the binary, used by the compile stage (`crate::pdf`) and by the loader's
//! character check ([`coverage`]). System fonts are never looked at, so a PDF is the same on every
//! machine. A leaf module: it depends on Typst's font types only, so that the model and the PDF
//! stage can both read it without importing each other.
//!
//! Inter sets the text (Latin including the Sámi and Meänkieli letters, Cyrillic, Greek); the
//! Noto fonts after it fill in the scripts and symbols Inter lacks, in the order of
//! [`FAMILIES`]. Only the faces the templates use are embedded (regular and bold; a family with
//! one face is used at both weights).

pub mod coverage;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The font files under `fonts/`, embedded at build time (all under the SIL Open Font License
/// 1.1: `fonts/LICENSE` for Inter, `fonts/LICENSE-Noto` for the others).
pub(crate) static EMBEDDED: &[&[u8]] = &[
    include_bytes!("../../fonts/Inter-Regular.otf"),
    include_bytes!("../../fonts/Inter-Italic.otf"),
    include_bytes!("../../fonts/Inter-SemiBold.otf"),
    include_bytes!("../../fonts/Inter-Bold.otf"),
    include_bytes!("../../fonts/Inter-BoldItalic.otf"),
    include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansArabic-Bold.ttf"),
    include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansHebrew-Bold.ttf"),
    include_bytes!("../../fonts/NotoSansSymbols-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansSymbols-Bold.ttf"),
    include_bytes!("../../fonts/NotoSansSymbols2-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansMath-Regular.ttf"),
    include_bytes!("../../fonts/NotoEmoji-Regular.ttf"),
];

/// The font families in the order text falls back through them; `templates/report.typ.tera`
/// sets the same list (a test checks that it does).
#[cfg(test)]
const FAMILIES: &[&str] = &[
    "Inter",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Symbols",
    "Noto Sans Symbols2",
    "Noto Sans Math",
    "Noto Emoji",
];

/// Parsed fonts and the book Typst selects them from.
pub struct Fonts {
    /// Metadata of every font, by index.
    pub book: LazyHash<FontBook>,
    /// The fonts, in the book's order.
    pub fonts: Vec<Font>,
}

impl Fonts {
    /// Parses the embedded font files.
    pub fn embedded() -> Self {
        let fonts: Vec<Font> =
            EMBEDDED.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        let book = FontBook::from_fonts(&fonts);
        Fonts { book: LazyHash::new(book), fonts }
    }

    /// These fonts and those in `extra` (font files; what is not a font is left out).
    pub fn with(&self, extra: &[Bytes]) -> Self {
        let mut fonts = self.fonts.clone();
        fonts.extend(extra.iter().flat_map(|data| Font::iter(data.clone())));
        let book = FontBook::from_fonts(&fonts);
        Fonts { book: LazyHash::new(book), fonts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_yields_a_font_of_a_listed_family() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.fonts.len(), EMBEDDED.len());
        for font in &fonts.fonts {
            let family = &font.info().family;
            assert!(FAMILIES.contains(&family.as_str()), "unlisted family `{family}`");
        }
        for family in FAMILIES {
            assert!(fonts.book.contains_family(&family.to_lowercase()), "no font of `{family}`");
        }
    }

    #[test]
    fn the_template_falls_back_through_the_embedded_families() {
        let template = include_str!("../../templates/report.typ.tera");
        let list = FAMILIES.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ");
        assert!(
            template.contains(&format!("#let text-fonts = ({list})")),
            "report.typ.tera lacks {list}"
        );
    }
}
