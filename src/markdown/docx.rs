//! Markdown → Word (docx-rs paragraphs and tables), for the Word edition.
//!
//! The same events as the HTML and Typst writers read, written as Word's own structures: bold,
//! italics and struck text as run properties, links as hyperlinks, lists as Word numbering (so
//! that Word's list tools work on them), tables with a header row that repeats on each page,
//! footnotes as Word footnotes, images inline with their description as alternative text. Text
//! reaches Word only as run text, which docx-rs escapes for XML: no Markdown can add markup.

use docx_rs::{
    AlignmentType, BreakType, Footnote, Hyperlink, HyperlinkType, IndentLevel, NumberingId,
    Paragraph, Pic, Run, RunFonts, SpecialIndentType, Table, TableCell, TableRow,
};
use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use crate::model::{Images, is_allowed_link, mask};

/// A piece of a Word document's body: what a text's blocks become.
#[derive(Debug)]
pub enum Piece {
    /// A paragraph.
    Paragraph(Box<Paragraph>),
    /// A table.
    Table(Box<Table>),
}

/// The style ids the writer uses; the Word edition defines them (`crate::word::styles`).
pub mod style {
    /// Body text.
    pub const NORMAL: &str = "Normal";
    /// A heading inside a text, which must not become a document heading.
    pub const TEXT_HEADING: &str = "TextHeading";
    /// A quotation.
    pub const QUOTE: &str = "Quote";
    /// Code.
    pub const CODE: &str = "Code";
    /// A list item.
    pub const LIST: &str = "ListParagraph";
    /// A link's text.
    pub const HYPERLINK: &str = "Hyperlink";
    /// A table's header cell text.
    pub const TABLE_HEADING: &str = "TableHeading";
}

/// The numbering (list definitions) texts ask for: bullets share one, each numbered list gets
/// its own so that it starts at its own number.
#[derive(Debug, Default)]
pub struct Numbers {
    /// Each numbered list: its numbering id and the number it starts at.
    pub ordered: Vec<(usize, u32)>,
}

/// The abstract numbering of bullet lists, and the numbering that uses it (docx-rs always
/// writes a numbering 1 of its own).
pub const BULLETS: usize = 2;
/// The abstract numbering of numbered lists.
pub const DECIMAL: usize = 3;
/// The first numbering id given to a numbered list.
const FIRST_ORDERED: usize = 10;

impl Numbers {
    fn ordered_list(&mut self, start: u32) -> usize {
        let id = FIRST_ORDERED + self.ordered.len();
        self.ordered.push((id, start));
        id
    }
}

/// An image's size in Word: EMU (914 400 per inch). A content image is shown at most this
/// wide: the text column of an A4 page with Word's margins (16 cm).
const MAX_IMAGE_EMU: u64 = 16 * 360_000;
/// The pixel density assumed for images without one: 96 per inch, Word's own.
const EMU_PER_PIXEL: u64 = 9_525;

/// An image as Word can show it: PNG, JPEG or GIF bytes and their size in pixels. An SVG is
/// drawn as PNG (Word before 2016 shows no SVG).
pub fn word_image(mime: &str, bytes: &[u8]) -> Option<(Vec<u8>, u32, u32)> {
    if mime == "image/svg+xml" {
        return svg_to_png(bytes, 4.0);
    }
    // docx-rs stores every picture as PNG: JPEG and GIF are converted.
    let picture = image::load_from_memory(bytes).ok()?;
    let (width, height) = (picture.width(), picture.height());
    if mime == "image/png" {
        return Some((bytes.to_vec(), width, height));
    }
    let mut png = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).ok()?;
    Some((png, width, height))
}

/// An SVG drawn as PNG at `scale` times its own size, which Word shows at its own size.
fn svg_to_png(bytes: &[u8], scale: f32) -> Option<(Vec<u8>, u32, u32)> {
    use resvg::{tiny_skia, usvg};
    let tree = usvg::Tree::from_data(bytes, &usvg::Options::default()).ok()?;
    let size = tree.size();
    // Bounded: a huge declared size must not allocate a huge picture.
    let scale = scale.min(4096.0 / size.width().max(size.height()).max(1.0));
    let (width, height) =
        ((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32);
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height.max(1))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let png = pixmap.encode_png().ok()?;
    let shown = |pixels: u32| ((pixels as f32) / scale).round().max(1.0) as u32;
    Some((png, shown(width), shown(height)))
}

/// A picture for Word, at most `max_emu` wide, with its size kept in proportion, and the
/// alternative text (which `crate::word` writes into the document, as docx-rs has no field for
/// it) returned beside it.
pub fn picture(png: Vec<u8>, width: u32, height: u32, max_emu: u64) -> Pic {
    let (w, h) = (u64::from(width) * EMU_PER_PIXEL, u64::from(height) * EMU_PER_PIXEL);
    let (w, h) = if w > max_emu { (max_emu, h * max_emu / w.max(1)) } else { (w, h) };
    Pic::new_with_dimensions(png, width, height)
        .size(u32::try_from(w).unwrap_or(u32::MAX), u32::try_from(h).unwrap_or(u32::MAX))
}

/// Converts content Markdown into Word paragraphs and tables. `alts` collects the alternative
/// text of each image, in document order.
pub fn to_docx(
    markdown: &str,
    images: &Images,
    numbers: &mut Numbers,
    alts: &mut Vec<String>,
) -> Vec<Piece> {
    let (body, notes) = super::split_footnotes(markdown);
    let mut writer = Writer::new(images);
    writer.notes = notes
        .into_iter()
        .map(|(label, events)| {
            let mut note = Writer::new(images);
            // A footnote's text has no lists of its own numbering, nor images.
            note.write(events);
            (label, note.finish())
        })
        .collect();
    writer.numbers = Some(numbers);
    writer.alts = Some(alts);
    writer.write(body);
    writer.finish()
}

/// The run properties in force.
#[derive(Debug, Default, Clone)]
struct Format {
    bold: u8,
    italic: u8,
    strike: u8,
    masked: u8,
}

struct Writer<'a, 'n> {
    images: &'a Images,
    numbers: Option<&'n mut Numbers>,
    alts: Option<&'n mut Vec<String>>,
    notes: Vec<(String, Vec<Piece>)>,
    pieces: Vec<Piece>,
    paragraph: Option<Paragraph>,
    format: Format,
    /// Each link being written: its target when it is shown as a link, and the note to add
    /// after a masked phrase.
    links: Vec<(Option<String>, Option<String>, Vec<Run>)>,
    /// Each list being written: its numbering id.
    lists: Vec<usize>,
    quote: usize,
    code: bool,
    heading: bool,
    table: Option<TableBuilder>,
    image: Option<(String, String)>,
}

struct TableBuilder {
    alignments: Vec<Alignment>,
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    cell: Vec<Piece>,
    head: bool,
}

impl<'a, 'n> Writer<'a, 'n> {
    fn new(images: &'a Images) -> Self {
        Writer {
            images,
            numbers: None,
            alts: None,
            notes: Vec::new(),
            pieces: Vec::new(),
            paragraph: None,
            format: Format::default(),
            links: Vec::new(),
            lists: Vec::new(),
            quote: 0,
            code: false,
            heading: false,
            table: None,
            image: None,
        }
    }

    fn write(&mut self, events: Vec<Event<'_>>) {
        for event in events {
            match event {
                Event::Start(tag) => self.start(tag),
                Event::End(tag) => self.end(tag),
                Event::Text(text) if self.image.is_some() => {
                    if let Some((_, alt)) = &mut self.image {
                        alt.push_str(&text);
                    }
                }
                Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                    if self.code {
                        self.code_text(&text);
                    } else {
                        self.text(&text);
                    }
                }
                Event::Code(code) => {
                    let run = self.run(&code).fonts(monospace());
                    self.push_run(run);
                }
                Event::FootnoteReference(label) => self.footnote(&label),
                Event::SoftBreak => self.text(" "),
                Event::HardBreak => self.push_run(Run::new().add_break(BreakType::TextWrapping)),
                Event::Rule => {
                    self.close_paragraph();
                    self.push(Piece::Paragraph(Box::new(Paragraph::new().style(style::NORMAL))));
                }
                _ => {}
            }
        }
        self.close_paragraph();
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.open_paragraph(),
            Tag::Heading { .. } => {
                self.heading = true;
                self.open_paragraph();
            }
            Tag::BlockQuote(_) => self.quote += 1,
            Tag::CodeBlock(_) => {
                self.code = true;
                self.open_paragraph();
            }
            Tag::List(start) => {
                let id = match (start, self.numbers.as_deref_mut()) {
                    (Some(start), Some(numbers)) => {
                        numbers.ordered_list(u32::try_from(start).unwrap_or(1))
                    }
                    _ => BULLETS,
                };
                self.close_paragraph();
                self.lists.push(id);
            }
            Tag::Item => self.open_paragraph(),
            Tag::Emphasis => self.format.italic += 1,
            Tag::Strong => self.format.bold += 1,
            Tag::Strikethrough => self.format.strike += 1,
            Tag::Link { dest_url, .. } => {
                if mask::display_lang(&dest_url).is_some() {
                    self.links.push((None, None, Vec::new()));
                } else if mask::display_provision(&dest_url).is_some() {
                    self.format.masked += 1;
                    self.links.push((None, Some(super::masked_note(&dest_url)), Vec::new()));
                } else if is_allowed_link(&dest_url) {
                    self.links.push((Some(dest_url.trim().to_string()), None, Vec::new()));
                } else {
                    self.links.push((None, None, Vec::new()));
                }
            }
            Tag::Image { dest_url, .. } => {
                self.image = Some((dest_url.to_string(), String::new()));
            }
            Tag::Table(alignments) => {
                self.close_paragraph();
                self.table = Some(TableBuilder {
                    alignments,
                    rows: Vec::new(),
                    cells: Vec::new(),
                    cell: Vec::new(),
                    head: false,
                });
            }
            Tag::TableHead => {
                if let Some(table) = &mut self.table {
                    table.head = true;
                }
            }
            Tag::TableRow | Tag::TableCell => {}
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::Item => self.close_paragraph(),
            TagEnd::Heading(_) => {
                self.close_paragraph();
                self.heading = false;
            }
            TagEnd::BlockQuote(_) => {
                self.close_paragraph();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.close_paragraph();
                self.code = false;
            }
            TagEnd::List(_) => {
                self.close_paragraph();
                self.lists.pop();
            }
            TagEnd::Emphasis => self.format.italic = self.format.italic.saturating_sub(1),
            TagEnd::Strong => self.format.bold = self.format.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.format.strike = self.format.strike.saturating_sub(1),
            TagEnd::Link => self.end_link(),
            TagEnd::Image => self.end_image(),
            TagEnd::TableCell => {
                self.close_paragraph();
                if let Some(table) = &mut self.table {
                    let pieces = std::mem::take(&mut table.cell);
                    let align = table.alignments.get(table.cells.len()).copied();
                    let head = table.head;
                    table.cells.push(cell(pieces, align, head));
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let cells = std::mem::take(&mut table.cells);
                    let row = TableRow::new(cells);
                    // docx-rs has no header-row property; a row that cannot split marks the
                    // header, which `crate::word` makes repeat on each page.
                    table.rows.push(if table.head { row.cant_split() } else { row });
                    table.head = false;
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let rows = table.rows;
                    self.push(Piece::Table(Box::new(Table::new(rows))));
                }
            }
            _ => {}
        }
    }

    fn open_paragraph(&mut self) {
        self.close_paragraph();
        let mut paragraph = Paragraph::new().style(if self.heading {
            style::TEXT_HEADING
        } else if self.code {
            style::CODE
        } else if self.quote > 0 {
            style::QUOTE
        } else if !self.lists.is_empty() {
            style::LIST
        } else {
            style::NORMAL
        });
        if let Some(&id) = self.lists.last() {
            let level = self.lists.len().saturating_sub(1).min(8);
            paragraph = paragraph.numbering(NumberingId::new(id), IndentLevel::new(level));
        } else if self.quote > 1 {
            let indent = i32::try_from(self.quote * 360).unwrap_or(i32::MAX);
            paragraph = paragraph.indent(Some(indent), None::<SpecialIndentType>, None, None);
        }
        self.paragraph = Some(paragraph);
    }

    fn close_paragraph(&mut self) {
        if let Some(paragraph) = self.paragraph.take() {
            self.push(Piece::Paragraph(Box::new(paragraph)));
        }
    }

    /// Adds a finished piece: into the table cell being written, or the body.
    fn push(&mut self, piece: Piece) {
        match &mut self.table {
            Some(table) => table.cell.push(piece),
            None => self.pieces.push(piece),
        }
    }

    fn run(&self, text: &str) -> Run {
        let mut run = Run::new().add_text(text);
        if self.format.bold > 0 || self.heading {
            run = run.bold();
        }
        if self.format.italic > 0 {
            run = run.italic();
        }
        if self.format.strike > 0 {
            run = run.strike();
        }
        if self.format.masked > 0 {
            run = run.highlight("lightGray");
        }
        run
    }

    fn text(&mut self, text: &str) {
        let run = self.run(text);
        self.push_run(run);
    }

    fn code_text(&mut self, text: &str) {
        let text = text.strip_suffix('\n').unwrap_or(text);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.push_run(Run::new().add_break(BreakType::TextWrapping));
            }
            if !line.is_empty() {
                let run = Run::new().add_text(line).fonts(monospace());
                self.push_run(run);
            }
        }
    }

    fn push_run(&mut self, run: Run) {
        if let Some((_, _, runs)) = self.links.last_mut() {
            runs.push(run);
            return;
        }
        if self.paragraph.is_none() {
            self.open_paragraph();
        }
        if let Some(paragraph) = self.paragraph.take() {
            self.paragraph = Some(paragraph.add_run(run));
        }
    }

    fn end_link(&mut self) {
        let Some((target, note, runs)) = self.links.pop() else { return };
        if note.is_some() {
            self.format.masked = self.format.masked.saturating_sub(1);
        }
        match target {
            Some(url) => {
                let link = runs
                    .into_iter()
                    .fold(Hyperlink::new(url, HyperlinkType::External), |link, run| {
                        link.add_run(run.style(style::HYPERLINK))
                    });
                if self.links.is_empty() {
                    if self.paragraph.is_none() {
                        self.open_paragraph();
                    }
                    if let Some(paragraph) = self.paragraph.take() {
                        self.paragraph = Some(paragraph.add_hyperlink(link));
                    }
                } else {
                    // Links do not nest: the inner one's text joins the outer one.
                    for child in link.children {
                        if let docx_rs::ParagraphChild::Run(run) = child {
                            self.push_run(*run);
                        }
                    }
                }
            }
            None => runs.into_iter().for_each(|run| self.push_run(run)),
        }
        if let Some(note) = note {
            let run = Run::new().add_text(format!(" ({note})")).size(16);
            self.push_run(run);
        }
    }

    fn end_image(&mut self) {
        let Some((url, alt)) = self.image.take() else { return };
        let alt = alt.trim().to_string();
        let shown = self.images.get(&url).and_then(|file| word_image(file.mime, &file.bytes));
        match (shown, self.alts.as_deref_mut()) {
            (Some((png, width, height)), Some(alts)) => {
                alts.push(alt);
                let pic = picture(png, width, height, MAX_IMAGE_EMU);
                self.push_run(Run::new().add_image(pic));
            }
            // An image Word cannot show, or one in a footnote: its description, in italics.
            _ => {
                let run = Run::new().add_text(alt).italic();
                self.push_run(run);
            }
        }
    }

    fn footnote(&mut self, label: &str) {
        let Some(index) = self.notes.iter().position(|(l, _)| l == label) else {
            self.text(&format!("[^{label}]"));
            return;
        };
        let pieces = &self.notes[index].1;
        let mut footnote = Footnote::new();
        for piece in pieces {
            if let Piece::Paragraph(paragraph) = piece {
                footnote = footnote.add_content((**paragraph).clone());
            }
        }
        self.push_run(Run::new().add_footnote_reference(footnote));
    }

    fn finish(mut self) -> Vec<Piece> {
        self.close_paragraph();
        self.pieces
    }
}

/// A table cell of `pieces` (at least one paragraph: Word requires it).
pub fn cell(pieces: Vec<Piece>, align: Option<Alignment>, head: bool) -> TableCell {
    let mut cell = TableCell::new();
    let mut any = false;
    for piece in pieces {
        any = true;
        cell = match piece {
            Piece::Paragraph(paragraph) => {
                let mut paragraph = *paragraph;
                if head {
                    paragraph = paragraph.style(style::TABLE_HEADING);
                }
                paragraph = match align {
                    Some(Alignment::Right) => paragraph.align(AlignmentType::Right),
                    Some(Alignment::Center) => paragraph.align(AlignmentType::Center),
                    _ => paragraph,
                };
                cell.add_paragraph(paragraph)
            }
            Piece::Table(table) => cell.add_table(*table),
        };
    }
    if !any {
        cell = cell.add_paragraph(Paragraph::new());
    }
    cell
}

fn monospace() -> RunFonts {
    RunFonts::new().ascii("Consolas").hi_ansi("Consolas").cs("Consolas")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml(pieces: &[Piece]) -> String {
        use docx_rs::BuildXML;
        pieces
            .iter()
            .map(|piece| match piece {
                Piece::Paragraph(p) => String::from_utf8(p.build()).unwrap(),
                Piece::Table(t) => String::from_utf8(t.build()).unwrap(),
            })
            .collect()
    }

    fn convert(markdown: &str) -> (Vec<Piece>, Numbers) {
        let mut numbers = Numbers::default();
        let pieces = to_docx(markdown, &Images::new(), &mut numbers, &mut Vec::new());
        (pieces, numbers)
    }

    #[test]
    fn paragraphs_keep_bold_and_italics_as_run_properties() {
        let (pieces, _) = convert("Ett *två* **tre**\n\nFyra");
        assert_eq!(pieces.len(), 2);
        let xml = xml(&pieces);
        assert!(xml.contains("<w:t xml:space=\"preserve\">Ett </w:t>"), "{xml}");
        assert!(xml.contains("<w:i />"), "{xml}");
        assert!(xml.contains("<w:b />"), "{xml}");
        assert!(xml.contains(">Fyra</w:t>"), "{xml}");
    }

    #[test]
    fn markup_in_the_text_is_escaped_not_interpreted() {
        let (pieces, _) = convert("<w:p>&amp; \"x\" </w:t>");
        let xml = xml(&pieces);
        assert!(!xml.contains("<w:p>&amp;"), "{xml}");
        // The texts of the runs, read back in order, are the text as written, escaped once.
        let texts: String = xml
            .split("<w:t xml:space=\"preserve\">")
            .skip(1)
            .map(|run| run.split("</w:t>").next().unwrap())
            .collect();
        assert_eq!(texts, "&lt;w:p&gt;&amp; &quot;x&quot; &lt;/w:t&gt;", "{xml}");
    }

    #[test]
    fn numbered_lists_each_start_at_their_own_number_and_bullets_share_one() {
        let (pieces, numbers) = convert("1. a\n2. b\n\ntext\n\n3. c\n\n- d\n- e");
        assert_eq!(numbers.ordered, [(FIRST_ORDERED, 1), (FIRST_ORDERED + 1, 3)]);
        let xml = xml(&pieces);
        assert_eq!(xml.matches(&format!("<w:numId w:val=\"{FIRST_ORDERED}\" />")).count(), 2);
        assert_eq!(xml.matches(&format!("<w:numId w:val=\"{BULLETS}\" />")).count(), 2);
    }

    #[test]
    fn only_safe_links_become_hyperlinks() {
        let (pieces, _) = convert("[MSB](https://www.msb.se/) och [x](javascript:alert(1))");
        let xml = xml(&pieces);
        assert_eq!(xml.matches("<w:hyperlink").count(), 1, "{xml}");
        assert!(xml.contains(">x</w:t>"), "{xml}");
    }

    #[test]
    fn a_markdown_table_has_a_header_row_marked_to_repeat() {
        let (pieces, _) = convert("| Område | Antal |\n|:--|--:|\n| Kultur | 9 |");
        let [Piece::Table(_)] = pieces.as_slice() else { panic!("{pieces:?}") };
        let xml = xml(&pieces);
        assert_eq!(xml.matches("<w:cantSplit />").count(), 1, "{xml}");
        assert!(xml.contains("w:val=\"TableHeading\""), "{xml}");
        assert!(xml.contains("<w:jc w:val=\"right\" />"), "{xml}");
    }

    #[test]
    fn footnotes_become_word_footnotes() {
        let (pieces, _) = convert("A.[^a]\n\n[^a]: Not.");
        let xml = xml(&pieces);
        assert!(xml.contains("<w:footnoteReference"), "{xml}");
        assert!(!xml.contains("Not."), "the note's text is in the footnotes part: {xml}");
    }

    #[test]
    fn an_svg_is_drawn_as_png_at_its_own_size() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32"><rect width="64" height="32" fill="#0b5c4a"/></svg>"##;
        let (png, width, height) = word_image("image/svg+xml", svg).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
        assert_eq!((width, height), (64, 32));
        assert!(word_image("image/svg+xml", b"not svg").is_none());
    }
}
