//! View stage: the slide deck of the management's review meeting, along MSB's agenda
//! (Närvarande, Inledning, Uppföljning, Underlag, Diskussion, Beslut). Made from the report's
//! view, so that the deck leaves out exactly what the edition's report leaves out, and from the
//! comparison with last year; every text cut to what can be read from across a room, at a word
//! and with the report's section number for the rest.

mod sections;
mod types;

use sections::Sections;
pub use types::*;

use super::text::first_sentence;
use super::{BlockView, Markup, MarkupSource, ReportView, StatusView, date_text};
use crate::diff::ReportDiff;
use crate::i18n;
use crate::model::{Language, Report, Status, plain_words};

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
    // The rows assessed as the overview counts them (over the full report in the public edition
    // too, as its overview says), so that the deck states one number.
    let overview = view.sections.iter().flat_map(|s| &s.blocks).find_map(|b| match b {
        BlockView::StatusOverview { rows, .. } => rows.last().map(|total| total.total),
        _ => None,
    });
    let rows = overview.unwrap_or_else(|| report.placed_rows().len());
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
