//! Snapshots of the generated Typst source and HTML page of every shipped report and of the
//! public edition, made in process without compiling a PDF. They lock what a build produces, so
//! that a change to the pipeline shows exactly which output it changes (review with
//! `cargo insta review`).

use crate::common::{root, without_font_data};
use ledgen::config::BuildConfig;
use ledgen::pipeline::Session;

/// The HTML page and the Typst source of one report.
fn outputs(content: &str, year: i32, public: bool) -> (String, String) {
    let config = BuildConfig {
        report_dir: root().join(content).join(year.to_string()),
        year,
        out_dir: std::env::temp_dir(),
        formats: ledgen::formats::report_formats(&["html", "typst"]).unwrap(),
        standards: ledgen::pdf::DEFAULT_STANDARDS.to_vec(),
        public,
        timeout: std::time::Duration::from_secs(60),
        brand: None,
    };
    let mut outputs = Session::new().make(&config).unwrap();
    let mut text = |name: &str| {
        String::from_utf8(outputs.take(name).expect("the output asked for").bytes).unwrap()
    };
    (text("html"), text("typst"))
}

fn assert_outputs(name: &str, content: &str, year: i32, public: bool) {
    let (html, typst) = outputs(content, year, public);
    insta::assert_snapshot!(format!("{name}_html"), without_font_data(&html));
    insta::assert_snapshot!(format!("{name}_typ"), typst);
}

#[test]
fn content_2022() {
    assert_outputs("content_2022", "content", 2022, false);
}

#[test]
fn content_2023() {
    assert_outputs("content_2023", "content", 2023, false);
}

#[test]
fn content_2023_public() {
    assert_outputs("content_2023_public", "content", 2023, true);
}

#[test]
fn example_2022() {
    assert_outputs("example_2022", "examples/exempelkommun", 2022, false);
}

#[test]
fn example_2023() {
    assert_outputs("example_2023", "examples/exempelkommun", 2023, false);
}

#[test]
fn example_2024() {
    assert_outputs("example_2024", "examples/exempelkommun", 2024, false);
}

#[test]
fn example_2024_public() {
    assert_outputs("example_2024_public", "examples/exempelkommun", 2024, true);
}
