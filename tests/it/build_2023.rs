//! End to end: `ledgen build` of the shipped 2023 review, checked against the seed document's text.

use std::fs;

use crate::common::{fold_whitespace, html_text, ledgen, pdf_text, root};

/// The seed's text as fragments that must each appear in the outputs: table cells split at tabs,
/// HTML tags and Markdown markers removed, the generated table of contents left out.
fn seed_fragments() -> Vec<String> {
    // A copy of the reference document's text (`shared/seed/000_a501e40a37aba609.txt`).
    let seed = fs::read_to_string(root().join("tests/fixtures/seed-2023.txt")).unwrap();
    let mut fragments = Vec::new();
    for line in seed.lines() {
        if line.contains("....") {
            continue; // the original's table of contents; ledgen generates its own
        }
        let mut plain = String::new();
        let mut in_tag = false;
        for c in line.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        for piece in plain
            .split(['\t'])
            .flat_map(|p| p.split("**"))
            .flat_map(|p| p.split(" – "))
            .flat_map(|p| p.split(" - "))
        {
            let piece = piece.trim().trim_start_matches('#').trim_start_matches("- ").trim();
            let piece = piece.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.').trim();
            let piece = fold_whitespace(piece.trim_end_matches('.'));
            if !piece.is_empty() {
                fragments.push(piece);
            }
        }
    }
    fragments
}

/// Whether the words of `fragment` occur in order in `words`, with at most `max_skipped` other
/// words between them in all.
fn contains_with_gaps(words: &[&str], fragment: &str, max_skipped: usize) -> bool {
    let needle: Vec<&str> = fragment.split(' ').collect();
    // Fragments lose their final full stop; the last word may be followed by punctuation.
    let last = needle.len() - 1;
    let matches = |word: &str, i: usize| {
        if i == last { word.starts_with(needle[i]) } else { word == needle[i] }
    };
    (0..words.len()).filter(|&i| matches(words[i], 0)).any(|start| {
        let (mut at, mut skipped) = (start + 1, 0);
        for i in 1..needle.len() {
            loop {
                if at >= words.len() || skipped > max_skipped {
                    return false;
                }
                at += 1;
                if matches(words[at - 1], i) {
                    break;
                }
                skipped += 1;
            }
        }
        skipped <= max_skipped
    })
}

#[test]
fn builds_2023_with_all_of_the_seed_in_pdf_and_html() {
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(&root(), &["build", "2023", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let pdf = out.path().join("2023/ledningens-genomgang-2023.pdf");
    let html = out.path().join("2023/ledningens-genomgang-2023.html");
    let pdf_text = pdf_text(&pdf);
    let html_text = html_text(&fs::read_to_string(&html).unwrap());

    let fragments = seed_fragments();
    assert!(fragments.len() > 250, "only {} fragments read from the seed", fragments.len());
    // A table cell may break across pages, where the running footer, header and repeated table
    // header interrupt its text: allow a few words of page furniture inside a fragment.
    let pdf_words: Vec<&str> = pdf_text.split(' ').collect();
    let missing_pdf: Vec<_> =
        fragments.iter().filter(|f| !contains_with_gaps(&pdf_words, f, 24)).collect();
    let missing_html: Vec<_> =
        fragments.iter().filter(|f| !html_text.contains(f.as_str())).collect();
    assert!(missing_pdf.is_empty(), "not in the PDF: {missing_pdf:#?}");
    assert!(missing_html.is_empty(), "not in the HTML: {missing_html:#?}");
}

#[test]
fn pdf_has_title_outline_metadata_and_status_words() {
    let out = tempfile::tempdir().unwrap();
    let output =
        ledgen(&root(), &["build", "--format", "pdf", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let pdf = out.path().join("2023/ledningens-genomgang-2023.pdf");
    assert!(!out.path().join("2023/ledningens-genomgang-2023.html").exists());

    let info = crate::common::pdf::Pdf::open(&pdf);
    assert_eq!(
        info.info("Title").as_deref(),
        Some("Ledningens genomgång av informationssäkerhet 2023")
    );
    assert_eq!(info.info("Author").as_deref(), Some("Dani Cohen"));
    assert!(info.tagged(), "the PDF is not tagged");
    // Bookmarks read as the headings do, a space after the number.
    let bookmarks = info.bookmarks();
    assert!(bookmarks.iter().any(|b| b == "1 Inledning"), "{bookmarks:#?}");
    assert!(bookmarks.iter().any(|b| b.starts_with("  5.1 ")), "{bookmarks:#?}");
    assert!(
        !bookmarks.iter().any(|b| b.trim().chars().next().is_some_and(|c| c.is_ascii_digit())
            && !b
                .trim()
                .split_once(' ')
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit() || c == '.'))),
        "a bookmark without a space after its number: {bookmarks:#?}"
    );
    let pages = info.page_count();
    assert!((12..40).contains(&pages), "{pages} pages");

    let text = pdf_text(&pdf);
    // The table of contents lists sections with page numbers, and the status cells carry words.
    assert!(text.contains("Innehåll"), "no table of contents");
    assert!(text.contains("Sida 3 av"), "no page footer");
    for word in ["✓ Grön", "! Gul", "? Ej bedömd"] {
        assert!(text.contains(word), "no `{word}` marker in the PDF");
    }
}

/// Builds only the HTML page of 2023; returns the output folder and the page.
fn build_2023_html() -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(
        &root(),
        &["build", "2023", "--format", "html", "--out", out.path().to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let html = fs::read_to_string(out.path().join("2023/ledningens-genomgang-2023.html")).unwrap();
    (out, html)
}

#[test]
fn html_is_self_contained_and_marks_status_with_words() {
    let (out, html) = build_2023_html();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(!html.contains("<script"), "the page must work without script");
    for external in ["src=\"http", "href=\"http://", "@import"] {
        assert!(!html.contains(external), "external reference `{external}`");
    }
    // The only URLs in its style are the data of its fonts: the PDF's Inter, embedded.
    assert!(html.split("url(").skip(1).all(|after| after.starts_with("\"data:font/woff2;base64,")));
    assert_eq!(html.matches("@font-face { font-family: \"Inter\"").count(), 5);
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<th scope=\"col\">Funktion i organisation</th>"));
    assert!(html.contains(
        "<span class=\"marker status-yellow\"><span aria-hidden=\"true\">!</span> Gul</span>"
    ));
    assert!(!out.path().join("2023/ledningens-genomgang-2023.pdf").exists());
}

/// The HTML page's headings in document order: (level, visible text), `h2` being level 1.
fn html_headings(html: &str) -> Vec<(usize, String)> {
    let mut headings = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<h") {
        rest = &rest[start + 2..];
        let Some(level) = rest.chars().next().and_then(|c| c.to_digit(10)) else { continue };
        let close = format!("</h{level}>");
        let Some(end) = rest.find(&close) else { continue };
        let text = html_text(&format!("<{}", &rest[..end]));
        let text = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        headings.push((level as usize - 1, text.to_string()));
        rest = &rest[end..];
    }
    headings
}

// The 2023 review once demoted three of the original's top-level headings; its table of contents
// (bold entries top level, the others under the bold entry before them) is the reference.
#[test]
fn heading_levels_follow_the_originals_table_of_contents() {
    let seed = fs::read_to_string(root().join("tests/fixtures/seed-2023.txt")).unwrap();
    let toc: Vec<(usize, String)> = seed
        .lines()
        .filter(|l| l.contains("...."))
        .map(|l| {
            let level = if l.starts_with("<b>") { 1 } else { 2 };
            let title = l.replace("<b>", "").replace("</b>", "");
            let title = title.split("....").next().unwrap().trim().trim_end_matches('.').trim();
            (level, title.to_string())
        })
        .collect();
    assert_eq!(toc.len(), 22, "{toc:#?}");

    let (_out, html) = build_2023_html();
    let main = html.split("<main").nth(1).unwrap();
    let headings = html_headings(main);

    // Match on the start of the title: the table of contents is in capitals and has a typing
    // error of its own ("INTRESSETER") that the heading in the text does not.
    let key = |title: &str| title.to_uppercase().chars().take(20).collect::<String>();
    let mut parent = String::new();
    for (level, title) in &toc {
        let matches: Vec<usize> =
            (0..headings.len()).filter(|&i| key(&headings[i].1) == key(title)).collect();
        assert_eq!(matches.len(), 1, "`{title}` is not one heading: {headings:#?}");
        let at = matches[0];
        assert_eq!(headings[at].0, *level, "`{title}` is at level {}", headings[at].0);
        if *level == 1 {
            parent.clone_from(title);
        } else {
            let above = headings[..at].iter().rev().find(|(l, _)| *l == 1).unwrap();
            assert_eq!(key(&above.1), key(&parent), "`{title}` is not under `{parent}`");
        }
    }
}

// The legend once explained `ej bedömd` in words the original never used: every legend text of
// the 2023 review must be the original's own.
#[test]
fn legend_texts_are_the_originals_own_words() {
    let seed =
        fold_whitespace(&fs::read_to_string(root().join("tests/fixtures/seed-2023.txt")).unwrap());
    let meta: serde_json::Value = serde_saphyr::from_str(
        &fs::read_to_string(root().join("content/2023/report.yaml")).unwrap(),
    )
    .unwrap();
    let legend = meta["status_legend"].as_object().unwrap();
    let keys: Vec<&str> = legend.keys().map(String::as_str).collect();
    assert_eq!(keys, ["ej bedömd", "grön", "gul"]);
    for (status, text) in legend {
        let text = fold_whitespace(text.as_str().unwrap());
        assert!(seed.contains(&text), "legend text for `{status}` is not in the original: {text}");
    }
}
