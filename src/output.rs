//! Write stage: files are written to a temporary file in the destination folder and renamed into
//! place, so a reader (or a crash) never sees a half-written output, and a failed build leaves
//! the previous outputs untouched.
//!
//! Outputs get the mode the user's umask gives (0644 under umask 022), like files any other
//! program writes, so that a copy to a web server is readable; tempfile's default is 0600.
//!
//! Temporary files and folders in flight are also removed when the process is interrupted
//! (Ctrl-C, SIGTERM, SIGHUP): a signal ends the process without running destructors, so without
//! a handler an interrupted build would leave `.ledgen-*` files beside the outputs.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use anyhow::{Context, Result};
use tempfile::NamedTempFile;

/// Prefix of temporary files; they start with a dot so they are never mistaken for outputs.
const TEMP_PREFIX: &str = ".ledgen-";

/// Exit code after an interrupt: 128 + SIGINT, as shells report it.
const INTERRUPTED: i32 = 130;

/// Temporary paths to remove if the process is interrupted. This is the one piece of global
/// state: the signal handler runs on its own thread and cannot reach the stacks that own the
/// temporary files.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary path registered for removal on interrupt; dropping it unregisters the path (the
/// owner then removes or renames it as usual).
#[must_use = "the path is only tracked while the guard lives"]
pub struct InFlight(PathBuf);

impl InFlight {
    /// Registers `path` (a file or a folder) for removal if the process is interrupted.
    pub fn track(path: &Path) -> InFlight {
        static HANDLER: Once = Once::new();
        HANDLER.call_once(|| {
            // Fails only if a handler is already installed; writing still works without one.
            let _ = ctrlc::set_handler(|| {
                remove_in_flight();
                std::process::exit(INTERRUPTED);
            });
        });
        lock().push(path.to_path_buf());
        InFlight(path.to_path_buf())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut paths = lock();
        if let Some(i) = paths.iter().rposition(|p| *p == self.0) {
            paths.swap_remove(i);
        }
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it intact: a poisoned lock is still usable.
    IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary path in flight (best effort: a path already renamed is gone).
fn remove_in_flight() {
    let paths: Vec<PathBuf> = lock().drain(..).collect();
    remove_all(&paths);
}

fn remove_all(paths: &[PathBuf]) {
    for path in paths {
        if path.is_dir() {
            let _ = fs::remove_dir_all(path);
        } else {
            let _ = fs::remove_file(path);
        }
    }
}

/// Writes every file, or none: all contents go to temporary files first, and only when every
/// one of them is complete are they renamed over their destinations.
pub fn write_all_atomically(files: &[(PathBuf, &[u8])]) -> Result<()> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push((path, stage(path, bytes)?));
    }
    for (path, (temp, _tracked)) in staged {
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
fn stage(path: &Path, bytes: &[u8]) -> Result<(NamedTempFile, InFlight)> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir).with_context(|| format!("failed to create `{}`", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    #[cfg(unix)]
    {
        // Created with 0666, the kernel applies the umask, as for any file a program creates.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(OUTPUT_MODE));
    }
    let mut temp = builder
        .tempfile_in(dir)
        .with_context(|| format!("failed to create a temporary file in `{}`", dir.display()))?;
    let tracked = InFlight::track(temp.path());
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("failed to write `{}`", path.display()))?;
    Ok((temp, tracked))
}

/// The mode outputs are created with, before the umask.
#[cfg(unix)]
const OUTPUT_MODE: u32 = 0o666;

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

    #[cfg(unix)]
    #[test]
    fn outputs_get_the_mode_of_any_new_file_not_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a.html");
        write_atomically(&out, b"x").unwrap();
        // A file created the ordinary way gets 0666 minus the umask.
        let probe = dir.path().join("probe");
        fs::File::create(&probe).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&probe));
    }

    #[test]
    fn tracked_paths_are_listed_until_dropped_and_removed_on_interrupt() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(".ledgen-file");
        let folder = dir.path().join(".ledgen-new-x");
        fs::write(&file, b"x").unwrap();
        fs::create_dir_all(folder.join("sub")).unwrap();
        let guard = InFlight::track(&file);
        assert!(lock().contains(&file));
        drop(guard);
        assert!(!lock().contains(&file));
        remove_all(&[file.clone(), folder.clone()]);
        assert!(!file.exists() && !folder.exists());
    }
}
