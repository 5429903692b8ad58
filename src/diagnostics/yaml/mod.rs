//! The YAML parser's errors in the words of the one who wrote the file: what the mistake is,
//! where it is (often not where the parser stopped), and the fix. Each kind of mistake is one
//! case in a table ([`ERROR_CASES`], then [`MESSAGE_CASES`]), with its test beside it.

mod cases;
mod lines;

use std::path::Path;

use serde_saphyr::Error;

use super::{Diagnostic, Note};

pub(crate) use lines::continued_value;

/// The budgets a file was parsed under, for the messages that name them.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Deepest nesting of lists and mappings.
    pub depth: usize,
    /// Most values (keys, texts, lists, mappings; an alias counted each time it is used).
    pub values: usize,
    /// Most anchors, and most aliases.
    pub aliases: usize,
    /// Most bytes of text once every alias is expanded.
    pub text_bytes: usize,
}

/// What a case reads an error from: the error (an alias's inner error when it was met while
/// expanding an alias), where the parser stopped, and the file's text.
pub(super) struct Context<'a> {
    /// The file's text.
    pub(super) source: &'a str,
    /// The parser's error, without its snippet.
    pub(super) error: &'a Error,
    /// 1-based line where the parser stopped (0 when it did not say).
    pub(super) line: usize,
    /// 1-based column where the parser stopped (0 when it did not say).
    pub(super) column: usize,
    /// The error was met while expanding an alias (`*name`).
    pub(super) via_alias: bool,
    /// The budgets the file was parsed under.
    pub(super) limits: &'a Limits,
}

impl Context<'_> {
    /// The character the parser stopped at, if it said where.
    pub(super) fn character(&self) -> Option<char> {
        if self.line == 0 || self.column == 0 {
            return None;
        }
        self.source.lines().nth(self.line - 1)?.chars().nth(self.column - 1)
    }
}

/// An error case's reading of the parser's error.
pub(super) struct Reading {
    /// What is wrong.
    pub(super) message: String,
    /// What to do about it.
    pub(super) notes: Vec<Note>,
    /// The parser lost its way in the file's structure: a bracket still open above is named.
    pub(super) syntax: bool,
    /// The reading is whole: no message case rewords it.
    pub(super) whole: bool,
}

impl Reading {
    /// A message with its hint.
    pub(super) fn hint(message: String, hint: String) -> Self {
        Reading { message, notes: vec![Note::Hint(hint)], syntax: false, whole: false }
    }
}

/// A message case's rewording of a message: a better place, better words, more notes.
pub(super) struct Rewrite {
    /// Where the mistake is, when that is not where the parser stopped.
    pub(super) at: Option<(usize, usize)>,
    /// The message in other words; none keeps it (in the user's language).
    pub(super) message: Option<String>,
    /// Notes to add.
    pub(super) notes: Vec<Note>,
    /// The notes so far were about the parser's place, not the mistake's: drop them.
    pub(super) replaces_notes: bool,
}

/// A case that recognises a kind of parser error and reads it.
type ErrorCase = fn(&Context<'_>) -> Option<Reading>;

/// A case that recognises a message (the parser's, or a reading's) and rewords it.
type MessageCase = fn(&Context<'_>, &str) -> Option<Rewrite>;

/// The kinds of parser error, tried in order; the last reads any error in the parser's own
/// (cleaned) words.
const ERROR_CASES: &[ErrorCase] = &[
    cases::budget,
    cases::duplicate_key,
    cases::two_documents,
    cases::empty_value,
    cases::colon_in_list_item,
    cases::wrong_shape,
    cases::tag,
    cases::unknown_value,
    cases::ends_mid_value,
    cases::control_character,
    cases::too_deep,
    cases::parser_words,
];

/// The messages that mislead where they stand, tried in order; the first that applies rewords.
const MESSAGE_CASES: &[MessageCase] =
    &[cases::unknown_key, cases::tab, cases::missing_key, cases::misread, cases::plain_syntax];

/// Turns a serde-saphyr error into a diagnostic that says what to write instead, in the user's
/// terms: keys, values, lists and text, not Rust types or parser internals.
pub fn translate(path: &Path, source: &str, error: &Error, limits: &Limits) -> Diagnostic {
    let error = error.without_snippet();
    let (line, column) =
        error.location().map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
    let mut notes: Vec<Note> = Vec::new();
    // An error met while expanding an alias is reported where the alias is used; say where its
    // anchor is, since that is where the offending value is written.
    let via_alias = matches!(error, Error::AliasError { .. });
    let error = match error {
        Error::AliasError { error, locations, .. } => {
            let defined = locations.defined_location;
            if defined.line() > 0 {
                notes.push(Note::Remark(crate::tr!(
                    "yaml-alias-anchored-on-line",
                    line = defined.line().to_string()
                )));
            }
            error.without_snippet()
        }
        other => other,
    };
    let cx = Context { source, error, line, column, via_alias, limits };
    let Some(reading) = ERROR_CASES.iter().find_map(|case| case(&cx)) else {
        unreachable!("the last error case reads every error");
    };
    notes.extend(reading.notes);
    let at = |line, column, message| Diagnostic::at(path, source, line, column, message);
    if reading.whole {
        return finish(at(line, column, reading.message), notes);
    }
    if reading.syntax
        && let Some((bracket, open_line, open_column)) = lines::open_flow_before(source, line)
    {
        let close = if bracket == '[' { ']' } else { '}' };
        notes.push(Note::Remark(crate::tr!(
            "yaml-bracket-still-open",
            bracket = bracket.to_string(),
            line = open_line.to_string(),
            column = open_column.to_string(),
            close = close.to_string()
        )));
    }
    let message = reading.message;
    match MESSAGE_CASES.iter().find_map(|case| case(&cx, &message)) {
        Some(rewrite) => {
            if rewrite.replaces_notes {
                notes.clear();
            }
            notes.extend(rewrite.notes);
            let (line, column) = rewrite.at.unwrap_or((line, column));
            let message = rewrite.message.unwrap_or_else(|| cases::in_language(&message));
            finish(at(line, column, message), notes)
        }
        None => finish(at(line, column, cases::in_language(&message)), notes),
    }
}

/// Adds the notes, and shortens a source line too long to show (a file on one line).
fn finish(mut diagnostic: Diagnostic, notes: Vec<Note>) -> Diagnostic {
    diagnostic.notes.extend(notes);
    // Control characters would act on the terminal (`\e[2J` clears it): in the message,
    // which may quote a key or value, write them as escapes; in the quoted line, show each as
    // one visible character so that the caret stays in place.
    if diagnostic.message.chars().any(char::is_control) {
        diagnostic.message = diagnostic
            .message
            .chars()
            .map(|c| if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() })
            .collect();
    }
    if let Some(text) = &mut diagnostic.source_line
        && text.chars().any(|c| c.is_control() && c != '\t')
    {
        *text = text
            .chars()
            .map(|c| if c.is_control() && c != '\t' { '\u{FFFD}' } else { c })
            .collect();
    }
    if let Some(text) = &diagnostic.source_line
        && text.chars().count() > 160
    {
        if diagnostic.column > 0 && diagnostic.column <= 120 {
            let shown: String = text.chars().take(diagnostic.column + 40).collect();
            diagnostic.source_line = Some(format!("{shown} …"));
        } else {
            diagnostic.source_line = None;
        }
    }
    diagnostic
}
