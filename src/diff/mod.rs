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

mod compare;
mod markers;
mod matching;

use serde::Serialize;

pub use compare::{diff_reports, direction, plain_text};
pub use markers::{MarkerCounts, row_marker_kind};
pub use matching::similarity;

use crate::model::{Priority, Status};

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
    /// The change markers the newer report's rows show, counted over the full reports: the
    /// figures every output states.
    pub markers: MarkerCounts,
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
    /// The management's decision on it, when the earlier report records one.
    #[serde(skip)]
    pub decision: Option<crate::model::Decision>,
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

#[cfg(test)]
mod tests;
