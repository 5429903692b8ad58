//! The words of the report itself (headings, labels, status words), per language, in one place.
//! Templates read them from the view as `labels.*`; content never needs to repeat them.

use serde::Serialize;

use crate::model::{Language, Priority, Status};

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
}

/// The labels of a language.
pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::Sv => &SV,
    }
}

static SV: Labels = Labels {
    contents: "Innehåll",
    page: "Sida",
    of: "av",
    legend: "Statusförklaring",
    legend_intro: "Varje bedömd rad har en status som visas med färg, symbol och ord:",
    date: "Datum",
    author: "Författare",
    description: "Beskrivning",
    recommendation: "Rekommendation",
    how: "Hur",
    who: "Vem",
    priority: "Prioritet",
    abbreviations: "Förkortningar",
    abbreviation: "Förkortning",
    meaning: "Betydelse",
    revision_history: "Revisionshistorik",
    appendix: "Bilaga",
    appendix_placeholder: "Bilagan ingår inte i detta underlag.",
    status: "Status",
    skip_to_content: "Hoppa till innehållet",
    compiled_by: "Sammanställd av",
    contents_nav: "Innehållsförteckning",
    back_to_top: "Till innehållsförteckningen",
};

/// The word shown for a status.
pub fn status_word(language: Language, status: Status) -> &'static str {
    match (language, status) {
        (Language::Sv, Status::Green) => "Grön",
        (Language::Sv, Status::Yellow) => "Gul",
        (Language::Sv, Status::Red) => "Röd",
        (Language::Sv, Status::NotAssessed) => "Ej bedömd",
    }
}

/// What a status means when the report does not say.
pub fn default_legend(language: Language, status: Status) -> &'static str {
    match (language, status) {
        (Language::Sv, Status::Green) => {
            "Aktiviteten är genomförd och/eller inga stora avvikelser har noterats."
        }
        (Language::Sv, Status::Yellow) => {
            "Det finns fortsatta brister, fler åtgärder behöver vidtas eller arbete pågår."
        }
        (Language::Sv, Status::Red) => "Allvarliga brister som kräver åtgärd.",
        (Language::Sv, Status::NotAssessed) => "Har inte bedömts i denna genomgång.",
    }
}

/// The word shown for a priority.
pub fn priority_word(language: Language, priority: Priority) -> &'static str {
    match (language, priority) {
        (Language::Sv, Priority::Low) => "Låg",
        (Language::Sv, Priority::Medium) => "Medel",
        (Language::Sv, Priority::High) => "Hög",
    }
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
