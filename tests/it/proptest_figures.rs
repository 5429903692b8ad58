//! Property test of the figures: a random report with random status rows and incidents, any of
//! them confidential, states in its public edition every figure its full edition states (the
//! status overview, the incident summary, the per-category and per-month tables), and within
//! one page the numbers add up to what was written.
//!
//! Each case writes the report to a temporary folder and builds both editions' HTML pages
//! in-process. `PROPTEST_CASES=200 cargo test proptest_figures` runs more than the default 24.

use std::fs;
use std::path::Path;

use ledgen::config::BuildConfig;
use ledgen::pipeline::Session;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::common::html_text;

const STATUSES: [&str; 4] = ["grön", "gul", "röd", "ej bedömd"];
const CATEGORIES: [&str; 3] = ["Obehörig åtkomst", "Skadlig kod", "Övrigt"];

#[derive(Clone, Debug)]
struct Row {
    status: usize,
    intern: bool,
}

#[derive(Clone, Debug)]
struct Incident {
    category: usize,
    month: u32,
    personal: bool,
    intern: bool,
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec((0..4usize, prop::bool::weighted(0.3)), 1..10)
        .prop_map(|v| v.into_iter().map(|(status, intern)| Row { status, intern }).collect())
}

fn incidents() -> impl Strategy<Value = Vec<Incident>> {
    prop::collection::vec((0..3usize, 1..=9u32, any::<bool>(), prop::bool::weighted(0.3)), 0..9)
        .prop_map(|v| {
            v.into_iter()
                .map(|(category, month, personal, intern)| Incident {
                    category,
                    month,
                    personal,
                    intern,
                })
                .collect()
        })
}

fn write_report(dir: &Path, rows: &[Row], incidents: &[Incident]) {
    fs::create_dir_all(dir).unwrap();
    fs::write(
        dir.join("report.yaml"),
        "organisation: Exempelstad\ntitle: Ledningens genomgång\nyear: 2024\ndate: 2024-10-01\n\
         author: Kim Andersson\nsections: [follow-ups, appendices]\n",
    )
    .unwrap();
    let mut table = String::from(
        "title: Uppföljning\ncontent:\n  - table:\n      columns: [Åtgärd]\n      rows:\n",
    );
    for (i, row) in rows.iter().enumerate() {
        table += &format!(
            "        - id: rad-{i}\n          cells: [\"Åtgärd {i}\"]\n          status: {}\n          \
             status_text: \"Text {i}\"\n          intern: {}\n",
            STATUSES[row.status], row.intern
        );
    }
    fs::write(dir.join("follow-ups.yaml"), table).unwrap();
    let mut appendix = String::from(
        "title: Bilagor\ncontent:\n  - appendices:\n      - id: bilaga-1\n        title: Incidenter\n        \
         content:\n          - incidents:\n              categories: [Obehörig åtkomst, Skadlig kod, Övrigt]\n              records:\n",
    );
    if incidents.is_empty() {
        appendix = appendix.replace("              records:\n", "              records: []\n");
    }
    for (i, inc) in incidents.iter().enumerate() {
        appendix += &format!(
            "                - id: inc-{i}\n                  date: 2024-{:02}-10\n                  \
             category: {}\n                  description: \"Händelse {i}\"\n                  \
             personal_data: {}\n                  intern: {}\n",
            inc.month, CATEGORIES[inc.category], inc.personal, inc.intern
        );
    }
    fs::write(dir.join("appendices.yaml"), appendix).unwrap();
}

/// The text of every counts table of the page (the status overview, incidents per category and
/// per month), and the incident summary's sentence.
fn figures(html: &str) -> (Vec<String>, String) {
    let tables = html
        .split("<table class=\"counts\">")
        .skip(1)
        .map(|t| html_text(t.split("</table>").next().unwrap()))
        .collect();
    let text = html_text(html);
    let summary = text
        .split(". ")
        .find(|s| s.contains("registrerats"))
        .map(str::to_string)
        .unwrap_or_default();
    (tables, summary)
}

/// The counts in a table's text, in order (the years of "januari 2024" left out).
fn numbers(table: &str) -> Vec<usize> {
    table.split(' ').filter_map(|w| w.parse().ok()).filter(|n| *n < 1900).collect()
}

fn build(dir: &Path, public: bool) -> Result<String, TestCaseError> {
    let config = BuildConfig {
        report_dir: dir.join("content/2024"),
        year: 2024,
        out_dir: dir.join("out"),
        formats: ledgen::formats::report_formats(&["html"]).unwrap(),
        standards: Vec::new(),
        public,
        timeout: std::time::Duration::from_secs(60),
        brand: None,
    };
    Session::new()
        .build(&config)
        .map_err(|e| TestCaseError::fail(format!("the build failed: {e:#}")))?;
    Ok(fs::read_to_string(config.output_path_named("html").unwrap()).unwrap())
}

fn check(rows: &[Row], incidents: &[Incident]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    write_report(&dir.path().join("content/2024"), rows, incidents);
    let full = figures(&build(dir.path(), false)?);
    let public = figures(&build(dir.path(), true)?);
    prop_assert_eq!(&public, &full, "the public edition's figures differ from the full edition's");

    let (tables, summary) = full;
    prop_assert_eq!(tables.len(), 3, "expected the overview and two incident tables: {:?}", tables);
    // The status overview: per status, and in all, as many rows as were written.
    let overview = numbers(&tables[0]);
    let total_row = &overview[overview.len() - 5..];
    for (status, n) in total_row[..4].iter().enumerate() {
        prop_assert_eq!(*n, rows.iter().filter(|r| r.status == status).count());
    }
    prop_assert_eq!(total_row[4], rows.len());
    // The incident tables: each sums to the number of incidents, the confidential ones counted
    // in a row of their own.
    for table in &tables[1..] {
        prop_assert_eq!(numbers(table).iter().sum::<usize>(), incidents.len(), "{}", table);
        let secret = incidents.iter().filter(|i| i.intern).count();
        if secret > 0 {
            prop_assert!(table.contains(&format!("Omfattas av sekretess {secret}")), "{}", table);
        } else {
            prop_assert!(!table.contains("sekretess"), "{}", table);
        }
    }
    prop_assert!(!summary.is_empty(), "no incident summary");
    let secret = incidents.iter().filter(|i| i.intern).count();
    prop_assert_eq!(
        summary.contains("sekretess"),
        secret > 0,
        "the summary does not say how many are confidential: {}",
        summary
    );
    Ok(())
}

#[test]
fn the_public_edition_states_the_full_editions_figures_and_they_add_up() {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(24);
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new(config);
    if let Err(error) = runner.run(&(rows(), incidents()), |(r, i)| check(&r, &i)) {
        panic!("{error}");
    }
}
