//! Load stage, validating: what serde cannot see in a parsed report. Unique ids, matching cell
//! counts, heading depth, dates within reach, allowed links and images, defined footnotes, the
//! generated sections placed and the year matching its folder; every error with its file, line
//! and column.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use pulldown_cmark::{Event, Tag};
use serde_saphyr::Spanned;

use super::pixels::{MAX_REPORT_PIXELS, decoded_pixels};
use super::yaml::{Sources, position};
use super::{Block, BlockKind, ImageFile, Images, Markdown, Part, Report, ReportMeta};
use crate::diagnostics::{Diagnostic, Note, nearest};

/// Deepest heading nesting: section, part, sub-part.
const MAX_HEADING_DEPTH: usize = 3;

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

/// Each generated section named once, by a known name, placed after a listed section.
pub(super) fn check_generated_sections(
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

pub(super) fn check_year_matches_folder(
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
pub(super) fn validate(report: &Report, sources: &Sources, errors: &mut Vec<Diagnostic>) -> Images {
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
mod tests {
    use super::*;

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
