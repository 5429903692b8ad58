//! `ledgen summary`: the overview's figures per organisation and year, for other tools.

use anyhow::Result;

use crate::cli::SummaryArgs;

/// Runs `ledgen summary`.
pub fn run(_args: &SummaryArgs) -> Result<()> {
    anyhow::bail!("not yet")
}
