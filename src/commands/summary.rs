//! `ledgen summary`: the overview's figures ([`ledgen::summary`]) as JSON or CSV, to a file or to
//! standard output.

use anyhow::{Context, Result};

use crate::cli::{SummaryArgs, SummaryFormat};
use ledgen::output::write_atomically;
use ledgen::summary::{Counted, csv, summarise};
use ledgen::tr;

/// Runs `ledgen summary`.
pub fn run(args: &SummaryArgs) -> Result<()> {
    let counted = Counted { public: !args.internal, drafts: args.drafts };
    let summary = summarise(&args.content, counted)?;
    let bytes = match args.format {
        SummaryFormat::Json => {
            let mut text = serde_json::to_string_pretty(&summary)?;
            text.push('\n');
            text.into_bytes()
        }
        SummaryFormat::Csv => csv(&summary)?,
    };
    match &args.out {
        Some(path) => write_atomically(path, &bytes)?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes).context(tr!("cmd-failed-stdout"))?;
        }
    }
    Ok(())
}
