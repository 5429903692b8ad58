//! Bracketed spans in Markdown texts. Masked phrases (`[text]{.intern}`, `[text]{.sekretess
//! osl="…"}`): shown and marked in the full edition, replaced by a marker naming the provision in
//! every output of the public edition — the report's PDF and HTML, the comparison in every
//! format, the action plan and `history`. Passages in another language (`[text]{lang=en}`):
//! marked with their language in both outputs.

use std::fs;
use std::path::Path;

use crate::common::{example_years, html_text, ledgen, pdf_text};

/// The phrases masked in the copy; none may be in any public output.
const PHRASES: &[&str] = &["Leverantör Omega", "Heroma"];

/// A copy of the example's 2023 and 2024 with one phrase masked under a provision in a
/// recommendation and one masked as internal in a status text.
fn masked_copy() -> tempfile::TempDir {
    let dir = example_years(&["2023", "2024"]);
    let year = dir.path().join("content/2024");
    let edit = |file: &str, from: &str, to: &str| {
        let path = year.join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit(
        "recommendations.yaml",
        "Inventeringen av molntjänster slutförs",
        r#"Inventeringen av molntjänster [hos Leverantör Omega]{.sekretess osl=\"18 kap. 8 § OSL\"} slutförs"#,
    );
    edit(
        "compliance.yaml",
        "Personuppgiftsbiträdesavtal saknas för två tjänster.",
        "Personuppgiftsbiträdesavtal saknas för två tjänster, bland dem [Heroma]{.intern}.",
    );
    dir
}

fn run(cwd: &Path, args: &[&str]) -> (String, String) {
    let output = ledgen(cwd, args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?}: {stderr}");
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

fn assert_masked(what: &str, text: &str) {
    for phrase in PHRASES {
        assert!(!text.contains(phrase), "{what} holds the masked phrase {phrase:?}");
    }
}

#[test]
fn the_public_report_shows_markers_and_the_full_one_marks_the_phrases() {
    let dir = masked_copy();
    let cwd = dir.path();
    run(cwd, &["build", "2024", "--public", "--out", "out"]);
    run(cwd, &["build", "2024", "--out", "out"]);
    let out = cwd.join("out/2024");
    let public_html =
        fs::read_to_string(out.join("ledningens-genomgang-2024-publik.html")).unwrap();
    let public_pdf = pdf_text(&out.join("ledningens-genomgang-2024-publik.pdf"));
    // Not in the page's source at all (attributes, alternative texts, metadata), nor its text.
    assert_masked("the public HTML page", &public_html);
    assert_masked("the public PDF", &public_pdf);
    for text in
        [html_text(&public_html), public_pdf.split_whitespace().collect::<Vec<_>>().join(" ")]
    {
        assert!(text.contains("[uppgift maskerad enligt 18 kap. 8 § OSL]"), "{text}");
        assert!(text.contains("[maskerad uppgift]"), "{text}");
    }

    let full_html = fs::read_to_string(out.join("ledningens-genomgang-2024.html")).unwrap();
    assert!(full_html.contains(
        "<mark class=\"masked\">hos Leverantör Omega</mark><small class=\"masked-note\"> \
         (maskeras enligt 18 kap. 8\u{a0}§ OSL)</small>"
    ));
    assert!(full_html.contains("<mark class=\"masked\">Heroma</mark>"));
    let full_pdf = pdf_text(&out.join("ledningens-genomgang-2024.pdf"));
    let full_pdf = full_pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(full_pdf.contains("Heroma (maskeras)"), "{full_pdf}");
    assert!(!full_pdf.contains("{.intern}") && !full_pdf.contains("]{"), "raw span syntax shown");
}

#[test]
fn a_report_whose_only_secret_is_a_masked_phrase_says_so_on_every_page() {
    // 2023 of the example has no confidential item; one masked phrase makes it hold one.
    let dir = example_years(&["2022", "2023"]);
    let cwd = dir.path();
    let path = cwd.join("content/2023/recommendations.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let from = "Objektledare utses för återstående objekt";
    assert!(text.contains(from));
    let to = r#"Objektledare utses för [återstående objekt]{.sekretess osl=\"18 kap. 8 § OSL\"}"#;
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    run(cwd, &["build", "2023", "--out", "out"]);
    let pdf = crate::common::pdf::Pdf::open(&cwd.join("out/2023/ledningens-genomgang-2023.pdf"));
    let marking = "Innehåller uppgifter som omfattas av sekretess enligt 18 kap. 8 § OSL";
    for (i, page) in pdf.pages().iter().enumerate().skip(1) {
        let page = crate::common::fold_whitespace(page);
        assert!(page.contains(marking), "page {} lacks the marking: {page}", i + 1);
    }
}

#[test]
fn the_public_comparison_action_plan_and_history_hold_no_masked_phrase() {
    let dir = masked_copy();
    let cwd = dir.path();
    for format in ["text", "markdown", "html", "json"] {
        let (public, _) = run(cwd, &["diff", "2023", "2024", "--public", "--format", format]);
        assert_masked(&format!("diff --public --format {format}"), &public);
    }
    let (full, _) = run(cwd, &["diff", "2023", "2024", "--format", "json"]);
    assert!(full.contains("Leverantör Omega"), "the full comparison shows the phrase");

    run(cwd, &["export", "actions", "--public", "--format", "csv", "--out", "plan.csv"]);
    assert_masked("export actions --public", &fs::read_to_string(cwd.join("plan.csv")).unwrap());

    let (public, _) = run(cwd, &["history", "rek-2024-02", "--public"]);
    assert_masked("history --public", &public);
    assert!(public.contains("[uppgift maskerad enligt"), "{public}");
    let (full, _) = run(cwd, &["history", "rek-2024-02"]);
    assert!(full.contains("Leverantör Omega"), "{full}");
}

#[test]
fn check_public_lists_every_masked_phrase_with_its_place() {
    let dir = masked_copy();
    let (_, stderr) = run(dir.path(), &["check", "2024", "--public"]);
    assert!(stderr.contains("Public edition masks 2 phrases:"), "{stderr}");
    let line = |file: &str, needle: &str| {
        let text = fs::read_to_string(dir.path().join("content/2024").join(file)).unwrap();
        1 + text.lines().position(|l| l.contains(needle)).unwrap()
    };
    let omega = format!(
        "phrase \"hos Leverantör Omega\" [18 kap. 8 § OSL]  content/2024/recommendations.yaml:{}",
        line("recommendations.yaml", "Omega")
    );
    let heroma = format!(
        "phrase \"Heroma\" [intern]  content/2024/compliance.yaml:{}",
        line("compliance.yaml", "Heroma")
    );
    assert!(stderr.contains(&omega), "no {omega:?} in:\n{stderr}");
    assert!(stderr.contains(&heroma), "no {heroma:?} in:\n{stderr}");
}

#[test]
fn a_passage_in_another_language_is_marked_in_both_outputs() {
    // The example explains NIS with the directive's English name, written `[…]{lang=en}`.
    let dir = example_years(&["2023", "2024"]);
    let cwd = dir.path();
    run(cwd, &["build", "2024", "--out", "out"]);
    let out = cwd.join("out/2024");
    let html = fs::read_to_string(out.join("ledningens-genomgang-2024.html")).unwrap();
    assert!(
        html.contains("<span lang=\"en\">Directive on security of network and information systems"),
        "no lang attribute on the English passage"
    );
    assert!(!html.contains("{lang=en}"), "the span's syntax is shown");
    let pdf = crate::common::pdf::Pdf::open(&out.join("ledningens-genomgang-2024.pdf"));
    let languages = pdf.languages();
    assert!(languages.contains(&"en".to_string()), "{languages:?}");
    assert!(languages.contains(&"sv-SE".to_string()), "{languages:?}");
    let text = pdf_text(&out.join("ledningens-genomgang-2024.pdf"));
    assert!(!text.contains("{lang=en}"), "the span's syntax is shown in the PDF");
}
