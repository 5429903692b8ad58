//! What every output of `ledgen diff` shows: the comparison's facts (the documented JSON
//! structure, `docs/diff-json.md`) with the words of the report's language beside them. The text,
//! Markdown and HTML templates render this view; the JSON output is this view, serialised.

use serde::Serialize;

use crate::diff::{
    ChangeKind, DiffSummary, FollowUp, MarkerCounts, Matched, RecommendationFate,
    RecommendationStatus, ReportDiff, RowChange, SectionDiff, TextChange, Withheld, WordOp,
};
use crate::i18n::{self, ChangeWords, DiffTexts};
use crate::model::{Language, Status};

/// The version of the JSON structure; raised only when a field changes meaning or disappears.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// A comparison of two years as its outputs show it.
#[derive(Serialize)]
pub struct DiffView<'a> {
    /// The version of this structure as JSON.
    pub format_version: u32,
    /// The earlier report's year.
    pub old_year: i32,
    /// The later report's year.
    pub new_year: i32,
    /// Counts over the whole report.
    pub summary: &'a DiffSummary,
    /// The change markers of the later report's rows, counted over the full reports: the
    /// figures the report's overview and every format of `diff` state.
    pub markers: &'a MarkerCounts,
    /// Row changes grouped by section.
    pub sections: Vec<SectionView<'a>>,
    /// What became of each of the earlier report's recommendations.
    pub earlier_recommendations: Vec<FateView<'a>>,
    /// The newer report's recommendations, new or remaining.
    pub recommendations: Vec<RecommendationView<'a>>,
    /// Whether this is the public edition.
    pub public: bool,
    /// How many confidential items the public edition leaves out of the lists.
    pub withheld: &'a Withheld,
    /// The report's language (BCP 47).
    pub language: &'static str,
    /// The organisation, from the newer report.
    pub organisation: &'a str,
    /// Headings, sentences and the words of the counts, in the report's language: what the
    /// text, Markdown and HTML outputs show.
    pub display: DiffWords,
}

/// The fixed texts and sentences of one comparison.
#[derive(Serialize)]
pub struct DiffWords {
    /// Headings and fixed phrases.
    #[serde(flatten)]
    pub texts: DiffTexts,
    /// "Publik version" or "Intern version".
    pub edition: &'static str,
    /// What the edition leaves out or holds.
    pub edition_note: &'static str,
    /// The sentence that sums the changes up.
    pub summary: String,
    /// Each kind of change with its count, in the order the outputs list them.
    pub counts: Vec<CountView>,
    /// In the public edition with confidential items: that the counts include them.
    pub withheld: Option<String>,
    /// Column heading: the change.
    pub change: &'static str,
    /// Column heading: the status.
    pub status: &'static str,
    /// Column heading: the count.
    pub count: &'static str,
    /// Column heading: the recommendation.
    pub recommendation: &'static str,
    /// The skip link of the HTML page.
    pub skip_to_content: &'static str,
    /// Said of an earlier recommendation followed up only by confidential rows.
    pub followed_up_withheld: &'static str,
    /// "◆ Intern", beside each confidential item of the internal edition: not to be forwarded.
    pub intern: String,
    /// "Före" and "Nu", before a changed text's two versions.
    pub before: &'static str,
    /// See `before`.
    pub after: &'static str,
}

/// One kind of change and how many rows show it.
#[derive(Serialize)]
pub struct CountView {
    /// The change, for CSS.
    pub slug: &'static str,
    /// Its symbol, word and plural.
    #[serde(flatten)]
    pub words: ChangeWords,
    /// How many rows.
    pub count: usize,
    /// "varav 10 med ändrad text", for the rows whose status stayed.
    pub note: Option<String>,
}

/// The changed rows of one section.
#[derive(Serialize)]
pub struct SectionView<'a> {
    /// The section's file stem.
    pub name: &'a str,
    /// The section's title.
    pub title: &'a str,
    /// The changed, added and removed rows.
    pub rows: Vec<RowView<'a>>,
}

/// One changed row, with its words.
#[derive(Serialize)]
pub struct RowView<'a> {
    /// The facts.
    #[serde(flatten)]
    pub row: &'a RowChange,
    /// How it reads, in the report's language.
    pub display: RowWords,
}

/// How a row's change reads.
#[derive(Serialize)]
pub struct RowWords {
    /// The change, for CSS.
    pub slug: &'static str,
    /// Its symbol and word.
    pub change: ChangeWords,
    /// The status, or its change: "Gul", "gul → grön".
    pub status: String,
    /// The earlier status's word.
    pub old_status: Option<&'static str>,
    /// The newer status's word.
    pub new_status: Option<&'static str>,
    /// "⚠ Försenad" when the row is past its deadline.
    pub overdue: Option<String>,
    /// "(tidigare lag-ssl, med omformulerad text)" for a row paired by its text.
    pub note: Option<String>,
    /// Each changed text as it read and as it reads, for readers who follow prose better than
    /// marked-up words.
    pub texts: Vec<TextBeforeAfter>,
}

/// A changed text field, before and after.
#[derive(Serialize)]
pub struct TextBeforeAfter {
    /// Which field: the column heading, or "status".
    pub field: String,
    /// The text in the earlier report.
    pub before: String,
    /// The text in the later report.
    pub after: String,
}

/// The text of the earlier and the later report from a word-level diff's runs.
fn before_after(change: &TextChange) -> TextBeforeAfter {
    let side = |skip: WordOp| {
        let text: String =
            change.words.iter().filter(|r| r.op != skip).map(|r| r.text.as_str()).collect();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    TextBeforeAfter {
        field: change.field.clone(),
        before: side(WordOp::Insert),
        after: side(WordOp::Delete),
    }
}

/// What became of one earlier recommendation ([`RecommendationFate`]), its follow-ups with
/// their words.
#[derive(Serialize)]
pub struct FateView<'a> {
    /// The recommendation's id.
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Its priority.
    pub priority: Option<crate::model::Priority>,
    /// The rows that follow it up.
    pub followed_up_by: Vec<FollowUpView<'a>>,
    /// Whether any row follows it up.
    pub followed_up: bool,
    /// Confidential.
    pub internal: bool,
    /// The provision, when one is named.
    pub sekretess: Option<&'a str>,
}

/// A row that follows an earlier recommendation up, with its words.
#[derive(Serialize)]
pub struct FollowUpView<'a> {
    /// The facts.
    #[serde(flatten)]
    pub follow_up: &'a FollowUp,
    /// How it reads, in the report's language.
    pub display: FollowUpWords,
}

/// How a follow-up reads.
#[derive(Serialize)]
pub struct FollowUpWords {
    /// Its status's word.
    pub status: &'static str,
    /// "⚠ Försenad" when past its deadline.
    pub overdue: Option<String>,
}

/// One of the newer report's recommendations, with its words.
#[derive(Serialize)]
pub struct RecommendationView<'a> {
    /// The facts.
    #[serde(flatten)]
    pub recommendation: &'a RecommendationStatus,
    /// How it reads, in the report's language.
    pub display: RecommendationWords,
}

/// How a newer recommendation reads.
#[derive(Serialize)]
pub struct RecommendationWords {
    /// "Ny", or "Kvarstår (från …)".
    pub state: String,
}

/// The order in which the outputs count the kinds of change.
/// The same kinds, in the same order, as the report's overview counts.
pub(crate) const COUNTED: [ChangeKind; 7] = [
    ChangeKind::Improved,
    ChangeKind::Regressed,
    ChangeKind::Reassessed,
    ChangeKind::Added,
    ChangeKind::FollowsUp,
    ChangeKind::Unchanged,
    ChangeKind::Removed,
];

impl<'a> DiffView<'a> {
    /// The view of `diff`, in `language`, for `organisation`.
    pub fn new(diff: &'a ReportDiff, language: Language, organisation: &'a str) -> Self {
        let labels = i18n::labels(language);
        let s = &diff.summary;
        let markers = &diff.markers;
        let total = s.followed_up + s.not_followed_up;
        let withheld = markers.confidential;
        let words = DiffWords {
            texts: i18n::diff_texts(
                language,
                (diff.old_year, diff.new_year),
                (s.followed_up, total),
            ),
            edition: if diff.public { labels.public_edition } else { labels.internal_edition },
            edition_note: if diff.public {
                labels.public_edition_note
            } else {
                labels.internal_edition_note
            },
            summary: i18n::changes_summary(
                language,
                diff.old_year,
                &super::changes::summary_of(markers, s),
            ),
            counts: COUNTED
                .iter()
                .map(|&c| CountView {
                    slug: c.slug(),
                    words: i18n::change_words(language, c).for_count(markers.get(c)),
                    count: markers.get(c),
                    note: (c == ChangeKind::Unchanged && markers.text_changed > 0)
                        .then(|| i18n::text_changed_note(language, markers.text_changed)),
                })
                .collect(),
            withheld: (diff.public && withheld > 0)
                .then(|| i18n::withheld_note(language, withheld)),
            change: labels.change,
            status: labels.status,
            count: labels.count,
            recommendation: labels.recommendation,
            skip_to_content: labels.skip_to_content,
            followed_up_withheld: labels.followed_up_withheld,
            intern: format!("◆ {}", labels.intern),
            before: labels.text_before,
            after: labels.text_after,
        };
        DiffView {
            format_version: JSON_FORMAT_VERSION,
            old_year: diff.old_year,
            new_year: diff.new_year,
            summary: &diff.summary,
            markers: &diff.markers,
            sections: diff.sections.iter().map(|s| section(language, s)).collect(),
            earlier_recommendations: diff
                .earlier_recommendations
                .iter()
                .map(|f| fate(language, f))
                .collect(),
            recommendations: diff
                .recommendations
                .iter()
                .map(|r| RecommendationView {
                    recommendation: r,
                    display: RecommendationWords {
                        state: i18n::recommendation_state(
                            language,
                            r.state,
                            r.earlier_id.as_deref(),
                            similarity(r.matched),
                        ),
                    },
                })
                .collect(),
            public: diff.public,
            withheld: &diff.withheld,
            language: language.tag(),
            organisation,
            display: words,
        }
    }
}

/// The similarity of a pair matched by text.
fn similarity(matched: Option<Matched>) -> Option<f32> {
    match matched {
        Some(Matched::Text { similarity }) => Some(similarity),
        _ => None,
    }
}

/// "⚠ Försenad", for an item past its deadline.
fn overdue(language: Language, overdue: bool) -> Option<String> {
    overdue.then(|| {
        let (symbol, word, _) = i18n::overdue_marker(language);
        format!("{symbol} {word}")
    })
}

fn section<'a>(language: Language, section: &'a SectionDiff) -> SectionView<'a> {
    let status = |s: Option<Status>| s.map(|s| i18n::status_word(language, s));
    let rows = section
        .rows
        .iter()
        .map(|row| {
            let status_text = match (row.old_status, row.new_status) {
                (Some(a), Some(b)) if a != b => i18n::status_change(language, a, b),
                (a, b) => status(b.or(a)).unwrap_or("–").to_string(),
            };
            let note = match (similarity(row.matched), &row.old_id) {
                (Some(_), Some(old_id)) => Some(i18n::earlier_match(language, old_id)),
                _ => None,
            };
            RowView {
                row,
                display: RowWords {
                    slug: row.change.slug(),
                    change: i18n::change_words(language, row.change),
                    status: status_text,
                    old_status: status(row.old_status),
                    new_status: status(row.new_status),
                    overdue: overdue(language, row.overdue),
                    note,
                    texts: row.text_changes.iter().map(before_after).collect(),
                },
            }
        })
        .collect();
    SectionView { name: &section.name, title: &section.title, rows }
}

fn fate<'a>(language: Language, fate: &'a RecommendationFate) -> FateView<'a> {
    FateView {
        id: &fate.id,
        text: &fate.text,
        priority: fate.priority,
        followed_up_by: fate
            .followed_up_by
            .iter()
            .map(|f| FollowUpView {
                follow_up: f,
                display: FollowUpWords {
                    status: i18n::status_word(language, f.status),
                    overdue: overdue(language, f.overdue),
                },
            })
            .collect(),
        followed_up: fate.followed_up,
        internal: fate.internal,
        sekretess: fate.sekretess.as_deref(),
    }
}
