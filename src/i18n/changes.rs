//! The words of the comparison with last year: what became of a row or a recommendation, the
//! summary of the changes, and the lines of the diff pages and of `ledgen history`.

use serde::Serialize;

use super::{cached, count, decision_word, none_singular, priority_word, text, word};
use crate::diff::{ChangeKind, RecommendationState};
use crate::locale::Arg;
use crate::model::{Decision, Language, Priority, Status};

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
