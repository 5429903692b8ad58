//! The slide deck's view as its template sees it: the slides' contents and the deck's words.

use serde::Serialize;

use super::super::chart::ChartView;
use super::super::{AttendeeView, DateParts, MarkerView, PriorityView, StatusView, Theme};
use crate::i18n::{self, Labels};
use crate::model::Language;

/// The deck as its template sees it.
#[derive(Debug, Serialize)]
pub struct SlidesView<'a> {
    /// BCP 47 language tag.
    pub lang: &'static str,
    /// The report's fixed words.
    pub labels: &'static Labels,
    /// The deck's own words.
    pub words: &'static SlideWords,
    /// The organisation.
    pub organisation: &'a str,
    /// The administration, if given.
    pub unit: Option<&'a str>,
    /// The report's title with its year.
    pub title: &'a str,
    /// The year under review.
    pub year: i32,
    /// The meeting's date, or the report's when no meeting is recorded.
    pub meeting_date: String,
    /// What that date is: "Möte", or "Datum" for the report's.
    pub date_label: &'static str,
    /// The report's date, for the document's metadata.
    pub date_parts: &'a DateParts,
    /// The registration number, unbreakable.
    pub registration_number: Option<&'a str>,
    /// Who compiled the report, and their role.
    pub author: Option<&'a str>,
    /// Their role.
    pub author_role: Option<&'a str>,
    /// Whether this is the public edition.
    pub public: bool,
    /// The marking of a full edition holding confidential items.
    pub classification: Option<&'a str>,
    /// Whether the report is a draft.
    pub draft: bool,
    /// The organisation's look.
    pub theme: &'a Theme,
    /// Who attended.
    pub attendees: Vec<&'a AttendeeView>,
    /// What the review covers, one line each.
    pub scope: Vec<String>,
    /// 9.3.2's inputs a–g and the sections that address each.
    pub inputs: Vec<InputLine>,
    /// The follow-up slides' heading: "Rekommendationerna från 2023".
    pub follow_up_heading: String,
    /// Last year's recommendations and what became of them, a slide per chunk.
    pub follow_ups: Vec<Vec<FollowUpLine>>,
    /// Said instead when there is nothing to follow up.
    pub follow_up_note: Option<String>,
    /// The status overview chart, with one sentence of totals.
    pub overview: Option<Figure<'a>>,
    /// The changes since last year.
    pub changes: Option<ChangesSlide>,
    /// The incident charts, one slide each, with the summary.
    pub incidents: Vec<Figure<'a>>,
    /// The compliance picture: the compliance section's statuses, and a GAP analysis's chart.
    pub compliance: Option<ComplianceSlide<'a>>,
    /// The open red and yellow rows, worst first, a slide per chunk.
    pub discussion: Vec<Vec<OpenLine>>,
    /// How many open rows the slides leave out, and where the report lists them.
    pub discussion_more: Option<String>,
    /// One slide per recommendation.
    pub decisions: Vec<DecisionSlide>,
    /// What happens next.
    pub next_steps: Vec<String>,
}

/// The deck's fixed words.
#[derive(Debug, Serialize)]
pub struct SlideWords {
    /// "Dagordning".
    pub agenda: &'static str,
    /// The agenda's items, in MSB's order.
    pub agenda_items: [&'static str; 6],
    /// "Närvarande" … "Beslut": the slides' headings, as the agenda names them.
    pub attendees: &'static str,
    /// "Inledning".
    pub introduction: &'static str,
    /// "Uppföljning".
    pub follow_up: &'static str,
    /// "Underlag".
    pub inputs: &'static str,
    /// "Diskussion".
    pub discussion: &'static str,
    /// "Beslut".
    pub decisions: &'static str,
    /// "Nästa steg".
    pub next_steps: &'static str,
    /// "Mötet".
    pub meeting: &'static str,
    /// Said when no attendee is recorded.
    pub no_attendees: &'static str,
    /// Heading of what the review covers.
    pub scope: &'static str,
    /// Heading of the 9.3.2 inputs.
    pub review_inputs: &'static str,
    /// Where they are listed: "ISO/IEC 27001:2022, 9.3.2".
    pub review_inputs_source: &'static str,
    /// "Förslag".
    pub proposal: &'static str,
    /// "Status nu".
    pub status_now: &'static str,
    /// "Avsnitt".
    pub section: &'static str,
    /// Said when no red or yellow row is open.
    pub no_open_items: &'static str,
    /// Lead-in of the open items.
    pub open_items: &'static str,
    /// "Att besluta".
    pub not_decided: &'static str,
    /// "Bild".
    pub slide: &'static str,
    /// The compliance slide's heading.
    pub compliance: &'static str,
}

/// One 9.3.2 input.
#[derive(Debug, Serialize)]
pub struct InputLine {
    /// `a` … `g`.
    pub letter: char,
    /// What the input is.
    pub description: &'static str,
    /// The numbers of the sections addressing it ("3, 5"), or the word for none.
    pub sections: String,
    /// Whether any section addresses it.
    pub addressed: bool,
}

/// What became of one of last year's recommendations.
#[derive(Clone, Debug, Serialize)]
pub struct FollowUpLine {
    /// Its number in last year's report.
    pub number: usize,
    /// Its first sentence.
    pub text: String,
    /// Last year's decision on it, when recorded ("Antagen").
    pub decision: Option<&'static str>,
    /// The status now of the rows that follow it up (the worst), if any.
    pub status: Option<StatusView>,
    /// What the status means here: "Följs upp i avsnitt 3.1", "Kvarstår som rekommendation 2",
    /// "Inte uppföljd".
    pub state: String,
    /// The "Försenad" marker when a follow-up is past its deadline.
    pub overdue: Option<String>,
}

/// A chart with the sentence it illustrates.
#[derive(Debug, Serialize)]
pub struct Figure<'a> {
    /// The slide's heading.
    pub heading: String,
    /// One sentence.
    pub summary: Option<String>,
    /// The chart.
    pub chart: &'a ChartView,
}

/// The changes since last year.
#[derive(Debug, Serialize)]
pub struct ChangesSlide {
    /// "Förändringar sedan 2023".
    pub heading: String,
    /// One sentence.
    pub summary: String,
    /// The kinds of change that happened, with their counts.
    pub counts: Vec<(MarkerView, usize)>,
    /// The rows that got worse, at most four: label and "gul → röd".
    pub regressions: Vec<(String, String)>,
}

/// The compliance picture.
#[derive(Debug, Serialize)]
pub struct ComplianceSlide<'a> {
    /// The compliance section's title and number.
    pub heading: String,
    /// Its rows per status, the statuses with any.
    pub tiles: Vec<(StatusView, usize)>,
    /// The same as a sentence.
    pub summary: String,
    /// A GAP analysis's chart, when the report has one.
    pub gap: Option<&'a ChartView>,
}

/// An open red or yellow row.
#[derive(Clone, Debug, Serialize)]
pub struct OpenLine {
    /// What is assessed.
    pub label: String,
    /// Its status.
    pub status: StatusView,
    /// The first sentence of its status text.
    pub text: Option<String>,
    /// The section it is in.
    pub section: String,
    /// "Försenad", when past its deadline.
    pub overdue: Option<String>,
    /// "Försämrad (grön → gul)", when it got worse.
    pub regressed: Option<String>,
}

/// A recommendation for decision.
#[derive(Debug, Serialize)]
pub struct DecisionSlide {
    /// Its number.
    pub number: usize,
    /// Its first sentence.
    pub text: String,
    /// "Hur", shortened.
    pub how: Option<String>,
    /// "Vem", shortened.
    pub who: Option<String>,
    /// "Prioritet".
    pub priority: Option<PriorityView>,
    /// The decision, once taken.
    pub decision: Option<PriorityView>,
    /// Who owns the action.
    pub owner: Option<String>,
    /// The deadline.
    pub due: Option<String>,
    /// "Hela texten i avsnitt 9", when something was shortened.
    pub more: Option<String>,
    /// The "Intern" marker.
    pub intern: Option<MarkerView>,
}

/// The deck's words in `language`, read once.
pub fn slide_words(language: Language) -> &'static SlideWords {
    static WORDS: [std::sync::OnceLock<SlideWords>; 1] = [std::sync::OnceLock::new()];
    let word = |key| i18n::report_word(language, key);
    WORDS[language as usize].get_or_init(|| SlideWords {
        agenda: word("report-slides-agenda"),
        agenda_items: [
            word("report-slides-attendees"),
            word("report-slides-introduction"),
            word("report-slides-follow-up"),
            word("report-slides-inputs"),
            word("report-slides-discussion"),
            word("report-slides-decisions"),
        ],
        attendees: word("report-slides-attendees"),
        introduction: word("report-slides-introduction"),
        follow_up: word("report-slides-follow-up"),
        inputs: word("report-slides-inputs"),
        discussion: word("report-slides-discussion"),
        decisions: word("report-slides-decisions"),
        next_steps: word("report-slides-next-steps"),
        meeting: word("report-slides-meeting"),
        no_attendees: word("report-slides-no-attendees"),
        scope: word("report-slides-scope"),
        review_inputs: word("report-slides-review-inputs"),
        review_inputs_source: word("report-slides-review-inputs-source"),
        proposal: word("report-slides-proposal"),
        status_now: word("report-slides-status-now"),
        section: word("report-section"),
        no_open_items: word("report-slides-no-open-items"),
        open_items: word("report-slides-open-items"),
        not_decided: word("report-slides-to-decide"),
        slide: word("report-slides-slide"),
        compliance: word("report-slides-compliance"),
    })
}
