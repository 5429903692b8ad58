//! `ledgen check`: load and validate, write nothing.

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::config::report_dir;
use crate::model::load_with_history;

/// Validates one year's content and prints a summary; errors carry every problem found.
pub fn run(args: &CheckArgs) -> Result<()> {
    let (dir, _) = report_dir(&args.content)?;
    let loaded = load_with_history(&dir)?.loaded;
    for warning in &loaded.warnings {
        eprint!("{warning}");
    }
    let report = &loaded.report;
    let recommendations = report
        .sections
        .iter()
        .map(|s| {
            let mut n = 0;
            s.part.visit_blocks(&mut |b| {
                if let crate::model::BlockKind::Recommendations(r) = &b.kind {
                    n += r.len();
                }
            });
            n
        })
        .sum::<usize>();
    println!(
        "{}: ok ({} sections, {} status rows, {} recommendations, {} warnings)",
        dir.display(),
        report.sections.len(),
        report.status_rows().len(),
        recommendations,
        loaded.warnings.len()
    );
    Ok(())
}
