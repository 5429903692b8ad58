//! The management's decisions: the meeting, decisions on each recommendation with owner and
//! deadline, the approval, and follow-ups past their deadline ("Försenad"), in the report, the
//! diff, the history, `ledgen new` and `ledgen check`.

use std::fs;
use std::path::Path;

use crate::common::{fold_whitespace, html_text, ledgen, pdf_text, root};
use serde_json::Value;

/// Copies the example's 2023 and 2024 into a temporary content folder.
fn example_copy() -> tempfile::TempDir {
    crate::common::example_years(&["2023", "2024"])
}

fn run(dir: &Path, args: &[&str]) -> String {
    let output = ledgen(dir, args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The text of the generated "Beslut" section, up to the next numbered heading.
fn decisions_section(text: &str) -> &str {
    // The last occurrence: the heading, not the table of contents.
    let start = text.rfind("11 Beslut").expect("a Beslut section");
    let rest = &text[start..];
    let end = rest.find("12 Bilagor").unwrap_or(rest.len());
    &rest[..end]
}

/// Asks `report.yaml` of 2024 in `dir` to show the recommendations' ids.
fn show_ids(dir: &Path) {
    let report = dir.join("content/2024/report.yaml");
    let text = fs::read_to_string(&report).unwrap();
    fs::write(&report, format!("{text}show_ids: true\n")).unwrap();
}

#[test]
fn decisions_attendees_and_approval_are_in_both_outputs() {
    let dir = example_copy();
    show_ids(dir.path());
    run(dir.path(), &["build", "2024", "--out", "out"]);
    run(dir.path(), &["build", "2024", "--public", "--out", "out"]);
    let out = dir.path().join("out/2024");
    // The approval is in the PDF's contents and bookmarks, as in the HTML page's contents.
    let bookmarks =
        crate::common::pdf::Pdf::open(&out.join("ledningens-genomgang-2024.pdf")).bookmarks();
    assert_eq!(bookmarks.last().map(String::as_str), Some("Fastställande"), "{bookmarks:?}");
    // The board papers carry their registration number in every page header after the title
    // page, and end with a line for the one who approves them to sign.
    let pages = crate::common::pdf::Pdf::open(&out.join("ledningens-genomgang-2024.pdf")).pages();
    for (i, page) in pages.iter().enumerate().skip(1) {
        let page = fold_whitespace(page);
        assert!(page.contains("Dnr KFF 2024/123"), "page {}: {page}", i + 1);
    }
    let last = fold_whitespace(pages.last().unwrap());
    assert!(last.contains("Underskrift Datum Förvaltningsdirektör Kim Exempeldirektör"), "{last}");
    // The title page has the same line to sign, under the approval's details.
    let first = fold_whitespace(&pages[0]);
    assert!(first.contains("KFF 2024/123 Underskrift Datum Förvaltningsdirektör Kim"), "{first}");
    let pdf = fold_whitespace(&pdf_text(&out.join("ledningens-genomgang-2024.pdf")));
    let html = fold_whitespace(&html_text(
        &fs::read_to_string(out.join("ledningens-genomgang-2024.html")).unwrap(),
    ));
    for (name, text) in [("PDF", &pdf), ("HTML", &html)] {
        let section = decisions_section(text);
        for expected in [
            "Mötesdatum 2024-09-26",
            "Närvarande",
            "Kim Exempeldirektör",
            "Förvaltningsdirektör",
            "Robin Exempelström",
            "Antagen",
            "Ändrad",
            "Bordlagd",
            "IT-chef",
            "2025-03-31",
            "rek-2024-05",
            "Tas upp igen när lagförslaget är beslutat.",
        ] {
            assert!(section.contains(expected), "{name}: `{expected}` not in {section}");
        }
        // rek-2024-05 has no decision.
        assert_eq!(section.matches("Beslut saknas").count(), 1, "{name}: {section}");
        assert!(section.contains("rek-2024-07"), "{name}: the full edition lists all");
        assert!(
            text.contains(
                "Fastställd av förvaltningsdirektör Kim Exempeldirektör den 26 september 2024, \
                 diarienummer KFF 2024/123."
            ),
            "{name}: {text}"
        );
        // The approval ends the report, after the revision history.
        assert!(text.rfind("Fastställd av") > text.rfind("Revisionshistorik"), "{name}");
        // The follow-up of rek-2023-03 is past its deadline of 2024-06-30 without grön.
        assert!(
            text.contains("Ansvarig: Förvaltningsledning, klart senast 2024-06-30"),
            "{name}: {text}"
        );
        assert_eq!(text.matches("Försenad").count(), 1, "{name}: {text}");
    }

    let public_pdf = fold_whitespace(&pdf_text(&out.join("ledningens-genomgang-2024-publik.pdf")));
    let public_html = fold_whitespace(&html_text(
        &fs::read_to_string(out.join("ledningens-genomgang-2024-publik.html")).unwrap(),
    ));
    for (name, text) in [("public PDF", &public_pdf), ("public HTML", &public_html)] {
        let section = decisions_section(text);
        assert!(!section.contains("rek-2024-07"), "{name}: {section}");
        assert!(!section.contains("IT-enheten"), "{name}: {section}");
        assert!(section.contains("rek-2024-06"), "{name}: {section}");
        assert!(text.contains("diarienummer KFF 2024/123"), "{name}");
    }
}

#[test]
fn a_reader_sees_recommendation_numbers_and_no_ids_unless_asked_for() {
    let dir = example_copy();
    run(dir.path(), &["build", "2024", "--out", "out"]);
    let out = dir.path().join("out/2024");
    let pdf = fold_whitespace(&pdf_text(&out.join("ledningens-genomgang-2024.pdf")));
    let html = fold_whitespace(&html_text(
        &fs::read_to_string(out.join("ledningens-genomgang-2024.html")).unwrap(),
    ));
    for (name, text) in [("PDF", &pdf), ("HTML", &html)] {
        assert!(text.contains("Rekommendation 3"), "{name}");
        for id in ["rek-2024-01", "rek-2024-03", "rek-2024-06"] {
            assert!(!text.contains(id), "{name} shows the id {id}");
        }
    }
    show_ids(dir.path());
    run(dir.path(), &["build", "2024", "--out", "out"]);
    let pdf = fold_whitespace(&pdf_text(&out.join("ledningens-genomgang-2024.pdf")));
    assert!(pdf.contains("Rekommendation 3 · rek-2024-03"), "{pdf}");
}

#[test]
fn a_report_without_decisions_has_no_beslut_section_until_one_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content/2022");
    // 2022 of the example has recommendations but no meeting and no decisions: by default no
    // "Beslut" section (a transcribed review should not gain one full of "Beslut saknas").
    let from = root().join("examples/exempelkommun/2022");
    fs::create_dir_all(&content).unwrap();
    for entry in fs::read_dir(&from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            fs::copy(entry.path(), content.join(entry.file_name())).unwrap();
        }
    }
    let html_path = dir.path().join("out/2022/ledningens-genomgang-2022.html");
    run(dir.path(), &["build", "2022", "--out", "out"]);
    let html = fs::read_to_string(&html_path).unwrap();
    assert!(!html.contains("Beslut saknas"));
    assert!(!html.contains("Fastställd"));

    // One recorded decision: the table lists every recommendation, the others without one.
    let recommendations = content.join("recommendations.yaml");
    let text = fs::read_to_string(&recommendations).unwrap();
    let decided = text.replace(
        "      - id: rek-2022-01\n",
        "      - id: rek-2022-01\n        decision: antagen\n",
    );
    assert_ne!(decided, text);
    fs::write(&recommendations, decided).unwrap();
    run(dir.path(), &["build", "2022", "--out", "out"]);
    let html = fs::read_to_string(&html_path).unwrap();
    assert_eq!(html.matches("Beslut saknas").count(), 5);
    assert!(!html.contains("Närvarande"));
    assert!(!html.contains("Fastställd"));
    // No `meeting`: no warning about missing decisions.
    let check = ledgen(dir.path(), &["check", "2022"]);
    assert!(!String::from_utf8_lossy(&check.stderr).contains("has no decision"));
}

#[test]
fn an_overdue_follow_up_is_marked_in_diff_and_history() {
    let dir = example_copy();
    let json: Value =
        serde_json::from_str(&run(dir.path(), &["diff", "2023", "2024", "--format", "json"]))
            .unwrap();
    let follow_ups: Vec<&Value> = json["earlier_recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["followed_up_by"].as_array().unwrap())
        .collect();
    let overdue: Vec<&str> = follow_ups
        .iter()
        .filter(|f| f["overdue"] == true)
        .map(|f| f["row_id"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, ["uppf-rek-2023-03"]);
    let row = follow_ups.iter().find(|f| f["row_id"] == "uppf-rek-2023-03").unwrap();
    assert_eq!(row["owner"], "Förvaltningsledning");
    assert_eq!(row["due"], "2024-06-30");
    for format in ["text", "markdown", "html"] {
        let text = run(dir.path(), &["diff", "2023", "2024", "--format", format]);
        assert_eq!(text.matches("Försenad").count(), 1, "{format}: {text}");
    }

    let history = run(dir.path(), &["history", "rek-2023-03"]);
    let line = history.lines().find(|l| l.contains("2024")).unwrap();
    assert!(line.contains("Försenad, klart senast 2024-06-30"), "{history}");
    let history = run(dir.path(), &["history", "rek-2024-02"]);
    assert!(
        history.contains(
            "rekommendation, prioritet Medel, beslut ändrad (Ansvarig: Objektägare, klart senast \
             2025-06-30): Inventeringen"
        ),
        "{history}"
    );

    // Green by the deadline: not overdue.
    let revisions = dir.path().join("content/2024/revisions.yaml");
    let text = fs::read_to_string(&revisions).unwrap();
    let text = text.replacen(
        "              status: gul\n              status_text: \"Utbildningen",
        "              status: grön\n              status_text: \"Utbildningen",
        1,
    );
    fs::write(&revisions, text).unwrap();
    let history = run(dir.path(), &["history", "rek-2023-03"]);
    assert!(!history.contains("Försenad"), "{history}");
}

#[test]
fn new_carries_owner_and_deadline_of_adopted_recommendations() {
    let dir = example_copy();
    run(dir.path(), &["new", "2025"]);
    let revisions = fs::read_to_string(dir.path().join("content/2025/revisions.yaml")).unwrap();
    let row = |id: &str| {
        let start = revisions.find(&format!("id: {id}\n")).unwrap_or_else(|| panic!("{id}"));
        let rest = &revisions[start..];
        let end = rest[4..].find("- id:").map_or(rest.len(), |e| e + 4);
        rest[..end].to_string()
    };
    let adopted = row("uppf-rek-2024-01");
    assert!(adopted.contains("owner: IT-chef"), "{adopted}");
    assert!(adopted.contains("due: \"2025-03-31\""), "{adopted}");
    let amended = row("uppf-rek-2024-02");
    assert!(amended.contains("owner: Objektägare") && amended.contains("due: \"2025-06-30\""));
    // The follow-ups take the place of last year's, under a heading that now names this
    // year's report, marked for review.
    assert!(
        revisions.contains(
            "title: \"Att granska: Tidigare rekommendationer från ISAM (Ledningens rapport 2024)\""
        ),
        "{revisions}"
    );
    // Not decided: a row with nothing to carry.
    let undecided = row("uppf-rek-2024-05");
    assert!(!undecided.contains("owner:") && !undecided.contains("due:"), "{undecided}");
    // Tabled: not a row, but back among the recommendations, to decide again.
    assert!(!revisions.contains("uppf-rek-2024-04"), "{revisions}");
    let recommendations =
        fs::read_to_string(dir.path().join("content/2025/recommendations.yaml")).unwrap();
    assert!(recommendations.contains("follows: rek-2024-04"), "{recommendations}");
    // The new year builds (a draft) and `check` names what is left to review.
    let check = ledgen(dir.path(), &["check", "2025"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn check_warns_about_recommendations_without_a_decision_once_the_meeting_is_held() {
    let dir = example_copy();
    let output = ledgen(dir.path(), &["check", "2024"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "warning: recommendation `rek-2024-05` has no decision, though the meeting has been \
             held"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.matches("has no decision").count(), 1, "{stderr}");

    // A misspelt decision is refused with a suggestion.
    let recs = dir.path().join("content/2024/recommendations.yaml");
    let text =
        fs::read_to_string(&recs).unwrap().replacen("decision: bordlagd", "decision: Bordlag", 1);
    fs::write(&recs, text).unwrap();
    let output = ledgen(dir.path(), &["check", "2024"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean `bordlagd`?"), "{stderr}");
}

// Attendees, owners and the registration number are plain text: they must not become Typst
// code or HTML.
#[test]
fn meeting_and_owner_texts_are_escaped_in_both_outputs() {
    let dir = example_copy();
    let meta = dir.path().join("content/2024/report.yaml");
    let text = fs::read_to_string(&meta)
        .unwrap()
        .replacen("name: Robin Exempelström", "name: \"Robin #set page(width: 1cm) <b>x</b> ]\"", 1)
        .replacen(
            "registration_number: KFF 2024/123",
            "registration_number: \"KFF #strong[x] $a$\"",
            1,
        );
    fs::write(&meta, text).unwrap();
    let revisions = dir.path().join("content/2024/revisions.yaml");
    let text = fs::read_to_string(&revisions).unwrap().replacen(
        "owner: Förvaltningsledning",
        "owner: \"Led ]) #panic() <i>\"",
        1,
    );
    fs::write(&revisions, text).unwrap();
    run(dir.path(), &["build", "2024", "--out", "out"]);
    let out = dir.path().join("out/2024");
    let pdf = fold_whitespace(&pdf_text(&out.join("ledningens-genomgang-2024.pdf")));
    let html = fs::read_to_string(out.join("ledningens-genomgang-2024.html")).unwrap();
    for expected in [
        "Robin #set page(width: 1cm) <b>x</b> ]",
        "diarienummer KFF #strong[x] $a$.",
        "Ansvarig: Led ]) #panic() <i>, klart senast",
    ] {
        assert!(pdf.contains(expected), "`{expected}` not in the PDF");
    }
    assert!(html.contains("Robin #set page(width: 1cm) &lt;b&gt;x&lt;/b&gt; ]"));
    assert!(html.contains("Led ]) #panic() &lt;i&gt;"));
    assert!(!html.contains("<b>x</b>") && !html.contains("<i>,"));
}
