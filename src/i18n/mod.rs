//! The words of the report itself (headings, labels, status words and the sentences ledgen
//! writes), read from the report language's Fluent file (`report-*` keys in `locales/sv.ftl`),
//! where a translator finds them beside the program's messages. Templates read them from the
//! view as `labels.*`; content never needs to repeat them.

mod changes;
mod labels;
mod sentences;

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::locale::{self, Arg, UiLanguage};
use crate::model::{Decision, Language, Priority, Status};

pub use changes::{
    ChangeWords, DiffTexts, change_words, changes_summary, diff_texts, due_by, earlier_match,
    follows_detail, history_follow_up, history_recommendation, not_followed_up_heading,
    recommendation_state, status_change,
};
pub use labels::{Labels, labels};
pub use sentences::{
    approval, classification, confidential_rows, incidents_summary, masked_phrase,
    masked_phrase_note, owner_due, text_changed_note, withheld_note, withheld_part,
};

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
mod tests;
