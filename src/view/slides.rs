//! View stage: the slide deck of the management's review meeting, along MSB's agenda
//! (Närvarande, Inledning, Uppföljning, Underlag, Diskussion, Beslut). Made from the report's
//! view, so that the deck leaves out exactly what the edition's report leaves out, and from the
//! comparison with last year; every text cut to what can be read from across a room, at a word
//! and with the report's section number for the rest.

use serde::Serialize;

use super::chart::ChartView;
use super::text::first_sentence;
use super::{
    AttendeeView, BlockView, DateParts, MarkerView, Markup, MarkupSource, PriorityView, ReportView,
    SectionView, StatusView, Theme, date_text,
};
use crate::diff::ReportDiff;
use crate::i18n::{self, Labels};
use crate::model::{Language, Report, SectionKind, Status, plain_words};

/// Rows a slide of follow-ups holds.
const ITEMS_PER_SLIDE: usize = 4;
/// Rows a slide of open items holds, each with its status text.
const OPEN_PER_SLIDE: usize = 4;
/// Slides of open items at most; the rest are counted, with where the report lists them.
const DISCUSSION_SLIDES: usize = 4;
/// Words of a line on a list slide, of an open item's status text, and of a decision slide's
/// proposal and its Hur and Vem.
const LINE_WORDS: usize = 14;
const STATUS_WORDS: usize = 10;
const PROPOSAL_WORDS: usize = 30;
const DETAIL_WORDS: usize = 18;

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

/// The deck of `view`, the report (of the edition built) `report`, compared with last year by
/// `diff`.
pub fn slides_view<'a>(
    view: &'a ReportView,
    report: &'a Report,
    diff: Option<&'a ReportDiff>,
) -> SlidesView<'a> {
    let language = report.meta.language;
    let meeting = report.meta.meeting.as_ref();
    // On the title slide, as a date is written out: "26 september 2024".
    let meeting_date = match meeting.and_then(|m| m.date) {
        Some(date) => {
            let date: crate::model::ReportDate = date.into();
            let day_known = date.1 == crate::model::DatePrecision::Day;
            i18n::date_in_prose(language, date.0, day_known)
        }
        None => view.date.clone(),
    };
    let attendees = view
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            BlockView::Decisions(d) => Some(d.attendees.iter().collect()),
            _ => None,
        })
        .unwrap_or_default();
    let sections = Sections(&view.sections);
    SlidesView {
        lang: view.lang,
        labels: view.labels,
        words: slide_words(language),
        organisation: &view.organisation,
        unit: view.unit.as_deref(),
        title: &view.title,
        year: view.year,
        date_label: match meeting.and_then(|m| m.date) {
            Some(_) => slide_words(language).meeting,
            None => view.labels.date,
        },
        meeting_date,
        date_parts: &view.date_parts,
        registration_number: view.approval.as_ref().and_then(|a| a.registration_number.as_deref()),
        author: view.author.as_deref(),
        author_role: view.author_role.as_deref(),
        public: view.public,
        classification: view.classification.as_deref(),
        draft: view.draft,
        theme: &view.theme,
        attendees,
        scope: scope(view, report),
        inputs: inputs(report, &sections),
        follow_up_note: follow_up_note(language, diff, view.public),
        follow_up_heading: i18n::report_text(
            language,
            "report-slides-follow-up-heading",
            &[("year", diff.map_or(view.year - 1, |d| d.old_year).to_string().into())],
        ),
        follow_ups: follow_ups(language, diff, view.public, &sections)
            .chunks(ITEMS_PER_SLIDE)
            .map(<[FollowUpLine]>::to_vec)
            .collect(),
        overview: sections.overview(language),
        changes: sections.changes(),
        incidents: sections.incidents(),
        compliance: sections.compliance(report),
        discussion: Vec::new(),
        discussion_more: None,
        decisions: sections.decisions(report),
        next_steps: next_steps(language, report, view),
    }
    .with_discussion(language, &sections)
}

impl SlidesView<'_> {
    /// The open items' slides and the count of those left out.
    fn with_discussion(mut self, language: Language, sections: &Sections<'_>) -> Self {
        let mut open = sections.open_rows();
        let shown = OPEN_PER_SLIDE * DISCUSSION_SLIDES;
        if open.len() > shown {
            let rest = open.len() - shown;
            self.discussion_more = Some(i18n::report_text(
                language,
                "report-slides-more-open-items",
                &[("count", rest.into())],
            ));
            open.truncate(shown);
        }
        self.discussion = open.chunks(OPEN_PER_SLIDE).map(<[OpenLine]>::to_vec).collect();
        self
    }
}

/// The lines of "Inledning": the period, the sections, the rows assessed, the recommendations.
fn scope(view: &ReportView, report: &Report) -> Vec<String> {
    let language = report.meta.language;
    let rows = report.placed_rows().len();
    let recommendations = report.placed_recommendations().len();
    let sections = view.sections.iter().filter(|s| s.level == 1 && !s.generated).count();
    vec![
        i18n::report_text(
            language,
            "report-slides-scope-year",
            &[("year", view.year.to_string().into())],
        ),
        i18n::report_text(
            language,
            "report-slides-scope-counts",
            &[
                ("sections", sections.into()),
                ("rows", rows.into()),
                ("recommendations", recommendations.into()),
            ],
        ),
    ]
}

/// 9.3.2's inputs with the numbers of the sections addressing them.
fn inputs(report: &Report, sections: &Sections<'_>) -> Vec<InputLine> {
    let language = report.meta.language;
    super::coverage(report)
        .into_iter()
        .map(|(input, titles)| {
            let numbers: Vec<String> =
                titles.iter().filter_map(|t| sections.number_of(t)).collect();
            InputLine {
                letter: input.letter(),
                description: input_on_a_slide(language, input.letter()),
                addressed: !numbers.is_empty(),
                sections: if numbers.is_empty() {
                    i18n::labels(language).not_addressed.to_string()
                } else {
                    numbers.join(", ")
                },
            }
        })
        .collect()
}

/// A 9.3.2 input in a few words, for a slide (the report's coverage table quotes the standard).
fn input_on_a_slide(language: Language, letter: char) -> &'static str {
    let key = match letter {
        'a' => "report-slides-input-a",
        'b' => "report-slides-input-b",
        'c' => "report-slides-input-c",
        'd' => "report-slides-input-d",
        'e' => "report-slides-input-e",
        'f' => "report-slides-input-f",
        _ => "report-slides-input-g",
    };
    i18n::report_word(language, key)
}

/// Said on the follow-up slide when there is nothing to follow up.
fn follow_up_note(language: Language, diff: Option<&ReportDiff>, public: bool) -> Option<String> {
    let Some(diff) = diff else {
        return Some(i18n::report_word(language, "report-slides-no-earlier-review").to_string());
    };
    let any = diff.earlier_recommendations.iter().any(|f| !(public && f.internal));
    (!any).then(|| {
        i18n::report_text(
            language,
            "report-slides-no-earlier-recommendations",
            &[("year", diff.old_year.to_string().into())],
        )
    })
}

/// Last year's recommendations (the public ones in the public edition) and their status now.
fn follow_ups(
    language: Language,
    diff: Option<&ReportDiff>,
    public: bool,
    sections: &Sections<'_>,
) -> Vec<FollowUpLine> {
    let Some(diff) = diff else { return Vec::new() };
    let labels = i18n::labels(language);
    diff.earlier_recommendations
        .iter()
        .filter(|fate| !(public && fate.internal))
        .map(|fate| {
            let rows: Vec<_> =
                fate.followed_up_by.iter().filter(|f| !(public && f.internal)).collect();
            let worst = rows.iter().map(|f| f.status).max_by_key(|s| severity(*s));
            let remains = diff
                .recommendations
                .iter()
                .find(|r| r.earlier_id.as_deref() == Some(fate.id.as_str()));
            let state = if let Some(row) = rows.first() {
                let place = sections.number_of_row(&row.row_id).unwrap_or_default();
                i18n::report_text(
                    language,
                    "report-slides-followed-up-in",
                    &[("section", place.into())],
                )
            } else if fate.followed_up {
                labels.followed_up_withheld.to_string()
            } else if let Some(number) = remains.and_then(|r| sections.recommendation_number(&r.id))
            {
                i18n::report_text(
                    language,
                    "report-slides-remains-as",
                    &[("number", number.into())],
                )
            } else {
                i18n::report_word(language, "report-slides-not-followed-up").to_string()
            };
            FollowUpLine {
                number: fate.number,
                text: first_sentence(&fate.text, LINE_WORDS).0,
                decision: fate.decision.map(|d| i18n::decision_word(language, d)),
                status: worst.map(|s| StatusView::new(language, s)),
                state,
                overdue: rows
                    .iter()
                    .any(|f| f.overdue)
                    .then(|| i18n::report_word(language, "report-overdue").to_string()),
            }
        })
        .collect()
}

/// How bad a status is, for ordering: red first.
fn severity(status: Status) -> u8 {
    match status {
        Status::Red => 3,
        Status::Yellow => 2,
        Status::NotAssessed => 1,
        Status::Green => 0,
    }
}

/// What happens after the meeting.
fn next_steps(language: Language, report: &Report, view: &ReportView) -> Vec<String> {
    let mut steps = Vec::new();
    // Once adopted, the approval's sentence: "Fastställd av … den 26 september 2024, …".
    let approved = view.approval.as_ref().filter(|a| a.approved_on.is_some());
    steps.push(match approved.and_then(|a| a.text.clone()) {
        Some(sentence) => sentence,
        None => i18n::report_word(language, "report-slides-next-approve").to_string(),
    });
    steps.push(i18n::report_word(language, "report-slides-next-follow-up").to_string());
    let next = report.meta.meeting.as_ref().and_then(|m| m.next_review);
    steps.push(match next {
        Some(date) => i18n::report_text(
            language,
            "report-slides-next-review-on",
            &[("on", date_text(language, date).into())],
        ),
        None => i18n::report_text(
            language,
            "report-slides-next-review",
            &[("year", (view.year + 1).to_string().into())],
        ),
    });
    steps
}

/// The report's headings, to find blocks and section numbers in.
struct Sections<'a>(&'a [SectionView]);

impl<'a> Sections<'a> {
    /// The number of the top-level section titled `title`.
    fn number_of(&self, title: &str) -> Option<String> {
        self.0
            .iter()
            .find(|s| s.level == 1 && s.title == title && !s.number.is_empty())
            .map(|s| s.number.clone())
    }

    /// Every block with the heading it is under.
    fn blocks(&self) -> impl Iterator<Item = (&'a SectionView, &'a BlockView)> + '_ {
        self.0.iter().flat_map(|s| s.blocks.iter().map(move |b| (s, b)))
    }

    /// The number of the heading the row `id` is under.
    fn number_of_row(&self, id: &str) -> Option<String> {
        self.blocks().find_map(|(s, b)| match b {
            BlockView::Table(t) if t.rows.iter().any(|r| r.id == id) => Some(s.number.clone()),
            _ => None,
        })
    }

    /// The number of the recommendation `id`.
    fn recommendation_number(&self, id: &str) -> Option<usize> {
        self.blocks().find_map(|(_, b)| match b {
            BlockView::Recommendations { items } => {
                items.iter().find(|r| r.id == id).map(|r| r.number)
            }
            _ => None,
        })
    }

    fn overview(&self, language: Language) -> Option<Figure<'a>> {
        self.blocks().find_map(|(s, b)| match b {
            BlockView::StatusOverview { rows, chart, withheld, .. } => {
                // The last row is the total; the public edition's says it counts the
                // confidential rows too, as the report's does.
                let totals = rows.last().and_then(|r| <[usize; 4]>::try_from(&r.counts[..]).ok());
                let summary = totals.map(|totals| {
                    let sentence = counts_sentence(language, &totals);
                    match withheld {
                        Some(withheld) => format!("{sentence} {withheld}"),
                        None => sentence,
                    }
                });
                Some(Figure { heading: s.title.clone(), summary, chart })
            }
            _ => None,
        })
    }

    fn changes(&self) -> Option<ChangesSlide> {
        self.blocks().find_map(|(s, b)| match b {
            BlockView::Changes(c) => Some(ChangesSlide {
                heading: s.title.clone(),
                summary: c.summary.clone(),
                counts: c
                    .counts
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(m, n)| (m.clone(), *n))
                    .collect(),
                regressions: c
                    .regressions
                    .iter()
                    .take(4)
                    .map(|(label, change)| (first_sentence(label, 8).0, change.clone()))
                    .collect(),
            }),
            _ => None,
        })
    }

    fn incidents(&self) -> Vec<Figure<'a>> {
        self.blocks()
            .filter_map(|(_, b)| match b {
                BlockView::Incidents(i) => Some(i),
                _ => None,
            })
            .flat_map(|i| {
                [(&i.category_chart, Some(i.summary.clone())), (&i.month_chart, None)]
                    .into_iter()
                    .filter(|(chart, _)| chart.bars.iter().any(|b| b.total > 0))
                    .map(|(chart, summary)| Figure {
                        heading: chart.caption.clone(),
                        summary,
                        chart,
                    })
            })
            .collect()
    }

    fn compliance(&self, report: &Report) -> Option<ComplianceSlide<'a>> {
        let language = report.meta.language;
        let gap = self.blocks().find_map(|(_, b)| match b {
            BlockView::GapAnalysis(g) => Some(&g.chart),
            _ => None,
        });
        let section = report.sections.iter().find(|s| s.kind == SectionKind::Compliance);
        let counts = section.and_then(|section| {
            self.blocks().find_map(|(_, b)| match b {
                BlockView::StatusOverview { rows, .. } => {
                    rows.iter().find(|r| r.label == section.part.title)
                }
                _ => None,
            })
        });
        if gap.is_none() && counts.is_none() {
            return None;
        }
        let heading = match section {
            Some(s) => match self.number_of(&s.part.title) {
                Some(number) => format!("{number} {}", s.part.title),
                None => s.part.title.clone(),
            },
            None => slide_words(language).compliance.to_string(),
        };
        let tiles = counts
            .map(|row| {
                Status::ALL
                    .iter()
                    .zip(&row.counts)
                    .filter(|(_, n)| **n > 0)
                    .map(|(s, n)| (StatusView::new(language, *s), *n))
                    .collect()
            })
            .unwrap_or_default();
        let summary = counts
            .and_then(|row| <[usize; 4]>::try_from(row.counts.as_slice()).ok())
            .map(|counts| counts_sentence(language, &counts))
            .unwrap_or_default();
        Some(ComplianceSlide { heading, tiles, summary, gap })
    }

    /// The red and yellow rows: red first, then those past their deadline, then those that got
    /// worse, each group in document order.
    fn open_rows(&self) -> Vec<OpenLine> {
        let mut open: Vec<(u8, OpenLine)> = Vec::new();
        for (section, block) in self.blocks() {
            let BlockView::Table(table) = block else { continue };
            for row in &table.rows {
                if !matches!(row.status.slug, "red" | "yellow") {
                    continue;
                }
                let regressed = row.change.as_ref().filter(|c| c.slug == "regressed").map(|c| {
                    match &c.detail {
                        Some(detail) => format!("{} ({detail})", c.word),
                        None => c.word.to_string(),
                    }
                });
                let rank = match (row.status.slug, &row.overdue, &regressed) {
                    ("red", _, _) => 0,
                    (_, Some(_), _) => 1,
                    (_, _, Some(_)) => 2,
                    _ => 3,
                };
                let label = row.cells.first().map(plain).unwrap_or_default();
                let line = OpenLine {
                    label: first_sentence(&label, 8).0,
                    status: row.status.clone(),
                    text: row
                        .status_text
                        .as_ref()
                        .map(|t| first_sentence(&plain(t), STATUS_WORDS).0),
                    section: section.number.clone(),
                    overdue: row.overdue.as_ref().map(|m| m.word.to_string()),
                    regressed,
                };
                open.push((rank, line));
            }
        }
        open.sort_by_key(|(rank, _)| *rank);
        open.into_iter().map(|(_, line)| line).collect()
    }

    /// A slide per recommendation, with its decision from the report.
    fn decisions(&self, report: &Report) -> Vec<DecisionSlide> {
        let language = report.meta.language;
        let placed = report.placed_recommendations();
        let mut slides = Vec::new();
        for (section, block) in self.blocks() {
            let BlockView::Recommendations { items } = block else { continue };
            for item in items {
                let rec = placed.iter().map(|p| p.recommendation).find(|r| r.id.value == item.id);
                let (text, cut_text) = first_sentence(&plain(&item.text), PROPOSAL_WORDS);
                let how = item.how.as_ref().map(|m| first_sentence(&plain(m), DETAIL_WORDS));
                let who = item.who.as_ref().map(|m| first_sentence(&plain(m), DETAIL_WORDS));
                let cut = cut_text
                    || how.as_ref().is_some_and(|h| h.1)
                    || who.as_ref().is_some_and(|w| w.1);
                slides.push(DecisionSlide {
                    number: item.number,
                    text,
                    how: how.map(|h| h.0),
                    who: who.map(|w| w.0),
                    priority: item.priority.as_ref().cloned(),
                    decision: rec.and_then(|r| r.decision.as_ref()).map(|d| PriorityView {
                        slug: d.value.slug(),
                        word: i18n::decision_word(language, d.value),
                    }),
                    owner: rec.and_then(|r| r.owner.clone()),
                    due: rec.and_then(|r| r.due).map(|d| date_text(language, d)),
                    more: cut.then(|| {
                        i18n::report_text(
                            language,
                            "report-slides-more-in-section",
                            &[("section", section.number.clone().into())],
                        )
                    }),
                    intern: item.intern.clone(),
                });
            }
        }
        slides
    }
}

/// "54 rader: 17 grön, 35 gul, 2 ej bedömd."
fn counts_sentence(language: Language, counts: &[usize; 4]) -> String {
    let parts: Vec<String> = Status::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| format!("{n} {}", i18n::status_word(language, *s).to_lowercase()))
        .collect();
    i18n::report_text(
        language,
        "report-slides-rows-per-status",
        &[("count", counts.iter().sum::<usize>().into()), ("statuses", parts.join(", ").into())],
    )
}

/// A field's words, without markup.
fn plain(markup: &Markup) -> String {
    match &markup.source {
        MarkupSource::Markdown(text) => plain_words(text),
        MarkupSource::Text(text) => text.clone(),
    }
}
