//! The change marker each of the newer report's status rows shows, and their counts: the one
//! set of change figures that the report's overview "Förändringar sedan föregående år", `diff`
//! in every format and `summary` state, counted over the full reports, so that the public
//! edition states the same numbers and says how many of the items counted are confidential.

use serde::Serialize;

use super::{ChangeKind, ReportDiff};
use crate::model::{Report, StatusRow};

/// The change markers of the newer report's rows, and the rows removed, counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MarkerCounts {
    /// Rows whose status got better.
    pub improved: usize,
    /// Rows whose status got worse (a first assessment as gul or röd included).
    pub regressed: usize,
    /// Rows whose status changed to or from "ej bedömd".
    pub reassessed: usize,
    /// New rows, in a section last year's report had.
    pub added: usize,
    /// Rows following up one of last year's recommendations.
    pub follows_up: usize,
    /// Rows whose status stayed.
    pub unchanged: usize,
    /// Of the rows whose status stayed, those whose text changed.
    pub text_changed: usize,
    /// Last year's rows that are gone (last year's own follow-ups not counted).
    pub removed: usize,
    /// How many of the rows counted, and of last year's recommendations, are confidential.
    pub confidential: usize,
}

impl MarkerCounts {
    /// The count of one kind of marker (`TextChanged`: those of the unchanged whose text did).
    pub fn get(&self, kind: ChangeKind) -> usize {
        match kind {
            ChangeKind::Improved => self.improved,
            ChangeKind::Regressed => self.regressed,
            ChangeKind::Reassessed => self.reassessed,
            ChangeKind::Added => self.added,
            ChangeKind::FollowsUp => self.follows_up,
            ChangeKind::Unchanged => self.unchanged,
            ChangeKind::TextChanged => self.text_changed,
            ChangeKind::Removed => self.removed,
        }
    }
}

/// The marker a status row of the newer report shows: every row has one, a row of a section
/// last year's report did not have included (it is new), so that the counts add up to the
/// rows of the report.
pub fn row_marker_kind(diff: &ReportDiff, row: &StatusRow) -> ChangeKind {
    if let Some(follows) = &row.follows
        && diff.earlier_recommendation(&follows.value).is_some()
    {
        return ChangeKind::FollowsUp;
    }
    match diff.row_change(&row.id.value).map(|c| c.change) {
        Some(kind @ (ChangeKind::Improved | ChangeKind::Regressed | ChangeKind::Reassessed)) => {
            kind
        }
        Some(ChangeKind::Added) => ChangeKind::Added,
        _ => ChangeKind::Unchanged,
    }
}

/// Counts the markers of `new`'s rows, with `diff` its comparison with the earlier report.
pub(super) fn count_markers(new: &Report, diff: &ReportDiff) -> MarkerCounts {
    let mut counts = MarkerCounts::default();
    for placed in new.placed_rows() {
        let kind = row_marker_kind(diff, placed.row);
        let field = match kind {
            ChangeKind::Improved => &mut counts.improved,
            ChangeKind::Regressed => &mut counts.regressed,
            ChangeKind::Reassessed => &mut counts.reassessed,
            ChangeKind::Added => &mut counts.added,
            ChangeKind::FollowsUp => &mut counts.follows_up,
            _ => &mut counts.unchanged,
        };
        *field += 1;
        let text_changed = diff
            .row_change(&placed.row.id.value)
            .is_some_and(|c| c.change == ChangeKind::TextChanged);
        counts.text_changed += usize::from(kind == ChangeKind::Unchanged && text_changed);
        counts.confidential += usize::from(placed.internal);
    }
    for row in diff.sections.iter().flat_map(|s| &s.rows) {
        if row.change == ChangeKind::Removed {
            counts.removed += 1;
            counts.confidential += usize::from(row.internal);
        }
    }
    counts.confidential += diff.earlier_recommendations.iter().filter(|f| f.internal).count();
    counts
}
