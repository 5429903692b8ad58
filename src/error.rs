//! The errors a build can end with, typed by what went wrong so that a caller can tell a mistake
//! in the content (the author fixes it) from a template's, Typst's, a stopped compilation, the
//! disk, and a bug (nobody but a maintainer can fix it). The pipeline and the output formats
//! return [`BuildError`]; `serve` and `build --all` show it and go on.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::ContentError;

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The content has mistakes, each with its file, line and column.
    Content(ContentError),
    /// A template (built in or a report's override) could not be parsed or rendered.
    Template(String),
    /// Typst reported errors, each traced back to the content file where it can be.
    Typst {
        /// Typst's diagnostics, laid out: the cause of this error.
        diagnostics: Diagnostics,
        /// Where the generated Typst source they point into was kept.
        source: PathBuf,
    },
    /// A compilation ran past its time limit and was stopped.
    TimedOut {
        /// The report folder.
        report: PathBuf,
        /// The limit it ran past.
        limit: Duration,
    },
    /// A bug in ledgen or in a library it uses (a panic, a worker that vanished).
    Internal {
        /// The report folder.
        report: PathBuf,
        /// What happened.
        message: String,
    },
    /// Reading or writing a file failed; the message names the file and the reason.
    Io(String),
}

impl BuildError {
    /// A template error from the renderer's error chain.
    pub fn template(error: &anyhow::Error) -> Self {
        BuildError::Template(format!("{error:#}"))
    }

    /// An I/O error from an error chain that names the file.
    pub fn io(error: &anyhow::Error) -> Self {
        BuildError::Io(format!("{error:#}"))
    }

    /// A short name for the kind of error, stable across languages (for `serve`'s status and
    /// the tests).
    pub fn kind(&self) -> &'static str {
        match self {
            BuildError::Content(_) => "content",
            BuildError::Template(_) => "template",
            BuildError::Typst { .. } => "typst",
            BuildError::TimedOut { .. } => "timed-out",
            BuildError::Internal { .. } => "internal",
            BuildError::Io(_) => "io",
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Content(error) if f.alternate() => write!(f, "{error:#}"),
            BuildError::Content(error) => write!(f, "{error}"),
            BuildError::Template(message) | BuildError::Io(message) => f.write_str(message),
            BuildError::Typst { source, .. } => write!(
                f,
                "failed to compile the PDF (Typst source written to `{}`)",
                source.display()
            ),
            BuildError::TimedOut { report, limit } => write!(
                f,
                "compiling `{}` took longer than {} s and was stopped\n\
                 hint: a template override may loop forever; if the report is just large, allow \
                 more time with `--timeout SECONDS`",
                report.display(),
                limit.as_secs()
            ),
            BuildError::Internal { report, message } => write!(
                f,
                "internal error while compiling `{}`: {message}; please report it",
                report.display()
            ),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Typst { diagnostics, .. } => Some(diagnostics),
            _ => None,
        }
    }
}

/// Typst's diagnostics of a failed compilation, laid out for the terminal.
#[derive(Debug)]
pub struct Diagnostics(pub String);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Diagnostics {}

impl From<ContentError> for BuildError {
    fn from(error: ContentError) -> Self {
        BuildError::Content(error)
    }
}
