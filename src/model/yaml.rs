//! Load stage: reading a content file's YAML. The file read within its folder and size, parsed
//! by serde-saphyr under fixed budgets with each value's line and column, and every parser error
//! translated into a message a reader of the file can act on: where the mistake is (often not
//! where the parser stopped), what it is, and the fix.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Note, nearest};

/// Largest content file read, in bytes: far above any real review, far below trouble.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Deepest nesting of YAML lists and mappings in a content file. A review needs about fifteen
/// levels (parts in parts, blocks, a table's rows and cells); deeper input is refused with a
/// message instead of exhausting the stack.
pub(super) const MAX_YAML_DEPTH: usize = 64;
/// Most YAML values (keys, texts, lists and mappings, an alias counted each time it is used) in
/// one content file. The largest file of the 2023 review holds under 300; this allows a table of
/// some 5 000 rows and keeps loading any file well under a second.
pub(super) const MAX_YAML_VALUES: usize = 50_000;
/// Most anchors (`&name`), and most aliases (`*name`), in one content file.
pub(super) const MAX_YAML_ALIASES: usize = 1_000;
/// Most bytes of text in one content file once every alias is expanded, so that a few aliases
/// of a long anchored text cannot multiply into gigabytes.
pub(super) const MAX_YAML_TEXT_BYTES: usize = 4 * MAX_FILE_BYTES as usize;

/// Reads the brand file at `path` like a content file.
pub(super) fn read_brand_text(path: &Path) -> Result<String, Diagnostic> {
    read_text(path)
}

/// Deserialises the text of one YAML file, or explains why it cannot be.
pub(super) fn parse_yaml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    // Comments, blank lines and bare document markers hold no content.
    let no_content = text
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...");
    if no_content {
        return Err(Diagnostic::file_error(path, crate::tr!("yaml-empty-file"))
            .with_hint(crate::tr!("yaml-empty-file-hint")));
    }
    serde_saphyr::from_str_with_options::<T>(text, yaml_options())
        .map_err(|error| yaml_diagnostic(path, text, &error))
}

/// How content files are parsed: fixed budgets, no tags, no comments kept.
pub(super) fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
        // Comments are not kept, so they need not be counted or stored.
        emit_comments: false,
        // `!include` and other tags mean nothing here; refuse them rather than ignore them.
        reject_unsupported_tags: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_YAML_DEPTH,
            flow_nesting_limit: MAX_YAML_DEPTH,
            max_aliases: MAX_YAML_ALIASES,
            max_anchors: MAX_YAML_ALIASES,
            max_nodes: MAX_YAML_VALUES,
            max_total_scalar_bytes: MAX_YAML_TEXT_BYTES,
        },
    }
}

/// Reads a content file as UTF-8 text, within the size limit, without a byte-order mark. The
/// file must lie in the report folder: a symbolic link to a file elsewhere is refused before
/// anything is read, so no message can quote a file from outside.
pub(super) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    use crate::sandbox::{ReadError, Sandbox};

    const MIB: f64 = 1024.0 * 1024.0;
    let cannot_read = |e: &std::io::Error| {
        Diagnostic::file_error(path, crate::tr!("yaml-cannot-read", error = e.to_string()))
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let sandbox = Sandbox::new(folder).map_err(|e| cannot_read(&e))?;
    let bytes = sandbox.read(path, MAX_FILE_BYTES).map_err(|error| match error {
        ReadError::Outside(real) => Diagnostic::file_error(
            path,
            crate::tr!("yaml-link-outside", path = real.display().to_string()),
        )
        .with_hint(crate::tr!("yaml-link-outside-hint")),
        ReadError::IsDirectory | ReadError::NotAFile => {
            Diagnostic::file_error(path, crate::tr!("yaml-not-a-file"))
        }
        ReadError::TooLarge(size) => Diagnostic::file_error(
            path,
            crate::tr!(
                "yaml-too-large",
                size = crate::locale::decimal(size as f64 / MIB, 1),
                limit = format!("{}", MAX_FILE_BYTES as f64 / MIB)
            ),
        )
        .with_hint(crate::tr!("yaml-too-large-hint")),
        ReadError::NotFound(e) | ReadError::Unresolved(e) | ReadError::Io(e) => cannot_read(&e),
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Diagnostic::file_error(path, crate::tr!("yaml-utf16"))
                .with_hint(crate::tr!("yaml-save-as-utf8"));
        }
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        let shown = String::from_utf8_lossy(bytes);
        let mut d = Diagnostic::at(
            path,
            &shown,
            line,
            column,
            crate::tr!("yaml-invalid-utf8", byte = format!("0x{:02X}", bytes[at])),
        )
        .with_hint(crate::tr!("yaml-invalid-utf8-hint"));
        if d.source_line.as_ref().is_some_and(|l| l.chars().count() > 200) {
            d.source_line = None;
        }
        d
    })?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    Ok(text)
}

/// Turns a serde-saphyr error into a diagnostic that says what to write instead, in the user's
/// terms: keys, values, lists and text, not Rust types or parser internals.
pub(super) fn yaml_diagnostic(
    path: &Path,
    source: &str,
    error: &serde_saphyr::Error,
) -> Diagnostic {
    use serde_saphyr::Error;
    use serde_saphyr::budget::BudgetBreach;

    /// The innermost `[` or `{` that is still open where line `line` starts, as (bracket, line,
    /// column): a flow collection left unclosed makes the parser fail lines later.
    fn open_flow_before(source: &str, line: usize) -> Option<(char, usize, usize)> {
        let mut open: Vec<(char, usize, usize)> = Vec::new();
        for (i, text) in source.lines().take(line.saturating_sub(1)).enumerate() {
            // Whether the next non-blank character starts a value (where `[`, `{` and quotes
            // mean something); inside a flow collection, after `[`, `{`, `,` or `:`.
            let mut value_start = true;
            let mut quote: Option<char> = None;
            let mut previous = ' ';
            for (column, c) in text.chars().enumerate() {
                if let Some(q) = quote {
                    if c == q {
                        quote = None;
                    }
                } else if c == '#' && previous.is_whitespace() {
                    break;
                } else if c.is_whitespace() {
                    // Blanks keep `value_start` as it is.
                } else if value_start && (c == '"' || c == '\'') {
                    quote = Some(c);
                    value_start = false;
                } else if value_start && (c == '[' || c == '{') {
                    open.push((c, i + 1, column + 1));
                } else if !open.is_empty() && (c == ']' || c == '}') {
                    open.pop();
                    value_start = false;
                } else {
                    value_start = (c == ',' && !open.is_empty())
                        || c == ':'
                        || (c == '-' && previous.is_whitespace());
                }
                previous = c;
            }
        }
        open.pop()
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
                .map(
                    |c| if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() },
                )
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
    let at_error = source
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(column.saturating_sub(1)))
        .filter(|_| line > 0 && column > 0);
    let mut syntax_error = false;
    let message = match error {
        Error::Budget { breach, .. } => {
            let (message, hint) = match breach {
                BudgetBreach::Depth { .. } => (
                    crate::tr!("yaml-too-deep", depth = MAX_YAML_DEPTH.to_string()),
                    Note::Hint(crate::tr!("yaml-too-deep-hint")),
                ),
                BudgetBreach::Nodes { .. } => (
                    crate::tr!("yaml-too-many-values", limit = MAX_YAML_VALUES.to_string()),
                    Note::Hint(if via_alias {
                        crate::tr!("yaml-too-many-values-alias-hint")
                    } else {
                        crate::tr!("yaml-too-many-values-hint")
                    }),
                ),
                BudgetBreach::Aliases { .. }
                | BudgetBreach::Anchors { .. }
                | BudgetBreach::AliasAnchorRatio { .. } => (
                    crate::tr!("yaml-too-many-aliases", limit = MAX_YAML_ALIASES.to_string()),
                    Note::Hint(crate::tr!("yaml-too-many-aliases-hint")),
                ),
                BudgetBreach::ScalarBytes { .. } => (
                    crate::tr!(
                        "yaml-alias-text-too-large",
                        size = (MAX_YAML_TEXT_BYTES / (1024 * 1024)).to_string()
                    ),
                    Note::Hint(crate::tr!("yaml-alias-text-too-large-hint")),
                ),
                other => (
                    crate::tr!("yaml-too-complex", detail = format!("{other:?}")),
                    Note::Hint(crate::tr!("yaml-too-complex-hint")),
                ),
            };
            notes.push(hint);
            message
        }
        Error::DuplicateMappingKey { key, .. } => {
            notes.push(Note::Hint(crate::tr!("yaml-duplicate-key-hint")));
            match key {
                Some(key) => crate::tr!("yaml-duplicate-key", key = key.clone()),
                None => crate::tr!("yaml-duplicate-key-unnamed"),
            }
        }
        Error::MultipleDocuments { .. } => {
            notes.push(Note::Hint(crate::tr!("yaml-two-documents-hint")));
            crate::tr!("yaml-two-documents")
        }
        Error::NullIntoString { .. } => {
            notes.push(Note::Hint(crate::tr!("yaml-empty-value-hint")));
            crate::tr!("yaml-empty-value")
        }
        Error::Unexpected { expected, .. }
            if *expected == "string scalar" && colon_item_fix(source, line, column).is_some() =>
        {
            let fix = colon_item_fix(source, line, column).unwrap_or_default();
            notes.push(Note::Hint(crate::tr!("yaml-colon-in-text-hint", fix = fix)));
            crate::tr!("yaml-colon-in-text")
        }
        Error::Unexpected { expected, .. } => {
            let (message, hint) = match *expected {
                "sequence start" => {
                    (crate::tr!("yaml-expected-list"), crate::tr!("yaml-expected-list-hint"))
                }
                "mapping start" => {
                    (crate::tr!("yaml-expected-mapping"), crate::tr!("yaml-expected-mapping-hint"))
                }
                "string scalar" => {
                    (crate::tr!("yaml-expected-text"), crate::tr!("yaml-expected-text-hint"))
                }
                other => {
                    notes.push(Note::Hint(crate::tr!("yaml-expected-other-hint")));
                    return finish(
                        Diagnostic::at(
                            path,
                            source,
                            line,
                            column,
                            crate::tr!("yaml-expected-other", what = other.to_string()),
                        ),
                        notes,
                    );
                }
            };
            notes.push(Note::Hint(hint));
            message
        }
        Error::UnsupportedTag { tag, .. } | Error::TaggedStructFieldName { tag, .. } => {
            notes.push(Note::Hint(crate::tr!("yaml-tag-hint")));
            crate::tr!("yaml-unsupported-tag", tag = tag.clone())
        }
        Error::SerdeUnknownVariant { variant, expected, .. } => {
            let list: Vec<String> = expected.iter().map(|v| format!("`{v}`")).collect();
            if let Some(hint) = nearest(variant, expected.iter().copied()) {
                notes.push(Note::Hint(crate::tr!("yaml-did-you-mean", name = hint.to_string())));
            }
            crate::tr!("yaml-unknown-value", value = variant.clone(), expected = list.join(", "))
        }
        Error::Eof { .. } => {
            syntax_error = true;
            crate::tr!("yaml-ends-mid-value")
        }
        _ if at_error.is_some_and(|c| c.is_control() && c != '\t') => {
            let c = at_error.unwrap_or_default();
            notes.push(Note::Hint(crate::tr!("yaml-control-char-hint")));
            crate::tr!("yaml-control-char", code = format!("{:04X}", c as u32))
        }
        Error::ExternalMessage { msg, .. } if msg.contains("recursion limit") => {
            notes.push(Note::Hint(crate::tr!("yaml-too-deep-hint")));
            crate::tr!("yaml-too-deep", depth = MAX_YAML_DEPTH.to_string())
        }
        Error::ExternalMessage { .. } => {
            syntax_error = true;
            clean_yaml_message(&error.to_string())
        }
        _ => clean_yaml_message(&error.to_string()),
    };
    if syntax_error && let Some((bracket, open_line, open_column)) = open_flow_before(source, line)
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
    if let Some(hint) = unknown_field_hint(&message) {
        notes.push(hint);
    } else if message.contains("tabs disallowed") || message.contains("found a tab") {
        // The parser may stop at the value before the tab; point at the tab itself.
        let (line, column) = tab_in_indentation(source, line).unwrap_or((line, column));
        notes.push(Note::Hint(crate::tr!("yaml-tab-hint")));
        let message = crate::tr!("yaml-tab", line = line.to_string());
        return finish(Diagnostic::at(path, source, line, column, message), notes);
    } else if let Some(field) = message.strip_prefix("missing field ") {
        match misindented_key(source, line, column, field.trim_matches('`')) {
            Some(note) => notes.push(note),
            None => notes
                .push(Note::Hint(crate::tr!("yaml-missing-field-hint", field = field.to_string()))),
        }
    } else if let Some((at, message, hint)) = misread_yaml(source, line, column, &message) {
        // The mistake is elsewhere than where the parser stopped: say what and where.
        notes.clear();
        notes.push(hint);
        return finish(Diagnostic::at(path, source, at.0, at.1, message), notes);
    } else if let Some((message, hint)) = plain_syntax_error(source, line, column, &message) {
        notes.push(hint);
        return finish(Diagnostic::at(path, source, line, column, message), notes);
    }
    finish(Diagnostic::at(path, source, line, column, in_language(&message)), notes)
}

/// serde's message for a missing or unknown key, in the user's language (serde writes English).
fn in_language(message: &str) -> String {
    if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        return crate::tr!("yaml-missing-field", field = field.to_string());
    }
    if let Some((field, expected)) =
        message.strip_prefix("unknown field `").and_then(|m| m.split_once("`, expected one of "))
    {
        return crate::tr!(
            "yaml-unknown-field",
            field = field.to_string(),
            expected = expected.to_string()
        );
    }
    message.to_string()
}

/// The 1-based line and column of the first tab in the indentation of line `line` or a line
/// after it (the parser may report the value before the tab), else of a line before it.
pub(super) fn tab_in_indentation(source: &str, line: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let tab_at = |i: usize| {
        let text = lines.get(i)?;
        let indent: String = text.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        let column = indent.chars().position(|c| c == '\t')?;
        Some((i + 1, column + 1))
    };
    let start = line.saturating_sub(1);
    (start..lines.len()).find_map(tab_at).or_else(|| (0..start).rev().find_map(tab_at))
}

/// One line's shape: its indentation, the column its key starts at (after `- ` for a list
/// item), whether it is a list item, and whether it is a `key:` line at all.
pub(super) struct LineShape {
    indent: usize,
    key_column: usize,
    item: bool,
    keyed: bool,
}

pub(super) fn line_shape(text: &str) -> Option<LineShape> {
    let indent = text.chars().take_while(|c| *c == ' ').count();
    let rest: String = text.chars().skip(indent).collect();
    if rest.is_empty() || rest.starts_with('#') {
        return None;
    }
    let (item, after) = match rest.strip_prefix('-') {
        Some(after) if after.is_empty() || after.starts_with(' ') => (true, after),
        _ => (false, rest.as_str()),
    };
    let inner = after.trim_start();
    let key_column = if item { indent + 1 + (after.len() - inner.len()) } else { indent };
    let key: String =
        inner.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-').collect();
    let keyed = !key.is_empty()
        && inner[key.len()..].starts_with(':')
        && inner[key.len() + 1..].chars().next().is_none_or(|c| c == ' ');
    Some(LineShape { indent, key_column, item, keyed })
}

/// For a parser error in words only a programmer knows, the same in plain words and a hint with
/// an example of the fix: a text holding `: ` without quotes, or a line indented unlike the
/// lines beside it.
pub(super) fn plain_syntax_error(
    source: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<(String, Note)> {
    let lines: Vec<&str> = source.lines().collect();
    let text = *lines.get(line.checked_sub(1)?)?;
    let shape = line_shape(text)?;
    let structural = ["mapping values are not allowed", "did not find expected", "block sequence"];
    if !structural.iter().any(|m| message.contains(m)) {
        return None;
    }
    // A second `: ` on a `key: value` line: the value is text that holds a colon.
    if message.contains("mapping values are not allowed") && shape.keyed {
        let start: String = text.chars().skip(shape.key_column).collect();
        if let Some((key, value)) = start.split_once(": ")
            && column > shape.key_column + key.chars().count() + 1
        {
            let value = value.trim();
            let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
            return Some((
                crate::tr!("yaml-colon-in-value"),
                Note::Hint(crate::tr!("yaml-colon-in-text-hint", fix = format!("{key}: {quoted}"))),
            ));
        }
    }
    // Otherwise compare the line's indentation with that of the lines it belongs with.
    let previous = lines[..line - 1].iter().rev().filter_map(|l| line_shape(l));
    let siblings = if shape.item {
        previous
            .filter(|p| p.item)
            .find(|p| p.indent.abs_diff(shape.indent) <= 2)
            .map(|p| (p.indent, shape.indent))
    } else {
        // The nearest `key:` line above at about this level, past the items of a list value and
        // the lines of a text.
        let mut previous =
            previous.skip_while(|p| (p.item || !p.keyed) && p.indent > shape.key_column);
        let before = previous.next()?;
        before.keyed.then_some((before.key_column, shape.key_column))
    };
    let (theirs, ours) = siblings?;
    if theirs == ours {
        return None;
    }
    let spaces = |n: usize| crate::tr!("yaml-spaces", count = n);
    let fix = if theirs == 0 {
        crate::tr!("yaml-start-at-line-start")
    } else {
        crate::tr!("yaml-indent-by", spaces = spaces(theirs))
    };
    Some((
        if theirs == 0 {
            crate::tr!("yaml-indented-others-not", line = line.to_string(), ours = spaces(ours))
        } else {
            crate::tr!(
                "yaml-indented-unlike-others",
                line = line.to_string(),
                ours = spaces(ours),
                theirs = spaces(theirs)
            )
        },
        Note::Hint(crate::tr!("yaml-same-level-hint", fix = fix)),
    ))
}

/// A (line, column) of a file, both 1-based.
pub(super) type Place = (usize, usize);

/// Three mistakes the parser reports far from where they are, or in its own words: a quote
/// never closed on its line (the parser reads on to the next quote), a line of a `|` text
/// indented less than the text's first line, a line indented more than the `key:` above it (read
/// as part of that key's value), and a text starting with `!` (read as a YAML tag). Returns
/// where the mistake is, the message and the hint.
pub(super) fn misread_yaml(
    source: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<(Place, String, Note)> {
    let lines: Vec<&str> = source.lines().collect();
    let indent = |text: &str| text.chars().take_while(|c| *c == ' ').count();
    let spaces = |n: usize| crate::tr!("yaml-spaces", count = n);
    if message.contains("trailing content after double-quoted scalar")
        || message.contains("trailing content after single-quoted scalar")
    {
        let quote = if message.contains("double") { '"' } else { '\'' };
        // The first line before the error whose quotes do not pair up opened the text.
        let (i, open) = (0..line.saturating_sub(1).min(lines.len()))
            .rev()
            .find_map(|i| unpaired_quote(lines[i], quote).map(|c| (i, c)))?;
        let text = lines[i].trim_end();
        let fixed = match text.strip_suffix(']') {
            Some(before) if text[..open].contains('[') => format!("{before}{quote}]"),
            _ => format!("{text}{quote}"),
        };
        return Some((
            (i + 1, lines[i][..open].chars().count() + 1),
            crate::tr!("yaml-unclosed-quote", quote = quote.to_string()),
            Note::Hint(crate::tr!(
                "yaml-unclosed-quote-hint",
                quote = quote.to_string(),
                fixed = fixed.trim_start().to_string(),
                line = line.to_string()
            )),
        ));
    }
    if message.contains("did not find expected key") {
        // A line of a `|` or `>` text indented less than its first line ends the text.
        let text = *lines.get(line.checked_sub(1)?)?;
        let ours = indent(text);
        for i in (0..line - 1).rev() {
            let above = lines[i];
            if above.trim().is_empty() {
                continue;
            }
            let trimmed = above.trim_end();
            if ["|", "|-", "|+", ">", ">-", ">+"]
                .iter()
                .any(|m| trimmed.ends_with(&format!(": {m}")))
            {
                let first = lines[i + 1..line - 1].iter().find(|l| !l.trim().is_empty())?;
                let theirs = indent(first);
                if ours < theirs && ours > indent(above) {
                    return Some((
                        (line, column),
                        crate::tr!(
                            "yaml-block-line-less-indented",
                            line = line.to_string(),
                            ours = spaces(ours),
                            theirs = spaces(theirs)
                        ),
                        Note::Hint(crate::tr!("yaml-block-line-hint", spaces = spaces(theirs))),
                    ));
                }
                break;
            }
            if indent(above) < ours {
                break;
            }
        }
        return None;
    }
    if message.contains("while scanning a tag")
        && lines.get(line.checked_sub(1)?)?.chars().nth(column.checked_sub(1)?) == Some('!')
    {
        let text = lines[line - 1];
        let start = text.char_indices().nth(column - 1)?.0;
        let mut value = text[start..].trim_end();
        let mut close = "";
        if text[..start].contains('[')
            && let Some(inner) = value.strip_suffix(']')
        {
            (value, close) = (inner, "]");
        }
        let quoted = format!(
            "`{}\"{}\"{close}`",
            text[..start].trim_start(),
            value.replace('\\', "\\\\").replace('"', "\\\"")
        );
        return Some((
            (line, column),
            crate::tr!("yaml-bang-needs-quotes"),
            Note::Hint(crate::tr!("yaml-bang-needs-quotes-hint", quoted = quoted)),
        ));
    }
    // `unknown status \`grön status_text\``: the line after was read as part of the value.
    continued_value(source, line, message.split('`').nth(1)?)
}

/// When the line after `line` was read as part of the value `value` written on `line` (it is
/// indented more than the value's key, or than the `- ` of a list item): where that line is,
/// the message and the hint.
pub(super) fn continued_value(
    source: &str,
    line: usize,
    value: &str,
) -> Option<(Place, String, Note)> {
    let lines: Vec<&str> = source.lines().collect();
    let indent = |text: &str| text.chars().take_while(|c| *c == ' ').count();
    let spaces = |n: usize| crate::tr!("yaml-spaces", count = n);
    let next = (line..lines.len()).find(|&i| !lines[i].trim().is_empty())?;
    let shape = line_shape(lines.get(line.checked_sub(1)?)?)?;
    // A line more indented than the key (or the `- ` of a plain list item) continues its value.
    let key_column = if shape.item && !shape.keyed { shape.indent } else { shape.key_column };
    let ours = indent(lines[next]);
    // The value's words from some space on are the next line's first words.
    let continues = value.match_indices(' ').any(|(i, _)| {
        value[i + 1..]
            .split_whitespace()
            .next()
            .is_some_and(|w| lines[next].trim_start().starts_with(w))
    });
    if !continues || ours <= key_column {
        return None;
    }
    Some((
        (next + 1, ours + 1),
        crate::tr!("yaml-continued-value", line = (next + 1).to_string(), ours = spaces(ours)),
        Note::Hint(crate::tr!("yaml-continued-value-hint", spaces = spaces(key_column))),
    ))
}

/// The byte column of the quote on `text` that opens a text not closed on the line, if any;
/// only a quote where a value starts opens one (not one inside a comment, an unquoted text or
/// the other kind of quotes).
pub(super) fn unpaired_quote(text: &str, quote: char) -> Option<usize> {
    let mut open: Option<(char, usize)> = None;
    let mut previous = ' ';
    // The last character before this one that is not a space.
    let mut last = ':';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match open {
            Some(('"', _)) if c == '\\' => {
                chars.next();
            }
            Some(('\'', _)) if c == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
            }
            Some((q, _)) if c == q => open = None,
            Some(_) => {}
            None if c == '#' && previous.is_whitespace() => break,
            None if (c == '"' || c == '\'') && matches!(last, ':' | '-' | '[' | ',' | '{') => {
                open = Some((c, i));
            }
            None => {}
        }
        previous = c;
        if !c.is_whitespace() {
            last = c;
        }
    }
    open.filter(|(q, _)| *q == quote).map(|(_, i)| i)
}

/// For a list item holding `: ` (`- Inköp: klar`), the item with its text quoted.
pub(super) fn colon_item_fix(source: &str, line: usize, column: usize) -> Option<String> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let shape = line_shape(text)?;
    // Only when the whole item was read as a mapping: an error at its value (`- text: [a`, a
    // list never closed) is about the value.
    if !shape.item || !shape.keyed || column != shape.key_column + 1 {
        return None;
    }
    let item: String = text.chars().skip(shape.key_column).collect();
    let item = item.trim_end();
    let quoted = format!("\"{}\"", item.replace('\\', "\\\\").replace('"', "\\\""));
    Some(format!("- {quoted}"))
}

/// For a missing field, the line where the key is written at the wrong indentation, if any.
pub(super) fn misindented_key(
    source: &str,
    line: usize,
    column: usize,
    field: &str,
) -> Option<Note> {
    let expected = column.checked_sub(1)?;
    // Only the lines of the same entry: stop where a line starts left of its parent's level.
    let entry = source
        .lines()
        .enumerate()
        .skip(line)
        .take_while(|(_, text)| line_shape(text).is_none_or(|s| s.indent + 2 >= expected));
    entry.into_iter().find_map(|(i, text)| {
        let shape = line_shape(text)?;
        let key: String = text.chars().skip(shape.key_column).collect();
        (shape.keyed && key.starts_with(&format!("{field}:")) && shape.key_column != expected).then(
            || {
                Note::Hint(crate::tr!(
                    "yaml-misindented-key-hint",
                    field = field.to_string(),
                    line = (i + 1).to_string(),
                    ours = shape.key_column.to_string(),
                    theirs = expected.to_string()
                ))
            },
        )
    })
}

/// Drops the location suffix serde-saphyr appends, since the diagnostic shows it already.
pub(super) fn clean_yaml_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let trimmed = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    let trimmed = trimmed.trim_end_matches('.');
    // Serde names Rust types; say what the user has to write instead.
    if ["invalid i32", "invalid i64", "invalid u32", "invalid u64", "invalid usize"]
        .contains(&trimmed)
    {
        return crate::tr!("yaml-expected-whole-number");
    }
    if trimmed == "invalid bool" {
        return crate::tr!("yaml-expected-bool");
    }
    // List the expected keys the way the rest of the messages quote names.
    if let Some((head, list)) = trimmed.split_once(", expected one of ")
        && !list.contains('`')
    {
        let quoted: Vec<String> = list.split(", ").map(|k| format!("`{k}`")).collect();
        return format!("{head}, expected one of {}", quoted.join(", "));
    }
    trimmed.to_string()
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" message, the nearest valid key.
pub(super) fn unknown_field_hint(message: &str) -> Option<Note> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    if let Some(hint) = nearest(field, expected.iter().copied()) {
        return Some(Note::Hint(crate::tr!("yaml-did-you-mean", name = hint.to_string())));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_gets_nearest_key() {
        let message =
            "unknown field `statsu`, expected one of `id`, `cells`, `status`, `status_text`";
        assert_eq!(unknown_field_hint(message), Some(Note::Hint("did you mean `status`?".into())));
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Entry {
        items: Vec<String>,
    }

    fn parse_error(text: &str) -> Diagnostic {
        parse_yaml::<Entry>(Path::new("a.yaml"), text).unwrap_err()
    }

    #[test]
    fn a_value_of_the_wrong_shape_is_explained_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let en = in_language(UiLanguage::En, || parse_error("items: text\n"));
        assert_eq!(en.message, "expected a list here");
        assert_eq!(
            en.notes,
            [Note::Hint(
                "write each item on its own line starting with `- `, or write `[a, b]`".into()
            )]
        );
        let sv = in_language(UiLanguage::Sv, || parse_error("items: text\n"));
        assert_eq!(sv.message, "här ska det stå en lista");
        assert_eq!(
            sv.notes,
            [Note::Hint(
                "skriv varje punkt på en egen rad som börjar med `- `, eller skriv `[a, b]`".into()
            )]
        );
    }

    #[test]
    fn a_duplicate_key_and_a_misread_line_are_explained_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let twice = "items: []\nitems: []\n";
        let en = in_language(UiLanguage::En, || parse_error(twice));
        assert_eq!(en.message, "duplicate key `items` in the same mapping");
        let sv = in_language(UiLanguage::Sv, || parse_error(twice));
        assert_eq!(sv.message, "nyckeln `items` finns två gånger i samma mappning");
        let spaces = |n| in_language(UiLanguage::Sv, || crate::tr!("yaml-spaces", count = n));
        assert_eq!(spaces(1), "1 mellanslag");
        let en = in_language(UiLanguage::En, || {
            continued_value("status: grön\n    status_text: x\n", 1, "grön status_text: x")
        });
        let (place, message, hint) = en.expect("line 2 continues the value");
        assert_eq!(place, (2, 5));
        assert_eq!(
            message,
            "line 2 is indented 4 spaces, more than the line above it, so YAML read it as part of \
             that line's value"
        );
        assert!(hint.text().starts_with("indent it by 0 spaces, like the line above it"), "{hint}");
        assert!(matches!(hint, Note::Hint(_)));
    }
}
