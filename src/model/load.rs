//! Load stage: reads `report.yaml` and the section files of one report folder, parses them with
//! serde-saphyr under fixed budgets, and validates what serde cannot see (unique ids, matching
//! cell counts, allowed links), collecting every error with its file, line and column.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use pulldown_cmark::{Event, Tag};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use super::{
    Block, BlockKind, ImageFile, Images, Markdown, Part, Report, ReportMeta, Section, SectionKind,
};
use crate::diagnostics::{ContentError, Diagnostic, nearest};

/// Largest content file read, in bytes: far above any real review, far below trouble.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Deepest nesting of YAML lists and mappings in a content file. A review needs about fifteen
/// levels (parts in parts, blocks, a table's rows and cells); deeper input is refused with a
/// message instead of exhausting the stack.
const MAX_YAML_DEPTH: usize = 64;
/// Most YAML values (keys, texts, lists and mappings, an alias counted each time it is used) in
/// one content file. The largest file of the 2023 review holds under 300; this allows a table of
/// some 5 000 rows and keeps loading any file well under a second.
const MAX_YAML_VALUES: usize = 50_000;
/// Most anchors (`&name`), and most aliases (`*name`), in one content file.
const MAX_YAML_ALIASES: usize = 1_000;
/// Most bytes of text in one content file once every alias is expanded, so that a few aliases
/// of a long anchored text cannot multiply into gigabytes.
const MAX_YAML_TEXT_BYTES: usize = 4 * MAX_FILE_BYTES as usize;
/// Deepest heading nesting: section, part, sub-part.
const MAX_HEADING_DEPTH: usize = 3;

/// A loaded report, the warnings found while loading it, and the text of every file it was
/// loaded from.
#[derive(Debug)]
pub struct Loaded {
    /// The validated report.
    pub report: Report,
    /// Things that are legal but probably wrong.
    pub warnings: Vec<Diagnostic>,
    /// The text of `report.yaml` and of each section file, as read, so that later checks
    /// (lints, `follows:` links) quote the lines they point at without reading the disk again.
    pub sources: Sources,
}

/// Loads and validates the report in `dir` (a folder holding `report.yaml`).
pub fn load_report(dir: &Path) -> Result<Loaded, ContentError> {
    load_report_with_brand(dir, None)
}

/// [`load_report`] with the brand file `brand` (e.g. given as `--brand`) in place of the one
/// the lookup from `dir` finds, when given.
pub fn load_report_with_brand(dir: &Path, brand: Option<&Path>) -> Result<Loaded, ContentError> {
    unwound(dir, || load_unguarded(dir, brand))
}

/// The outcome of `load`, with a panic (a library's, on a file made to cause one) turned into
/// an error of the report in `dir`. Every load goes through here, so that `build --all`'s
/// overview and diff pages, which load each report outside its build, and `summary` go on
/// without the report. An allocation failure aborts and cannot be caught: the inputs are
/// bounded before they are decoded for that.
fn unwound(
    dir: &Path,
    load: impl FnOnce() -> Result<Loaded, ContentError>,
) -> Result<Loaded, ContentError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(load)).unwrap_or_else(|payload| {
        let message = format!(
            "internal error while reading the report: {}; please report it",
            crate::pdf::panic_message(&*payload)
        );
        Err(ContentError {
            diagnostics: vec![Diagnostic::file_error(&dir.join("report.yaml"), message)],
        })
    })
}

/// [`load_report_with_brand`] without the guard against panics.
fn load_unguarded(dir: &Path, brand: Option<&Path>) -> Result<Loaded, ContentError> {
    let mut errors = Vec::new();
    let meta_path = dir.join("report.yaml");
    if !meta_path.is_file() {
        let message = if dir.is_dir() {
            format!("no `report.yaml` in `{}`", dir.display())
        } else {
            format!("report folder `{}` does not exist", dir.display())
        };
        let diagnostic = Diagnostic::file_error(&meta_path, message)
            .with_note("hint: a report folder holds `report.yaml` and one YAML file per section");
        return Err(ContentError { diagnostics: vec![diagnostic] });
    }
    let mut sources = Sources::default();
    let meta: ReportMeta = match sources.parse(&meta_path) {
        Ok(meta) => meta,
        Err(diagnostic) => return Err(ContentError { diagnostics: vec![diagnostic] }),
    };
    let meta_source = sources.text(&meta_path).to_string();

    check_year_matches_folder(dir, &meta_path, &meta_source, &meta, &mut errors);
    check_generated_sections(&meta_path, &meta_source, &meta, &mut errors);

    // The sections named, checked in order; then their files read and parsed side by side (most
    // of a load is parsing YAML); then taken in order, so that errors come out as listed.
    let mut listed: Vec<Result<(&str, PathBuf), Diagnostic>> = Vec::new();
    let mut seen_names: HashMap<&str, usize> = HashMap::new();
    for name in &meta.sections {
        let (line, column) = position(name);
        let at = |message: String| Diagnostic::at(&meta_path, &meta_source, line, column, message);
        if !is_valid_name(&name.value) {
            let diagnostic = match continued_value(&meta_source, line, &name.value) {
                Some(((line, column), message, hint)) => {
                    Diagnostic::at(&meta_path, &meta_source, line, column, message).with_note(hint)
                }
                None => at(format!("invalid section name `{}`", name.value))
                    .with_note("hint: a section name is a file stem of letters, digits and `-`"),
            };
            listed.push(Err(diagnostic));
            continue;
        }
        if let Some(first) = seen_names.insert(&name.value, line) {
            listed.push(Err(at(format!("section `{}` is listed twice", name.value))
                .with_note(format!("note: first listed on line {first}"))));
            continue;
        }
        let path = dir.join(format!("{}.yaml", name.value));
        if !path.is_file() {
            let mut diagnostic = at(format!("section file `{}` not found", path.display()));
            let existing = yaml_stems(dir);
            if let Some(hint) = nearest(&name.value, existing.iter().map(String::as_str)) {
                diagnostic = diagnostic.with_note(format!("hint: did you mean `{hint}`?"));
            }
            listed.push(Err(diagnostic));
            continue;
        }
        listed.push(Ok((&name.value, path)));
    }
    let parsed: Vec<_> = listed
        .into_par_iter()
        .map(|listed| {
            listed.map(|(name, path)| match read_text(&path) {
                Ok(text) => (name, parse_yaml(&path, &text), Some(text), path),
                Err(diagnostic) => (name, Err(diagnostic), None, path),
            })
        })
        .collect();
    let mut sections = Vec::new();
    for slot in parsed {
        let (name, part, text, path) = match slot {
            Ok(file) => file,
            Err(diagnostic) => {
                errors.push(diagnostic);
                continue;
            }
        };
        if let Some(text) = text {
            sources.texts.insert(path.clone(), text);
        }
        match part {
            Ok(mut part) => {
                // Incidents named by `from:` are read from the register export here.
                super::register::import_part(
                    dir,
                    &path,
                    sources.text(&path),
                    &mut part,
                    &mut errors,
                );
                sections.push(Section {
                    name: name.to_string(),
                    kind: SectionKind::from_name(name),
                    path,
                    part,
                });
            }
            Err(diagnostic) => errors.push(diagnostic),
        }
    }

    for path in std::iter::once(&meta_path).chain(sections.iter().map(|s| &s.path)) {
        errors.extend(super::glyphs::check(path, sources.text(path), yaml_options()));
    }
    let brand = super::brand::load_for(dir, brand, &mut errors);
    let mut report =
        Report { dir: dir.to_path_buf(), meta, sections, images: Default::default(), brand };
    report.images = validate(&report, &sources, &mut errors);
    report.number_recommendations();
    if errors.is_empty() {
        Ok(Loaded { report, warnings: Vec::new(), sources })
    } else {
        Err(ContentError { diagnostics: errors })
    }
}

/// The text of every file read, so that validation can quote the offending line.
#[derive(Debug, Default)]
pub struct Sources {
    texts: HashMap<PathBuf, String>,
}

impl Sources {
    /// The text of a file read while loading, by the path it was read from; empty for a file
    /// that was not read.
    pub fn text(&self, path: &Path) -> &str {
        self.texts.get(path).map_or("", String::as_str)
    }

    /// Reads and deserialises one YAML file, or explains why it cannot be.
    fn parse<T: DeserializeOwned>(&mut self, path: &Path) -> Result<T, Diagnostic> {
        let text = read_text(path)?;
        let result = parse_yaml(path, &text);
        self.texts.insert(path.to_path_buf(), text);
        result
    }
}

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
        return Err(Diagnostic::file_error(path, "the file is empty")
            .with_note("hint: a content file is a YAML mapping; see docs/content-format.md"));
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
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    use crate::sandbox::{ReadError, Sandbox};

    const MIB: f64 = 1024.0 * 1024.0;
    let cannot_read =
        |e: &std::io::Error| Diagnostic::file_error(path, format!("cannot read the file: {e}"));
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let sandbox = Sandbox::new(folder).map_err(|e| cannot_read(&e))?;
    let bytes = sandbox.read(path, MAX_FILE_BYTES).map_err(|error| match error {
        ReadError::Outside(real) => Diagnostic::file_error(
            path,
            format!("the file is a link to `{}`, outside the report folder", real.display()),
        )
        .with_note(
            "hint: content files are read from the report folder only; copy the file into it",
        ),
        ReadError::IsDirectory | ReadError::NotAFile => {
            Diagnostic::file_error(path, "not a regular file")
        }
        ReadError::TooLarge(size) => Diagnostic::file_error(
            path,
            format!(
                "the file is {:.1} MiB, more than the {} MiB a content file may be",
                size as f64 / MIB,
                MAX_FILE_BYTES as f64 / MIB
            ),
        )
        .with_note("hint: a whole review is well under 1 MiB; is this the right file?"),
        ReadError::NotFound(e) | ReadError::Unresolved(e) | ReadError::Io(e) => cannot_read(&e),
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Diagnostic::file_error(path, "the file is UTF-16 text, not UTF-8").with_note(
                "hint: save the file as UTF-8 (in most editors: \"Save with encoding\")",
            );
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
            format!(
                "the file is not valid UTF-8 text: byte 0x{:02X} does not belong here",
                bytes[at]
            ),
        )
        .with_note(
            "hint: save the file as UTF-8 (in most editors: \"Save with encoding\"); it looks \
             like part of it was written in another encoding, such as Windows-1252",
        );
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
fn yaml_diagnostic(path: &Path, source: &str, error: &serde_saphyr::Error) -> Diagnostic {
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
    fn finish(mut diagnostic: Diagnostic, notes: Vec<String>) -> Diagnostic {
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
    let mut notes: Vec<String> = Vec::new();
    // An error met while expanding an alias is reported where the alias is used; say where its
    // anchor is, since that is where the offending value is written.
    let via_alias = matches!(error, Error::AliasError { .. });
    let error = match error {
        Error::AliasError { error, locations, .. } => {
            let defined = locations.defined_location;
            if defined.line() > 0 {
                notes.push(format!(
                    "note: `*` repeats the value anchored with `&` on line {}",
                    defined.line()
                ));
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
                    format!("lists and mappings are nested more than {MAX_YAML_DEPTH} levels deep"),
                    "hint: a review nests a handful of levels; check the brackets and the indentation"
                        .to_string(),
                ),
                BudgetBreach::Nodes { .. } => (
                    format!(
                        "the file holds more than {MAX_YAML_VALUES} YAML values (keys, texts, \
                         lists; an alias `*name` counts each time it is used)"
                    ),
                    if via_alias {
                        "hint: an alias repeats the whole anchored value, and aliases of aliases \
                         multiply; write the repeated content out"
                    } else {
                        "hint: that is about 5000 table rows; split the content into several parts \
                         or section files"
                    }
                    .to_string(),
                ),
                BudgetBreach::Aliases { .. }
                | BudgetBreach::Anchors { .. }
                | BudgetBreach::AliasAnchorRatio { .. } => (
                    format!(
                        "the file uses more than {MAX_YAML_ALIASES} anchors (`&name`) or aliases \
                         (`*name`)"
                    ),
                    "hint: write repeated text out instead of using aliases".to_string(),
                ),
                BudgetBreach::ScalarBytes { .. } => (
                    format!(
                        "the file's text is more than {} MiB once its aliases (`*name`) are expanded",
                        MAX_YAML_TEXT_BYTES / (1024 * 1024)
                    ),
                    "hint: every alias repeats the whole anchored value; write long texts once"
                        .to_string(),
                ),
                other => (
                    format!("the file is larger or more complex than a content file may be ({other:?})"),
                    "hint: a content file holds one section of one review".to_string(),
                ),
            };
            notes.push(hint);
            message
        }
        Error::DuplicateMappingKey { key, .. } => {
            notes.push(
                "hint: a key may appear once in a mapping; remove one of them, or, if they belong \
                 to two entries of a list, start the second entry with `- `"
                    .into(),
            );
            match key {
                Some(key) => format!("duplicate key `{key}` in the same mapping"),
                None => "duplicate key in the same mapping".into(),
            }
        }
        Error::MultipleDocuments { .. } => {
            notes.push(
                "hint: a line `---` starts a new YAML document; a content file is one document, \
                 so remove the `---` line"
                    .into(),
            );
            "the file holds more than one YAML document".into()
        }
        Error::NullIntoString { .. } => {
            notes.push(
                "hint: write the text after the colon, or leave the key out if it is optional"
                    .into(),
            );
            "this value is empty".into()
        }
        Error::Unexpected { expected, .. }
            if *expected == "string scalar" && colon_item_fix(source, line, column).is_some() =>
        {
            let fix = colon_item_fix(source, line, column).unwrap_or_default();
            notes.push(format!("hint: put the text in quotes: `{fix}`"));
            "this text holds `: `, which YAML reads as a key and its value".into()
        }
        Error::Unexpected { expected, .. } => {
            let (message, hint) = match *expected {
                "sequence start" => (
                    "expected a list here",
                    "hint: write each item on its own line starting with `- `, or write `[a, b]`",
                ),
                "mapping start" => (
                    "expected `key: value` entries here",
                    "hint: a content file, a block, a row and a recommendation are each a set of \
                     `key: value` lines",
                ),
                "string scalar" => (
                    "expected a single text here, not a list or mapping",
                    "hint: text that starts with `[` or `{` must be quoted: '[...]'",
                ),
                other => {
                    notes.push("hint: see docs/content-format.md for what each key holds".into());
                    return finish(
                        Diagnostic::at(
                            path,
                            source,
                            line,
                            column,
                            format!("expected {other} here"),
                        ),
                        notes,
                    );
                }
            };
            notes.push(hint.into());
            message.into()
        }
        Error::UnsupportedTag { tag, .. } | Error::TaggedStructFieldName { tag, .. } => {
            notes.push(
                "hint: content files use no YAML tags (`!name`); they cannot include other files"
                    .into(),
            );
            format!("unsupported YAML tag `{tag}`")
        }
        Error::SerdeUnknownVariant { variant, expected, .. } => {
            let list: Vec<String> = expected.iter().map(|v| format!("`{v}`")).collect();
            if let Some(hint) = nearest(variant, expected.iter().copied()) {
                notes.push(format!("hint: did you mean `{hint}`?"));
            }
            format!("unknown value `{variant}`, expected one of {}", list.join(", "))
        }
        Error::Eof { .. } => {
            syntax_error = true;
            "the file ends in the middle of a value".into()
        }
        _ if at_error.is_some_and(|c| c.is_control() && c != '\t') => {
            let c = at_error.unwrap_or_default();
            notes.push("hint: remove it; it is invisible in most editors".into());
            format!(
                "the file contains the control character U+{:04X}, which YAML does not allow",
                c as u32
            )
        }
        Error::ExternalMessage { msg, .. } if msg.contains("recursion limit") => {
            notes.push(
                "hint: a review nests a handful of levels; check the brackets and the indentation"
                    .into(),
            );
            format!("lists and mappings are nested more than {MAX_YAML_DEPTH} levels deep")
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
        notes.push(format!(
            "note: the `{bracket}` on line {open_line}, column {open_column} is still open here; \
             is a `{close}` missing?"
        ));
    }
    if let Some(hint) = unknown_field_hint(&message) {
        notes.push(hint);
    } else if message.contains("tabs disallowed") || message.contains("found a tab") {
        // The parser may stop at the value before the tab; point at the tab itself.
        let (line, column) = tab_in_indentation(source, line).unwrap_or((line, column));
        notes.push(
            "hint: YAML is indented with spaces only; replace the tab with spaces, as many as the \
             lines beside it use"
                .into(),
        );
        let message = format!("line {line} is indented with a tab, and YAML allows only spaces");
        return finish(Diagnostic::at(path, source, line, column, message), notes);
    } else if let Some(field) = message.strip_prefix("missing field ") {
        match misindented_key(source, line, column, field.trim_matches('`')) {
            Some(note) => notes.push(note),
            None => notes.push(format!(
                "hint: add {field} to this entry, or check that it is indented like the keys \
                 beside it"
            )),
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
    finish(Diagnostic::at(path, source, line, column, message), notes)
}

/// The 1-based line and column of the first tab in the indentation of line `line` or a line
/// after it (the parser may report the value before the tab), else of a line before it.
fn tab_in_indentation(source: &str, line: usize) -> Option<(usize, usize)> {
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
struct LineShape {
    indent: usize,
    key_column: usize,
    item: bool,
    keyed: bool,
}

fn line_shape(text: &str) -> Option<LineShape> {
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
fn plain_syntax_error(
    source: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<(String, String)> {
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
                "this text holds `: `, which YAML reads as the start of a new key".into(),
                format!("hint: put the text in quotes: `{key}: {quoted}`"),
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
    let spaces = |n: usize| if n == 1 { "1 space".to_string() } else { format!("{n} spaces") };
    let fix = if theirs == 0 {
        "start it at the beginning of the line".to_string()
    } else {
        format!("indent it by {}", spaces(theirs))
    };
    Some((
        if theirs == 0 {
            format!("line {line} is indented {}, but the lines around it are not", spaces(ours))
        } else {
            format!(
                "line {line} is indented {}, but the lines around it are indented {}",
                spaces(ours),
                spaces(theirs)
            )
        },
        format!(
            "hint: {fix}; in YAML, lines at the same level must start in the same column, and \
             how far a line is indented says what it belongs to"
        ),
    ))
}

/// A (line, column) of a file, both 1-based.
type Place = (usize, usize);

/// Three mistakes the parser reports far from where they are, or in its own words: a quote
/// never closed on its line (the parser reads on to the next quote), a line of a `|` text
/// indented less than the text's first line, a line indented more than the `key:` above it (read
/// as part of that key's value), and a text starting with `!` (read as a YAML tag). Returns
/// where the mistake is, the message and the hint.
fn misread_yaml(
    source: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<(Place, String, String)> {
    let lines: Vec<&str> = source.lines().collect();
    let indent = |text: &str| text.chars().take_while(|c| *c == ' ').count();
    let spaces = |n: usize| if n == 1 { "1 space".to_string() } else { format!("{n} spaces") };
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
            format!("the text that starts with `{quote}` here is not closed on its line"),
            format!(
                "hint: end it with a `{quote}`: `{}`; without one, YAML reads on to the next \
                 `{quote}`, on line {line}",
                fixed.trim_start()
            ),
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
                        format!(
                            "line {line} is indented {}, less than the first line of the text it \
                             belongs to ({})",
                            spaces(ours),
                            spaces(theirs)
                        ),
                        format!(
                            "hint: indent it by {}; every line of a text written after `|` starts \
                             in the column of its first line",
                            spaces(theirs)
                        ),
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
            "a text that starts with `!` must be in quotes: YAML reads `!` as the start of a tag"
                .into(),
            format!("hint: write it as {quoted}"),
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
) -> Option<(Place, String, String)> {
    let lines: Vec<&str> = source.lines().collect();
    let indent = |text: &str| text.chars().take_while(|c| *c == ' ').count();
    let spaces = |n: usize| if n == 1 { "1 space".to_string() } else { format!("{n} spaces") };
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
        format!(
            "line {} is indented {}, more than the line above it, so YAML read it as part of \
             that line's value",
            next + 1,
            spaces(ours)
        ),
        format!(
            "hint: indent it by {}, like the line above it; in YAML, how far a line is indented \
             says what it belongs to",
            spaces(key_column)
        ),
    ))
}

/// The label of the first `[^label]` in `text` (Markdown's text outside code, after parsing):
/// a footnote reference whose footnote is not defined.
fn undefined_footnote(text: &str) -> Option<&str> {
    text.match_indices("[^").find_map(|(i, _)| {
        let rest = &text[i + 2..];
        let end = rest.find(']')?;
        let label = &rest[..end];
        let is_label =
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        is_label.then_some(label)
    })
}

/// The byte column of the quote on `text` that opens a text not closed on the line, if any;
/// only a quote where a value starts opens one (not one inside a comment, an unquoted text or
/// the other kind of quotes).
fn unpaired_quote(text: &str, quote: char) -> Option<usize> {
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
fn colon_item_fix(source: &str, line: usize, column: usize) -> Option<String> {
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
fn misindented_key(source: &str, line: usize, column: usize, field: &str) -> Option<String> {
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
                format!(
                    "hint: `{field}` is on line {}, indented {} spaces; the keys beside it use {}, \
                     so indent it by {} too",
                    i + 1,
                    shape.key_column,
                    expected,
                    expected
                )
            },
        )
    })
}

/// Drops the location suffix serde-saphyr appends, since the diagnostic shows it already.
fn clean_yaml_message(message: &str) -> String {
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
        return "expected a whole number here, e.g. `2023`".into();
    }
    if trimmed == "invalid bool" {
        return "expected `true` or `false` here".into();
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
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    if let Some(hint) = nearest(field, expected.iter().copied()) {
        return Some(format!("hint: did you mean `{hint}`?"));
    }
    None
}

fn position<T>(spanned: &Spanned<T>) -> (usize, usize) {
    (spanned.referenced.line() as usize, spanned.referenced.column() as usize)
}

fn is_valid_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The stems of the YAML files in `dir`, for "did you mean" hints.
fn yaml_stems(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            name.strip_suffix(".yaml").map(str::to_string)
        })
        .collect()
}

/// Each generated section named once, by a known name, placed after a listed section.
fn check_generated_sections(
    path: &Path,
    source: &str,
    meta: &ReportMeta,
    errors: &mut Vec<Diagnostic>,
) {
    let Some(list) = &meta.generated_sections else { return };
    let names: Vec<&str> = super::GENERATED_SECTIONS.iter().map(|(n, _)| *n).collect();
    let listed: Vec<&str> = meta.sections.iter().map(|s| s.value.as_str()).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for item in list {
        let (line, column) = position(item);
        let at = |message: String| Diagnostic::at(path, source, line, column, message);
        if item.value.len() != 1 {
            errors.push(
                at("each item of `generated_sections` names one section".to_string()).with_note(
                    "hint: write one name per item, e.g. `- status_overview: { after: summary }`",
                ),
            );
        }
        for (name, place) in &item.value {
            if !names.contains(&name.as_str()) {
                let hint = match nearest(name, names.iter().copied()) {
                    Some(near) => format!("hint: did you mean `{near}`?"),
                    None => format!(
                        "hint: the generated sections are {}",
                        names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
                    ),
                };
                errors.push(at(format!("unknown generated section `{name}`")).with_note(hint));
                continue;
            }
            if let Some(first) = seen.insert(name, line) {
                errors.push(
                    at(format!("generated section `{name}` is listed twice"))
                        .with_note(format!("note: first listed on line {first}")),
                );
            }
            let Some(after) = place.as_ref().and_then(|p| p.after.as_ref()) else { continue };
            if !listed.contains(&after.value.as_str()) {
                let (line, column) = position(after);
                let mut diagnostic = Diagnostic::at(
                    path,
                    source,
                    line,
                    column,
                    format!("`after: {}` names no section listed under `sections`", after.value),
                );
                diagnostic =
                    diagnostic.with_note(match nearest(&after.value, listed.iter().copied()) {
                        Some(near) => format!("hint: did you mean `{near}`?"),
                        None => "hint: `after` takes a file stem listed under `sections`".into(),
                    });
                errors.push(diagnostic);
            }
        }
    }
}

fn check_year_matches_folder(
    dir: &Path,
    meta_path: &Path,
    source: &str,
    meta: &ReportMeta,
    errors: &mut Vec<Diagnostic>,
) {
    let folder_year = dir.file_name().and_then(|n| n.to_str()).and_then(|n| n.parse::<i32>().ok());
    if let Some(folder_year) = folder_year
        && folder_year != meta.year.value
    {
        let (line, column) = position(&meta.year);
        errors.push(
            Diagnostic::at(
                meta_path,
                source,
                line,
                column,
                format!(
                    "`year: {}` does not match the folder name `{folder_year}`",
                    meta.year.value
                ),
            )
            .with_note(format!("hint: write `year: {folder_year}` or rename the folder")),
        );
    }
}

/// Validation that needs the whole report: ids, table shapes, heading depth, Markdown links.
/// Returns the images the report's Markdown shows, read from the report folder.
fn validate(report: &Report, sources: &Sources, errors: &mut Vec<Diagnostic>) -> Images {
    let meta_path = report.dir.join("report.yaml");
    let mut ids: HashMap<String, (PathBuf, usize)> = HashMap::new();
    let files = crate::sandbox::Sandbox::lenient(&report.dir);
    let year = report.year();
    // The brand's logos are decoded with the report's images (each distinct file once).
    let mut logos: Vec<&[u8]> = report
        .brand
        .iter()
        .flat_map(|b| [&b.logo, &b.header_logo])
        .flatten()
        .map(|l| l.bytes.as_slice())
        .collect();
    logos.dedup();
    let pixels = logos.iter().map(|bytes| decoded_pixels(bytes)).sum();
    let mut check =
        Checker { sources, errors, ids: &mut ids, files, images: Images::new(), pixels, year };
    for markdown in report.meta.status_legend.values() {
        check.markdown(&meta_path, markdown);
    }
    for revision in &report.meta.revision_history {
        check.markdown(&meta_path, &revision.description);
    }
    for note in report.meta.revision_note.iter().chain(&report.meta.note) {
        check.markdown(&meta_path, note);
    }
    for section in &report.sections {
        check.depth(&section.path, &section.part, 1);
        for placed in section.blocks() {
            check.block(&section.path, placed.block);
        }
    }
    check.images
}

struct Checker<'a> {
    sources: &'a Sources,
    errors: &'a mut Vec<Diagnostic>,
    ids: &'a mut HashMap<String, (PathBuf, usize)>,
    /// The report folder: images must be inside it.
    files: crate::sandbox::Sandbox,
    /// The images read so far, by their Markdown path.
    images: Images,
    /// The pixels those images decode to, together.
    pixels: u64,
    /// The year under review: incidents must be dated within a year of it.
    year: i32,
}

impl Checker<'_> {
    fn error(&mut self, path: &Path, (line, column): (usize, usize), message: String) -> usize {
        self.errors.push(Diagnostic::at(path, self.sources.text(path), line, column, message));
        self.errors.len() - 1
    }

    /// Parts nested deeper than a heading level can show.
    fn depth(&mut self, path: &Path, part: &Part, depth: usize) {
        if depth > MAX_HEADING_DEPTH {
            let d =
                Diagnostic::file_error(path, format!("part `{}` is nested too deeply", part.title))
                    .with_note(format!(
                        "hint: parts nest at most {MAX_HEADING_DEPTH} heading levels"
                    ));
            self.errors.push(d);
        }
        for sub in &part.parts {
            self.depth(path, sub, depth + 1);
        }
    }

    /// One block's ids, shape and Markdown; the blocks of appendices come on their own (see
    /// [`Report::blocks`]).
    fn block(&mut self, path: &Path, block: &Block) {
        match &block.kind {
            BlockKind::Text(markdown) => self.markdown(path, markdown),
            BlockKind::Table(table) => {
                let columns = table.columns.value.len();
                if columns == 0 {
                    let at = position(&table.columns);
                    self.error(path, at, "a table needs at least one column".into());
                }
                for row in &table.rows {
                    self.id(path, &row.id);
                    let cells = row.cells.value.len();
                    if cells != columns {
                        let at = position(&row.cells);
                        let i = self.error(
                            path,
                            at,
                            format!(
                                "row `{}` has {cells} cell{} but the table has {columns} column{}",
                                row.id.value,
                                plural(cells),
                                plural(columns)
                            ),
                        );
                        let note = format!(
                            "note: the columns are {}; the status goes under `status_text`",
                            table
                                .columns
                                .value
                                .iter()
                                .map(|c| format!("`{c}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        );
                        self.errors[i].notes.push(note);
                    }
                    for cell in &row.cells.value {
                        self.markdown(path, cell);
                    }
                    if let Some(text) = &row.status_text {
                        self.markdown(path, text);
                    }
                }
            }
            BlockKind::Recommendations(recommendations) => {
                for rec in recommendations {
                    self.id(path, &rec.id);
                    for text in
                        [Some(&rec.text), rec.how.as_ref(), rec.who.as_ref()].into_iter().flatten()
                    {
                        self.markdown(path, text);
                    }
                }
            }
            BlockKind::Appendices(appendices) => {
                for appendix in appendices {
                    self.id(path, &appendix.id);
                }
            }
            BlockKind::Incidents(incidents) => self.incidents(path, incidents),
            BlockKind::GapAnalysis(gap) => self.gap_analysis(path, gap),
        }
    }

    /// Incident ids, categories from the list in force, and their texts.
    fn incidents(&mut self, path: &Path, incidents: &super::Incidents) {
        let categories = incidents.categories();
        for incident in &incidents.records {
            self.id(path, &incident.id);
            // A typo like 2204 would otherwise stretch the per-month table over centuries.
            let date = incident.date.value.0;
            if (date.year() - self.year).abs() > 1 {
                let i = self.error(
                    path,
                    position(&incident.date),
                    format!(
                        "incident `{}` is dated {}, outside the report's year {}",
                        incident.id.value,
                        date.format("%Y-%m-%d"),
                        self.year
                    ),
                );
                let years = format!("{}–{}", self.year - 1, self.year + 1);
                self.errors[i]
                    .notes
                    .push(format!("hint: incidents must be dated within {years}; check the year"));
            }
            let category = &incident.category.value;
            if !categories.iter().any(|c| c == category) {
                let i = self.error(
                    path,
                    position(&incident.category),
                    format!("unknown incident category `{category}`"),
                );
                let hint = match nearest(category, categories.iter().map(String::as_str)) {
                    Some(near) => format!("hint: did you mean `{near}`?"),
                    None => format!(
                        "hint: the categories are {}; list your own under `categories:`",
                        categories.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                    ),
                };
                self.errors[i].notes.push(hint);
            }
            let texts = [
                Some(&incident.description),
                incident.consequence.as_ref(),
                incident.actions.as_ref(),
            ];
            for text in texts.into_iter().flatten() {
                self.markdown(path, text);
            }
        }
    }

    /// GAP entries name known requirements, each at most once.
    fn gap_analysis(&mut self, path: &Path, gap: &super::GapAnalysis) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for entry in &gap.requirements {
            let clause = entry.clause.value.trim();
            let at = position(&entry.clause);
            if super::requirement(clause).is_none() {
                let i = self.error(
                    path,
                    at,
                    format!("unknown ISO/IEC 27001:2022 requirement `{clause}`"),
                );
                let ids = super::REQUIREMENTS.iter().map(|r| r.id);
                let hint = match nearest(clause, ids) {
                    Some(near) => format!("hint: did you mean `{near}`?"),
                    None => {
                        "hint: use a clause from 4.1 to 10.2, or an Annex A theme A.5 to A.8".into()
                    }
                };
                self.errors[i].notes.push(hint);
            } else if let Some(first) = seen.insert(clause, at.0) {
                let i = self.error(path, at, format!("requirement `{clause}` is assessed twice"));
                self.errors[i].notes.push(format!("note: first assessed on line {first}"));
            }
            let texts =
                [entry.current_state.as_ref(), entry.comment.as_ref(), entry.action.as_ref()];
            for text in texts.into_iter().flatten() {
                self.markdown(path, text);
            }
        }
    }

    /// Checks an id's spelling and that no other item of the report has it.
    fn id(&mut self, path: &Path, id: &Spanned<String>) {
        let at = position(id);
        let value = &id.value;
        let valid = !value.is_empty()
            && value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !value.starts_with('-');
        if !valid {
            let i = self.error(path, at, format!("invalid id `{value}`"));
            self.errors[i]
                .notes
                .push(format!("hint: ids use a-z, 0-9 and `-`, e.g. `{}`", slug(value)));
            return;
        }
        if let Some((first_path, first_line)) = self.ids.get(value) {
            let note = format!("note: first used at {}:{first_line}", first_path.display());
            let i = self.error(path, at, format!("duplicate id `{value}`"));
            self.errors[i].notes.push(note);
            self.errors[i].notes.push("hint: every row and recommendation needs its own id".into());
        } else {
            self.ids.insert(value.clone(), (path.to_path_buf(), at.0));
        }
    }

    /// Checks that Markdown holds only what both outputs can show safely.
    fn markdown(&mut self, path: &Path, markdown: &Markdown) {
        // The image being read: its path and its description so far.
        let mut image: Option<(String, String)> = None;
        // The text outside code, where a footnote reference left as text shows (`[^1]` with no
        // `[^1]: …` is not a footnote in GitHub's Markdown, but would be printed as written).
        let mut plain = String::new();
        for event in super::markdown_parser(&markdown.text) {
            if let Event::Text(text) = &event {
                plain.push_str(text);
            }
            match event {
                Event::Start(Tag::Link { dest_url, .. }) if !is_allowed_link(&dest_url) => {
                    let i = self.error(
                        path,
                        (markdown.line, markdown.column),
                        format!("link to `{dest_url}` is not allowed"),
                    );
                    self.errors[i]
                        .notes
                        .push("hint: links must be http://, https:// or mailto: addresses".into());
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    image = Some((dest_url.to_string(), String::new()));
                }
                Event::Text(text) | Event::Code(text) => {
                    if let Some((_, alt)) = &mut image {
                        alt.push_str(&text);
                    }
                }
                Event::End(pulldown_cmark::TagEnd::Image) => {
                    if let Some((url, alt)) = image.take() {
                        self.image(path, markdown, &url, &alt);
                    }
                }
                _ => {}
            }
        }
        if let Some(label) = undefined_footnote(&plain) {
            let at = (markdown.line, markdown.column);
            let i = self.error(path, at, format!("footnote `[^{label}]` is never written"));
            self.errors[i].notes.push(format!(
                "hint: write its text in the same field, on a line of its own after a blank \
                 line: `[^{label}]: Källa: …`"
            ));
        }
    }

    /// An image must be a file of an allowed type and size inside the report folder, and have
    /// a description (PDF/UA and WCAG need one).
    fn image(&mut self, path: &Path, markdown: &Markdown, url: &str, alt: &str) {
        let at = (markdown.line, markdown.column);
        let outside = url.contains("://")
            || url.starts_with('/')
            || url.starts_with('\\')
            || Path::new(url).components().any(|c| !matches!(c, std::path::Component::Normal(_)));
        if outside {
            let i = self.error(path, at, format!("image `{url}` is outside the report folder"));
            self.errors[i].notes.push(
                "hint: put the image in the report folder and give its path from there, e.g. `bilder/karta.png`".into(),
            );
            return;
        }
        // A path written as Windows shows it: Typst (and a web browser) read only `/`, and the
        // report must build the same on every system, so the writer is asked for `/`.
        if url.contains('\\') {
            let i = self.error(path, at, format!("image `{url}` has a `\\` in its path"));
            self.errors[i].notes.push(format!(
                "hint: separate folders with `/`, as on the web: `{}`",
                url.replace('\\', "/")
            ));
            return;
        }
        let extension =
            Path::new(url).extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
        let Some(mime) = IMAGE_TYPES.iter().find(|(ext, _)| *ext == extension).map(|(_, m)| *m)
        else {
            let i = self.error(path, at, format!("image `{url}` is not of an allowed type"));
            self.errors[i].notes.push("hint: use a PNG, JPEG, GIF or SVG file".into());
            return;
        };
        use crate::sandbox::ReadError;
        let file = self.files.root().join(url);
        // An image shown twice is read once; the second use still needs its description.
        let bytes = if self.images.contains_key(url) {
            None
        } else {
            match self.files.read(&file, MAX_IMAGE_BYTES) {
                Ok(bytes) => Some(bytes),
                Err(ReadError::NotFound(_) | ReadError::Unresolved(_)) => {
                    self.error(path, at, format!("image `{url}` not found in the report folder"));
                    return;
                }
                Err(ReadError::Outside(real)) => {
                    let message = format!(
                        "image `{url}` is a link to `{}`, outside the report folder",
                        real.display()
                    );
                    self.error(path, at, message);
                    return;
                }
                Err(ReadError::IsDirectory | ReadError::NotAFile | ReadError::TooLarge(_)) => {
                    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
                    let i = self.error(
                        path,
                        at,
                        format!(
                            "image `{url}` is {} KiB, more than the {} KiB allowed",
                            size / 1024,
                            MAX_IMAGE_BYTES / 1024
                        ),
                    );
                    self.errors[i].notes.push("hint: save the image at a smaller size".into());
                    return;
                }
                Err(ReadError::Io(e)) => {
                    self.error(path, at, format!("cannot read image `{url}`: {e}"));
                    return;
                }
            }
        };
        if alt.trim().is_empty() {
            let i = self.error(path, at, format!("image `{url}` has no description"));
            self.errors[i].notes.push(format!(
                "hint: describe it for readers who cannot see it: `![Karta över ...]({url})`"
            ));
            return;
        }
        if let Some(bytes) = bytes {
            let pixels = decoded_pixels(&bytes);
            if self.pixels + pixels > MAX_REPORT_PIXELS {
                let message = format!(
                    "image `{url}` is {} megapixels, which takes the report's images past the {} \
                     megapixels a report may show",
                    pixels.div_ceil(1_000_000),
                    MAX_REPORT_PIXELS / 1_000_000
                );
                let i = self.error(path, at, message);
                self.errors[i].notes.push(
                    "hint: save the images at the size they are shown; 2,000 pixels across is \
                     sharp on a printed page"
                        .into(),
                );
                return;
            }
            self.pixels += pixels;
            self.images.insert(url.to_string(), ImageFile { mime, bytes });
        }
    }
}

/// The image types Markdown may show, with their media types.
const IMAGE_TYPES: &[(&str, &str)] = &[
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("svg", "image/svg+xml"),
];
/// Largest image Markdown may show.
const MAX_IMAGE_BYTES: u64 = 5 * 1024 * 1024;

/// Most pixels the images of one report may decode to, together. Typst decodes each raster
/// image whole (at three or four bytes a pixel) and keeps it for the build, and a small file
/// can hold a large image: three 466 KB PNGs of 16 000 × 10 000 took a build to 1.45 GB. A
/// hundred megapixels is eight full-size photos from a phone camera, or fifty full-HD screen
/// shots, and keeps a report's decoded images within about 300 MB (two different PNGs of
/// 7 000 × 7 000 took a build's peak from 43 MB to 329 MB).
pub const MAX_REPORT_PIXELS: u64 = 100_000_000;

/// The pixels a raster image decodes to (width × height, as the decoder Typst uses reads
/// them from the header); 0 for an SVG, which is drawn rather than decoded, and for a file no
/// decoder reads, which the build then refuses as Typst does.
pub fn decoded_pixels(bytes: &[u8]) -> u64 {
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format();
    // Without the decoder's own limit, which would refuse to read the size of a huge image.
    match reader.map(|mut reader| {
        reader.no_limits();
        reader.into_dimensions()
    }) {
        Ok(Ok((width, height))) => u64::from(width) * u64::from(height),
        _ => 0,
    }
}

/// Whether a Markdown link target may appear in the outputs.
pub fn is_allowed_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|p| lower.starts_with(p)) && !lower.contains(' ')
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A suggestion for a valid id made from an invalid one.
fn slug(value: &str) -> String {
    slug_or(value, "rad-01")
}

/// Text as an id: lower-case ASCII letters, digits and single `-`; `fallback` when nothing is
/// left.
pub(crate) fn slug_or(value: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in value.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { fallback.into() } else { out }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn unknown_field_gets_nearest_key() {
        let message =
            "unknown field `statsu`, expected one of `id`, `cells`, `status`, `status_text`";
        assert_eq!(unknown_field_hint(message).as_deref(), Some("hint: did you mean `status`?"));
    }

    /// A PNG that states `width` × `height` pixels and holds next to none.
    pub(crate) fn stated_png(width: u32, height: u32) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
            out.extend((data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend(kind);
            out.extend(data);
            let mut crc = !0u32;
            for byte in &out[start..] {
                crc ^= u32::from(*byte);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
                }
            }
            out.extend((!crc).to_be_bytes());
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut header = [width.to_be_bytes(), height.to_be_bytes()].concat();
        header.extend([8, 2, 0, 0, 0]);
        chunk(&mut png, b"IHDR", &header);
        chunk(&mut png, b"IDAT", &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0, 0, 0, 1]);
        chunk(&mut png, b"IEND", &[]);
        png
    }

    #[test]
    fn decoded_pixels_are_read_from_the_header_however_large() {
        assert_eq!(decoded_pixels(&stated_png(640, 480)), 640 * 480);
        // Past the decoder's own limit of 512 MiB, which would hide the size.
        assert_eq!(decoded_pixels(&stated_png(100_000, 100_000)), 10_000_000_000);
        let gif = b"GIF89a\x0A\x00\x05\x00\x80\x00\x00\xFF\xFF\xFF\x00\x00\x00\
                    ,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
        assert_eq!(decoded_pixels(gif), 50);
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="9000"/>"#;
        assert_eq!(decoded_pixels(svg), 0);
        assert_eq!(decoded_pixels(b"not an image"), 0);
    }

    // A panic while reading one report ended `build --all` (its overview loads every report
    // outside the reports' own builds) with no outputs and no index.
    #[test]
    fn a_panic_while_loading_is_the_reports_error() {
        let dir = Path::new("content/2024");
        let error = unwound(dir, || panic!("index out of bounds")).unwrap_err();
        let text = error.to_string();
        assert!(text.contains("internal error while reading the report: index out of bounds"));
        assert!(text.contains(&dir.join("report.yaml").display().to_string()), "{text}");
    }

    #[test]
    fn slug_suggests_a_valid_id() {
        assert_eq!(slug("Årshjul Januari!"), "arshjul-januari");
    }

    #[test]
    fn only_web_and_mail_links_are_allowed() {
        assert!(is_allowed_link("https://example.se/a"));
        assert!(is_allowed_link("mailto:isam@example.se"));
        assert!(!is_allowed_link("../../etc/passwd"));
        assert!(!is_allowed_link("/etc/passwd"));
        assert!(!is_allowed_link("javascript:alert(1)"));
        assert!(!is_allowed_link("file:///etc/passwd"));
    }
}
