//! `ledgen init DIR`: start a first year from nothing.
//!
//! Writes `DIR/<year>/` with `report.yaml` and every standard section file, each holding short
//! Swedish guidance on what belongs there as placeholder text (marked [`ledgen::model::PLACEHOLDER_MARK`], which
//! the report shows and `check` warns about until it is replaced), `DIR/schema/` with the JSON
//! Schemas the files point editors at, and a commented `DIR/_brand.yml` to fill in. The folder
//! is staged beside the target and renamed into place, so it appears only when complete.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{Datelike, Local, NaiveDate};

use crate::cli::InitArgs;
use ledgen::model::load_with_history;
use ledgen::scaffold::first_year::scaffold;

/// Runs `ledgen init`.
pub fn run(args: &InitArgs) -> Result<()> {
    let organisation = args.organisation.trim();
    if organisation.is_empty() {
        bail!(
            "`--organisation` is empty: give the organisation's name, e.g. --organisation \"Exempelkommun\""
        );
    }
    let today = Local::now().date_naive();
    let year = args.year.unwrap_or(today.year());
    if !(1900..=9999).contains(&year) {
        bail!("the year must be from 1900 to 9999, not {year}");
    }
    let target = &args.dir;
    refuse_non_empty(target, organisation)?;
    let date = if year == today.year() {
        today
    } else {
        NaiveDate::from_ymd_opt(year, today.month(), today.day().min(28)).unwrap_or(today)
    };
    let unit = args.unit.as_deref().map(str::trim).filter(|u| !u.is_empty());
    let files = scaffold(organisation, unit, year, date)?;
    write_whole(target, year, &files)?;

    // What was written must load like any report.
    load_with_history(&target.join(year.to_string()))?;
    print_next_steps(target, year);
    Ok(())
}

/// An error unless `target` is missing or an empty folder: init never writes over anything.
fn refuse_non_empty(target: &Path, organisation: &str) -> Result<()> {
    if !target.exists() {
        return Ok(());
    }
    let empty = target.is_dir()
        && fs::read_dir(target)
            .with_context(|| format!("failed to read `{}`", target.display()))?
            .next()
            .is_none();
    if !empty {
        bail!(
            "`{}` already exists and is not empty; ledgen init only writes into a new or \
             empty folder\nhint: pick another folder name, e.g. `ledgen init ledningens-genomgang \
             --organisation \"{organisation}\"`",
            target.display()
        );
    }
    Ok(())
}

/// Writes `files` into a hidden sibling folder, then renames it into place. An existing empty
/// folder (perhaps the current one) stays, and the staged entries move into it.
fn write_whole(target: &Path, year: i32, files: &[(String, String)]) -> Result<()> {
    let existing = target.exists();
    let staging = staged(target, existing, files)?;
    if existing {
        // Each top-level entry (the year, `schema/`, `_brand.yml`) appears whole.
        let entries = [year.to_string(), "schema".into(), "_brand.yml".into()];
        for name in &entries {
            let to = target.join(name);
            fs::rename(staging.path().join(name), &to)
                .with_context(|| format!("failed to create `{}`", to.display()))?;
        }
    } else {
        let staged = staging.keep();
        if let Err(error) = fs::rename(&staged, target) {
            let _ = fs::remove_dir_all(&staged);
            return Err(error).with_context(|| format!("failed to create `{}`", target.display()));
        }
    }
    Ok(())
}

/// A hidden folder beside `target` (beside the folder it resolves to, when it exists) holding
/// `files`; it is removed when dropped.
fn staged(target: &Path, existing: bool, files: &[(String, String)]) -> Result<tempfile::TempDir> {
    let parent = if existing {
        let real = ledgen::paths::real(target)
            .with_context(|| format!("failed to read `{}`", target.display()))?;
        real.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    } else {
        match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    fs::create_dir_all(&parent)
        .with_context(|| format!("failed to create `{}`", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".ledgen-init-")
        .tempdir_in(&parent)
        .with_context(|| format!("failed to create a folder in `{}`", parent.display()))?;
    for (name, text) in files {
        let path = staging.path().join(name);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)
                .with_context(|| format!("failed to create `{}`", folder.display()))?;
        }
        fs::write(&path, text).with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    Ok(staging)
}

/// Tells a first-time user what was made and what to do next, in plain words.
fn print_next_steps(dir: &Path, year: i32) {
    let shown = dir.display();
    let content =
        if dir == Path::new("content") { String::new() } else { format!(" --content {shown}") };
    println!("Created a first review for {year} in `{shown}`:");
    let width = shown.to_string().chars().count() + 12;
    let rows = [
        (format!("{shown}/{year}/"), "the review: report.yaml and one file per section"),
        (format!("{shown}/schema/"), "lets your editor check the files as you type"),
        (format!("{shown}/_brand.yml"), "your organisation's name, logo, colours and fonts"),
    ];
    for (path, what) in rows {
        println!("  {path:<width$} {what}");
    }
    println!();
    println!("Next steps:");
    println!(
        "  1. Open the folder `{shown}` in an editor that understands YAML, e.g. Visual Studio \
         Code with the \"YAML\" extension by Red Hat. It marks mistakes as you type."
    );
    println!(
        "  2. Replace every text that starts with \"Att fylla i:\" with your own. \
         `ledgen check{content}` lists those left, with file and line."
    );
    println!("  3. `ledgen build{content}` makes the PDF and the web page, in `output/{year}/`.");
    println!(
        "  4. `ledgen build{content} --public` makes the edition without what is marked \
         `intern: true`, for publishing."
    );
    println!(
        "  Next year, `ledgen new {}{content}` starts the new review from this one.",
        year + 1
    );
}
