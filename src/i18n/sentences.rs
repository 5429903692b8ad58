//! The sentences ledgen writes into a report: the incident summary, what the public edition
//! withholds and why, the classification line, the owner and deadline, the approval.

use super::{capitalised, count, list, none_singular, text, word};
use crate::locale::Arg;
use crate::model::Language;

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
