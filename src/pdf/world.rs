//! Compile stage: the Typst [`World`] of one report. It serves the generated source, the embedded
//! fonts and, read-only, regular files inside the report's folder; nothing else (no system fonts,
//! no packages, no paths outside the root, no links out of it, no devices or pipes, no network).
//! `today()` is the report's date, so builds are reproducible.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::diagnostics::DiagnosticWorld;

use super::CompileInput;
use crate::fonts::Fonts;
use crate::model::{MAX_REPORT_PIXELS, decoded_pixels};
use crate::sandbox::{ReadError, Sandbox};
use crate::tr;

/// Largest file a template may read from the report folder.
const MAX_READ_BYTES: u64 = 16 * 1024 * 1024;

/// The sandboxed world one report is compiled in.
pub struct ReportWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a Fonts,
    main: FileId,
    source: Source,
    source_name: String,
    files: Sandbox,
    /// The root as the user named it, e.g. `content/2023`, for messages.
    root_name: String,
    today: Datetime,
    /// Files served at virtual paths ahead of the report folder (the brand's logo).
    assets: Vec<(String, Bytes)>,
    /// The files of the report folder read so far that decode to pixels, and their pixels
    /// together: a template may show images the Markdown does not, and they count the same.
    pixels: Mutex<(HashSet<FileId>, u64)>,
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
            files: Sandbox::lenient(input.root),
            root_name: input.root.display().to_string(),
            today,
            assets: input.assets.files.clone(),
            pixels: Mutex::default(),
        }
    }

    /// The path of a file in the report folder (not yet checked), or why it has none.
    fn path(&self, id: FileId) -> FileResult<PathBuf> {
        if *id.root() != VirtualRoot::Project {
            return Err(FileError::Other(Some(tr!("world-no-packages").into())));
        }
        id.vpath().realize(self.files.root()).map_err(|_| FileError::AccessDenied)
    }

    /// Why a file of the report folder was not read, for the template that asked for it.
    fn refused(&self, id: FileId, path: &Path, error: ReadError) -> FileError {
        let shown = id.vpath().get_with_slash();
        match error {
            // Typst resolves `/etc/passwd` inside the root; say so, rather than only that
            // `<root>/etc/passwd` does not exist.
            ReadError::NotFound(_) => self.denied(tr!(
                "world-not-in-report-folder",
                path = shown.to_string(),
                folder = self.root_name.as_str()
            )),
            ReadError::Outside(real) => self.denied(tr!(
                "world-link-outside",
                path = shown.to_string(),
                target = real.display().to_string(),
                folder = self.root_name.as_str()
            )),
            ReadError::IsDirectory => FileError::IsDirectory,
            // A pipe or a device would block the build or never end.
            ReadError::NotAFile => self.denied(tr!("world-not-a-file", path = shown.to_string())),
            ReadError::TooLarge(_) => self.denied(tr!(
                "world-too-large",
                path = shown.to_string(),
                limit = MAX_READ_BYTES / (1024 * 1024)
            )),
            ReadError::Unresolved(e) | ReadError::Io(e) => FileError::from_io(e, path),
        }
    }

    /// Adds the pixels `bytes` decode to (if it is a raster image read the first time) to the
    /// report's, or refuses it if they pass [`MAX_REPORT_PIXELS`].
    fn count_pixels(&self, id: FileId, bytes: &[u8]) -> FileResult<()> {
        let pixels = decoded_pixels(bytes);
        if pixels == 0 {
            return Ok(());
        }
        let mut counted = self.pixels.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (seen, total) = &mut *counted;
        if seen.contains(&id) {
            return Ok(());
        }
        if *total + pixels > MAX_REPORT_PIXELS {
            return Err(self.denied(tr!(
                "world-too-many-pixels",
                path = id.vpath().get_with_slash().to_string(),
                pixels = pixels.div_ceil(1_000_000),
                limit = MAX_REPORT_PIXELS / 1_000_000
            )));
        }
        seen.insert(id);
        *total += pixels;
        Ok(())
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
        let path = self.path(id)?;
        match self.files.read(&path, MAX_READ_BYTES) {
            Ok(bytes) => {
                self.count_pixels(id, &bytes)?;
                Ok(Bytes::new(bytes))
            }
            Err(error) => Err(self.refused(id, &path, error)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
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
