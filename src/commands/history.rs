//! `ledgen history ID`: one row's or recommendation's status year by year.

use anyhow::{Result, bail};

use super::cut;
use crate::cli::HistoryArgs;
use crate::diff::plain_text;
use crate::i18n;
use crate::model::{load_report, years};
use crate::render::comparison::terminal_safe;

/// Prints every year's entry for the id: the row's status, the recommendation, or the rows
/// that follow the recommendation up. Confidential entries are marked, or with `--public` left
/// out (and counted). Text from the content is stripped of control characters.
pub fn run(args: &HistoryArgs) -> Result<()> {
    let all_years = years(&args.content);
    if all_years.is_empty() {
        bail!("no report under `{}`", args.content.display());
    }
    println!("{} in `{}`", terminal_safe(&args.id), args.content.display());
    let mut found = false;
    let mut withheld = 0;
    for year in all_years {
        let report = match load_report(&args.content.join(year.to_string())) {
            Ok(loaded) => loaded.report,
            Err(_) => {
                println!("  {year}  (the report does not load; run `ledgen check {year}`)");
                continue;
            }
        };
        let language = report.meta.language;
        let mut lines = Vec::new();
        let labels = i18n::labels(language);
        let mark = |internal: bool, provision: Option<&str>| match (internal, provision) {
            (false, _) => String::new(),
            (true, None) => format!(" [{}]", labels.intern),
            (true, Some(p)) => format!(" [{}, {}]", labels.intern, terminal_safe(p)),
        };
        for placed in report.placed_rows() {
            let (row, internal, provision) = (placed.row, placed.internal, placed.sekretess);
            let follows = row.follows.as_ref().is_some_and(|f| f.value == args.id);
            if row.id.value == args.id || follows {
                if internal && args.public {
                    withheld += 1;
                    continue;
                }
                let text = row.status_text.as_ref().map(plain_text).unwrap_or_default();
                let via = if follows {
                    format!(
                        " ({})",
                        i18n::history_follow_up(language, &terminal_safe(&row.id.value))
                    )
                } else {
                    String::new()
                };
                let overdue = if row.is_overdue(report.meta.date.value.0) {
                    let (symbol, word, _) = i18n::overdue_marker(language);
                    let due = row
                        .due
                        .map(|d| format!(", {}", i18n::due_by(language, &d.to_string())))
                        .unwrap_or_default();
                    format!(" {symbol} {word}{due}")
                } else {
                    String::new()
                };
                lines.push(format!(
                    "{} {}{via}{overdue}{}{}",
                    i18n::status_symbol(row.status.value),
                    i18n::status_word(language, row.status.value),
                    mark(internal, provision),
                    if text.is_empty() {
                        String::new()
                    } else {
                        format!(" – {}", cut(&terminal_safe(&text), 70))
                    }
                ));
            }
        }
        for placed in report.placed_recommendations() {
            let rec = placed.recommendation;
            if rec.id.value != args.id {
                continue;
            }
            if placed.internal && args.public {
                withheld += 1;
                continue;
            }
            let owner_due = i18n::owner_due(
                language,
                rec.owner.as_deref().map(terminal_safe).as_deref(),
                rec.due.map(|d| d.to_string()).as_deref(),
            );
            let what = i18n::history_recommendation(
                language,
                rec.priority.as_ref().map(|p| p.value),
                rec.decision.as_ref().map(|d| d.value),
                owner_due.as_deref(),
            );
            let text = terminal_safe(&plain_text(&rec.text));
            lines.push(format!(
                "{what}{}: {}",
                mark(placed.internal, placed.sekretess),
                cut(&text, 70)
            ));
        }
        if lines.is_empty() {
            println!("  {year}  –");
        }
        for line in lines {
            found = true;
            println!("  {year}  {line}");
        }
    }
    if withheld > 0 {
        let entries = if withheld == 1 { "entry" } else { "entries" };
        println!("  ({withheld} confidential {entries} left out)");
    }
    if !found && withheld == 0 {
        bail!(
            "no row or recommendation with id `{}` in any year under `{}`",
            args.id,
            args.content.display()
        );
    }
    Ok(())
}
