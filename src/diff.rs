//! Year over year: (old report, new report) → [`ReportDiff`]. Pure: no I/O, no formatting.
//!
//! Status rows are matched by id, then the rows left over on both sides by the similarity of their
//! text (reported as "matched by text"). Each earlier recommendation's fate comes from the rows of
//! the newer report that name it with `follows:`.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::model::{
    BlockKind, Markdown, Priority, Recommendation, Report, Section, Status, StatusRow,
};

/// How similar (0–1, by words) two rows' texts must be to be taken for the same row.
pub const TEXT_MATCH_THRESHOLD: f32 = 0.6;

/// Everything that changed between two years' reports.
#[derive(Debug, Serialize)]
pub struct ReportDiff {
    /// The earlier report's year.
    pub old_year: i32,
    /// The later report's year.
    pub new_year: i32,
    /// Counts over the whole report.
    pub summary: DiffSummary,
    /// Row changes grouped by section, in the newer report's order (removed rows under the
    /// section they were in).
    pub sections: Vec<SectionDiff>,
    /// What became of each of the earlier report's recommendations.
    pub earlier_recommendations: Vec<RecommendationFate>,
    /// The newer report's recommendations: new, or remaining from the earlier report.
    pub recommendations: Vec<RecommendationStatus>,
}

/// Counts of the kinds of change.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct DiffSummary {
    /// Rows whose status got better.
    pub improved: usize,
    /// Rows whose status got worse.
    pub regressed: usize,
    /// Rows whose status changed to or from "ej bedömd".
    pub reassessed: usize,
    /// Rows whose status stayed but whose text changed.
    pub text_changed: usize,
    /// Rows in both reports without any change.
    pub unchanged: usize,
    /// Rows only in the newer report (follow-ups of earlier recommendations not counted).
    pub added: usize,
    /// Rows only in the earlier report (follow-ups of earlier recommendations not counted).
    pub removed: usize,
    /// Earlier recommendations followed up in the newer report.
    pub followed_up: usize,
    /// Earlier recommendations the newer report does not follow up.
    pub not_followed_up: usize,
}

/// The row changes of one section.
#[derive(Debug, Serialize)]
pub struct SectionDiff {
    /// The section's file stem, e.g. `follow-ups`.
    pub name: String,
    /// The section's title.
    pub title: String,
    /// The changed, added and removed rows (unchanged rows are only counted).
    pub rows: Vec<RowChange>,
}

/// What happened to one status row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The status got better (e.g. gul → grön).
    Improved,
    /// The status got worse (e.g. grön → gul).
    Regressed,
    /// The status changed to or from "ej bedömd".
    Reassessed,
    /// Same status, different text.
    TextChanged,
    /// Nothing changed.
    Unchanged,
    /// Only in the newer report.
    Added,
    /// Only in the earlier report.
    Removed,
}

/// How two rows were paired.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Matched {
    /// The same id.
    Id,
    /// Different ids, similar text.
    Text {
        /// Word-level similarity, 0–1.
        similarity: f32,
    },
}

/// One status row that changed, appeared or disappeared.
#[derive(Clone, Debug, Serialize)]
pub struct RowChange {
    /// What happened.
    pub change: ChangeKind,
    /// The row's id (in the newer report, or the earlier one for a removed row).
    pub id: String,
    /// The row's id in the earlier report, when it differs (matched by text).
    pub old_id: Option<String>,
    /// How the rows were paired, for rows in both reports.
    pub matched: Option<Matched>,
    /// The title of the part (table) the row is in.
    pub table: String,
    /// The row's first cell, as plain text: what the row is about.
    pub label: String,
    /// Status in the earlier report.
    pub old_status: Option<Status>,
    /// Status in the newer report.
    pub new_status: Option<Status>,
    /// Word-level changes of the row's texts.
    pub text_changes: Vec<TextChange>,
}

/// The word-level change of one text field.
#[derive(Clone, Debug, Serialize)]
pub struct TextChange {
    /// Which field: the column heading, or "status".
    pub field: String,
    /// The text as runs of equal, deleted and inserted words.
    pub words: Vec<WordRun>,
}

/// A run of words that are equal in both texts, or only in one.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct WordRun {
    /// `equal`, `delete` or `insert`.
    pub op: WordOp,
    /// The words, with their spacing.
    pub text: String,
}

/// Whether a run of words is kept, removed or added.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum WordOp {
    /// In both texts.
    Equal,
    /// Only in the earlier text.
    Delete,
    /// Only in the newer text.
    Insert,
}

/// What became of one of the earlier report's recommendations.
#[derive(Debug, Serialize)]
pub struct RecommendationFate {
    /// The recommendation's id.
    pub id: String,
    /// Its text, as plain text.
    pub text: String,
    /// Its priority, if it had one.
    pub priority: Option<Priority>,
    /// The newer report's rows that follow it up (usually one).
    pub followed_up_by: Vec<FollowUp>,
}

/// A row of the newer report that follows up an earlier recommendation.
#[derive(Debug, Serialize)]
pub struct FollowUp {
    /// The row's id.
    pub row_id: String,
    /// Its status.
    pub status: Status,
    /// Its status text, as plain text.
    pub status_text: String,
}

/// One of the newer report's recommendations, compared with the earlier report.
#[derive(Debug, Serialize)]
pub struct RecommendationStatus {
    /// The recommendation's id.
    pub id: String,
    /// Its text, as plain text.
    pub text: String,
    /// `new`, or `remains` when the earlier report had the same recommendation.
    pub state: RecommendationState,
    /// The earlier recommendation's id, for a remaining one.
    pub earlier_id: Option<String>,
}

/// Whether a recommendation is new this year.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationState {
    /// Not in the earlier report.
    New,
    /// Also in the earlier report ("kvarstår").
    Remains,
}

/// A status row with where it is.
struct RowRef<'a> {
    section: &'a Section,
    table: &'a str,
    columns: &'a [String],
    row: &'a StatusRow,
}

impl RowRef<'_> {
    fn text(&self) -> String {
        self.row.cells.value.iter().map(plain_text).collect::<Vec<_>>().join(" ")
    }
}

/// Every status row of a report, with its section and table title.
fn rows(report: &Report) -> Vec<RowRef<'_>> {
    let mut out = Vec::new();
    for section in &report.sections {
        collect_rows(section, &section.part, &mut out);
    }
    out
}

fn collect_rows<'a>(section: &'a Section, part: &'a crate::model::Part, out: &mut Vec<RowRef<'a>>) {
    for block in &part.content {
        if let BlockKind::Table(table) = &block.kind {
            for row in &table.rows {
                out.push(RowRef {
                    section,
                    table: &part.title,
                    columns: &table.columns.value,
                    row,
                });
            }
        }
    }
    for sub in &part.parts {
        collect_rows(section, sub, out);
    }
}

/// Every recommendation of a report.
pub fn recommendations(report: &Report) -> Vec<&Recommendation> {
    let mut out = Vec::new();
    for section in &report.sections {
        section.part.visit_blocks(&mut |block| {
            if let BlockKind::Recommendations(list) = &block.kind {
                out.extend(list.iter());
            }
        });
    }
    out
}

/// Markdown reduced to its words, for labels and comparisons.
pub fn plain_text(markdown: &Markdown) -> String {
    let mut text = String::new();
    for event in pulldown_cmark::Parser::new(&markdown.text) {
        match event {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => text.push_str(&t),
            pulldown_cmark::Event::SoftBreak
            | pulldown_cmark::Event::HardBreak
            | pulldown_cmark::Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Word-level similarity of two texts, 0–1.
pub fn similarity(a: &str, b: &str) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    TextDiff::from_words(a, b).ratio()
}

/// The word-level diff of two texts as runs: each stretch of changed words becomes one deleted
/// run followed by one inserted run, rather than alternating word by word.
fn word_runs(old: &str, new: &str) -> Vec<WordRun> {
    let diff = TextDiff::from_words(old, new);
    let mut runs: Vec<WordRun> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |runs: &mut Vec<WordRun>, deleted: &mut String, inserted: &mut String| {
        for (op, text) in [(WordOp::Delete, deleted), (WordOp::Insert, inserted)] {
            if !text.trim().is_empty() {
                runs.push(WordRun { op, text: std::mem::take(text) });
            } else {
                text.clear();
            }
        }
    };
    let changes: Vec<_> = diff.iter_all_changes().collect();
    for (i, change) in changes.iter().enumerate() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Delete => deleted.push_str(value),
            ChangeTag::Insert => inserted.push_str(value),
            // Spaces between two changed words belong to the changed stretch.
            ChangeTag::Equal
                if value.trim().is_empty()
                    && (!deleted.is_empty() || !inserted.is_empty())
                    && changes.get(i + 1).is_some_and(|c| c.tag() != ChangeTag::Equal) =>
            {
                deleted.push_str(value);
                inserted.push_str(value);
            }
            ChangeTag::Equal => {
                flush(&mut runs, &mut deleted, &mut inserted);
                match runs.last_mut() {
                    Some(last) if last.op == WordOp::Equal => last.text.push_str(value),
                    _ => runs.push(WordRun { op: WordOp::Equal, text: value.to_string() }),
                }
            }
        }
    }
    flush(&mut runs, &mut deleted, &mut inserted);
    runs
}

/// The rank of a status on the scale röd < gul < grön; "ej bedömd" is off the scale.
fn rank(status: Status) -> Option<u8> {
    match status {
        Status::Red => Some(0),
        Status::Yellow => Some(1),
        Status::Green => Some(2),
        Status::NotAssessed => None,
    }
}

/// The direction of a status change.
pub fn direction(old: Status, new: Status) -> ChangeKind {
    match (rank(old), rank(new)) {
        _ if old == new => ChangeKind::Unchanged,
        (Some(a), Some(b)) if b > a => ChangeKind::Improved,
        (Some(_), Some(_)) => ChangeKind::Regressed,
        _ => ChangeKind::Reassessed,
    }
}

/// Pairs the rows of two reports: by id, then the rest by text. Returns (old index, new index,
/// how) for each pair.
fn pair_rows(old: &[RowRef<'_>], new: &[RowRef<'_>]) -> Vec<(usize, usize, Matched)> {
    let old_by_id: HashMap<&str, usize> =
        old.iter().enumerate().map(|(i, r)| (r.row.id.value.as_str(), i)).collect();
    let mut pairs = Vec::new();
    let mut old_used = HashSet::new();
    let mut new_used = HashSet::new();
    for (j, row) in new.iter().enumerate() {
        if let Some(&i) = old_by_id.get(row.row.id.value.as_str()) {
            pairs.push((i, j, Matched::Id));
            old_used.insert(i);
            new_used.insert(j);
        }
    }
    // Then the best text matches among the rows left, best first.
    let old_texts: Vec<String> = old.iter().map(RowRef::text).collect();
    let new_texts: Vec<String> = new.iter().map(RowRef::text).collect();
    let mut candidates = Vec::new();
    let free_old =
        (0..old.len()).filter(|i| !old_used.contains(i) && old[*i].row.follows.is_none());
    let word_count = |t: &String| t.split_whitespace().count();
    let old_words: Vec<usize> = old_texts.iter().map(word_count).collect();
    let new_words: Vec<usize> = new_texts.iter().map(word_count).collect();
    for i in free_old {
        for j in (0..new.len()).filter(|j| !new_used.contains(j) && new[*j].row.follows.is_none()) {
            // The diff's ratio counts words and the spaces between them; it can be no higher
            // than this bound from the word counts, so most pairs need no diff at all.
            let (a, b) = (old_words[i], new_words[j]);
            let bound = (2 * a.min(b) + 2) as f32 / (a + b).max(1) as f32;
            if bound < TEXT_MATCH_THRESHOLD {
                continue;
            }
            let score = similarity(&old_texts[i], &new_texts[j]);
            if score >= TEXT_MATCH_THRESHOLD {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (score, i, j) in candidates {
        if !old_used.contains(&i) && !new_used.contains(&j) {
            old_used.insert(i);
            new_used.insert(j);
            pairs.push((i, j, Matched::Text { similarity: (score * 100.0).round() / 100.0 }));
        }
    }
    pairs
}

fn text_changes(old: &RowRef<'_>, new: &RowRef<'_>) -> Vec<TextChange> {
    let mut changes = Vec::new();
    let cells = old.row.cells.value.iter().zip(&new.row.cells.value);
    for (i, (a, b)) in cells.enumerate() {
        let (a, b) = (plain_text(a), plain_text(b));
        if a != b {
            let field = new.columns.get(i).cloned().unwrap_or_else(|| format!("{}", i + 1));
            changes.push(TextChange { field, words: word_runs(&a, &b) });
        }
    }
    let status_text =
        |r: &RowRef<'_>| r.row.status_text.as_ref().map(plain_text).unwrap_or_default();
    let (a, b) = (status_text(old), status_text(new));
    if a != b {
        changes.push(TextChange { field: "status".into(), words: word_runs(&a, &b) });
    }
    changes
}

/// Compares two reports.
pub fn diff_reports(old: &Report, new: &Report) -> ReportDiff {
    let old_rows = rows(old);
    let new_rows = rows(new);
    let pairs = pair_rows(&old_rows, &new_rows);
    let mut summary = DiffSummary::default();

    let mut changes: Vec<(String, RowChange)> = Vec::new();
    let mut paired_old = HashSet::new();
    let mut paired_new = HashMap::new();
    for (i, j, matched) in pairs {
        paired_old.insert(i);
        paired_new.insert(j, (i, matched));
    }
    for (j, new_row) in new_rows.iter().enumerate() {
        let label = label(new_row);
        let change = match paired_new.get(&j) {
            Some(&(i, matched)) => {
                let old_row = &old_rows[i];
                let (a, b) = (old_row.row.status.value, new_row.row.status.value);
                let text_changes = text_changes(old_row, new_row);
                let mut change = direction(a, b);
                if change == ChangeKind::Unchanged && !text_changes.is_empty() {
                    change = ChangeKind::TextChanged;
                }
                let old_id = &old_row.row.id.value;
                RowChange {
                    change,
                    id: new_row.row.id.value.clone(),
                    old_id: (old_id != &new_row.row.id.value).then(|| old_id.clone()),
                    matched: Some(matched),
                    table: new_row.table.to_string(),
                    label,
                    old_status: Some(a),
                    new_status: Some(b),
                    text_changes,
                }
            }
            // A new follow-up row is reported as its recommendation's fate, not as a new row.
            None if new_row.row.follows.is_some() => continue,
            None => RowChange {
                change: ChangeKind::Added,
                id: new_row.row.id.value.clone(),
                old_id: None,
                matched: None,
                table: new_row.table.to_string(),
                label,
                old_status: None,
                new_status: Some(new_row.row.status.value),
                text_changes: Vec::new(),
            },
        };
        count(&mut summary, change.change);
        if change.change != ChangeKind::Unchanged {
            changes.push((new_row.section.name.clone(), change));
        }
    }
    let unpaired = old_rows.iter().enumerate().filter(|(i, _)| !paired_old.contains(i));
    // Last year's follow-ups of the year before are not "removed": that table starts anew.
    for (_, old_row) in unpaired.filter(|(_, r)| r.row.follows.is_none()) {
        count(&mut summary, ChangeKind::Removed);
        changes.push((
            old_row.section.name.clone(),
            RowChange {
                change: ChangeKind::Removed,
                id: old_row.row.id.value.clone(),
                old_id: None,
                matched: None,
                table: old_row.table.to_string(),
                label: label(old_row),
                old_status: Some(old_row.row.status.value),
                new_status: None,
                text_changes: Vec::new(),
            },
        ));
    }

    // Group by section: the newer report's sections first, then sections only the earlier had.
    let mut sections: Vec<SectionDiff> = Vec::new();
    for section in new.sections.iter().chain(&old.sections) {
        if sections.iter().any(|s| s.name == section.name) {
            continue;
        }
        let rows: Vec<RowChange> = changes
            .iter()
            .filter(|(name, _)| *name == section.name)
            .map(|(_, c)| c.clone())
            .collect();
        if !rows.is_empty() {
            sections.push(SectionDiff {
                name: section.name.clone(),
                title: section.part.title.clone(),
                rows,
            });
        }
    }

    let earlier_recommendations: Vec<RecommendationFate> = recommendations(old)
        .into_iter()
        .map(|rec| RecommendationFate {
            id: rec.id.value.clone(),
            text: plain_text(&rec.text),
            priority: rec.priority.as_ref().map(|p| p.value),
            followed_up_by: new_rows
                .iter()
                .filter(|r| r.row.follows.as_ref().is_some_and(|f| f.value == rec.id.value))
                .map(|r| FollowUp {
                    row_id: r.row.id.value.clone(),
                    status: r.row.status.value,
                    status_text: r.row.status_text.as_ref().map(plain_text).unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    summary.followed_up =
        earlier_recommendations.iter().filter(|f| !f.followed_up_by.is_empty()).count();
    summary.not_followed_up = earlier_recommendations.len() - summary.followed_up;

    let old_recs = recommendations(old);
    let recommendations = recommendations(new)
        .into_iter()
        .map(|rec| {
            let text = plain_text(&rec.text);
            let earlier = old_recs.iter().find(|o| o.id.value == rec.id.value).or_else(|| {
                old_recs
                    .iter()
                    .find(|o| similarity(&plain_text(&o.text), &text) >= TEXT_MATCH_THRESHOLD)
            });
            RecommendationStatus {
                id: rec.id.value.clone(),
                text,
                state: if earlier.is_some() {
                    RecommendationState::Remains
                } else {
                    RecommendationState::New
                },
                earlier_id: earlier.map(|o| o.id.value.clone()),
            }
        })
        .collect();

    ReportDiff {
        old_year: old.year(),
        new_year: new.year(),
        summary,
        sections,
        earlier_recommendations,
        recommendations,
    }
}

impl RowChange {
    /// The status change in content-file words, e.g. "gul → grön", for rows in both reports.
    pub fn status_change(&self) -> Option<String> {
        match (self.old_status, self.new_status) {
            (Some(a), Some(b)) => Some(format!("{} → {}", a.keyword(), b.keyword())),
            _ => None,
        }
    }
}

impl ReportDiff {
    /// Whether any row's status got worse.
    pub fn has_regressions(&self) -> bool {
        self.summary.regressed > 0
    }

    /// The change of the row with this id in the newer report, if it changed or is new.
    pub fn row_change(&self, id: &str) -> Option<&RowChange> {
        self.sections
            .iter()
            .flat_map(|s| &s.rows)
            .find(|r| r.id == id && r.change != ChangeKind::Removed)
    }
}

fn count(summary: &mut DiffSummary, change: ChangeKind) {
    match change {
        ChangeKind::Improved => summary.improved += 1,
        ChangeKind::Regressed => summary.regressed += 1,
        ChangeKind::Reassessed => summary.reassessed += 1,
        ChangeKind::TextChanged => summary.text_changed += 1,
        ChangeKind::Unchanged => summary.unchanged += 1,
        ChangeKind::Added => summary.added += 1,
        ChangeKind::Removed => summary.removed += 1,
    }
}

/// A short label for a row: its first cell, cut at 80 characters.
fn label(row: &RowRef<'_>) -> String {
    let text = row.row.cells.value.first().map(plain_text).unwrap_or_default();
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{}…", cut.trim_end())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_follows_the_colour_scale() {
        assert_eq!(direction(Status::Yellow, Status::Green), ChangeKind::Improved);
        assert_eq!(direction(Status::Red, Status::Yellow), ChangeKind::Improved);
        assert_eq!(direction(Status::Green, Status::Yellow), ChangeKind::Regressed);
        assert_eq!(direction(Status::Yellow, Status::Red), ChangeKind::Regressed);
        assert_eq!(direction(Status::NotAssessed, Status::Green), ChangeKind::Reassessed);
        assert_eq!(direction(Status::Green, Status::Green), ChangeKind::Unchanged);
    }

    #[test]
    fn word_runs_mark_inserted_and_deleted_words() {
        let runs = word_runs("Arbete pågår under hösten", "Arbete klart under hösten");
        let ops: Vec<_> = runs.iter().map(|r| (r.op, r.text.trim())).collect();
        assert!(ops.contains(&(WordOp::Delete, "pågår")), "{ops:?}");
        assert!(ops.contains(&(WordOp::Insert, "klart")), "{ops:?}");
    }

    #[test]
    fn changed_stretches_are_one_deletion_and_one_insertion() {
        let runs = word_runs(
            "Roller är utsedda för hälften av objekten.",
            "Roller är utsedda för samtliga objekt nu.",
        );
        let ops: Vec<_> = runs.iter().map(|r| (r.op, r.text.trim())).collect();
        assert_eq!(
            ops,
            vec![
                (WordOp::Equal, "Roller är utsedda för"),
                (WordOp::Delete, "hälften av objekten."),
                (WordOp::Insert, "samtliga objekt nu."),
            ]
        );
    }

    #[test]
    fn similarity_separates_rewordings_from_other_rows() {
        let a = "Alla system är informationsklassade enligt årshjul";
        assert!(
            similarity(a, "Alla system är informationsklassade enligt årshjulet")
                >= TEXT_MATCH_THRESHOLD
        );
        assert!(similarity(a, "Inköp av nya system ska vara klassade") < TEXT_MATCH_THRESHOLD);
    }
}
