//! Load stage: warnings about content that is legal but probably wrong — a status that
//! contradicts its own text, a missing status text, a recommendation without Vem or Prioritet,
//! a date outside the report's year, a 9.3.2 input no section addresses, a text `ledgen new`
//! carried over and marked "Att granska" that nobody has reviewed yet, a recommendation without
//! a decision once the meeting has been held.

use std::path::Path;

use chrono::Datelike;

use super::yaml::Sources;
use super::{
    Block, BlockKind, DateAt, Markdown, Recommendation, Report, ReviewInput, Section, Status,
    StatusRow,
};
use crate::diagnostics::Diagnostic;

/// The marker `ledgen new` puts on every text it carries over from last year (bold in Markdown
/// texts, plain in titles); it is removed once the text has been reviewed.
const REVIEW_MARKER: &str = "Att granska:";

/// The marker that starts every placeholder text `ledgen init` writes. The report shows it as
/// written, and `check` warns about each field that still holds it.
pub const PLACEHOLDER_MARK: &str = "**Att fylla i:**";

/// Words that say a thing is done, when a status text starts with them.
const DONE: &[&str] = &[
    "genomförd",
    "genomfört",
    "genomförts",
    "klar",
    "klart",
    "åtgärdad",
    "inga noteringar",
    "inga noterade avvikelser",
];
/// Words that qualify "done" ("Genomförd – dock inte …").
const QUALIFIERS: &[&str] = &["dock", "men ", "delvis", "inte", " ej ", "ännu", "förutom", "utom"];
/// Words that say a thing is not done.
const OPEN: &[&str] = &[
    "kvarstår",
    "pågår",
    "fortsatta brister",
    "ej genomförd",
    "inte genomförd",
    "inte påbörjad",
    "saknas",
];

/// A warning at a line and column of a file, quoting the file as it was loaded.
type Warn<'a> = dyn Fn(&Path, usize, usize, String) -> Diagnostic + 'a;

/// The warnings for a loaded report, quoting the files' text as it was loaded.
pub fn lint(report: &Report, sources: &Sources) -> Vec<Diagnostic> {
    let warn = |path: &Path, line: usize, column: usize, message: String| {
        Diagnostic::at(path, sources.text(path), line, column, message).warning()
    };
    let mut out = Vec::new();
    let year = report.year();
    let meta_path = report.dir.join("report.yaml");

    let date = report.meta.date.value;
    if date.0.year() != year {
        let at = &report.meta.date.referenced;
        out.push(warn(
            &meta_path,
            at.line() as usize,
            at.column() as usize,
            crate::tr!("lint-date-not-in-year", date = date.to_string(), year = year.to_string()),
        ));
    }
    for section in &report.sections {
        section_lints(report, section, &warn, &mut out);
    }
    for placed in report.blocks() {
        if let Some(message) = whole_block_intern(placed.block) {
            out.push(
                warn(&placed.section.path, placed.block.line, 0, message)
                    .with_hint(crate::tr!("lint-whole-block-intern-hint")),
            );
        }
    }
    let meta_fields = report.meta.revision_history.iter().map(|r| &r.description);
    for field in meta_fields.chain(report.meta.revision_note.iter()) {
        if is_placeholder(&field.text) {
            out.push(placeholder_warning(warn(
                &meta_path,
                field.line,
                field.column,
                crate::tr!("lint-placeholder"),
            )));
        }
    }
    out.extend(date_lints(report, &|at: &DateAt, message: String| {
        warn(&meta_path, at.line, at.column, message)
    }));
    let files = std::iter::once(meta_path.as_path())
        .chain(report.sections.iter().map(|s| s.path.as_path()));
    for path in files {
        if let Some(d) = review_markers(path, sources.text(path)) {
            out.push(d);
        }
    }
    out.extend(due_lints(report, sources));
    out.extend(standard_lints(report, sources));
    for input in uncovered(report) {
        out.push(
            Diagnostic::file_error(
                &meta_path,
                crate::tr!(
                    "lint-input-not-covered",
                    letter = input.letter().to_string(),
                    input = input.description().to_lowercase()
                ),
            )
            .warning()
            .with_hint(crate::tr!("lint-input-not-covered-hint")),
        );
    }
    out
}

/// One section's warnings: its texts still holding `ledgen init`'s placeholder, then each
/// block's, in document order.
fn section_lints(report: &Report, section: &Section, warn: &Warn<'_>, out: &mut Vec<Diagnostic>) {
    let blocks = section.blocks();
    let mut fields: Vec<&Markdown> = Vec::new();
    for block in blocks.iter().map(|b| b.block) {
        match &block.kind {
            BlockKind::Text(text) => fields.push(text),
            BlockKind::Table(table) => {
                for row in &table.rows {
                    fields.extend(row.cells.value.iter());
                    fields.extend(row.status_text.iter());
                }
            }
            BlockKind::Recommendations(list) => {
                for rec in list {
                    fields.push(&rec.text);
                    fields.extend(rec.how.iter().chain(rec.who.iter()));
                }
            }
            _ => {}
        }
    }
    for field in fields.into_iter().filter(|f| is_placeholder(&f.text)) {
        out.push(placeholder_warning(warn(
            &section.path,
            field.line,
            field.column,
            crate::tr!("lint-placeholder"),
        )));
    }
    let path = section.path.as_path();
    for block in blocks.iter().map(|b| b.block) {
        match &block.kind {
            BlockKind::Table(table) => {
                table.rows.iter().for_each(|row| row_lints(path, row, warn, out));
            }
            BlockKind::Recommendations(list) => {
                list.iter().for_each(|rec| recommendation_lints(report, path, rec, warn, out));
            }
            BlockKind::Incidents(incidents) => {
                for record in &incidents.records {
                    let date = record.date.value;
                    if date.0.year() != report.year() {
                        let at = &record.date.referenced;
                        out.push(warn(
                            path,
                            at.line() as usize,
                            at.column() as usize,
                            crate::tr!(
                                "lint-incident-outside-year",
                                id = record.id.value.as_str(),
                                date = date.to_string(),
                                year = report.year().to_string()
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}

/// A status row whose status its own text contradicts, or that has no status text.
fn row_lints(path: &Path, row: &StatusRow, warn: &Warn<'_>, out: &mut Vec<Diagnostic>) {
    let (line, column) =
        (row.status.referenced.line() as usize, row.status.referenced.column() as usize);
    let text = row.status_text.as_ref().map(|t| t.text.trim()).unwrap_or("");
    if let Some(word) = contradiction(row.status.value, text) {
        out.push(warn(
            path,
            line,
            column,
            crate::tr!(
                "lint-status-contradiction",
                id = row.id.value.as_str(),
                status = row.status.value.to_string(),
                word = word
            ),
        ));
    }
    if text.is_empty() && row.status.value != Status::NotAssessed {
        out.push(
            warn(path, line, column, crate::tr!("lint-no-status-text", id = row.id.value.as_str()))
                .with_hint(crate::tr!("lint-no-status-text-hint")),
        );
    }
}

/// A recommendation without a decision once the meeting is recorded, or without Vem or
/// Prioritet.
fn recommendation_lints(
    report: &Report,
    path: &Path,
    rec: &Recommendation,
    warn: &Warn<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let (line, column) = (rec.id.referenced.line() as usize, rec.id.referenced.column() as usize);
    let missing = match (rec.who.is_none(), rec.priority.is_none()) {
        (true, true) => Some("both"),
        (true, false) => Some("who"),
        (false, true) => Some("priority"),
        (false, false) => None,
    };
    if report.meta.meeting.is_some() && rec.decision.is_none() {
        out.push(
            warn(path, line, column, crate::tr!("lint-no-decision", id = rec.id.value.as_str()))
                .with_hint(crate::tr!("lint-no-decision-hint")),
        );
    }
    if let Some(missing) = missing {
        out.push(warn(
            path,
            line,
            column,
            crate::tr!("lint-no-who-or-priority", id = rec.id.value.as_str(), missing = missing),
        ));
    }
}

/// When ISO/IEC 27001:2022 was published; a review dated before it cannot refer to it.
const ISO_27001_2022_PUBLISHED: (i32, u32, u32) = (2022, 10, 25);

/// Warnings about the dates of `report.yaml` that cannot be right: the approval or the meeting
/// before the report's date or more than a year after it, a revision outside the report's year.
/// `warn` makes a warning at a date of `report.yaml`.
fn date_lints(report: &Report, warn: &dyn Fn(&DateAt, String) -> Diagnostic) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let year = report.year();
    let date = report.meta.date.value;
    let a_year_after = date.last_day().checked_add_months(chrono::Months::new(12));
    // `what` is `approved` or `meeting`, selecting the words of the messages.
    let mut after_report = |at: Option<&DateAt>, what: &str| {
        let Some(at) = at else { return };
        let (at_text, date_text) = (at.to_string(), date.to_string());
        let message = if at.last_day() < date.0 {
            crate::tr!("lint-date-before-report", what = what, at = at_text, date = date_text)
        } else if a_year_after.is_some_and(|limit| at.0 > limit) {
            crate::tr!("lint-date-a-year-after", what = what, at = at_text, date = date_text)
        } else {
            return;
        };
        out.push(
            warn(at, message).with_hint(crate::tr!("lint-date-after-report-hint", what = what)),
        );
    };
    after_report(report.meta.approved_on.as_ref(), "approved");
    after_report(report.meta.meeting.as_ref().and_then(|m| m.date.as_ref()), "meeting");
    for revision in &report.meta.revision_history {
        if revision.date.0.year() != year {
            out.push(warn(
                &revision.date,
                crate::tr!(
                    "lint-revision-outside-year",
                    date = revision.date.to_string(),
                    year = year.to_string()
                ),
            ));
        }
    }
    out
}

/// Warnings about deadlines (`due`) before the year before the review's: years back, most
/// likely a mistyped year.
fn due_lints(report: &Report, sources: &Sources) -> Vec<Diagnostic> {
    let earliest = chrono::NaiveDate::from_ymd_opt(report.year() - 1, 1, 1);
    let mut dues: Vec<(&Path, &str, &str, &DateAt)> = Vec::new();
    for (section, row) in report.status_rows() {
        dues.extend(row.due.as_ref().map(|d| (section.path.as_path(), "row", &*row.id.value, d)));
    }
    for (section, rec) in report.recommendations() {
        let due = rec.due.as_ref();
        dues.extend(due.map(|d| (section.path.as_path(), "recommendation", &*rec.id.value, d)));
    }
    dues.into_iter()
        .filter(|(.., due)| earliest.is_some_and(|earliest| due.last_day() < earliest))
        .map(|(path, what, id, due)| {
            Diagnostic::at(
                path,
                sources.text(path),
                due.line,
                due.column,
                crate::tr!(
                    "lint-deadline-years-before",
                    due = due.to_string(),
                    what = what,
                    id = id,
                    year = report.year().to_string()
                ),
            )
            .warning()
            .with_hint(crate::tr!("lint-deadline-years-before-hint"))
        })
        .collect()
}

/// A warning when a review dated before ISO/IEC 27001:2022 was published refers to it, in a
/// text or by a GAP analysis or coverage table (which are made against it).
fn standard_lints(report: &Report, sources: &Sources) -> Vec<Diagnostic> {
    let (y, m, d) = ISO_27001_2022_PUBLISHED;
    let published = chrono::NaiveDate::from_ymd_opt(y, m, d);
    let date = report.meta.date.value;
    if published.is_none_or(|published| date.last_day() >= published) {
        return Vec::new();
    }
    let mentions = |text: &str| text.replace(' ', "").contains("27001:2022");
    let mut refers: Option<(&Path, usize, usize)> = None;
    'blocks: for placed in report.blocks() {
        let path = placed.section.path.as_path();
        if mentions(placed.place.title) {
            refers = Some((path, placed.block.line, 0));
            break;
        }
        match &placed.block.kind {
            BlockKind::GapAnalysis(_) => {
                refers = Some((path, placed.block.line, 0));
                break;
            }
            BlockKind::Text(text) if mentions(&text.text) => {
                refers = Some((path, text.line, text.column));
                break;
            }
            BlockKind::Table(table) => {
                for row in &table.rows {
                    let texts = row.cells.value.iter().chain(row.status_text.iter());
                    if let Some(text) = texts.into_iter().find(|t| mentions(&t.text)) {
                        refers = Some((path, text.line, text.column));
                        break 'blocks;
                    }
                }
            }
            _ => {}
        }
    }
    let meta_path = report.dir.join("report.yaml");
    let at = &report.meta.date.referenced;
    let (path, line, column) = match refers {
        Some(found) => found,
        None if report.meta.coverage_table => {
            (meta_path.as_path(), at.line() as usize, at.column() as usize)
        }
        None => return Vec::new(),
    };
    let what = if refers.is_some() { "text" } else { "coverage" };
    vec![
        Diagnostic::at(
            path,
            sources.text(path),
            line,
            column,
            crate::tr!(
                "lint-27001-2022-before-published",
                what = what,
                date = date.to_string(),
                published = format!("{y}-{m:02}-{d:02}")
            ),
        )
        .warning()
        .with_hint(crate::tr!("lint-27001-2022-before-published-hint")),
    ]
}

/// The warning for `intern` or `sekretess` on a block whose items are all rows, recommendations
/// or incidents: one wrong indentation leaves all of them out of the public edition, silently.
fn whole_block_intern(block: &Block) -> Option<String> {
    if !block.intern {
        return None;
    }
    let (kind, n) = match &block.kind {
        BlockKind::Recommendations(list) => ("recommendations", list.len()),
        BlockKind::Table(table) => ("table", table.rows.len()),
        BlockKind::Incidents(incidents) => ("incidents", incidents.records.len()),
        _ => return None,
    };
    let key = if block.sekretess.is_some() { "sekretess" } else { "intern" };
    Some(crate::tr!("lint-whole-block-intern", key = key, kind = kind, count = n))
}

/// One warning for the texts of a file still marked for review: where the first is, and how
/// many there are.
fn review_markers(path: &Path, source: &str) -> Option<Diagnostic> {
    let mut lines = source.lines().enumerate().filter_map(|(i, line)| {
        line.find(REVIEW_MARKER).map(|column| (i + 1, line[..column].chars().count() + 1))
    });
    let (line, column) = lines.next()?;
    let more = lines.count();
    let message = crate::tr!("lint-review-markers", count = more + 1);
    Some(
        Diagnostic::at(path, source, line, column, message)
            .warning()
            .with_hint(crate::tr!("lint-review-markers-hint")),
    )
}

/// Whether a text still holds the placeholder `ledgen init` wrote (with or without its bold).
fn is_placeholder(text: &str) -> bool {
    text.contains(PLACEHOLDER_MARK.trim_matches('*'))
}

/// Adds the hint to a placeholder warning.
fn placeholder_warning(at: Diagnostic) -> Diagnostic {
    at.with_hint(crate::tr!("lint-placeholder-hint"))
}

/// The 9.3.2 inputs no section of the report addresses.
pub fn uncovered(report: &Report) -> Vec<ReviewInput> {
    ReviewInput::ALL
        .into_iter()
        .filter(|input| !report.sections.iter().any(|s| s.inputs().contains(input)))
        .collect()
}

/// The word of the status text that contradicts the status, if there is one.
fn contradiction(status: Status, text: &str) -> Option<&'static str> {
    let lower = format!(" {} ", text.to_lowercase());
    let starts_done = DONE.iter().find(|w| lower.trim_start().starts_with(*w));
    match status {
        Status::Yellow | Status::Red => {
            let word = starts_done?;
            if QUALIFIERS.iter().any(|q| lower.contains(q)) {
                return None;
            }
            Some(*word)
        }
        Status::Green => OPEN.iter().find(|w| lower.contains(*w)).copied(),
        Status::NotAssessed => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_text_with_open_status_is_flagged() {
        assert!(contradiction(Status::Yellow, "Genomförd").is_some());
        assert!(contradiction(Status::Red, "Klart sedan i våras.").is_some());
        assert!(contradiction(Status::Green, "Genomförd").is_none());
    }

    #[test]
    fn qualified_done_is_not_a_contradiction() {
        assert!(
            contradiction(Status::Yellow, "Genomförd – dock inte uppföljning av inköp").is_none()
        );
    }

    #[test]
    fn open_text_with_green_status_is_flagged() {
        assert!(contradiction(Status::Green, "Rekommendationen kvarstår.").is_some());
        assert!(contradiction(Status::Green, "Arbete pågår").is_some());
        assert!(contradiction(Status::Yellow, "Arbete pågår").is_none());
    }

    #[test]
    fn review_markers_are_counted_per_file_at_the_first_line() {
        let source = "title: x\ncontent:\n  - text: '**Att granska:** a'\n  - text: |\n      **Att granska:**\n";
        let d = review_markers(Path::new("s.yaml"), source).unwrap();
        let shown = d.to_string();
        assert!(shown.contains("2 texts"), "{shown}");
        assert!(shown.contains("s.yaml:3:"), "{shown}");
        assert!(review_markers(Path::new("s.yaml"), "title: granska\n").is_none());
    }

    // Regression: lints read each file again from disk, so an edit during the build made a
    // warning quote a line that was never loaded.
    #[test]
    fn warnings_quote_the_text_as_it_was_loaded() {
        let dir = tempfile::tempdir().unwrap();
        let report = "organisation: X\ntitle: T\nyear: 2024\ndate: 2024-09-01\nauthor: A\n\
                      sections:\n  - introduction\n";
        std::fs::write(dir.path().join("report.yaml"), report).unwrap();
        let section = "title: Inledning\ncontent:\n  - text: '**Att granska:** gammal text'\n";
        std::fs::write(dir.path().join("introduction.yaml"), section).unwrap();
        let loaded = super::super::load_report(dir.path()).unwrap();
        std::fs::write(dir.path().join("introduction.yaml"), "title: Ändrad\n").unwrap();
        let shown: String =
            lint(&loaded.report, &loaded.sources).iter().map(ToString::to_string).collect();
        assert!(shown.contains("gammal text"), "{shown}");
        assert!(!shown.contains("Ändrad"), "{shown}");
    }
}
