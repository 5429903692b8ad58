//! Year over year: `ledgen diff`, `history` and `new` on the fictional example organisation
//! (`examples/exempelkommun`, whose CHANGES.md lists every change) and on `content/`.

use std::fs;

use crate::common::{ledgen, pdf_text, root, without_font_data};
use serde_json::Value;

fn example_diff_json(old: &str, new: &str) -> Value {
    let output = ledgen(
        &root(),
        &["diff", old, new, "--content", "examples/exempelkommun", "--format", "json"],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The change recorded for a row id, as (change, old status, new status).
fn row(diff: &Value, id: &str) -> (String, Value, Value) {
    let row = diff["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["rows"].as_array().unwrap())
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no change for `{id}`"));
    (
        row["change"].as_str().unwrap().to_string(),
        row["old_status"].clone(),
        row["new_status"].clone(),
    )
}

#[test]
fn example_2022_to_2023_reports_every_kind_of_change() {
    let diff = example_diff_json("2022", "2023");
    assert_eq!(diff["format_version"], 1);
    assert_eq!(row(&diff, "org-ledning"), ("improved".into(), "yellow".into(), "green".into()));
    assert_eq!(row(&diff, "klassning-inkop"), ("improved".into(), "red".into(), "yellow".into()));
    assert_eq!(row(&diff, "lag-nis"), ("reassessed".into(), "not-assessed".into(), "green".into()));
    assert_eq!(row(&diff, "arshjul-maj"), ("regressed".into(), "green".into(), "yellow".into()));
    assert_eq!(row(&diff, "org-objektledare").0, "added");
    assert_eq!(row(&diff, "dso-04").0, "removed");
    assert_eq!(row(&diff, "klassning-system").0, "text_changed");
    let fates = diff["earlier_recommendations"].as_array().unwrap();
    let fate = |id: &str| fates.iter().find(|f| f["id"] == id).unwrap().clone();
    assert_eq!(fate("rek-2022-05")["followed_up_by"], Value::Array(vec![]));
    assert_eq!(fate("rek-2022-03")["followed_up_by"][0]["row_id"], "uppf-rek-2022-03");
    assert_eq!(diff["summary"]["not_followed_up"], 1);
}

#[test]
fn example_2023_to_2024_matches_a_renamed_row_by_text() {
    let diff = example_diff_json("2023", "2024");
    let rows: Vec<&Value> = diff["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["rows"].as_array().unwrap())
        .collect();
    let renamed = rows.iter().find(|r| r["id"] == "lag-sakerhetsskydd").expect("the renamed row");
    assert_eq!(renamed["old_id"], "lag-ssl");
    assert_eq!(renamed["matched"]["by"], "text");
    assert!(renamed["matched"]["similarity"].as_f64().unwrap() >= 0.6);
    assert!(!rows.iter().any(|r| r["id"] == "lag-ssl"), "the old id must not show as removed");
    assert_eq!(row(&diff, "ik-loggning"), ("regressed".into(), "yellow".into(), "red".into()));
    let not_followed: Vec<_> = diff["earlier_recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["followed_up_by"].as_array().unwrap().is_empty())
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(not_followed, ["rek-2023-04"]);
}

// Every format of `diff` renders one view: these snapshots show all four for `content/` and for
// both editions of the example, so that a change to the view or a template shows where it lands.
#[test]
fn diff_output_snapshots() {
    let example = ["--content", "examples/exempelkommun"];
    let cases: [(&str, &[&str]); 4] = [
        ("content_2022_2023", &["2022", "2023"]),
        ("exempelkommun_2023_2024", &[&["2023", "2024"][..], &example].concat()),
        ("exempelkommun_2023_2024_public", &[&["2023", "2024", "--public"][..], &example].concat()),
        ("exempelkommun_2022_2023", &[&["2022", "2023"][..], &example].concat()),
    ];
    for (name, args) in cases {
        let formats: &[&str] = if name == "exempelkommun_2022_2023" {
            &["json"]
        } else {
            &["text", "markdown", "html", "json"]
        };
        for format in formats {
            let output = ledgen(&root(), &[&["diff"][..], args, &["--format", format]].concat());
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            insta::assert_snapshot!(
                format!("diff_{name}_{format}"),
                without_font_data(&String::from_utf8(output.stdout).unwrap())
            );
        }
    }
}

/// The internal diff marks every confidential item, in every format, so that the ISAM can
/// tell what must not be forwarded; the public one has none of them to mark.
#[test]
fn the_internal_diff_marks_confidential_items_in_every_format() {
    let args = ["diff", "2023", "2024", "--content", "examples/exempelkommun", "--format"];
    for format in ["text", "markdown", "html"] {
        let run = |public: bool| {
            let mut args = [&args[..], &[format]].concat();
            if public {
                args.push("--public");
            }
            let output = ledgen(&root(), &args);
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            String::from_utf8(output.stdout).unwrap()
        };
        let internal = run(false);
        for id in ["ik-leverantor-x", "rek-2024-07"] {
            let line = internal.lines().find(|l| l.contains(id)).unwrap_or_default();
            assert!(line.contains("◆ Intern"), "{format}: `{id}` is not marked: {line}");
        }
        let named = internal.replace('\u{a0}', " ").contains("18 kap. 8 § OSL");
        assert!(named, "{format}: the provision is not named");
        let public = run(true);
        assert!(!public.contains("◆ Intern"), "{format}: the public diff marks an item");
    }
    // Changed texts read as two versions, not as marked-up words.
    let text = ledgen(&root(), &[&args[..], &["text"]].concat()).stdout;
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("Statustext, före: ") && text.contains("Statustext, nu: "), "{text}");
    assert!(!text.contains("[-") && !text.contains("{+"), "{text}");
    // The page announces removed and added words in words, not by strike-through alone.
    let html = ledgen(&root(), &[&args[..], &["html"]].concat()).stdout;
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("<del><span class=\"visually-hidden\">borttaget: </span>"), "{html}");
    assert!(html.contains("<ins><span class=\"visually-hidden\">tillagt: </span>"), "{html}");
}

#[test]
fn content_2022_to_2023_follows_up_every_recommendation() {
    let output = ledgen(&root(), &["diff", "2022", "2023", "--format", "json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let diff: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(diff["summary"]["followed_up"], 12);
    assert_eq!(diff["summary"]["not_followed_up"], 0);
    let fate = &diff["earlier_recommendations"][2];
    assert_eq!(fate["id"], "rek-2022-03");
    assert_eq!(fate["followed_up_by"][0]["status"], "yellow");
}

#[test]
fn fail_on_regression_sets_the_exit_code() {
    let regressed = ledgen(
        &root(),
        &["diff", "2023", "2024", "--content", "examples/exempelkommun", "--fail-on-regression"],
    );
    assert_eq!(regressed.status.code(), Some(1));
    let fine = ledgen(&root(), &["diff", "2022", "2023", "--fail-on-regression"]);
    assert_eq!(fine.status.code(), Some(0), "{}", String::from_utf8_lossy(&fine.stderr));
}

#[test]
fn markdown_and_html_diffs_are_written_to_files() {
    let out = tempfile::tempdir().unwrap();
    for (format, name) in [("markdown", "diff.md"), ("html", "diff.html")] {
        let path = out.path().join(name);
        let output = ledgen(
            &root(),
            &[
                "diff",
                "2023",
                "2024",
                "--content",
                "examples/exempelkommun",
                "--format",
                format,
                "--out",
                path.to_str().unwrap(),
            ],
        );
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("lag-sakerhetsskydd"), "{format}");
        assert!(!text.contains('\u{1b}'), "{format} output holds terminal colour codes");
    }
    let html = fs::read_to_string(out.path().join("diff.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<del>") && html.contains("<ins>"));
}

#[test]
fn history_follows_an_item_across_years() {
    let output =
        ledgen(&root(), &["history", "ik-loggning", "--content", "examples/exempelkommun"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.iter().any(|l| l.contains("2023") && l.contains("Gul")), "{text}");
    assert!(lines.iter().any(|l| l.contains("2024") && l.contains("Röd")), "{text}");
    let rec = ledgen(&root(), &["history", "rek-2022-03"]);
    let text = String::from_utf8(rec.stdout).unwrap();
    assert!(text.contains("2022  rekommendation"), "{text}");
    assert!(text.contains("2023  ! Gul (uppföljning tidigare-rek-03)"), "{text}");
    let missing = ledgen(&root(), &["history", "finns-inte"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn new_year_checks_builds_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    for year in ["2022", "2023"] {
        let from = root().join("content").join(year);
        fs::create_dir_all(content.join(year)).unwrap();
        for entry in fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), content.join(year).join(entry.file_name())).unwrap();
        }
    }
    let created = ledgen(dir.path(), &["new", "2024"]);
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let check = ledgen(dir.path(), &["check", "2024"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let build = ledgen(dir.path(), &["build", "2024"]);
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));

    let report = fs::read_to_string(content.join("2024/report.yaml")).unwrap();
    assert!(report.contains("year: 2024") && report.contains("date: \"2024-08-25\""), "{report}");
    let revisions = fs::read_to_string(content.join("2024/revisions.yaml")).unwrap();
    for n in 1..=10 {
        assert!(
            revisions.contains(&format!("follows: rek-2023-{n:02}")),
            "rek-2023-{n:02} not carried over"
        );
    }
    assert!(revisions.contains("status: ej bedömd"));
    // Open rows are kept and marked for review; done rows are kept as they were.
    assert!(revisions.contains("**Att granska:** Fortsatta brister."), "{revisions}");
    let recommendations = fs::read_to_string(content.join("2024/recommendations.yaml")).unwrap();
    assert!(recommendations.contains("recommendations: []"));

    // The 2024 PDF shows that its follow-up rows follow 2023's recommendations.
    let pdf = pdf_text(&dir.path().join("output/2024/ledningens-genomgang-2024.pdf"));
    assert!(pdf.contains("Uppföljning (rekommendation 1 från 2023)"), "{pdf}");

    let before = fs::read_to_string(content.join("2024/report.yaml")).unwrap();
    let again = ledgen(dir.path(), &["new", "2024"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(fs::read_to_string(content.join("2024/report.yaml")).unwrap(), before);
}

/// A copy of the example organisation's years in a temporary folder, as `<dir>/content`.
fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for year in ["2022", "2023", "2024"] {
        let from = root().join("examples/exempelkommun").join(year);
        let to = dir.path().join("content").join(year);
        fs::create_dir_all(&to).unwrap();
        for entry in fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    dir
}

/// The names in `dir` that `ledgen new` would leave if it failed half-way.
fn leftovers(dir: &std::path::Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.'))
        .collect()
}

// The follow-up row of the internal recommendation rek-2024-07 lacked `intern`, so the public
// edition of 2025 printed its confidential text.
#[test]
fn new_year_keeps_confidential_recommendations_out_of_the_public_edition() {
    let dir = example_copy();
    let created = ledgen(dir.path(), &["new", "2025", "--from", "2024"]);
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let build = ledgen(dir.path(), &["build", "2025", "--public"]);
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let secret = "Leverantör X AB ska åtgärda sårbarheten";
    let out = dir.path().join("output/2025");
    let pdf = pdf_text(&out.join("ledningens-genomgang-2025-publik.pdf"));
    assert!(!pdf.contains(secret), "confidential text in the public PDF");
    assert!(pdf.contains("Inventeringen av molntjänster slutförs"), "{pdf}");
    let html = fs::read_to_string(out.join("ledningens-genomgang-2025-publik.html")).unwrap();
    assert!(!html.contains(secret), "confidential text in the public HTML");
    // The internal edition still follows it up.
    let revisions = fs::read_to_string(dir.path().join("content/2025/revisions.yaml")).unwrap();
    assert!(revisions.contains(secret));
}

#[test]
fn new_refuses_to_scaffold_backwards() {
    let dir = example_copy();
    for args in [&["new", "2021", "--from", "2024"][..], &["new", "2021"]] {
        let output = ledgen(dir.path(), args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("earlier year"), "{stderr}");
    }
    assert!(!dir.path().join("content/2021").exists());
    assert_eq!(leftovers(&dir.path().join("content")), Vec::<String>::new());
}

// `new` did not copy images, and wrote `columns: [Lag, förordning, Information]`: three columns.
#[test]
fn new_year_copies_images_and_keeps_a_column_heading_with_a_comma() {
    let dir = example_copy();
    let source = dir.path().join("content/2024");
    let png =
        fs::read(root().join("tests/fixtures/valid/image/content/2024/bilder/organisation.png"))
            .unwrap();
    fs::create_dir_all(source.join("bilder")).unwrap();
    fs::write(source.join("bilder/organisation.png"), &png).unwrap();
    let summary = fs::read_to_string(source.join("summary.yaml")).unwrap();
    let summary = summary.replacen(
        "  - text: |\n",
        "  - text: |\n      ![Organisationsschema](bilder/organisation.png)\n\n",
        1,
    );
    fs::write(source.join("summary.yaml"), summary).unwrap();
    let compliance = fs::read_to_string(source.join("compliance.yaml")).unwrap();
    let compliance = compliance
        .replace("columns: [Lag, Information]", r#"columns: ["Lag, förordning", Information]"#);
    fs::write(source.join("compliance.yaml"), compliance).unwrap();
    let check = ledgen(dir.path(), &["check", "2024"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));

    let created = ledgen(dir.path(), &["new", "2025"]);
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let target = dir.path().join("content/2025");
    assert_eq!(fs::read(target.join("bilder/organisation.png")).unwrap(), png);
    let compliance = fs::read_to_string(target.join("compliance.yaml")).unwrap();
    assert!(compliance.contains(r#"columns: ["Lag, förordning", Information]"#), "{compliance}");
    // The scaffold passes the checks, and `check` points at what is left to review.
    let check = ledgen(dir.path(), &["check", "2025"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(stderr.contains("still marked `Att granska`"), "{stderr}");
    assert!(stderr.contains("content/2025/summary.yaml:"), "{stderr}");
    let appendices = fs::read_to_string(target.join("appendices.yaml")).unwrap();
    assert!(
        appendices.contains("Att granska: Sammanfattning av informationssäkerhetsincidenter 2024"),
        "{appendices}"
    );
    assert_eq!(leftovers(&dir.path().join("content")), Vec::<String>::new());
}

#[test]
fn report_2023_shows_changes_since_2022() {
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(&root(), &["build", "2023", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success());
    let pdf = pdf_text(&out.path().join("2023/ledningens-genomgang-2023.pdf"));
    assert!(pdf.contains("Förändringar sedan föregående år"), "no overview");
    assert!(pdf.contains("Alla tolv rekommendationer från 2022 följs upp"), "{pdf}");
    assert!(pdf.contains("Uppföljning (rekommendation 3 från 2022)"));
    let html = fs::read_to_string(out.path().join("2023/ledningens-genomgang-2023.html")).unwrap();
    assert!(html.contains("Uppföljning (rekommendation 3 från 2022)"));
}

#[test]
fn example_2024_marks_improved_regressed_and_new_rows() {
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(
        &root(),
        &[
            "build",
            "2024",
            "--content",
            "examples/exempelkommun",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(output.status.success());
    let pdf = pdf_text(&out.path().join("2024/ledningens-genomgang-2024.pdf"));
    for marker in ["▲ Förbättrad (gul → grön)", "▼ Försämrad (gul → röd)", "+ Ny", "= Oförändrad"]
    {
        assert!(pdf.contains(marker), "no `{marker}` in the PDF");
    }
}

#[test]
fn build_all_builds_every_year_with_diffs_and_an_index_even_when_one_fails() {
    let dir = tempfile::tempdir().unwrap();
    // A second organisation with one good and one broken year.
    let broken = dir.path().join("andra");
    for year in ["2022", "2023", "2024"] {
        let from = root().join("examples/exempelkommun").join(year);
        fs::create_dir_all(broken.join(year)).unwrap();
        for entry in fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), broken.join(year).join(entry.file_name())).unwrap();
        }
    }
    let report = broken.join("2024/report.yaml");
    let text = fs::read_to_string(&report).unwrap();
    fs::write(&report, text.replace("year: 2024", "year: 2024\nyear_typo: x")).unwrap();

    let out = dir.path().join("out");
    let output = ledgen(
        &root(),
        &[
            "build",
            "--all",
            "--internal",
            "--content",
            "examples/exempelkommun",
            "--content",
            broken.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1), "a failed report makes the run fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Built 5 of 6 reports"), "{stderr}");
    assert!(stderr.contains("unknown field `year_typo`"), "{stderr}");
    for year in ["2022", "2023", "2024"] {
        assert!(
            out.join(format!("exempelkommun/{year}/ledningens-genomgang-{year}.pdf")).is_file()
        );
    }
    assert!(out.join("andra/2023/ledningens-genomgang-2023.html").is_file());
    assert!(out.join("exempelkommun/forandringar-2023-2024.html").is_file());
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"exempelkommun/2024/ledningens-genomgang-2024.pdf\""), "{index}");
    assert!(index.contains("href=\"exempelkommun/forandringar-2023-2024.html\""));
    assert!(index.contains("Bygget misslyckades"));
    // `--internal` builds the full edition, and the index says so.
    assert!(index.contains("Intern version"), "{index}");
}
