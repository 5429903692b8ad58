//! Compile stage: the Typst [`World`] of one report. It serves the generated source, the embedded
//! fonts and, read-only, regular files inside the report's folder; nothing else (no system fonts,
//! no packages, no paths outside the root, no links out of it, no devices or pipes, no network).
//! `today()` is the report's date, so builds are reproducible.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::diagnostics::DiagnosticWorld;

use super::CompileInput;
use super::fonts::Fonts;

/// Largest file a template may read from the report folder.
const MAX_READ_BYTES: u64 = 16 * 1024 * 1024;

/// The sandboxed world one report is compiled in.
pub struct ReportWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a Fonts,
    main: FileId,
    source: Source,
    source_name: String,
    root: PathBuf,
    /// The root as the user named it, e.g. `content/2023`, for messages.
    root_name: String,
    today: Datetime,
    /// Files served at virtual paths ahead of the report folder (the brand's logo).
    assets: Vec<(String, Bytes)>,
}

impl<'a> ReportWorld<'a> {
    /// A world whose main file is `input.source`.
    pub fn new(library: &'a LazyHash<Library>, fonts: &'a Fonts, input: &CompileInput<'_>) -> Self {
        let vpath = VirtualPath::new("/ledningens-genomgang.typ").expect("a valid virtual path");
        let main = FileId::new(RootedPath::new(VirtualRoot::Project, vpath));
        let date = input.today;
        let today = Datetime::from_ymd(
            chrono::Datelike::year(&date),
            chrono::Datelike::month(&date) as u8,
            chrono::Datelike::day(&date) as u8,
        )
        .expect("a valid calendar date");
        ReportWorld {
            library,
            fonts,
            main,
            source: Source::new(main, input.source.clone()),
            source_name: input.source_name.clone(),
            root: input.root.canonicalize().unwrap_or_else(|_| input.root.to_path_buf()),
            root_name: input.root.display().to_string(),
            today,
            assets: input.assets.files.clone(),
        }
    }

    /// The real path of a file inside the root, refusing everything that escapes it (through
    /// `..`, an absolute path or a symbolic link).
    fn resolve(&self, id: FileId) -> FileResult<PathBuf> {
        if *id.root() != VirtualRoot::Project {
            return Err(FileError::Other(Some(
                "packages are not available in ledgen reports".into(),
            )));
        }
        let shown = id.vpath().get_with_slash();
        let path = id.vpath().realize(&self.root).map_err(|_| FileError::AccessDenied)?;
        let real = match path.canonicalize() {
            Ok(real) => real,
            // Typst resolves `/etc/passwd` inside the root; say so, rather than only that
            // `<root>/etc/passwd` does not exist.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(self.denied(format!(
                    "`{shown}` is not in the report folder `{}`; files outside the report folder \
                     cannot be read, and a path starting with `/` starts at the report folder",
                    self.root_name
                )));
            }
            Err(e) => return Err(FileError::from_io(e, &path)),
        };
        if !real.starts_with(&self.root) {
            return Err(self.denied(format!(
                "`{shown}` is a link to `{}`, outside the report folder `{}`",
                real.display(),
                self.root_name
            )));
        }
        Ok(real)
    }

    fn denied(&self, message: String) -> FileError {
        FileError::Other(Some(message.into()))
    }
}

impl World for ReportWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            return Ok(self.source.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main {
            return Ok(Bytes::from_string(self.source.text().to_string()));
        }
        if *id.root() == VirtualRoot::Project {
            let wanted = id.vpath().get_with_slash();
            if let Some((_, bytes)) = self.assets.iter().find(|(path, _)| *path == wanted) {
                return Ok(bytes.clone());
            }
        }
        let path = self.resolve(id)?;
        let metadata = fs::metadata(&path).map_err(|e| FileError::from_io(e, &path))?;
        if metadata.is_dir() {
            return Err(FileError::IsDirectory);
        }
        // A pipe or a device would block the build or never end.
        if !metadata.is_file() {
            return Err(
                self.denied(format!("`{}` is not a regular file", id.vpath().get_with_slash()))
            );
        }
        let too_large = || {
            self.denied(format!(
                "`{}` is larger than the {} MiB a template may read",
                id.vpath().get_with_slash(),
                MAX_READ_BYTES / (1024 * 1024)
            ))
        };
        if metadata.len() > MAX_READ_BYTES {
            return Err(too_large());
        }
        // Read at most one byte more than allowed, in case the file grew since it was measured.
        let mut bytes = Vec::with_capacity(metadata.len() as usize);
        fs::File::open(&path)
            .and_then(|file| file.take(MAX_READ_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| FileError::from_io(e, &path))?;
        if bytes.len() as u64 > MAX_READ_BYTES {
            return Err(too_large());
        }
        Ok(Bytes::new(bytes))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

impl DiagnosticWorld for ReportWorld<'_> {
    fn name(&self, id: FileId) -> String {
        if id == self.main {
            self.source_name.clone()
        } else {
            Path::new(id.vpath().get_without_slash()).display().to_string()
        }
    }
}
