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

use crate::tr;

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
    // A file that another program holds open is found before any file is replaced, so that a
    // PDF open in a viewer does not leave a new HTML page beside the old PDF.
    for (path, _) in &staged {
        wait_until_replaceable(path)?;
    }
    for (path, (temp, _tracked)) in staged {
        persist(temp, path)?;
    }
    Ok(())
}

/// Waits a little for `path` to be free to replace, or fails as [`persist`] would.
fn wait_until_replaceable(path: &Path) -> Result<()> {
    let mut wait = FIRST_RETRY;
    for try_number in 1..=TRIES {
        match replaceable(path) {
            Err(e) if try_number < TRIES && held_open_code(&e).is_some() => {
                std::thread::sleep(wait);
                wait *= 2;
            }
            Err(e) if held_open_code(&e).is_some() => return Err(write_failed(path, e)),
            _ => return Ok(()),
        }
    }
    Ok(())
}

/// Whether `path`, if it exists, may be renamed over: on Windows, whether every program that
/// has it open allows that (opening it for deletion fails otherwise, as the rename would).
#[cfg(windows)]
fn replaceable(path: &Path) -> std::io::Result<()> {
    use std::os::windows::fs::OpenOptionsExt;
    /// The DELETE access right; FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE.
    const DELETE: u32 = 0x0001_0000;
    const SHARE_ALL: u32 = 7;
    fs::OpenOptions::new().access_mode(DELETE).share_mode(SHARE_ALL).open(path).map(drop)
}

/// Elsewhere a file is renamed over whoever has it open.
#[cfg(not(windows))]
fn replaceable(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// How often a rename that Windows refuses because another program has the destination open is
/// tried, and how long to wait before the first retry (doubled each time): a virus scanner or
/// the search indexer holds a new file for a moment, a PDF viewer for as long as it shows it.
const TRIES: u32 = 5;
const FIRST_RETRY: std::time::Duration = std::time::Duration::from_millis(50);

/// Renames the finished temporary file over `path`. When that fails, the destination keeps its
/// old contents and the temporary file is removed (dropped), so nothing is lost or half written.
fn persist(mut temp: NamedTempFile, path: &Path) -> Result<()> {
    let mut wait = FIRST_RETRY;
    for _ in 1..TRIES {
        match temp.persist(path) {
            Ok(_) => return Ok(()),
            Err(e) if held_open_code(&e.error).is_some() => {
                temp = e.file;
                std::thread::sleep(wait);
                wait *= 2;
            }
            Err(e) => return Err(write_failed(path, e.error)),
        }
    }
    temp.persist(path).map(drop).map_err(|e| write_failed(path, e.error))
}

/// The error for a destination that could not be replaced, with what to do when another
/// program holds it open.
fn write_failed(path: &Path, error: std::io::Error) -> anyhow::Error {
    if held_open_code(&error).is_some() {
        // One message, the system's reason inside it and the hint last, so that it reads the
        // same however the caller prints the chain.
        return anyhow::anyhow!(held_open_message(path, &error));
    }
    anyhow::Error::new(error).context(tr!("output-write-failed", path = path.display().to_string()))
}

/// The Windows error code when `error` says another program has the file open (Windows, unlike
/// Unix, refuses to replace a file that a program opened without allowing it): a sharing or lock
/// violation, or access denied, which is what a rename over such a file reports.
fn held_open_code(error: &std::io::Error) -> Option<i32> {
    /// ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
    const HELD_OPEN: [i32; 3] = [5, 32, 33];
    error.raw_os_error().filter(|code| cfg!(windows) && HELD_OPEN.contains(code))
}

/// What the user is told when `path` is open in another program.
fn held_open_message(path: &Path, reason: &std::io::Error) -> String {
    let name =
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.display().to_string());
    let is_pdf = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let what = if is_pdf { tr!("output-held-open-the-pdf") } else { format!("`{name}`") };
    tr!(
        "output-held-open",
        path = path.display().to_string(),
        reason = reason.to_string(),
        what = what
    )
}

/// Writes one file atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_all_atomically(&[(path.to_path_buf(), bytes)])
}

/// Writes `bytes` to a synced temporary file beside `path`; dropped unpersisted, it is deleted.
fn stage(path: &Path, bytes: &[u8]) -> Result<(NamedTempFile, InFlight)> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir)
        .with_context(|| tr!("output-create-failed", path = dir.display().to_string()))?;
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
        .with_context(|| tr!("output-temp-failed", path = dir.display().to_string()))?;
    let tracked = InFlight::track(temp.path());
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| tr!("output-write-failed", path = path.display().to_string()))?;
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
    fn a_file_held_open_names_what_to_close() {
        let denied = std::io::Error::from_raw_os_error(5);
        let pdf = Path::new(r"C:\Rapporter\ut\2024\ledningens-genomgang-2024.PDF");
        let pdf = held_open_message(pdf, &denied);
        assert!(
            pdf.starts_with(r"cannot replace `C:\Rapporter\ut\2024\ledningens-genomgang-2024.PDF`"),
            "{pdf}"
        );
        assert!(pdf.ends_with("hint: close the PDF in your viewer and build again"), "{pdf}");
        let html = held_open_message(Path::new("ut/2024/ledningens-genomgang-2024.html"), &denied);
        assert!(
            html.ends_with("hint: close `ledningens-genomgang-2024.html` and build again"),
            "{html}"
        );
    }

    #[test]
    fn a_file_held_open_is_told_in_swedish_too() {
        use crate::locale::{UiLanguage, in_language};
        let denied = std::io::Error::other("nekad");
        let pdf = Path::new("ut/rapport.pdf");
        let sv = in_language(UiLanguage::Sv, || held_open_message(pdf, &denied));
        assert_eq!(
            sv,
            "kan inte ersätta `ut/rapport.pdf`: ett annat program har den öppen (nekad); \
             filen är oförändrad\ntips: stäng PDF-filen i visningsprogrammet och bygg igen"
        );
        let en = in_language(UiLanguage::En, || held_open_message(pdf, &denied));
        assert_eq!(
            en,
            "cannot replace `ut/rapport.pdf`: another program has it open (nekad); \
             the file is unchanged\nhint: close the PDF in your viewer and build again"
        );
    }

    #[test]
    fn only_windows_reads_access_denied_as_a_file_held_open() {
        let denied = std::io::Error::from_raw_os_error(5);
        assert_eq!(held_open_code(&denied).is_some(), cfg!(windows));
        assert_eq!(held_open_code(&std::io::Error::other("x")), None);
    }

    /// Windows refuses to replace a file that a viewer opened without sharing deletion; the old
    /// file must stay whole, no temporary file may stay behind, and the message must say why.
    #[cfg(windows)]
    #[test]
    fn a_pdf_open_in_a_viewer_is_left_whole_with_a_message() {
        use std::os::windows::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("rapport.pdf");
        fs::write(&pdf, b"old").unwrap();
        // FILE_SHARE_READ only, as viewers open the file they show.
        let _viewer = fs::OpenOptions::new().read(true).share_mode(1).open(&pdf).unwrap();
        let error = format!("{:#}", write_atomically(&pdf, b"new").unwrap_err());
        assert!(error.contains("close the PDF in your viewer and build again"), "{error}");
        assert_eq!(fs::read(&pdf).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
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
