//! `ledgen history ID`: one row's or recommendation's history year by year
//! ([`ledgen::history`]), printed.

use anyhow::Result;
use ledgen::formats::terminal_safe;
use ledgen::history::history;

use crate::cli::HistoryArgs;
use ledgen::tr;

/// Prints every year's entries for the id and the items linked to it by `follows:`.
/// Confidential entries are marked, or with `--public` left out (and counted).
pub fn run(args: &HistoryArgs) -> Result<()> {
    let found = history(&args.content, &args.id, args.public)?;
    println!(
        "{}",
        tr!(
            "history-cmd-heading",
            id = terminal_safe(&args.id),
            folder = args.content.display().to_string(),
        )
    );
    for year in &found.years {
        if !year.loads {
            println!(
                "  {}  {}",
                year.year,
                tr!("history-cmd-does-not-load", year = year.year.to_string())
            );
        } else if year.lines.is_empty() {
            println!("  {}  –", year.year);
        }
        for line in &year.lines {
            println!("  {}  {line}", year.year);
        }
    }
    if found.withheld > 0 {
        println!("  {}", tr!("history-cmd-withheld", count = found.withheld));
    }
    Ok(())
}
