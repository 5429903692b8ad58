//! Work is bounded whatever the input: a template that loops is stopped after `--timeout`, in
//! `build` and in `build --all`, which goes on with the other reports.

use std::fs;
use std::path::Path;

use crate::common::{ledgen, root};

/// Copies the example's years to `content/` under `dir`; 2024 gets a template that loops for
/// far longer than the tests wait.
fn content_with_a_looping_2024(dir: &Path) {
    for year in fs::read_dir(root().join("examples/exempelkommun")).unwrap() {
        let year = year.unwrap().path();
        if !year.is_dir() {
            continue;
        }
        let to = dir.join("content").join(year.file_name().unwrap());
        fs::create_dir_all(&to).unwrap();
        for entry in fs::read_dir(&year).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    let templates = dir.join("content/2024/templates");
    fs::create_dir_all(&templates).unwrap();
    let report = fs::read_to_string(root().join("templates/report.typ.tera")).unwrap();
    fs::write(
        templates.join("report.typ.tera"),
        format!("#for i in range(100000000) {{ for j in range(100000000) {{}} }}\n{report}"),
    )
    .unwrap();
}

// Regression: a Typst loop in a template override had no time limit.
#[test]
fn a_looping_template_is_stopped_after_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    content_with_a_looping_2024(dir.path());
    let output = ledgen(dir.path(), &["build", "2024", "--timeout", "2", "--out", "out"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("compiling `content/2024` took longer than 2 s"), "{stderr}");
    assert!(!dir.path().join("out/2024").exists(), "a stopped build wrote output");
}

// The limit is long enough for the other report to build on a busy machine, and the loop far
// longer than any limit.
#[test]
fn build_all_goes_on_after_a_stopped_report() {
    let dir = tempfile::tempdir().unwrap();
    content_with_a_looping_2024(dir.path());
    let output = ledgen(dir.path(), &["build", "--all", "--timeout", "10", "--out", "out"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("took longer than 10 s"), "{stderr}");
    assert!(dir.path().join("out/index.html").is_file(), "no index: {stderr}");
    let built = dir.path().join("out/content/2023/ledningens-genomgang-2023-publik.pdf");
    assert!(built.is_file(), "the other report was not built: {stderr}");
}
