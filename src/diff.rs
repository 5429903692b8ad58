//! Year over year: (old report, new report) → [`ReportDiff`]. Pure: no I/O, no formatting.
//!
//! Status rows (in sections and appendices alike) are matched by id, then the rows left over on
//! both sides by the similarity of their text (reported as "matched by text"). Each earlier
//! recommendation's fate comes from the rows of the newer report that name it with `follows:`.
//! A newer recommendation remains from an earlier one by the same id, by its own `follows:`, or
//! failing both by a close text match. Rows are only ever matched with rows, recommendations
//! with recommendations.
//!
//! The diff is always of the full content, so that its facts (counts, fates) are the same in
//! every edition; every item carries whether it is confidential, and
//! [`ReportDiff::public_edition`] withholds the text of those that are.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::model::{Markdown, PlacedRecommendation, PlacedRow, Priority, Report, Status};

/// How similar (0–1, by words) two items' texts must be to be taken for the same item. Strict,
/// because a false "kvarstår" or a false renaming misleads more than a row shown as removed and
/// added: rewordings score above 0.9, different items that share a topic around 0.5–0.7.
pub const TEXT_MATCH_THRESHOLD: f32 = 0.8;

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
    /// Whether this is the public edition: confidential items are withheld (but counted in the
    /// summary).
    pub public: bool,
    /// How many confidential items the public edition withholds from the lists.
    pub withheld: Withheld,
}

/// Confidential items left out of the lists of the public edition; the summary counts them.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Withheld {
    /// Changed, added or removed rows.
    pub rows: usize,
    /// Earlier recommendations.
    pub earlier_recommendations: usize,
    /// Rows following up a public earlier recommendation.
    pub follow_ups: usize,
    /// The newer report's recommendations.
    pub recommendations: usize,
}

impl Withheld {
    /// All withheld items.
    pub fn total(&self) -> usize {
        self.rows + self.earlier_recommendations + self.follow_ups + self.recommendations
    }
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
    /// The row follows up one of the earlier report's recommendations (`follows:`): shown by
    /// the report's change markers; the diff reports such rows as their recommendation's fate.
    FollowsUp,
}

impl ChangeKind {
    /// A stable machine name, for CSS classes.
    pub fn slug(self) -> &'static str {
        match self {
            ChangeKind::Improved => "improved",
            ChangeKind::Regressed => "regressed",
            ChangeKind::Reassessed => "reassessed",
            ChangeKind::TextChanged => "text-changed",
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Added => "new",
            ChangeKind::Removed => "removed",
            ChangeKind::FollowsUp => "follows-up",
        }
    }
}

/// How two rows, or two recommendations, were paired.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Matched {
    /// The same id.
    Id,
    /// The newer recommendation names the earlier one with `follows:`.
    Follows,
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
    /// Confidential, in either report: the row or the block it is in is marked `intern`.
    pub internal: bool,
    /// The provision that makes it confidential, when one is named.
    pub sekretess: Option<String>,
    /// The newer row's deadline has passed by the newer report's date without `grön`.
    pub overdue: bool,
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
    /// Its number in the earlier report's full edition (1-based, in document order), for the
    /// later report's follow-up markers.
    #[serde(skip)]
    pub number: usize,
    /// Its text, as plain text.
    pub text: String,
    /// Its priority, if it had one.
    pub priority: Option<Priority>,
    /// The newer report's rows that follow it up (usually one). In the public edition the
    /// confidential ones are withheld; `followed_up` still says whether there are any.
    pub followed_up_by: Vec<FollowUp>,
    /// Whether any row of the newer report follows it up.
    pub followed_up: bool,
    /// Confidential: the recommendation or the block it is in is marked `intern`.
    pub internal: bool,
    /// The provision that makes it confidential, when one is named.
    pub sekretess: Option<String>,
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
    /// Who is responsible for it.
    pub owner: Option<String>,
    /// Its deadline, as written (`YYYY-MM-DD` or `YYYY-MM`).
    pub due: Option<String>,
    /// Its deadline has passed by the newer report's date without `grön`.
    pub overdue: bool,
    /// Confidential: the row or the block it is in is marked `intern`.
    pub internal: bool,
    /// The provision that makes it confidential, when one is named.
    pub sekretess: Option<String>,
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
    /// How it was paired with the earlier one: by id, by `follows:` or by text.
    pub matched: Option<Matched>,
    /// Confidential: the recommendation or the block it is in is marked `intern`.
    pub internal: bool,
    /// The provision that makes it confidential, when one is named.
    pub sekretess: Option<String>,
    /// Whether the earlier recommendation it remains from is confidential.
    #[serde(skip)]
    pub earlier_internal: bool,
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

/// A row's cells as plain text, for the text match.
fn row_text(row: &PlacedRow<'_>) -> String {
    row.row.cells.value.iter().map(plain_text).collect::<Vec<_>>().join(" ")
}

/// Markdown reduced to its words, for labels and comparisons.
pub fn plain_text(markdown: &Markdown) -> String {
    crate::model::plain_words(&markdown.text)
}

/// Word-level similarity of two texts, 0–1: twice the words in common (in order) over the words
/// of both. Spaces do not count, or two texts sharing only their sentence frame would score high.
pub fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    TextDiff::from_slices(&a, &b).ratio()
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

/// The direction of a status change. A first assessment as gul or röd is a regression: it is a
/// shortcoming the board has not seen before; a first assessment as grön, and any change to
/// "ej bedömd", is a reassessment.
pub fn direction(old: Status, new: Status) -> ChangeKind {
    match (rank(old), rank(new)) {
        _ if old == new => ChangeKind::Unchanged,
        (Some(a), Some(b)) if b > a => ChangeKind::Improved,
        (Some(_), Some(_)) => ChangeKind::Regressed,
        (None, Some(b)) if b < 2 => ChangeKind::Regressed,
        _ => ChangeKind::Reassessed,
    }
}

/// Pairs the rows of two reports: by id, then the rest by text. Returns (old index, new index,
/// how) for each pair.
fn pair_rows(old: &[PlacedRow<'_>], new: &[PlacedRow<'_>]) -> Vec<(usize, usize, Matched)> {
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
    // Then the best text matches among the rows left; follow-up rows are never renamings. Only
    // the rows left need their text, and none when either side has none left.
    let old_free = |i: usize| !old_used.contains(&i) && old[i].row.follows.is_none();
    let new_free = |j: usize| !new_used.contains(&j) && new[j].row.follows.is_none();
    if !(0..old.len()).any(old_free) || !(0..new.len()).any(new_free) {
        return pairs;
    }
    let text = |free: bool, row: &PlacedRow<'_>| if free { row_text(row) } else { String::new() };
    let old_texts: Vec<String> =
        old.iter().enumerate().map(|(i, r)| text(old_free(i), r)).collect();
    let new_texts: Vec<String> =
        new.iter().enumerate().map(|(j, r)| text(new_free(j), r)).collect();
    let matches = text_matches(&strs(&old_texts), &strs(&new_texts), old_free, new_free);
    pairs
        .extend(matches.into_iter().map(|(i, j, similarity)| (i, j, Matched::Text { similarity })));
    pairs
}

/// The texts as string slices.
fn strs(texts: &[String]) -> Vec<&str> {
    texts.iter().map(String::as_str).collect()
}

/// A text ready for matching: its words in order, for the exact similarity, and the same words
/// as sorted ids, for the bound on it.
struct Words<'a> {
    words: Vec<&'a str>,
    bag: Vec<u32>,
}

/// Splits each text into words and numbers the distinct words of all the texts, so that two
/// texts' shared words are counted by merging two sorted lists of numbers.
fn prepare<'a>(texts: &[&'a str], ids: &mut HashMap<&'a str, u32>) -> Vec<Words<'a>> {
    texts
        .iter()
        .map(|text| {
            let words: Vec<&str> = text.split_whitespace().collect();
            let mut bag: Vec<u32> = words
                .iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            bag.sort_unstable();
            Words { words, bag }
        })
        .collect()
}

/// How many words two sorted bags share, counting repeats: no common subsequence of the two
/// texts is longer, so `2 × shared / (a + b)` bounds their similarity from above.
fn shared_words(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The ratio `similar` computes from `matches` equal words: the same expression, so that a bound
/// on the matches is a bound on the ratio, rounding included.
fn ratio(matches: usize, a: usize, b: usize) -> f32 {
    2.0 * matches as f32 / (a + b) as f32
}

/// The best one-to-one pairs of texts at least [`TEXT_MATCH_THRESHOLD`] similar, among the free
/// ones, best first; similarity rounded to two decimals. A text without words matches nothing.
///
/// Only plausible pairs get the exact (quadratic) word diff: a pair is skipped when its word
/// counts alone, or then the words the two texts share (in any order), bound its similarity
/// below the threshold. The result is the same as comparing every pair
/// (`text_matches_exhaustive` in the tests checks it).
fn text_matches(
    old: &[&str],
    new: &[&str],
    old_free: impl Fn(usize) -> bool,
    new_free: impl Fn(usize) -> bool,
) -> Vec<(usize, usize, f32)> {
    let mut ids = HashMap::new();
    let old_words = prepare(old, &mut ids);
    let new_words = prepare(new, &mut ids);
    // The free newer texts by word count, so that each earlier text visits only the counts
    // that can reach the threshold: min/max ≥ 2/3 (widened by one on each side for rounding;
    // the exact test follows).
    let mut by_count: Vec<(usize, usize)> = (0..new.len())
        .filter(|j| new_free(*j) && !new_words[*j].words.is_empty())
        .map(|j| (new_words[j].words.len(), j))
        .collect();
    by_count.sort_unstable();
    let mut candidates = Vec::new();
    for i in (0..old.len()).filter(|i| old_free(*i)) {
        let a = &old_words[i];
        let n = a.words.len();
        if n == 0 {
            continue;
        }
        let low = (2 * n / 3).saturating_sub(1);
        let high = 3 * n / 2 + 1;
        let start = by_count.partition_point(|(count, _)| *count < low);
        for &(m, j) in by_count[start..].iter().take_while(|(count, _)| *count <= high) {
            if ratio(n.min(m), n, m) < TEXT_MATCH_THRESHOLD {
                continue;
            }
            let b = &new_words[j];
            if ratio(shared_words(&a.bag, &b.bag), n, m) < TEXT_MATCH_THRESHOLD {
                continue;
            }
            let score = TextDiff::from_slices(&a.words, &b.words).ratio();
            if score >= TEXT_MATCH_THRESHOLD {
                candidates.push((score, i, j));
            }
        }
    }
    best_pairs(candidates)
}

/// The best one-to-one pairs among scored candidates: highest score first, ties by position.
fn best_pairs(mut candidates: Vec<(f32, usize, usize)>) -> Vec<(usize, usize, f32)> {
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut old_used, mut new_used) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (score, i, j) in candidates {
        if !old_used.contains(&i) && !new_used.contains(&j) {
            old_used.insert(i);
            new_used.insert(j);
            out.push((i, j, (score * 100.0).round() / 100.0));
        }
    }
    out
}

fn text_changes(old: &PlacedRow<'_>, new: &PlacedRow<'_>) -> Vec<TextChange> {
    let mut changes = Vec::new();
    let cells = old.row.cells.value.iter().zip(&new.row.cells.value);
    for (i, (a, b)) in cells.enumerate() {
        let (a, b) = (plain_text(a), plain_text(b));
        if a != b {
            let field =
                new.table.columns.value.get(i).cloned().unwrap_or_else(|| format!("{}", i + 1));
            changes.push(TextChange { field, words: word_runs(&a, &b) });
        }
    }
    let status_text =
        |r: &PlacedRow<'_>| r.row.status_text.as_ref().map(plain_text).unwrap_or_default();
    let (a, b) = (status_text(old), status_text(new));
    if a != b {
        changes.push(TextChange { field: "status".into(), words: word_runs(&a, &b) });
    }
    changes
}

/// Compares two reports.
pub fn diff_reports(old: &Report, new: &Report) -> ReportDiff {
    let old_rows = old.placed_rows();
    let new_rows = new.placed_rows();
    let pairs = pair_rows(&old_rows, &new_rows);
    let mut summary = DiffSummary::default();
    let date = new.meta.date.value.0;

    let mut changes: Vec<(String, RowChange)> = Vec::new();
    let mut paired_old = HashSet::new();
    let mut paired_new = HashMap::new();
    for (i, j, matched) in pairs {
        paired_old.insert(i);
        paired_new.insert(j, (i, matched));
    }
    for (j, new_row) in new_rows.iter().enumerate() {
        let change = match paired_new.get(&j) {
            Some(&(i, matched)) => {
                let old_row = &old_rows[i];
                let (a, b) = (old_row.row.status.value, new_row.row.status.value);
                let text_changes = text_changes(old_row, new_row);
                let mut change = direction(a, b);
                if change == ChangeKind::Unchanged && !text_changes.is_empty() {
                    change = ChangeKind::TextChanged;
                }
                // Unchanged rows are only counted.
                if change == ChangeKind::Unchanged {
                    count(&mut summary, change);
                    continue;
                }
                let old_id = &old_row.row.id.value;
                RowChange {
                    change,
                    id: new_row.row.id.value.clone(),
                    old_id: (old_id != &new_row.row.id.value).then(|| old_id.clone()),
                    matched: Some(matched),
                    table: new_row.place.title.to_string(),
                    label: label(new_row),
                    old_status: Some(a),
                    new_status: Some(b),
                    text_changes,
                    internal: old_row.internal || new_row.internal,
                    sekretess: new_row.sekretess.or(old_row.sekretess).map(str::to_string),
                    overdue: new_row.row.is_overdue(date),
                }
            }
            // A new follow-up row is reported as its recommendation's fate, not as a new row.
            None if new_row.row.follows.is_some() => continue,
            None => RowChange {
                change: ChangeKind::Added,
                id: new_row.row.id.value.clone(),
                old_id: None,
                matched: None,
                table: new_row.place.title.to_string(),
                label: label(new_row),
                old_status: None,
                new_status: Some(new_row.row.status.value),
                text_changes: Vec::new(),
                internal: new_row.internal,
                sekretess: new_row.sekretess.map(str::to_string),
                overdue: new_row.row.is_overdue(date),
            },
        };
        count(&mut summary, change.change);
        changes.push((new_row.section.name.clone(), change));
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
                table: old_row.place.title.to_string(),
                label: label(old_row),
                old_status: Some(old_row.row.status.value),
                new_status: None,
                text_changes: Vec::new(),
                internal: old_row.internal,
                sekretess: old_row.sekretess.map(str::to_string),
                overdue: false,
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

    // Each recommendation's text once: for its entry and for matching by text.
    let rec_text = |p: &PlacedRecommendation<'_>| plain_text(&p.recommendation.text);
    let old_recs = old.placed_recommendations();
    let old_rec_texts: Vec<String> = old_recs.iter().map(rec_text).collect();
    let earlier_recommendations: Vec<RecommendationFate> = old_recs
        .iter()
        .zip(&old_rec_texts)
        .map(|(placed, text)| {
            let rec = placed.recommendation;
            let followed_up_by: Vec<FollowUp> = new_rows
                .iter()
                .filter(|r| r.row.follows.as_ref().is_some_and(|f| f.value == rec.id.value))
                .map(|r| FollowUp {
                    row_id: r.row.id.value.clone(),
                    status: r.row.status.value,
                    status_text: r.row.status_text.as_ref().map(plain_text).unwrap_or_default(),
                    owner: r.row.owner.clone(),
                    due: r.row.due.map(|d| d.to_string()),
                    overdue: r.row.is_overdue(date),
                    internal: r.internal,
                    sekretess: r.sekretess.map(str::to_string),
                })
                .collect();
            RecommendationFate {
                id: rec.id.value.clone(),
                number: rec.number,
                text: text.clone(),
                priority: rec.priority.as_ref().map(|p| p.value),
                followed_up: !followed_up_by.is_empty(),
                followed_up_by,
                internal: placed.internal,
                sekretess: placed.sekretess.map(str::to_string),
            }
        })
        .collect();
    summary.followed_up = earlier_recommendations.iter().filter(|f| f.followed_up).count();
    summary.not_followed_up = earlier_recommendations.len() - summary.followed_up;

    let new_recs = new.placed_recommendations();
    let new_rec_texts: Vec<String> = new_recs.iter().map(rec_text).collect();
    let earlier = pair_recommendations((&old_recs, &old_rec_texts), (&new_recs, &new_rec_texts));
    let recommendations = new_recs
        .iter()
        .zip(earlier)
        .zip(new_rec_texts)
        .map(|((placed, earlier), text)| {
            let rec = placed.recommendation;
            let earlier = earlier.map(|(i, matched)| (&old_recs[i], matched));
            RecommendationStatus {
                id: rec.id.value.clone(),
                text,
                state: if earlier.is_some() {
                    RecommendationState::Remains
                } else {
                    RecommendationState::New
                },
                earlier_id: earlier.map(|(o, _)| o.recommendation.id.value.clone()),
                matched: earlier.map(|(_, m)| m),
                internal: placed.internal,
                sekretess: placed.sekretess.map(str::to_string),
                earlier_internal: earlier.is_some_and(|(o, _)| o.internal),
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
        public: false,
        withheld: Withheld::default(),
    }
}

/// For each newer recommendation, the earlier one it remains from, if any: the same id, else the
/// one its `follows:` names, else the closest text at least [`TEXT_MATCH_THRESHOLD`] similar
/// among the earlier ones nothing else claimed. Each list comes with its plain texts.
fn pair_recommendations(
    (old, old_texts): (&[PlacedRecommendation<'_>], &[String]),
    (new, new_texts): (&[PlacedRecommendation<'_>], &[String]),
) -> Vec<Option<(usize, Matched)>> {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, o) in old.iter().enumerate() {
        // The first of a repeated id, as a search from the start would find.
        by_id.entry(o.recommendation.id.value.as_str()).or_insert(i);
    }
    let position = |id: &str| by_id.get(id).copied();
    let mut pairs: Vec<Option<(usize, Matched)>> = new
        .iter()
        .map(|n| {
            let rec = n.recommendation;
            position(&rec.id.value).map(|i| (i, Matched::Id)).or_else(|| {
                let follows = rec.follows.as_ref()?;
                position(&follows.value).map(|i| (i, Matched::Follows))
            })
        })
        .collect();
    let old_used: HashSet<usize> = pairs.iter().flatten().map(|(i, _)| *i).collect();
    // A recommendation that names an earlier one is never matched to another by text.
    let new_free = |j: usize| pairs[j].is_none() && new[j].recommendation.follows.is_none();
    let old_free = |i: usize| !old_used.contains(&i);
    let matches = text_matches(&strs(old_texts), &strs(new_texts), old_free, new_free);
    for (i, j, similarity) in matches {
        pairs[j] = Some((i, Matched::Text { similarity }));
    }
    pairs
}

impl ReportDiff {
    /// Whether any row's status got worse.
    pub fn has_regressions(&self) -> bool {
        self.summary.regressed > 0
    }

    /// The public edition of this comparison: the same summary (the facts are the same in both
    /// editions), with confidential rows and recommendations left out of the lists and counted in
    /// [`ReportDiff::withheld`]. A public recommendation followed up only by confidential rows
    /// stays "followed up", without the rows.
    pub fn public_edition(mut self) -> ReportDiff {
        let mut withheld = Withheld::default();
        for section in &mut self.sections {
            let before = section.rows.len();
            section.rows.retain(|r| !r.internal);
            withheld.rows += before - section.rows.len();
        }
        self.sections.retain(|s| !s.rows.is_empty());
        let before = self.earlier_recommendations.len();
        self.earlier_recommendations.retain(|f| !f.internal);
        withheld.earlier_recommendations = before - self.earlier_recommendations.len();
        for fate in &mut self.earlier_recommendations {
            let before = fate.followed_up_by.len();
            fate.followed_up_by.retain(|f| !f.internal);
            withheld.follow_ups += before - fate.followed_up_by.len();
        }
        let before = self.recommendations.len();
        self.recommendations.retain(|r| !r.internal);
        withheld.recommendations = before - self.recommendations.len();
        for rec in self.recommendations.iter_mut().filter(|r| r.earlier_internal) {
            // It remains, but from a confidential recommendation: which one is withheld.
            rec.earlier_id = None;
            rec.matched = None;
        }
        self.public = true;
        self.withheld = withheld;
        self
    }

    /// What became of the earlier report's recommendation `id` (in the public edition, only the
    /// public ones are left).
    pub fn earlier_recommendation(&self, id: &str) -> Option<&RecommendationFate> {
        self.earlier_recommendations.iter().find(|f| f.id == id)
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
        // Counted as the fates of the earlier recommendations.
        ChangeKind::FollowsUp => {}
    }
}

/// A short label for a row: its first cell, cut at 80 characters.
fn label(row: &PlacedRow<'_>) -> String {
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

    /// Writes `<dir>/<year>/` with a `report.yaml` and the given section files, and loads it.
    fn report(dir: &std::path::Path, year: i32, sections: &[(&str, &str)]) -> Report {
        let folder = dir.join(year.to_string());
        std::fs::create_dir_all(&folder).unwrap();
        let names: Vec<String> = sections.iter().map(|(n, _)| format!("  - {n}")).collect();
        let meta = format!(
            "organisation: Test\ntitle: Ledningens genomgång\nyear: {year}\ndate: {year}-09-01\n\
             author: Test\nsections:\n{}\n",
            names.join("\n")
        );
        std::fs::write(folder.join("report.yaml"), meta).unwrap();
        for (name, text) in sections {
            std::fs::write(folder.join(format!("{name}.yaml")), text).unwrap();
        }
        crate::model::load_report(&folder).unwrap().report
    }

    /// A section with one status table of (id, text, status) rows.
    fn table(rows: &[(&str, &str, &str)]) -> String {
        let mut out =
            "title: Kontroller\ncontent:\n  - table:\n      columns: [Kontroll]\n      rows:\n"
                .to_string();
        for (id, text, status) in rows {
            out.push_str(&format!(
                "        - id: {id}\n          cells: [\"{text}\"]\n          status: {status}\n"
            ));
        }
        out
    }

    /// A recommendations section of (id, text, extra YAML line) entries.
    fn recs(list: &[(&str, &str, &str)]) -> String {
        let mut out = "title: Rekommendationer\ncontent:\n  - recommendations:\n".to_string();
        for (id, text, extra) in list {
            out.push_str(&format!("      - id: {id}\n        text: \"{text}\"\n"));
            if !extra.is_empty() {
                out.push_str(&format!("        {extra}\n"));
            }
        }
        out
    }

    // A first assessment as röd was counted as "ombedömd", so `--fail-on-regression` passed and
    // the overview did not list a new red item.
    #[test]
    fn a_first_assessment_as_red_or_yellow_is_a_regression() {
        assert_eq!(direction(Status::NotAssessed, Status::Red), ChangeKind::Regressed);
        assert_eq!(direction(Status::NotAssessed, Status::Yellow), ChangeKind::Regressed);
        assert_eq!(direction(Status::NotAssessed, Status::Green), ChangeKind::Reassessed);
        assert_eq!(direction(Status::Red, Status::NotAssessed), ChangeKind::Reassessed);
        let dir = tempfile::tempdir().unwrap();
        let old = report(
            dir.path(),
            2023,
            &[("checks", &table(&[("a", "Loggar följs upp", "ej bedömd"), ("b", "Avtal", "gul")]))],
        );
        let new = report(
            dir.path(),
            2024,
            &[("checks", &table(&[("a", "Loggar följs upp", "röd"), ("b", "Avtal", "ej bedömd")]))],
        );
        let diff = diff_reports(&old, &new);
        assert_eq!(diff.row_change("a").map(|r| r.change), Some(ChangeKind::Regressed));
        assert_eq!(diff.row_change("b").map(|r| r.change), Some(ChangeKind::Reassessed));
        assert_eq!((diff.summary.regressed, diff.summary.reassessed), (1, 1));
        assert!(diff.has_regressions());
    }

    // Two unrelated recommendations sharing a sentence frame were reported as "kvarstår".
    #[test]
    fn recommendations_remain_by_id_follows_or_a_close_text_only() {
        let risk = "Förvaltningen undersöker om ett gemensamt verktyg för riskanalys kan användas \
                    tillsammans med andra förvaltningar.";
        let mfa = "Förvaltningen undersöker om inloggning med flera faktorer kan användas \
                   tillsammans med andra förvaltningar.";
        // The old threshold (0.6) took these for one recommendation.
        let score = similarity(risk, mfa);
        assert!((0.6..TEXT_MATCH_THRESHOLD).contains(&score), "{score}");
        let reworded = "Objektledare utses för alla återstående objekt och får en grundutbildning.";
        let dir = tempfile::tempdir().unwrap();
        let old = report(
            dir.path(),
            2023,
            &[
                ("checks", &table(&[("rad-1", "Rutin för kontinuitet saknas helt", "gul")])),
                (
                    "recommendations",
                    &recs(&[
                        ("rek-1", risk, ""),
                        (
                            "rek-2",
                            "Objektledare utses för återstående objekt och får en grundutbildning.",
                            "",
                        ),
                        ("rek-3", "Kontinuitetsplaner tas fram.", ""),
                    ]),
                ),
            ],
        );
        let new = report(
            dir.path(),
            2024,
            &[(
                "recommendations",
                &recs(&[
                    ("rek-a", mfa, ""),
                    ("rek-b", reworded, ""),
                    ("rek-c", "En helt ny lydelse om planer för kontinuitet.", "follows: rek-3"),
                    // Same text as last year's row: rows are never matched with recommendations.
                    ("rek-d", "Rutin för kontinuitet saknas helt", ""),
                ]),
            )],
        );
        let diff = diff_reports(&old, &new);
        let state = |id: &str| {
            let r = diff.recommendations.iter().find(|r| r.id == id).unwrap();
            (r.state, r.earlier_id.clone(), r.matched)
        };
        assert_eq!(state("rek-a"), (RecommendationState::New, None, None));
        let (b_state, b_earlier, b_matched) = state("rek-b");
        assert_eq!((b_state, b_earlier.as_deref()), (RecommendationState::Remains, Some("rek-2")));
        assert!(
            matches!(b_matched, Some(Matched::Text { similarity }) if similarity >= TEXT_MATCH_THRESHOLD),
            "{b_matched:?}"
        );
        assert_eq!(
            state("rek-c"),
            (RecommendationState::Remains, Some("rek-3".into()), Some(Matched::Follows))
        );
        assert_eq!(state("rek-d"), (RecommendationState::New, None, None));
    }

    // Rows in appendices were never compared: always "oförändrad", their follow-ups missed.
    #[test]
    fn rows_in_appendices_are_compared_and_follow_up() {
        let appendix = |status: &str, follow_up: &str| {
            format!(
                "title: Bilagor\ncontent:\n  - appendices:\n      - id: bilaga-1\n        title: Kontroller\n        \
                 content:\n          - intern: true\n            table:\n              columns: [Kontroll]\n              \
                 rows:\n                - id: bil-rad\n                  cells: [\"Loggar\"]\n                  \
                 status: {status}\n{follow_up}"
            )
        };
        let dir = tempfile::tempdir().unwrap();
        let old = report(
            dir.path(),
            2023,
            &[
                ("appendices", &appendix("gul", "")),
                ("recommendations", &recs(&[("rek-1", "Loggar följs upp.", "")])),
            ],
        );
        let follow_up = "                - id: uppf-rek-1\n                  cells: [\"Loggar följs upp.\"]\n                  \
                         status: grön\n                  follows: rek-1\n";
        let new = report(dir.path(), 2024, &[("appendices", &appendix("röd", follow_up))]);
        let diff = diff_reports(&old, &new);
        let row = diff.row_change("bil-rad").expect("the appendix row is compared");
        assert_eq!(row.change, ChangeKind::Regressed);
        assert_eq!(row.table, "Kontroller");
        // The appendices block is internal, so its rows are.
        assert!(row.internal);
        assert_eq!((diff.summary.followed_up, diff.summary.not_followed_up), (1, 0));
        assert!(diff.earlier_recommendations[0].followed_up_by[0].internal);

        // The public edition states the same facts without the internal rows.
        let public = diff_reports(&old, &new).public_edition();
        assert_eq!(public.summary, diff.summary);
        assert!(public.sections.iter().all(|s| s.rows.iter().all(|r| !r.internal)));
        let fate = &public.earlier_recommendations[0];
        assert!(fate.followed_up && fate.followed_up_by.is_empty());
        assert_eq!(public.withheld.rows, 1);
        assert_eq!(public.withheld.follow_ups, 1);
    }

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

    /// Every free pair compared word by word: what [`text_matches`] must equal.
    fn text_matches_exhaustive(
        old: &[&str],
        new: &[&str],
        old_free: impl Fn(usize) -> bool,
        new_free: impl Fn(usize) -> bool,
    ) -> Vec<(usize, usize, f32)> {
        let mut candidates = Vec::new();
        for i in (0..old.len()).filter(|i| old_free(*i)) {
            for j in (0..new.len()).filter(|j| new_free(*j)) {
                let has_words = |t: &str| t.split_whitespace().next().is_some();
                if !has_words(old[i]) || !has_words(new[j]) {
                    continue;
                }
                let score = similarity(old[i], new[j]);
                if score >= TEXT_MATCH_THRESHOLD {
                    candidates.push((score, i, j));
                }
            }
        }
        best_pairs(candidates)
    }

    /// Texts from a small vocabulary, and later versions of some of them with a few words
    /// dropped, added or replaced, so that many pairs score near the threshold.
    fn texts_and_rewordings()
    -> impl proptest::strategy::Strategy<Value = (Vec<String>, Vec<String>)> {
        use proptest::prelude::*;
        const VOCABULARY: &[&str] =
            &["system", "loggar", "och", "följs", "upp", "av", "rutin", "för", "år"];
        let text = proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..14)
            .prop_map(|words| words.join(" "));
        let edit = (0..4usize, 0..14usize, proptest::sample::select(VOCABULARY));
        proptest::collection::vec(
            (text, proptest::collection::vec(edit, 0..4), any::<bool>()),
            0..12,
        )
        .prop_map(|items| {
            let old: Vec<String> = items.iter().map(|(t, _, _)| t.clone()).collect();
            let new = items
                .iter()
                .map(|(t, edits, keep)| {
                    let mut words: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
                    for (kind, at, word) in edits {
                        let at = at % (words.len() + 1);
                        match kind {
                            0 if at < words.len() => {
                                words.remove(at);
                            }
                            1 => words.insert(at, word),
                            _ if at < words.len() => words[at] = word,
                            _ => {}
                        }
                    }
                    if *keep { words.join(" ") } else { words.join("  ") }
                })
                .rev()
                .collect();
            (old, new)
        })
    }

    proptest::proptest! {
        // The bounds that spare most pairs the word diff must never drop a pair that matches,
        // nor change a similarity.
        #[test]
        fn prefiltered_text_matches_equal_the_exhaustive_ones(
            (old, new) in texts_and_rewordings(),
            old_taken in proptest::collection::vec(proptest::prelude::any::<bool>(), 12),
            new_taken in proptest::collection::vec(proptest::prelude::any::<bool>(), 12),
        ) {
            let (old, new) = (strs(&old), strs(&new));
            let old_free = |i: usize| !old_taken[i];
            let new_free = |j: usize| !new_taken[j];
            let fast = text_matches(&old, &new, old_free, new_free);
            let slow = text_matches_exhaustive(&old, &new, old_free, new_free);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn text_matches_skip_pairs_only_when_no_match_is_possible() {
        // Same words in another order: the shared-word bound lets it through, the word diff
        // scores it below the threshold.
        let old = ["loggar följs upp av rutin för system"];
        let new =
            ["system för rutin av upp följs loggar", "loggar följs upp av rutin för system i år"];
        let fast = text_matches(&old, &new, |_| true, |_| true);
        assert_eq!(fast, text_matches_exhaustive(&old, &new, |_| true, |_| true));
        assert_eq!(fast, vec![(0, 1, 0.88)]);
        // Texts without words are never matched, even with each other.
        assert_eq!(text_matches(&["", " "], &["  ", ""], |_| true, |_| true), vec![]);
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
