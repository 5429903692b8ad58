//! Load stage across years: a report with the years before it, and the check that every
//! `follows:` link names a recommendation of an earlier year.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Report;
use super::load::{Loaded, load_report};
use crate::diagnostics::{ContentError, Diagnostic, nearest};

/// A report, the report of the year before it (when there is one), and what loading found.
#[derive(Debug)]
pub struct WithHistory {
    /// The requested year's report and its warnings.
    pub loaded: Loaded,
    /// The newest earlier year's report, if any loads.
    pub previous: Option<Report>,
}

/// The years under a content folder that hold a `report.yaml`, in order. A year folder is named
/// by exactly four digits: `+2023` or `02023` would parse as 2023 and list a year twice.
pub fn years(content: &Path) -> Vec<i32> {
    let Ok(entries) = std::fs::read_dir(content) else { return Vec::new() };
    let mut years: Vec<i32> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("report.yaml").is_file())
        .filter_map(|e| year_folder(e.file_name().to_str()?))
        .collect();
    years.sort_unstable();
    years
}

/// The years of a content folder that several are built from together (`build --all`, the
/// overview): an error when the folder does not exist or holds no year.
pub fn content_years(content: &Path) -> anyhow::Result<Vec<i32>> {
    if !content.is_dir() {
        anyhow::bail!(crate::tr!("config-no-content-folder", path = content.display().to_string()));
    }
    let found = years(content);
    if found.is_empty() {
        anyhow::bail!(crate::tr!("years-no-year-folders", path = content.display().to_string()));
    }
    Ok(found)
}

/// The year a folder name stands for: exactly four ASCII digits.
pub fn year_folder(name: &str) -> Option<i32> {
    (name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit())).then(|| name.parse().ok())?
}

/// Whether the report in `dir` is marked `draft: true`, read from its `report.yaml` alone:
/// `build --all` asks it of every report before building any, so it must not load them whole.
/// A file that does not read or parse is not a draft, so that its build reports the error.
pub fn is_draft(dir: &Path) -> bool {
    #[derive(serde::Deserialize)]
    struct Draft {
        #[serde(default)]
        draft: bool,
    }
    std::fs::read_to_string(dir.join("report.yaml"))
        .ok()
        .and_then(|text| serde_saphyr::from_str::<Draft>(&text).ok())
        .is_some_and(|report| report.draft)
}

/// Folders under `content` with a `report.yaml` whose names look like a year but are not
/// exactly four digits (`+2023`, `02023`, ` 2023`), which [`years`] leaves out.
pub fn ignored_year_folders(content: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(content) else { return Vec::new() };
    let mut ignored: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("report.yaml").is_file())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            year_folder(&name).is_none() && name.trim().parse::<i32>().is_ok()
        })
        .map(|e| e.path())
        .collect();
    ignored.sort();
    ignored
}

/// Loads the report in `dir` (a year folder under `content`) and the earlier years beside it,
/// and checks its `follows:` links against them.
pub fn load_with_history(dir: &Path) -> Result<WithHistory, ContentError> {
    load_with_history_and_brand(dir, None)
}

/// [`load_with_history`] with the brand file `brand` in place of the one the lookup finds, when
/// given (see [`super::load_report_with_brand`]).
pub fn load_with_history_and_brand(
    dir: &Path,
    brand: Option<&Path>,
) -> Result<WithHistory, ContentError> {
    let content = dir.parent().unwrap_or(Path::new("."));
    // The earlier years load beside this one (most of a load is parsing YAML).
    let (loaded, others) = rayon::join(
        || {
            let mut loaded = super::load_report_with_brand(dir, brand)?;
            loaded.warnings.extend(super::lint(&loaded.report, &loaded.sources));
            Ok::<_, ContentError>(loaded)
        },
        || {
            let mut years = years(content);
            // Only those before this one; the folder's own year is not known until it loads,
            // but its name says it (a mismatch is an error of the load).
            if let Some(year) = dir.file_name().and_then(|n| year_folder(n.to_str()?)) {
                years.retain(|y| *y < year);
            }
            years
                .into_par_iter()
                .map(|y| {
                    let path = content.join(y.to_string());
                    (y, path.clone(), load_report(&path))
                })
                .collect::<Vec<_>>()
        },
    );
    let mut loaded = loaded?;
    let year = loaded.report.year();
    let mut earlier: Vec<Report> = Vec::new();
    for (y, path, result) in others.into_iter().filter(|(y, _, _)| *y < year) {
        match result {
            Ok(l) => earlier.push(l.report),
            Err(_) => loaded.warnings.push(
                Diagnostic::file_error(
                    &path.join("report.yaml"),
                    crate::tr!("years-earlier-report-does-not-load", year = y.to_string()),
                )
                .warning()
                .with_hint(crate::tr!("years-run-check-to-see-why", year = y.to_string())),
            ),
        }
    }
    let reused = reused_ids(&loaded, &earlier);
    loaded.warnings.extend(reused);
    let errors = check_follows(&loaded, &earlier, content);
    if !errors.is_empty() {
        return Err(ContentError { diagnostics: errors });
    }
    let previous = earlier.pop();
    Ok(WithHistory { loaded, previous })
}

/// Warnings for an id of an earlier year used for an item whose text has nothing in common with
/// that year's item of the id: the comparison would report it as the same item, remaining
/// ("kvarstår"), when it is most likely a new one given an old id.
fn reused_ids(loaded: &Loaded, earlier: &[Report]) -> Vec<Diagnostic> {
    // The latest earlier text of each id: a recommendation's text, a row's first cell.
    let mut texts: HashMap<&str, (i32, &str)> = HashMap::new();
    for old in earlier {
        for (_, rec) in old.recommendations() {
            texts.insert(&rec.id.value, (old.year(), &rec.text.text));
        }
        for (_, row) in old.status_rows() {
            if let Some(cell) = row.cells.value.first() {
                texts.insert(&row.id.value, (old.year(), &cell.text));
            }
        }
    }
    let report = &loaded.report;
    let mut items: Vec<(&Path, &serde_saphyr::Spanned<String>, &str, &str)> = Vec::new();
    for (section, rec) in report.recommendations() {
        items.push((&section.path, &rec.id, &rec.text.text, "recommendation"));
    }
    for (section, row) in report.status_rows() {
        if let Some(cell) = row.cells.value.first() {
            items.push((&section.path, &row.id, &cell.text, "row"));
        }
    }
    let mut out = Vec::new();
    for (path, id, text, what) in items {
        let Some(&(year, old_text)) = texts.get(id.value.as_str()) else { continue };
        if shares_a_word(text, old_text) {
            continue;
        }
        out.push(
            Diagnostic::at(
                path,
                loaded.sources.text(path),
                id.referenced.line() as usize,
                id.referenced.column() as usize,
                crate::tr!(
                    "years-reused-id",
                    what = what,
                    id = id.value.clone(),
                    year = year.to_string(),
                    words = super::first_words(old_text, 10)
                ),
            )
            .warning()
            .with_hint(crate::tr!(
                "years-reused-id-hint",
                what = what,
                id = id.value.clone()
            )),
        );
    }
    out
}

/// Whether two texts share a word of four letters or more (case ignored).
fn shares_a_word(a: &str, b: &str) -> bool {
    let words = |text: &str| -> std::collections::HashSet<String> {
        super::plain_words(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    !words(a).is_disjoint(&words(b))
}

/// Every `follows:` (of a row or a recommendation) must name a recommendation of an earlier year.
fn check_follows(loaded: &Loaded, earlier: &[Report], content: &Path) -> Vec<Diagnostic> {
    let report = &loaded.report;
    let mut known: HashMap<String, i32> = HashMap::new();
    for old in earlier {
        for (_, rec) in old.recommendations() {
            known.insert(rec.id.value.clone(), old.year());
        }
    }
    // Every `follows:` with the file it is written in: rows', then recommendations'.
    let mut links: Vec<(&Path, &serde_saphyr::Spanned<String>, &str)> = Vec::new();
    for (section, row) in report.status_rows() {
        if let Some(follows) = &row.follows {
            links.push((&section.path, follows, "row"));
        }
    }
    for (section, rec) in report.recommendations() {
        if let Some(follows) = &rec.follows {
            links.push((&section.path, follows, "recommendation"));
        }
    }
    let mut errors = Vec::new();
    for (path, follows, what) in links {
        if known.contains_key(&follows.value) {
            continue;
        }
        let mut d = Diagnostic::at(
            path,
            loaded.sources.text(path),
            follows.referenced.line() as usize,
            follows.referenced.column() as usize,
            crate::tr!(
                "years-follows-unknown",
                what = what,
                id = follows.value.clone(),
                path = content.display().to_string()
            ),
        );
        if let Some(hint) = nearest(&follows.value, known.keys().map(String::as_str)) {
            d = d.with_hint(crate::tr!(
                "years-did-you-mean-recommendation",
                id = hint,
                year = known[hint].to_string()
            ));
        } else if earlier.is_empty() {
            d = d.with_remark(crate::tr!(
                "years-no-earlier-year",
                year = report.year().to_string(),
                path = content.display().to_string()
            ));
        }
        errors.push(d);
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_known_from_its_report_yaml_alone() {
        let dir = tempfile::tempdir().unwrap();
        let report = |name: &str, text: &str| {
            let folder = dir.path().join(name);
            std::fs::create_dir(&folder).unwrap();
            std::fs::write(folder.join("report.yaml"), text).unwrap();
            folder
        };
        let draft = report("draft", "organisation: A\nyear: 2024\ndraft: true\nsections: [x]\n");
        // A draft still being written may have errors elsewhere; it is still a draft.
        std::fs::write(draft.join("x.yaml"), "title: [oops\n").unwrap();
        assert!(is_draft(&draft));
        assert!(!is_draft(&report("adopted", "organisation: A\nyear: 2024\ndraft: false\n")));
        assert!(!is_draft(&report("unmarked", "organisation: A\nyear: 2024\n")));
        // What does not parse is not a draft: its build reports the error.
        assert!(!is_draft(&report("broken", "organisation: [A\ndraft: true\n")));
        assert!(!is_draft(&dir.path().join("missing")));
    }

    #[test]
    fn a_content_folder_without_years_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = content_years(&dir.path().join("saknas")).unwrap_err().to_string();
        assert!(missing.contains("it does not exist"), "{missing}");
        let empty = content_years(dir.path()).unwrap_err().to_string();
        assert!(empty.contains("expected folders named by year"), "{empty}");
        std::fs::create_dir(dir.path().join("2024")).unwrap();
        std::fs::write(dir.path().join("2024").join("report.yaml"), "").unwrap();
        assert_eq!(content_years(dir.path()).unwrap(), vec![2024]);
    }

    // Regression: `+2023` and `02023` were read as 2023, listing the year twice.
    #[test]
    fn only_four_digit_folders_are_years() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["2023", "+2023", "02023", "2024", "abcd", "202", "-202"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
            std::fs::write(dir.path().join(name).join("report.yaml"), "").unwrap();
        }
        assert_eq!(years(dir.path()), vec![2023, 2024]);
        let ignored: Vec<String> = ignored_year_folders(dir.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        assert_eq!(ignored, vec!["+2023", "-202", "02023", "202"]);
    }
}
