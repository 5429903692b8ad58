//! The report's fixed words ([`Labels`]: headings, labels, table heads, legends), read once per
//! language from the Fluent file and handed to the templates as `labels.*`.

use std::sync::OnceLock;

use serde::Serialize;

use super::word;
use crate::model::Language;

/// Every fixed text a rendered report shows.
#[derive(Debug, Serialize)]
pub struct Labels {
    /// Heading of the table of contents.
    pub contents: &'static str,
    /// "Page" in the running footer.
    pub page: &'static str,
    /// "of" in "page 3 of 20".
    pub of: &'static str,
    /// Heading of the status legend.
    pub legend: &'static str,
    /// Lead-in of the status legend.
    pub legend_intro: &'static str,
    /// "Date".
    pub date: &'static str,
    /// "Author" / compiled by.
    pub author: &'static str,
    /// "Description" column of the revision history.
    pub description: &'static str,
    /// "Recommendation".
    pub recommendation: &'static str,
    /// "How" of a recommendation.
    pub how: &'static str,
    /// "Who" of a recommendation.
    pub who: &'static str,
    /// "Priority" of a recommendation.
    pub priority: &'static str,
    /// Heading of the abbreviations list.
    pub abbreviations: &'static str,
    /// Column heading: the abbreviation.
    pub abbreviation: &'static str,
    /// Column heading: its meaning.
    pub meaning: &'static str,
    /// Heading of the revision history.
    pub revision_history: &'static str,
    /// "Appendix" before an appendix number.
    pub appendix: &'static str,
    /// Shown under an appendix that is only named.
    pub appendix_placeholder: &'static str,
    /// Default heading of a status column.
    pub status: &'static str,
    /// The skip link of the HTML page.
    pub skip_to_content: &'static str,
    /// "Compiled by" on the title page.
    pub compiled_by: &'static str,
    /// Label of the HTML page's table-of-contents navigation.
    pub contents_nav: &'static str,
    /// "Back to contents".
    pub back_to_top: &'static str,
    /// Heading of the generated overview of changes since the previous year.
    pub changes_heading: &'static str,
    /// Column heading of the change column, and the label of a row's change marker.
    pub change: &'static str,
    /// Marker of a confidential item.
    pub intern: &'static str,
    /// Title-page and header note of the public edition.
    pub public_edition: &'static str,
    /// Explains what the public edition leaves out.
    pub public_edition_note: &'static str,
    /// Title-page and header note of the internal (full) edition.
    pub internal_edition: &'static str,
    /// Explains that the internal edition may hold confidential items.
    pub internal_edition_note: &'static str,
    /// An earlier recommendation followed up only by confidential rows, in the public edition.
    pub followed_up_withheld: &'static str,
    /// The watermark on every page of a draft.
    pub draft_watermark: &'static str,
    /// The banner at the top of a draft's HTML page.
    pub draft_banner: &'static str,
    /// Explains what a draft is.
    pub draft_note: &'static str,
    /// Heading of the note to the reader about the document ("Om dokumentet").
    pub note: &'static str,
    /// "Count" column heading.
    pub count: &'static str,
    /// Heading of the list of rows whose status got worse.
    pub regressions: &'static str,
    /// Heading of the generated status overview.
    pub status_overview: &'static str,
    /// Caption of the status overview chart.
    pub status_overview_caption: &'static str,
    /// "Section" column heading.
    pub section: &'static str,
    /// "Total".
    pub total: &'static str,
    /// Supplement of chart figures ("Diagram 1").
    pub chart: &'static str,
    /// Caption of the incidents-per-category chart.
    pub incidents_per_category: &'static str,
    /// Caption of the incidents-per-month chart.
    pub incidents_per_month: &'static str,
    /// "Category".
    pub category: &'static str,
    /// "Month".
    pub month: &'static str,
    /// Heading of the incident list.
    pub incident_list: &'static str,
    /// Incident column: consequence.
    pub consequence: &'static str,
    /// Incident column: actions.
    pub actions: &'static str,
    /// Incident column: personal data involved.
    pub personal_data: &'static str,
    /// Incident column: reported to IMY.
    pub reported_to_imy: &'static str,
    /// "Yes".
    pub yes: &'static str,
    /// "No".
    pub no: &'static str,
    /// Shown when an incident appendix has no records.
    pub no_incidents: &'static str,
    /// Before a changed text's earlier version, in `diff`.
    pub text_before: &'static str,
    /// Before a changed text's later version, in `diff`.
    pub text_after: &'static str,
    /// The name of a row's status text where a comparison shows it changed.
    pub status_text_field: &'static str,
    /// Read out (not shown) before words a comparison marks as removed.
    pub words_deleted: &'static str,
    /// Read out (not shown) before words a comparison marks as added.
    pub words_inserted: &'static str,
    /// The row that counts confidential items whose category or month is not shown.
    pub confidential_count: &'static str,
    /// GAP column: the requirement.
    pub requirement: &'static str,
    /// GAP column: current state.
    pub current_state: &'static str,
    /// GAP column: comment.
    pub comment: &'static str,
    /// GAP column: proposed action.
    pub proposed_action: &'static str,
    /// Caption of the GAP summary chart.
    pub gap_caption: &'static str,
    /// Heading of the GAP requirement list.
    pub gap_details: &'static str,
    /// Heading of the generated 9.3.2 coverage table.
    pub coverage: &'static str,
    /// Coverage column: the input.
    pub review_input: &'static str,
    /// Coverage column: the sections addressing it.
    pub addressed_in: &'static str,
    /// Shown for an input no section addresses.
    pub not_addressed: &'static str,
    /// Action plan export, column: recommendation or status row.
    pub export_kind: &'static str,
    /// Action plan export, column: the report's year.
    pub export_year: &'static str,
    /// Action plan export, column: the recommendation's number.
    pub export_number: &'static str,
    /// Action plan export, column: the item's id.
    pub export_id: &'static str,
    /// Action plan export, column: the text.
    pub export_text: &'static str,
    /// Action plan export, column: a row's status text.
    pub export_status_text: &'static str,
    /// Action plan export, column: the management's decision.
    pub export_decision: &'static str,
    /// Action plan export, column: who owns the action.
    pub export_owner: &'static str,
    /// Action plan export, column: the deadline.
    pub export_due: &'static str,
    /// Action plan export, column: confidentiality.
    pub export_confidential: &'static str,
    /// Action plan export: the kind of an open status row.
    pub export_status_row: &'static str,
    /// Action plan export: the worksheet's name, before the year.
    pub export_sheet: &'static str,
    /// Heading of the generated section of the management's decisions.
    pub decisions_heading: &'static str,
    /// Decisions column: the decision.
    pub decision: &'static str,
    /// Decisions column and status cell: who is responsible.
    pub owner: &'static str,
    /// Decisions column: the deadline.
    pub due: &'static str,
    /// Shown for a recommendation the management has not decided on.
    pub no_decision: &'static str,
    /// Heading of the list of who attended the meeting.
    pub attendees: &'static str,
    /// "Meeting date".
    pub meeting_date: &'static str,
    /// Attendees column: the name.
    pub name: &'static str,
    /// Attendees column: the role.
    pub role: &'static str,
    /// Heading of the approval block at the end of the report.
    pub approval: &'static str,
    /// Title-page label: who approved the report.
    pub approved_by: &'static str,
    /// Title-page label: when it was approved.
    pub approved_on: &'static str,
    /// Title-page label: the registration number (diarienummer).
    pub registration_number: &'static str,
    /// The registration number's short form in every page header ("Dnr").
    pub registration_number_short: &'static str,
    /// Under the line where the one who approves the report signs ("Underskrift").
    pub signature: &'static str,
    /// Overview of several organisations: caption of the status chart per year.
    pub overview_status_caption: &'static str,
    /// Overview: heading of the figures per year.
    pub overview_figures: &'static str,
    /// Overview column: the year.
    pub overview_year: &'static str,
    /// Overview column: status rows per status.
    pub overview_statuses: &'static str,
    /// Overview column: rows that improved since the year before.
    pub overview_improved: &'static str,
    /// Overview column: rows that got worse since the year before.
    pub overview_worsened: &'static str,
    /// Overview column: open high-priority recommendations.
    pub overview_open_high: &'static str,
    /// Overview column: follow-ups past their deadline.
    pub overview_overdue: &'static str,
    /// Overview column: incidents.
    pub overview_incidents: &'static str,
    /// Overview: heading of the matrix of shared rows.
    pub overview_shared: &'static str,
    /// Overview: the lead-in of the matrix of shared rows.
    pub overview_shared_intro: &'static str,
    /// Overview: a shared row that an organisation does not have.
    pub overview_missing: &'static str,
    /// Overview: a report that could not be read.
    pub overview_failed: &'static str,
}

/// The labels of a language, read from its Fluent file once.
pub fn labels(language: Language) -> &'static Labels {
    static LABELS: [OnceLock<Labels>; 1] = [OnceLock::new()];
    LABELS[language as usize].get_or_init(|| read_labels(language))
}

fn read_labels(language: Language) -> Labels {
    Labels {
        contents: word(language, "report-contents"),
        page: word(language, "report-page"),
        of: word(language, "report-of"),
        legend: word(language, "report-legend"),
        legend_intro: word(language, "report-legend-intro"),
        date: word(language, "report-date"),
        author: word(language, "report-author"),
        description: word(language, "report-description"),
        recommendation: word(language, "report-recommendation"),
        how: word(language, "report-how"),
        who: word(language, "report-who"),
        priority: word(language, "report-priority"),
        abbreviations: word(language, "report-abbreviations"),
        abbreviation: word(language, "report-abbreviation"),
        meaning: word(language, "report-meaning"),
        revision_history: word(language, "report-revision-history"),
        appendix: word(language, "report-appendix"),
        appendix_placeholder: word(language, "report-appendix-placeholder"),
        status: word(language, "report-status"),
        skip_to_content: word(language, "report-skip-to-content"),
        compiled_by: word(language, "report-compiled-by"),
        contents_nav: word(language, "report-contents-nav"),
        back_to_top: word(language, "report-back-to-top"),
        changes_heading: word(language, "report-changes-heading"),
        change: word(language, "report-change"),
        intern: word(language, "report-intern"),
        public_edition: word(language, "report-public-edition"),
        public_edition_note: word(language, "report-public-edition-note"),
        internal_edition: word(language, "report-internal-edition"),
        internal_edition_note: word(language, "report-internal-edition-note"),
        followed_up_withheld: word(language, "report-followed-up-withheld"),
        draft_watermark: word(language, "report-draft-watermark"),
        draft_banner: word(language, "report-draft-banner"),
        draft_note: word(language, "report-draft-note"),
        note: word(language, "report-note"),
        count: word(language, "report-count"),
        regressions: word(language, "report-regressions"),
        status_overview: word(language, "report-status-overview"),
        status_overview_caption: word(language, "report-status-overview-caption"),
        section: word(language, "report-section"),
        total: word(language, "report-total"),
        chart: word(language, "report-chart"),
        incidents_per_category: word(language, "report-incidents-per-category"),
        incidents_per_month: word(language, "report-incidents-per-month"),
        category: word(language, "report-category"),
        month: word(language, "report-month"),
        incident_list: word(language, "report-incident-list"),
        consequence: word(language, "report-consequence"),
        actions: word(language, "report-actions"),
        personal_data: word(language, "report-personal-data"),
        reported_to_imy: word(language, "report-reported-to-imy"),
        yes: word(language, "report-yes"),
        no: word(language, "report-no"),
        no_incidents: word(language, "report-no-incidents"),
        text_before: word(language, "report-text-before"),
        text_after: word(language, "report-text-after"),
        status_text_field: word(language, "report-status-text-field"),
        words_deleted: word(language, "report-words-deleted"),
        words_inserted: word(language, "report-words-inserted"),
        confidential_count: word(language, "report-confidential-count"),
        requirement: word(language, "report-requirement"),
        current_state: word(language, "report-current-state"),
        comment: word(language, "report-comment"),
        proposed_action: word(language, "report-proposed-action"),
        gap_caption: word(language, "report-gap-caption"),
        gap_details: word(language, "report-gap-details"),
        coverage: word(language, "report-coverage"),
        review_input: word(language, "report-review-input"),
        addressed_in: word(language, "report-addressed-in"),
        not_addressed: word(language, "report-not-addressed"),
        export_kind: word(language, "report-export-kind"),
        export_year: word(language, "report-export-year"),
        export_number: word(language, "report-export-number"),
        export_id: word(language, "report-export-id"),
        export_text: word(language, "report-export-text"),
        export_status_text: word(language, "report-export-status-text"),
        export_decision: word(language, "report-export-decision"),
        export_owner: word(language, "report-export-owner"),
        export_due: word(language, "report-export-due"),
        export_confidential: word(language, "report-export-confidential"),
        export_status_row: word(language, "report-export-status-row"),
        export_sheet: word(language, "report-export-sheet"),
        decisions_heading: word(language, "report-decisions-heading"),
        decision: word(language, "report-decision"),
        owner: word(language, "report-owner"),
        due: word(language, "report-due"),
        no_decision: word(language, "report-no-decision"),
        attendees: word(language, "report-attendees"),
        meeting_date: word(language, "report-meeting-date"),
        name: word(language, "report-name"),
        role: word(language, "report-role"),
        approval: word(language, "report-approval"),
        approved_by: word(language, "report-approved-by"),
        approved_on: word(language, "report-approved-on"),
        registration_number: word(language, "report-registration-number"),
        registration_number_short: word(language, "report-registration-number-short"),
        signature: word(language, "report-signature"),
        overview_status_caption: word(language, "report-overview-status-caption"),
        overview_figures: word(language, "report-overview-figures"),
        overview_year: word(language, "report-overview-year"),
        overview_statuses: word(language, "report-overview-statuses"),
        overview_improved: word(language, "report-overview-improved"),
        overview_worsened: word(language, "report-overview-worsened"),
        overview_open_high: word(language, "report-overview-open-high"),
        overview_overdue: word(language, "report-overview-overdue"),
        overview_incidents: word(language, "report-overview-incidents"),
        overview_shared: word(language, "report-overview-shared"),
        overview_shared_intro: word(language, "report-overview-shared-intro"),
        overview_missing: word(language, "report-overview-missing"),
        overview_failed: word(language, "report-overview-failed"),
    }
}
