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
use ledgen::tr;

/// Runs `ledgen init`.
pub fn run(args: &InitArgs) -> Result<()> {
    let organisation = args.organisation.trim();
    if organisation.is_empty() {
        bail!(tr!("init-organisation-empty"));
    }
    let today = Local::now().date_naive();
    let year = args.year.unwrap_or(today.year());
    if !(1900..=9999).contains(&year) {
        bail!(tr!("init-year-out-of-range", year = year.to_string()));
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
            .with_context(|| tr!("cmd-failed-read", path = target.display().to_string()))?
            .next()
            .is_none();
    if !empty {
        bail!(
            "{}\n{}: {}",
            tr!("init-folder-not-empty", path = target.display().to_string()),
            tr!("note-hint"),
            tr!("init-folder-not-empty-hint", organisation = organisation),
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
                .with_context(|| tr!("cmd-failed-create", path = to.display().to_string()))?;
        }
    } else {
        super::rename_into_place(staging, target)?;
    }
    Ok(())
}

/// A hidden folder beside `target` (beside the folder it resolves to, when it exists) holding
/// `files`; it is removed when dropped.
fn staged(target: &Path, existing: bool, files: &[(String, String)]) -> Result<tempfile::TempDir> {
    let parent = if existing {
        let real = ledgen::paths::real(target)
            .with_context(|| tr!("cmd-failed-read", path = target.display().to_string()))?;
        real.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    } else {
        match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    fs::create_dir_all(&parent)
        .with_context(|| tr!("cmd-failed-create", path = parent.display().to_string()))?;
    let staging = super::staging_folder(&parent, ".ledgen-init-")?;
    super::write_files(staging.path(), files)?;
    Ok(staging)
}

/// Tells a first-time user what was made and what to do next, in plain words.
fn print_next_steps(dir: &Path, year: i32) {
    let shown = dir.display();
    let content =
        if dir == Path::new("content") { String::new() } else { format!(" --content {shown}") };
    println!("{}", tr!("init-created", year = year.to_string(), path = shown.to_string()));
    let width = shown.to_string().chars().count() + 12;
    let rows = [
        (format!("{shown}/{year}/"), tr!("init-created-year")),
        (format!("{shown}/schema/"), tr!("init-created-schema")),
        (format!("{shown}/_brand.yml"), tr!("init-created-brand")),
    ];
    for (path, what) in rows {
        println!("  {path:<width$} {what}");
    }
    println!();
    let shown = shown.to_string();
    let year_text = year.to_string();
    println!("{}", tr!("init-next-steps"));
    println!("  {}", tr!("init-step-editor", path = shown));
    println!("  {}", tr!("init-step-fill-in", content = content.as_str()));
    println!("  {}", tr!("init-step-build", content = content.as_str(), year = year_text));
    println!("  {}", tr!("init-step-public", content = content.as_str()));
    println!(
        "  {}",
        tr!("init-next-year", year = (year + 1).to_string(), content = content.as_str())
    );
}
