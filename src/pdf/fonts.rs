//! Compile stage: the fonts embedded in the binary. System fonts are never looked at, so a PDF is
//! the same on every machine.

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The font files under `fonts/`, embedded at build time (Inter, SIL Open Font License 1.1).
const EMBEDDED: &[&[u8]] = &[
    include_bytes!("../../fonts/Inter-Regular.otf"),
    include_bytes!("../../fonts/Inter-Italic.otf"),
    include_bytes!("../../fonts/Inter-SemiBold.otf"),
    include_bytes!("../../fonts/Inter-Bold.otf"),
    include_bytes!("../../fonts/Inter-BoldItalic.otf"),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_yields_a_font() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.fonts.len(), EMBEDDED.len());
        assert!(fonts.fonts.iter().all(|f| f.info().family == "Inter"));
    }
}
