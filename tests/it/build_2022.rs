//! End to end: `ledgen build` of the partial 2022 review, whose source gives only the month of the
//! review and no author.

use std::fs;

use crate::common::{html_text, ledgen, pdf_text, root};

// The 2022 review once showed an invented day (2022-12-01) and author; a month-only date and no
// author must show as "december 2022" and leave out "Sammanställd av".
#[test]
fn month_only_date_and_no_author_show_as_given() {
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(&root(), &["build", "2022", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let pdf = out.path().join("2022/ledningens-genomgang-2022.pdf");
    let html = fs::read_to_string(out.path().join("2022/ledningens-genomgang-2022.html")).unwrap();

    // Title page and every page footer of the PDF.
    let text = pdf_text(&pdf);
    assert!(text.contains("Datum december 2022"), "no month on the title page: {text}");
    assert!(text.matches("december 2022 Sida").count() >= 2, "no month in the footers: {text}");
    assert!(!text.contains("Sammanställd av"), "{text}");
    assert!(!text.contains("2022-12-01"), "{text}");

    // The author metadata falls back to the organisation; the date stamped is the first of the
    // month, which is not shown anywhere.
    let info = crate::common::pdf::Pdf::open(&pdf);
    assert_eq!(info.info("Author").as_deref(), Some("Stockholms stad"));
    let created = info.info("CreationDate").unwrap_or_default();
    assert!(created.starts_with("D:20221201000000"), "{created}");

    // HTML: the month in words, machine-readable as a month, no author line.
    assert!(html.contains("<time datetime=\"2022-12\">december 2022</time>"));
    assert!(html.contains("<meta name=\"author\" content=\"Stockholms stad\">"));
    assert!(!html.contains("Sammanställd av"));
    assert!(!html.contains("2022-12-01"));
    let visible = html_text(&html);
    assert!(
        visible.ends_with(
            "Stockholms stad · Ledningens genomgång av informationssäkerhet 2022 · december 2022"
        ),
        "{visible}"
    );
}
