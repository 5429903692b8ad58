//! Reading the PDFs the tests build, in Rust (pdf-extract and its lopdf), so that `cargo test`
//! needs nothing but the Rust toolchain: the text of each page in content-stream order, as
//! `pdftotext -raw` gives it, and the few document facts the tests check (page count and size,
//! title, author, creation date, tagging).

use std::path::Path;

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

/// A PDF the tests read.
pub struct Pdf {
    doc: Document,
}

impl Pdf {
    /// Opens `path`; panics (the test fails) when it is not a readable PDF.
    pub fn open(path: &Path) -> Pdf {
        let doc = Document::load(path)
            .unwrap_or_else(|e| panic!("cannot read the PDF `{}`: {e}", path.display()));
        Pdf { doc }
    }

    /// The text of each page, lines separated by `\n`, in the order the page draws them.
    pub fn pages(&self) -> Vec<String> {
        let mut device = TextDevice::default();
        pdf_extract::output_doc(&self.doc, &mut device).expect("the PDF's text can be extracted");
        device.pages
    }

    /// The number of pages.
    pub fn page_count(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// Width and height of page `n` (from 1) in points, from its MediaBox.
    pub fn page_size(&self, n: usize) -> (f64, f64) {
        let pages = self.doc.get_pages();
        let id = pages[&u32::try_from(n).unwrap()];
        let page = self.doc.get_dictionary(id).unwrap();
        let media_box = page.get(b"MediaBox").expect("a MediaBox on every page");
        let numbers: Vec<f64> = media_box
            .as_array()
            .unwrap()
            .iter()
            .map(|o| match o {
                Object::Integer(i) => *i as f64,
                Object::Real(r) => f64::from(*r),
                other => panic!("odd MediaBox entry {other:?}"),
            })
            .collect();
        let [x0, y0, x1, y1] = numbers[..] else { panic!("odd MediaBox {numbers:?}") };
        ((x1 - x0).round(), (y1 - y0).round())
    }

    /// A text string of the document information dictionary (`Title`, `Author`,
    /// `CreationDate`), decoded from UTF-16BE or PDFDocEncoding.
    pub fn info(&self, key: &str) -> Option<String> {
        let info = self.doc.trailer.get(b"Info").ok()?;
        let info = match info {
            Object::Reference(id) => self.doc.get_dictionary(*id).ok()?,
            Object::Dictionary(d) => d,
            _ => return None,
        };
        let Object::String(bytes, _) = info.get(key.as_bytes()).ok()? else { return None };
        Some(decode_text_string(bytes))
    }

    /// The number of images the PDF holds (image XObjects, soft masks included).
    pub fn image_count(&self) -> usize {
        self.doc
            .objects
            .values()
            .filter(|o| match o {
                Object::Stream(stream) => stream
                    .dict
                    .get(b"Subtype")
                    .and_then(Object::as_name)
                    .is_ok_and(|n| n == b"Image"),
                _ => false,
            })
            .count()
    }

    /// The names (`BaseFont`) of the fonts the PDF uses, each once.
    pub fn font_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .doc
            .objects
            .values()
            .filter_map(|o| {
                let dict = o.as_dict().ok()?;
                if dict.get(b"Type").and_then(Object::as_name).ok()? != b"Font" {
                    return None;
                }
                let name = dict.get(b"BaseFont").and_then(Object::as_name).ok()?;
                Some(String::from_utf8_lossy(name).into_owned())
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Whether the catalog says the document is tagged (`/MarkInfo << /Marked true >>`).
    pub fn tagged(&self) -> bool {
        let Ok(catalog) = self.doc.catalog() else { return false };
        let mark_info = match catalog.get(b"MarkInfo") {
            Ok(Object::Dictionary(d)) => d,
            Ok(Object::Reference(id)) => match self.doc.get_dictionary(*id) {
                Ok(d) => d,
                Err(_) => return false,
            },
            _ => return false,
        };
        matches!(mark_info.get(b"Marked"), Ok(Object::Boolean(true)))
    }
}

/// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding, which agrees with
/// Latin-1 for every character a test compares.
fn decode_text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> =
                rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Collects each page's text: a new line where the baseline moves by more than half the font
/// size, a space where a glyph starts clearly right of where the previous one ended (or left of
/// it on the same line, as when a table's next cell is drawn).
#[derive(Default)]
struct TextDevice {
    pages: Vec<String>,
    page: String,
    flip: Option<Transform>,
    last: Option<(f64, f64)>,
}

/// How far, in font sizes, the next glyph may start right of the previous one's end and still
/// belong to the same word: kerning is far below, a space is about a quarter.
const WORD_GAP: f64 = 0.1;

/// How far, in font sizes, the baseline may move (super- and subscripts) within one line.
const LINE_SHIFT: f64 = 0.5;

impl OutputDev for TextDevice {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Some(Transform::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly));
        self.page.clear();
        self.last = None;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.pages.push(std::mem::take(&mut self.page));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let position = trm.post_transform(&self.flip.unwrap_or_else(Transform::identity));
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let (x, y) = (position.m31, position.m32);
        if let Some((end, last_y)) = self.last {
            if (y - last_y).abs() > size * LINE_SHIFT {
                self.page.push('\n');
            } else if (x > end + size * WORD_GAP || x < end - size)
                && !self.page.ends_with(char::is_whitespace)
            {
                // A justified line's spaces are wider than the space glyph: one space is enough.
                self.page.push(' ');
            }
        }
        self.page.push_str(text);
        self.last = Some((x + width * size, y));
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
