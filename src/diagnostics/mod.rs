//! Errors and warnings about content, pointing at a file, line and column with a snippet of the
//! offending line, laid out by annotate-snippets in the style of rustc and Typst.

use std::fmt;
use std::path::{Path, PathBuf};

pub mod yaml;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

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
    /// Further lines under the snippet: what to do about it, or more about where or why.
    pub notes: Vec<Note>,
}

/// A line under a diagnostic's snippet, told by its kind (and named in the user's language when
/// shown), never by a prefix inside its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// What to do about it (`= hint: …`, `= tips: …` in Swedish).
    Hint(String),
    /// More about where or why (`= note: …`, `= obs: …` in Swedish).
    Remark(String),
}

impl Note {
    /// The note's text, without its kind.
    pub fn text(&self) -> &str {
        match self {
            Note::Hint(text) | Note::Remark(text) => text,
        }
    }
}

/// `hint: …` or `note: …`, as tests and logs read it; the terminal shows the kind in the user's
/// language.
impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Hint(text) => write!(f, "hint: {text}"),
            Note::Remark(text) => write!(f, "note: {text}"),
        }
    }
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

    /// Adds a note line.
    pub fn with_note(mut self, note: Note) -> Self {
        self.notes.push(note);
        self
    }

    /// Adds a hint (`= hint: …`, `= tips: …` in Swedish): what to do about it.
    pub fn with_hint(self, hint: impl Into<String>) -> Self {
        self.with_note(Note::Hint(hint.into()))
    }

    /// Adds a remark (`= note: …`, `= obs: …` in Swedish): more about where or why.
    pub fn with_remark(self, remark: impl Into<String>) -> Self {
        self.with_note(Note::Remark(remark.into()))
    }
}

/// The text of 1-based line `line` of `source`, if it exists.
fn line_of(source: &str, line: usize) -> Option<String> {
    if line == 0 {
        return None;
    }
    source.lines().nth(line - 1).map(|l| l.trim_end_matches('\r').to_string())
}

impl Diagnostic {
    /// The diagnostic as annotate-snippets lays it out, in Typst's and rustc's style:
    /// `error: message`, `--> file:line:column`, the source line with a caret under the column,
    /// and the notes (`= hint: …`).
    fn render(&self, renderer: &Renderer) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name(crate::tr!("severity-error")),
            Severity::Warning => Level::WARNING.with_name(crate::tr!("severity-warning")),
        };
        let path = self.path.display().to_string();
        let source = self.source_line.as_deref().map(printable);
        let title = level.primary_title(printable(&self.message));
        let mut group = match (self.line, &source) {
            (0, _) => title.element(Origin::path(path)),
            (line, None) => {
                let origin = Origin::path(path).line(line);
                title.element(if self.column > 0 {
                    origin.char_column(self.column)
                } else {
                    origin
                })
            }
            (line, Some(text)) => {
                let snippet = Snippet::source(text.as_str()).line_start(line).fold(false);
                match caret(text, self.column) {
                    Some(span) => title
                        .element(snippet.path(path).annotation(AnnotationKind::Primary.span(span))),
                    // The header says where; a column past the end of the line gets no caret.
                    None => {
                        let at = match self.column {
                            0 => format!("{path}:{line}"),
                            column => format!("{path}:{line}:{column}"),
                        };
                        title.element(snippet.path(at))
                    }
                }
            }
        };
        for note in &self.notes {
            let text = printable(note.text());
            let level = match note {
                Note::Hint(_) => Level::HELP.with_name(crate::tr!("note-hint")),
                Note::Remark(_) => Level::NOTE.with_name(crate::tr!("note-note")),
            };
            group = group.element(level.message(text));
        }
        let mut out = renderer.render(&[group]);
        out.push('\n');
        out
    }
}

/// The byte range the caret marks: the character at 1-based `column` of `line`, or the end of
/// the line just after its last character; none for column 0 or a column past that.
fn caret(line: &str, column: usize) -> Option<std::ops::Range<usize>> {
    let start = match column {
        0 => return None,
        c if c == line.chars().count() + 1 => line.len(),
        c => line.char_indices().nth(c - 1)?.0,
    };
    let end = line[start..].chars().next().map_or(start, |c| start + c.len_utf8());
    Some(start..end)
}

/// Text from content made safe for a terminal: control characters (escape sequences among them)
/// become U+FFFD; tabs and line breaks stay.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{fffd}' } else { c })
        .collect()
}

/// Plain text with `{}`; with `{:#}`, styled for a terminal (print it through `anstream`, which
/// drops the colours when the output is not a terminal).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let renderer = if f.alternate() { Renderer::styled() } else { Renderer::plain() };
        f.write_str(&self.render(&renderer))
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
            if f.alternate() {
                write!(f, "{diagnostic:#}")?;
            } else {
                write!(f, "{diagnostic}")?;
            }
        }
        write!(f, "\n{}", crate::tr!("content-errors", count = self.diagnostics.len()))
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
            .with_hint("did you mean `grön`?");
        let text = d.to_string();
        assert_eq!(
            text,
            "error: unknown status `gron`\n --> x.yaml:2:9\n  |\n2 | status: gron\n  |         ^\n  |\n  = hint: did you mean `grön`?\n"
        );
        // Colours only when asked for (`{:#}`, printed through anstream).
        assert!(!text.contains('\u{1b}'));
        assert!(format!("{d:#}").contains('\u{1b}'));
    }

    #[test]
    fn a_whole_file_a_line_without_column_and_a_column_past_the_end() {
        let file = Diagnostic::file_error(Path::new("x.yaml"), "not a regular file").warning();
        assert_eq!(file.to_string(), "warning: not a regular file\n--> x.yaml\n");
        let source = "a: 1\n- intern: true\n";
        let line = Diagnostic::at(Path::new("x.yaml"), source, 2, 0, "whole block")
            .with_remark("first used at y.yaml:3");
        assert_eq!(
            line.to_string(),
            "error: whole block\n --> x.yaml:2\n  |\n2 | - intern: true\n  |\n  = note: first used at y.yaml:3\n"
        );
        let end = Diagnostic::at(Path::new("x.yaml"), source, 1, 5, "at the end").to_string();
        assert!(end.contains("--> x.yaml:1:5\n") && end.contains("  |     ^\n"), "{end}");
        let past = Diagnostic::at(Path::new("x.yaml"), source, 1, 9, "past the end").to_string();
        assert!(past.contains("--> x.yaml:1:9\n") && !past.contains('^'), "{past}");
    }

    // Content can hold terminal escape sequences; they must never reach the terminal.
    #[test]
    fn control_characters_never_reach_the_terminal() {
        let source = "status: \u{1b}[2Jröd\n";
        let d = Diagnostic::at(Path::new("x.yaml"), source, 1, 9, "unknown status \u{1b}[31m");
        for text in [d.to_string(), format!("{d:#}")] {
            assert!(!text.contains("\u{1b}[2J") && !text.contains("\u{1b}[31m"), "{text:?}");
        }
    }

    #[test]
    fn nearest_finds_typos_only() {
        assert_eq!(nearest("statsu", ["id", "status", "cells"]), Some("status"));
        assert_eq!(nearest("banana", ["id", "status", "cells"]), None);
    }
}
