//! `report.yaml` as typed: who wrote the review, when, for which meeting, with which generated
//! sections, abbreviations and revisions.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{DateAt, Markdown, ReportDate, SectionKind, Status, yes_no};

/// `report.yaml`: who wrote which review, when, and what it contains.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    /// The organisation, e.g. "Stockholms stad".
    pub organisation: String,
    /// The administration or company within the organisation.
    #[serde(default)]
    pub unit: Option<String>,
    /// The document title; the year is appended when shown.
    pub title: String,
    /// A line above the title on the title page.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The year under review; must match the folder name.
    #[schemars(with = "i32")]
    pub year: Spanned<i32>,
    /// The report's date, or only its month; also the date stamped into the PDF.
    #[schemars(with = "ReportDate")]
    pub date: Spanned<ReportDate>,
    /// The person who compiled the report, when known.
    #[serde(default)]
    pub author: Option<String>,
    /// The author's role, e.g. "Informationssäkerhetssamordnare".
    #[serde(default)]
    pub author_role: Option<String>,
    /// The report's language.
    #[serde(default)]
    pub language: Language,
    /// Section file stems in document order.
    #[schemars(with = "Vec<String>")]
    pub sections: Vec<Spanned<String>>,
    /// What each status colour means in this report; defaults come from the language.
    #[serde(default)]
    pub status_legend: std::collections::BTreeMap<Status, Markdown>,
    /// Abbreviations explained at the end of the report ("Förkortningar").
    #[serde(default)]
    pub abbreviations: Vec<Abbreviation>,
    /// The document's revision history ("Revisionshistorik").
    #[serde(default)]
    pub revision_history: Vec<Revision>,
    /// A closing note under the revision history.
    #[serde(default)]
    pub revision_note: Option<Markdown>,
    /// A note to the reader about the document itself, shown after the table of contents and
    /// the legend (e.g. that a transcription's status colours were read from its status texts).
    #[serde(default)]
    pub note: Option<Markdown>,
    /// Show a table of which ISO/IEC 27001:2022 9.3.2 inputs the sections address.
    #[serde(default, deserialize_with = "yes_no::deserialize")]
    #[schemars(schema_with = "yes_no::schema")]
    pub coverage_table: bool,
    /// Show each recommendation's id ("rek-2024-01") beside its number; by default the report
    /// shows a reader the numbers only (the comparison and `history` always show ids).
    #[serde(default, deserialize_with = "yes_no::deserialize")]
    #[schemars(schema_with = "yes_no::schema")]
    pub show_ids: bool,
    /// A draft, not yet adopted: every PDF page and the HTML page say so, and `build --all`
    /// leaves it out unless asked for drafts.
    #[serde(default)]
    pub draft: bool,
    /// Which generated sections appear, in what order, and after which section; each item is
    /// one name of [`GENERATED_SECTIONS`], e.g. `- status_overview: { after: summary }`, or
    /// `- changes:` for its default place. Without it: the status overview and the changes at
    /// their default places, and the coverage table when `coverage_table` asks for it.
    #[serde(default)]
    #[schemars(with = "Option<Vec<std::collections::BTreeMap<String, Option<Placement>>>>")]
    pub generated_sections: Option<Vec<Spanned<GeneratedItem>>>,
    /// The management meeting that reviewed the report: its date and who attended
    /// ("Närvarande").
    #[serde(default)]
    pub meeting: Option<Meeting>,
    /// Who approved the report ("Fastställd av"), e.g. "Kommunstyrelsen".
    #[serde(default)]
    pub approved_by: Option<String>,
    /// When the report was approved.
    #[serde(default)]
    #[schemars(with = "Option<ReportDate>")]
    pub approved_on: Option<DateAt>,
    /// The registration number the report is filed under ("diarienummer").
    #[serde(default)]
    pub registration_number: Option<String>,
}

/// The sections the report can generate, with their default place: after the first listed
/// section of these kinds, else at the start (an empty list: at the end).
pub const GENERATED_SECTIONS: [(&str, &[SectionKind]); 4] = [
    ("status_overview", &[SectionKind::Summary, SectionKind::Introduction]),
    ("changes", &[SectionKind::Summary, SectionKind::Introduction]),
    ("coverage", &[]),
    ("decisions", &[SectionKind::Recommendations]),
];

/// One item of `generated_sections`: a generated section's name and, optionally, its place.
pub type GeneratedItem = std::collections::BTreeMap<String, Option<Placement>>;

/// Where a generated section goes.
#[derive(Clone, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    /// The file stem of the listed section it follows (after that section's subsections).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub after: Option<Spanned<String>>,
}

/// One generated section as `report.yaml` places it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedPlace {
    /// Its name in [`GENERATED_SECTIONS`].
    pub name: &'static str,
    /// The file stem of the section it follows; `None` for its default place.
    pub after: Option<String>,
}

impl ReportMeta {
    /// The generated sections to show, in order, with where each goes. Names are validated on
    /// loading; an unknown one is skipped here.
    pub fn generated(&self) -> Vec<GeneratedPlace> {
        let known = |name: &str| GENERATED_SECTIONS.iter().map(|(n, _)| *n).find(|n| *n == name);
        let Some(list) = &self.generated_sections else {
            let mut places = vec![
                GeneratedPlace { name: "status_overview", after: None },
                GeneratedPlace { name: "changes", after: None },
            ];
            if self.coverage_table {
                places.push(GeneratedPlace { name: "coverage", after: None });
            }
            // Shown by default only when the report records a meeting or decisions.
            places.push(GeneratedPlace { name: "decisions", after: None });
            return places;
        };
        let mut places: Vec<GeneratedPlace> = list
            .iter()
            .flat_map(|item| &item.value)
            .filter_map(|(name, place)| {
                Some(GeneratedPlace {
                    name: known(name)?,
                    after: place.as_ref().and_then(|p| p.after.as_ref()).map(|a| a.value.clone()),
                })
            })
            .collect();
        // `coverage_table: true` still means: the coverage table at its default place.
        if self.coverage_table && !places.iter().any(|p| p.name == "coverage") {
            places.push(GeneratedPlace { name: "coverage", after: None });
        }
        places
    }
}

/// The management meeting at which the review was held.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The meeting's date.
    #[serde(default)]
    #[schemars(with = "Option<ReportDate>")]
    pub date: Option<DateAt>,
    /// Who attended ("Närvarande").
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    /// When the next review is to be held, if decided: the slide deck's closing slide says so.
    #[serde(default)]
    #[schemars(with = "Option<ReportDate>")]
    pub next_review: Option<DateAt>,
}

/// One person at the meeting.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// Their name.
    pub name: String,
    /// Their role, e.g. "Förvaltningsdirektör".
    #[serde(default)]
    pub role: Option<String>,
}

/// The language a report is written in; it chooses the built-in labels.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Swedish.
    #[default]
    Sv,
}

impl Language {
    /// The BCP 47 tag, for `lang` attributes and PDF metadata.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Sv => "sv",
        }
    }
}

/// One abbreviation and what it stands for.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Abbreviation {
    /// The abbreviation, e.g. "ISAM".
    pub term: String,
    /// What it stands for.
    pub meaning: String,
}

/// One entry of the revision history.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// When.
    #[schemars(with = "ReportDate")]
    pub date: DateAt,
    /// Who.
    #[serde(default)]
    pub author: Option<String>,
    /// What changed.
    pub description: Markdown,
}
