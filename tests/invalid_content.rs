//! Bad input: every case under `tests/fixtures/invalid/<case>/` holds a `content/` folder and an
//! `expected.txt` whose lines must all appear in the error output. Both `check` and `build` must
//! exit with 1 (never panic), and `build` must not create any output.

mod common;

use std::fs;

use common::{ledgen, root};

#[test]
fn every_invalid_case_fails_cleanly_with_its_expected_message() {
    let cases = root().join("tests/fixtures/invalid");
    let mut names: Vec<_> = fs::read_dir(&cases).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    assert!(names.len() >= 10, "too few cases");
    let mut failures = Vec::new();
    for case in names {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let expected = fs::read_to_string(case.join("expected.txt")).unwrap();
        let out = tempfile::tempdir().unwrap();
        let check = ledgen(&case, &["check"]);
        let build = ledgen(&case, &["build", "--out", out.path().to_str().unwrap()]);
        for (command, output) in [("check", &check), ("build", &build)] {
            let stderr = String::from_utf8_lossy(&output.stderr);
            if output.status.code() != Some(1) {
                failures.push(format!("{name}: `{command}` exited with {:?}\n{stderr}", output.status.code()));
                continue;
            }
            for line in expected.lines().filter(|l| !l.trim().is_empty()) {
                if !stderr.contains(line) {
                    failures.push(format!("{name}: `{command}` does not say `{line}`:\n{stderr}"));
                }
            }
        }
        let written: Vec<_> = walk(out.path());
        if !written.is_empty() {
            failures.push(format!("{name}: `build` wrote {written:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn unknown_year_names_the_years_there_are() {
    let output = ledgen(&root(), &["check", "1999"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no report for 1999 under `content`: the years there are"), "{stderr}");
    assert!(stderr.contains("2023"), "{stderr}");
}

#[test]
fn wrong_command_line_exits_with_2() {
    let output = ledgen(&root(), &["build", "--format", "docx"]);
    assert_eq!(output.status.code(), Some(2));
}
