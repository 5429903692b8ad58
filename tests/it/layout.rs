//! Page layout and the placing of generated sections: landscape parts, `generated_sections` in
//! `report.yaml`, and the unbreakable status overview.

use std::fs;
use std::path::Path;

use crate::common::{ledgen, root};
use ledgen::config::BuildConfig;
use ledgen::pipeline::Session;

/// Copies the example municipality's reports (2023 for the comparison, and 2024) into `to`.
fn example_copy(to: &Path) {
    for year in ["2023", "2024"] {
        let from = root().join("examples/exempelkommun").join(year);
        fs::create_dir_all(to.join(year)).unwrap();
        for entry in fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                fs::copy(entry.path(), to.join(year).join(entry.file_name())).unwrap();
            }
        }
    }
}

fn append(path: &Path, text: &str) {
    let mut content = fs::read_to_string(path).unwrap();
    content.push_str(text);
    fs::write(path, content).unwrap();
}

/// Adds `landscape: true` to a section file, after its title.
fn set_landscape(path: &Path) {
    let content = fs::read_to_string(path).unwrap();
    let content = content.replacen("\ntitle:", "\nlandscape: true\ntitle:", 1);
    assert!(content.contains("landscape: true"), "no title line in {}", path.display());
    fs::write(path, content).unwrap();
}

/// Width and height of page `n` (from 1) of a PDF, from its MediaBox.
fn page_size(pdf: &Path, n: usize) -> (f64, f64) {
    crate::common::pdf::Pdf::open(pdf).page_size(n)
}

/// The text of page `n` (from 1) of a PDF.
fn page_text(pdf: &Path, n: usize) -> String {
    crate::common::pdf::Pdf::open(pdf).pages().swap_remove(n - 1)
}

#[test]
fn a_landscape_section_is_on_landscape_pages_and_nothing_else_is() {
    let dir = tempfile::tempdir().unwrap();
    example_copy(dir.path());
    set_landscape(&dir.path().join("2024/compliance.yaml"));
    let out = dir.path().join("out");
    let output = ledgen(
        dir.path(),
        &["build", "2024", "--content", ".", "--out", out.to_str().unwrap(), "--format", "pdf"],
    );
    // The build checks PDF/A-2a and PDF/UA-1, so success says the landscape pages pass too.
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let pdf = out.join("2024/ledningens-genomgang-2024.pdf");
    let heading = "Överensstämmelse med krav och mål";
    // The table of contents names the page the section starts on.
    let toc = page_text(&pdf, 2);
    let toc_line = toc.lines().find(|l| l.contains(heading)).expect("section not in the contents");
    let listed: usize = toc_line
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no page number in {toc_line:?}"));
    assert!(page_text(&pdf, listed).contains(heading), "contents point at page {listed}");

    let mut landscape = Vec::new();
    for n in 1..=page_count(&pdf) {
        let size = page_size(&pdf, n);
        if size == (842.0, 595.0) {
            landscape.push(n);
            // The running header and footer are on landscape pages too.
            let text = page_text(&pdf, n);
            assert!(text.contains("Exempelkommun (fiktiv)"), "no header on page {n}");
            assert!(text.contains(&format!("Sida {n} av")), "no page number on page {n}");
        } else {
            assert_eq!(size, (595.0, 842.0), "page {n}");
        }
    }
    assert_eq!(landscape.first(), Some(&listed), "landscape pages {landscape:?}");
    // Every landscape page belongs to the section: the next section starts on a portrait page.
    let next = landscape.last().unwrap() + 1;
    assert!(page_text(&pdf, next).contains("Förändrade förhållanden"), "page {next}");
}

fn page_count(pdf: &Path) -> usize {
    crate::common::pdf::Pdf::open(pdf).page_count()
}

/// Builds the HTML page of the copied 2024 report and returns it.
fn html_of(dir: &Path) -> String {
    let out = dir.join("out");
    let output = ledgen(
        dir,
        &["build", "2024", "--content", ".", "--out", out.to_str().unwrap(), "--format", "html"],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    fs::read_to_string(out.join("2024/ledningens-genomgang-2024.html")).unwrap()
}

/// Where each of `headings` first appears in `html`, in their order.
fn positions(html: &str, headings: &[&str]) -> Vec<usize> {
    headings
        .iter()
        .map(|h| html.find(&format!("</span> {h}</h")).unwrap_or_else(|| panic!("no heading {h}")))
        .collect()
}

#[test]
fn generated_sections_follow_the_order_and_places_report_yaml_gives() {
    let dir = tempfile::tempdir().unwrap();
    example_copy(dir.path());
    let report = dir.path().join("2024/report.yaml");
    // The example asks for the coverage table with `coverage_table: true`; listing it here too
    // must not show it twice.
    append(
        &report,
        "generated_sections:\n  - changes: { after: summary }\n  - coverage: { after: compliance }\n  - status_overview: { after: compliance }\n",
    );
    let html = html_of(dir.path());
    let order = positions(
        &html,
        &[
            "Sammanfattning",
            "Förändringar sedan föregående år",
            "Uppföljning av tidigare beslut",
            "Överensstämmelse med krav och mål",
            "Underlag enligt ISO/IEC 27001:2022 9.3.2",
            "Statusöversikt",
            "Förändrade förhållanden som kan påverka ledningssystemet",
        ],
    );
    assert!(order.windows(2).all(|w| w[0] < w[1]), "headings out of order: {order:?}");
    assert_eq!(html.matches("</span> Underlag enligt ISO/IEC 27001:2022 9.3.2</h").count(), 1);
}

#[test]
fn generated_sections_leave_out_what_they_do_not_list() {
    let dir = tempfile::tempdir().unwrap();
    example_copy(dir.path());
    let report = dir.path().join("2024/report.yaml");
    let yaml = fs::read_to_string(&report).unwrap().replace("coverage_table: true\n", "");
    fs::write(&report, yaml + "generated_sections:\n  - status_overview:\n").unwrap();
    let html = html_of(dir.path());
    assert!(html.contains("</span> Statusöversikt</h"));
    assert!(!html.contains("Förändringar sedan föregående år</h"));
    assert!(!html.contains("Underlag enligt ISO/IEC 27001:2022 9.3.2</h"));
}

#[test]
fn an_unknown_generated_section_is_an_error_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    example_copy(dir.path());
    let report = dir.path().join("2024/report.yaml");
    let lines = fs::read_to_string(&report).unwrap().lines().count();
    append(
        &report,
        "generated_sections:\n  - status_overveiw: { after: summary }\n  - changes: { after: sumary }\n",
    );
    let output = ledgen(dir.path(), &["check", "2024", "--content", "."]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown generated section `status_overveiw`"), "{stderr}");
    assert!(stderr.contains("did you mean `status_overview`?"), "{stderr}");
    assert!(stderr.contains(&format!("report.yaml:{}:", lines + 2)), "{stderr}");
    assert!(stderr.contains("`after: sumary` names no section"), "{stderr}");
    assert!(stderr.contains("did you mean `summary`?"), "{stderr}");
    assert!(stderr.contains(&format!("report.yaml:{}:", lines + 3)), "{stderr}");
}

// A status overview split over two pages separated its chart from its table, or its rows.
#[test]
fn the_status_overview_is_one_unbreakable_block() {
    let config = BuildConfig {
        report_dir: root().join("examples/exempelkommun/2024"),
        year: 2024,
        out_dir: std::env::temp_dir(),
        formats: ledgen::formats::report_formats(&["typst"]).unwrap(),
        standards: ledgen::pdf::DEFAULT_STANDARDS.to_vec(),
        public: false,
        timeout: std::time::Duration::from_secs(60),
        brand: None,
    };
    let outputs = Session::new().make(&config).unwrap();
    let typst =
        String::from_utf8(outputs.get("typst").expect("the Typst source").bytes.clone()).unwrap();
    let start = typst.find("Statusöversikt]").expect("no status overview");
    let block = &typst[start..];
    let open = block.find("#block(breakable: false, width: 100%)[").expect("not in a block");
    let chart = block.find("#chart-figure(").unwrap();
    let table = block.find("#table(").unwrap();
    let close = block[table..].find("\n)\n]").map(|i| i + table).expect("block not closed");
    assert!(open < chart && chart < table && table < close, "chart and table must be inside");
}

#[test]
fn running_text_keeps_a_measure_a_reader_can_follow() {
    // Book and report typography hold body lines to 60–75 characters; tables use the width.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = ledgen(
        &root(),
        &[
            "build",
            "2024",
            "--content",
            "examples/exempelkommun",
            "--format",
            "pdf",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let pdf = out.join("2024/ledningens-genomgang-2024.pdf");
    // Page 3 opens with the introduction's paragraphs, before any table.
    let page = page_text(&pdf, 3);
    let start = page.lines().position(|l| l.contains("Inledning")).expect("the introduction");
    let end = page.lines().position(|l| l.contains("Sammanfattning")).expect("the summary");
    let lines: Vec<usize> =
        page.lines().take(end).skip(start + 1).map(|l| l.trim().chars().count()).collect();
    let longest = lines.iter().copied().max().unwrap_or(0);
    assert!(lines.len() >= 6, "too few lines to measure: {lines:?}");
    assert!((55..=76).contains(&longest), "body lines run to {longest} characters: {lines:?}");
}
