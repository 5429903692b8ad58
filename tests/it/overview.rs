//! The city's overview: `build --all`'s index page and `ledgen summary`, checked against the
//! reports themselves, and the public edition checked for confidential items.

use std::path::PathBuf;

use crate::common::{ledgen, root};
use ledgen::diff::{diff_reports, plain_text};
use ledgen::model::{BlockKind, Report, Status, load_report, years};
use ledgen::summary::{Counted, summarise};

fn contents() -> Vec<PathBuf> {
    vec![root().join("examples/exempelkommun"), root().join("examples/exempelkommun-skola")]
}

/// Every confidential item of a report: its id and its texts.
fn internal_items(report: &Report) -> Vec<(String, Vec<String>)> {
    let mut items = Vec::new();
    for placed in report.blocks() {
        let place = placed.place;
        match &placed.block.kind {
            BlockKind::Table(table) => {
                for row in &table.rows {
                    if place.intern || row.intern || row.sekretess.is_some() {
                        let texts = row.cells.value.iter().map(plain_text).collect();
                        items.push((row.id.value.clone(), texts));
                    }
                }
            }
            BlockKind::Incidents(incidents) => {
                for r in &incidents.records {
                    if place.intern || r.intern || r.sekretess.is_some() {
                        items.push((r.id.value.clone(), vec![plain_text(&r.description)]));
                    }
                }
            }
            _ => {}
        }
    }
    for placed in report.placed_recommendations() {
        if placed.internal {
            let rec = placed.recommendation;
            items.push((rec.id.value.clone(), vec![plain_text(&rec.text)]));
        }
    }
    items
}

#[test]
fn summary_figures_match_the_reports() {
    for public in [true, false] {
        let summary = summarise(&contents(), Counted { public, drafts: false }).unwrap();
        assert_eq!(summary.organisations.len(), 2);
        for (content, org) in contents().iter().zip(&summary.organisations) {
            let found = years(content);
            assert_eq!(org.years.iter().map(|y| y.year).collect::<Vec<_>>(), found);
            for (k, figures) in org.years.iter().enumerate() {
                let dir = content.join(figures.year.to_string());
                // Both editions state the figures counted over the full content, and how many of
                // the items counted are confidential.
                let full = load_report(&dir).unwrap().report;
                let shown = &full;
                let count = |status| {
                    shown.status_rows().iter().filter(|(_, r)| r.status.value == status).count()
                };
                assert_eq!(
                    figures.statuses.counts(),
                    [
                        count(Status::Green),
                        count(Status::Yellow),
                        count(Status::Red),
                        count(Status::NotAssessed)
                    ],
                    "{} {}",
                    org.content,
                    figures.year
                );
                let mut incidents = 0;
                for placed in shown.blocks() {
                    if let BlockKind::Incidents(i) = &placed.block.kind {
                        incidents += i.records.len();
                    }
                }
                assert_eq!(figures.incidents, incidents);
                assert_eq!(figures.recommendations, shown.placed_recommendations().len());
                let mut public_copy = load_report(&dir).unwrap().report;
                public_copy.remove_internal();
                assert_eq!(
                    figures.confidential.rows,
                    full.placed_rows().len() - public_copy.placed_rows().len()
                );
                assert_eq!(
                    figures.confidential.recommendations,
                    full.placed_recommendations().len()
                        - public_copy.placed_recommendations().len()
                );
                // Only the 2024 example has a row with a deadline (`uppf-rek-2023-03`, past it, gul).
                let overdue = shown.status_rows().iter().any(|(_, r)| r.due.is_some());
                assert_eq!(figures.overdue, overdue.then_some(1));
                match k.checked_sub(1) {
                    None => assert_eq!((figures.improved, figures.worsened), (None, None)),
                    Some(p) => {
                        let previous =
                            load_report(&content.join(found[p].to_string())).unwrap().report;
                        // The public report states the changes counted over the full content.
                        let diff = diff_reports(&previous, &full);
                        assert_eq!(figures.improved, Some(diff.summary.improved));
                        assert_eq!(figures.worsened, Some(diff.summary.regressed));
                    }
                }
            }
        }
    }
    // Known figures of the school administration, from its CHANGES.md.
    let summary = summarise(&contents(), Counted { public: true, drafts: false }).unwrap();
    let school = &summary.organisations[1].years[1];
    assert_eq!(school.year, 2024);
    assert_eq!(school.worsened, Some(2));
    // 2024: three incidents in the CSV register, one of them confidential: counted, and said to
    // be confidential.
    assert_eq!((school.incidents, school.confidential.incidents), (3, 1));
    // rek-2024-01 (hög) is open, and so is rek-2024-03 (hög), which is confidential.
    assert_eq!(school.open_high_priority, 2);
    assert_eq!(school.confidential.recommendations, 1);
}

#[test]
fn shared_rows_are_those_of_two_or_more_organisations() {
    let summary = summarise(&contents(), Counted { public: true, drafts: false }).unwrap();
    let ids: Vec<&str> = summary.shared_rows.iter().map(|r| r.id.as_str()).collect();
    for id in ["org-ledning", "org-chefer", "org-isam", "arshjul-januari", "lag-gdpr", "lag-osl"] {
        assert!(ids.contains(&id), "{id} not shared: {ids:?}");
    }
    assert!(!ids.contains(&"skola-elevkonton"));
    // Both have `uppf-rek-2023-01`, but each follows up its own recommendation.
    assert!(!ids.contains(&"uppf-rek-2023-01"));
    // Confidential in one organisation: not shared in the public edition, shared internally.
    assert!(!ids.contains(&"ik-leverantor-x"));
    let internal = summarise(&contents(), Counted { public: false, drafts: false }).unwrap();
    assert!(internal.shared_rows.iter().any(|r| r.id == "ik-leverantor-x"));
    let osl = summary.shared_rows.iter().find(|r| r.id == "lag-osl").unwrap();
    let statuses: Vec<Status> = osl.statuses.iter().map(|s| s.unwrap().status).collect();
    assert_eq!(statuses, [Status::Green, Status::Red]);
}

#[test]
fn public_overview_page_holds_no_internal_item() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stad");
    let mut args = vec!["build", "--all", "--format", "html", "--out", out.to_str().unwrap()];
    let contents = contents();
    for c in &contents {
        args.extend(["--content", c.to_str().unwrap()]);
    }
    let output = ledgen(dir.path(), &args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    let text = crate::common::html_text(&page);
    assert!(text.contains("Gemensamma rader"));
    assert!(page.contains("<svg role=\"img\""));
    let mut checked = 0;
    for content in &contents {
        for year in years(content) {
            let report = load_report(&content.join(year.to_string())).unwrap().report;
            for (id, texts) in internal_items(&report) {
                checked += 1;
                assert!(!page.contains(&id), "internal `{id}` on the public overview");
                for t in texts.iter().filter(|t| t.len() > 10) {
                    assert!(!text.contains(t.as_str()), "internal text of `{id}`: {t}");
                }
            }
        }
    }
    assert!(checked >= 5, "the examples have confidential items to check");

    // The internal overview shows the row that is confidential in one organisation.
    let internal_out = dir.path().join("intern");
    let mut args = vec![
        "build",
        "--all",
        "--internal",
        "--format",
        "html",
        "--out",
        internal_out.to_str().unwrap(),
    ];
    for c in &contents {
        args.extend(["--content", c.to_str().unwrap()]);
    }
    assert!(ledgen(dir.path(), &args).status.success());
    let page = std::fs::read_to_string(internal_out.join("index.html")).unwrap();
    assert!(page.contains("ik-leverantor-x"));
}

#[test]
fn summary_command_writes_json_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let c = contents();
    let (a, b) = (c[0].to_str().unwrap(), c[1].to_str().unwrap());
    let output = ledgen(dir.path(), &["summary", "--content", a, "--content", b]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["edition"], "public");
    assert_eq!(json["organisations"][1]["years"][1]["year"], 2024);
    assert_eq!(json["organisations"][0]["years"][0]["improved"], serde_json::Value::Null);
    assert!(json["shared_rows"][0]["statuses"].is_array());

    let out = dir.path().join("s.csv");
    let output = ledgen(
        dir.path(),
        &[
            "summary",
            "--content",
            a,
            "--content",
            b,
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success());
    let mut reader = csv::Reader::from_path(&out).unwrap();
    assert_eq!(reader.headers().unwrap().get(3), Some("year"));
    assert_eq!(reader.records().count(), 5);
}

// Regression: `build --all --internal` and then `build --all` into one folder left the internal
// files, with their confidential text, beside the public ones in the folder meant for the web.
#[test]
fn a_public_batch_removes_the_internal_files_it_finds() {
    let out = tempfile::tempdir().unwrap();
    let content = root().join("examples/exempelkommun").display().to_string();
    let out_arg = out.path().display().to_string();
    let batch = |extra: &[&str]| {
        let mut args = vec!["build", "--all", "--content", &content, "--out", &out_arg];
        args.extend(extra);
        let output = ledgen(&root(), &args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stderr).to_string()
    };
    batch(&["--internal", "--format", "html"]);
    let internal = out.path().join("exempelkommun/2024/ledningens-genomgang-2024.html");
    let internal_diff = out.path().join("exempelkommun/forandringar-2023-2024.html");
    assert!(internal.is_file() && internal_diff.is_file());
    // A file of the user's own in the folder stays.
    let own = out.path().join("exempelkommun/2024/anteckningar.txt");
    std::fs::write(&own, "egna anteckningar").unwrap();
    let stderr = batch(&["--format", "html"]);
    assert!(!internal.exists() && !internal_diff.exists(), "{stderr}");
    assert!(stderr.contains("of the internal edition from"), "{stderr}");
    assert!(out.path().join("exempelkommun/2024/ledningens-genomgang-2024-publik.html").is_file());
    assert!(own.is_file(), "a file of the user's was removed");
}

// Regression: drafts left out of `build --all` still appeared in its overview and in `summary`.
#[test]
fn drafts_are_left_out_of_the_figures_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("kommun");
    crate::common::copy_tree(&root().join("examples/exempelkommun"), &content);
    let report = content.join("2024/report.yaml");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, format!("draft: true\n{text}")).unwrap();
    let years = |drafts| {
        let counted = Counted { public: true, drafts };
        let summary = summarise(std::slice::from_ref(&content), counted).unwrap();
        summary.organisations[0].years.iter().map(|y| y.year).collect::<Vec<_>>()
    };
    assert_eq!(years(false), [2022, 2023]);
    assert_eq!(years(true), [2022, 2023, 2024]);
}
