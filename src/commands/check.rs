//! `ledgen check`: load and validate, write nothing.

use anyhow::Result;

use crate::cli::CheckArgs;
use ledgen::formats::terminal_safe;
use ledgen::model::{Report, load_with_history_and_brand};

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
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    println!(
        "{}: ok ({}, {}, {}, {})",
        dir.display(),
        count(report.sections.len(), "section", "sections"),
        count(report.status_rows().len(), "status row", "status rows"),
        count(report.recommendations().len(), "recommendation", "recommendations"),
        count(loaded.warnings.len(), "warning", "warnings")
    );
    Ok(())
}

/// Which section addresses each ISO/IEC 27001:2022 9.3.2 input, and which input none does.
fn coverage_report(report: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("ISO/IEC 27001:2022 9.3.2 inputs to the review:\n");
    for coverage in ledgen::view::claimed_coverage(report) {
        let input = coverage.input;
        let (mark, place) = if !coverage.addressed.is_empty() {
            ("covered", format!("in: {}", terminal_safe(&coverage.addressed.join("; "))))
        } else if !coverage.claimed_only.is_empty() {
            (
                "empty",
                format!(
                    "claimed by {} ({}), but nothing is written there yet, only placeholder \
                     texts or empty tables: write what the review found",
                    terminal_safe(&coverage.claimed_only.join("; ")),
                    if coverage.claimed_only.len() == 1 {
                        "its kind or `covers:`"
                    } else {
                        "their kinds or `covers:`"
                    }
                ),
            )
        } else {
            (
                "missing",
                format!(
                    "no section addresses it (list `{}` under a section's `covers:`)",
                    input.letter()
                ),
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
