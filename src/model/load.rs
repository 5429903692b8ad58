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

use super::pixels::{MAX_REPORT_PIXELS, decoded_pixels};
use super::yaml::{parse_yaml, read_text, yaml_options};
use super::{
    Block, BlockKind, ImageFile, Images, Markdown, Part, Report, ReportMeta, Section, SectionKind,
};
use crate::diagnostics::yaml::continued_value;
use crate::diagnostics::{ContentError, Diagnostic, Note, nearest};

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
        let message =
            crate::tr!("load-internal-error", error = crate::pdf::panic_message(&*payload));
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
            crate::tr!("load-no-report-yaml", path = dir.display().to_string())
        } else {
            crate::tr!("load-no-report-folder", path = dir.display().to_string())
        };
        let diagnostic = Diagnostic::file_error(&meta_path, message)
            .with_hint(crate::tr!("load-report-folder-hint"));
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
                None => at(crate::tr!("load-invalid-section-name", name = name.value.as_str()))
                    .with_hint(crate::tr!("load-section-name-hint")),
            };
            listed.push(Err(diagnostic));
            continue;
        }
        if let Some(first) = seen_names.insert(&name.value, line) {
            listed.push(Err(at(crate::tr!(
                "load-section-listed-twice",
                name = name.value.as_str()
            ))
            .with_remark(crate::tr!("load-first-listed", line = first.to_string()))));
            continue;
        }
        let path = dir.join(format!("{}.yaml", name.value));
        if !path.is_file() {
            let mut diagnostic =
                at(crate::tr!("load-section-file-not-found", path = path.display().to_string()));
            let existing = yaml_stems(dir);
            if let Some(hint) = nearest(&name.value, existing.iter().map(String::as_str)) {
                diagnostic = diagnostic.with_hint(crate::tr!("load-did-you-mean", name = hint));
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
                at(crate::tr!("load-generated-one-per-item"))
                    .with_hint(crate::tr!("load-generated-one-per-item-hint")),
            );
        }
        for (name, place) in &item.value {
            if !names.contains(&name.as_str()) {
                let hint = match nearest(name, names.iter().copied()) {
                    Some(near) => crate::tr!("load-did-you-mean", name = near),
                    None => crate::tr!("load-generated-sections-are", names = quoted(&names)),
                };
                errors.push(
                    at(crate::tr!("load-generated-unknown", name = name.as_str())).with_hint(hint),
                );
                continue;
            }
            if let Some(first) = seen.insert(name, line) {
                errors.push(
                    at(crate::tr!("load-generated-listed-twice", name = name.as_str()))
                        .with_remark(crate::tr!("load-first-listed", line = first.to_string())),
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
                    crate::tr!("load-after-not-listed", name = after.value.as_str()),
                );
                diagnostic =
                    diagnostic.with_hint(match nearest(&after.value, listed.iter().copied()) {
                        Some(near) => crate::tr!("load-did-you-mean", name = near),
                        None => crate::tr!("load-after-not-listed-hint"),
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
                crate::tr!(
                    "load-year-not-folder",
                    year = meta.year.value.to_string(),
                    folder = folder_year.to_string()
                ),
            )
            .with_hint(crate::tr!("load-year-not-folder-hint", folder = folder_year.to_string())),
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

    /// Adds a hint to error `i`: what to do about it.
    fn hint(&mut self, i: usize, hint: String) {
        self.errors[i].notes.push(Note::Hint(hint));
    }

    /// Adds a remark to error `i`: more about where or why.
    fn remark(&mut self, i: usize, remark: String) {
        self.errors[i].notes.push(Note::Remark(remark));
    }

    /// Parts nested deeper than a heading level can show.
    fn depth(&mut self, path: &Path, part: &Part, depth: usize) {
        if depth > MAX_HEADING_DEPTH {
            let message = crate::tr!("load-part-too-deep", title = part.title.as_str());
            let d = Diagnostic::file_error(path, message)
                .with_hint(crate::tr!("load-part-too-deep-hint", levels = MAX_HEADING_DEPTH));
            self.errors.push(d);
        }
        self.heading(path, &part.title);
        for sub in &part.parts {
            self.depth(path, sub, depth + 1);
        }
    }

    /// A heading is plain text: a masked phrase in one would show its brackets in the full
    /// edition and put a marker for a heading in the public edition's contents.
    /// The message names the heading's line, not its text, which may be what is to be masked.
    fn heading(&mut self, path: &Path, title: &str) {
        if !super::mask::has_span(title) {
            return;
        }
        // Titles carry no position: the `title:` line that holds this title's phrase is the one
        // (of two headings with spans, each finds its own).
        let phrase = super::mask::first_phrase(title).unwrap_or_default();
        let line = self
            .sources
            .text(path)
            .lines()
            .position(|l| {
                l.trim_start().trim_start_matches("- ").starts_with("title:")
                    && l.contains("]{")
                    && l.contains(phrase)
            })
            .map_or(0, |i| i + 1);
        let i = self.error(path, (line, 0), crate::tr!("load-heading-span"));
        self.hint(i, crate::tr!("load-heading-span-hint"));
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
                    self.error(path, at, crate::tr!("load-table-no-columns"));
                }
                for row in &table.rows {
                    self.id(path, &row.id);
                    let cells = row.cells.value.len();
                    if cells != columns {
                        let at = position(&row.cells);
                        let i = self.error(
                            path,
                            at,
                            crate::tr!(
                                "load-row-cells",
                                id = row.id.value.as_str(),
                                cells = cells,
                                columns = columns
                            ),
                        );
                        let names: Vec<&str> =
                            table.columns.value.iter().map(String::as_str).collect();
                        self.remark(i, crate::tr!("load-row-cells-note", columns = quoted(&names)));
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
                    self.heading(path, &appendix.title);
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
                    crate::tr!(
                        "lint-incident-outside-year",
                        id = incident.id.value.as_str(),
                        date = date.format("%Y-%m-%d").to_string(),
                        year = self.year.to_string()
                    ),
                );
                let years = format!("{}–{}", self.year - 1, self.year + 1);
                self.hint(i, crate::tr!("load-incident-outside-years-hint", years = years));
            }
            let category = &incident.category.value;
            if !categories.iter().any(|c| c == category) {
                let i = self.error(
                    path,
                    position(&incident.category),
                    crate::tr!("load-unknown-category", category = category.as_str()),
                );
                let names: Vec<&str> = categories.iter().map(String::as_str).collect();
                let hint = match nearest(category, names.iter().copied()) {
                    Some(near) => crate::tr!("load-did-you-mean", name = near),
                    None => crate::tr!("load-categories-are", categories = quoted(&names)),
                };
                self.hint(i, hint);
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
                let i =
                    self.error(path, at, crate::tr!("load-unknown-requirement", clause = clause));
                let ids = super::REQUIREMENTS.iter().map(|r| r.id);
                let hint = match nearest(clause, ids) {
                    Some(near) => crate::tr!("load-did-you-mean", name = near),
                    None => crate::tr!("load-unknown-requirement-hint"),
                };
                self.hint(i, hint);
            } else if let Some(first) = seen.insert(clause, at.0) {
                let message = crate::tr!("load-requirement-twice", clause = clause);
                let i = self.error(path, at, message);
                self.remark(i, crate::tr!("load-first-assessed", line = first.to_string()));
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
            let i = self.error(path, at, crate::tr!("load-invalid-id", id = value.as_str()));
            self.hint(i, crate::tr!("load-invalid-id-hint", example = slug(value)));
            return;
        }
        if let Some((first_path, first_line)) = self.ids.get(value) {
            let place = format!("{}:{first_line}", first_path.display());
            let i = self.error(path, at, crate::tr!("load-duplicate-id", id = value.as_str()));
            self.remark(i, crate::tr!("load-first-used-at", place = place));
            self.hint(i, crate::tr!("load-duplicate-id-hint"));
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
                        crate::tr!("load-link-not-allowed", url = dest_url.to_string()),
                    );
                    self.hint(i, crate::tr!("load-link-not-allowed-hint"));
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
            let i = self.error(path, at, crate::tr!("load-footnote-unwritten", label = label));
            self.hint(i, crate::tr!("load-footnote-unwritten-hint", label = label));
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
            let i = self.error(path, at, crate::tr!("load-image-outside", url = url));
            self.hint(i, crate::tr!("load-image-outside-hint"));
            return;
        }
        // A path written as Windows shows it: Typst (and a web browser) read only `/`, and the
        // report must build the same on every system, so the writer is asked for `/`.
        if url.contains('\\') {
            let i = self.error(path, at, crate::tr!("load-image-backslash", url = url));
            let fixed = url.replace('\\', "/");
            self.hint(i, crate::tr!("load-image-backslash-hint", url = fixed));
            return;
        }
        let extension =
            Path::new(url).extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
        let Some(mime) = IMAGE_TYPES.iter().find(|(ext, _)| *ext == extension).map(|(_, m)| *m)
        else {
            let i = self.error(path, at, crate::tr!("load-image-type", url = url));
            self.hint(i, crate::tr!("load-image-type-hint"));
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
                    self.error(path, at, crate::tr!("load-image-not-found", url = url));
                    return;
                }
                Err(ReadError::Outside(real)) => {
                    let real = real.display().to_string();
                    let message = crate::tr!("load-image-link-outside", url = url, real = real);
                    self.error(path, at, message);
                    return;
                }
                Err(ReadError::IsDirectory | ReadError::NotAFile | ReadError::TooLarge(_)) => {
                    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
                    let i = self.error(
                        path,
                        at,
                        crate::tr!(
                            "load-image-too-large",
                            url = url,
                            size = (size / 1024).to_string(),
                            limit = (MAX_IMAGE_BYTES / 1024).to_string()
                        ),
                    );
                    self.hint(i, crate::tr!("load-image-too-large-hint"));
                    return;
                }
                Err(ReadError::Io(e)) => {
                    self.error(
                        path,
                        at,
                        crate::tr!("load-image-unreadable", url = url, error = e.to_string()),
                    );
                    return;
                }
            }
        };
        if alt.trim().is_empty() {
            let i = self.error(path, at, crate::tr!("load-image-no-description", url = url));
            self.hint(i, crate::tr!("load-image-no-description-hint", url = url));
            return;
        }
        if let Some(bytes) = bytes {
            let pixels = decoded_pixels(&bytes);
            if self.pixels + pixels > MAX_REPORT_PIXELS {
                let message = crate::tr!(
                    "load-image-too-many-pixels",
                    url = url,
                    megapixels = pixels.div_ceil(1_000_000).to_string(),
                    limit = (MAX_REPORT_PIXELS / 1_000_000).to_string()
                );
                let i = self.error(path, at, message);
                self.hint(i, crate::tr!("load-image-too-many-pixels-hint"));
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

/// Whether a Markdown link target may appear in the outputs.
pub fn is_allowed_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"].iter().any(|p| lower.starts_with(p)) && !lower.contains(' ')
}

/// Names written as code and joined with commas, for a message: `` `a`, `b` ``.
fn quoted(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// A suggestion for a valid id made from an invalid one.
fn slug(value: &str) -> String {
    super::slug_or(value, "rad-01")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

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
