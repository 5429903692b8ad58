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
pub mod web;

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
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

/// What Typst's font book needs of each embedded file, per face: name, styles and coverage, as
/// `FontInfo::iter` reads it from the file. Kept beside the fonts so that building the book does
/// not read every font (a test checks that it matches them; `LEDGEN_WRITE_FONT_BOOK=1 cargo test
/// font_book` writes it anew after a font changes).
const BOOK: &str = include_str!("../../fonts/book.json");

/// The faces of each embedded file, from [`BOOK`].
pub(crate) fn embedded_infos() -> &'static [Vec<FontInfo>] {
    static INFOS: OnceLock<Vec<Vec<FontInfo>>> = OnceLock::new();
    INFOS.get_or_init(|| {
        serde_json::from_str(BOOK).expect("fonts/book.json is valid (a test reads it)")
    })
}

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

/// The book Typst selects fonts from, and the fonts, each parsed the first time a document uses
/// it (as the Typst CLI does): the book needs only each face's name, styles and coverage, and most
/// documents never use the fallback fonts for Arabic, Hebrew, symbols, mathematics and emoji.
pub struct Fonts {
    /// Metadata of every font, by index.
    pub book: LazyHash<FontBook>,
    /// The fonts, in the book's order.
    slots: Vec<Slot>,
}

/// One face of a font file, and the font once parsed. Clones share the parsed font.
#[derive(Clone)]
struct Slot {
    data: Bytes,
    /// The face's index within its file (a collection holds several).
    index: u32,
    font: OnceLock<Option<Font>>,
}

impl Fonts {
    /// The book of the embedded font files.
    pub fn embedded() -> Self {
        let mut fonts = Fonts { book: LazyHash::new(FontBook::new()), slots: Vec::new() };
        let files = EMBEDDED.iter().zip(embedded_infos());
        fonts.add(files.map(|(data, infos)| (Bytes::new(*data), infos.clone())));
        fonts
    }

    /// These fonts and those in `extra` (font files; what is not a font is left out).
    pub fn with(&self, extra: &[Bytes]) -> Self {
        let mut fonts = Fonts { book: self.book.clone(), slots: self.slots.clone() };
        fonts.add(extra.iter().map(|data| (data.clone(), FontInfo::iter(data).collect())));
        fonts
    }

    /// The font at `index` in the book, parsed on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font.get_or_init(|| Font::new(slot.data.clone(), slot.index)).clone()
    }

    /// How many faces the book holds.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.slots.len()
    }

    /// Adds font files, each with the faces it holds, to the book.
    fn add(&mut self, files: impl Iterator<Item = (Bytes, Vec<FontInfo>)>) {
        let mut book = (*self.book).clone();
        for (data, infos) in files {
            for (index, info) in infos.into_iter().enumerate() {
                book.push(info);
                let index = u32::try_from(index).expect("a font file holds few faces");
                self.slots.push(Slot { data: data.clone(), index, font: OnceLock::new() });
            }
        }
        self.book = LazyHash::new(book);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_book_matches_the_embedded_files() {
        let read: Vec<Vec<FontInfo>> =
            EMBEDDED.iter().map(|data| FontInfo::iter(data).collect()).collect();
        if std::env::var_os("LEDGEN_WRITE_FONT_BOOK").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/book.json");
            std::fs::write(path, serde_json::to_string(&read).unwrap() + "\n").unwrap();
            return;
        }
        assert!(
            embedded_infos() == read.as_slice(),
            "fonts/book.json does not describe the embedded fonts; write it anew with \
             `LEDGEN_WRITE_FONT_BOOK=1 cargo test font_book`"
        );
    }

    #[test]
    fn every_embedded_file_yields_a_font_of_a_listed_family() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.len(), EMBEDDED.len());
        for index in 0..fonts.len() {
            let font = fonts.font(index).expect("every embedded face parses");
            assert_eq!(
                Some(font.info()),
                fonts.book.info(index),
                "the book describes font {index}"
            );
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
