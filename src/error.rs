//! The errors a build can end with, typed by what went wrong so that a caller can tell a mistake
//! in the content (the author fixes it) from a template's, Typst's, a stopped compilation, the
//! disk, and a bug (nobody but a maintainer can fix it). The pipeline and the output formats
//! return [`BuildError`]; `serve` and `build --all` show it and go on.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::{ContentError, Diagnostic};

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

    /// The error as the public edition may show it: a content error (read from the full content,
    /// confidential items among it) keeps each mistake's file, line, column and kind but not the
    /// text of the line or any value it quotes. Template, Typst and other errors come from what
    /// the public edition itself holds and stay as they are.
    #[must_use]
    pub fn for_public(self) -> Self {
        match self {
            BuildError::Content(error) => BuildError::Content(ContentError {
                diagnostics: error.diagnostics.iter().map(public_diagnostic).collect(),
            }),
            other => other,
        }
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
            BuildError::Typst { source, .. } => {
                f.write_str(&crate::tr!("build-error-typst", path = source.display().to_string()))
            }
            BuildError::TimedOut { report, limit } => f.write_str(&crate::tr!(
                "build-error-timed-out",
                path = report.display().to_string(),
                seconds = limit.as_secs().to_string()
            )),
            BuildError::Internal { report, message } => f.write_str(&crate::tr!(
                "build-error-internal",
                path = report.display().to_string(),
                message = message.as_str()
            )),
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

/// `diagnostic` without the text of the content it points at, for the public edition: the
/// source line and the notes are dropped, and every quoted value in the message (between
/// backticks or double quotes) becomes `…`, so that what remains is the place and the kind of
/// mistake.
pub fn public_diagnostic(diagnostic: &Diagnostic) -> Diagnostic {
    let mut public = Diagnostic::file_error(&diagnostic.path, without_quoted(&diagnostic.message));
    public.severity = diagnostic.severity;
    public.line = diagnostic.line;
    public.column = diagnostic.column;
    public.with_hint(crate::tr!("build-error-public-hidden"))
}

/// `message` with everything between a pair of backticks or double quotes written `…`.
fn without_quoted(message: &str) -> String {
    let mut result = String::with_capacity(message.len());
    let mut open: Option<char> = None;
    for c in message.chars() {
        match open {
            Some(quote) if c == quote => {
                result.push('…');
                result.push(c);
                open = None;
            }
            Some(_) => {}
            None => {
                result.push(c);
                if matches!(c, '`' | '"') {
                    open = Some(c);
                }
            }
        }
    }
    // An unclosed quote hides the rest.
    if open.is_some() {
        result.push('…');
    }
    result
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn the_public_form_of_a_content_error_keeps_the_place_and_drops_the_text() {
        let source = "rows:\n  - status_text: \"hemlig adress Storgatan 1\"\n";
        let diagnostic = Diagnostic::at(
            Path::new("content/2024/follow-ups.yaml"),
            source,
            2,
            18,
            "unknown status `hemlig adress Storgatan 1`, expected \"grön\"",
        )
        .with_hint("did you mean `Storgatan`?");
        let shown = public_diagnostic(&diagnostic).to_string();
        assert!(shown.contains("content/2024/follow-ups.yaml:2:18"), "{shown}");
        assert!(shown.contains("unknown status `…`, expected \"…\""), "{shown}");
        assert!(!shown.contains("Storgatan"), "{shown}");
        assert!(diagnostic.to_string().contains("Storgatan"), "the full form keeps it");
    }

    #[test]
    fn an_unclosed_quote_hides_the_rest_of_the_message() {
        assert_eq!(without_quoted("bad `value here"), "bad `…");
        assert_eq!(without_quoted("no quotes"), "no quotes");
    }

    #[test]
    fn only_content_errors_change_in_the_public_form() {
        let template = BuildError::Template("`x` is not a filter".into()).for_public();
        assert_eq!(template.to_string(), "`x` is not a filter");
    }
}
