//! The JSON Schemas: generated from the model (committed copies must match), and every shipped
//! content file validates against them with an independent validator and points editors at them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{ledgen, root};
use serde_json::Value;

fn shipped_content() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for base in ["content", "examples/exempelkommun", "examples/exempelkommun-skola"] {
        for year in fs::read_dir(root().join(base)).unwrap() {
            let year = year.unwrap().path();
            if !year.is_dir() {
                continue;
            }
            for file in fs::read_dir(&year).unwrap() {
                let file = file.unwrap().path();
                if file.extension().is_some_and(|e| e == "yaml") {
                    files.push(file);
                }
            }
        }
    }
    files.sort();
    files
}

fn schema(name: &str) -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(root().join("schema").join(name)).unwrap())
            .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn yaml(path: &Path) -> Value {
    serde_saphyr::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn committed_schemas_match_the_model() {
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(&root(), &["schema", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success());
    for name in ["report.schema.json", "section.schema.json"] {
        let fresh = fs::read_to_string(out.path().join(name)).unwrap();
        let committed = fs::read_to_string(root().join("schema").join(name)).unwrap();
        assert!(fresh == committed, "schema/{name} is out of date: run `cargo run -- schema`");
    }
}

#[test]
fn every_shipped_content_file_validates_and_points_at_its_schema() {
    let report = schema("report.schema.json");
    let section = schema("section.schema.json");
    let files = shipped_content();
    assert!(files.len() > 30, "found only {} content files", files.len());
    for file in files {
        let is_report = file.file_name().unwrap() == "report.yaml";
        let (validator, name) = if is_report {
            (&report, "report.schema.json")
        } else {
            (&section, "section.schema.json")
        };
        let errors: Vec<String> = validator
            .iter_errors(&yaml(&file))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{} does not validate: {errors:#?}", file.display());
        // The modeline's relative path reaches the schema.
        let first = fs::read_to_string(&file).unwrap().lines().next().unwrap().to_string();
        let target = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{} has no schema line", file.display()));
        assert!(target.ends_with(name), "{}: {first}", file.display());
        assert!(
            file.parent().unwrap().join(target).is_file(),
            "{}: `{target}` does not exist",
            file.display()
        );
    }
}

#[test]
fn schema_rejects_what_the_loader_rejects() {
    let section = schema("section.schema.json");
    let bad: Value = serde_saphyr::from_str(
        "title: X\ncontent:\n  - table:\n      columns: [A]\n      rows:\n        - id: r\n          cells: [a]\n          status: gron\n",
    )
    .unwrap();
    assert!(!section.is_valid(&bad), "an unknown status word must not validate");
    let unknown_key: Value = serde_saphyr::from_str("title: X\nstatsu: gul\n").unwrap();
    assert!(!section.is_valid(&unknown_key), "an unknown key must not validate");
}
