//! View stage: change markers of rows and the generated overview "Förändringar sedan
//! föregående år", from the year-over-year diff.

use super::*;
use crate::diff::MarkerCounts;

/// The change a status row shows against last year's report, with the
/// marker's detail ("gul → grön", "rekommendation 3 från 2022").
fn row_change(
    language: Language,
    diff: &ReportDiff,
    row: &StatusRow,
) -> (ChangeKind, Option<String>) {
    let kind = diff::row_marker_kind(diff, row);
    let detail = match kind {
        ChangeKind::FollowsUp => row
            .follows
            .as_ref()
            .and_then(|f| diff.earlier_recommendation(&f.value))
            .map(|rec| i18n::follows_detail(language, rec.number, diff.old_year)),
        ChangeKind::Improved | ChangeKind::Regressed | ChangeKind::Reassessed => diff
            .row_change(&row.id.value)
            .and_then(|change| match (change.old_status, change.new_status) {
                (Some(a), Some(b)) => Some(i18n::status_change(language, a, b)),
                _ => None,
            }),
        _ => None,
    };
    (kind, detail)
}

/// The marker of a change, in the report's words.
fn marker_view(language: Language, change: ChangeKind, detail: Option<String>) -> MarkerView {
    let words = i18n::change_words(language, change);
    MarkerView { slug: change.slug(), symbol: words.symbol, word: words.word, detail }
}

/// The change marker of a status row against last year's report.
pub(super) fn row_marker(language: Language, diff: &ReportDiff, row: &StatusRow) -> MarkerView {
    let (change, detail) = row_change(language, diff, row);
    marker_view(language, change, detail)
}

impl SectionBuilder<'_> {
    /// A row's change since the previous year, when there is a previous year to compare with.
    /// In the public edition, a change from a confidential row of last year shows no detail.
    pub(super) fn change(&self, row: &StatusRow) -> Option<MarkerView> {
        let diff = self.context.diff?;
        let mut marker = row_marker(self.language, diff, row);
        if self.context.public.is_some()
            && diff.row_change(&row.id.value).is_some_and(|change| change.internal)
        {
            marker.detail = None;
        }
        Some(marker)
    }

    /// The generated section "Förändringar sedan föregående år", when there is a previous year.
    pub(super) fn changes_overview(&mut self, _report: &Report) {
        let (Some(previous), Some(diff)) = (self.context.previous, self.context.diff) else {
            return;
        };
        // The markers the rows show, counted over the full reports when the diff was made, so
        // that the overview, the tables, `diff` and both editions state the same numbers.
        let markers: &MarkerCounts = &diff.markers;
        let language = self.language;
        let count = |change: ChangeKind| markers.get(change);
        let summary = summary_of(markers, &diff.summary);

        let labels = i18n::labels(self.language);
        let index = self.heading(1, labels.changes_heading, true);
        self.sections[index].generated = true;
        let counts = super::comparison::COUNTED
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
        let withheld = markers.confidential;
        let view = ChangesView {
            previous_year: previous.year(),
            summary: i18n::changes_summary(self.language, previous.year(), s),
            counts,
            regressions,
            not_followed_up,
            not_followed_up_heading: i18n::not_followed_up_heading(language, previous.year()),
            withheld: (public && withheld > 0).then(|| i18n::withheld_note(language, withheld)),
        };
        self.sections[index].blocks.push(BlockView::Changes(view));
    }
}

/// The figures the overview's sentences state: the rows' markers, and the earlier
/// recommendations' fates from the comparison.
pub(crate) fn summary_of(
    markers: &MarkerCounts,
    compared: &diff::DiffSummary,
) -> diff::DiffSummary {
    diff::DiffSummary {
        improved: markers.improved,
        regressed: markers.regressed,
        reassessed: markers.reassessed,
        added: markers.added,
        removed: markers.removed,
        unchanged: markers.unchanged,
        text_changed: markers.text_changed,
        followed_up: compared.followed_up,
        not_followed_up: compared.not_followed_up,
    }
}
