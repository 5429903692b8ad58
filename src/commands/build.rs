//! `ledgen build`: run the pipeline for one report and say what was written.

use std::time::Instant;

use anyhow::Result;

use crate::config::BuildConfig;
use crate::model::{LeftOut, LeftOutKind};
use crate::pipeline::Session;

/// `ledgen build` from the command line: builds and prints what was written.
pub fn run(config: &BuildConfig) -> Result<()> {
    let start = Instant::now();
    eprintln!("Building {} from `{}`", config.year, config.report_dir.display());
    let built = Session::new().build(config)?;
    for warning in &built.warnings {
        anstream::eprint!("{warning:#}");
    }
    if config.public {
        eprint!("{}", left_out_report(&built.left_out));
    }
    for (path, size) in &built.files {
        let pages = match (path.extension().and_then(|e| e.to_str()), built.pages) {
            (Some("pdf"), Some(n)) => format!(", {n} pages"),
            _ => String::new(),
        };
        eprintln!("   Wrote {} ({}{pages})", path.display(), human_size(*size));
    }
    eprintln!("Finished in {:.2} s", start.elapsed().as_secs_f64());
    Ok(())
}

/// What the public edition leaves out, one item a line with its place, and a warning for each
/// whole table or list left out, for the person who publishes it to check.
pub(crate) fn left_out_report(left_out: &[LeftOut]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let (emptied, items): (Vec<&LeftOut>, Vec<&LeftOut>) =
        left_out.iter().partition(|i| i.kind == LeftOutKind::EmptiedSection);
    if items.is_empty() {
        out.push_str("Public edition: nothing is marked `intern`; nothing is left out\n");
        return out;
    }
    let n = items.len();
    let _ = writeln!(out, "Public edition leaves out {n} item{}:", if n == 1 { "" } else { "s" });
    for item in &items {
        let label = match item.kind {
            LeftOutKind::TextBlock => format!("\"{}\"", item.label),
            kind if kind.is_whole_block() => format!("({})", item.label),
            _ => format!("`{}`", item.label),
        };
        let provision = item.sekretess.as_deref().map(|p| format!(" [{p}]")).unwrap_or_default();
        let _ = writeln!(
            out,
            "   {} {label}{provision}  {}:{}",
            item.kind.name(),
            item.path.display(),
            item.line
        );
    }
    for item in emptied {
        let _ = writeln!(
            out,
            "warning: every block of the section `{}` is internal: the public edition shows only \
             its heading\n  --> {}:{}",
            item.label,
            item.path.display(),
            item.line
        );
    }
    for item in items.iter().filter(|i| i.kind.is_whole_block()) {
        let _ = writeln!(
            out,
            "warning: a {} is internal and left out of the public edition ({})\n  --> {}:{}",
            item.kind.name(),
            item.label,
            item.path.display(),
            item.line
        );
    }
    out
}

/// A file size for people: "12 kB", "1.3 MB".
pub(crate) fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}
