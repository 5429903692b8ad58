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
