//! Errors and warnings about content, pointing at a file, line and column with a snippet of the
//! offending line, in the style of rustc and typst.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The content cannot be built.
    Error,
    /// Legal, but probably not what the author meant.
    Warning,
}

/// One message about a place in a content file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the message is about.
    pub path: PathBuf,
    /// 1-based line, or 0 when the message concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters), or 0 when unknown.
    pub column: usize,
    /// What is wrong, lower-case, without a trailing full stop.
    pub message: String,
    /// The source line the message points at, when known.
    pub source_line: Option<String>,
    /// Further lines: a second location, a hint.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error about a whole file.
    pub fn file_error(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: message.into(),
            source_line: None,
            notes: Vec::new(),
        }
    }

    /// An error at a line and column of a file whose text is `source`.
    pub fn at(
        path: &Path,
        source: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
            source_line: line_of(source, line),
            notes: Vec::new(),
        }
    }

    /// Turns the diagnostic into a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Adds a note line (a hint, or a second location).
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

/// The text of 1-based line `line` of `source`, if it exists.
fn line_of(source: &str, line: usize) -> Option<String> {
    if line == 0 {
        return None;
    }
    source.lines().nth(line - 1).map(|l| l.trim_end_matches('\r').to_string())
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Content can hold terminal escape sequences; never let them reach the terminal.
        let printable = |text: &str| -> String {
            text.chars().map(|c| if c.is_control() && c != '\n' { '\u{fffd}' } else { c }).collect()
        };
        writeln!(f, "{label}: {}", printable(&self.message))?;
        let location = match (self.line, self.column) {
            (0, _) => self.path.display().to_string(),
            (line, 0) => format!("{}:{line}", self.path.display()),
            (line, column) => format!("{}:{line}:{column}", self.path.display()),
        };
        let gutter = " ".repeat(self.line.max(1).to_string().len());
        writeln!(f, "{gutter}--> {location}")?;
        if let Some(text) = &self.source_line {
            // Tabs would misalign the caret; show them as single spaces.
            let shown: String = text
                .chars()
                .map(|c| match c {
                    '\t' => ' ',
                    c if c.is_control() => '\u{fffd}',
                    c => c,
                })
                .collect();
            writeln!(f, "{gutter} |")?;
            writeln!(f, "{} | {shown}", self.line)?;
            if self.column > 0 {
                writeln!(f, "{gutter} | {}^", " ".repeat(self.column - 1))?;
            }
        }
        for note in &self.notes {
            writeln!(f, "{gutter} = {}", printable(note))?;
        }
        Ok(())
    }
}

/// The content could not be loaded: one or more errors, each with its place.
#[derive(Debug)]
pub struct ContentError {
    /// The errors (warnings found on the way are not kept here).
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        let n = self.diagnostics.len();
        write!(f, "\nthe content has {n} error{}", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for ContentError {}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(word, c), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_snippet_and_caret() {
        let source = "a: 1\nstatus: gron\n";
        let d = Diagnostic::at(Path::new("x.yaml"), source, 2, 9, "unknown status `gron`")
            .with_note("hint: did you mean `grön`?");
        let text = d.to_string();
        assert_eq!(
            text,
            "error: unknown status `gron`\n --> x.yaml:2:9\n  |\n2 | status: gron\n  |         ^\n  = hint: did you mean `grön`?\n"
        );
    }

    #[test]
    fn nearest_finds_typos_only() {
        assert_eq!(nearest("statsu", ["id", "status", "cells"]), Some("status"));
        assert_eq!(nearest("banana", ["id", "status", "cells"]), None);
    }
}
