//! View stage: change markers of rows and the generated overview "Förändringar sedan
//! föregående år", from the year-over-year diff.

use super::*;

/// The change markers of a report's status rows, counted over the full report.
#[derive(Clone, Debug, Default)]
pub struct ChangeCounts {
    /// Per counted row: its marker's slug and whether the row is confidential.
    shown: Vec<(&'static str, bool)>,
}

/// The change marker of a status row in `section_name` against last year's report.
pub(super) fn row_marker(
    language: Language,
    previous: &Report,
    diff: &ReportDiff,
    section_name: &str,
    row: &StatusRow,
) -> Option<MarkerView> {
    let marker = |change: Change, detail: Option<String>| {
        let (symbol, word, slug) = i18n::change_marker(language, change);
        Some(MarkerView { slug, symbol, word, detail })
    };
    if let Some(follows) = &row.follows {
        let recs = diff::recommendations(previous);
        if let Some(rec) = recs.iter().find(|r| r.id.value == follows.value) {
            let detail = i18n::follows_detail(language, rec.number, previous.year());
            return marker(Change::FollowsUp, Some(detail));
        }
    }
    let Some(change) = diff.row_change(&row.id.value) else {
        return marker(Change::Unchanged, None);
    };
    match change.change {
        ChangeKind::Improved => marker(Change::Improved, change.status_change()),
        ChangeKind::Regressed => marker(Change::Regressed, change.status_change()),
        ChangeKind::Reassessed => marker(Change::Reassessed, change.status_change()),
        ChangeKind::TextChanged | ChangeKind::Unchanged => marker(Change::Unchanged, None),
        // A row is only "new" if last year's report had the section it could have been in.
        ChangeKind::Added => {
            let section_then = previous.sections.iter().any(|s| s.name == section_name);
            if section_then { marker(Change::New, None) } else { None }
        }
        ChangeKind::Removed => None,
    }
}

/// Counts the change markers the rows of `report` show against `previous`; see
/// [`ViewContext::counts`].
pub fn change_counts(report: &Report, previous: &Report, diff: &ReportDiff) -> ChangeCounts {
    let language = report.meta.language;
    let mut shown = Vec::new();
    for placed in report.blocks() {
        let BlockKind::Table(table) = &placed.block.kind else { continue };
        for row in &table.rows {
            let (internal, _) = placed.place.confidentiality(row.intern, row.sekretess.as_deref());
            if let Some(marker) = row_marker(language, previous, diff, &placed.section.name, row) {
                shown.push((marker.slug, internal));
            }
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
        let shown: Vec<&'static str> = marker_counts.shown.iter().map(|(slug, _)| *slug).collect();
        let language = self.language;
        let count = |change: Change| {
            let slug = i18n::change_marker(language, change).2;
            shown.iter().filter(|s| **s == slug).count()
        };
        let mut summary = diff::DiffSummary {
            improved: count(Change::Improved),
            regressed: count(Change::Regressed),
            reassessed: count(Change::Reassessed),
            added: count(Change::New),
            ..diff::DiffSummary::default()
        };
        summary.removed = diff.summary.removed;
        summary.followed_up = diff.summary.followed_up;
        summary.not_followed_up = diff.summary.not_followed_up;

        let labels = i18n::labels(self.language);
        let index = self.heading(1, labels.changes_heading, true);
        self.sections[index].generated = true;
        let counts = [
            Change::Improved,
            Change::Regressed,
            Change::Reassessed,
            Change::New,
            Change::FollowsUp,
            Change::Unchanged,
        ]
        .into_iter()
        .map(|change| {
            let (symbol, word, slug) = i18n::change_marker(language, change);
            (MarkerView { slug, symbol, word, detail: None }, count(change))
        })
        .collect();
        let s = &summary;
        // The public edition names no confidential item, but counts them.
        let public = self.context.public.is_some();
        let regressions = diff
            .sections
            .iter()
            .flat_map(|sec| &sec.rows)
            .filter(|r| r.change == ChangeKind::Regressed && (!public || !r.internal))
            .map(|r| (r.label.clone(), r.status_change().unwrap_or_default()))
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
