//! `ledgen export actions`: the review's action plan ([`ledgen::actions`]) as CSV, XLSX or an
//! iCalendar file, to a file or to standard output.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::{ExportActionsArgs, ExportFormat};
use ledgen::actions::{ActionKind, action_rows, csv, ics, xlsx};
use ledgen::model::load_report;
use ledgen::output::write_atomically;

/// Runs `ledgen export actions`.
pub fn run_actions(args: &ExportActionsArgs) -> Result<()> {
    let (dir, year) = super::report_dir(&args.content)?;
    let report = load_report(&dir)?.report;
    let language = report.meta.language;
    let rows = action_rows(&report, args.public);
    let bytes = match args.format {
        ExportFormat::Csv => csv(&rows, language)?,
        ExportFormat::Xlsx => {
            if args.out.is_none() {
                bail!("an XLSX file cannot go to the terminal; give `--out FILE.xlsx`");
            }
            xlsx(&rows, language, year)?
        }
        ExportFormat::Ics => {
            if rows.iter().all(|r| r.due.is_none()) {
                eprintln!(
                    "note: no item of the {year} action plan has a deadline, so the calendar \
                     holds no events"
                );
            }
            ics(&rows, language, report.meta.date.value.0).into_bytes()
        }
    };
    match &args.out {
        Some(path) => {
            write(path, &bytes)?;
            let recommendations =
                rows.iter().filter(|r| r.kind == ActionKind::Recommendation).count();
            eprintln!(
                "Wrote {} recommendation(s) and {} open status row(s) of {year} to {}",
                recommendations,
                rows.len() - recommendations,
                path.display()
            );
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes).context("failed to write to standard output")?;
        }
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("failed to create `{}`", parent.display()))?;
    }
    write_atomically(path, bytes)
}
