//! `ledgen new YEAR`: scaffold next year's content from an earlier year
//! ([`ledgen::scaffold::next_year`] says what the new year holds).
//!
//! The files are written to a hidden folder beside the years, checked as `ledgen check` checks a
//! year, and only then renamed into place: a scaffold that does not pass leaves nothing behind,
//! and an existing year is never overwritten.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::NewArgs;
use ledgen::model::{load_report, load_with_history, schema_modeline, years};
use ledgen::output::InFlight;
use ledgen::scaffold::next_year::{REVIEW_MARK_PLAIN, scaffold};
use ledgen::tr;

/// Runs `ledgen new`.
pub fn run(args: &NewArgs) -> Result<()> {
    ledgen::config::require_content_folder(&args.content)?;
    let target = args.content.join(args.year.to_string());
    if target.exists() {
        bail!(tr!("new-year-exists", path = target.display().to_string()));
    }
    let from = source_year(args)?;
    let source = load_report(&args.content.join(from.to_string()))?.report;
    let files = scaffold(&source, args.year)?;
    let rows = install(&args.content, &target, &files, &source.dir, &check)?;
    let marks: usize = files.iter().map(|(_, text)| review_lines(text)).sum();
    println!(
        "{}",
        tr!(
            "new-created",
            path = target.display().to_string(),
            from = from.to_string(),
            files = files.len(),
            rows = rows,
            followed = followed(&source),
        )
    );
    println!("{}", tr!("new-review-marks", count = marks, from = from.to_string()));
    // Name the content folder in the next commands unless it is the default one.
    let content = if args.content == Path::new("content") {
        String::new()
    } else {
        format!(" --content {}", args.content.display())
    };
    println!("{}", tr!("new-next", year = args.year.to_string(), content = content));
    Ok(())
}

/// What became of the source year's recommendations, as the board decided them.
fn followed(source: &ledgen::model::Report) -> String {
    use ledgen::model::Decision;
    let decided = |kind: Decision| {
        source
            .recommendations()
            .iter()
            .filter(|(_, r)| r.decision.as_ref().is_some_and(|d| d.value == kind))
            .count()
    };
    let (tabled, rejected) = (decided(Decision::Tabled), decided(Decision::Rejected));
    let followed = source.recommendations().len() - tabled - rejected;
    let mut text = tr!("new-to-follow-up", count = followed);
    if tabled > 0 {
        text.push_str(&tr!("new-tabled", count = tabled));
    }
    if rejected > 0 {
        text.push_str(&tr!("new-rejected", count = rejected));
    }
    text
}

/// The year to start from: `--from`, which must be an earlier year with a report, or else the
/// latest year before the new one.
fn source_year(args: &NewArgs) -> Result<i32> {
    let available = years(&args.content);
    Ok(match args.from {
        Some(year) if year >= args.year => bail!(tr!(
            "new-from-not-earlier",
            year = args.year.to_string(),
            from = year.to_string(),
        )),
        Some(year) if available.contains(&year) => year,
        Some(year) => {
            bail!(tr!(
                "new-from-missing",
                from = year.to_string(),
                folder = args.content.display().to_string(),
            ))
        }
        None => match available.iter().rev().find(|y| **y < args.year) {
            Some(year) => *year,
            None if available.is_empty() => bail!(
                "{}\n{}: {}",
                tr!(
                    "new-no-earlier-review",
                    folder = args.content.display().to_string(),
                    year = args.year.to_string(),
                ),
                tr!("note-hint"),
                tr!("new-no-earlier-review-hint"),
            ),
            None => bail!(tr!(
                "new-no-year-before",
                year = args.year.to_string(),
                folder = args.content.display().to_string(),
                earliest = available[0].to_string(),
            )),
        },
    })
}

/// The checks of `ledgen check` on a staged year; returns its number of status rows.
fn check(dir: &Path) -> Result<usize> {
    let loaded = load_with_history(dir)?;
    Ok(loaded.loaded.report.status_rows().len())
}

/// Number of lines of `text` holding a review marker.
fn review_lines(text: &str) -> usize {
    text.lines().filter(|l| l.contains(REVIEW_MARK_PLAIN)).count()
}

/// Writes `files` and the source year's other files (images, template overrides) into a hidden
/// folder under `content`, runs `validate` on it, and renames it to `target` only if it passes.
/// On any failure, or an interrupt, the hidden folder is removed.
fn install<T>(
    content: &Path,
    target: &Path,
    files: &[(String, String)],
    source_dir: &Path,
    validate: &dyn Fn(&Path) -> Result<T>,
) -> Result<T> {
    let staging = super::staging_folder(content, ".ledgen-new-")?;
    let _tracked = InFlight::track(staging.path());
    copy_assets(source_dir, staging.path())?;
    // Point editors at the schemas where the source year's files point them: the new year is
    // its sibling, so the same relative path holds (`ledgen init` puts `schema/` beside the
    // years, the repository one level further up).
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(name, text)| {
            let schema =
                if name == "report.yaml" { "report.schema.json" } else { "section.schema.json" };
            (name.clone(), format!("{}\n{text}", modeline_like(source_dir, schema)))
        })
        .collect();
    super::write_files(staging.path(), &files)?;
    let checked = validate(staging.path())
        .with_context(|| tr!("new-scaffold-fails-check", path = target.display().to_string()))?;
    super::rename_into_place(staging, target)?;
    Ok(checked)
}

/// Copies what a year folder holds besides its YAML files (images, template overrides, notes)
/// into `to`, keeping relative paths; hidden files and outputs (`output/`, PDF, HTML, Typst)
/// stay behind.
fn copy_assets(from: &Path, to: &Path) -> Result<()> {
    let skip = |name: &str, ext: &str| {
        name.starts_with('.')
            || name == "output"
            || ["yaml", "yml", "pdf", "html", "typ"].contains(&ext)
    };
    copy_tree(from, to, &skip)
}

/// Copies a folder's files, links and subfolders, but those `skip` names (by file name and
/// lower-case extension) at its top. Anything else (a named pipe, a device, a socket) is no
/// content: it is left behind with a warning, never opened (reading a pipe waits for a writer).
fn copy_tree(from: &Path, to: &Path, skip: &dyn Fn(&str, &str) -> bool) -> Result<()> {
    let failed_read = |path: &Path| tr!("cmd-failed-read", path = path.display().to_string());
    let entries = fs::read_dir(from).with_context(|| failed_read(from))?;
    for entry in entries {
        let entry = entry.with_context(|| failed_read(from))?;
        let name = entry.file_name();
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if skip(&name.to_string_lossy(), &ext) {
            continue;
        }
        let kind = entry.file_type().with_context(|| failed_read(&path))?;
        let dest = to.join(&name);
        let copied = if kind.is_dir() {
            fs::create_dir_all(&dest)
                .map_err(anyhow::Error::from)
                // Hidden files inside a subfolder were asked for by name.
                .and_then(|()| copy_tree(&path, &dest, &|_, _| false))
        } else if kind.is_symlink() {
            copy_link(&path, &dest)
        } else if kind.is_file() {
            fs::copy(&path, &dest).map(drop).map_err(anyhow::Error::from)
        } else {
            eprintln!(
                "{}: {}",
                tr!("severity-warning"),
                tr!("new-not-copied", path = path.display().to_string())
            );
            Ok(())
        };
        copied.with_context(|| tr!("cmd-failed-copy", path = path.display().to_string()))?;
    }
    Ok(())
}

/// A symbolic link is copied as a link (loading refuses one that leads out of the folder).
fn copy_link(from: &Path, to: &Path) -> Result<()> {
    #[cfg(unix)]
    std::os::unix::fs::symlink(fs::read_link(from)?, to)?;
    #[cfg(not(unix))]
    fs::copy(from, to)?;
    Ok(())
}
/// The editor modeline for a file pointing at `schema`, with the schema folder where the source
/// year's `report.yaml` has it; the repository's layout (`content/<year>` beside `schema/`) when
/// it has none.
fn modeline_like(source_dir: &Path, schema: &str) -> String {
    const PREFIX: &str = "# yaml-language-server: $schema=";
    let source = fs::read_to_string(source_dir.join("report.yaml")).unwrap_or_default();
    let folder = source
        .lines()
        .next()
        .and_then(|line| line.strip_prefix(PREFIX))
        .and_then(|path| path.trim().strip_suffix("report.schema.json"));
    match folder {
        Some(folder) => format!("{PREFIX}{folder}{schema}"),
        None => schema_modeline(schema, 2),
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    // `new` in a folder made by `ledgen init` pointed editors at `../../schema/`, which is not
    // there: the modeline now follows the source year's.
    #[test]
    fn modeline_follows_the_source_years() {
        let dir = tempfile::tempdir().unwrap();
        let report = "# yaml-language-server: $schema=../schema/report.schema.json\nyear: 1\n";
        fs::write(dir.path().join("report.yaml"), report).unwrap();
        assert_eq!(
            modeline_like(dir.path(), "section.schema.json"),
            "# yaml-language-server: $schema=../schema/section.schema.json"
        );
        fs::write(dir.path().join("report.yaml"), "year: 1\n").unwrap();
        assert_eq!(
            modeline_like(dir.path(), "report.schema.json"),
            "# yaml-language-server: $schema=../../schema/report.schema.json"
        );
    }

    #[test]
    fn a_scaffold_that_fails_its_check_leaves_nothing_behind() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let source = load_report(&root.join("examples/exempelkommun/2024")).unwrap().report;
        let content = tempfile::tempdir().unwrap();
        let target = content.path().join("2025");
        let files = scaffold(&source, 2025).unwrap();
        let failing = |_: &Path| -> Result<()> { bail!("injected failure") };
        let error = install(content.path(), &target, &files, &source.dir, &failing).unwrap_err();
        assert!(format!("{error:#}").contains("injected failure"));
        assert_eq!(fs::read_dir(content.path()).unwrap().count(), 0, "a folder was left");
        // The same files pass when the check does.
        install(content.path(), &target, &files, &source.dir, &|_: &Path| Ok(())).unwrap();
        assert!(target.join("report.yaml").is_file());
        assert_eq!(fs::read_dir(content.path()).unwrap().count(), 1);
    }

    // Regression: `new` waited forever for a writer to a named pipe left in the year folder.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_left_behind_not_read() {
        let from = tempfile::tempdir().unwrap();
        let to = tempfile::tempdir().unwrap();
        fs::create_dir(from.path().join("bilder")).unwrap();
        fs::write(from.path().join("bilder/logo.png"), b"png").unwrap();
        for pipe in ["pipe", "bilder/pipe"] {
            let made = std::process::Command::new("mkfifo").arg(from.path().join(pipe)).status();
            assert!(made.unwrap().success(), "mkfifo failed");
        }
        copy_assets(from.path(), to.path()).unwrap();
        assert_eq!(fs::read(to.path().join("bilder/logo.png")).unwrap(), b"png");
        assert!(!to.path().join("pipe").exists() && !to.path().join("bilder/pipe").exists());
    }
}
