//! The words of the report itself (headings, labels, status words and the sentences ledgen
//! writes), read from the report language's Fluent file (`report-*` keys in `locales/sv.ftl`),
//! where a translator finds them beside the program's messages. Templates read them from the
//! view as `labels.*`; content never needs to repeat them.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use serde::Serialize;

use crate::diff::{ChangeKind, RecommendationState};
use crate::locale::{self, Arg, UiLanguage};
use crate::model::{Decision, Language, Priority, Status};

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

/// The language of ledgen's messages whose Fluent file holds `language`'s report words.
fn fluent_language(language: Language) -> UiLanguage {
    match language {
        Language::Sv => UiLanguage::Sv,
    }
}

/// A sentence or phrase of the report in `language`, with its variables.
fn text(language: Language, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    locale::text_in(fluent_language(language), key, args)
}

/// A sentence of the report in `language` with its variables, for the views that make their
/// own (the slide deck's).
pub(crate) fn report_text(language: Language, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    text(language, key, args)
}

/// A fixed word of the report in `language`, formatted once per run, for the views that keep
/// their own words (the slide deck's).
pub(crate) fn report_word(language: Language, key: &'static str) -> &'static str {
    word(language, key)
}

/// A fixed word of the report in `language` (a label, a status word), formatted once per run:
/// templates and tables ask for the same few words for every row.
fn word(language: Language, key: &'static str) -> &'static str {
    cached(language, key, None)
}

/// The message `key`, with `count` as its one variable if given, formatted once per run and
/// kept. Only a count's plural category matters to the words cached here, so one and more than
/// one are kept apart.
fn cached(language: Language, key: &'static str, count: Option<usize>) -> &'static str {
    type Words = BTreeMap<(u8, &'static str, Option<bool>), &'static str>;
    static WORDS: Mutex<Words> = Mutex::new(BTreeMap::new());
    let mut words = WORDS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    words.entry((language as u8, key, count.map(|n| n == 1))).or_insert_with(|| {
        let args: Vec<_> = count.map(|n| ("count", Arg::from(n))).into_iter().collect();
        Box::leak(text(language, key, &args).into_boxed_str())
    })
}

/// The name of a month (1–12).
pub fn month_name(language: Language, month: u32) -> String {
    text(language, "report-month-name", &[("month", Arg::from(month.clamp(1, 12)))])
}

/// A date in running text, as a registrar writes it: "26 september 2024", or "september 2024"
/// when only the month is known.
pub fn date_in_prose(language: Language, date: chrono::NaiveDate, day_known: bool) -> String {
    use chrono::Datelike;
    let month = month_name(language, date.month());
    let year = date.year().to_string();
    if day_known {
        let day = date.day().to_string();
        text(
            language,
            "report-date-in-prose",
            &[("day", Arg::from(day)), ("month", Arg::from(month)), ("year", Arg::from(year))],
        )
    } else {
        text(
            language,
            "report-month-in-prose",
            &[("month", Arg::from(month)), ("year", Arg::from(year))],
        )
    }
}

/// `who` as written mid-sentence: a leading role in lower case when a name follows it
/// ("Förvaltningsdirektör Kim Ek" → "förvaltningsdirektör Kim Ek"); `roles` are the roles the
/// report names elsewhere. A body's name ("Kommunstyrelsen") stays as written.
pub fn role_mid_sentence(language: Language, who: &str, roles: &[&str]) -> String {
    let Some((first, rest)) = who.trim().split_once(' ') else { return who.to_string() };
    let lower = first.to_lowercase();
    let is_role = roles.iter().any(|r| r.trim().to_lowercase() == lower)
        || word(language, "report-role-endings").split_whitespace().any(|e| lower.ends_with(e));
    if is_role && first.chars().next().is_some_and(char::is_uppercase) {
        format!("{lower} {rest}")
    } else {
        who.to_string()
    }
}

/// A count in running text, for a noun of common gender ("en rad", "en incident"): in words up
/// to twelve, as Swedish style writes them, and `zero` for zero.
fn count(language: Language, n: usize, zero: &str) -> String {
    text(language, "report-number-in-words", &[("n", Arg::from(n)), ("zero", Arg::from(zero))])
}

/// "ingen", before a singular noun or standing alone.
fn none_singular(language: Language) -> &'static str {
    word(language, "report-none-singular")
}

/// The text with its first letter in upper case, to start a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The sentence that sums up an incident appendix: `total` incidents, `confidential` of them
/// confidential (counted in every figure, but shown in no table), `personal` concerning
/// personal data and `imy` reported to IMY.
pub fn incidents_summary(
    language: Language,
    total: usize,
    confidential: usize,
    personal: usize,
    imy: usize,
) -> String {
    match total {
        0 => text(language, "report-incidents-none", &[]),
        1 => text(
            language,
            "report-incident-one",
            &[
                ("confidential", Arg::from(confidential)),
                ("personal", Arg::from(personal)),
                ("imy", Arg::from(imy)),
            ],
        ),
        _ => {
            // A sentence never starts with a digit: above twelve, the count moves inside.
            let first = if total <= 12 {
                let count = capitalised(&count(language, total, ""));
                text(language, "report-incidents-few", &[("count", Arg::from(count))])
            } else {
                text(language, "report-incidents-many", &[("total", Arg::from(total))])
            };
            let secret = match confidential {
                0 => String::new(),
                n if n == total => text(language, "report-incidents-all-confidential", &[]),
                n => text(
                    language,
                    "report-incidents-some-confidential",
                    &[("count", Arg::from(count(language, n, "")))],
                ),
            };
            let rest = if personal == 0 && imy == 0 {
                text(language, "report-incidents-no-personal", &[])
            } else {
                let none = none_singular(language);
                text(
                    language,
                    "report-incidents-personal",
                    &[
                        ("personal", Arg::from(count(language, personal, none))),
                        ("imy", Arg::from(count(language, imy, none))),
                    ],
                )
            };
            text(
                language,
                "report-incidents-sentence",
                &[
                    ("first", Arg::from(first)),
                    ("confidential", Arg::from(secret)),
                    ("rest", Arg::from(rest)),
                ],
            )
        }
    }
}

/// "varav 10 med ändrad text": of the rows whose status stayed, those whose text changed.
pub fn text_changed_note(language: Language, n: usize) -> String {
    text(language, "report-text-changed-note", &[("n", Arg::from(n))])
}

/// The sentence the public edition shows in place of a table, list or subsection whose every
/// item is confidential.
pub fn withheld_part(
    language: Language,
    kind: crate::view::EmptiedKind,
    provision: Option<&str>,
) -> String {
    use crate::view::EmptiedKind;
    let what = match kind {
        // The subsection's own heading is left out with it.
        EmptiedKind::Part => word(language, "report-withheld-part"),
        EmptiedKind::Section => word(language, "report-withheld-section"),
        EmptiedKind::Table => word(language, "report-withheld-table"),
        EmptiedKind::Recommendations => word(language, "report-withheld-recommendations"),
    };
    let law = match provision.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => text(language, "report-withheld-by", &[("provision", Arg::from(p))]),
        None => text(language, "report-withheld-by-osl", &[]),
    };
    text(
        language,
        "report-withheld-sentence",
        &[("what", Arg::from(what)), ("law", Arg::from(law))],
    )
}

/// The sentence under the status overview that says how many of the `total` rows it counts
/// are `confidential`: in the public edition they are counted but not shown. None when none
/// are.
pub fn confidential_rows(
    language: Language,
    confidential: usize,
    total: usize,
    public: bool,
) -> Option<String> {
    if confidential == 0 {
        return None;
    }
    let counted = if total == 1 {
        text(language, "report-confidential-the-row", &[])
    } else {
        text(
            language,
            "report-confidential-of-rows",
            &[("total", Arg::from(total)), ("count", Arg::from(count(language, confidential, "")))],
        )
    };
    let key = if public { "report-confidential-public" } else { "report-confidential-marked" };
    let shown = text(language, key, &[("count", Arg::from(confidential))]);
    Some(text(
        language,
        "report-confidential-sentence",
        &[("counted", Arg::from(counted)), ("shown", Arg::from(shown))],
    ))
}

/// How a change is shown: by the report's change markers, `ledgen diff` and `ledgen history`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeWords {
    /// A symbol that carries the meaning without colour.
    pub symbol: &'static str,
    /// The word, e.g. "Förbättrad".
    pub word: &'static str,
    /// The word used in counts, e.g. "3 förbättrade" (see [`ChangeWords::for_count`]).
    pub counted: &'static str,
    /// The word after a count of one, e.g. "1 förbättrad".
    #[serde(skip)]
    pub counted_one: &'static str,
}

impl ChangeWords {
    /// These words for a count of `n`: the singular after one.
    pub fn for_count(mut self, n: usize) -> ChangeWords {
        if n == 1 {
            self.counted = self.counted_one;
        }
        self
    }
}

/// The one vocabulary of changes since the previous year.
pub fn change_words(language: Language, change: ChangeKind) -> ChangeWords {
    let (symbol, word_key, counted_key) = match change {
        ChangeKind::Improved => ("▲", "report-change-improved", "report-change-improved-counted"),
        ChangeKind::Regressed => {
            ("▼", "report-change-regressed", "report-change-regressed-counted")
        }
        ChangeKind::Reassessed => {
            ("↻", "report-change-reassessed", "report-change-reassessed-counted")
        }
        ChangeKind::TextChanged => {
            ("~", "report-change-text-changed", "report-change-text-changed-counted")
        }
        ChangeKind::Unchanged => {
            ("=", "report-change-unchanged", "report-change-unchanged-counted")
        }
        ChangeKind::Added => ("+", "report-change-added", "report-change-added-counted"),
        ChangeKind::Removed => ("−", "report-change-removed", "report-change-removed-counted"),
        ChangeKind::FollowsUp => {
            ("↳", "report-change-follows-up", "report-change-follows-up-counted")
        }
    };
    ChangeWords {
        symbol,
        word: word(language, word_key),
        counted: cached(language, counted_key, Some(2)),
        counted_one: cached(language, counted_key, Some(1)),
    }
}

/// A status change as the detail of a change marker: "gul → grön".
pub fn status_change(language: Language, old: Status, new: Status) -> String {
    let inline = |status: Status| {
        word(
            language,
            match status {
                Status::Green => "report-status-inline-green",
                Status::Yellow => "report-status-inline-yellow",
                Status::Red => "report-status-inline-red",
                Status::NotAssessed => "report-status-inline-not-assessed",
            },
        )
    };
    text(
        language,
        "report-status-change",
        &[("old", Arg::from(inline(old))), ("new", Arg::from(inline(new)))],
    )
}

/// What a newer recommendation is compared with the earlier report: "Ny", or "Kvarstår (från
/// rek-2023-04, med omformulerad text)" (which one only when it may be named).
pub fn recommendation_state(
    language: Language,
    state: RecommendationState,
    earlier_id: Option<&str>,
    similarity: Option<f32>,
) -> String {
    match (state, earlier_id, similarity) {
        (RecommendationState::New, ..) => change_words(language, ChangeKind::Added).word.into(),
        (RecommendationState::Remains, Some(id), Some(_)) => {
            text(language, "report-remains-reworded", &[("id", Arg::from(id))])
        }
        (RecommendationState::Remains, Some(id), None) => {
            text(language, "report-remains-from", &[("id", Arg::from(id))])
        }
        (RecommendationState::Remains, None, _) => text(language, "report-remains", &[]),
    }
}

/// The note on a row paired with last year's by its text: "(tidigare lag-ssl, med omformulerad
/// text)".
pub fn earlier_match(language: Language, old_id: &str) -> String {
    // A board reads that the row is last year's, reworded; the similarity is in the JSON.
    text(language, "report-earlier-match", &[("id", Arg::from(old_id))])
}

/// The fixed texts of a comparison of two years, as every output of `ledgen diff` shows them.
#[derive(Debug, Serialize)]
pub struct DiffTexts {
    /// The heading of the text output: "Ledningens genomgång 2023 → 2024".
    pub heading: String,
    /// The title of the page: "Förändringar 2023 → 2024".
    pub title: String,
    /// Heading of the counts.
    pub overview: &'static str,
    /// Column heading: the row.
    pub row: &'static str,
    /// Column heading: the row's id.
    pub id: &'static str,
    /// Heading of the earlier report's recommendations and what became of them.
    pub earlier_recommendations: String,
    /// Heading of the newer report's recommendations.
    pub recommendations: String,
    /// Column heading: how an earlier recommendation is followed up in the newer year.
    pub follow_up_column: String,
    /// Column heading: a newer recommendation compared with the earlier year.
    pub compared_column: String,
    /// "följs upp i", before the id of the row that follows a recommendation up.
    pub followed_up_in: &'static str,
    /// Said of an earlier recommendation no row follows up.
    pub not_followed_up: &'static str,
    /// "Rekommendationer från 2023: 5 av 6 följs upp".
    pub followed_up_count: String,
}

/// The fixed texts of a comparison of `old_year` with `new_year`, given how many of the earlier
/// recommendations are followed up.
pub fn diff_texts(
    language: Language,
    (old_year, new_year): (i32, i32),
    (followed_up, total): (usize, usize),
) -> DiffTexts {
    let years =
        [("old", Arg::from(old_year.to_string())), ("new", Arg::from(new_year.to_string()))];
    DiffTexts {
        heading: text(language, "report-diff-heading", &years),
        title: text(language, "report-diff-title", &years),
        overview: word(language, "report-diff-overview"),
        row: word(language, "report-diff-row"),
        id: word(language, "report-diff-id"),
        earlier_recommendations: text(language, "report-diff-earlier-recommendations", &years),
        recommendations: text(language, "report-diff-recommendations", &years),
        follow_up_column: text(language, "report-diff-follow-up-column", &years),
        compared_column: text(language, "report-diff-compared-column", &years),
        followed_up_in: word(language, "report-diff-followed-up-in"),
        not_followed_up: word(language, "report-diff-not-followed-up"),
        followed_up_count: text(
            language,
            "report-diff-followed-up-count",
            &[
                ("old", Arg::from(old_year.to_string())),
                ("followed", Arg::from(followed_up)),
                ("total", Arg::from(total)),
            ],
        ),
    }
}

/// What `ledgen history` says of a row that follows a recommendation up: "uppföljning X".
pub fn history_follow_up(language: Language, row_id: &str) -> String {
    text(language, "report-history-follow-up", &[("id", Arg::from(row_id))])
}

/// A deadline in running text: "klart senast 2024-06-30".
pub fn due_by(language: Language, due: &str) -> String {
    text(language, "report-due-by", &[("due", Arg::from(due))])
}

/// What `ledgen history` says of a recommendation: "rekommendation, prioritet Medel, beslut
/// ändrad (Ansvarig: Objektägare, klart senast 2025-06-30)".
pub fn history_recommendation(
    language: Language,
    priority: Option<Priority>,
    decision: Option<Decision>,
    owner_due: Option<&str>,
) -> String {
    let mut result = text(language, "report-history-recommendation", &[]);
    if let Some(p) = priority {
        let priority = priority_word(language, p);
        result.push_str(&text(
            language,
            "report-history-priority",
            &[("priority", Arg::from(priority))],
        ));
    }
    if let Some(d) = decision {
        let decision = decision_word(language, d).to_lowercase();
        result.push_str(&text(
            language,
            "report-history-decision",
            &[("decision", Arg::from(decision))],
        ));
        if let Some(details) = owner_due {
            result.push_str(&format!(" ({details})"));
        }
    }
    result
}

/// "Rekommendation 3 från 2022" and the like: what a follow-up row follows.
pub fn follows_detail(language: Language, number: usize, year: i32) -> String {
    text(
        language,
        "report-follows-detail",
        &[("number", Arg::from(number)), ("year", Arg::from(year.to_string()))],
    )
}

/// The marking of a full edition that holds confidential items, naming each OSL provision it
/// holds and, when some items name none, "interna uppgifter".
pub fn classification(language: Language, provisions: &[String], unnamed: bool) -> String {
    // The provisions are grounds ("enligt …"); internal items are none, so named apart.
    let grounds = list(language, &provisions.iter().map(String::as_str).collect::<Vec<_>>());
    let key = match (grounds.is_empty(), unnamed) {
        (false, false) => "report-classification",
        (false, true) => "report-classification-and-internal",
        (true, _) => "report-classification-internal",
    };
    text(language, key, &[("grounds", Arg::from(grounds))])
}

/// The sentence that sums up the changes since the previous year.
pub fn changes_summary(
    language: Language,
    old_year: i32,
    counts: &crate::diff::DiffSummary,
) -> String {
    let year = || Arg::from(old_year.to_string());
    let rows = |n: usize| {
        let words = count(language, n, "");
        text(language, "report-changes-rows", &[("n", Arg::from(n)), ("count", Arg::from(words))])
    };
    let none = none_singular(language);
    let mut sentences = vec![match (counts.improved, counts.regressed) {
        (0, 0) => text(language, "report-changes-status-none", &[("year", year())]),
        (improved, regressed) => text(
            language,
            "report-changes-status",
            &[
                ("year", year()),
                ("improved", Arg::from(rows(improved))),
                ("regressed", Arg::from(count(language, regressed, none))),
            ],
        ),
    }];
    // Follow-ups of last year's recommendations are new rows too, counted on their own.
    let besides =
        text(language, "report-changes-besides", &[("followed_up", Arg::from(counts.followed_up))]);
    sentences.push(match (counts.added, counts.removed) {
        (0, 0) => {
            text(language, "report-changes-rows-none", &[("besides", Arg::from(besides.as_str()))])
        }
        (added, removed) => text(
            language,
            "report-changes-rows-changed",
            &[
                ("added", Arg::from(rows(added))),
                ("besides", Arg::from(besides.as_str())),
                ("removed", Arg::from(count(language, removed, none))),
            ],
        ),
    });
    sentences.extend(recommendations_followed(language, old_year, counts));
    sentences.join(" ")
}

/// The sentence on how many of last year's recommendations this year's review follows up.
fn recommendations_followed(
    language: Language,
    old_year: i32,
    counts: &crate::diff::DiffSummary,
) -> Option<String> {
    let total = counts.followed_up + counts.not_followed_up;
    let followed = counts.followed_up;
    let key = match total {
        0 => return None,
        1 if followed == 1 => "report-changes-only-followed",
        1 => "report-changes-only-not-followed",
        _ if followed == total => "report-changes-all-followed",
        _ if followed == 0 => "report-changes-none-followed",
        _ => "report-changes-some-followed",
    };
    Some(text(
        language,
        key,
        &[
            ("year", Arg::from(old_year.to_string())),
            ("total", Arg::from(count(language, total, ""))),
            ("followed", Arg::from(count(language, followed, ""))),
        ],
    ))
}

/// The heading of last year's recommendations that no row follows up.
pub fn not_followed_up_heading(language: Language, year: i32) -> String {
    text(language, "report-not-followed-up-heading", &[("year", Arg::from(year.to_string()))])
}

/// Items in a list as the language writes it: "a", "a och b", "a, b och c".
fn list(language: Language, items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => {
            let rest = rest.join(word(language, "report-list-separator"));
            text(
                language,
                "report-list-last",
                &[("rest", Arg::from(rest)), ("last", Arg::from(*last))],
            )
        }
    }
}

/// What the public edition shows in place of a masked phrase.
pub fn masked_phrase(language: Language, provision: Option<&str>) -> String {
    match provision {
        Some(provision) => {
            text(language, "report-masked-by", &[("provision", Arg::from(provision))])
        }
        None => text(language, "report-masked", &[]),
    }
}

/// The note after a masked phrase in the full edition, shown in parentheses.
pub fn masked_phrase_note(language: Language, provision: Option<&str>) -> String {
    match provision {
        Some(provision) => {
            text(language, "report-masked-note-by", &[("provision", Arg::from(provision))])
        }
        None => text(language, "report-masked-note", &[]),
    }
}

/// Says that the counts include confidential items that this edition does not show.
pub fn withheld_note(language: Language, n: usize) -> String {
    text(
        language,
        "report-withheld-note",
        &[("n", Arg::from(n)), ("count", Arg::from(count(language, n, "")))],
    )
}

/// The word shown for a status.
pub fn status_word(language: Language, status: Status) -> &'static str {
    word(
        language,
        match status {
            Status::Green => "report-status-green",
            Status::Yellow => "report-status-yellow",
            Status::Red => "report-status-red",
            Status::NotAssessed => "report-status-not-assessed",
        },
    )
}

/// What a status means when the report does not say.
pub fn default_legend(language: Language, status: Status) -> &'static str {
    word(
        language,
        match status {
            Status::Green => "report-legend-green",
            Status::Yellow => "report-legend-yellow",
            Status::Red => "report-legend-red",
            Status::NotAssessed => "report-legend-not-assessed",
        },
    )
}

/// The word shown for a decision.
pub fn decision_word(language: Language, decision: Decision) -> &'static str {
    word(
        language,
        match decision {
            Decision::Adopted => "report-decision-adopted",
            Decision::Rejected => "report-decision-rejected",
            Decision::Amended => "report-decision-amended",
            Decision::Tabled => "report-decision-tabled",
        },
    )
}

/// Symbol, word and CSS slug of the marker of a row past its deadline.
pub fn overdue_marker(language: Language) -> (&'static str, &'static str, &'static str) {
    ("⚠", word(language, "report-overdue"), "overdue")
}

/// "Ansvarig: IT-chef, klart senast 2024-06-30": who owns a follow-up and by when; either part
/// may be missing.
pub fn owner_due(language: Language, owner: Option<&str>, due: Option<&str>) -> Option<String> {
    let (key, owner, due) = match (owner, due) {
        (Some(owner), Some(due)) => ("report-owner-due", owner, due),
        (Some(owner), None) => ("report-owner-only", owner, ""),
        (None, Some(due)) => ("report-due-only", "", due),
        (None, None) => return None,
    };
    Some(text(language, key, &[("owner", Arg::from(owner)), ("due", Arg::from(due))]))
}

/// "Fastställd av kommunstyrelsen den 12 mars 2025, diarienummer KS 2025/123.": the approval
/// sentence at the end of the report, from whichever parts are known; `on` is the date as
/// [`date_in_prose`] writes it, with whether its day is known.
pub fn approval(
    language: Language,
    by: Option<&str>,
    on: Option<(&str, bool)>,
    registration_number: Option<&str>,
) -> Option<String> {
    let mut sentence = String::new();
    if by.is_some() || on.is_some() {
        sentence.push_str(word(language, "report-approval-approved"));
        if let Some(by) = by {
            sentence.push_str(&text(language, "report-approval-by", &[("by", Arg::from(by))]));
        }
        if let Some((on, day_known)) = on {
            let key = if day_known { "report-approval-on-day" } else { "report-approval-in-month" };
            sentence.push_str(&text(language, key, &[("on", Arg::from(on))]));
        }
    }
    if let Some(number) = registration_number {
        let key = if sentence.is_empty() {
            "report-approval-number-first"
        } else {
            "report-approval-number"
        };
        sentence.push_str(&text(language, key, &[("number", Arg::from(number))]));
    }
    (!sentence.is_empty()).then(|| format!("{sentence}."))
}

/// The word shown for a priority.
pub fn priority_word(language: Language, priority: Priority) -> &'static str {
    word(
        language,
        match priority {
            Priority::Low => "report-priority-low",
            Priority::Medium => "report-priority-medium",
            Priority::High => "report-priority-high",
        },
    )
}

/// The symbol that goes with a status's colour, so that status never relies on colour alone.
pub fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Green => "✓",
        Status::Yellow => "!",
        Status::Red => "✗",
        Status::NotAssessed => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::DiffSummary;

    const SV: Language = Language::Sv;

    fn changes(
        (improved, regressed): (usize, usize),
        (added, removed): (usize, usize),
        (followed_up, not_followed_up): (usize, usize),
    ) -> String {
        let counts = DiffSummary {
            improved,
            regressed,
            added,
            removed,
            followed_up,
            not_followed_up,
            ..DiffSummary::default()
        };
        changes_summary(SV, 2022, &counts)
    }

    // "0 rader", "1 incident … 0 av dem" and sentences starting with a digit read as machine
    // output in a document for the board.
    #[test]
    fn changes_summary_reads_as_swedish_for_none_one_and_many() {
        assert_eq!(
            changes((0, 0), (0, 0), (0, 0)),
            "Jämfört med ledningens genomgång 2022 har ingen rad fått förbättrad eller försämrad \
             status. Inga rader har tillkommit eller tagits bort."
        );
        assert_eq!(
            changes((1, 0), (1, 0), (1, 0)),
            "Jämfört med ledningens genomgång 2022 har en rad fått förbättrad status och ingen \
             försämrad status. Sedan dess har en rad utöver uppföljningarna tillkommit och ingen \
             tagits bort. Den enda rekommendationen från 2022 följs upp i årets genomgång."
        );
        assert_eq!(
            changes((0, 0), (0, 0), (5, 0)),
            "Jämfört med ledningens genomgång 2022 har ingen rad fått förbättrad eller försämrad \
             status. Inga rader har tillkommit utöver uppföljningarna eller tagits bort. Alla \
             fem rekommendationer från 2022 följs upp i årets genomgång."
        );
        assert_eq!(
            changes((0, 1), (0, 1), (0, 1)),
            "Jämfört med ledningens genomgång 2022 har inga rader fått förbättrad status och en \
             försämrad status. Sedan dess har inga rader tillkommit och en tagits bort. Den enda \
             rekommendationen från 2022 följs inte upp i årets genomgång."
        );
        assert_eq!(
            changes((3, 2), (14, 5), (4, 2)),
            "Jämfört med ledningens genomgång 2022 har tre rader fått förbättrad status och två \
             försämrad status. Sedan dess har 14 rader utöver uppföljningarna tillkommit och fem \
             tagits bort. Av de sex rekommendationerna från 2022 följs fyra upp i årets genomgång."
        );
        assert!(
            changes((0, 0), (0, 0), (6, 0))
                .ends_with("Alla sex rekommendationer från 2022 följs upp i årets genomgång.")
        );
        assert!(
            changes((0, 0), (0, 0), (0, 13)).ends_with(
                "Ingen av de 13 rekommendationerna från 2022 följs upp i årets genomgång."
            )
        );
    }

    #[test]
    fn incidents_summary_reads_as_swedish_for_none_one_and_many() {
        assert_eq!(incidents_summary(SV, 0, 0, 0, 0), "Inga incidenter har registrerats.");
        assert_eq!(
            incidents_summary(SV, 1, 0, 0, 0),
            "En incident har registrerats. Den rörde inte personuppgifter."
        );
        assert_eq!(
            incidents_summary(SV, 1, 0, 1, 0),
            "En incident har registrerats. Den rörde personuppgifter men anmäldes inte till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 1, 0, 1, 1),
            "En incident har registrerats. Den rörde personuppgifter och anmäldes till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 2, 0, 0, 0),
            "Två incidenter har registrerats. Ingen av dem rörde personuppgifter eller anmäldes \
             till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 7, 0, 3, 1),
            "Sju incidenter har registrerats. Av dem rörde tre personuppgifter och en anmäldes \
             till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 23, 0, 4, 0),
            "Totalt har 23 incidenter registrerats. Av dem rörde fyra personuppgifter och ingen \
             anmäldes till IMY."
        );
    }

    #[test]
    fn incidents_summary_counts_the_confidential_ones_in_the_first_sentence() {
        assert_eq!(
            incidents_summary(SV, 5, 1, 2, 1),
            "Fem incidenter har registrerats, varav en omfattas av sekretess. Av dem rörde två \
             personuppgifter och en anmäldes till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 2, 2, 0, 0),
            "Två incidenter har registrerats, samtliga omfattas av sekretess. Ingen av dem rörde \
             personuppgifter eller anmäldes till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 1, 1, 0, 0),
            "En incident, som omfattas av sekretess, har registrerats. Den rörde inte \
             personuppgifter."
        );
    }

    #[test]
    fn confidential_rows_sentence_says_how_many_and_what_the_edition_does_with_them() {
        assert_eq!(confidential_rows(SV, 0, 21, true), None);
        assert_eq!(
            confidential_rows(SV, 2, 21, true).as_deref(),
            Some(
                "Av de 21 raderna omfattas två av sekretess; de räknas med här men redovisas \
                 inte i den här versionen."
            )
        );
        assert_eq!(
            confidential_rows(SV, 1, 21, false).as_deref(),
            Some("Av de 21 raderna omfattas en av sekretess och är markerad Intern.")
        );
        assert_eq!(
            confidential_rows(SV, 1, 1, true).as_deref(),
            Some(
                "Raden omfattas av sekretess; den räknas med här men redovisas inte i den här \
                 versionen."
            )
        );
    }

    #[test]
    fn withheld_note_reads_as_swedish_for_none_one_and_many() {
        assert_eq!(
            withheld_note(SV, 0),
            "Antalen inkluderar inga uppgifter som omfattas av sekretess."
        );
        assert_eq!(
            withheld_note(SV, 1),
            "Antalen inkluderar även en uppgift som omfattas av sekretess och inte redovisas i \
             denna version."
        );
        assert_eq!(
            withheld_note(SV, 3),
            "Antalen inkluderar även tre uppgifter som omfattas av sekretess och inte redovisas i \
             denna version."
        );
    }

    #[test]
    fn approval_reads_as_one_sentence_from_the_parts_given() {
        assert_eq!(
            approval(
                SV,
                Some("Kommunstyrelsen"),
                Some(("12 mars 2025", true)),
                Some("KS 2025/123")
            )
            .unwrap(),
            "Fastställd av Kommunstyrelsen den 12 mars 2025, diarienummer KS 2025/123."
        );
        assert_eq!(
            approval(SV, None, Some(("mars 2025", false)), None).unwrap(),
            "Fastställd i mars 2025."
        );
        assert_eq!(approval(SV, None, None, Some("KS 1")).unwrap(), "Diarienummer KS 1.");
        assert_eq!(approval(SV, None, None, None), None);
    }

    #[test]
    fn dates_and_roles_read_as_a_registrar_writes_them() {
        let date = chrono::NaiveDate::from_ymd_opt(2024, 9, 6).unwrap();
        assert_eq!(date_in_prose(SV, date, true), "6 september 2024");
        assert_eq!(date_in_prose(SV, date, false), "september 2024");
        let roles = ["Dataskyddsombud"];
        for (who, written) in [
            ("Förvaltningsdirektör Kim Ek", "förvaltningsdirektör Kim Ek"),
            ("Dataskyddsombud Ali Berg", "dataskyddsombud Ali Berg"),
            ("Kommunstyrelsen", "Kommunstyrelsen"),
            ("Kim Ek", "Kim Ek"),
            ("Stadsdelsnämnden Norr", "Stadsdelsnämnden Norr"),
        ] {
            assert_eq!(role_mid_sentence(SV, who, &roles), written);
        }
        assert_eq!(
            change_words(SV, ChangeKind::Regressed).for_count(1).counted,
            "försämrad",
            "singular after one"
        );
        assert_eq!(change_words(SV, ChangeKind::Added).for_count(2).counted, "nya");
    }

    // The report's change markers showed "gul → grön" from the content words; the one
    // vocabulary must say the same, or every report's markers would change.
    #[test]
    fn a_status_change_reads_as_the_content_words() {
        for old in Status::ALL {
            for new in Status::ALL {
                let expected = format!("{} → {}", old.keyword(), new.keyword());
                assert_eq!(status_change(SV, old, new), expected);
            }
        }
    }

    #[test]
    fn a_recommendation_is_new_with_the_added_rows_word_or_remains_from_one_named() {
        let state = |s, id, similarity| recommendation_state(SV, s, id, similarity);
        assert_eq!(state(RecommendationState::New, None, None), "Ny");
        assert_eq!(state(RecommendationState::Remains, None, None), "Kvarstår");
        assert_eq!(
            state(RecommendationState::Remains, Some("rek-1"), None),
            "Kvarstår (från rek-1)"
        );
        assert_eq!(
            state(RecommendationState::Remains, Some("rek-1"), Some(0.853)),
            "Kvarstår (från rek-1, med omformulerad text)"
        );
        assert_eq!(history_follow_up(SV, "uppf-1"), "uppföljning uppf-1");
    }

    #[test]
    fn no_generated_sentence_starts_with_a_digit() {
        for total in 0..30 {
            for personal in [0, 1, total] {
                let text =
                    incidents_summary(SV, total, personal.min(total), personal.min(total), 0);
                for sentence in text.split(". ") {
                    assert!(!sentence.starts_with(|c: char| c.is_ascii_digit()), "{text}");
                }
            }
        }
        for n in [0, 1, 2, 12, 13, 40] {
            let text = changes((n, n), (n, n), (n, n));
            for sentence in text.split(". ") {
                assert!(!sentence.starts_with(|c: char| c.is_ascii_digit()), "{text}");
            }
        }
    }
}
