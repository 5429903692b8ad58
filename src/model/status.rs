//! Load stage: the closed vocabularies of the content model (status colours, priorities and
//! decisions),
//! parsed leniently (Swedish or English, any case) and rejected with a suggestion.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

use crate::diagnostics::nearest;

/// A status row's assessment, the coloured cell of the review's tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Done, or no major deviations ("grön").
    Green,
    /// Remaining deficiencies, more to do, or work ongoing ("gul").
    Yellow,
    /// Serious deficiencies ("röd").
    Red,
    /// Not assessed ("ej bedömd").
    NotAssessed,
}

impl Status {
    /// Every status, in the order legends and overviews list them.
    pub const ALL: [Status; 4] = [Status::Green, Status::Yellow, Status::Red, Status::NotAssessed];

    /// The words accepted in content files, with the status each means.
    const WORDS: [(&'static str, Status); 9] = [
        ("grön", Status::Green),
        ("gul", Status::Yellow),
        ("röd", Status::Red),
        ("ej bedömd", Status::NotAssessed),
        ("green", Status::Green),
        ("yellow", Status::Yellow),
        ("red", Status::Red),
        ("not-assessed", Status::NotAssessed),
        ("not assessed", Status::NotAssessed),
    ];

    /// The canonical content-file word (Swedish), as written by `ledgen new`.
    pub fn keyword(self) -> &'static str {
        match self {
            Status::Green => "grön",
            Status::Yellow => "gul",
            Status::Red => "röd",
            Status::NotAssessed => "ej bedömd",
        }
    }

    /// A stable machine name, used for CSS classes and JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Yellow => "yellow",
            Status::Red => "red",
            Status::NotAssessed => "not-assessed",
        }
    }

    /// Parses a content-file word; the error names the nearest valid word.
    pub fn parse(word: &str) -> Result<Status, String> {
        parse_word(word, &Self::WORDS, || crate::tr!("status-unknown-status", word = word))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(WordVisitor("a status word", Status::parse))
    }
}

/// A recommendation's priority ("Prioritet").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// "Låg".
    Low,
    /// "Medel".
    Medium,
    /// "Hög".
    High,
}

impl Priority {
    const WORDS: [(&'static str, Priority); 6] = [
        ("låg", Priority::Low),
        ("medel", Priority::Medium),
        ("hög", Priority::High),
        ("low", Priority::Low),
        ("medium", Priority::Medium),
        ("high", Priority::High),
    ];

    /// The canonical content-file word (Swedish).
    pub fn keyword(self) -> &'static str {
        match self {
            Priority::Low => "låg",
            Priority::Medium => "medel",
            Priority::High => "hög",
        }
    }

    /// A stable machine name, used for CSS classes and JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
        }
    }

    /// Parses a content-file word; the error names the nearest valid word.
    pub fn parse(word: &str) -> Result<Priority, String> {
        parse_word(word, &Self::WORDS, || crate::tr!("status-unknown-priority", word = word))
    }
}

impl Serialize for Priority {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for Priority {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(WordVisitor("a priority word", Priority::parse))
    }
}

/// The management's decision on a recommendation ("Beslut").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Decision {
    /// Adopted as recommended ("antagen").
    Adopted,
    /// Rejected ("avslagen").
    Rejected,
    /// Adopted with changes ("ändrad").
    Amended,
    /// Postponed to a later meeting ("bordlagd").
    Tabled,
}

impl Decision {
    const WORDS: [(&'static str, Decision); 8] = [
        ("antagen", Decision::Adopted),
        ("avslagen", Decision::Rejected),
        ("ändrad", Decision::Amended),
        ("bordlagd", Decision::Tabled),
        ("adopted", Decision::Adopted),
        ("rejected", Decision::Rejected),
        ("amended", Decision::Amended),
        ("tabled", Decision::Tabled),
    ];

    /// The canonical content-file word (Swedish).
    pub fn keyword(self) -> &'static str {
        match self {
            Decision::Adopted => "antagen",
            Decision::Rejected => "avslagen",
            Decision::Amended => "ändrad",
            Decision::Tabled => "bordlagd",
        }
    }

    /// A stable machine name, used for CSS classes and JSON.
    pub fn slug(self) -> &'static str {
        match self {
            Decision::Adopted => "adopted",
            Decision::Rejected => "rejected",
            Decision::Amended => "amended",
            Decision::Tabled => "tabled",
        }
    }

    /// Whether the decision makes the recommendation an action to follow up (adopted, with or
    /// without changes).
    pub fn is_adopted(self) -> bool {
        matches!(self, Decision::Adopted | Decision::Amended)
    }

    /// Parses a content-file word; the error names the nearest valid word.
    pub fn parse(word: &str) -> Result<Decision, String> {
        parse_word(word, &Self::WORDS, || crate::tr!("status-unknown-decision", word = word))
    }
}

impl Serialize for Decision {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for Decision {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(WordVisitor("a decision word", Decision::parse))
    }
}

/// Reads a word of a closed vocabulary in any case, with spaces around it; an unknown word gets
/// `unknown()`'s message and the nearest valid word as a hint.
fn parse_word<T: Copy>(
    word: &str,
    words: &[(&'static str, T)],
    unknown: impl FnOnce() -> String,
) -> Result<T, String> {
    let normalised = word.trim().to_lowercase();
    if let Some((_, value)) = words.iter().find(|(w, _)| *w == normalised) {
        return Ok(*value);
    }
    let mut message = unknown();
    if let Some(hint) = nearest(&normalised, words.iter().map(|(w, _)| *w)) {
        message.push_str(&crate::tr!("status-did-you-mean", hint = hint));
    }
    Err(message)
}

/// Deserialises a closed vocabulary from a string through its `parse` function.
struct WordVisitor<T>(&'static str, fn(&str) -> Result<T, String>);

impl<T> Visitor<'_> for WordVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.1)(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_accepts_swedish_and_english_in_any_case() {
        assert_eq!(Status::parse("grön"), Ok(Status::Green));
        assert_eq!(Status::parse(" GUL "), Ok(Status::Yellow));
        assert_eq!(Status::parse("Ej bedömd"), Ok(Status::NotAssessed));
        assert_eq!(Status::parse("not-assessed"), Ok(Status::NotAssessed));
        assert_eq!(Status::parse("red"), Ok(Status::Red));
    }

    #[test]
    fn unknown_status_suggests_the_nearest_word() {
        let message = Status::parse("gron").unwrap_err();
        assert!(message.contains("did you mean `grön`?"), "{message}");
        let message = Status::parse("ej bedomd").unwrap_err();
        assert!(message.contains("did you mean `ej bedömd`?"), "{message}");
    }

    #[test]
    fn unknown_status_reads_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let en = in_language(UiLanguage::En, || Status::parse("gron").unwrap_err());
        assert_eq!(
            en,
            "unknown status `gron`: expected one of `grön`, `gul`, `röd`, `ej bedömd` \
             (or `green`, `yellow`, `red`, `not-assessed`); did you mean `grön`?"
        );
        let sv = in_language(UiLanguage::Sv, || Status::parse("gron").unwrap_err());
        assert_eq!(
            sv,
            "okänd status `gron`: här ska stå `grön`, `gul`, `röd` eller `ej bedömd` \
             (eller `green`, `yellow`, `red`, `not-assessed`); menade du `grön`?"
        );
    }

    #[test]
    fn unrelated_word_gets_no_suggestion() {
        let message = Status::parse("xyzzy").unwrap_err();
        assert!(!message.contains("did you mean"), "{message}");
    }

    #[test]
    fn decision_accepts_swedish_and_english_in_any_case() {
        assert_eq!(Decision::parse("antagen"), Ok(Decision::Adopted));
        assert_eq!(Decision::parse(" ÄNDRAD "), Ok(Decision::Amended));
        assert_eq!(Decision::parse("Tabled"), Ok(Decision::Tabled));
        assert_eq!(Decision::parse("rejected"), Ok(Decision::Rejected));
        let message = Decision::parse("antagn").unwrap_err();
        assert!(message.contains("did you mean `antagen`?"), "{message}");
        let message = Decision::parse("andrad").unwrap_err();
        assert!(message.contains("did you mean `ändrad`?"), "{message}");
    }

    #[test]
    fn priority_suggests_the_nearest_word() {
        assert_eq!(Priority::parse("Hög"), Ok(Priority::High));
        let message = Priority::parse("hog").unwrap_err();
        assert!(message.contains("did you mean `hög`?"), "{message}");
    }
}
