//! Load stage: reads `report.yaml` and the section files of one report folder, parses them with
//! serde-saphyr under fixed budgets, and validates what serde cannot see (unique ids, matching
//! cell counts, allowed links), collecting every error with its file, line and column.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Tag};
use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use super::{Block, BlockKind, Markdown, Part, Report, ReportMeta, Section, SectionKind};
use crate::diagnostics::{ContentError, Diagnostic, nearest};

/// Largest content file read, in bytes: far above any real review, far below trouble.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Deepest heading nesting: section, part, sub-part.
const MAX_HEADING_DEPTH: usize = 3;

/// A loaded report and the warnings found while loading it.
#[derive(Debug)]
pub struct Loaded {
    /// The validated report.
    pub report: Report,
    /// Things that are legal but probably wrong.
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates the report in `dir` (a folder holding `report.yaml`).
pub fn load_report(dir: &Path) -> Result<Loaded, ContentError> {
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

    let mut sections = Vec::new();
    let mut seen_names: HashMap<&str, usize> = HashMap::new();
    for name in &meta.sections {
        let (line, column) = position(name);
        let at = |message: String| Diagnostic::at(&meta_path, &meta_source, line, column, message);
        if !is_valid_name(&name.value) {
            errors.push(
                at(format!("invalid section name `{}`", name.value))
                    .with_note("hint: a section name is a file stem of letters, digits and `-`"),
            );
            continue;
        }
        if let Some(first) = seen_names.insert(&name.value, line) {
            errors.push(
                at(format!("section `{}` is listed twice", name.value))
                    .with_note(format!("note: first listed on line {first}")),
            );
            continue;
        }
        let path = dir.join(format!("{}.yaml", name.value));
        if !path.is_file() {
            let mut diagnostic = at(format!("section file `{}` not found", path.display()));
            let existing = yaml_stems(dir);
            if let Some(hint) = nearest(&name.value, existing.iter().map(String::as_str)) {
                diagnostic = diagnostic.with_note(format!("hint: did you mean `{hint}`?"));
            }
            errors.push(diagnostic);
            continue;
        }
        match sources.parse::<Part>(&path) {
            Ok(part) => sections.push(Section {
                name: name.value.clone(),
                kind: SectionKind::from_name(&name.value),
                path,
                part,
            }),
            Err(diagnostic) => errors.push(diagnostic),
        }
    }

    let report = Report { dir: dir.to_path_buf(), meta, sections };
    validate(&report, &sources, &mut errors);
    if errors.is_empty() {
        Ok(Loaded { report, warnings: Vec::new() })
    } else {
        Err(ContentError { diagnostics: errors })
    }
}

/// The text of every file read, so that validation can quote the offending line.
#[derive(Default)]
struct Sources {
    texts: HashMap<PathBuf, String>,
}

impl Sources {
    fn text(&self, path: &Path) -> &str {
        self.texts.get(path).map_or("", String::as_str)
    }

    /// Reads and deserialises one YAML file, or explains why it cannot be.
    fn parse<T: DeserializeOwned>(&mut self, path: &Path) -> Result<T, Diagnostic> {
        let text = read_text(path)?;
        if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
            return Err(Diagnostic::file_error(path, "the file is empty").with_note(
                "hint: a content file is a YAML mapping; see docs/content-format.md",
            ));
        }
        let options = serde_saphyr::options! {
            with_snippet: false,
            budget: serde_saphyr::budget! {
                max_depth: 64,
                flow_nesting_limit: 64,
                max_aliases: 1000,
                max_anchors: 1000,
                max_nodes: 200_000,
            },
        };
        let result = serde_saphyr::from_str_with_options::<T>(&text, options);
        self.texts.insert(path.to_path_buf(), text);
        result.map_err(|error| yaml_diagnostic(path, self.text(path), &error))
    }
}

/// Reads a content file as UTF-8 text, within the size limit, without a byte-order mark.
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let size = fs::metadata(path)
        .map_err(|e| Diagnostic::file_error(path, format!("cannot read the file: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::file_error(
            path,
            format!(
                "the file is {} KiB, more than the {} KiB a content file may be",
                size / 1024,
                MAX_FILE_BYTES / 1024
            ),
        ));
    }
    let bytes = fs::read(path)
        .map_err(|e| Diagnostic::file_error(path, format!("cannot read the file: {e}")))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let mut d = Diagnostic::file_error(path, "the file is not valid UTF-8 text")
            .with_note("hint: save the file as UTF-8 (in most editors: \"Save with encoding\")");
        d.line = line;
        d
    })?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    Ok(text)
}

/// Turns a serde-saphyr error into a diagnostic, adding a suggestion for unknown keys.
fn yaml_diagnostic(path: &Path, source: &str, error: &serde_saphyr::Error) -> Diagnostic {
    let (line, column) = error
        .location()
        .map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
    let message = clean_yaml_message(&error.without_snippet().to_string());
    let mut diagnostic = Diagnostic::at(path, source, line, column, message.clone());
    if let Some(hint) = unknown_field_hint(&message) {
        diagnostic = diagnostic.with_note(hint);
    } else if message.contains("tabs disallowed") {
        diagnostic = diagnostic.with_note("hint: YAML is indented with spaces; replace the tab");
    } else if let Some(field) = message.strip_prefix("missing field ") {
        diagnostic = diagnostic.with_note(format!(
            "hint: add {field} to this entry, or check that it is indented like the keys beside it"
        ));
    }
    diagnostic
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
    if ["invalid i32", "invalid i64", "invalid u32", "invalid u64", "invalid usize"].contains(&trimmed) {
        return "expected a whole number here, e.g. `2023`".into();
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
fn validate(report: &Report, sources: &Sources, errors: &mut Vec<Diagnostic>) {
    let meta_path = report.dir.join("report.yaml");
    let mut ids: HashMap<String, (PathBuf, usize)> = HashMap::new();
    let mut check = Checker { sources, errors, ids: &mut ids };
    for markdown in report.meta.status_legend.values() {
        check.markdown(&meta_path, markdown);
    }
    for revision in &report.meta.revision_history {
        check.markdown(&meta_path, &revision.description);
    }
    if let Some(note) = &report.meta.revision_note {
        check.markdown(&meta_path, note);
    }
    for section in &report.sections {
        check.part(&section.path, &section.part, 1);
    }
}

struct Checker<'a> {
    sources: &'a Sources,
    errors: &'a mut Vec<Diagnostic>,
    ids: &'a mut HashMap<String, (PathBuf, usize)>,
}

impl Checker<'_> {
    fn error(&mut self, path: &Path, (line, column): (usize, usize), message: String) -> usize {
        self.errors.push(Diagnostic::at(path, self.sources.text(path), line, column, message));
        self.errors.len() - 1
    }

    fn part(&mut self, path: &Path, part: &Part, depth: usize) {
        if depth > MAX_HEADING_DEPTH {
            let d = Diagnostic::file_error(
                path,
                format!("part `{}` is nested too deeply", part.title),
            )
            .with_note(format!("hint: parts nest at most {MAX_HEADING_DEPTH} heading levels"));
            self.errors.push(d);
        }
        self.blocks(path, &part.content);
        for sub in &part.parts {
            self.part(path, sub, depth + 1);
        }
    }

    fn blocks(&mut self, path: &Path, blocks: &[Block]) {
        for block in blocks {
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
                                table.columns.value.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
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
                        for text in [Some(&rec.text), rec.how.as_ref(), rec.who.as_ref()].into_iter().flatten() {
                            self.markdown(path, text);
                        }
                    }
                }
                BlockKind::Appendices(appendices) => {
                    for appendix in appendices {
                        self.id(path, &appendix.id);
                        self.blocks(path, &appendix.content);
                    }
                }
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
        for event in pulldown_cmark::Parser::new(&markdown.text) {
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
                    let i = self.error(
                        path,
                        (markdown.line, markdown.column),
                        format!("image `{dest_url}` is not supported in content text"),
                    );
                    self.errors[i].notes.push("hint: remove the image or describe it in words".into());
                }
                _ => {}
            }
        }
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
    if out.is_empty() { "rad-01".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_gets_nearest_key() {
        let message = "unknown field `statsu`, expected one of `id`, `cells`, `status`, `status_text`";
        assert_eq!(unknown_field_hint(message).as_deref(), Some("hint: did you mean `status`?"));
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
