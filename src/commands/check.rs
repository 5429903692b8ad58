//! `ledgen check`: load and validate, write nothing.

use anyhow::Result;

use crate::cli::CheckArgs;
use ledgen::formats::terminal_safe;
use ledgen::model::{Report, load_with_history_and_brand};
use ledgen::tr;

/// Validates one year's content and prints a summary; errors carry every problem found.
pub fn run(args: &CheckArgs) -> Result<()> {
    let (dir, _) = super::report_dir(&args.content)?;
    let mut loaded = load_with_history_and_brand(&dir, args.brand.as_deref())?.loaded;
    for warning in &loaded.warnings {
        anstream::eprint!("{warning:#}");
    }
    if args.public {
        let emptied = ledgen::view::emptied(&loaded.report);
        let masked = loaded.report.find_masked_phrases();
        eprint!("{}", super::build::left_out_report(&loaded.report.internal(), &emptied, &masked));
    }
    let report = &loaded.report;
    print!("{}", coverage_report(report));
    println!(
        "{}",
        tr!(
            "check-ok",
            path = dir.display().to_string(),
            sections = report.sections.len(),
            rows = report.status_rows().len(),
            recommendations = report.recommendations().len(),
            warnings = loaded.warnings.len(),
        )
    );
    Ok(())
}

/// Which section addresses each ISO/IEC 27001:2022 9.3.2 input, and which input none does.
fn coverage_report(report: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = tr!("check-coverage-heading");
    out.push('\n');
    for coverage in ledgen::view::claimed_coverage(report) {
        let input = coverage.input;
        let (mark, place) = if !coverage.addressed.is_empty() {
            (
                tr!("check-coverage-covered"),
                tr!("check-coverage-in", sections = terminal_safe(&coverage.addressed.join("; "))),
            )
        } else if !coverage.claimed_only.is_empty() {
            (
                tr!("check-coverage-empty"),
                tr!(
                    "check-coverage-claimed-only",
                    sections = terminal_safe(&coverage.claimed_only.join("; ")),
                    count = coverage.claimed_only.len(),
                ),
            )
        } else {
            (
                tr!("check-coverage-missing"),
                tr!("check-coverage-none", letter = input.letter().to_string()),
            )
        };
        let _ = writeln!(
            out,
            "  {}) {mark:<8} {}\n               {place}",
            input.letter(),
            input.description()
        );
    }
    out
}
