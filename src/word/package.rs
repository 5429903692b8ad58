//! Completing the package docx-rs writes with what Word's accessibility checker asks for and
//! docx-rs 0.4 has no field for: the document's title, author and language in its properties,
//! the language of its text, header rows that repeat on each page, each image's alternative
//! text, and a table of contents both Word and LibreOffice read as one. Each is one exact insertion into a part docx-rs wrote, checked by the
//! tests below against docx-rs's own output, and every inserted value is escaped for XML.

use std::io::Cursor;

use quick_xml::escape::escape;

use crate::view::ReportView;

/// The document properties Word shows under File › Info, and reads the language from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Properties {
    /// The title, as the PDF's and the HTML page's.
    pub title: String,
    /// Who wrote it: the author, else the organisation.
    pub creator: String,
    /// The organisation (and unit).
    pub subject: String,
    /// BCP 47 with region: `sv-SE`.
    pub language: String,
    /// The report's date, as W3CDTF (`2023-12-01T00:00:00Z`): the same bytes on every build.
    pub date: String,
}

impl Properties {
    /// The properties of the edition `view`.
    pub fn of(view: &ReportView) -> Self {
        let mut title = view.title.clone();
        if view.public {
            title.push_str(&format!(" ({})", view.labels.public_edition));
        }
        let subject = match &view.unit {
            Some(unit) => format!("{}, {unit}", view.organisation),
            None => view.organisation.clone(),
        };
        let day = if view.datetime.len() == 7 {
            format!("{}-01", view.datetime)
        } else {
            view.datetime.clone()
        };
        Properties {
            title,
            creator: view.author.clone().unwrap_or_else(|| view.organisation.clone()),
            subject,
            language: word_language(view.lang),
            date: format!("{day}T00:00:00Z"),
        }
    }
}

/// Word's language tag for a report language: `sv` → `sv-SE`, `en` → `en-GB`.
fn word_language(lang: &str) -> String {
    match lang {
        "sv" => "sv-SE".to_string(),
        "en" => "en-GB".to_string(),
        other => other.to_string(),
    }
}

/// What docx-rs writes for a row that cannot split, which marks a header row here.
const HEADER_ROW: &str = "<w:trPr><w:cantSplit />";
/// What docx-rs writes as every picture's drawing properties.
const PICTURE: &str = "<wp:docPr id=\"1\" name=\"Figure\" />";
/// Where the default run properties end in docx-rs's styles part.
const DEFAULT_RUN_END: &str = "</w:rPr></w:rPrDefault>";

/// The default run properties as docx-rs writes them when none are set.
const EMPTY_DEFAULT_RUN: &str = "<w:rPrDefault><w:rPr /></w:rPrDefault>";

/// The finished `.docx`: docx-rs's package with the properties, the text's language, the
/// repeating header rows and the images' alternative texts (`alts`, in document order).
pub fn finish(
    doc: docx_rs::Docx,
    properties: &Properties,
    alts: &[String],
    charts: &[usize],
) -> Result<Vec<u8>, String> {
    let mut xml = doc.build();
    xml.doc_props.core = core(properties).into_bytes();
    xml.styles = with_language(&xml.styles, &properties.language)?;
    xml.document = with_headers_and_alts(&xml.document, alts, charts)?;
    xml.document = with_contents_object(&xml.document);
    xml.document = with_section_headers(&xml.document)?;
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

/// The document part with each section's running header and footer. docx-rs gives them, and
/// the title page's own (empty) ones, to the last section only; a section ended by a break of
/// its own (before and after landscape pages) would have none, as Word carries headers forward
/// from the section before, not back. Each break gets the running ones, the first also the title
/// page's, and the last section only the running ones.
fn with_section_headers(document: &[u8]) -> Result<Vec<u8>, String> {
    let document = utf8(document)?;
    let breaks = document.matches(SECTION_OPEN).count();
    let last = document.rfind(SECTION_OPEN).filter(|_| breaks >= 2);
    let Some(last) = last else { return Ok(document.as_bytes().to_vec()) };
    let end = document[last..]
        .find(SECTION_CLOSE)
        .map(|e| last + e)
        .ok_or("no end of the last section")?;
    let body_section = &document[last..end];
    let references = |kind: &str| -> String {
        ["headerReference", "footerReference"]
            .iter()
            .filter_map(|element| {
                let open = format!("<w:{element} w:type=\"{kind}\"");
                let at = body_section.find(&open)?;
                let len = body_section[at..].find("/>")? + 2;
                Some(body_section[at..at + len].to_string())
            })
            .collect()
    };
    let (running, first) = (references("default"), references("first"));
    let mut out = String::with_capacity(document.len() + breaks * running.len());
    let mut rest = &document[..last];
    let mut n = 0;
    while let Some(at) = rest.find(SECTION_OPEN) {
        let after = at + SECTION_OPEN.len();
        out.push_str(&rest[..after]);
        out.push_str(&running);
        rest = &rest[after..];
        if n == 0 {
            out.push_str(&first);
            let close = rest.find(SECTION_CLOSE).ok_or("a section break without its end")?;
            out.push_str(&rest[..close]);
            out.push_str(TITLE_PAGE);
            rest = &rest[close..];
        }
        n += 1;
    }
    out.push_str(rest);
    let mut body = body_section.replace(TITLE_PAGE, "");
    for reference in first.split_inclusive("/>") {
        body = body.replace(reference, "");
    }
    out.push_str(&body);
    out.push_str(&document[end..]);
    Ok(out.into_bytes())
}

/// How docx-rs opens and closes a section's properties, and marks a title page of its own.
const SECTION_OPEN: &str = "<w:sectPr>";
const SECTION_CLOSE: &str = "</w:sectPr>";
const TITLE_PAGE: &str = "<w:titlePg />";

/// The core properties part.
fn core(p: &Properties) -> String {
    let e = |s: &str| escape(s).into_owned();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>\
         <cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{}</dcterms:modified>\
         <dc:language>{}</dc:language></cp:coreProperties>",
        e(&p.title),
        e(&p.subject),
        e(&p.creator),
        e(&p.creator),
        e(&p.date),
        e(&p.date),
        e(&p.language),
    )
}

fn utf8(part: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(part).map_err(|e| format!("docx-rs wrote a part that is not UTF-8: {e}"))
}

/// The styles part with the language of all text, so that Word checks Swedish spelling and a
/// screen reader reads Swedish.
fn with_language(styles: &[u8], language: &str) -> Result<Vec<u8>, String> {
    let styles = utf8(styles)?;
    let lang = escape(language);
    let element = format!("<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\" />");
    if let Some(at) = styles.find(DEFAULT_RUN_END) {
        return Ok([&styles[..at], &element, &styles[at..]].concat().into_bytes());
    }
    // Without a default font or size, docx-rs writes the default run properties empty.
    let Some(at) = styles.find(EMPTY_DEFAULT_RUN) else {
        return Err("docx-rs's styles have no default run properties".into());
    };
    let filled = format!("<w:rPrDefault><w:rPr>{element}</w:rPr></w:rPrDefault>");
    let rest = &styles[at + EMPTY_DEFAULT_RUN.len()..];
    Ok([&styles[..at], &filled, rest].concat().into_bytes())
}

/// The document part with each header row marked to repeat on each page, and each picture
/// with an id of its own, a name and its alternative text. The pictures at the indices
/// `charts` are the report's charts, named "Diagram N" (so that `ledgen import` knows them
/// for ledgen's own drawings, made again from the figures); the others "Bild N".
fn with_headers_and_alts(
    document: &[u8],
    alts: &[String],
    charts: &[usize],
) -> Result<Vec<u8>, String> {
    let document = utf8(document)?;
    let document = document.replace(HEADER_ROW, "<w:trPr><w:cantSplit /><w:tblHeader />");
    let pictures = document.matches(PICTURE).count();
    if pictures != alts.len() {
        return Err(format!(
            "the Word edition has {pictures} pictures but {} alternative texts",
            alts.len()
        ));
    }
    let mut out =
        String::with_capacity(document.len() + alts.iter().map(String::len).sum::<usize>());
    let mut rest = document.as_str();
    for (i, alt) in alts.iter().enumerate() {
        let Some(at) = rest.find(PICTURE) else { break };
        out.push_str(&rest[..at]);
        let name = match charts.iter().position(|c| *c == i) {
            Some(n) => format!("{CHART_NAME} {}", n + 1),
            None => format!("Bild {}", i + 1),
        };
        out.push_str(&format!(
            "<wp:docPr id=\"{}\" name=\"{name}\" descr=\"{}\" />",
            i + 1,
            escape(alt.as_str())
        ));
        rest = &rest[at + PICTURE.len()..];
    }
    out.push_str(rest);
    Ok(out.into_bytes())
}

/// The name of a chart's picture, before its number.
pub(crate) const CHART_NAME: &str = "Diagram";

/// How docx-rs opens its table of contents: a content control inside a content control, which
/// LibreOffice does not read as a table of contents (it shows the field's code as text).
const CONTENTS_OPEN: &str =
    "<w:sdt><w:sdtPr><w:rPr /></w:sdtPr><w:sdtContent><w:sdt><w:sdtPr /><w:sdtContent>";
/// How docx-rs closes it.
const CONTENTS_CLOSE: &str = "</w:sdtContent></w:sdt></w:sdtContent></w:sdt>";
/// How Word itself opens one: a single content control in the table-of-contents gallery.
const WORD_CONTENTS_OPEN: &str = "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery \
    w:val=\"Table of Contents\" /><w:docPartUnique /></w:docPartObj></w:sdtPr><w:sdtContent>";
/// The right tab of each line of the contents, where docx-rs puts it: far outside the page.
const CONTENTS_TAB: &str = "<w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"80000\" />";
/// The page number docx-rs writes into each line of the contents before Word counts pages:
/// always 1.
const CACHED_PAGE: &str = "<w:fldChar w:fldCharType=\"separate\" w:dirty=\"false\" />\
    <w:t xml:space=\"preserve\">1</w:t><w:fldChar w:fldCharType=\"end\"";

/// The document part with its table of contents as Word writes one, the page numbers at the
/// right margin, and no page number before one is counted: Word counts them when it opens the
/// document (the field is marked as needing it), LibreOffice when the index is updated.
fn with_contents_object(document: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(document) else { return document.to_vec() };
    let (Some(open), Some(close)) = (text.find(CONTENTS_OPEN), text.find(CONTENTS_CLOSE)) else {
        return document.to_vec();
    };
    let contents = &text[open + CONTENTS_OPEN.len()..close];
    let tab = format!("<w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{}\" />", super::TEXT_WIDTH);
    let uncounted = CACHED_PAGE.replace("<w:t xml:space=\"preserve\">1</w:t>", "");
    let contents = contents.replace(CONTENTS_TAB, &tab).replace(CACHED_PAGE, &uncounted);
    let rest = &text[close + CONTENTS_CLOSE.len()..];
    [&text[..open], WORD_CONTENTS_OPEN, &contents, "</w:sdtContent></w:sdt>", rest]
        .concat()
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use docx_rs::{Docx, Paragraph, Pic, Run, Table, TableCell, TableRow};

    use super::*;

    fn properties() -> Properties {
        Properties {
            title: "Ledningens genomgång 2023 & <mer>".into(),
            creator: "Anna \"ISAM\" Berg".into(),
            subject: "Exempelkommun".into(),
            language: "sv-SE".into(),
            date: "2023-12-01T00:00:00Z".into(),
        }
    }

    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut file = zip.by_name(name).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut file, &mut text).unwrap();
        text
    }

    fn png() -> Vec<u8> {
        let mut bytes = Vec::new();
        image::RgbImage::new(4, 2)
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn the_properties_name_title_author_and_language_escaped() {
        let bytes = finish(Docx::new(), &properties(), &[], &[]).unwrap();
        let core = part(&bytes, "docProps/core.xml");
        assert!(
            core.contains("<dc:title>Ledningens genomgång 2023 &amp; &lt;mer&gt;</dc:title>"),
            "{core}"
        );
        assert!(core.contains("<dc:creator>Anna &quot;ISAM&quot; Berg</dc:creator>"), "{core}");
        assert!(core.contains("<dc:language>sv-SE</dc:language>"), "{core}");
        let styles = part(&bytes, "word/styles.xml");
        assert!(styles.contains("<w:lang w:val=\"sv-SE\""), "{styles}");
    }

    #[test]
    fn the_contents_are_one_content_control_with_the_page_numbers_at_the_margin() {
        let heading = Paragraph::new().style("Heading1").add_run(Run::new().add_text("Inledning"));
        let doc = Docx::new()
            .add_style(
                docx_rs::Style::new("Heading1", docx_rs::StyleType::Paragraph).name("heading 1"),
            )
            .add_table_of_contents(
                docx_rs::TableOfContents::new().heading_styles_range(1, 2).auto().dirty(),
            )
            .add_paragraph(heading);
        let bytes = finish(doc, &properties(), &[], &[]).unwrap();
        let document = part(&bytes, "word/document.xml");
        assert_eq!(document.matches("<w:sdt>").count(), 1, "{document}");
        assert!(
            document.contains("<w:docPartGallery w:val=\"Table of Contents\" />"),
            "{document}"
        );
        assert!(document.contains(">Inledning</w:t>"), "{document}");
        assert!(document.contains(&format!("w:pos=\"{}\"", crate::word::TEXT_WIDTH)), "{document}");
        assert!(!document.contains("w:pos=\"80000\""), "{document}");
        assert!(document.contains("PAGEREF"), "{document}");
        assert!(!document.contains("<w:t xml:space=\"preserve\">1</w:t>"), "{document}");
    }

    #[test]
    fn header_rows_repeat_and_pictures_carry_their_alternative_text() {
        let head =
            TableRow::new(vec![TableCell::new().add_paragraph(Paragraph::new())]).cant_split();
        let body = TableRow::new(vec![TableCell::new().add_paragraph(Paragraph::new())]);
        let picture = |_: usize| {
            Paragraph::new().add_run(Run::new().add_image(Pic::new_with_dimensions(png(), 4, 2)))
        };
        let doc = Docx::new()
            .add_table(Table::new(vec![head, body]))
            .add_paragraph(picture(1))
            .add_paragraph(picture(2));
        let alts = ["Karta över \"A\" & B".to_string(), "Logotyp".to_string()];
        let bytes = finish(doc, &properties(), &alts, &[1]).unwrap();
        let document = part(&bytes, "word/document.xml");
        assert_eq!(document.matches("<w:tblHeader />").count(), 1, "{document}");
        assert!(
            document.contains(
                "<wp:docPr id=\"1\" name=\"Bild 1\" descr=\"Karta över &quot;A&quot; &amp; B\" />"
            ),
            "{document}"
        );
        assert!(
            // The second is a chart: named so that `ledgen import` knows it.
            document.contains("<wp:docPr id=\"2\" name=\"Diagram 1\" descr=\"Logotyp\" />"),
            "{document}"
        );
        // Too few texts for the pictures is an error, not a picture without one.
        let doc = Docx::new().add_paragraph(picture(1));
        assert!(finish(doc, &properties(), &[], &[]).is_err());
    }
}
