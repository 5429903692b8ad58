//! `ledgen check` warnings: 9.3.2 coverage and content that is legal but probably wrong.

use std::fs;
use std::path::Path;

use crate::common::ledgen;

/// Copies the example's 2023 and 2024 into a temporary content folder.
fn example_copy() -> tempfile::TempDir {
    crate::common::example_years(&["2023", "2024"])
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "`{from}` not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn check_prints_coverage_and_warns_about_missing_inputs() {
    let dir = example_copy();
    let full = ledgen(dir.path(), &["check", "2024"]);
    assert!(full.status.success(), "{}", String::from_utf8_lossy(&full.stderr));
    let stdout = String::from_utf8_lossy(&full.stdout);
    for letter in 'a'..='g' {
        assert!(
            stdout.contains(&format!("  {letter}) covered")),
            "{letter} not covered:\n{stdout}"
        );
    }
    assert!(!String::from_utf8_lossy(&full.stderr).contains("no section addresses"));

    // Without the section on changed conditions, inputs b and c are not addressed.
    edit(&dir.path().join("content/2024/report.yaml"), "  - changed-conditions\n", "");
    let partial = ledgen(dir.path(), &["check", "2024"]);
    assert!(partial.status.success(), "warnings do not fail the check");
    let stdout = String::from_utf8_lossy(&partial.stdout);
    let stderr = String::from_utf8_lossy(&partial.stderr);
    assert!(stdout.contains("  b) missing") && stdout.contains("  c) missing"), "{stdout}");
    assert!(
        stderr.contains("warning: no section addresses ISO/IEC 27001:2022 9.3.2 b)"),
        "{stderr}"
    );

    // A section can declare what it addresses.
    edit(&dir.path().join("content/2024/summary.yaml"), "title:", "covers: [b, c]\ntitle:");
    let declared = ledgen(dir.path(), &["check", "2024"]);
    let stdout = String::from_utf8_lossy(&declared.stdout);
    assert!(stdout.contains("  b) covered") && stdout.contains("  c) covered"), "{stdout}");
}

#[test]
fn check_warns_about_likely_mistakes() {
    let dir = example_copy();
    let follow_ups = dir.path().join("content/2024/follow-ups.yaml");
    // Mark a green row yellow while its text still says there is nothing to note.
    edit(
        &follow_ups,
        "status: grön\n                  status_text: \"Inga noteringar.\"",
        "status: gul\n                  status_text: \"Inga noteringar.\"",
    );
    edit(&dir.path().join("content/2024/recommendations.yaml"), "priority:", "# priority:");

    let output = ledgen(dir.path(), &["check", "2024"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("but the status text says"), "{stderr}");
    assert!(stderr.contains("has no `priority`"), "{stderr}");
    assert!(
        stderr.contains("content/2024/follow-ups.yaml:"),
        "warnings name the file and line:\n{stderr}"
    );
}

/// The warnings of `check 2024` in `dir`, which must still succeed.
fn check_warnings(dir: &Path) -> String {
    let output = ledgen(dir, &["check", "2024"]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "warnings do not fail the check: {stderr}");
    stderr
}

#[test]
fn an_earlier_id_on_an_unrelated_text_is_warned_about() {
    let dir = example_copy();
    assert!(!check_warnings(dir.path()).contains("has the id of"), "the example reuses no id");
    // A new recommendation given last year's id, its text unrelated to last year's.
    let recommendations = dir.path().join("content/2024/recommendations.yaml");
    edit(&recommendations, "      - id: rek-2024-01\n", "      - id: rek-2023-01\n");
    let stderr = check_warnings(dir.path());
    let expected = "warning: recommendation `rek-2023-01` has the id of a 2023 recommendation \
                    with a text that has nothing in common with this one (\"Objektledare utses";
    assert!(stderr.contains(expected), "{stderr}");
    assert!(stderr.contains("content/2024/recommendations.yaml:5:13"), "{stderr}");
    assert!(stderr.contains("did you mean `follows: rek-2023-01`"), "{stderr}");
}

#[test]
fn dates_that_cannot_be_right_are_warned_about_at_their_line() {
    let dir = example_copy();
    let before = check_warnings(dir.path());
    for word in ["approval date", "meeting date", "revision history", "deadline"] {
        assert!(!before.contains(word), "the example's dates are right: {before}");
    }
    let report = dir.path().join("content/2024/report.yaml");
    edit(&report, "approved_on: 2024-09-26", "approved_on: 2019-01-01");
    edit(&report, "meeting:\n  date: 2024-09-26", "meeting:\n  date: 2025-10-01");
    edit(&report, "  - date: 2024-09-12", "  - date: 2021-09-12");
    let recommendations = dir.path().join("content/2024/recommendations.yaml");
    edit(&recommendations, "due: 2025-03-31", "due: 2015-03-31");
    let stderr = check_warnings(dir.path());
    let line = |path: &Path, needle: &str| {
        let text = fs::read_to_string(path).unwrap();
        1 + text.lines().position(|l| l.contains(needle)).unwrap()
    };
    for (message, path, needle) in [
        (
            "the approval date (`approved_on`) 2019-01-01 is before the report's date 2024-09-12",
            &report,
            "approved_on:",
        ),
        (
            "the meeting date (`meeting.date`) 2025-10-01 is more than a year after the report's \
             date 2024-09-12",
            &report,
            "date: 2025-10-01",
        ),
        ("the revision history entry of 2021-09-12 is not in", &report, "2021-09-12"),
        (
            "the deadline 2015-03-31 of recommendation `rek-2024-01` is years before this review",
            &recommendations,
            "2015-03-31",
        ),
    ] {
        let file = path.strip_prefix(dir.path()).unwrap().display().to_string();
        let at = format!("warning: {message}");
        let place = format!("{file}:{}:", line(path, needle));
        let found = stderr.find(&at).unwrap_or_else(|| panic!("no {at:?} in:\n{stderr}"));
        let after = &stderr[found..];
        assert!(after.lines().nth(1).is_some_and(|l| l.contains(&place)), "{place}: {after}");
    }
}

#[test]
fn a_review_dated_before_iso_27001_2022_cannot_refer_to_it() {
    let dir = example_copy();
    let report = dir.path().join("content/2024/report.yaml");
    // The example's appendix holds a GAP analysis against the 2022 standard.
    edit(&report, "date: 2024-09-12", "date: 2022-06-01");
    let output = ledgen(dir.path(), &["check", "2024"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "refers to ISO/IEC 27001:2022, but the review is dated 2022-06-01, before \
                         the standard was published (2022-10-25)"
        ),
        "{stderr}"
    );
}

// A section title is content: `check` lists it under the 9.3.2 inputs, and escape sequences in it
// must not reach the terminal (a title could clear the screen or set the window's title).
#[test]
fn check_prints_no_escape_sequence_of_a_section_title() {
    let dir = example_copy();
    let path = dir.path().join("content/2024/changed-conditions.yaml");
    edit(
        &path,
        "title: Förändrade förhållanden som kan påverka ledningssystemet",
        "title: \"Förändrade \\e]0;kapat\\a förhållanden \\e[2J\"",
    );
    for args in [&["check", "2024"][..], &["check", "2024", "--public"]] {
        let output = ledgen(dir.path(), args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("Förändrade ]0;kapat förhållanden [2J"), "{stdout}");
        for text in [&output.stdout, &output.stderr] {
            let text = String::from_utf8_lossy(text);
            assert!(!text.contains(['\u{1b}', '\u{7}']), "{args:?}: {text:?}");
        }
    }
}
