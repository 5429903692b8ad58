//! No user text becomes Typst code or HTML: a report whose every field holds Typst and HTML syntax
//! builds, and both outputs show those characters literally.

use std::fs;

use crate::common::{html_text, ledgen, pdf_text, root};

#[test]
fn hostile_text_is_shown_literally_in_pdf_and_html() {
    let case = root().join("tests/fixtures/valid/hostile");
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(&case, &["build", "--typst", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let pdf = pdf_text(&out.path().join("2024/ledningens-genomgang-2024.pdf"));
    let html_source =
        fs::read_to_string(out.path().join("2024/ledningens-genomgang-2024.html")).unwrap();
    let html = html_text(&html_source);

    // Plain fields: shown exactly as written.
    let literal = [
        r#"#read("/etc/passwd") $x$ *a* _b_ @ref <lbl> // x = H <script>alert(1)</script>"#,
        r#"\ #set page(fill: red) ] [ } { ~ -- ... `raw` &amp; <b>fet</b>"#,
        "Titel #emph[x] $y$ *z* 2024",
        "/* kommentar */ = Rubrik",
        "<img src=x onerror=alert(1)> @author",
        "#let x = 1",
        "<i>kursiv</i> $a^2$",
        r#""citat" & \backslash"#,
        "Avsnitt #heading[x] <lbl2> @ref2",
        "Kolumn #1 <th>",
        "#strong[Status]",
        // Markdown fields: Typst and HTML syntax is text there too.
        r#"Stycke med #read("/etc/passwd") och $x + y$ och @ref och <lbl> och // x och = H."#,
        "<script>alert(3)</script>",
        r#"Sista raden med #import "evil.typ": * och #escaped."#,
        r#"Cell med #read("/etc/passwd")"#,
        "Cell med <script>alert(4)</script> och $x$",
        "Status #box[x] och #raw och ][",
        r#"Gör #eval("1+1") nu"#,
        r#"<b>Hur</b> #link("x")"#,
        "@vem",
    ];
    for text in literal {
        assert!(pdf.contains(text), "PDF does not show `{text}` literally:\n{pdf}");
        assert!(html.contains(text), "HTML does not show `{text}` literally");
    }
    // The slide deck shows them literally too.
    let output =
        ledgen(&case, &["build", "--format", "slides", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let deck = pdf_text(&out.path().join("2024/ledningens-genomgang-2024-presentation.pdf"));
    for text in [literal[0], literal[2], literal[4], r#"<b>Hur</b> #link("x")"#, "@vem"] {
        assert!(deck.contains(text), "the deck does not show `{text}` literally:\n{deck}");
    }
    // No element was injected into the HTML.
    for tag in ["<script", "<img", "<b>", "<i>", "<th>", "<lbl"] {
        assert!(!html_source.contains(tag), "`{tag}` reached the HTML source");
    }
}

#[test]
fn images_from_the_report_folder_are_embedded_with_their_description() {
    let case = root().join("tests/fixtures/valid/image");
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(&case, &["build", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let html = fs::read_to_string(out.path().join("2024/ledningens-genomgang-2024.html")).unwrap();
    // Stored once in the page, shown through a labelled reference.
    assert_eq!(html.matches("<image href=\"data:image/png;base64,iVBORw0KGgo").count(), 1);
    assert!(
        html.contains(
            "role=\"img\" aria-label=\"Organisationsschema: ledningen överst, ISAM och DSO under\"><use href=\"#image_"
        ),
        "the image is not shown with its description"
    );
    // The PDF holds the image (an XObject), tagged with its description for PDF/UA.
    let pdf = fs::read(out.path().join("2024/ledningens-genomgang-2024.pdf")).unwrap();
    let pdf = String::from_utf8_lossy(&pdf);
    assert!(
        pdf.contains("/Subtype /Image") || pdf.contains("/Subtype/Image"),
        "no image in the PDF"
    );
}
