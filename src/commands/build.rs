//! `ledgen build`: run the pipeline for one report and say what was written.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;

use ledgen::formats::terminal_safe;
use ledgen::model::{LeftOut, LeftOutKind, MaskedPhrase};
use ledgen::pipeline::Session;
use ledgen::view::{Emptied, EmptiedKind};

use ledgen::tr;

use crate::cli::BuildArgs;

/// `ledgen build` from the command line: builds and prints what was written.
pub fn run(args: &BuildArgs) -> Result<()> {
    let found = super::report_dir(&args.content)?;
    let out_dir = args.out.join(found.1.to_string());
    let config = super::build_config(args, found, out_dir, args.public)?;
    let start = Instant::now();
    eprintln!(
        "{}",
        tr!(
            "build-building",
            year = config.year.to_string(),
            folder = config.report_dir.display().to_string()
        )
    );
    let built = Session::new().build(&config)?;
    for warning in &built.warnings {
        anstream::eprint!("{warning:#}");
    }
    if config.public {
        eprint!("{}", left_out_report(&built.left_out, &built.emptied, &built.masked));
    }
    eprintln!("{}", brand_line(built.brand.as_deref()));
    for file in &built.files {
        let shown = file.path.display().to_string();
        let line = match file.pages {
            Some(n) => {
                tr!("build-wrote-pages", path = shown, size = human_size(file.size), count = n)
            }
            None => tr!("build-wrote", path = shown, size = human_size(file.size)),
        };
        eprintln!("   {line}");
    }
    eprintln!(
        "{}",
        tr!("build-finished", seconds = crate::locale::decimal(start.elapsed().as_secs_f64(), 2))
    );
    Ok(())
}

/// What the public edition leaves out, one item a line with its place, and a warning for each
/// whole table or list left out and for each table, list or part it shows as withheld, for
/// the person who publishes it to check.
pub(crate) fn left_out_report(
    left_out: &[LeftOut],
    emptied: &[Emptied],
    masked: &[MaskedPhrase],
) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let items: Vec<&LeftOut> =
        left_out.iter().filter(|i| i.kind != LeftOutKind::EmptiedSection).collect();
    if items.is_empty() {
        out.push_str(&tr!("build-public-nothing-left-out"));
        out.push('\n');
        out.push_str(&masked_report(masked));
        return out;
    }
    let n = items.len();
    let _ = writeln!(out, "{}", tr!("build-public-leaves-out", count = n));
    for item in &items {
        out.push_str(&left_out_line(item));
    }
    for item in emptied {
        let kind = item.kind.name();
        let title = terminal_safe(&item.title);
        let message = match item.kind {
            EmptiedKind::Part => tr!("build-public-emptied-part", kind = kind, title = title),
            EmptiedKind::Section => tr!("build-public-emptied-section", kind = kind, title = title),
            _ => tr!("build-public-emptied-block", kind = kind, title = title),
        };
        let _ = writeln!(
            out,
            "{}: {message}\n  --> {}:{}",
            tr!("severity-warning"),
            item.path.display(),
            item.line
        );
    }
    for item in items.iter().filter(|i| i.kind.is_whole_block()) {
        let _ = writeln!(
            out,
            "{}: {}\n  --> {}:{}",
            tr!("severity-warning"),
            tr!(
                "build-public-block-left-out",
                kind = item.kind.name(),
                label = terminal_safe(&item.label)
            ),
            item.path.display(),
            item.line
        );
    }
    out.push_str(&masked_report(masked));
    out
}

/// The phrases the public edition masks, each with its provision and place.
fn masked_report(masked: &[MaskedPhrase]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if masked.is_empty() {
        return out;
    }
    let n = masked.len();
    let _ = writeln!(out, "{}", tr!("build-public-masks", count = n));
    for masked in masked {
        let provision = match &masked.provision {
            Some(provision) => format!("[{}]", terminal_safe(provision)),
            None => "[intern]".to_string(),
        };
        let _ = writeln!(
            out,
            "   {}  {}:{}",
            tr!(
                "build-public-masked-phrase",
                phrase = terminal_safe(&masked.phrase),
                provision = provision
            ),
            masked.path.display(),
            masked.line
        );
    }
    out
}

/// One line of the list of what the public edition leaves out: the kind, the label, the
/// provision of secrecy, and the place.
fn left_out_line(item: &LeftOut) -> String {
    // Labels and provisions are content: no escape sequence of theirs reaches the terminal.
    let label = match item.kind {
        LeftOutKind::TextBlock => format!("\"{}\"", item.label),
        kind if kind.is_whole_block() => format!("({})", item.label),
        _ => format!("`{}`", item.label),
    };
    let provision = item.sekretess.as_deref().map(|p| format!(" [{p}]")).unwrap_or_default();
    format!(
        "   {} {}  {}:{}\n",
        item.kind.name(),
        terminal_safe(&format!("{label}{provision}")),
        item.path.display(),
        item.line
    )
}

/// The progress line that names the brand file a build applied, or says that none did.
pub(crate) fn brand_line(brand: Option<&Path>) -> String {
    match brand {
        Some(path) => format!("   {}", tr!("build-brand", path = path.display().to_string())),
        None => format!("   {}", tr!("build-brand-none")),
    }
}

/// A file size for people: "12 kB", "1.3 MB".
pub(crate) fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", crate::locale::decimal(bytes as f64 / (1024.0 * 1024.0), 1))
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    // Regression: a text block's first words, escape sequences and all, reached the terminal.
    #[test]
    fn the_left_out_list_holds_no_escape_sequence() {
        let item = |kind, label: &str| LeftOut {
            kind,
            label: label.into(),
            path: PathBuf::from("c/2024/a.yaml"),
            line: 3,
            sekretess: Some("18 kap. 8 §\u{1b}[2J".into()),
        };
        let list = left_out_report(
            &[
                item(LeftOutKind::TextBlock, "Hemlig \u{1b}]0;titel\u{7} text"),
                item(LeftOutKind::Table, "rad-1\u{1b}[31m"),
            ],
            &[],
            &[MaskedPhrase {
                path: PathBuf::from("c/2024/a.yaml"),
                line: 4,
                phrase: "Hus\u{1b}[2J B".into(),
                provision: Some("OSL\u{1b}[31m".into()),
            }],
        );
        assert!(!list.chars().any(|c| c.is_control() && c != '\n'), "{list:?}");
        assert!(
            list.contains("\"Hemlig ]0;titel text\" [18 kap. 8 §[2J]  c/2024/a.yaml:3"),
            "{list}"
        );
        assert!(list.contains("phrase \"Hus[2J B\" [OSL[31m]  c/2024/a.yaml:4"), "{list}");
    }
}
