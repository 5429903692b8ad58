//! The Word edition (`build --format docx`): Word's own heading styles, the status tables with
//! shaded status cells and their words, header rows that repeat, the document's properties,
//! and a public edition that leaves out what the public PDF leaves out.

use std::io::Read;
use std::path::Path;

use crate::common::{copy_tree, ledgen, pdf_text, root};

/// One part of a `.docx` package, as text.
fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// The text of the document part, run by run, each paragraph on a line of its own.
fn document_text(document: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(document);
    let (mut out, mut in_text) = (String::new(), false);
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if e.name().0 == "w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().0 == "w:t" => in_text = false,
            quick_xml::events::Event::End(e) if e.name().0 == "w:p" => out.push('\n'),
            quick_xml::events::Event::Text(t) if in_text => {
                out.push_str(&t.xml10_content());
            }
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                let name = r.as_ref().to_string();
                let c = quick_xml::escape::resolve_predefined_entity(&name).unwrap_or("?");
                out.push_str(c);
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The texts of the paragraphs in Word's heading style `level`.
fn headings(document: &str, level: usize) -> Vec<String> {
    let style = format!("<w:pStyle w:val=\"Heading{level}\" />");
    document
        .split("<w:p ")
        .filter(|p| p.contains(&style))
        .map(|p| document_text(&format!("<w:p {}", p.split("</w:p>").next().unwrap())))
        .map(|t| t.trim().to_string())
        .collect()
}

#[test]
fn the_word_edition_has_the_reports_headings_statuses_and_properties() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("examples/exempelkommun"), &dir.path().join("exempel"));
    let args = ["build", "--content", "exempel", "--format", "docx,pdf", "--out", "out"];
    let output = ledgen(dir.path(), &args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("ledningens-genomgang-2024.docx ("), "{said}");
    let docx = dir.path().join("out/2024/ledningens-genomgang-2024.docx");
    let document = part(&docx, "word/document.xml");
    let pdf = pdf_text(&dir.path().join("out/2024/ledningens-genomgang-2024.pdf"));

    // Every top-level heading of the PDF is a Word heading 1, in Word's own style.
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains("w:styleId=\"Heading1\""), "{styles}");
    assert!(styles.contains("<w:name w:val=\"heading 1\" />"), "{styles}");
    let top = headings(&document, 1);
    assert!(top.len() >= 8, "{top:?}");
    for heading in &top {
        assert!(pdf.contains(heading.as_str()), "`{heading}` is not in the PDF");
    }
    assert!(top.iter().any(|h| h.ends_with("Rekommendation till förbättringar")), "{top:?}");

    // The status cells are shaded and carry their symbol and word; header rows repeat.
    let text = document_text(&document);
    assert!(text.contains("✓ Grön"), "{text}");
    assert!(text.contains("! Gul"), "{text}");
    assert!(document.contains("<w:shd "), "no shaded cell");
    assert!(document.contains("<w:tblHeader />"), "no repeating header row");
    // A table of contents field Word updates on opening.
    assert!(document.contains("TOC \\o &quot;1-2&quot;"), "no contents field");
    assert!(document.contains("w:fldCharType=\"begin\" w:dirty=\"true\""), "{document}");

    // The charts are pictures carrying their text alternative, each with its numbered caption;
    // the table of the same figures follows.
    for chart in
        ["Bedömda rader per status och avsnitt", "Incidenter per kategori", "Incidenter per månad"]
    {
        assert!(document.contains(&format!("descr=\"{chart}. ")), "no picture of `{chart}`");
        assert!(text.contains(&format!(": {chart}\n")), "no caption `{chart}`: {text}");
    }
    assert!(text.contains("Diagram 1: Bedömda rader per status och avsnitt"), "{text}");
    let zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let media =
        zip.file_names().filter(|n| n.as_ref().is_ok_and(|n| n.starts_with("word/media/"))).count();
    assert!(media >= 4, "{media} pictures: the logo and the charts");

    // The document's properties: title, author and language.
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:title>Ledningens genomgång av informationssäkerhet 2024"), "{core}");
    assert!(core.contains("<dc:language>sv-SE</dc:language>"), "{core}");
    assert!(styles.contains("<w:lang w:val=\"sv-SE\""), "{styles}");
}

#[test]
fn the_public_word_edition_leaves_out_what_the_public_pdf_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("examples/exempelkommun"), &dir.path().join("exempel"));
    for public in [false, true] {
        let mut args = vec!["build", "--content", "exempel", "--format", "docx,pdf"];
        args.extend(["--out", "out"]);
        if public {
            args.push("--public");
        }
        let output = ledgen(dir.path(), &args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let out = dir.path().join("out/2024");
    let full =
        document_text(&part(&out.join("ledningens-genomgang-2024.docx"), "word/document.xml"));
    let public_docx = out.join("ledningens-genomgang-2024-publik.docx");
    let public = document_text(&part(&public_docx, "word/document.xml"));
    let public_pdf = pdf_text(&out.join("ledningens-genomgang-2024-publik.pdf"));
    for secret in ["Leverantör X", "sårbarheten i inloggningsfunktionen"] {
        assert!(full.contains(secret), "the full edition lacks `{secret}`");
        assert!(!public.contains(secret), "the public Word edition shows `{secret}`");
        assert!(!public_pdf.contains(secret), "the public PDF shows `{secret}`");
    }
    assert!(public.contains("Publik version: Uppgifter som omfattas av sekretess"), "{public}");
    assert!(!full.contains("Publik version"), "{full}");
    let core = part(&public_docx, "docProps/core.xml");
    assert!(core.contains("2024 (Publik version)</dc:title>"), "{core}");
}

#[test]
fn a_part_on_landscape_pages_is_a_landscape_section_with_the_running_header() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("examples/exempelkommun"), &dir.path().join("exempel"));
    let compliance = dir.path().join("exempel/2024/compliance.yaml");
    let text = std::fs::read_to_string(&compliance).unwrap();
    let marked = text.replace(
        "  - title: Utvärdering av lagefterlevnad\n",
        "  - title: Utvärdering av lagefterlevnad\n    landscape: true\n",
    );
    assert_ne!(marked, text, "the part to set on landscape pages is where the test expects it");
    std::fs::write(&compliance, marked).unwrap();
    let args = ["build", "--content", "exempel", "--format", "docx", "--out", "out"];
    let output = ledgen(dir.path(), &args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let document =
        part(&dir.path().join("out/2024/ledningens-genomgang-2024.docx"), "word/document.xml");
    // Three sections: the pages before the part, the part on landscape pages, the rest.
    let sections: Vec<&str> = document
        .split("<w:sectPr>")
        .skip(1)
        .map(|s| s.split("</w:sectPr>").next().unwrap())
        .collect();
    assert_eq!(sections.len(), 3, "{sections:?}");
    assert!(
        sections[1].contains("w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\""),
        "{}",
        sections[1]
    );
    assert!(!sections[0].contains("landscape") && !sections[2].contains("landscape"));
    // Each has the running header and footer; only the first a title page without them.
    for section in &sections {
        assert!(section.contains("<w:headerReference w:type=\"default\""), "{section}");
        assert!(section.contains("<w:footerReference w:type=\"default\""), "{section}");
    }
    assert!(sections[0].contains("<w:titlePg />") && sections[0].contains("w:type=\"first\""));
    assert!(!sections[2].contains("<w:titlePg />") && !sections[2].contains("w:type=\"first\""));
    // The landscape part's table spans the wider page.
    let landscape = document.split("<w:sectPr>").nth(1).unwrap();
    assert!(
        landscape.contains("<w:tblW w:w=\"14002\" w:type=\"dxa\""),
        "no table as wide as the page"
    );
}
