//! The JSON Schemas: generated from the model (committed copies must match), and every shipped
//! content file validates against them with an independent validator and points editors at them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{ledgen, root};
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
    for name in ["report.schema.json", "section.schema.json", "brand.schema.json"] {
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

/// The example's brand file validates against the brand schema, and a key brand.yml does not
/// know does not.
#[test]
fn brand_file_validates_against_its_schema() {
    let brand = schema("brand.schema.json");
    let file = root().join("examples/exempelkommun/_brand.yml");
    let errors: Vec<String> = brand.iter_errors(&yaml(&file)).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let unknown: Value = serde_saphyr::from_str("color:\n  primry: \"#123456\"\n").unwrap();
    assert!(!brand.is_valid(&unknown), "an unknown key must not validate");
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

/// Every way of writing each status and priority word: as listed, upper case, capitalised,
/// and with white space around it.
fn variants(words: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for word in words {
        let mut capitalised = word.chars();
        let first = capitalised.next().unwrap().to_uppercase().collect::<String>();
        for variant in [
            word.to_string(),
            word.to_uppercase(),
            first + capitalised.as_str(),
            format!(" {word} "),
            format!("\t{}", word.to_uppercase()),
        ] {
            out.push(variant);
        }
    }
    out
}

fn section_with(status: &str, priority: &str) -> String {
    format!(
        "title: X\ncontent:\n  - table:\n      columns: [A]\n      rows:\n        - id: r\n          \
         cells: [a]\n          status: {status:?}\n  - recommendations:\n      - id: rek-1\n        \
         text: t\n        priority: {priority:?}\n"
    )
}

// Regression: the schema listed 8 exact-case status words while the loader accepts 9 in any
// case, so a valid `status: Gul` was flagged in the editor.
#[test]
fn every_word_variant_the_loader_accepts_validates_and_loads() {
    let section = schema("section.schema.json");
    let statuses = [
        "grön",
        "gul",
        "röd",
        "ej bedömd",
        "green",
        "yellow",
        "red",
        "not-assessed",
        "not assessed",
    ];
    let priorities = ["låg", "medel", "hög", "low", "medium", "high"];
    let statuses = variants(&statuses);
    let priorities = variants(&priorities);
    for (i, status) in statuses.iter().enumerate() {
        let priority = &priorities[i % priorities.len()];
        let yaml = section_with(status, priority);
        let value: Value = serde_saphyr::from_str(&yaml).unwrap();
        assert!(section.is_valid(&value), "the schema rejects {status:?} / {priority:?}");
        let loaded: Result<ledgen::model::Part, _> = serde_saphyr::from_str(&yaml);
        assert!(loaded.is_ok(), "the loader rejects {status:?} / {priority:?}: {loaded:?}");
    }
    for priority in &priorities {
        let value: Value = serde_saphyr::from_str(&section_with("gul", priority)).unwrap();
        assert!(section.is_valid(&value), "the schema rejects priority {priority:?}");
    }
    // And what neither accepts.
    for (status, priority) in
        [("gulx", "låg"), ("g ul", "låg"), ("ej  bedömd", "låg"), ("gul", "lag"), ("", "hög")]
    {
        let yaml = section_with(status, priority);
        let value: Value = serde_saphyr::from_str(&yaml).unwrap();
        assert!(!section.is_valid(&value), "the schema accepts {status:?} / {priority:?}");
        let loaded: Result<ledgen::model::Part, _> = serde_saphyr::from_str(&yaml);
        assert!(loaded.is_err(), "the loader accepts {status:?} / {priority:?}");
    }
}

#[test]
fn status_legend_keys_are_status_words_in_any_case() {
    let report = schema("report.schema.json");
    let base = fs::read_to_string(root().join("examples/exempelkommun/2024/report.yaml")).unwrap();
    let mut value: Value = serde_saphyr::from_str(&base).unwrap();
    value["status_legend"] = serde_json::json!({ "Gul": "text", " RÖD ": "text" });
    assert!(report.is_valid(&value));
    value["status_legend"] = serde_json::json!({ "gulx": "text" });
    assert!(!report.is_valid(&value));
}
