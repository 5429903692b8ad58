//! View stage: the types templates see, each serialisable. Built by [`super::report_view`].

use serde::Serialize;

use super::Theme;
use super::chart::ChartView;
use crate::i18n::{self, Labels};
use crate::markdown;
use crate::model::{Images, Language, Markdown, Status};

/// A Markdown field rendered for each target.
#[derive(Debug, Serialize)]
pub struct Markup {
    /// HTML fragment, safe to insert unescaped.
    pub html: String,
    /// Typst markup, safe to insert unescaped inside a content block.
    pub typst: String,
    /// What it was made from, for the formats that write it with their own writer (Word).
    #[serde(skip)]
    pub source: MarkupSource,
}

/// What a [`Markup`] was made from.
#[derive(Debug, Clone)]
pub enum MarkupSource {
    /// Markdown from the content.
    Markdown(String),
    /// Plain text, e.g. a built-in sentence.
    Text(String),
}

impl Markup {
    pub(crate) fn new(markdown: &Markdown, images: &Images) -> Self {
        Markup {
            html: markdown::to_html_with(&markdown.text, images),
            typst: markdown::to_typst_with(&markdown.text, images),
            source: MarkupSource::Markdown(markdown.text.clone()),
        }
    }

    /// Plain text, escaped for each target.
    pub(crate) fn text(text: &str) -> Self {
        Markup {
            html: markdown::escape_html(text),
            typst: markdown::escape_typst(text),
            source: MarkupSource::Text(text.to_string()),
        }
    }
}

/// A status as templates show it: colour class, symbol and word.
#[derive(Clone, Debug, Serialize)]
pub struct StatusView {
    /// Stable machine name (`green`, `yellow`, `red`, `not-assessed`).
    pub slug: &'static str,
    /// The status word in the report's language.
    pub word: &'static str,
    /// A symbol that carries the status without colour.
    pub symbol: &'static str,
}

impl StatusView {
    pub(crate) fn new(language: Language, status: Status) -> Self {
        StatusView {
            slug: status.slug(),
            word: i18n::status_word(language, status),
            symbol: i18n::status_symbol(status),
        }
    }
}

/// A marker shown beside a status: what changed since last year, or that an item is internal.
#[derive(Clone, Debug, Serialize)]
pub struct MarkerView {
    /// Stable machine name, for CSS.
    pub slug: &'static str,
    /// A symbol that carries the meaning without colour.
    pub symbol: &'static str,
    /// The word.
    pub word: &'static str,
    /// More detail, e.g. "gul → grön" or the OSL provision.
    pub detail: Option<String>,
}

/// The generated overview of changes since the previous year.
#[derive(Debug, Serialize)]
pub struct ChangesView {
    /// The year compared with.
    pub previous_year: i32,
    /// One sentence summing up the changes.
    pub summary: String,
    /// Counts per kind of change, with their markers.
    pub counts: Vec<(MarkerView, usize)>,
    /// Rows whose status got worse: label and "gul → röd".
    pub regressions: Vec<(String, String)>,
    /// Earlier recommendations not followed up: id and text.
    pub not_followed_up: Vec<(String, String)>,
    /// Their heading: "Rekommendationer från 2023 som inte följs upp".
    pub not_followed_up_heading: String,
    /// In the public edition: that the counts include confidential items not shown.
    pub withheld: Option<String>,
}

/// The whole report as templates see it.
#[derive(Debug, Serialize)]
pub struct ReportView {
    /// BCP 47 language tag.
    pub lang: &'static str,
    /// Fixed texts in the report's language.
    pub labels: &'static Labels,
    /// The organisation.
    pub organisation: String,
    /// The administration or company, if given.
    pub unit: Option<String>,
    /// Title with the year, e.g. "Ledningens genomgång av informationssäkerhet 2023".
    pub title: String,
    /// Line above the title on the title page.
    pub subtitle: Option<String>,
    /// The year under review.
    pub year: i32,
    /// The report date as shown: `YYYY-MM-DD`, or "december 2022" when only the month is known.
    pub date: String,
    /// The report date for a `datetime` attribute: `YYYY-MM-DD` or `YYYY-MM`.
    pub datetime: String,
    /// Date parts, for Typst's `datetime` (the first of the month when only the month is known).
    pub date_parts: DateParts,
    /// Who compiled the report, when known.
    pub author: Option<String>,
    /// Their role.
    pub author_role: Option<String>,
    /// Status legend entries, for the statuses the report uses or explains.
    pub legend: Vec<LegendEntry>,
    /// Headings in document order, each with its blocks.
    pub sections: Vec<SectionView>,
    /// Abbreviations ("Förkortningar").
    pub abbreviations: Vec<AbbreviationView>,
    /// Revision history entries.
    pub revisions: Vec<RevisionView>,
    /// Note under the revision history.
    pub revision_note: Option<Markup>,
    /// The note to the reader about the document, from `report.yaml`.
    pub note: Option<Markup>,
    /// Whether this is the public edition, with confidential items left out.
    pub public: bool,
    /// How many confidential items the public edition leaves out.
    pub left_out: usize,
    /// The marking of a full edition that holds confidential items, naming their provisions.
    pub classification: Option<String>,
    /// Whether the report is a draft, not yet adopted.
    pub draft: bool,
    /// Whether recommendations show their ids beside their numbers.
    pub show_ids: bool,
    /// Who approved the report, when, under which registration number, and the meeting's date;
    /// none when `report.yaml` gives none of them.
    pub approval: Option<ApprovalView>,
    /// The images the Markdown may show; the HTML renderer stores the ones a page references
    /// once each.
    #[serde(skip)]
    pub images: Images,
    /// The organisation's look: colours, fonts and logo, from `_brand.yml` or the defaults.
    pub theme: Theme,
}

/// One line of the approval block.
#[derive(Debug, Serialize)]
pub struct ApprovalRow {
    /// What the value is, e.g. "Diarienummer".
    pub label: String,
    /// The value.
    pub value: String,
}

/// The approval of the report: shown at its end, and available to the title page.
#[derive(Debug, Serialize)]
pub struct ApprovalView {
    /// Who approved it ("Fastställd av").
    pub approved_by: Option<String>,
    /// When, formatted like the report date.
    pub approved_on: Option<String>,
    /// The approval date for a `datetime` attribute.
    pub approved_on_datetime: Option<String>,
    /// The registration number ("diarienummer").
    pub registration_number: Option<String>,
    /// The meeting's date, formatted like the report date.
    pub meeting_date: Option<String>,
    /// The sentence "Fastställd av … den …, diarienummer …", when any of its parts is known.
    pub text: Option<String>,
    /// The same details as label and value, for the title page.
    pub rows: Vec<ApprovalRow>,
}

/// The generated section of the management's decisions ("Beslut").
#[derive(Debug, Serialize)]
pub struct DecisionsView {
    /// The meeting's date, formatted like the report date.
    pub meeting_date: Option<String>,
    /// The meeting's date for a `datetime` attribute.
    pub meeting_datetime: Option<String>,
    /// Who attended ("Närvarande").
    pub attendees: Vec<AttendeeView>,
    /// One row per recommendation (in the public edition, per public one), in document order.
    pub rows: Vec<DecisionRowView>,
}

/// One person at the meeting.
#[derive(Debug, Serialize)]
pub struct AttendeeView {
    /// Their name.
    pub name: String,
    /// Their role.
    pub role: Option<String>,
}

/// The decision on one recommendation.
#[derive(Debug, Serialize)]
pub struct DecisionRowView {
    /// The recommendation's full-edition number.
    pub number: usize,
    /// Its id.
    pub id: String,
    /// Its first words, as plain text.
    pub text: String,
    /// The decision: slug and word; none when the management has not decided.
    pub decision: Option<PriorityView>,
    /// What the management said with its decision.
    pub note: Option<Markup>,
    /// Who owns the action.
    pub owner: Option<String>,
    /// The deadline, formatted like the report date.
    pub due: Option<String>,
    /// The deadline for a `datetime` attribute.
    pub due_datetime: Option<String>,
    /// The "Intern" marker of a confidential recommendation.
    pub intern: Option<MarkerView>,
}

/// Year, month and day of the report date.
#[derive(Debug, Serialize)]
pub struct DateParts {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

/// One line of the status legend.
#[derive(Debug, Serialize)]
pub struct LegendEntry {
    /// The status.
    pub status: StatusView,
    /// What it means in this report.
    pub text: Markup,
}

/// One heading and the blocks under it (before its subsections).
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// 1 for a section, 2 and 3 for its parts.
    pub level: usize,
    /// The heading number, e.g. "3.1"; empty for unnumbered headings.
    pub number: String,
    /// A unique anchor for links from the table of contents.
    pub anchor: String,
    /// The heading text.
    pub title: String,
    /// The blocks under the heading.
    pub blocks: Vec<BlockView>,
    /// Whether this is the generated overview of changes.
    pub generated: bool,
    /// Whether the heading is in a part set on landscape pages.
    pub landscape: bool,
    /// Whether landscape pages start at this heading (the previous one is not landscape).
    pub landscape_start: bool,
    /// Whether landscape pages end after this heading's blocks (the next one is not landscape).
    pub landscape_end: bool,
}

/// One block under a heading.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockView {
    /// In the public edition, in place of a table, list or subsection whose every item is
    /// confidential: one sentence that it is withheld, under which provision.
    Withheld {
        /// The sentence.
        text: String,
    },
    /// Markdown text.
    Text {
        /// The rendered text.
        markup: Markup,
        /// Whether it ends in a colon, introducing what follows (a table): kept with it.
        leads_in: bool,
        /// The "Intern" marker of a confidential block.
        intern: Option<MarkerView>,
    },
    /// A status table.
    Table(TableView),
    /// Recommendations.
    Recommendations {
        /// The recommendations, with their full-edition numbers.
        items: Vec<RecommendationView>,
    },
    /// A list of the report's appendices.
    AppendixList {
        /// The appendices, with their anchors.
        items: Vec<AppendixRef>,
    },
    /// The note shown under an appendix that has no content.
    Placeholder {
        /// The note.
        text: &'static str,
    },
    /// The generated overview of changes since the previous year.
    Changes(ChangesView),
    /// The generated status overview: counts per section as a table and a chart.
    StatusOverview {
        /// Per section: title, counts in [`Status::ALL`] order, and total.
        rows: Vec<CountRow>,
        /// The statuses, as table headings.
        statuses: Vec<StatusView>,
        /// The chart.
        chart: ChartView,
        /// How many of the rows counted are confidential, as a sentence (none when none are).
        withheld: Option<String>,
    },
    /// An incident appendix: summary, tables and charts, and the records.
    Incidents(IncidentsView),
    /// A GAP analysis appendix.
    GapAnalysis(GapView),
    /// The generated section of the management's decisions on the recommendations.
    Decisions(DecisionsView),
    /// The generated table of ISO/IEC 27001:2022 9.3.2 inputs and the sections addressing them.
    Coverage {
        /// One row per input, a–g.
        rows: Vec<CoverageRow>,
    },
}

/// A label with counts per status and their total.
#[derive(Debug, Serialize)]
pub struct CountRow {
    /// What is counted.
    pub label: String,
    /// Counts in [`Status::ALL`] order.
    pub counts: Vec<usize>,
    /// Their sum.
    pub total: usize,
}

/// An incident appendix as templates see it.
#[derive(Debug, Serialize)]
pub struct IncidentsView {
    /// One sentence: how many, how many with personal data, how many reported to IMY.
    pub summary: String,
    /// Incidents per category.
    pub per_category: Vec<(String, usize)>,
    /// Incidents per month, labelled "januari 2024".
    pub per_month: Vec<(String, usize)>,
    /// Chart of incidents per category.
    pub category_chart: ChartView,
    /// Chart of incidents per month.
    pub month_chart: ChartView,
    /// The records, by date.
    pub records: Vec<IncidentView>,
    /// Few and short records (see [`keeps_whole`](super::keeps_whole)): their table is kept on
    /// one page.
    pub records_whole: bool,
    /// The width of the records' category column (Typst length), enough for the longest word
    /// of any category, so that categories need no hyphenation.
    pub category_width: String,
    /// Whether a category word is too long for a column of sensible width, so must hyphenate.
    pub category_hyphenate: bool,
}

/// One incident.
#[derive(Debug, Serialize)]
pub struct IncidentView {
    /// Its id.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Its category.
    pub category: String,
    /// What happened.
    pub description: Markup,
    /// What it led to.
    pub consequence: Option<Markup>,
    /// What was done.
    pub actions: Option<Markup>,
    /// "Ja"/"Nej": personal data involved.
    pub personal_data: &'static str,
    /// "Ja"/"Nej": reported to IMY.
    pub reported_to_imy: &'static str,
    /// The "Intern" marker of a confidential incident.
    pub intern: Option<MarkerView>,
}

/// A GAP analysis as templates see it.
#[derive(Debug, Serialize)]
pub struct GapView {
    /// Per main clause: "4 Organisationens förutsättningar", counts, total.
    pub groups: Vec<CountRow>,
    /// The statuses, as table headings.
    pub statuses: Vec<StatusView>,
    /// The chart of the groups.
    pub chart: ChartView,
    /// Every requirement, assessed or not.
    pub requirements: Vec<GapRowView>,
}

/// One requirement of the GAP analysis.
#[derive(Debug, Serialize)]
pub struct GapRowView {
    /// `4.1` … `A.8`.
    pub clause: &'static str,
    /// Its short title.
    pub title: &'static str,
    /// Its status (not assessed when the analysis leaves it out).
    pub status: StatusView,
    /// Nuläge.
    pub current_state: Option<Markup>,
    /// Kommentar.
    pub comment: Option<Markup>,
    /// Förslag på åtgärd.
    pub action: Option<Markup>,
}

/// One 9.3.2 input and the sections that address it.
#[derive(Debug, Serialize)]
pub struct CoverageRow {
    /// `a` … `g`.
    pub letter: char,
    /// What the input is.
    pub description: &'static str,
    /// Titles of the sections addressing it; empty when none does.
    pub sections: Vec<String>,
}

/// A status table.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// Headings of the text columns.
    pub columns: Vec<String>,
    /// Heading of the status column.
    pub status_column: String,
    /// Relative widths of all columns, status column last (weights; the Typst template makes
    /// them `fr` lengths).
    pub widths: Vec<f64>,
    /// The rows.
    pub rows: Vec<RowView>,
    /// A short table (see [`keeps_whole`](super::keeps_whole)), kept on one page.
    pub keep_whole: bool,
}

/// One row of a status table.
#[derive(Debug, Serialize)]
pub struct RowView {
    /// The row's id.
    pub id: String,
    /// Rendered cells.
    pub cells: Vec<Markup>,
    /// The status.
    pub status: StatusView,
    /// The row's own status text.
    pub status_text: Option<Markup>,
    /// Its change since the previous year, when that year exists.
    pub change: Option<MarkerView>,
    /// The "Intern" marker of a confidential row.
    pub intern: Option<MarkerView>,
    /// "Ansvarig: …, klart senast …", when the row has an owner or a deadline.
    pub owner_due: Option<String>,
    /// The "Försenad" marker of a row past its deadline (by the report's date) without `grön`.
    pub overdue: Option<MarkerView>,
}

/// One recommendation.
#[derive(Debug, Serialize)]
pub struct RecommendationView {
    /// Its id.
    pub id: String,
    /// Its number in the full edition, from 1 in document order; the public edition keeps it, so
    /// its numbers may have gaps.
    pub number: usize,
    /// What is recommended.
    pub text: Markup,
    /// "Hur".
    pub how: Option<Markup>,
    /// "Vem".
    pub who: Option<Markup>,
    /// "Prioritet": slug and word.
    pub priority: Option<PriorityView>,
    /// Whether the recommendation is long enough that it may break across pages.
    pub long: bool,
    /// The "Intern" marker of a confidential recommendation.
    pub intern: Option<MarkerView>,
}

/// A priority (or a decision) as templates show it.
#[derive(Clone, Debug, Serialize)]
pub struct PriorityView {
    /// Stable machine name.
    pub slug: &'static str,
    /// The word in the report's language.
    pub word: &'static str,
}

/// A link to an appendix heading.
#[derive(Debug, Serialize)]
pub struct AppendixRef {
    /// Its number, from 1.
    pub number: usize,
    /// Its title.
    pub title: String,
    /// The anchor of its heading.
    pub anchor: String,
}

/// One abbreviation.
#[derive(Debug, Serialize)]
pub struct AbbreviationView {
    /// The abbreviation.
    pub term: String,
    /// What it stands for, as Markdown (so that a passage in another language can say so:
    /// `[Directive on security of network and information systems]{lang=en}`).
    pub meaning: Markup,
}

/// One revision history entry.
#[derive(Debug, Serialize)]
pub struct RevisionView {
    /// As shown: `YYYY-MM-DD`, or "december 2022" when only the month is known.
    pub date: String,
    /// For a `datetime` attribute: `YYYY-MM-DD` or `YYYY-MM`.
    pub datetime: String,
    /// Who.
    pub author: Option<String>,
    /// What.
    pub description: Markup,
}
