//! Comparing two reports: each paired row's change (its status's direction, its words), the
//! rows added and removed, each earlier recommendation's fate and each newer one's state, counted
//! in one summary.

use std::collections::{HashMap, HashSet};

use similar::{ChangeTag, TextDiff};

use super::matching::{pair_recommendations, pair_rows};
use super::*;
use crate::model::{Markdown, PlacedRecommendation, PlacedRow, Report};

/// A row's cells as plain text, for the text match.
pub(super) fn row_text(row: &PlacedRow<'_>) -> String {
    row.row.cells.value.iter().map(plain_text).collect::<Vec<_>>().join(" ")
}

/// Markdown reduced to its words, for labels and comparisons.
pub fn plain_text(markdown: &Markdown) -> String {
    crate::model::plain_words(&markdown.text)
}

/// The word-level diff of two texts as runs: each stretch of changed words becomes one deleted
/// run followed by one inserted run, rather than alternating word by word.
pub(super) fn word_runs(old: &str, new: &str) -> Vec<WordRun> {
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

pub(super) fn text_changes(old: &PlacedRow<'_>, new: &PlacedRow<'_>) -> Vec<TextChange> {
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
    let mut summary = DiffSummary::default();
    let date = new.meta.date.value.0;
    let changes = row_changes((&old_rows, &new_rows), date, &mut summary);
    let sections = by_section(old, new, &changes);
    let earlier_recommendations = earlier_fates(old, &new_rows, date);
    summary.followed_up = earlier_recommendations.iter().filter(|f| f.followed_up).count();
    summary.not_followed_up = earlier_recommendations.len() - summary.followed_up;
    let mut diff = ReportDiff {
        old_year: old.year(),
        new_year: new.year(),
        summary,
        markers: MarkerCounts::default(),
        sections,
        earlier_recommendations,
        recommendations: recommendation_states(old, new),
        public: false,
        withheld: Withheld::default(),
    };
    diff.markers = super::markers::count_markers(new, &diff);
    diff
}

/// The change of every row that changed, was added or was removed, with the name of its
/// section; every row counted in `summary`, unchanged ones only counted.
fn row_changes(
    (old_rows, new_rows): (&[PlacedRow<'_>], &[PlacedRow<'_>]),
    date: chrono::NaiveDate,
    summary: &mut DiffSummary,
) -> Vec<(String, RowChange)> {
    let mut paired_old = HashSet::new();
    let mut paired_new = HashMap::new();
    for (i, j, matched) in pair_rows(old_rows, new_rows) {
        paired_old.insert(i);
        paired_new.insert(j, (i, matched));
    }
    let mut changes: Vec<(String, RowChange)> = Vec::new();
    for (j, new_row) in new_rows.iter().enumerate() {
        let change = match paired_new.get(&j) {
            Some(&(i, matched)) => match paired_change(&old_rows[i], new_row, matched, date) {
                Some(change) => change,
                // Unchanged rows are only counted.
                None => {
                    count(summary, ChangeKind::Unchanged);
                    continue;
                }
            },
            // A new follow-up row is reported as its recommendation's fate, not as a new row.
            None if new_row.row.follows.is_some() => continue,
            None => RowChange {
                change: ChangeKind::Added,
                new_status: Some(new_row.row.status.value),
                overdue: new_row.row.is_overdue(date),
                ..lone_row(new_row)
            },
        };
        count(summary, change.change);
        changes.push((new_row.section.name.clone(), change));
    }
    let unpaired = old_rows.iter().enumerate().filter(|(i, _)| !paired_old.contains(i));
    // Last year's follow-ups of the year before are not "removed": that table starts anew.
    for (_, old_row) in unpaired.filter(|(_, r)| r.row.follows.is_none()) {
        count(summary, ChangeKind::Removed);
        let change = RowChange {
            change: ChangeKind::Removed,
            old_status: Some(old_row.row.status.value),
            ..lone_row(old_row)
        };
        changes.push((old_row.section.name.clone(), change));
    }
    changes
}

/// The change between two paired rows, or `None` when nothing changed.
fn paired_change(
    old_row: &PlacedRow<'_>,
    new_row: &PlacedRow<'_>,
    matched: Matched,
    date: chrono::NaiveDate,
) -> Option<RowChange> {
    let (a, b) = (old_row.row.status.value, new_row.row.status.value);
    let text_changes = text_changes(old_row, new_row);
    let mut change = direction(a, b);
    if change == ChangeKind::Unchanged && !text_changes.is_empty() {
        change = ChangeKind::TextChanged;
    }
    if change == ChangeKind::Unchanged {
        return None;
    }
    let old_id = &old_row.row.id.value;
    Some(RowChange {
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
    })
}

/// A row in one year only, before its change, statuses and deadline are filled in.
fn lone_row(row: &PlacedRow<'_>) -> RowChange {
    RowChange {
        change: ChangeKind::Unchanged,
        id: row.row.id.value.clone(),
        old_id: None,
        matched: None,
        table: row.place.title.to_string(),
        label: label(row),
        old_status: None,
        new_status: None,
        text_changes: Vec::new(),
        internal: row.internal,
        sekretess: row.sekretess.map(str::to_string),
        overdue: false,
    }
}

/// The changes grouped by section: the newer report's sections first, then sections only the
/// earlier had.
fn by_section(old: &Report, new: &Report, changes: &[(String, RowChange)]) -> Vec<SectionDiff> {
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
    sections
}

/// A recommendation's text, for its entry and for matching by text.
fn recommendation_text(placed: &PlacedRecommendation<'_>) -> String {
    plain_text(&placed.recommendation.text)
}

/// What became of each of the earlier report's recommendations: the rows of the newer one that
/// follow it up.
fn earlier_fates(
    old: &Report,
    new_rows: &[PlacedRow<'_>],
    date: chrono::NaiveDate,
) -> Vec<RecommendationFate> {
    old.placed_recommendations()
        .iter()
        .map(|placed| {
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
                text: recommendation_text(placed),
                priority: rec.priority.as_ref().map(|p| p.value),
                decision: rec.decision.as_ref().map(|d| d.value),
                followed_up: !followed_up_by.is_empty(),
                followed_up_by,
                internal: placed.internal,
                sekretess: placed.sekretess.map(str::to_string),
            }
        })
        .collect()
}

/// Whether each of the newer report's recommendations is new or remains from an earlier one.
fn recommendation_states(old: &Report, new: &Report) -> Vec<RecommendationStatus> {
    let old_recs = old.placed_recommendations();
    let old_texts: Vec<String> = old_recs.iter().map(recommendation_text).collect();
    let new_recs = new.placed_recommendations();
    let new_texts: Vec<String> = new_recs.iter().map(recommendation_text).collect();
    let earlier = pair_recommendations((&old_recs, &old_texts), (&new_recs, &new_texts));
    new_recs
        .iter()
        .zip(earlier)
        .zip(new_texts)
        .map(|((placed, earlier), text)| {
            let earlier = earlier.map(|(i, matched)| (&old_recs[i], matched));
            RecommendationStatus {
                id: placed.recommendation.id.value.clone(),
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
        .collect()
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
pub(super) fn label(row: &PlacedRow<'_>) -> String {
    let text = row.row.cells.value.first().map(plain_text).unwrap_or_default();
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{}…", cut.trim_end())
    } else {
        text
    }
}
