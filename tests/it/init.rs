//! `ledgen init`: a first year, for an organisation with no earlier review, that checks and
//! builds before anything is edited.

use std::fs;

use crate::common::{fold_whitespace, ledgen, pdf_text};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

// A new user could not start: `ledgen new` needs an earlier year, and copying the example meant
// fixing its schema paths by hand.
#[test]
fn init_then_check_and_build_succeed_without_edits() {
    let work = tempfile::tempdir().unwrap();
    let init = ledgen(
        work.path(),
        &["init", "lg", "--organisation", "Testkommun: \"Norr\"", "--unit", "IT", "--year", "2024"],
    );
    assert!(init.status.success(), "{}", stderr(&init));
    let stdout = String::from_utf8_lossy(&init.stdout);
    assert!(stdout.contains("ledgen check --content lg"), "{stdout}");
    assert!(stdout.contains("ledgen new 2025 --content lg"), "{stdout}");

    let dir = work.path().join("lg");
    let report = fs::read_to_string(dir.join("2024/report.yaml")).unwrap();
    assert!(report.starts_with("# yaml-language-server: $schema=../schema/report.schema.json\n"));
    for name in [
        "introduction",
        "summary",
        "follow-ups",
        "revisions",
        "preventive",
        "compliance",
        "changed-conditions",
        "recommendations",
        "appendices",
    ] {
        let text = fs::read_to_string(dir.join(format!("2024/{name}.yaml"))).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=../schema/section.schema.json\n"),
            "{name}"
        );
        assert!(text.contains("**Att fylla i:**"), "{name} has no guidance");
    }
    // Every modeline points at a schema that is there.
    assert!(dir.join("2024/../schema/report.schema.json").is_file());
    assert!(dir.join("2024/../schema/section.schema.json").is_file());
    // Every file validates against the schema beside it, as an editor will check it.
    for entry in fs::read_dir(dir.join("2024")).unwrap() {
        let path = entry.unwrap().path();
        let name = if path.ends_with("report.yaml") { "report" } else { "section" };
        let schema: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(dir.join(format!("schema/{name}.schema.json"))).unwrap(),
        )
        .unwrap();
        let value: serde_json::Value =
            serde_saphyr::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    let brand = fs::read_to_string(dir.join("_brand.yml")).unwrap();
    assert!(brand.contains("meta:") && brand.contains("primary: \"#1d4f91\""), "{brand}");
    // The brand file is one ledgen reads: it validates against its schema too.
    let brand_schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("schema/brand.schema.json")).unwrap())
            .unwrap();
    let brand_value: serde_json::Value = serde_saphyr::from_str(&brand).unwrap();
    assert!(jsonschema::validator_for(&brand_schema).unwrap().is_valid(&brand_value), "{brand}");
    // Nothing staged is left beside the folder.
    let names: Vec<_> =
        fs::read_dir(work.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["lg"]);

    let check = ledgen(work.path(), &["check", "--content", "lg"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let warnings = stderr(&check);
    assert!(warnings.contains("lg/2024/introduction.yaml:5:7"), "{warnings}");
    // One warning per field: nine section texts, two example rows, one more text, and the
    // recommendation's text, how and who.
    assert_eq!(warnings.matches("still the placeholder").count(), 15, "{warnings}");

    let out = work.path().join("out");
    let build = ledgen(work.path(), &["build", "--content", "lg", "--out", out.to_str().unwrap()]);
    assert!(build.status.success(), "{}", stderr(&build));
    let pdf = out.join("2024/ledningens-genomgang-2024.pdf");
    let text = fold_whitespace(&pdf_text(&pdf));
    assert!(text.contains("Testkommun: \"Norr\""), "{text}");
    // The placeholder is visible in the report until replaced.
    assert!(text.contains("Att fylla i:"), "{text}");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let work = tempfile::tempdir().unwrap();
    fs::create_dir(work.path().join("lg")).unwrap();
    fs::write(work.path().join("lg/notes.txt"), "mine").unwrap();
    let init = ledgen(work.path(), &["init", "lg", "--organisation", "Testkommun"]);
    assert_eq!(init.status.code(), Some(1));
    assert!(stderr(&init).contains("`lg` already exists and is not empty"), "{}", stderr(&init));
    assert_eq!(fs::read_to_string(work.path().join("lg/notes.txt")).unwrap(), "mine");
    assert_eq!(fs::read_dir(work.path().join("lg")).unwrap().count(), 1);

    // An empty folder, e.g. one just made in a file manager, is fine.
    fs::create_dir(work.path().join("empty")).unwrap();
    let init = ledgen(work.path(), &["init", "empty", "--organisation", "Testkommun"]);
    assert!(init.status.success(), "{}", stderr(&init));

    // So is the current folder, when it is empty; nothing is left beside it.
    let here = work.path().join("here");
    fs::create_dir(&here).unwrap();
    let init = ledgen(&here, &["init", ".", "--organisation", "Testkommun", "--year", "2024"]);
    assert!(init.status.success(), "{}", stderr(&init));
    assert!(here.join("2024/report.yaml").is_file());
    let mut names: Vec<_> =
        fs::read_dir(work.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names, ["empty", "here", "lg"]);
}

#[test]
fn new_without_an_earlier_year_points_to_init() {
    let work = tempfile::tempdir().unwrap();
    fs::create_dir(work.path().join("content")).unwrap();
    let new = ledgen(work.path(), &["new", "2024"]);
    assert_eq!(new.status.code(), Some(1));
    assert!(stderr(&new).contains("ledgen init"), "{}", stderr(&new));
}

/// The 9.3.2 coverage counts an input as addressed only where the section claiming it says
/// something of its own: a fresh scaffold, all placeholders, addresses none; writing a text in
/// one section makes its inputs covered, and only those.
#[test]
fn coverage_counts_only_sections_with_content_of_their_own() {
    let work = tempfile::tempdir().unwrap();
    let init =
        ledgen(work.path(), &["init", "lg", "--organisation", "Testkommun", "--year", "2024"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let check = || {
        let output = ledgen(work.path(), &["check", "--content", "lg"]);
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    let fresh = check();
    assert!(!fresh.contains(") covered "), "{fresh}");
    assert_eq!(fresh.matches(") empty ").count(), 7, "{fresh}");
    assert!(fresh.contains("but nothing is written there yet"), "{fresh}");

    let path = work.path().join("lg/2024/changed-conditions.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find("**Att fylla i:**").unwrap();
    let end = start + text[start..].find('\n').unwrap();
    let written =
        format!("{}Kommunen har infört en ny molnpolicy.{}", &text[..start], &text[end..]);
    fs::write(&path, written).unwrap();
    let after = check();
    let line = |letter: &str| {
        after
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{letter})")))
            .unwrap()
            .to_string()
    };
    // b) and c) are the changed-conditions section's inputs; a) stays unaddressed.
    assert!(line("b").contains(" covered "), "{after}");
    assert!(line("c").contains(" covered "), "{after}");
    assert!(line("a").contains(" empty "), "{after}");
}
