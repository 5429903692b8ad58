//! Compile stage: the Typst [`World`] of one report. It serves the generated source, the embedded
//! fonts and, read-only, files inside the report's folder; nothing else (no system fonts, no
//! packages, no paths outside the root, no network). `today()` is the report's date, so builds
//! are reproducible.

use std::fs;
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
    today: Datetime,
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
            today,
        }
    }

    /// The real path of a file inside the root, refusing everything that escapes it (through
    /// `..`, an absolute path or a symbolic link).
    fn resolve(&self, id: FileId) -> FileResult<PathBuf> {
        if *id.root() != VirtualRoot::Project {
            return Err(FileError::Other(Some("packages are not available in ledgen reports".into())));
        }
        let path = id
            .vpath()
            .realize(&self.root)
            .map_err(|_| FileError::AccessDenied)?;
        let real = path.canonicalize().map_err(|e| FileError::from_io(e, &path))?;
        if !real.starts_with(&self.root) {
            return Err(FileError::Other(Some(
                format!("`{}` is outside the report folder", id.vpath().get_with_slash()).into(),
            )));
        }
        Ok(real)
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
        let path = self.resolve(id)?;
        let size = fs::metadata(&path).map_err(|e| FileError::from_io(e, &path))?.len();
        if size > MAX_READ_BYTES {
            return Err(FileError::Other(Some("the file is too large to include".into())));
        }
        fs::read(&path).map(Bytes::new).map_err(|e| FileError::from_io(e, &path))
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
