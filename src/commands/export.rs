//! `ledgen export actions`: the review's action plan ([`ledgen::actions`]) as CSV, XLSX or an
//! iCalendar file, to a file or to standard output.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::{ExportActionsArgs, ExportFormat};
use ledgen::actions::{ActionKind, ActionRow, action_rows, csv, ics, xlsx};
use ledgen::error::BuildError;
use ledgen::model::{Report, load_report};
use ledgen::output::write_atomically;

/// Runs `ledgen export actions`.
pub fn run_actions(args: &ExportActionsArgs) -> Result<()> {
    let (dir, year) = super::report_dir(&args.content)?;
    let mut report = load_report(&dir)
        .map_err(|error| {
            let error = BuildError::Content(error);
            if args.public { error.for_public() } else { error }
        })?
        .report;
    if args.public {
        ledgen::view::mask_phrases(&mut report);
    }
    let rows = action_rows(&report, args.public);
    let bytes = encode(args, &rows, &report, year)?;
    match &args.out {
        Some(path) => {
            write(path, &bytes)?;
            eprintln!("Wrote {}: {}", path.display(), what_was_written(args.format, year, &rows));
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes).context("failed to write to standard output")?;
        }
    }
    Ok(())
}

/// The action plan in the format asked for.
fn encode(
    args: &ExportActionsArgs,
    rows: &[ActionRow],
    report: &Report,
    year: i32,
) -> Result<Vec<u8>> {
    let language = report.meta.language;
    Ok(match args.format {
        ExportFormat::Csv => csv(rows, language)?,
        ExportFormat::Xlsx => {
            if args.out.is_none() {
                bail!("an XLSX file cannot go to the terminal; give `--out FILE.xlsx`");
            }
            xlsx(rows, language, year)?
        }
        ExportFormat::Ics => {
            if rows.iter().all(|r| r.due.is_none()) {
                eprintln!(
                    "note: no item of the {year} action plan has a deadline, so the calendar \
                     holds no events"
                );
            }
            ics(rows, language, report.meta.date.value.0).into_bytes()
        }
    })
}

/// What the file holds, as the progress line says it: the rows of a table, or a calendar's
/// events (only the items with a deadline become one).
fn what_was_written(format: ExportFormat, year: i32, rows: &[ActionRow]) -> String {
    let count = |rows: &mut dyn Iterator<Item = &ActionRow>| {
        let rows: Vec<&ActionRow> = rows.collect();
        let recommendations = rows.iter().filter(|r| r.kind == ActionKind::Recommendation).count();
        (recommendations, rows.len() - recommendations)
    };
    let items = |recommendations: usize, status: usize| {
        format!(
            "{}, {}",
            counted(recommendations, "recommendation", "recommendations"),
            counted(status, "open status row", "open status rows")
        )
    };
    match format {
        ExportFormat::Ics => {
            let (recommendations, status) = count(&mut rows.iter().filter(|r| r.due.is_some()));
            let undated = rows.len() - recommendations - status;
            let mut text = format!(
                "{} of the {year} action plan ({})",
                counted(recommendations + status, "calendar event", "calendar events"),
                items(recommendations, status)
            );
            if undated > 0 {
                let verb = if undated == 1 { "is" } else { "are" };
                text.push_str(&format!(
                    "; {} without a deadline {verb} not in it",
                    counted(undated, "item", "items")
                ));
            }
            text
        }
        ExportFormat::Csv | ExportFormat::Xlsx => {
            let (recommendations, status) = count(&mut rows.iter());
            format!("the {year} action plan ({})", items(recommendations, status))
        }
    }
}

/// `n` with the noun in the number it takes.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("failed to create `{}`", parent.display()))?;
    }
    write_atomically(path, bytes)
}
