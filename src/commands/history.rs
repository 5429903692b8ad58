//! `ledgen history ID`: one row's or recommendation's history year by year
//! ([`ledgen::history`]), printed.

use anyhow::Result;
use ledgen::formats::terminal_safe;
use ledgen::history::history;

use crate::cli::HistoryArgs;

/// Prints every year's entries for the id and the items linked to it by `follows:`.
/// Confidential entries are marked, or with `--public` left out (and counted).
pub fn run(args: &HistoryArgs) -> Result<()> {
    let found = history(&args.content, &args.id, args.public)?;
    println!("{} in `{}`", terminal_safe(&args.id), args.content.display());
    for year in &found.years {
        if !year.loads {
            println!(
                "  {}  (the report does not load; run `ledgen check {}`)",
                year.year, year.year
            );
        } else if year.lines.is_empty() {
            println!("  {}  –", year.year);
        }
        for line in &year.lines {
            println!("  {}  {line}", year.year);
        }
    }
    if found.withheld > 0 {
        let entries = if found.withheld == 1 { "entry" } else { "entries" };
        println!("  ({} confidential {entries} left out)", found.withheld);
    }
    Ok(())
}
