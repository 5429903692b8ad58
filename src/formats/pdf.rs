//! The PDF of a report: its Typst source compiled in process to PDF/A-2a and PDF/UA-1, on a
//! thread of its own and within the build's time limit, while the other formats are made.

use std::path::{Path, PathBuf};

use super::{Finish, Made, ReportFormat, ReportJob, source::TypstSource};
use crate::error::{BuildError, Diagnostics};
use crate::output::{InFlight, write_atomically};
use crate::pdf::{Assets, CompileError, CompileInput};
use crate::render::Page;
use crate::tr;

/// The report's PDF.
pub struct Pdf;

impl ReportFormat for Pdf {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn about(&self) -> &'static str {
        "the archivable, accessible PDF (PDF/A-2a, PDF/UA-1), for the board and the archive"
    }

    fn file_name(&self, stem: &str) -> String {
        format!("{stem}.pdf")
    }

    fn pages(&self) -> &'static [Page] {
        &[Page::ReportTypst]
    }

    fn compiles(&self) -> bool {
        true
    }

    fn start<'a>(&self, job: &'a ReportJob<'a>) -> Result<Finish<'a>, BuildError> {
        let source = job.typst_source()?.to_string();
        let beside = job.config.wants(&TypstSource).then(|| job.config.output_path(&TypstSource));
        compile(job, source, beside, job.config.file_stem())
    }
}

/// Starts compiling `source`, a document of `job`'s report (the one written as `stem`), to PDF;
/// the returned [`Finish`] waits for it. Typst's diagnostics point into the source: it is written to `beside` when the
/// build writes it there anyway, and otherwise, when the compilation fails, kept in a private
/// temporary file (0600, a name of its own), never in the output folder, as it may hold
/// confidential text and builds run side by side.
pub(super) fn compile<'a>(
    job: &'a ReportJob<'a>,
    source: String,
    beside: Option<PathBuf>,
    stem: String,
) -> Result<Finish<'a>, BuildError> {
    let config = job.config;
    let prefix = debug_prefix(job, &stem);
    let debug_file = match beside {
        Some(_) => None,
        None => Some(debug_source_file(&prefix)?),
    };
    let debug_path = match (&beside, &debug_file) {
        (Some(path), _) => path.clone(),
        (None, Some(file)) => file.path().to_path_buf(),
        (None, None) => unreachable!("a file is made when the source is not written beside"),
    };
    let tracked = debug_file.as_ref().map(|f| InFlight::track(f.path()));
    let input = CompileInput {
        source: source.clone(),
        root: &config.report_dir,
        source_name: debug_path.display().to_string(),
        today: job.report.meta.date.value.0,
        standards: &config.standards,
        ident: format!("{}/{stem}", job.report.meta.organisation),
        assets: Assets::of_brand(job.report.brand.as_ref()),
    };
    let pending = job.compiler.start_pdf(input).map_err(|e| aborted(&config.report_dir, e))?;
    Ok(Box::new(move || {
        let _tracked = tracked;
        match pending.finish(config.timeout) {
            Ok(pdf) => {
                if let Some(file) = &debug_file {
                    remove_stale_sources(&prefix, file.path());
                }
                Ok(Made { bytes: pdf.bytes, pages: Some(pdf.pages) })
            }
            Err(CompileError::Failed(diagnostics)) => {
                // Keep the source the diagnostics point into, so its lines can be read.
                match debug_file {
                    Some(file) => {
                        remove_stale_sources(&prefix, file.path());
                        keep_debug_source(file, &source)?;
                    }
                    None => write_atomically(&debug_path, source.as_bytes())
                        .map_err(|e| BuildError::io(&e))?,
                }
                Err(BuildError::Typst { diagnostics: Diagnostics(diagnostics), source: debug_path })
            }
            Err(error) => Err(aborted(&config.report_dir, error)),
        }
    }))
}

/// The build error of a compilation that ended without Typst's diagnostics.
fn aborted(report: &Path, error: CompileError) -> BuildError {
    let report = report.to_path_buf();
    match error {
        CompileError::TimedOut(limit, _) => BuildError::TimedOut { report, limit },
        CompileError::Panicked(message) | CompileError::Failed(message) => {
            BuildError::Internal { report, message }
        }
        CompileError::NoThread(message) => BuildError::Internal { report, message },
    }
}

/// The start of the names of the temporary files that keep the Typst source of a report's
/// document written as `stem`: the same for every build of one document of one report folder,
/// so that each build can remove what an earlier failed one kept.
fn debug_prefix(job: &ReportJob<'_>, stem: &str) -> String {
    let folder =
        crate::paths::real(&job.config.report_dir).unwrap_or(job.config.report_dir.clone());
    let key = format!("{}\n{stem}", folder.display());
    format!("ledgen-{:016x}-", crate::markdown::fnv1a(key.as_bytes()))
}

/// A new private temporary file for the Typst source of a failed compile; dropped, it is gone.
fn debug_source_file(prefix: &str) -> Result<tempfile::NamedTempFile, BuildError> {
    // tempfile creates it with mode 0600 under a unique name.
    tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".typ")
        .tempfile()
        .map_err(|e| BuildError::Io(tr!("format-typst-temp-failed", error = e.to_string())))
}

/// Removes the sources earlier failed builds of this report kept beside `ours` (the one this
/// build made), once a build compiles or keeps a newer one: a report that fails again and again
/// keeps one source, not one a build. Only regular files of the same owner as `ours` go, so that
/// a file planted under such a name in a shared temporary folder stays.
fn remove_stale_sources(prefix: &str, ours: &Path) {
    let Some(folder) = ours.parent() else { return };
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let Ok(own) = std::fs::symlink_metadata(ours) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(".typ")) || entry.path() == ours {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else { continue };
        if meta.file_type().is_file() && same_owner(&meta, &own) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether two files have the same owner (on Windows, the temporary folder is the user's own).
fn same_owner(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.uid() == b.uid()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        true
    }
}

/// Writes the Typst source into its temporary file and keeps the file.
fn keep_debug_source(mut file: tempfile::NamedTempFile, source: &str) -> Result<(), BuildError> {
    use std::io::Write as _;
    let path = file.path().to_path_buf();
    file.write_all(source.as_bytes())
        .and_then(|()| file.keep().map(drop).map_err(|e| e.error))
        .map_err(|e| {
            BuildError::Io(tr!(
                "format-write-failed",
                path = path.display().to_string(),
                error = e.to_string()
            ))
        })
}
