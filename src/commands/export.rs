//! `ledgen export actions`: the review's action plan ([`ledgen::actions`]) as CSV, XLSX or an
//! iCalendar file, to a file or to standard output.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::{ExportActionsArgs, ExportFormat};
use ledgen::actions::{ActionKind, ActionRow, action_rows, csv, ics, xlsx};
use ledgen::error::BuildError;
use ledgen::model::{Report, load_report};
use ledgen::output::write_atomically;
use ledgen::tr;

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
            let what = what_was_written(args.format, year, &rows);
            eprintln!("{}", tr!("export-wrote", path = path.display().to_string(), what = what));
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes).context(tr!("cmd-failed-stdout"))?;
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
                bail!(tr!("export-xlsx-to-terminal"));
            }
            xlsx(rows, language, year)?
        }
        ExportFormat::Ics => {
            if rows.iter().all(|r| r.due.is_none()) {
                eprintln!(
                    "{}: {}",
                    tr!("note-note"),
                    tr!("export-no-deadlines", year = year.to_string())
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
        tr!("export-items", recommendations = recommendations, status = status)
    };
    let year = year.to_string();
    match format {
        ExportFormat::Ics => {
            let (recommendations, status) = count(&mut rows.iter().filter(|r| r.due.is_some()));
            let undated = rows.len() - recommendations - status;
            let mut text = tr!(
                "export-calendar",
                count = recommendations + status,
                year = year,
                items = items(recommendations, status),
            );
            if undated > 0 {
                text.push_str(&tr!("export-undated", count = undated));
            }
            text
        }
        ExportFormat::Csv | ExportFormat::Xlsx => {
            let (recommendations, status) = count(&mut rows.iter());
            tr!("export-table", year = year, items = items(recommendations, status))
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| tr!("cmd-failed-create", path = parent.display().to_string()))?;
    }
    write_atomically(path, bytes)
}
