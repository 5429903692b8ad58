//! Write stage: files are written to a temporary file in the destination folder and renamed into
//! place, so a reader (or a crash) never sees a half-written output, and a failed build leaves
//! the previous outputs untouched.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tempfile::NamedTempFile;

/// Prefix of temporary files; they start with a dot so they are never mistaken for outputs.
const TEMP_PREFIX: &str = ".ledgen-";

/// Writes every file, or none: all contents go to temporary files first, and only when every
/// one of them is complete are they renamed over their destinations.
pub fn write_all_atomically(files: &[(PathBuf, &[u8])]) -> Result<()> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push((path, stage(path, bytes)?));
    }
    for (path, temp) in staged {
        temp.persist(path)
            .map_err(|e| e.error)
            .with_context(|| format!("failed to write `{}`", path.display()))?;
    }
    Ok(())
}

/// Writes one file atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_all_atomically(&[(path.to_path_buf(), bytes)])
}

/// Writes `bytes` to a synced temporary file beside `path`; dropped unpersisted, it is deleted.
fn stage(path: &Path, bytes: &[u8]) -> Result<NamedTempFile> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("failed to create `{}`", dir.display()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .with_context(|| format!("failed to create a temporary file in `{}`", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("failed to write `{}`", path.display()))?;
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leaving_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("out/a.pdf");
        let b = dir.path().join("out/b.html");
        write_all_atomically(&[(a.clone(), b"one"), (b.clone(), b"two")]).unwrap();
        write_atomically(&a, b"three").unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"three");
        assert_eq!(fs::read(&b).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path().join("out"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn failed_staging_leaves_earlier_files_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.pdf");
        fs::write(&a, b"old").unwrap();
        // The second destination's folder cannot be created: a file stands in its way.
        fs::write(dir.path().join("blocker"), b"").unwrap();
        let b = dir.path().join("blocker/b.html");
        assert!(write_all_atomically(&[(a.clone(), b"new"), (b, b"x")]).is_err());
        assert_eq!(fs::read(&a).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
