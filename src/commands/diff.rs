//! `ledgen diff`: compare two reports and print or write the result in one of four formats
//! ([`ledgen::render::comparison`]).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use ledgen::diagnostics::ContentError;
use ledgen::diff::diff_reports;
use ledgen::error::BuildError;
use ledgen::formats::comparison_format;
use ledgen::model::{Report, load_report};
use ledgen::output::write_atomically;

use crate::cli::DiffArgs;
use ledgen::tr;

/// Runs `ledgen diff`; returns false when `--fail-on-regression` applies.
pub fn run(args: &DiffArgs) -> Result<bool> {
    let format = comparison_format(&args.format).context("clap checks the format's name")?;
    ledgen::render::prepare_pages(format.page().as_slice());
    let (mut old, mut new) = load_both(args)?;
    if args.public {
        // Masked phrases go before the comparison, so that no changed text holds one.
        ledgen::view::mask_phrases(&mut old);
        ledgen::view::mask_phrases(&mut new);
    }
    if old.year() >= new.year() {
        eprintln!(
            "{}: {}",
            tr!("severity-warning"),
            tr!("diff-not-older", old = old.year().to_string(), new = new.year().to_string())
        );
    }
    // The facts come from the full content; the public edition only withholds what is internal.
    let mut diff = diff_reports(&old, &new);
    let regressed = diff.summary.regressed;
    if args.public {
        diff = diff.public_edition();
    }
    emit(&format.render(diff, &new)?, args.out.as_deref())?;
    if args.fail_on_regression && regressed > 0 {
        eprintln!(
            "{}: {}",
            tr!("severity-error"),
            tr!("diff-regressed", count = regressed, year = old.year().to_string())
        );
        return Ok(false);
    }
    Ok(true)
}

/// The two reports, loaded side by side while the templates parse. With `--public`, an error
/// shows no text of the content (which holds the confidential items).
fn load_both(args: &DiffArgs) -> Result<(Report, Report)> {
    let (old_dir, new_dir) =
        (report_folder(&args.content, &args.old)?, report_folder(&args.content, &args.new)?);
    let (old, new) = rayon::join(|| load_report(&old_dir), || load_report(&new_dir));
    let edition = |error: ContentError| {
        let error = BuildError::Content(error);
        if args.public { error.for_public() } else { error }
    };
    Ok((old.map_err(edition)?.report, new.map_err(edition)?.report))
}

/// Writes `text` to `out`, without terminal colours, or prints it.
fn emit(text: &str, out: Option<&Path>) -> Result<()> {
    if let Some(path) = out {
        let plain = anstream::adapter::strip_str(text).to_string();
        write_atomically(path, plain.as_bytes())?;
        eprintln!("{}", tr!("diff-wrote", path = path.display().to_string()));
        return Ok(());
    }
    use std::io::Write;
    let mut stdout = anstream::stdout();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context(tr!("cmd-failed-stdout")),
    }
}

/// A year under the content folder, or a path to a report folder.
fn report_folder(content: &std::path::Path, arg: &str) -> Result<PathBuf> {
    if let Ok(year) = arg.parse::<i32>() {
        ledgen::config::require_content_folder(content)?;
        let dir = content.join(year.to_string());
        if dir.join("report.yaml").is_file() {
            return Ok(dir);
        }
        if dir.is_dir() {
            bail!(tr!("diff-no-report-yaml", path = dir.display().to_string()));
        }
        let years = ledgen::model::years(content);
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        let folder = content.display().to_string();
        let year = year.to_string();
        if list.is_empty() {
            bail!(tr!("diff-no-year", year = year, folder = folder));
        }
        bail!(tr!("diff-no-year-but", year = year, folder = folder, years = list.join(", ")));
    }
    let dir = PathBuf::from(arg);
    if !dir.join("report.yaml").is_file() {
        bail!(tr!("diff-neither", arg = arg, folder = content.display().to_string()));
    }
    Ok(dir)
}
