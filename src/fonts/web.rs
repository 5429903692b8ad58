//! The embedded fonts as an HTML page embeds them, so that the page is set in the PDF's
//! typefaces on every reader's machine: each face of every family the page's text needs (Inter,
//! and the Noto font a character falls back to, as in the PDF), cut to the characters the page
//! holds and compressed as WOFF2. A face is cut by the subsetter Typst's PDFs use, which drops
//! the character map a browser needs; the cut face gets a new one (and the original's `OS/2`
//! table, which browsers require and the subsetter leaves out).
//!
//! The cut faces have no kerning or ligature tables (the subsetter keeps none), so the page's
//! letters are the PDF's, set without its kerning.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use read_fonts::{FontRef, TableProvider};
use typst::text::FontStyle;
use write_fonts::types::{GlyphId, Tag};

use super::{EMBEDDED, embedded_infos};

/// One face as the page embeds it.
#[derive(Clone, Debug)]
pub struct WebFace {
    /// Its family, as the page's CSS names it.
    pub family: String,
    /// Its weight (400 regular, 600 semibold, 700 bold).
    pub weight: u16,
    /// Whether it is the italic face.
    pub italic: bool,
    /// The cut face as WOFF2.
    pub woff2: Arc<Vec<u8>>,
}

/// Characters every page may show although its text need not hold them: the printable ASCII
/// characters (a reader's search or a later edit of the page), and the spaces and dashes that
/// typography puts between words.
fn always() -> impl Iterator<Item = char> {
    (' '..='~').chain(['\u{A0}', '\u{AD}', '\u{2011}', '\u{2013}', '\u{2014}', '\u{2026}'])
}

/// Brotli quality of the WOFF2 data: 6 of 11 makes a cut face in about a millisecond, some 10 %
/// larger than 11, which takes ten times as long (see docs/performance.md).
const QUALITY: u8 = 6;

/// The faces a page holding `chars` (see [`characters`]) needs, each cut to those it shows:
/// every face of Inter, and of each fallback family that shows a character Inter lacks, in the
/// order of the PDF's fallback. A face that cannot be cut is left out (the page then falls back
/// to the reader's fonts for it, as it did before fonts were embedded).
pub fn faces_for(chars: &[char]) -> Vec<WebFace> {
    let infos = embedded_infos();
    // The characters each family shows: the first family, in the order of the files, that has
    // a glyph for a character shows it.
    let mut families: Vec<&str> = Vec::new();
    for info in infos.iter().flatten() {
        if !families.contains(&info.family.as_str()) {
            families.push(&info.family);
        }
    }
    let mut shown: BTreeMap<&str, Vec<char>> = BTreeMap::new();
    for &c in chars {
        let family = families.iter().find(|family| {
            infos.iter().flatten().any(|i| i.family == **family && i.coverage.contains(c as u32))
        });
        if let Some(family) = family {
            shown.entry(family).or_default().push(c);
        }
    }
    // Each face is cut on its own, side by side.
    use rayon::prelude::*;
    let wanted: Vec<(usize, &typst::text::FontInfo, &Vec<char>)> = infos
        .iter()
        .enumerate()
        .filter_map(|(file, faces)| {
            let info = faces.first()?;
            Some((file, info, shown.get(info.family.as_str())?))
        })
        .collect();
    wanted
        .into_par_iter()
        .filter_map(|(file, info, chars)| {
            Some(WebFace {
                family: info.family.clone(),
                weight: info.variant.weight.to_number(),
                italic: info.variant.style != FontStyle::Normal,
                woff2: cut(file, chars)?,
            })
        })
        .collect()
}

/// The CSS `@font-face` rules of `faces`, each face's data inline.
pub fn font_face_css(faces: &[WebFace]) -> String {
    use base64::Engine;
    faces
        .iter()
        .map(|face| {
            format!(
                "@font-face {{ font-family: \"{}\"; src: url(\"data:font/woff2;base64,{}\") \
                 format(\"woff2\"); font-weight: {}; font-style: {}; font-display: swap; }}\n",
                face.family,
                base64::engine::general_purpose::STANDARD.encode(face.woff2.as_slice()),
                face.weight,
                if face.italic { "italic" } else { "normal" },
            )
        })
        .collect()
}

/// Most cut faces kept for later pages: `serve` rebuilds the same page on every save, and the
/// reports of `build --all` share most of their characters.
const CACHED_FACES: usize = 64;

/// The face of embedded file `file` cut to `chars` as WOFF2, from the cache when cut before.
fn cut(file: usize, chars: &[char]) -> Option<Arc<Vec<u8>>> {
    cut_font(FontKey::Embedded(file), EMBEDDED.get(file)?, chars)
}

/// The font file `data` (a brand's) cut to the characters of `chars` it has, as WOFF2; none when
/// it cannot be cut (then the page keeps the file as it is).
pub fn cut_to(data: &[u8], chars: &[char]) -> Option<Arc<Vec<u8>>> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut hasher);
    cut_font(FontKey::Other(hasher.finish()), data, chars)
}

/// The characters a page holding `text` may show, in order: those of `text` and [`always`],
/// without control characters. A page is mostly ASCII (its markup and style): those are marked in
/// a table, and only the others kept in a set.
pub fn characters(text: &str) -> Vec<char> {
    let mut ascii = [false; 128];
    let mut others = BTreeSet::new();
    for c in text.chars().chain(always()) {
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < 128 => ascii[i] = true,
            _ => {
                others.insert(c);
            }
        }
    }
    let ascii = (0..128u8).filter(|&i| ascii[usize::from(i)]).map(char::from);
    ascii.chain(others).filter(|c| !c.is_control()).collect()
}

/// Which font a cut face was cut from, for the cache: an embedded file by its index (never
/// hashed: a page cuts five of them), another by a hash of its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum FontKey {
    Embedded(usize),
    Other(u64),
}

/// The font file `data` cut to `chars` as WOFF2, from the cache when cut before.
fn cut_font(font: FontKey, data: &[u8], chars: &[char]) -> Option<Arc<Vec<u8>>> {
    type Cache = Mutex<HashMap<(FontKey, String), Arc<Vec<u8>>>>;
    static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
    let key = (font, chars.iter().collect::<String>());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(face) = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&key) {
        return Some(face.clone());
    }
    let sfnt = cut_sfnt(data, chars)?;
    let face = Arc::new(ttf2woff2::encode(&sfnt, ttf2woff2::BrotliQuality::from(QUALITY)).ok()?);
    let mut cache = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if cache.len() >= CACHED_FACES {
        cache.clear();
    }
    cache.insert(key, face.clone());
    Some(face)
}

/// The font file `data` cut to the glyphs of `chars`, with a character map for them.
fn cut_sfnt(data: &[u8], chars: &[char]) -> Option<Vec<u8>> {
    let original = FontRef::new(data).ok()?;
    let cmap = original.cmap().ok()?;
    let glyphs: Vec<(char, u16)> = chars
        .iter()
        .filter_map(|&c| Some((c, u16::try_from(cmap.map_codepoint(c)?.to_u32()).ok()?)))
        .filter(|(_, glyph)| *glyph != 0)
        .collect();
    let mut remapper = subsetter::GlyphRemapper::new();
    for (_, glyph) in &glyphs {
        remapper.remap(*glyph);
    }
    let cut = subsetter::subset(data, 0, &remapper).ok()?;
    let mappings = glyphs
        .iter()
        .filter_map(|(c, glyph)| Some((*c, GlyphId::new(u32::from(remapper.get(*glyph)?)))));
    let cmap = write_fonts::tables::cmap::Cmap::from_mappings(mappings).ok()?;
    let os2 = Tag::new(b"OS/2");
    let mut font = write_fonts::FontBuilder::new();
    font.add_table(&cmap).ok()?;
    if let Some(table) = original.table_data(os2) {
        font.add_raw(os2, table.as_bytes().to_vec());
    }
    font.copy_missing_tables(FontRef::new(&cut).ok()?);
    Some(font.build())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters a font file maps to a glyph other than `.notdef`.
    fn mapped(sfnt: &[u8]) -> BTreeSet<char> {
        let font = FontRef::new(sfnt).expect("the cut face is a font");
        let cmap = font.cmap().expect("the cut face has a character map");
        ('\0'..='\u{1FFFF}')
            .filter(|&c| cmap.map_codepoint(c).is_some_and(|g| g.to_u32() != 0))
            .collect()
    }

    /// The embedded file of `family`'s regular face.
    fn file_of(family: &str) -> usize {
        embedded_infos().iter().position(|faces| faces[0].family == family).expect("embedded")
    }

    #[test]
    fn a_cut_face_maps_exactly_the_characters_it_was_cut_to() {
        let inter = EMBEDDED[file_of("Inter")];
        let sfnt = cut_sfnt(inter, &['L', 'å', 'Ö', '–', 'ß']).expect("Inter can be cut");
        assert_eq!(mapped(&sfnt), ['L', 'å', 'Ö', '–', 'ß'].into());
        // The tables a browser requires, and a few kilobytes instead of the 256 KB of the whole.
        let font = FontRef::new(&sfnt).unwrap();
        for tag in [b"cmap", b"head", b"hhea", b"hmtx", b"maxp", b"name", b"OS/2", b"post", b"CFF "]
        {
            assert!(font.table_data(Tag::new(tag)).is_some(), "{}", String::from_utf8_lossy(tag));
        }
        assert!(sfnt.len() < 8_000, "{} bytes", sfnt.len());
        // A character the font lacks is left out, not mapped to `.notdef`.
        let symbols = cut_sfnt(inter, &['a', 'ب']).unwrap();
        assert_eq!(mapped(&symbols), ['a'].into());
    }

    #[test]
    fn a_page_gets_every_inter_face_cut_to_its_characters() {
        let faces = faces_for(&characters("Ledningens genomgång – Överensstämmelse"));
        let styles: BTreeSet<(u16, bool)> = faces.iter().map(|f| (f.weight, f.italic)).collect();
        assert_eq!(
            styles,
            [(400, false), (400, true), (600, false), (700, false), (700, true)].into()
        );
        // No fallback font when Inter shows every character.
        assert!(faces.iter().all(|f| f.family == "Inter"));
        for face in &faces {
            assert!(face.woff2.starts_with(b"wOF2"), "WOFF2 data");
            assert!(face.woff2.len() < 8_000, "{} bytes", face.woff2.len());
        }
    }

    #[test]
    fn a_character_inter_lacks_brings_the_font_the_pdf_falls_back_to() {
        let faces = faces_for(&characters("Status 🙂 och ب"));
        let families: BTreeSet<&str> = faces.iter().map(|f| f.family.as_str()).collect();
        let cut = |family: &str, chars: &[char]| {
            mapped(&cut_sfnt(EMBEDDED[file_of(family)], chars).unwrap())
        };
        for c in ['🙂', 'ب'] {
            let family = families.iter().find(|f| **f != "Inter" && cut(f, &[c]).contains(&c));
            assert!(family.is_some(), "no embedded family for {c}: {families:?}");
        }
        assert_eq!(families.len(), 3, "Inter and one family for each: {families:?}");
    }

    #[test]
    fn the_css_names_each_face_with_its_data() {
        let css = font_face_css(&faces_for(&characters("Ja")));
        assert_eq!(css.matches("@font-face").count(), 5, "{css}");
        assert!(css.contains("font-family: \"Inter\"; src: url(\"data:font/woff2;base64,d09GMk"));
        assert!(css.contains("font-weight: 600; font-style: normal;"), "{css}");
        assert!(css.contains("font-weight: 700; font-style: italic;"), "{css}");
    }
}
