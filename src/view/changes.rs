//! View stage: change markers of rows and the generated overview "Förändringar sedan
//! föregående år", from the year-over-year diff.

use super::*;

/// The change markers of a report's status rows, counted over the full report.
#[derive(Clone, Debug, Default)]
pub struct ChangeCounts {
    /// Per counted row: its marker's change and whether the row is confidential.
    shown: Vec<(ChangeKind, bool)>,
}

/// The change a status row in `section_name` shows against last year's report, with the
/// marker's detail ("gul → grön", "rekommendation 3 från 2022").
fn row_change(
    language: Language,
    previous: &Report,
    diff: &ReportDiff,
    section_name: &str,
    row: &StatusRow,
) -> Option<(ChangeKind, Option<String>)> {
    if let Some(follows) = &row.follows
        && let Some(rec) = diff.earlier_recommendation(&follows.value)
    {
        let detail = i18n::follows_detail(language, rec.number, diff.old_year);
        return Some((ChangeKind::FollowsUp, Some(detail)));
    }
    let Some(change) = diff.row_change(&row.id.value) else {
        return Some((ChangeKind::Unchanged, None));
    };
    match change.change {
        kind @ (ChangeKind::Improved | ChangeKind::Regressed | ChangeKind::Reassessed) => {
            let detail = match (change.old_status, change.new_status) {
                (Some(a), Some(b)) => Some(i18n::status_change(language, a, b)),
                _ => None,
            };
            Some((kind, detail))
        }
        ChangeKind::TextChanged | ChangeKind::Unchanged => Some((ChangeKind::Unchanged, None)),
        // A row is only "new" if last year's report had the section it could have been in.
        ChangeKind::Added => {
            let section_then = previous.sections.iter().any(|s| s.name == section_name);
            section_then.then_some((ChangeKind::Added, None))
        }
        ChangeKind::Removed | ChangeKind::FollowsUp => None,
    }
}

/// The marker of a change, in the report's words.
fn marker_view(language: Language, change: ChangeKind, detail: Option<String>) -> MarkerView {
    let words = i18n::change_words(language, change);
    MarkerView { slug: change.slug(), symbol: words.symbol, word: words.word, detail }
}

/// The change marker of a status row in `section_name` against last year's report.
pub(super) fn row_marker(
    language: Language,
    previous: &Report,
    diff: &ReportDiff,
    section_name: &str,
    row: &StatusRow,
) -> Option<MarkerView> {
    let (change, detail) = row_change(language, previous, diff, section_name, row)?;
    Some(marker_view(language, change, detail))
}

/// Counts the change markers the rows of `report` show against `previous`; see
/// [`ViewContext::counts`].
pub fn change_counts(report: &Report, previous: &Report, diff: &ReportDiff) -> ChangeCounts {
    let language = report.meta.language;
    let mut shown = Vec::new();
    for placed in report.placed_rows() {
        if let Some((change, _)) =
            row_change(language, previous, diff, &placed.section.name, placed.row)
        {
            shown.push((change, placed.internal));
        }
    }
    ChangeCounts { shown }
}

impl SectionBuilder<'_> {
    /// A row's change since the previous year, when there is a previous year to compare with.
    /// In the public edition, a change from a confidential row of last year shows no detail.
    pub(super) fn change(&self, row: &StatusRow) -> Option<MarkerView> {
        let (previous, diff) = (self.context.previous?, self.context.diff?);
        let mut marker = row_marker(self.language, previous, diff, &self.section_name, row)?;
        if self.context.public.is_some()
            && diff.row_change(&row.id.value).is_some_and(|change| change.internal)
        {
            marker.detail = None;
        }
        Some(marker)
    }

    /// The generated section "Förändringar sedan föregående år", when there is a previous year.
    pub(super) fn changes_overview(&mut self, report: &Report) {
        let (Some(previous), Some(diff)) = (self.context.previous, self.context.diff) else {
            return;
        };
        // Count the markers the rows show, so that the overview and the tables agree (a row is
        // only "new" where last year's report had its section); in the public edition over the
        // full report, so that both editions state the same facts.
        let own;
        let marker_counts = match self.context.counts {
            Some(counts) => counts,
            None => {
                own = change_counts(report, previous, diff);
                &own
            }
        };
        let language = self.language;
        let count = |change: ChangeKind| {
            marker_counts.shown.iter().filter(|(shown, _)| *shown == change).count()
        };
        let mut summary = diff::DiffSummary {
            improved: count(ChangeKind::Improved),
            regressed: count(ChangeKind::Regressed),
            reassessed: count(ChangeKind::Reassessed),
            added: count(ChangeKind::Added),
            ..diff::DiffSummary::default()
        };
        summary.removed = diff.summary.removed;
        summary.followed_up = diff.summary.followed_up;
        summary.not_followed_up = diff.summary.not_followed_up;

        let labels = i18n::labels(self.language);
        let index = self.heading(1, labels.changes_heading, true);
        self.sections[index].generated = true;
        let counts = [
            ChangeKind::Improved,
            ChangeKind::Regressed,
            ChangeKind::Reassessed,
            ChangeKind::Added,
            ChangeKind::FollowsUp,
            ChangeKind::Unchanged,
        ]
        .into_iter()
        .map(|change| (marker_view(language, change, None), count(change)))
        .collect();
        let s = &summary;
        // The public edition names no confidential item, but counts them.
        let public = self.context.public.is_some();
        let regressions = diff
            .sections
            .iter()
            .flat_map(|sec| &sec.rows)
            .filter(|r| r.change == ChangeKind::Regressed && (!public || !r.internal))
            .map(|r| {
                let change = match (r.old_status, r.new_status) {
                    (Some(a), Some(b)) => i18n::status_change(language, a, b),
                    _ => String::new(),
                };
                (r.label.clone(), change)
            })
            .collect();
        let not_followed_up = diff
            .earlier_recommendations
            .iter()
            .filter(|f| !f.followed_up && (!public || !f.internal))
            .map(|f| (f.id.clone(), f.text.clone()))
            .collect();
        let removed = diff.sections.iter().flat_map(|sec| &sec.rows);
        let withheld = marker_counts.shown.iter().filter(|(_, internal)| *internal).count()
            + removed.filter(|r| r.change == ChangeKind::Removed && r.internal).count()
            + diff.earlier_recommendations.iter().filter(|f| f.internal).count();
        let view = ChangesView {
            previous_year: previous.year(),
            summary: i18n::changes_summary(self.language, previous.year(), s),
            counts,
            regressions,
            not_followed_up,
            withheld: (public && withheld > 0).then(|| i18n::withheld_note(language, withheld)),
        };
        self.sections[index].blocks.push(BlockView::Changes(view));
    }
}
