//! `ledgen history ID`: one row's or recommendation's status year by year.

use anyhow::{Result, bail};

use super::cut;
use crate::cli::HistoryArgs;
use crate::diff::{plain_text, recommendations};
use crate::i18n;
use crate::model::{load_report, years};

/// Prints every year's entry for the id: the row's status, the recommendation, or the rows
/// that follow the recommendation up.
pub fn run(args: &HistoryArgs) -> Result<()> {
    let all_years = years(&args.content);
    if all_years.is_empty() {
        bail!("no report under `{}`", args.content.display());
    }
    println!("{} in `{}`", args.id, args.content.display());
    let mut found = false;
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
        for (_, row) in report.status_rows() {
            let follows = row.follows.as_ref().is_some_and(|f| f.value == args.id);
            if row.id.value == args.id || follows {
                let text = row.status_text.as_ref().map(plain_text).unwrap_or_default();
                let via = if follows {
                    format!(" (uppföljning {})", row.id.value)
                } else {
                    String::new()
                };
                lines.push(format!(
                    "{} {}{via}{}",
                    i18n::status_symbol(row.status.value),
                    i18n::status_word(language, row.status.value),
                    if text.is_empty() {
                        String::new()
                    } else {
                        format!(" – {}", cut(&text, 70))
                    }
                ));
            }
        }
        for rec in recommendations(&report).into_iter().filter(|r| r.id.value == args.id) {
            let priority = rec
                .priority
                .as_ref()
                .map(|p| format!(", prioritet {}", i18n::priority_word(language, p.value)))
                .unwrap_or_default();
            lines.push(format!("rekommendation{priority}: {}", cut(&plain_text(&rec.text), 70)));
        }
        if lines.is_empty() {
            println!("  {year}  –");
        }
        for line in lines {
            found = true;
            println!("  {year}  {line}");
        }
    }
    if !found {
        bail!(
            "no row or recommendation with id `{}` in any year under `{}`",
            args.id,
            args.content.display()
        );
    }
    Ok(())
}
