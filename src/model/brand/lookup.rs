//! Finding the brand file that applies to a report: in the report folder, the content folder,
//! or one folder above it, never past a repository's root.

use std::path::{Path, PathBuf};

use super::{FILE_NAME, LEVELS_ABOVE_CONTENT};

/// The brand file that applies to the report in `report_dir`: the first `_brand.yml` in the
/// report folder, the content folder above it, and [`LEVELS_ABOVE_CONTENT`] folder further
/// up, stopping at the first folder that holds `.git` (the repository's root).
///
/// The folders are those the user named, not those links lead to: a year folder that is a link
/// to another place takes the brand of the content folder it was named in, and the file found
/// is the file read.
pub fn find(report_dir: &Path) -> Option<PathBuf> {
    let named = std::path::absolute(report_dir).ok()?;
    for (level, dir) in named.ancestors().take(2 + LEVELS_ABOVE_CONTENT).enumerate() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(shown_path(report_dir, level).unwrap_or(candidate));
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// `report_dir`'s ancestor `level` folders up, joined with the file name, written the way the
/// user named the report folder when that can be done.
fn shown_path(report_dir: &Path, level: usize) -> Option<PathBuf> {
    let mut dir = report_dir;
    for _ in 0..level {
        dir = dir.parent().filter(|p| !p.as_os_str().is_empty())?;
        if dir.ends_with("..") || dir.ends_with(".") {
            return None;
        }
    }
    Some(dir.join(FILE_NAME))
}
