//! Publishing: the public edition leaves out everything marked internal, and two builds of the
//! same content give byte-identical files.

use std::fs;

use crate::common::{ledgen, pdf_text, root};

/// Texts of the items marked `intern` in the example's 2024 report (all name the fictional
/// supplier), and a phrase from each.
const INTERNAL: &[&str] = &["Leverantör X", "Detaljer om incidenten", "18 kap. 8 § OSL"];

#[test]
fn public_edition_leaves_out_internal_items() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let args = ["build", "2024", "--content", "examples/exempelkommun", "--out", dir];
    let full = ledgen(&root(), &args);
    assert!(full.status.success(), "{}", String::from_utf8_lossy(&full.stderr));
    let public = ledgen(&root(), &[&args[..], &["--public"]].concat());
    assert!(public.status.success(), "{}", String::from_utf8_lossy(&public.stderr));

    // A no-break space ("8 §") reads as a space, so that no text escapes the search by it.
    let read = |name: &str| {
        let path = out.path().join("2024").join(name);
        let text = if name.ends_with(".pdf") {
            pdf_text(&path)
        } else {
            fs::read_to_string(path).unwrap()
        };
        text.replace('\u{a0}', " ")
    };
    let full_pdf = read("ledningens-genomgang-2024.pdf");
    let full_html = read("ledningens-genomgang-2024.html");
    let public_pdf = read("ledningens-genomgang-2024-publik.pdf");
    let public_html = read("ledningens-genomgang-2024-publik.html");

    for text in INTERNAL {
        // The full edition has them, marked; the public one has none of them, anywhere.
        assert!(full_pdf.contains(text), "`{text}` missing from the full PDF");
        assert!(full_html.contains(text), "`{text}` missing from the full HTML");
        assert!(!public_pdf.contains(text), "`{text}` leaked into the public PDF");
        assert!(!public_html.contains(text), "`{text}` leaked into the public HTML source");
    }
    assert!(full_pdf.contains("Intern"));
    assert!(public_pdf.contains("Publik version"));
    assert!(public_html.contains("Publik version"));
    // The left-out recommendation keeps its number 7 in the full edition only.
    assert!(full_pdf.contains("Rekommendation 7") && !public_pdf.contains("Rekommendation 7"));
}

#[test]
fn builds_are_byte_identical_across_time_and_folders() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    // Build once from the repository, once from another working folder with absolute paths.
    let content = root().join("content");
    let a = ledgen(&root(), &["build", "2023", "--out", first.path().to_str().unwrap()]);
    assert!(a.status.success());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = ledgen(
        second.path(),
        &[
            "build",
            "2023",
            "--content",
            content.to_str().unwrap(),
            "--out",
            second.path().join("o").to_str().unwrap(),
        ],
    );
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    for name in ["ledningens-genomgang-2023.pdf", "ledningens-genomgang-2023.html"] {
        let x = fs::read(first.path().join("2023").join(name)).unwrap();
        let y = fs::read(second.path().join("o/2023").join(name)).unwrap();
        assert!(x == y, "{name} differs between builds");
    }
}
