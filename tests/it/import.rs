//! `ledgen import`: a review written in Word becomes a year folder that passes `ledgen check`.
//! Our own Word edition of the 2023 review comes back with every status row's status and every
//! recommendation; a document written the way reviews are written in Word (Swedish style names,
//! statuses only as shading, "Hur:"/"Vem:"/"Prioritet:" lines, a table-of-contents field) is
//! understood; and what is not a Word document is refused, with nothing written.

use std::io::Write;
use std::path::Path;

use crate::common::{ledgen, root};
use ledgen::model::load_report;

fn run_ok(cwd: &Path, args: &[&str]) -> String {
    let output = ledgen(cwd, args);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{args:?}:\n{said}");
    said
}

/// Every status row of the report in `dir` as (its first cell, spaces folded, and its status),
/// sorted.
fn rows(dir: &Path) -> Vec<(String, String)> {
    let report = load_report(dir).unwrap_or_else(|e| panic!("{}: {e:#}", dir.display())).report;
    let mut rows: Vec<(String, String)> = report
        .status_rows()
        .iter()
        .map(|(_, row)| {
            let first = row.cells.value[0].text.split_whitespace().collect::<Vec<_>>().join(" ");
            (first, row.status.value.keyword().to_string())
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn our_own_word_edition_comes_back_with_every_status_and_recommendation() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out_arg = out.to_str().unwrap();
    let content = root().join("content");
    run_ok(
        dir.path(),
        &[
            "build",
            "2023",
            "--format",
            "docx",
            "--content",
            content.to_str().unwrap(),
            "--out",
            out_arg,
        ],
    );
    let docx = out.join("2023/ledningens-genomgang-2023.docx");
    let said = run_ok(
        dir.path(),
        &["--lang", "en", "import", docx.to_str().unwrap(), "--content", "granskning"],
    );
    assert!(said.contains("54 status rows, 10 recommendations"), "{said}");
    let imported = dir.path().join("granskning/2023");
    assert_eq!(rows(&imported), rows(&content.join("2023")));
    let original = load_report(&content.join("2023")).unwrap().report;
    let again = load_report(&imported).unwrap().report;
    assert_eq!(again.meta.organisation, original.meta.organisation);
    assert_eq!(again.meta.title, original.meta.title);
    assert_eq!(again.meta.date.value, original.meta.date.value);
    let recommendations =
        |report: &ledgen::model::Report| -> Vec<(String, String, Option<String>)> {
            report
                .recommendations()
                .iter()
                .map(|(_, r)| {
                    let priority = r.priority.as_ref().map(|p| p.value.keyword().to_string());
                    (r.id.value.clone(), r.text.text.trim().to_string(), priority)
                })
                .collect()
        };
    assert_eq!(recommendations(&again), recommendations(&original));
    run_ok(dir.path(), &["check", "2023", "--content", "granskning"]);
}

// The Word edition draws the status overview, the incidents and the GAP analysis as charts;
// they are ledgen's own drawings of figures the tables hold, so they do not come back as images.
#[test]
fn our_word_editions_charts_stay_out_and_its_decisions_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let content = root().join("examples/exempelkommun");
    let out = dir.path().join("out");
    let (content_arg, out_arg) = (content.to_str().unwrap(), out.to_str().unwrap());
    let args = ["build", "2024", "--format", "docx", "--content", content_arg, "--out", out_arg];
    run_ok(dir.path(), &args);
    let docx = out.join("2024/ledningens-genomgang-2024.docx");
    let said = run_ok(
        dir.path(),
        &["--lang", "en", "import", docx.to_str().unwrap(), "--content", "granskning"],
    );
    assert!(said.contains("30 status rows, 7 recommendations, 0 images"), "{said}");
    let imported = dir.path().join("granskning/2024");
    // Every row comes back with its status, and the GAP analysis as a GAP analysis.
    assert_eq!(rows(&imported), rows(&content.join("2024")));
    for entry in std::fs::read_dir(&imported).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("Diagram "), "{}: {text}", path.display());
        }
    }
    assert!(!imported.join("bilder").exists());

    // The decisions come back too: the meeting, who attended, the approval, and each
    // recommendation's decision, owner and deadline, so that `ledgen new` can follow them up.
    let original = load_report(&content.join("2024")).unwrap().report;
    let again = load_report(&imported).unwrap().report;
    let meeting = |r: &ledgen::model::Report| {
        let m = r.meta.meeting.as_ref().expect("a meeting");
        let people: Vec<(String, Option<String>)> =
            m.attendees.iter().map(|a| (a.name.clone(), a.role.clone())).collect();
        (m.date.map(|d| d.to_string()), people)
    };
    assert_eq!(meeting(&again), meeting(&original));
    assert_eq!(again.meta.approved_by, original.meta.approved_by);
    assert_eq!(again.meta.approved_on, original.meta.approved_on);
    assert_eq!(again.meta.registration_number, original.meta.registration_number);
    let decided =
        |report: &ledgen::model::Report| -> Vec<(Option<String>, Option<String>, Option<String>)> {
            report
                .recommendations()
                .iter()
                .map(|(_, r)| {
                    let decision = r.decision.as_ref().map(|d| d.value.keyword().to_string());
                    (decision, r.owner.clone(), r.due.map(|d| d.to_string()))
                })
                .collect()
        };
    assert_eq!(decided(&again), decided(&original));
    let gap = |report: &ledgen::model::Report| -> Vec<(String, String)> {
        report
            .blocks()
            .iter()
            .filter_map(|placed| match &placed.block.kind {
                ledgen::model::BlockKind::GapAnalysis(gap) => Some(gap),
                _ => None,
            })
            .flat_map(|gap| &gap.requirements)
            .map(|r| (r.clause.value.clone(), r.status.value.keyword().to_string()))
            .collect()
    };
    assert_eq!(gap(&again), gap(&original));
    assert!(!gap(&again).is_empty());
    // The incidents come back as records of an incidents block (the original reads them from
    // a register export), with their categories.
    let incidents = |report: &ledgen::model::Report| -> Vec<(String, String, bool, bool, bool)> {
        report
            .blocks()
            .iter()
            .filter_map(|placed| match &placed.block.kind {
                ledgen::model::BlockKind::Incidents(incidents) => Some(incidents),
                _ => None,
            })
            .flat_map(|incidents| &incidents.records)
            .map(|r| {
                let date = r.date.value.to_string();
                (date, r.category.value.clone(), r.personal_data, r.reported_to_imy, r.intern)
            })
            .collect()
    };
    assert_eq!(incidents(&again), incidents(&original));
    assert_eq!(incidents(&again).len(), 11);
    // The appendices as appendices, and the table of 9.3.2's inputs asked for again.
    let appendices = |report: &ledgen::model::Report| -> Vec<String> {
        report
            .blocks()
            .iter()
            .filter_map(|placed| match &placed.block.kind {
                ledgen::model::BlockKind::Appendices(list) => Some(list),
                _ => None,
            })
            .flatten()
            .map(|a| a.title.clone())
            .collect()
    };
    assert_eq!(appendices(&again), appendices(&original));
    assert_eq!(again.meta.coverage_table, original.meta.coverage_table);
    assert!(said.contains("the decisions were read into report.yaml"), "{said}");
    let said = run_ok(dir.path(), &["--lang", "en", "new", "2025", "--content", "granskning"]);
    // As `new` says of the original year.
    assert!(said.contains("6 recommendations to follow up, 1 tabled one back"), "{said}");
}

/// A `.docx` package of `parts`, stored uncompressed unless `deflated`.
fn package(parts: &[(&str, Vec<u8>)], deflated: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method =
        if deflated { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
                 xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

fn p(style: &str, runs: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>")
    };
    format!("<w:p>{style}{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn cell(fill: Option<&str>, text: &str) -> String {
    let shading = fill
        .map(|f| format!("<w:tcPr><w:shd w:val=\"clear\" w:fill=\"{f}\"/></w:tcPr>"))
        .unwrap_or_default();
    format!("<w:tc>{shading}{}</w:tc>", p("", &r(text)))
}

/// A review as one is written in Word: Swedish style names, a table-of-contents field, status
/// by shading alone, and recommendations as paragraphs with "Hur:", "Vem:" and "Prioritet:".
fn written_in_word() -> Vec<u8> {
    let styles = format!(
        "<w:styles {W}>\
         <w:style w:type=\"paragraph\" w:styleId=\"Rubrik\"><w:name w:val=\"Title\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Rubrik1\"><w:name w:val=\"Rubrik 1\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Rubrik2\"><w:name w:val=\"Rubrik 2\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Innehll1\"><w:name w:val=\"toc 1\"/></w:style>\
         </w:styles>"
    );
    let toc = format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Innehll1\"/></w:pPr>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>TOC \\o \"1-3\"</w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}</w:p>\
         <w:p><w:pPr><w:pStyle w:val=\"Innehll1\"/></w:pPr>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
        r("1 Inledning 3"),
        r("2 Uppföljning 4")
    );
    let body = [
        p("Rubrik", &r("Ledningens genomgång av informationssäkerhet 2022")),
        p("", &r("Exempelkommunen")),
        p("", &r("Datum: 15 september 2022")),
        toc,
        p("Rubrik1", &r("1 Inledning")),
        p(
            "",
            &format!(
                "{}<w:r><w:rPr><w:b/></w:rPr><w:t>viktigt</w:t></w:r>{}<w:hyperlink r:id=\"rIdLink\">{}</w:hyperlink>",
                r("Ett "),
                r(" stycke om *stjärnor* och "),
                r("MSB")
            ),
        ),
        p(
            "",
            "<w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">\
             <wp:docPr id=\"1\" name=\"Bild 1\" descr=\"Organisationsschema med ledningen överst\"/>\
             <a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData>\
             <pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:blipFill>\
             <a:blip r:embed=\"rIdImg\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
        ),
        p("Rubrik1", &r("2 Uppföljning")),
        p("Rubrik2", &r("2.1 Organisation")),
        format!(
            "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}</w:tr>\
             <w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell(None, "Område"),
            cell(None, "Bedömning"),
            cell(None, "Ledning"),
            cell(Some("C6EFCE"), "Roller är utsedda."),
            cell(None, "Chefer"),
            cell(Some("FFEB9C"), "Arbete pågår."),
            cell(None, "Incidenter"),
            cell(None, "Röd – rutin saknas."),
            cell(None, "Arkiv"),
            cell(None, "Oklart läge."),
        ),
        p("Rubrik1", &r("3 Rekommendationer")),
        p("", &r("Ta fram en rutin för informationsklassning.")),
        p("", &r("Hur: ISAM tar fram ett förslag.")),
        p("", &r("Vem: ISAM")),
        p("", &r("Prioritet: Hög")),
        p("", &r("Utbilda cheferna.")),
        p("", &r("Hur: En halvdag per år.")),
        p("", &r("Prioritet: Medel")),
        // A heading by its own outline level, without a heading style (as LibreOffice writes
        // a heading whose style the document does not define).
        format!("<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>{}</w:p>", r("Förkortningar")),
        format!("<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>", cell(None, "ISAM"), cell(None, "Informationssäkerhetssamordnare"), cell(None, "MSB"), cell(None, "Myndigheten för samhällsskydd och beredskap")),
    ]
    .concat();
    let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
                <Relationship Id=\"rIdLink\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://www.msb.se/\" TargetMode=\"External\"/>\
                <Relationship Id=\"rIdImg\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/>\
                </Relationships>";
    package(
        &[
            (
                "[Content_Types].xml",
                b"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .to_vec(),
            ),
            (
                "word/document.xml",
                format!("<w:document {W}><w:body>{body}</w:body></w:document>").into_bytes(),
            ),
            ("word/styles.xml", styles.into_bytes()),
            ("word/_rels/document.xml.rels", rels.as_bytes().to_vec()),
            ("word/media/image1.png", crate::common::stated_png(40, 30)),
        ],
        false,
    )
}

#[test]
fn a_review_written_in_word_is_understood() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("genomgång 2022.docx"), written_in_word()).unwrap();
    let said = run_ok(dir.path(), &["--lang", "sv", "import", "genomgång 2022.docx"]);
    assert!(said.contains("till `content/2022`"), "{said}");
    assert!(said.contains("4 statusrader, 2 rekommendationer, 1 bild"), "{said}");
    // The row without a status word, symbol or shading is listed, and marked in the YAML.
    assert!(said.contains("raden \"Arkiv\": ingen status hittades"), "{said}");
    let year = dir.path().join("content/2022");
    let report = std::fs::read_to_string(year.join("report.yaml")).unwrap();
    for line in [
        "organisation: Exempelkommunen",
        "title: Ledningens genomgång av informationssäkerhet\n",
        "date: \"2022-09-15\"",
        "  - term: MSB",
    ] {
        assert!(report.contains(line), "{line} in\n{report}");
    }
    let sections: Vec<&str> =
        report.lines().skip_while(|l| *l != "sections:").skip(1).take(3).collect();
    assert_eq!(sections, ["  - introduction", "  - follow-ups", "  - recommendations"], "{report}");
    let introduction = std::fs::read_to_string(year.join("introduction.yaml")).unwrap();
    assert!(introduction.contains("title: Inledning"), "{introduction}");
    assert!(
        introduction
            .contains("Ett **viktigt** stycke om \\*stjärnor\\* och [MSB](https://www.msb.se/)"),
        "{introduction}"
    );
    assert!(
        !introduction.contains("Uppföljning 4"),
        "the table of contents was imported: {introduction}"
    );
    assert!(
        introduction.contains("![Organisationsschema med ledningen överst](bilder/image1.png)"),
        "{introduction}"
    );
    assert_eq!(
        std::fs::read(year.join("bilder/image1.png")).unwrap(),
        crate::common::stated_png(40, 30)
    );
    let statuses: Vec<(String, String)> = rows(&year);
    assert_eq!(
        statuses,
        [
            ("Arkiv".to_string(), "ej bedömd".to_string()),
            ("Chefer".into(), "gul".into()),
            ("Incidenter".into(), "röd".into()),
            ("Ledning".into(), "grön".into()),
        ]
    );
    let follow_ups = std::fs::read_to_string(year.join("follow-ups.yaml")).unwrap();
    assert!(follow_ups.contains("status_column: Bedömning"), "{follow_ups}");
    assert!(follow_ups.contains("status_text: rutin saknas."), "{follow_ups}");
    assert!(follow_ups.contains("**Att granska:**"), "{follow_ups}");
    let recommendations = std::fs::read_to_string(year.join("recommendations.yaml")).unwrap();
    for line in [
        "id: rek-2022-01",
        "text: Ta fram en rutin för informationsklassning.",
        "how: ISAM tar fram ett förslag.",
        "who: ISAM",
        "priority: hög",
        "priority: medel",
    ] {
        assert!(recommendations.contains(line), "{line} in\n{recommendations}");
    }
    let checked = ledgen(dir.path(), &["check", "2022"]);
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));
}

#[test]
fn what_is_not_a_word_document_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = package(
        &[(
            "word/document.xml",
            format!("<w:document {W}><w:body>{}</w:body></w:document>", " ".repeat(70 << 20))
                .into_bytes(),
        )],
        true,
    );
    assert!(bomb.len() < 2 << 20, "the bomb is small: {} bytes", bomb.len());
    let encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    let cases: [(&str, &[u8], &str); 4] = [
        ("rapport.pdf", b"%PDF-1.7\n", "is not a Word document"),
        ("skyddad.docx", &encrypted, "password-protected"),
        ("trasig.docx", b"PK\x03\x04 not really", "damaged"),
        ("bomb.docx", &bomb, "unpacks to more than 64 MiB"),
    ];
    for (name, bytes, expected) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let output = ledgen(dir.path(), &["--lang", "en", "import", name, "--year", "2023"]);
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {said}");
        assert!(
            said.contains(&format!("cannot import `{name}`")) && said.contains(expected),
            "{name}: {said}"
        );
        assert!(!said.contains("panicked"), "{said}");
        assert!(!dir.path().join("content").exists(), "{name} wrote something");
    }
    // An existing year is never overwritten.
    std::fs::write(dir.path().join("genomgang.docx"), written_in_word()).unwrap();
    std::fs::create_dir_all(dir.path().join("content/2022")).unwrap();
    std::fs::write(dir.path().join("content/2022/report.yaml"), "mine").unwrap();
    let output = ledgen(dir.path(), &["--lang", "en", "import", "genomgang.docx"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("never overwrites a year"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/2022/report.yaml")).unwrap(),
        "mine"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("content")).unwrap().collect();
    assert_eq!(left.len(), 1, "a hidden folder was left behind");
}
