//! Resolving paths for every stage: the real path of a file or folder, in the form its user
//! knows. On Windows the standard library resolves `C:\Rapporter` to `\\?\C:\Rapporter` (a
//! "verbatim" path, which skips the usual parsing); shown in a message, that prefix only puzzles
//! the user, and some programs a path is handed to cannot open it. So, as rustc and cargo do
//! through the `dunce` crate, a verbatim path goes back to its ordinary form whenever that form
//! means the same file.

use std::io;
use std::path::{Path, PathBuf};

/// The real path of `path` (links followed, `.` and `..` gone), as [`Path::canonicalize`], but
/// on Windows without the `\\?\` prefix where the path reads the same without it.
pub fn real(path: &Path) -> io::Result<PathBuf> {
    let real = path.canonicalize()?;
    if cfg!(windows)
        && let Some(simple) = real.to_str().and_then(without_verbatim_prefix)
    {
        return Ok(PathBuf::from(simple));
    }
    Ok(real)
}

/// The ordinary form of a Windows verbatim path (`\\?\C:\a` → `C:\a`, `\\?\UNC\server\share\a`
/// → `\\server\share\a`), or `None` when there is none that means the same: the path is too
/// long for the ordinary form, or a component would be read differently without the prefix
/// (a reserved device name such as `CON` or `nul.txt`, a trailing dot or space, a `/`).
pub fn without_verbatim_prefix(path: &str) -> Option<String> {
    // MAX_PATH, with the terminating NUL.
    const MAX_PATH: usize = 260;
    let rest = path.strip_prefix(r"\\?\")?;
    let (simple, components) = if let Some(unc) = rest.strip_prefix(r"UNC\") {
        (format!(r"\\{unc}"), unc)
    } else {
        let bytes = rest.as_bytes();
        let drive = bytes.len() >= 3
            && bytes[0].is_ascii_alphabetic()
            && bytes[1] == b':'
            && bytes[2] == b'\\';
        if !drive {
            return None;
        }
        (rest.to_owned(), &rest[3..])
    };
    let plain = |component: &str| {
        !component.is_empty()
            && !component.ends_with(['.', ' '])
            && !component.contains(['/', ':', '*', '?', '"', '<', '>', '|'])
            && !is_reserved_name(component)
    };
    // A root (`C:\`) has no component; a folder may end in a backslash.
    let components = components.strip_suffix('\\').unwrap_or(components);
    let ok =
        simple.len() < MAX_PATH && (components.is_empty() || components.split('\\').all(plain));
    ok.then_some(simple)
}

/// Whether Windows reads a file name as a device (`CON`, `prn.txt`, `COM1`, `LPT9.pdf`): the
/// part before the first dot, trailing spaces left out, is a reserved name, in any case.
pub fn is_reserved_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ').to_ascii_uppercase();
    match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => stem
            .strip_prefix("COM")
            .or_else(|| stem.strip_prefix("LPT"))
            .is_some_and(|digit| matches!(digit.as_bytes(), [b'1'..=b'9'])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verbatim_drive_path_loses_its_prefix() {
        assert_eq!(
            without_verbatim_prefix(r"\\?\C:\Users\Åsa\Ledningens genomgång\2024").as_deref(),
            Some(r"C:\Users\Åsa\Ledningens genomgång\2024")
        );
        assert_eq!(without_verbatim_prefix(r"\\?\d:\").as_deref(), Some(r"d:\"));
    }

    #[test]
    fn a_verbatim_unc_path_becomes_a_network_path() {
        assert_eq!(
            without_verbatim_prefix(r"\\?\UNC\filserver\isam\content").as_deref(),
            Some(r"\\filserver\isam\content")
        );
    }

    #[test]
    fn a_path_that_reads_differently_without_the_prefix_keeps_it() {
        for path in [
            r"\\?\C:\rapporter\CON",
            r"\\?\C:\rapporter\nul.txt",
            r"\\?\C:\rapporter\com1.pdf",
            r"\\?\C:\rapporter\slut.",
            r"\\?\C:\rapporter\slut \x",
            r"\\?\C:\a/b",
            r"\\?\Volume{0b1c}\x",
            r"\\?\GLOBALROOT\Device\x",
        ] {
            assert_eq!(without_verbatim_prefix(path), None, "{path}");
        }
        let long = format!(r"\\?\C:\{}", "a".repeat(300));
        assert_eq!(without_verbatim_prefix(&long), None);
    }

    #[test]
    fn a_path_without_the_prefix_is_left_alone() {
        assert_eq!(without_verbatim_prefix(r"C:\a"), None);
        assert_eq!(without_verbatim_prefix("/home/a"), None);
    }

    #[test]
    fn reserved_device_names_are_recognised_in_any_case_and_with_an_extension() {
        for name in ["CON", "con", "Aux.yaml", "NUL.tar.gz", "com1", "LPT9.pdf", "prn "] {
            assert!(is_reserved_name(name), "{name}");
        }
        for name in ["console", "com0", "com10", "lpt", "lptå", "report.yaml", "nul-rapport.pdf"] {
            assert!(!is_reserved_name(name), "{name}");
        }
    }

    #[test]
    fn real_resolves_as_canonicalize_does_on_this_system() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        let expected = dir.path().join("a").canonicalize().unwrap();
        let got = real(&dir.path().join("a").join("..").join("a")).unwrap();
        if cfg!(windows) {
            assert_eq!(got.to_str().and_then(without_verbatim_prefix), None);
        } else {
            assert_eq!(got, expected);
        }
    }
}
