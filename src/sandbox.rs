//! Reading files a report names (content, registers, images, brand assets, template overrides,
//! files a template reads): one rule for all of them. A file must resolve, symbolic links
//! followed, to a regular file inside its root folder, and is read only up to a size limit, so
//! that no content can make ledgen read a file from elsewhere, hang on a pipe, or fill memory.
//! Each caller words the refusal for its users from the typed [`ReadError`].

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use crate::tr;

/// A root folder files are read from, resolved once.
#[derive(Clone, Debug)]
pub(crate) struct Sandbox {
    root: PathBuf,
}

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Nothing is at the path.
    NotFound(io::Error),
    /// The path could not be resolved for another reason (permissions, a loop of links).
    Unresolved(io::Error),
    /// The path resolves, through `..` or a symbolic link, to this file outside the root.
    Outside(PathBuf),
    /// The path is a folder.
    IsDirectory,
    /// The path is neither a file nor a folder (a pipe, a device, a socket).
    NotAFile,
    /// The file holds this many bytes (at least), more than the limit.
    TooLarge(u64),
    /// The file could not be read.
    Io(io::Error),
}

impl Sandbox {
    /// A sandbox over `root`, resolved now; fails when the root cannot be resolved.
    pub(crate) fn new(root: &Path) -> io::Result<Sandbox> {
        Ok(Sandbox { root: crate::paths::real(root)? })
    }

    /// A sandbox over `root`, or over the path as given when it cannot be resolved (then
    /// nothing resolves inside it, and every read fails).
    pub(crate) fn lenient(root: &Path) -> Sandbox {
        Sandbox::new(root).unwrap_or_else(|_| Sandbox { root: root.to_path_buf() })
    }

    /// The resolved root.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The real path of `path`, if it lies inside the root.
    pub(crate) fn resolve(&self, path: &Path) -> Result<PathBuf, ReadError> {
        // On Windows `CON`, `nul.png` or `COM1` name a device in any folder, and opening one to
        // resolve it would read the console or a port: refused before anything is opened.
        if cfg!(windows) && names_a_device(path) {
            return Err(ReadError::NotAFile);
        }
        let real = crate::paths::real(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound(e),
            _ => ReadError::Unresolved(e),
        })?;
        if real.starts_with(&self.root) { Ok(real) } else { Err(ReadError::Outside(real)) }
    }

    /// The bytes of the regular file at `path`, inside the root, of at most `limit` bytes.
    pub(crate) fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        let real = self.resolve(path)?;
        let metadata = fs::metadata(&real).map_err(ReadError::Io)?;
        if metadata.is_dir() {
            return Err(ReadError::IsDirectory);
        }
        if !metadata.is_file() {
            return Err(ReadError::NotAFile);
        }
        if metadata.len() > limit {
            return Err(ReadError::TooLarge(metadata.len()));
        }
        // Read at most one byte more than allowed, in case the file grew since it was measured.
        let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
        fs::File::open(&real)
            .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
            .map_err(ReadError::Io)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge(bytes.len() as u64));
        }
        Ok(bytes)
    }
}

/// Whether a component of `path` is a name Windows reserves for a device.
fn names_a_device(path: &Path) -> bool {
    path.components().any(|c| c.as_os_str().to_str().is_some_and(crate::paths::is_reserved_name))
}

/// Reads a template override `path` from the report's templates folder `dir`: UTF-8 text of at
/// most `limit` bytes, inside the folder.
pub(crate) fn read_template(dir: &Path, path: &Path, limit: u64) -> anyhow::Result<String> {
    use anyhow::{Context as _, bail};
    let failed = || tr!("sandbox-cannot-read-template", path = path.display().to_string());
    let sandbox = Sandbox::new(dir)
        .with_context(|| tr!("sandbox-cannot-read", path = dir.display().to_string()))?;
    let bytes = match sandbox.read(path, limit) {
        Ok(bytes) => bytes,
        Err(ReadError::Outside(real)) => bail!(tr!(
            "sandbox-template-link-outside",
            path = path.display().to_string(),
            target = real.display().to_string()
        )),
        Err(ReadError::IsDirectory | ReadError::NotAFile | ReadError::TooLarge(_)) => bail!(tr!(
            "sandbox-template-not-a-file",
            path = path.display().to_string(),
            limit = limit / 1024
        )),
        Err(ReadError::NotFound(e) | ReadError::Unresolved(e) | ReadError::Io(e)) => {
            return Err(e).with_context(failed);
        }
    };
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, tr!("sandbox-template-not-utf8")))
        .with_context(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_inside_the_root() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "hej").unwrap();
        let sandbox = Sandbox::new(dir.path()).unwrap();
        assert_eq!(sandbox.read(&dir.path().join("a.txt"), 10).unwrap(), b"hej");
    }

    #[test]
    fn refuses_a_path_out_of_the_root() {
        let outer = tempfile::tempdir().unwrap();
        fs::create_dir(outer.path().join("root")).unwrap();
        fs::write(outer.path().join("secret.txt"), "x").unwrap();
        let sandbox = Sandbox::new(&outer.path().join("root")).unwrap();
        let escaped = outer.path().join("root/../secret.txt");
        assert!(matches!(sandbox.read(&escaped, 10), Err(ReadError::Outside(_))));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_link_out_of_the_root() {
        let outer = tempfile::tempdir().unwrap();
        fs::create_dir(outer.path().join("root")).unwrap();
        fs::write(outer.path().join("secret.txt"), "x").unwrap();
        let link = outer.path().join("root/link.txt");
        std::os::unix::fs::symlink(outer.path().join("secret.txt"), &link).unwrap();
        let sandbox = Sandbox::new(&outer.path().join("root")).unwrap();
        assert!(matches!(sandbox.read(&link, 10), Err(ReadError::Outside(_))));
    }

    #[test]
    fn windows_device_names_are_told_apart_from_file_names() {
        assert!(names_a_device(Path::new(r"content/2024/CON")));
        assert!(names_a_device(Path::new("content/2024/bilder/nul.png")));
        assert!(names_a_device(Path::new("content/aux/logo.svg")));
        assert!(!names_a_device(Path::new("content/2024/bilder/console.png")));
    }

    #[test]
    fn refuses_a_folder_a_missing_file_and_a_file_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("big.txt"), "0123456789").unwrap();
        let sandbox = Sandbox::new(dir.path()).unwrap();
        assert!(matches!(sandbox.read(&dir.path().join("sub"), 10), Err(ReadError::IsDirectory)));
        assert!(matches!(sandbox.read(&dir.path().join("no"), 10), Err(ReadError::NotFound(_))));
        assert!(matches!(
            sandbox.read(&dir.path().join("big.txt"), 9),
            Err(ReadError::TooLarge(10))
        ));
        assert_eq!(sandbox.read(&dir.path().join("big.txt"), 10).unwrap().len(), 10);
    }

    #[cfg(unix)]
    #[test]
    fn a_template_override_is_read_from_its_folder_only() {
        let outer = tempfile::tempdir().unwrap();
        let dir = outer.path().join("templates");
        fs::create_dir(&dir).unwrap();
        fs::write(dir.join("report.html.tera"), "<p>{{ title }}</p>").unwrap();
        fs::write(outer.path().join("secret.tera"), "x").unwrap();
        std::os::unix::fs::symlink(outer.path().join("secret.tera"), dir.join("link.tera"))
            .unwrap();
        fs::write(dir.join("big.tera"), "x".repeat(2048)).unwrap();
        let read = |name: &str| read_template(&dir, &dir.join(name), 1024);
        assert_eq!(read("report.html.tera").unwrap(), "<p>{{ title }}</p>");
        let link = read("link.tera").unwrap_err().to_string();
        assert!(link.contains("outside the report's templates folder"), "{link}");
        let big = read("big.tera").unwrap_err().to_string();
        assert!(big.contains("not a regular file of at most 1 KiB"), "{big}");
    }

    #[test]
    fn a_template_that_is_no_file_is_told_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        let read = |language| {
            in_language(language, || {
                let sub = dir.path().join("sub");
                let error = read_template(dir.path(), &sub, 2048).unwrap_err().to_string();
                error.replace(&sub.display().to_string(), "sub")
            })
        };
        assert_eq!(read(UiLanguage::En), "template `sub` is not a regular file of at most 2 KiB");
        assert_eq!(read(UiLanguage::Sv), "mallen `sub` är inte en vanlig fil på högst 2 KiB");
    }
}
