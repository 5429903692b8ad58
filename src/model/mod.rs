//! Load stage: the typed content model of a review (`content/<year>/*.yaml`), its loading and
//! validation. Nothing here knows about templates or output formats.

mod appendix;
mod glyphs;
mod lint;
mod load;
mod schema;
mod status;
mod years;

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

pub use appendix::{
    DEFAULT_INCIDENT_CATEGORIES, GapAnalysis, GapEntry, Incident, Incidents, REQUIREMENT_GROUPS,
    REQUIREMENTS, Requirement, ReviewInput, requirement,
};
pub use glyphs::find_text;
pub use lint::{lint, uncovered};
pub use load::{Loaded, is_allowed_link, load_report};
pub use schema::schemas;
pub use status::{Priority, Status};
pub use years::{WithHistory, load_with_history, years};

/// A whole review: its metadata and its sections in order.
#[derive(Debug)]
pub struct Report {
    /// The report's folder, e.g. `content/2023`.
    pub dir: PathBuf,
    /// `report.yaml`.
    pub meta: ReportMeta,
    /// The section files, in the order `report.yaml` lists them.
    pub sections: Vec<Section>,
    /// The images the report's Markdown shows, by their path in the Markdown.
    pub images: Images,
}

/// Images by the path Markdown gives them (relative to the report folder).
pub type Images = std::collections::BTreeMap<String, ImageFile>;

/// An image file read from the report folder.
#[derive(Debug, Clone)]
pub struct ImageFile {
    /// Its media type, e.g. `image/png`.
    pub mime: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl Section {
    /// The 9.3.2 inputs this section addresses: its own list, or its kind's default.
    pub fn inputs(&self) -> Vec<ReviewInput> {
        match &self.part.covers {
            Some(list) => list.clone(),
            None => self.kind.default_inputs().to_vec(),
        }
    }
}

impl Report {
    /// The report's year.
    pub fn year(&self) -> i32 {
        self.meta.year.value
    }

    /// Drops everything marked `intern` (rows, recommendations, blocks), for the public edition.
    /// Returns how many items were left out.
    pub fn remove_internal(&mut self) -> usize {
        self.sections.iter_mut().map(|s| s.part.remove_internal()).sum()
    }

    /// Every status row of the report, with the section it belongs to, in document order.
    pub fn status_rows(&self) -> Vec<(&Section, &StatusRow)> {
        let mut rows = Vec::new();
        for section in &self.sections {
            section.part.visit_blocks(&mut |block| {
                if let BlockKind::Table(table) = &block.kind {
                    rows.extend(table.rows.iter().map(|row| (section, row)));
                }
            });
        }
        rows
    }
}

/// `report.yaml`: who wrote which review, when, and what it contains.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
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
    /// The report's date; also the date stamped into the PDF.
    #[schemars(with = "ReportDate")]
    pub date: Spanned<ReportDate>,
    /// The person who compiled the report.
    pub author: String,
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
    /// Show a table of which ISO/IEC 27001:2022 9.3.2 inputs the sections address.
    #[serde(default)]
    pub coverage_table: bool,
}

/// A calendar date written as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportDate(pub NaiveDate);

impl<'de> Deserialize<'de> for ReportDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map(ReportDate).map_err(|_| {
            serde::de::Error::custom(format!(
                "invalid date `{text}`: expected a date written as YYYY-MM-DD, e.g. 2023-08-25"
            ))
        })
    }
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
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Abbreviation {
    /// The abbreviation, e.g. "ISAM".
    pub term: String,
    /// What it stands for.
    pub meaning: String,
}

/// One entry of the revision history.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// When.
    pub date: ReportDate,
    /// Who.
    #[serde(default)]
    pub author: Option<String>,
    /// What changed.
    pub description: Markdown,
}

/// Markdown text from a content file, with the place it was written.
#[derive(Clone, Debug, Deserialize)]
#[serde(from = "Spanned<String>")]
pub struct Markdown {
    /// The Markdown source.
    pub text: String,
    /// 1-based line of the scalar in its file (0 if unknown).
    pub line: usize,
    /// 1-based column of the scalar in its file (0 if unknown).
    pub column: usize,
}

impl From<Spanned<String>> for Markdown {
    fn from(spanned: Spanned<String>) -> Self {
        Markdown {
            text: spanned.value,
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
        }
    }
}

/// The standard kinds of section of a management review, after MSB's method support.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// "Inledning".
    Introduction,
    /// "Sammanfattning".
    Summary,
    /// "Uppföljning av tidigare beslut".
    FollowUps,
    /// "Resultat från tidigare revisioner".
    Revisions,
    /// "Status gällande förebyggande åtgärder", incidents, complaints, measurements.
    Preventive,
    /// "Överensstämmelse med krav och mål", including legal compliance.
    Compliance,
    /// "Förändrade förhållanden som kan påverka ledningssystemet".
    ChangedConditions,
    /// "Rekommendation till förbättringar".
    Recommendations,
    /// "Bilagor".
    Appendices,
    /// Any other section.
    Custom,
}

impl SectionKind {
    /// The standard section file stems and their kinds.
    pub const STANDARD: [(&'static str, SectionKind); 9] = [
        ("introduction", SectionKind::Introduction),
        ("summary", SectionKind::Summary),
        ("follow-ups", SectionKind::FollowUps),
        ("revisions", SectionKind::Revisions),
        ("preventive", SectionKind::Preventive),
        ("compliance", SectionKind::Compliance),
        ("changed-conditions", SectionKind::ChangedConditions),
        ("recommendations", SectionKind::Recommendations),
        ("appendices", SectionKind::Appendices),
    ];

    /// The ISO/IEC 27001:2022 9.3.2 inputs a section of this kind addresses by default.
    pub fn default_inputs(self) -> &'static [ReviewInput] {
        use ReviewInput::*;
        match self {
            SectionKind::FollowUps => &[A, F],
            SectionKind::Revisions => &[A, D],
            SectionKind::Preventive => &[D, E, F],
            SectionKind::Compliance => &[D],
            SectionKind::ChangedConditions => &[B, C],
            SectionKind::Recommendations => &[G],
            _ => &[],
        }
    }

    /// The kind a section file stem names.
    pub fn from_name(name: &str) -> SectionKind {
        Self::STANDARD.iter().find(|(n, _)| *n == name).map_or(SectionKind::Custom, |(_, k)| *k)
    }
}

/// One section file: a top-level heading of the report.
#[derive(Debug)]
pub struct Section {
    /// The file stem, e.g. `follow-ups`.
    pub name: String,
    /// Which standard section this is.
    pub kind: SectionKind,
    /// The file it was loaded from.
    pub path: PathBuf,
    /// Its title, content and subsections.
    pub part: Part,
}

/// A titled part of the report: a section, or a subsection within one.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The heading.
    pub title: String,
    /// Blocks under the heading, in order.
    #[serde(default)]
    pub content: Vec<Block>,
    /// Subsections, after the blocks.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// The ISO/IEC 27001:2022 9.3.2 inputs (a–g) a section addresses, when not its kind's
    /// default.
    #[serde(default)]
    pub covers: Option<Vec<ReviewInput>>,
}

impl Part {
    fn remove_internal(&mut self) -> usize {
        let mut removed = 0;
        let before = self.content.len();
        self.content.retain(|b| !b.intern);
        removed += before - self.content.len();
        for block in &mut self.content {
            removed += block.kind.remove_internal();
        }
        removed + self.parts.iter_mut().map(Part::remove_internal).sum::<usize>()
    }

    /// Calls `f` on every block of this part and its subsections, in document order.
    pub fn visit_blocks<'a>(&'a self, f: &mut dyn FnMut(&'a Block)) {
        for block in &self.content {
            f(block);
            if let BlockKind::Appendices(appendices) = &block.kind {
                for appendix in appendices {
                    appendix.content.iter().for_each(&mut *f);
                }
            }
        }
        for part in &self.parts {
            part.visit_blocks(f);
        }
    }
}

/// One block of content under a heading, possibly confidential.
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawBlock")]
pub struct Block {
    /// What the block holds.
    pub kind: BlockKind,
    /// Confidential under offentlighets- och sekretesslagen: left out of the public edition.
    pub intern: bool,
    /// The OSL provision that makes it confidential, e.g. "18 kap. 8 § OSL".
    pub sekretess: Option<String>,
}

/// What a block holds.
#[derive(Debug)]
pub enum BlockKind {
    /// Markdown text.
    Text(Markdown),
    /// A table whose rows each carry a status.
    Table(StatusTable),
    /// Recommendations with Hur/Vem/Prioritet.
    Recommendations(Vec<Recommendation>),
    /// The list of appendices, each shown under its own heading.
    Appendices(Vec<Appendix>),
    /// Incident records, summarised per category and month.
    Incidents(Incidents),
    /// A GAP analysis against ISO/IEC 27001:2022.
    GapAnalysis(GapAnalysis),
}

impl BlockKind {
    fn remove_internal(&mut self) -> usize {
        match self {
            BlockKind::Text(_) | BlockKind::GapAnalysis(_) => 0,
            BlockKind::Incidents(incidents) => {
                let before = incidents.records.len();
                incidents.records.retain(|r| !r.intern && r.sekretess.is_none());
                before - incidents.records.len()
            }
            BlockKind::Table(table) => {
                let before = table.rows.len();
                table.rows.retain(|r| !r.intern && r.sekretess.is_none());
                before - table.rows.len()
            }
            BlockKind::Recommendations(list) => {
                let before = list.len();
                list.retain(|r| !r.intern && r.sekretess.is_none());
                before - list.len()
            }
            BlockKind::Appendices(list) => list
                .iter_mut()
                .map(|a| {
                    let before = a.content.len();
                    a.content.retain(|b| !b.intern);
                    let nested: usize =
                        a.content.iter_mut().map(|b| b.kind.remove_internal()).sum();
                    before - a.content.len() + nested
                })
                .sum(),
        }
    }
}

/// A block as written: exactly one of the content keys, plus the confidentiality keys.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBlock {
    #[serde(default)]
    text: Option<Markdown>,
    #[serde(default)]
    table: Option<StatusTable>,
    #[serde(default)]
    recommendations: Option<Vec<Recommendation>>,
    #[serde(default)]
    appendices: Option<Vec<Appendix>>,
    #[serde(default)]
    incidents: Option<Incidents>,
    #[serde(default)]
    gap_analysis: Option<GapAnalysis>,
    #[serde(default)]
    intern: bool,
    #[serde(default)]
    sekretess: Option<String>,
}

impl TryFrom<RawBlock> for Block {
    type Error = String;

    fn try_from(raw: RawBlock) -> Result<Self, String> {
        let mut kinds = Vec::new();
        if let Some(text) = raw.text {
            kinds.push(BlockKind::Text(text));
        }
        if let Some(table) = raw.table {
            kinds.push(BlockKind::Table(table));
        }
        if let Some(recommendations) = raw.recommendations {
            kinds.push(BlockKind::Recommendations(recommendations));
        }
        if let Some(appendices) = raw.appendices {
            kinds.push(BlockKind::Appendices(appendices));
        }
        if let Some(incidents) = raw.incidents {
            kinds.push(BlockKind::Incidents(incidents));
        }
        if let Some(gap) = raw.gap_analysis {
            kinds.push(BlockKind::GapAnalysis(gap));
        }
        if kinds.len() != 1 {
            return Err(format!(
                "a content block holds exactly one of `text`, `table`, `recommendations`, \
                 `appendices`, `incidents` or `gap_analysis`; this one holds {}",
                kinds.len()
            ));
        }
        let kind = kinds.pop().expect("one kind");
        // Naming a provision means the block is confidential.
        let intern = raw.intern || raw.sekretess.is_some();
        Ok(Block { kind, intern, sekretess: raw.sekretess })
    }
}

/// A table whose last column is a coloured status cell.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusTable {
    /// Headings of the text columns (all but the status column).
    #[schemars(with = "Vec<String>")]
    pub columns: Spanned<Vec<String>>,
    /// Heading of the status column.
    #[serde(default)]
    pub status_column: Option<String>,
    /// The rows.
    pub rows: Vec<StatusRow>,
}

/// One row of a status table: something assessed, and its assessment.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRow {
    /// Stable identifier, unique in the report, used to follow the row across years.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Markdown text, one per column.
    #[schemars(with = "Vec<Markdown>")]
    pub cells: Spanned<Vec<Markdown>>,
    /// The status colour.
    #[schemars(with = "Status")]
    pub status: Spanned<Status>,
    /// The row's own status text, e.g. "Genomförd – dock inte …".
    #[serde(default)]
    pub status_text: Option<Markdown>,
    /// The id of an earlier year's recommendation this row follows up.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub follows: Option<Spanned<String>>,
    /// Confidential: left out of the public edition.
    #[serde(default)]
    pub intern: bool,
    /// The OSL provision that makes the row confidential.
    #[serde(default)]
    pub sekretess: Option<String>,
}

/// One recommendation for improvement ("Rekommendation till förbättringar").
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// Stable identifier, unique in the report.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What is recommended.
    pub text: Markdown,
    /// How it is to be done ("Hur").
    #[serde(default, alias = "hur")]
    pub how: Option<Markdown>,
    /// Who does it ("Vem").
    #[serde(default, alias = "vem")]
    pub who: Option<Markdown>,
    /// How urgent it is ("Prioritet").
    #[serde(default, alias = "prioritet")]
    #[schemars(with = "Option<Priority>")]
    pub priority: Option<Spanned<Priority>>,
    /// Confidential: left out of the public edition.
    #[serde(default)]
    pub intern: bool,
    /// The OSL provision that makes the recommendation confidential.
    #[serde(default)]
    pub sekretess: Option<String>,
}

/// An appendix ("Bilaga"): a title and, unless it is only named, its content.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// Stable identifier, unique in the report.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The appendix title.
    pub title: String,
    /// Its content; empty means the appendix is a titled placeholder.
    #[serde(default)]
    pub content: Vec<Block>,
}
