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
        let spans = self.doc.get_pages().values().map(|&id| self.glyph_spans(id)).collect();
        let mut device = TextDevice { spans, ..TextDevice::default() };
        pdf_extract::output_doc(&self.doc, &mut device).expect("the PDF's text can be extracted");
        device.pages
    }

    /// For each glyph page `id` draws, in the order the extractor sees them (content stream,
    /// form XObjects where they are drawn): the `ActualText` span it is in, if any, as (span
    /// number, text). Typst writes a cluster of several glyphs (a letter with a combining mark)
    /// and the hyphen it adds at a line break as such spans; the text is what they stand for.
    fn glyph_spans(&self, id: pdf_extract::ObjectId) -> Vec<Option<(usize, String)>> {
        let mut out = Vec::new();
        let Ok(page) = self.doc.get_dictionary(id) else { return out };
        let Ok(content) = self.doc.get_page_content(id) else { return out };
        let resources = self.deref_dict(page.get(b"Resources").ok());
        let mut walk = SpanWalk { pdf: self, stack: Vec::new(), spans: 0, code_bytes: 2 };
        walk.stream(&content, resources, &mut out);
        out
    }

    /// The dictionary `object` is or refers to.
    fn deref_dict<'a>(&'a self, object: Option<&'a Object>) -> Option<&'a pdf_extract::Dictionary> {
        match object? {
            Object::Dictionary(d) => Some(d),
            Object::Reference(id) => self.doc.get_dictionary(*id).ok(),
            _ => None,
        }
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
        let info = self.deref_dict(self.doc.trailer.get(b"Info").ok())?;
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

    /// The titles of the document outline (the bookmarks), depth first, each indented by two
    /// spaces a level.
    pub fn bookmarks(&self) -> Vec<String> {
        let Ok(catalog) = self.doc.catalog() else { return Vec::new() };
        let Some(outlines) = self.deref_dict(catalog.get(b"Outlines").ok()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        self.outline_items(outlines.get(b"First").ok(), 0, &mut out);
        out
    }

    fn outline_items<'a>(
        &'a self,
        mut item: Option<&'a Object>,
        depth: usize,
        out: &mut Vec<String>,
    ) {
        while let Some(dict) = self.deref_dict(item) {
            if let Ok(Object::String(bytes, _)) = dict.get(b"Title") {
                out.push(format!("{}{}", "  ".repeat(depth), decode_text_string(bytes)));
            }
            self.outline_items(dict.get(b"First").ok(), depth + 1, out);
            item = dict.get(b"Next").ok();
        }
    }

    /// Every language the document's structure names (`/Lang` of the catalog and of structure
    /// elements), each once, sorted.
    pub fn languages(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .doc
            .objects
            .values()
            .filter_map(|o| match o.as_dict().ok()?.get(b"Lang").ok()? {
                Object::String(bytes, _) => Some(decode_text_string(bytes)),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Whether the catalog says the document is tagged (`/MarkInfo << /Marked true >>`).
    pub fn tagged(&self) -> bool {
        let Ok(catalog) = self.doc.catalog() else { return false };
        let Some(mark_info) = self.deref_dict(catalog.get(b"MarkInfo").ok()) else { return false };
        matches!(mark_info.get(b"Marked"), Ok(Object::Boolean(true)))
    }
}

/// Walks a content stream for [`Pdf::glyph_spans`].
struct SpanWalk<'a> {
    pdf: &'a Pdf,
    /// The open marked-content sequences, each with its span (number, text) if it has one.
    stack: Vec<Option<(usize, String)>>,
    /// Spans seen so far.
    spans: usize,
    /// Bytes per character code of the current font: 2 for Typst's CID fonts, 1 for others.
    code_bytes: usize,
}

impl SpanWalk<'_> {
    fn stream(
        &mut self,
        content: &[u8],
        resources: Option<&pdf_extract::Dictionary>,
        out: &mut Vec<Option<(usize, String)>>,
    ) {
        let Ok(content) = pdf_extract::content::Content::decode(content) else { return };
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    let font =
                        op.operands.first().and_then(|n| n.as_name().ok()).and_then(|name| {
                            let fonts = self.pdf.deref_dict(resources?.get(b"Font").ok())?;
                            self.pdf.deref_dict(fonts.get(name).ok())
                        });
                    let composite = font
                        .and_then(|f| f.get(b"Subtype").and_then(Object::as_name).ok())
                        .is_some_and(|n| n == b"Type0");
                    self.code_bytes = if composite { 2 } else { 1 };
                }
                "Tj" | "'" | "\"" => {
                    if let Some(Object::String(bytes, _)) = op.operands.last() {
                        self.glyphs(bytes.len(), out);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = op.operands.first() {
                        for item in items {
                            if let Object::String(bytes, _) = item {
                                self.glyphs(bytes.len(), out);
                            }
                        }
                    }
                }
                "BMC" => self.stack.push(None),
                "BDC" => {
                    let properties = match op.operands.get(1) {
                        Some(Object::Name(name)) => resources
                            .and_then(|r| self.pdf.deref_dict(r.get(b"Properties").ok()))
                            .and_then(|p| self.pdf.deref_dict(p.get(name).ok())),
                        other => self.pdf.deref_dict(other),
                    };
                    let text = properties.and_then(|p| match p.get(b"ActualText") {
                        Ok(Object::String(bytes, _)) => Some(decode_text_string(bytes)),
                        _ => None,
                    });
                    let span = text.map(|t| {
                        self.spans += 1;
                        (self.spans, t)
                    });
                    self.stack.push(span);
                }
                "EMC" => drop(self.stack.pop()),
                "Do" => {
                    let form =
                        op.operands.first().and_then(|n| n.as_name().ok()).and_then(|name| {
                            let xobjects = self.pdf.deref_dict(resources?.get(b"XObject").ok())?;
                            match xobjects.get(name).ok()? {
                                Object::Reference(id) => self.pdf.doc.get_object(*id).ok(),
                                other => Some(other),
                            }
                        });
                    if let Some(Object::Stream(stream)) = form {
                        let inner = self.pdf.deref_dict(stream.dict.get(b"Resources").ok());
                        let content = stream
                            .decompressed_content()
                            .unwrap_or_else(|_| stream.content.clone());
                        self.stream(&content, inner.or(resources), out);
                    }
                }
                _ => {}
            }
        }
    }

    /// Records `bytes` worth of glyphs drawn in the innermost open span.
    fn glyphs(&self, bytes: usize, out: &mut Vec<Option<(usize, String)>>) {
        let span = self.stack.iter().rev().find_map(Clone::clone);
        for _ in 0..bytes / self.code_bytes.max(1) {
            out.push(span.clone());
        }
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
/// it on the same line, as when a table's next cell is drawn). A glyph inside an `ActualText`
/// span stands for the span's text, written once, when the glyph count agrees with the walk of
/// the content stream ([`Pdf::glyph_spans`]).
#[derive(Default)]
struct TextDevice {
    pages: Vec<String>,
    /// For each page, what [`Pdf::glyph_spans`] found.
    spans: Vec<Vec<Option<(usize, String)>>>,
    flip: Option<Transform>,
    /// This page's glyphs: position, end, size and text.
    glyphs: Vec<Glyph>,
}

/// One glyph drawn, where it starts and ends (in points, y downwards), its size and its text.
struct Glyph {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// How far, in font sizes, the next glyph may start right of the previous one's end and still
/// belong to the same word: kerning is far below, a space is about a quarter.
const WORD_GAP: f64 = 0.1;

/// How far, in font sizes, the baseline may move (super- and subscripts) within one line.
const LINE_SHIFT: f64 = 0.5;

impl TextDevice {
    /// The page's text from its glyphs, with the spans of page `index` when they match.
    fn page_text(&self, index: usize) -> String {
        let spans = self.spans.get(index).filter(|s| s.len() == self.glyphs.len());
        let mut page = String::new();
        let mut last: Option<(f64, f64)> = None;
        let mut last_span = None;
        for (i, glyph) in self.glyphs.iter().enumerate() {
            let span = spans.and_then(|s| s[i].as_ref());
            let text = match span {
                Some((n, _)) if last_span == Some(*n) => "",
                Some((_, text)) => text.as_str(),
                None => glyph.text.as_str(),
            };
            last_span = span.map(|(n, _)| *n);
            if !text.is_empty()
                && let Some((end, last_y)) = last
            {
                if (glyph.y - last_y).abs() > glyph.size * LINE_SHIFT {
                    page.push('\n');
                } else if (glyph.x > end + glyph.size * WORD_GAP || glyph.x < end - glyph.size)
                    && !page.ends_with(char::is_whitespace)
                {
                    // A justified line's spaces are wider than the space glyph: one is enough.
                    page.push(' ');
                }
            }
            page.push_str(text);
            last = Some((glyph.end, glyph.y));
        }
        page
    }
}

impl OutputDev for TextDevice {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Some(Transform::row_major(1., 0., 0., -1., 0., media_box.ury - media_box.lly));
        self.glyphs.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let text = self.page_text(self.pages.len());
        self.pages.push(text);
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
        self.glyphs.push(Glyph { x, end: x + width * size, y, size, text: text.to_string() });
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
