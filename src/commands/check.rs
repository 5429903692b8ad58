//! `ledgen check`: load and validate, write nothing.

use anyhow::Result;

use crate::cli::CheckArgs;
use ledgen::formats::terminal_safe;
use ledgen::model::{Report, load_with_history};

/// Validates one year's content and prints a summary; errors carry every problem found.
pub fn run(args: &CheckArgs) -> Result<()> {
    let (dir, _) = super::report_dir(&args.content)?;
    let loaded = load_with_history(&dir)?.loaded;
    for warning in &loaded.warnings {
        anstream::eprint!("{warning:#}");
    }
    if args.public {
        let emptied = ledgen::view::emptied(&loaded.report);
        eprint!("{}", super::build::left_out_report(&loaded.report.internal(), &emptied));
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
    for (input, sections) in ledgen::view::coverage(report) {
        let (mark, place) = if sections.is_empty() {
            (
                "missing",
                format!(
                    "no section addresses it (list `{}` under a section's `covers:`)",
                    input.letter()
                ),
            )
        } else {
            ("covered", format!("in: {}", terminal_safe(&sections.join("; "))))
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
