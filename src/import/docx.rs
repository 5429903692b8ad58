//! Input stage, Word: a `.docx` package read into what its pages show, in order: paragraphs
//! (with their style resolved to a heading level, the title or a list) and tables (with each
//! cell's shading), the images they hold, and the document's properties. The package is held
//! to limits before anything is read whole: a file that is not a Word document, an encrypted
//! one and a zip bomb are errors, never a panic or an allocation sized by the file.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::Node;

use crate::tr;

/// Most bytes one part of the package (the document's XML, one image) may unpack to.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Most bytes all the parts read may unpack to together.
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// Most XML nodes one part may hold: a 300-page review holds about a million.
const MAX_NODES: u32 = 8_000_000;

/// A Word document as its pages show it.
#[derive(Debug, Default)]
pub struct Document {
    /// The document's properties: title, author (`dc:creator`), created, and the company.
    pub title: Option<String>,
    pub creator: Option<String>,
    pub created: Option<String>,
    pub company: Option<String>,
    /// The body, in order.
    pub elements: Vec<Element>,
    /// The images the body shows, each once.
    pub images: Vec<Image>,
    /// Whether any paragraph has a heading style (else headings are found by their look).
    pub heading_styles: bool,
}

/// One element of the body.
#[derive(Debug)]
pub enum Element {
    Paragraph(Para),
    Table(Table),
}

/// What a paragraph's style makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Body,
    Heading(usize),
    Title,
    Subtitle,
    /// A line of a table of contents, or its heading: never imported.
    Contents,
}

/// A paragraph: its role, list place, text and images.
#[derive(Debug)]
pub struct Para {
    pub role: Role,
    /// The paragraph's style's name, as the document names it.
    pub style: String,
    /// `Some((ordered, level))` for a list item.
    pub list: Option<(bool, usize)>,
    pub spans: Vec<Span>,
    /// Indices into [`Document::images`].
    pub images: Vec<usize>,
    /// Whether the paragraph is (part of) a table-of-contents field.
    pub in_contents: bool,
    /// Whether it holds a chart of ledgen's own Word edition, which the import leaves out: ledgen
    /// draws it again from the figures.
    pub chart: bool,
}

impl Para {
    /// The paragraph's text without formatting, trimmed.
    pub fn plain(&self) -> String {
        let text: String = self.spans.iter().map(|s| s.text.as_str()).collect();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Whether all of its text is bold.
    pub fn all_bold(&self) -> bool {
        let mut any = false;
        for span in &self.spans {
            if !span.text.trim().is_empty() {
                if !span.bold {
                    return false;
                }
                any = true;
            }
        }
        any
    }
}

/// A stretch of text with one formatting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

/// A table: rows of cells; the rows marked to repeat on each page are its header.
#[derive(Debug)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
    pub header_rows: usize,
}

/// A table cell: its paragraphs and its shading (`None` for none or `auto`).
#[derive(Debug)]
pub struct Cell {
    pub paragraphs: Vec<Para>,
    pub fill: Option<[u8; 3]>,
}

impl Cell {
    /// The cell's text, its paragraphs joined by a space.
    pub fn plain(&self) -> String {
        let texts: Vec<String> =
            self.paragraphs.iter().map(Para::plain).filter(|t| !t.is_empty()).collect();
        texts.join(" ")
    }
}

/// An image of the document.
#[derive(Debug)]
pub struct Image {
    /// The part's file name, e.g. `image1.png`.
    pub name: String,
    pub bytes: Vec<u8>,
    /// The alternative text Word holds for it (its "description", else its title).
    pub alt: Option<String>,
}

/// Reads a `.docx` file's bytes.
pub fn read(bytes: &[u8]) -> Result<Document, String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(tr!("import-encrypted-or-doc"));
    }
    if !bytes.starts_with(b"PK") {
        return Err(tr!("import-not-docx"));
    }
    let mut package = Package::open(bytes)?;
    let document = package.part("word/document.xml")?.ok_or_else(|| tr!("import-not-docx"))?;
    let styles = package.part("word/styles.xml")?.unwrap_or_default();
    let numbering = package.part("word/numbering.xml")?.unwrap_or_default();
    let rels = package.part("word/_rels/document.xml.rels")?.unwrap_or_default();
    let core = package.part("docProps/core.xml")?.unwrap_or_default();
    let app = package.part("docProps/app.xml")?.unwrap_or_default();

    let styles = Styles::parse(&styles)?;
    let numbering = Numbering::parse(&numbering)?;
    let rels = relationships(&rels)?;
    let tree = parse_xml(&document, "word/document.xml")?;
    let body = tree
        .descendants()
        .find(|n| n.tag_name().name() == "body")
        .ok_or_else(|| tr!("import-not-docx"))?;
    let mut reader = Reader {
        styles: &styles,
        numbering: &numbering,
        rels: &rels,
        package: &mut package,
        images: Vec::new(),
        image_parts: HashMap::new(),
        fields: Vec::new(),
        heading_styles: false,
        after_chart: false,
    };
    let mut elements = Vec::new();
    reader.block_children(body, &mut elements)?;
    let (images, heading_styles) = (reader.images, reader.heading_styles);
    let core_tree = parse_xml(&core, "docProps/core.xml").ok();
    let app_tree = parse_xml(&app, "docProps/app.xml").ok();
    let property = |tree: &Option<roxmltree::Document<'_>>, name: &str| {
        tree.as_ref()?
            .descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    Ok(Document {
        title: property(&core_tree, "title"),
        creator: property(&core_tree, "creator"),
        created: property(&core_tree, "created").map(|c| c.chars().take(10).collect()),
        company: property(&app_tree, "Company"),
        elements,
        images,
        heading_styles,
    })
}

/// The zip package, each part read within the limits.
struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    unpacked: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Self, String> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| tr!("import-corrupt", error = e.to_string()))?;
        Ok(Package { archive, unpacked: 0 })
    }

    /// The part `name` as bytes, `None` when the package has none.
    fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let entry = match self.archive.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(_)) => {
                return Err(tr!("import-encrypted-or-doc"));
            }
            Err(e) => return Err(tr!("import-corrupt", error = e.to_string())),
        };
        if entry.encrypted() {
            return Err(tr!("import-encrypted-or-doc"));
        }
        // The size an archive states cannot be trusted: count the bytes as they unpack.
        let budget = MAX_PART_BYTES.min(MAX_UNPACKED_BYTES - self.unpacked);
        let mut out = Vec::new();
        entry
            .take(budget + 1)
            .read_to_end(&mut out)
            .map_err(|e| tr!("import-corrupt", error = e.to_string()))?;
        self.unpacked += out.len() as u64;
        if out.len() as u64 > budget {
            return Err(tr!(
                "import-too-large",
                part = name,
                limit = (MAX_PART_BYTES / (1024 * 1024)).to_string()
            ));
        }
        Ok(Some(out))
    }

    /// The part `name` as text.
    fn part(&mut self, name: &str) -> Result<Option<String>, String> {
        match self.bytes(name)? {
            None => Ok(None),
            Some(bytes) => String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| tr!("import-corrupt", error = format!("{name}: not UTF-8"))),
        }
    }
}

fn parse_xml<'a>(text: &'a str, part: &str) -> Result<roxmltree::Document<'a>, String> {
    // A DTD (and with it every entity expansion) is refused by default.
    let options = roxmltree::ParsingOptions { nodes_limit: MAX_NODES, ..Default::default() };
    roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| tr!("import-corrupt", error = format!("{part}: {e}")))
}

/// An attribute by its local name, whatever its namespace.
fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == name).map(|a| a.value())
}

/// The first child element called `name`.
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.is_element() && n.tag_name().name() == name)
}

/// Whether an on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
fn on(property: Option<Node<'_, '_>>) -> Option<bool> {
    property.map(|p| !matches!(attr(p, "val"), Some("0" | "false" | "off" | "none")))
}

/// The paragraph styles: each one's name, role and list, following `basedOn`.
#[derive(Default)]
struct Styles {
    by_id: HashMap<String, StyleEntry>,
}

#[derive(Default, Clone)]
struct StyleEntry {
    name: String,
    based_on: Option<String>,
    outline: Option<usize>,
    num_id: Option<String>,
}

impl Styles {
    fn parse(text: &str) -> Result<Styles, String> {
        if text.is_empty() {
            return Ok(Styles::default());
        }
        let tree = parse_xml(text, "word/styles.xml")?;
        let mut by_id = HashMap::new();
        for style in tree.descendants().filter(|n| n.tag_name().name() == "style") {
            let Some(id) = attr(style, "styleId") else { continue };
            let ppr = child(style, "pPr");
            let entry = StyleEntry {
                name: child(style, "name").and_then(|n| attr(n, "val")).unwrap_or(id).to_string(),
                based_on: child(style, "basedOn").and_then(|n| attr(n, "val")).map(str::to_string),
                outline: ppr
                    .and_then(|p| child(p, "outlineLvl"))
                    .and_then(|n| attr(n, "val"))
                    .and_then(|v| v.parse().ok()),
                num_id: ppr
                    .and_then(|p| child(p, "numPr"))
                    .and_then(|n| child(n, "numId"))
                    .and_then(|n| attr(n, "val"))
                    .map(str::to_string),
            };
            by_id.insert(id.to_string(), entry);
        }
        Ok(Styles { by_id })
    }

    /// The style `id` and the ones it is based on, nearest first.
    fn chain(&self, id: &str) -> Vec<&StyleEntry> {
        let mut out = Vec::new();
        let mut next = Some(id.to_string());
        while let Some(id) = next.take() {
            let Some(entry) = self.by_id.get(&id) else { break };
            out.push(entry);
            if out.len() < 10 {
                next = entry.based_on.clone();
            }
        }
        out
    }

    /// The name a paragraph of style `id` shows in Word.
    fn name(&self, id: &str) -> String {
        self.by_id.get(id).map_or_else(|| id.to_string(), |e| e.name.clone())
    }

    /// What style `id` makes a paragraph.
    fn role(&self, id: &str) -> Role {
        let chain = self.chain(id);
        let names: Vec<String> = if chain.is_empty() {
            vec![id.to_lowercase()]
        } else {
            chain.iter().map(|e| e.name.to_lowercase()).collect()
        };
        for name in &names {
            if let Some(role) = role_of_name(name) {
                return role;
            }
        }
        match chain.iter().find_map(|e| e.outline) {
            Some(level) if level < 6 => Role::Heading(level + 1),
            _ => Role::Body,
        }
    }

    fn num_id(&self, id: &str) -> Option<String> {
        self.chain(id).iter().find_map(|e| e.num_id.clone())
    }
}

/// The role a style's name gives, in the languages Word is used in here.
fn role_of_name(name: &str) -> Option<Role> {
    const HEADINGS: [&str; 10] = [
        "heading",
        "rubrik",
        "überschrift",
        "titre",
        "kop",
        "otsikko",
        "overskrift",
        "encabezado",
        "titolo",
        "nagłówek",
    ];
    const TITLES: [&str; 6] = ["title", "rubrik", "titel", "titre", "título", "otsikko"];
    const SUBTITLES: [&str; 7] = [
        "subtitle",
        "underrubrik",
        "untertitel",
        "sous-titre",
        "subtítulo",
        "undertittel",
        "undertitel",
    ];
    let name = name.trim();
    if name.starts_with("toc")
        || name.starts_with("innehållsförteckning")
        || name.starts_with("verzeichnis")
        || name.starts_with("table of contents")
    {
        return Some(Role::Contents);
    }
    let digits = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() < name.len() {
        let level: usize = name[digits.len()..].parse().ok()?;
        let stem = digits.trim();
        if HEADINGS.contains(&stem) && (1..=9).contains(&level) {
            return Some(Role::Heading(level));
        }
        return None;
    }
    if TITLES.contains(&name) {
        return Some(Role::Title);
    }
    if SUBTITLES.contains(&name) {
        return Some(Role::Subtitle);
    }
    None
}

/// The lists: for each `numId` and level, whether it is numbered (else bulleted).
#[derive(Default)]
struct Numbering {
    ordered: HashMap<(String, usize), bool>,
}

impl Numbering {
    fn parse(text: &str) -> Result<Numbering, String> {
        if text.is_empty() {
            return Ok(Numbering::default());
        }
        let tree = parse_xml(text, "word/numbering.xml")?;
        let mut abstracts: HashMap<String, HashMap<usize, bool>> = HashMap::new();
        for abs in tree.descendants().filter(|n| n.tag_name().name() == "abstractNum") {
            let Some(id) = attr(abs, "abstractNumId") else { continue };
            let mut levels = HashMap::new();
            for lvl in abs.children().filter(|n| n.tag_name().name() == "lvl") {
                let level = attr(lvl, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                let format = child(lvl, "numFmt").and_then(|n| attr(n, "val")).unwrap_or("bullet");
                levels.insert(level, !matches!(format, "bullet" | "none"));
            }
            abstracts.insert(id.to_string(), levels);
        }
        let mut ordered = HashMap::new();
        for num in tree.descendants().filter(|n| n.tag_name().name() == "num") {
            let (Some(id), Some(abs)) =
                (attr(num, "numId"), child(num, "abstractNumId").and_then(|n| attr(n, "val")))
            else {
                continue;
            };
            for (level, is_ordered) in abstracts.get(abs).into_iter().flatten() {
                ordered.insert((id.to_string(), *level), *is_ordered);
            }
        }
        Ok(Numbering { ordered })
    }
}

/// The relationships of the document part: id to target.
fn relationships(text: &str) -> Result<HashMap<String, String>, String> {
    if text.is_empty() {
        return Ok(HashMap::new());
    }
    let tree = parse_xml(text, "word/_rels/document.xml.rels")?;
    Ok(tree
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
        .filter_map(|n| Some((attr(n, "Id")?.to_string(), attr(n, "Target")?.to_string())))
        .collect())
}

/// A complex field being read: its instruction, and whether its result has begun.
struct Field {
    instruction: String,
    result: bool,
}

struct Reader<'r, 'p> {
    styles: &'r Styles,
    numbering: &'r Numbering,
    rels: &'r HashMap<String, String>,
    package: &'r mut Package<'p>,
    images: Vec<Image>,
    image_parts: HashMap<String, usize>,
    /// The complex fields open at this point: a table of contents spans many paragraphs.
    fields: Vec<Field>,
    heading_styles: bool,
    /// Whether the paragraph before was a chart of ledgen's own, left out.
    after_chart: bool,
}

impl Reader<'_, '_> {
    /// The paragraphs and tables under `node`, into `out`.
    fn block_children(&mut self, node: Node<'_, '_>, out: &mut Vec<Element>) -> Result<(), String> {
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "p" => {
                    let para = self.paragraph(child)?;
                    // A chart ledgen drew, and its caption ("Diagram 2: …") after it.
                    let after_chart = std::mem::take(&mut self.after_chart);
                    if para.chart && para.plain().is_empty() {
                        self.after_chart = true;
                        continue;
                    }
                    let caption = para.style.eq_ignore_ascii_case("caption")
                        && para.plain().starts_with(crate::word::CHART_NAME);
                    if !(after_chart && caption) {
                        out.push(Element::Paragraph(para));
                    }
                }
                "tbl" => {
                    let table = self.table(child)?;
                    out.push(Element::Table(table));
                }
                "sdt" => {
                    let gallery = child
                        .descendants()
                        .find(|n| n.tag_name().name() == "docPartGallery")
                        .and_then(|n| attr(n, "val"))
                        .unwrap_or_default();
                    if gallery.contains("Table of Contents") {
                        continue;
                    }
                    if let Some(content) = self::child(child, "sdtContent") {
                        self.block_children(content, out)?;
                    }
                }
                "customXml" | "ins" => self.block_children(child, out)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn in_contents_field(&self) -> bool {
        self.fields.iter().any(|f| f.instruction.trim_start().starts_with("TOC"))
    }

    fn paragraph(&mut self, p: Node<'_, '_>) -> Result<Para, String> {
        let ppr = child(p, "pPr");
        let style_id = ppr.and_then(|n| child(n, "pStyle")).and_then(|n| attr(n, "val"));
        let role = style_id.map_or(Role::Body, |id| self.styles.role(id));
        // An outline level given to the paragraph itself, as LibreOffice writes a heading whose
        // style the document does not define.
        let outline = ppr
            .and_then(|n| child(n, "outlineLvl"))
            .and_then(|n| attr(n, "val"))
            .and_then(|v| v.parse::<usize>().ok());
        let role = match (role, outline) {
            (Role::Body, Some(level)) if level < 6 => Role::Heading(level + 1),
            (role, _) => role,
        };
        if matches!(role, Role::Heading(_)) {
            self.heading_styles = true;
        }
        let num = ppr.and_then(|n| child(n, "numPr"));
        let num_id = num
            .and_then(|n| child(n, "numId"))
            .and_then(|n| attr(n, "val"))
            .map(str::to_string)
            .or_else(|| style_id.and_then(|id| self.styles.num_id(id)));
        let level = num
            .and_then(|n| child(n, "ilvl"))
            .and_then(|n| attr(n, "val"))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0usize);
        let list = match num_id {
            Some(id) if id != "0" && !matches!(role, Role::Heading(_)) => {
                Some((*self.numbering.ordered.get(&(id, level)).unwrap_or(&false), level.min(3)))
            }
            _ => None,
        };
        let mut para = Para {
            role,
            style: style_id.map(|id| self.styles.name(id)).unwrap_or_default(),
            list,
            spans: Vec::new(),
            images: Vec::new(),
            in_contents: self.in_contents_field(),
            chart: false,
        };
        self.inline(p, &Span::default(), &mut para)?;
        para.in_contents |= self.in_contents_field();
        Ok(para)
    }

    /// The text and images under `node`, formatted as `format`, into `para`.
    fn inline(&mut self, node: Node<'_, '_>, format: &Span, para: &mut Para) -> Result<(), String> {
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "r" => self.run(child, format, para)?,
                "hyperlink" => {
                    let mut linked = format.clone();
                    let target = attr(child, "id").and_then(|id| self.rels.get(id)).cloned();
                    if let Some(target) = target {
                        linked.link = Some(target);
                    }
                    self.inline(child, &linked, para)?;
                }
                "fldSimple" => {
                    let instruction = attr(child, "instr").unwrap_or_default();
                    if !instruction.trim_start().starts_with("TOC") {
                        self.inline(child, format, para)?;
                    }
                }
                "ins" | "smartTag" | "customXml" | "bdo" | "dir" | "sdtContent" | "moveTo" => {
                    self.inline(child, format, para)?;
                }
                "sdt" => {
                    if let Some(content) = self::child(child, "sdtContent") {
                        self.inline(content, format, para)?;
                    }
                }
                "oMath" | "oMathPara" => {
                    let text: String = child
                        .descendants()
                        .filter(|n| n.tag_name().name() == "t")
                        .filter_map(|n| n.text())
                        .collect();
                    push_text(para, format, &text);
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn run(&mut self, run: Node<'_, '_>, format: &Span, para: &mut Para) -> Result<(), String> {
        let mut format = format.clone();
        if let Some(rpr) = child(run, "rPr") {
            if let Some(bold) = on(child(rpr, "b")) {
                format.bold = bold;
            }
            if let Some(italic) = on(child(rpr, "i")) {
                format.italic = italic;
            }
            if on(child(rpr, "vanish")) == Some(true) {
                return Ok(());
            }
        }
        for item in run.children().filter(Node::is_element) {
            match item.tag_name().name() {
                "fldChar" => match attr(item, "fldCharType") {
                    Some("begin") => {
                        self.fields.push(Field { instruction: String::new(), result: false });
                    }
                    Some("separate") => {
                        if let Some(field) = self.fields.last_mut() {
                            field.result = true;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                "instrText" => {
                    if let Some(field) = self.fields.last_mut() {
                        field.instruction.push_str(item.text().unwrap_or_default());
                    }
                }
                _ if self.fields.iter().any(|f| !f.result) || self.in_contents_field() => {}
                "t" => push_text(para, &format, item.text().unwrap_or_default()),
                "tab" | "ptab" => push_text(para, &format, " "),
                "br" | "cr" if attr(item, "type").is_none_or(|t| t == "textWrapping") => {
                    push_text(para, &format, "\n");
                }
                "noBreakHyphen" => push_text(para, &format, "-"),
                "sym" => {
                    let c = attr(item, "char")
                        .and_then(|c| u32::from_str_radix(c, 16).ok())
                        .and_then(char::from_u32)
                        .map(|c| match c as u32 {
                            // Symbol-font code points Word uses for ticks and crosses.
                            0xF0FC => '✓',
                            0xF0FB => '✗',
                            _ => c,
                        });
                    if let Some(c) = c.filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c)) {
                        push_text(para, &format, &c.to_string());
                    }
                }
                "drawing" | "pict" | "object" => self.image(item, para)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn image(&mut self, node: Node<'_, '_>, para: &mut Para) -> Result<(), String> {
        let Some(id) = node
            .descendants()
            .find(|n| matches!(n.tag_name().name(), "blip" | "imagedata"))
            .and_then(|n| attr(n, "embed").or_else(|| attr(n, "id")))
        else {
            return Ok(());
        };
        let Some(target) = self.rels.get(id) else { return Ok(()) };
        let part = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("word/{target}"),
        };
        if let Some(&index) = self.image_parts.get(&part) {
            para.images.push(index);
            return Ok(());
        }
        let doc_pr = node.descendants().find(|n| n.tag_name().name() == "docPr");
        // ledgen's Word edition names its charts' pictures "Diagram N"; their text alternative
        // is the caption and the figures, "Incidenter per kategori. Övrigt: 1; …".
        let name = doc_pr.and_then(|n| attr(n, "name")).unwrap_or_default();
        let descr = doc_pr.and_then(|n| attr(n, "descr")).unwrap_or_default();
        if name.starts_with(&format!("{} ", crate::word::CHART_NAME)) && descr.contains(". ") {
            para.chart = true;
            return Ok(());
        }
        let Some(bytes) = self.package.bytes(&part)? else { return Ok(()) };
        let alt = doc_pr
            .and_then(|n| attr(n, "descr").filter(|d| !d.trim().is_empty()))
            .or_else(|| doc_pr.and_then(|n| attr(n, "title")).filter(|d| !d.trim().is_empty()))
            .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "));
        let name = part.rsplit('/').next().unwrap_or("bild").to_string();
        self.images.push(Image { name, bytes, alt });
        let index = self.images.len() - 1;
        self.image_parts.insert(part, index);
        para.images.push(index);
        Ok(())
    }

    fn table(&mut self, tbl: Node<'_, '_>) -> Result<Table, String> {
        let mut rows = Vec::new();
        let mut header_rows = 0;
        for tr in tbl.children().filter(|n| n.tag_name().name() == "tr") {
            let header = child(tr, "trPr").and_then(|p| on(child(p, "tblHeader"))) == Some(true);
            if header && header_rows == rows.len() {
                header_rows += 1;
            }
            let mut cells = Vec::new();
            for tc in tr.children().filter(|n| n.tag_name().name() == "tc") {
                let tcpr = child(tc, "tcPr");
                let fill = tcpr
                    .and_then(|p| child(p, "shd"))
                    .and_then(|s| attr(s, "fill"))
                    .and_then(hex_colour);
                let mut paragraphs = Vec::new();
                let mut elements = Vec::new();
                self.block_children(tc, &mut elements)?;
                flatten(elements, &mut paragraphs);
                cells.push(Cell { paragraphs, fill });
            }
            rows.push(cells);
        }
        Ok(Table { rows, header_rows })
    }
}

/// Paragraphs of `elements`, nested tables' cells included, in order.
fn flatten(elements: Vec<Element>, out: &mut Vec<Para>) {
    for element in elements {
        match element {
            Element::Paragraph(para) => out.push(para),
            Element::Table(table) => {
                for cell in table.rows.into_iter().flatten() {
                    out.extend(cell.paragraphs);
                }
            }
        }
    }
}

/// Appends `text` to `para`, joined to the last span when its formatting is the same.
fn push_text(para: &mut Para, format: &Span, text: &str) {
    if text.is_empty() {
        return;
    }
    match para.spans.last_mut() {
        Some(last)
            if last.bold == format.bold
                && last.italic == format.italic
                && last.link == format.link =>
        {
            last.text.push_str(text);
        }
        _ => para.spans.push(Span { text: text.to_string(), ..format.clone() }),
    }
}

/// An `RRGGBB` colour; `auto` and anything else is `None`.
fn hex_colour(value: &str) -> Option<[u8; 3]> {
    if value.len() != 6 {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&value[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_names_in_any_language_give_headings_and_titles() {
        assert_eq!(role_of_name("heading 1"), Some(Role::Heading(1)));
        assert_eq!(role_of_name("rubrik 2"), Some(Role::Heading(2)));
        assert_eq!(role_of_name("überschrift 3"), Some(Role::Heading(3)));
        assert_eq!(role_of_name("rubrik"), Some(Role::Title));
        assert_eq!(role_of_name("title"), Some(Role::Title));
        assert_eq!(role_of_name("underrubrik"), Some(Role::Subtitle));
        assert_eq!(role_of_name("toc 1"), Some(Role::Contents));
        assert_eq!(role_of_name("innehållsförteckning 2"), Some(Role::Contents));
        assert_eq!(role_of_name("normal"), None);
        assert_eq!(role_of_name("list 2"), None);
    }

    #[test]
    fn what_is_not_a_word_document_is_refused_with_a_reason() {
        let en = |bytes: &[u8]| {
            crate::locale::in_language(crate::locale::UiLanguage::En, || read(bytes).unwrap_err())
        };
        assert!(en(b"%PDF-1.7 ...").contains("not a Word document"), "{}", en(b"%PDF"));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert!(en(&ole).contains("password"), "{}", en(&ole));
        assert!(en(b"PK\x03\x04broken").contains("damaged"), "{}", en(b"PK\x03\x04broken"));
    }

    #[test]
    fn shading_is_read_as_a_colour() {
        assert_eq!(hex_colour("C6EFCE"), Some([0xC6, 0xEF, 0xCE]));
        assert_eq!(hex_colour("auto"), None);
    }
}
