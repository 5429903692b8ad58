//! `ledgen diff`: compare two reports and print or write the result in one of four formats
//! ([`ledgen::render::comparison`]).

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use ledgen::diff::diff_reports;
use ledgen::formats::comparison_format;
use ledgen::model::load_report;
use ledgen::output::write_atomically;

use crate::cli::DiffArgs;

/// Runs `ledgen diff`; returns false when `--fail-on-regression` applies.
pub fn run(args: &DiffArgs) -> Result<bool> {
    let (old_dir, new_dir) =
        (report_folder(&args.content, &args.old)?, report_folder(&args.content, &args.new)?);
    let format = comparison_format(&args.format).context("clap checks the format's name")?;
    ledgen::render::prepare_pages(format.page().as_slice());
    // The two years load side by side, while the templates parse.
    let (old, new) = rayon::join(|| load_report(&old_dir), || load_report(&new_dir));
    let (old, new) = (old?.report, new?.report);
    if old.year() >= new.year() {
        eprintln!(
            "warning: the first report ({}) is not older than the second ({})",
            old.year(),
            new.year()
        );
    }
    // The facts come from the full content; the public edition only withholds what is internal.
    let mut diff = diff_reports(&old, &new);
    let regressed = diff.summary.regressed;
    if args.public {
        diff = diff.public_edition();
    }
    let text = format.render(diff, &new)?;
    match &args.out {
        Some(path) => {
            let plain = anstream::adapter::strip_str(&text).to_string();
            write_atomically(path, plain.as_bytes())?;
            eprintln!("Wrote {}", path.display());
        }
        None => {
            use std::io::Write;
            let mut stdout = anstream::stdout();
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                // A reader that stops early (`| head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.context("failed to write to standard output")?,
            }
        }
    }
    if args.fail_on_regression && regressed > 0 {
        eprintln!("error: {regressed} row(s) regressed since {}", old.year());
        return Ok(false);
    }
    Ok(true)
}

/// A year under the content folder, or a path to a report folder.
fn report_folder(content: &std::path::Path, arg: &str) -> Result<PathBuf> {
    if let Ok(year) = arg.parse::<i32>() {
        let dir = content.join(year.to_string());
        if dir.join("report.yaml").is_file() {
            return Ok(dir);
        }
        if dir.is_dir() {
            bail!("the folder `{}` has no `report.yaml`", dir.display());
        }
        let years = ledgen::model::years(content);
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        bail!(
            "no report for {year} under `{}`{}",
            content.display(),
            if list.is_empty() {
                String::new()
            } else {
                format!(": the years there are {}", list.join(", "))
            }
        );
    }
    let dir = PathBuf::from(arg);
    if !dir.join("report.yaml").is_file() {
        bail!(
            "`{arg}` is neither a year under `{}` nor a report folder with a `report.yaml`",
            content.display()
        );
    }
    Ok(dir)
}
