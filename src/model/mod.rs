//! Load stage: the typed content model of a review (`content/<year>/*.yaml`), its loading and
//! validation. Nothing here knows about templates or output formats.

mod appendix;
mod brand;
mod glyphs;
mod lint;
mod load;
pub mod mask;
mod pixels;
mod register;
mod schema;
mod status;
mod workbook;
mod yaml;
mod years;
mod yes_no;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

pub use appendix::{
    DEFAULT_INCIDENT_CATEGORIES, GapAnalysis, GapEntry, Incident, Incidents, REQUIREMENT_GROUPS,
    REQUIREMENTS, RegisterColumns, Requirement, ReviewInput, requirement,
};
pub use brand::{Brand, BrandFont, DEFAULT_PRIMARY, Logo, Rgb, find as find_brand};
pub use glyphs::find_text;
pub use lint::{PLACEHOLDER_MARK, lint, uncovered};
#[cfg(test)]
pub(crate) use load::tests::stated_png;
pub use load::{Loaded, Sources, is_allowed_link, load_report, load_report_with_brand};
pub use pixels::{MAX_REPORT_PIXELS, decoded_pixels};
pub use schema::{schema_modeline, schemas};
pub use status::{Decision, Priority, Status};
pub use years::{
    WithHistory, content_years, ignored_year_folders, is_draft, load_with_history,
    load_with_history_and_brand, year_folder, years,
};

/// A whole review: its metadata and its sections in order.
#[derive(Debug, Clone)]
pub struct Report {
    /// The report's folder, e.g. `content/2023`.
    pub dir: PathBuf,
    /// `report.yaml`.
    pub meta: ReportMeta,
    /// The section files, in the order `report.yaml` lists them.
    pub sections: Vec<Section>,
    /// The images the report's Markdown shows, by their path in the Markdown.
    pub images: Images,
    /// The organisation's look, from the `_brand.yml` that applies to the report.
    pub brand: Option<Brand>,
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
    /// Every block of this section, its subsections and its appendices, in document order (see
    /// [`Report::blocks`]).
    pub fn blocks(&self) -> Vec<PlacedBlock<'_>> {
        let mut out = Vec::new();
        self.part.visit_placed_blocks(&mut |block, place| {
            out.push(PlacedBlock { section: self, block, place });
        });
        out
    }

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
    /// Returns what was left out, in document order.
    pub fn remove_internal(&mut self) -> Vec<LeftOut> {
        let left_out = self.internal();
        for section in &mut self.sections {
            section.part.remove_internal();
        }
        left_out
    }

    /// Calls `f` on every Markdown text of the report, with the file it is written in: the
    /// metadata's texts, then every block's in document order.
    pub fn visit_markdown_mut(&mut self, f: &mut dyn FnMut(&Path, &mut Markdown)) {
        let meta_path = self.dir.join("report.yaml");
        let meta = &mut self.meta;
        let revisions = meta.revision_history.iter_mut().map(|r| &mut r.description);
        let notes = meta.revision_note.iter_mut().chain(&mut meta.note);
        for text in meta.status_legend.values_mut().chain(revisions).chain(notes) {
            f(&meta_path, text);
        }
        for section in &mut self.sections {
            let path = &section.path;
            section.part.visit_blocks_mut(&mut |block| {
                block.kind.visit_markdown_mut(&mut |text| f(path, text));
            });
        }
    }

    /// Replaces every masked phrase (see [`mask`]) by `marker(provision)`, in every Markdown
    /// text and heading: for the public edition. Returns where each was, in document order.
    pub fn mask_phrases(&mut self, marker: &Marker<'_>) -> Vec<MaskedPhrase> {
        self.walk_masked_phrases(Some(marker))
    }

    /// Where the masked phrases are, in document order, changing nothing: for the full
    /// edition's marking and `check --public`. It takes the report mutably only because it
    /// shares [`Report::mask_phrases`]'s one walk over every Markdown text.
    pub fn find_masked_phrases(&mut self) -> Vec<MaskedPhrase> {
        self.walk_masked_phrases(None)
    }

    fn walk_masked_phrases(&mut self, marker: Option<&Marker<'_>>) -> Vec<MaskedPhrase> {
        let mut found = Vec::new();
        self.visit_markdown_mut(&mut |path, text| {
            for span in mask::spans(&text.text) {
                found.push(MaskedPhrase {
                    path: path.to_path_buf(),
                    line: text.line + text.text[..span.whole.start].matches('\n').count(),
                    phrase: plain_words(&text.text[span.phrase.clone()]),
                    provision: span.provision,
                });
            }
            if let Some(masked) = marker.and_then(|marker| mask::masked(&text.text, marker)) {
                text.text = masked;
            }
        });
        let Some(marker) = marker else { return found };
        for section in &mut self.sections {
            section.part.visit_titles_mut(&mut |title| {
                if let Some(masked) = mask::replace_plain(title, marker) {
                    *title = masked;
                }
            });
        }
        found
    }

    /// Everything the public edition leaves out, in document order: a whole block once (not
    /// each item in it), otherwise each row, recommendation or incident marked `intern`.
    pub fn internal(&self) -> Vec<LeftOut> {
        let mut out = Vec::new();
        for section in &self.sections {
            section.part.internal(&section.path, &mut out);
        }
        out
    }

    /// Numbers the recommendations 1, 2, … in document order, in the full edition, so that a
    /// recommendation keeps its number in the public edition and in later years' follow-ups.
    pub(crate) fn number_recommendations(&mut self) {
        let mut n = 0;
        for section in &mut self.sections {
            section.part.visit_blocks_mut(&mut |block| {
                if let BlockKind::Recommendations(list) = &mut block.kind {
                    for rec in list {
                        n += 1;
                        rec.number = n;
                    }
                }
            });
        }
    }

    /// Every block of the report, in document order, with the section (and so the file) it is
    /// in and its place: the blocks of each section, its subsections and its appendices. The one
    /// walk over the content that validation, lints, counts, the diff and `new` share.
    pub fn blocks(&self) -> Vec<PlacedBlock<'_>> {
        self.sections.iter().flat_map(Section::blocks).collect()
    }

    /// Every status row of the report (appendices included), in document order, with its table,
    /// where it stands and whether it is confidential there.
    pub fn placed_rows(&self) -> Vec<PlacedRow<'_>> {
        let mut out = Vec::new();
        for PlacedBlock { section, block, place } in self.blocks() {
            let BlockKind::Table(table) = &block.kind else { continue };
            for row in &table.rows {
                let (internal, sekretess) =
                    place.confidentiality(row.intern, row.sekretess.as_deref());
                out.push(PlacedRow { section, place, table, row, internal, sekretess });
            }
        }
        out
    }

    /// Every recommendation of the report (appendices included), in document order, with where
    /// it stands and whether it is confidential there.
    pub fn placed_recommendations(&self) -> Vec<PlacedRecommendation<'_>> {
        let mut out = Vec::new();
        for PlacedBlock { section, block, place } in self.blocks() {
            let BlockKind::Recommendations(list) = &block.kind else { continue };
            for recommendation in list {
                let (internal, sekretess) = place
                    .confidentiality(recommendation.intern, recommendation.sekretess.as_deref());
                out.push(PlacedRecommendation {
                    section,
                    place,
                    recommendation,
                    internal,
                    sekretess,
                });
            }
        }
        out
    }

    /// Every status table of the report, with the section it belongs to, in document order.
    pub fn tables(&self) -> Vec<(&Section, &StatusTable)> {
        self.blocks()
            .into_iter()
            .filter_map(|b| match &b.block.kind {
                BlockKind::Table(table) => Some((b.section, table)),
                _ => None,
            })
            .collect()
    }

    /// Every status row of the report, with the section it belongs to, in document order
    /// (appendices included).
    pub fn status_rows(&self) -> Vec<(&Section, &StatusRow)> {
        let tables = self.tables();
        tables
            .into_iter()
            .flat_map(|(section, table)| table.rows.iter().map(move |row| (section, row)))
            .collect()
    }

    /// Every recommendation of the report, with the section it belongs to, in document order
    /// (appendices included).
    pub fn recommendations(&self) -> Vec<(&Section, &Recommendation)> {
        self.blocks()
            .into_iter()
            .filter_map(|b| match &b.block.kind {
                BlockKind::Recommendations(list) => Some((b.section, list)),
                _ => None,
            })
            .flat_map(|(section, list)| list.iter().map(move |rec| (section, rec)))
            .collect()
    }
}

/// One block of the report with where it is: its section (and file) and its place under a
/// heading (see [`Report::blocks`]).
#[derive(Clone, Copy, Debug)]
pub struct PlacedBlock<'a> {
    /// The section the block is in.
    pub section: &'a Section,
    /// The block.
    pub block: &'a Block,
    /// The heading it is under, and whether it is confidential.
    pub place: Place<'a>,
}

/// A status row with where it stands (see [`Report::placed_rows`]).
#[derive(Clone, Copy, Debug)]
pub struct PlacedRow<'a> {
    /// The section the row is in.
    pub section: &'a Section,
    /// The heading it is under.
    pub place: Place<'a>,
    /// Its table.
    pub table: &'a StatusTable,
    /// The row.
    pub row: &'a StatusRow,
    /// Confidential, by its own marking or its place's.
    pub internal: bool,
    /// The provision that makes it confidential: its own, or its place's.
    pub sekretess: Option<&'a str>,
}

/// A recommendation with where it stands (see [`Report::placed_recommendations`]).
#[derive(Clone, Copy, Debug)]
pub struct PlacedRecommendation<'a> {
    /// The section the recommendation is in.
    pub section: &'a Section,
    /// The heading it is under.
    pub place: Place<'a>,
    /// The recommendation.
    pub recommendation: &'a Recommendation,
    /// Confidential, by its own marking or its place's.
    pub internal: bool,
    /// The provision that makes it confidential: its own, or its place's.
    pub sekretess: Option<&'a str>,
}

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

/// A date written as `YYYY-MM-DD`, or a year and month written as `YYYY-MM` when the day is not
/// known. The date field is the day itself, or the first of the month; the precision says which
/// was written, so the first of the month is never shown as if it were known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportDate(pub NaiveDate, pub DatePrecision);

/// How much of a [`ReportDate`] was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    /// Year, month and day: `YYYY-MM-DD`.
    Day,
    /// Year and month only: `YYYY-MM`.
    Month,
}

impl ReportDate {
    /// Reads `YYYY-MM-DD` or `YYYY-MM`, with a four-digit year from 1900 to 9999.
    pub fn parse(text: &str) -> Result<ReportDate, String> {
        let text = text.trim();
        let invalid =
            |why: &str| crate::tr!("date-invalid", text = text.to_string(), why = why.to_string());
        let expected = &crate::tr!("date-expected-format");
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let fields: Vec<&str> = text.split('-').collect();
        let (year, month, day) = match fields.as_slice() {
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => (*y, *m, Some(*d)),
            [y, m] if digits(y, 4) && digits(m, 2) => (*y, *m, None),
            _ => return Err(invalid(expected)),
        };
        // Only ASCII digits of fixed length reach here, so the numbers parse.
        let number = |s: &str| s.parse::<u32>().unwrap_or_default();
        let (year, month) = (number(year), number(month));
        if !(1900..=9999).contains(&year) {
            return Err(invalid(&crate::tr!("date-year-out-of-range")));
        }
        if !(1..=12).contains(&month) {
            return Err(invalid(&crate::tr!(
                "date-no-such-month",
                month = month.to_string(),
                year = year.to_string()
            )));
        }
        let year = i32::try_from(year).unwrap_or_default();
        match day {
            Some(day) => {
                let day = number(day);
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(|date| ReportDate(date, DatePrecision::Day))
                    .ok_or_else(|| invalid(&no_such_day(year, month, day)))
            }
            None => NaiveDate::from_ymd_opt(year, month, 1)
                .map(|date| ReportDate(date, DatePrecision::Month))
                .ok_or_else(|| invalid(expected)),
        }
    }
}

impl ReportDate {
    /// The last day the date stands for: the day itself, or the month's last day. A deadline
    /// written as a month runs to its end.
    pub fn last_day(self) -> NaiveDate {
        match self.1 {
            DatePrecision::Day => self.0,
            DatePrecision::Month => self
                .0
                .checked_add_months(chrono::Months::new(1))
                .and_then(|next| next.pred_opt())
                .unwrap_or(self.0),
        }
    }
}

/// Why day `day` of a month does not exist: "February 2023 has 28 days".
fn no_such_day(year: i32, month: u32, day: u32) -> String {
    if day == 0 {
        return crate::tr!("date-day-zero");
    }
    let days = (28..=31).rev().find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some());
    crate::tr!(
        "date-no-such-day",
        month = month.clamp(1, 12),
        year = year.to_string(),
        days = days.unwrap_or(28).to_string(),
        day = day.to_string()
    )
}

/// A [`ReportDate`] with the place it is written, for warnings about it; it reads as the date
/// itself (`*due`, `due.last_day()`), and two are equal when their dates are.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(from = "Spanned<ReportDate>")]
pub struct DateAt {
    /// The date.
    pub date: ReportDate,
    /// 1-based line of the date in its file (0 if unknown).
    pub line: usize,
    /// 1-based column of the date in its file (0 if unknown).
    pub column: usize,
}

impl From<Spanned<ReportDate>> for DateAt {
    fn from(spanned: Spanned<ReportDate>) -> Self {
        DateAt {
            date: spanned.value,
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
        }
    }
}

impl From<ReportDate> for DateAt {
    fn from(date: ReportDate) -> Self {
        DateAt { date, line: 0, column: 0 }
    }
}

impl From<DateAt> for ReportDate {
    fn from(at: DateAt) -> Self {
        at.date
    }
}

impl std::ops::Deref for DateAt {
    type Target = ReportDate;
    fn deref(&self) -> &ReportDate {
        &self.date
    }
}

impl PartialEq for DateAt {
    fn eq(&self, other: &Self) -> bool {
        self.date == other.date
    }
}

impl Eq for DateAt {}

impl std::fmt::Display for DateAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.date.fmt(f)
    }
}

impl std::fmt::Display for ReportDate {
    /// As written: `YYYY-MM-DD` or `YYYY-MM` (also valid in an HTML `datetime` attribute).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.1 {
            DatePrecision::Day => write!(f, "{}", self.0.format("%Y-%m-%d")),
            DatePrecision::Month => write!(f, "{}", self.0.format("%Y-%m")),
        }
    }
}

impl<'de> Deserialize<'de> for ReportDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ReportDate::parse(&text).map_err(serde::de::Error::custom)
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
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Abbreviation {
    /// The abbreviation, e.g. "ISAM".
    pub term: String,
    /// What it stands for.
    pub meaning: String,
}

/// What the public edition writes in place of a masked phrase, from its provision (if named).
pub type Marker<'a> = dyn Fn(Option<&str>) -> String + 'a;

/// A masked phrase the public edition replaced: where it was and under which provision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskedPhrase {
    /// The file it is written in.
    pub path: PathBuf,
    /// Its line in that file (that of its text when the line is not known more exactly).
    pub line: usize,
    /// The phrase, without its markup.
    pub phrase: String,
    /// The provision given with `osl="…"`, if any.
    pub provision: Option<String>,
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

/// The Markdown dialect of content files: CommonMark plus GitHub's strikethrough, tables and
/// footnotes. Every reader of a
/// Markdown field (validation, the writers in `crate::markdown`, plain-text labels and
/// comparisons) parses it here, so that what is checked is what is shown. It lives with the model,
/// which the writers already depend on, so that the two folders do not import each other.
pub fn markdown_parser(markdown: &str) -> pulldown_cmark::Parser<'_> {
    use pulldown_cmark::Options;
    let options =
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    pulldown_cmark::Parser::new_ext(markdown, options)
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
#[derive(Clone, Debug)]
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
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
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
    /// Put this part, its subsections included, on landscape pages in the PDF (for wide
    /// tables); the HTML page ignores it.
    #[serde(default)]
    pub landscape: bool,
}

impl Part {
    fn remove_internal(&mut self) {
        self.content.retain(|b| !b.intern);
        for block in &mut self.content {
            block.kind.remove_internal();
        }
        self.parts.iter_mut().for_each(Part::remove_internal);
    }

    fn internal(&self, path: &Path, out: &mut Vec<LeftOut>) {
        for block in &self.content {
            block.internal(path, out);
        }
        // The heading stays (so that heading numbers agree between the editions), bare.
        if !self.content.is_empty()
            && self.content.iter().all(|b| b.intern)
            && self.parts.is_empty()
        {
            out.push(LeftOut {
                kind: LeftOutKind::EmptiedSection,
                label: self.title.clone(),
                path: path.to_path_buf(),
                line: self.content[0].line,
                sekretess: None,
            });
        }
        for part in &self.parts {
            part.internal(path, out);
        }
    }

    /// Calls `f` on this part's heading and those of its subsections and appendices.
    fn visit_titles_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.title);
        for block in &mut self.content {
            if let BlockKind::Appendices(appendices) = &mut block.kind {
                appendices.iter_mut().for_each(|a| f(&mut a.title));
            }
        }
        self.parts.iter_mut().for_each(|part| part.visit_titles_mut(f));
    }

    /// [`Part::visit_placed_blocks`] with mutable blocks, in the same order.
    fn visit_blocks_mut(&mut self, f: &mut dyn FnMut(&mut Block)) {
        for block in &mut self.content {
            f(block);
            if let BlockKind::Appendices(appendices) = &mut block.kind {
                for appendix in appendices {
                    appendix.content.iter_mut().for_each(&mut *f);
                }
            }
        }
        for part in &mut self.parts {
            part.visit_blocks_mut(f);
        }
    }

    /// Calls `f` on every block of this part, its subsections and its appendices, in document
    /// order, with where the block is: the heading it is under and whether it is confidential,
    /// by its own marking or by that of the appendices block it is in. The walk behind
    /// [`Section::blocks`] and [`Report::blocks`], which every other module uses.
    fn visit_placed_blocks<'a>(&'a self, f: &mut dyn FnMut(&'a Block, Place<'a>)) {
        for block in &self.content {
            let place = Place {
                title: &self.title,
                intern: block.intern,
                sekretess: block.sekretess.as_deref(),
            };
            f(block, place);
            if let BlockKind::Appendices(appendices) = &block.kind {
                for appendix in appendices {
                    for inner in &appendix.content {
                        f(
                            inner,
                            Place {
                                title: &appendix.title,
                                intern: place.intern || inner.intern,
                                sekretess: inner.sekretess.as_deref().or(place.sekretess),
                            },
                        );
                    }
                }
            }
        }
        for part in &self.parts {
            part.visit_placed_blocks(f);
        }
    }
}

/// Where a block is: the heading it is under, and whether it is confidential through its own
/// marking or that of a block enclosing it.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    /// The title of the part or appendix the block is in.
    pub title: &'a str,
    /// Confidential: the block or the block enclosing it is `intern` or names a provision.
    pub intern: bool,
    /// The provision that makes it confidential, the block's own or the enclosing block's.
    pub sekretess: Option<&'a str>,
}

impl<'a> Place<'a> {
    /// Whether an item here is confidential, and under which provision: by its own marking
    /// (`intern`, or a `sekretess` provision) or by its place's; its own provision first.
    pub fn confidentiality(
        &self,
        intern: bool,
        sekretess: Option<&'a str>,
    ) -> (bool, Option<&'a str>) {
        let provision = sekretess.or(self.sekretess);
        (intern || self.intern || provision.is_some(), provision)
    }
}

/// One block of content under a heading, possibly confidential.
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "Spanned<RawBlock>")]
pub struct Block {
    /// What the block holds.
    pub kind: BlockKind,
    /// 1-based line of the block's first key in its file (0 if unknown).
    pub line: usize,
    /// Confidential under offentlighets- och sekretesslagen: left out of the public edition.
    pub intern: bool,
    /// The OSL provision that makes it confidential, e.g. "18 kap. 8 § OSL".
    pub sekretess: Option<String>,
}

/// What a block holds.
#[derive(Clone, Debug)]
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
    /// Calls `f` on every Markdown text of this block (not of the blocks in its appendices).
    fn visit_markdown_mut(&mut self, f: &mut dyn FnMut(&mut Markdown)) {
        match self {
            BlockKind::Text(text) => f(text),
            BlockKind::Table(table) => {
                for row in &mut table.rows {
                    row.cells.value.iter_mut().chain(&mut row.status_text).for_each(&mut *f);
                }
            }
            BlockKind::Recommendations(list) => {
                for rec in list {
                    f(&mut rec.text);
                    rec.how
                        .iter_mut()
                        .chain(&mut rec.who)
                        .chain(&mut rec.decision_note)
                        .for_each(&mut *f);
                }
            }
            BlockKind::Incidents(incidents) => {
                for record in &mut incidents.records {
                    f(&mut record.description);
                    record.consequence.iter_mut().chain(&mut record.actions).for_each(&mut *f);
                }
            }
            BlockKind::GapAnalysis(gap) => {
                for entry in &mut gap.requirements {
                    let texts = [&mut entry.current_state, &mut entry.comment, &mut entry.action];
                    texts.into_iter().flatten().for_each(&mut *f);
                }
            }
            BlockKind::Appendices(_) => {}
        }
    }
}

impl Block {
    /// Lists what of this block the public edition leaves out.
    fn internal(&self, path: &Path, out: &mut Vec<LeftOut>) {
        let entry = |kind, label: String, line: usize, sekretess: &Option<String>| LeftOut {
            kind,
            label,
            path: path.to_path_buf(),
            line,
            sekretess: sekretess.clone(),
        };
        if self.intern {
            let (kind, ids): (LeftOutKind, Vec<&str>) = match &self.kind {
                BlockKind::Text(text) => {
                    let line = if text.line > 0 { text.line } else { self.line };
                    out.push(entry(
                        LeftOutKind::TextBlock,
                        first_words(&text.text, 8),
                        line,
                        &self.sekretess,
                    ));
                    return;
                }
                BlockKind::Table(t) => {
                    (LeftOutKind::Table, t.rows.iter().map(|r| r.id.value.as_str()).collect())
                }
                BlockKind::Recommendations(list) => (
                    LeftOutKind::RecommendationsBlock,
                    list.iter().map(|r| r.id.value.as_str()).collect(),
                ),
                BlockKind::Appendices(list) => (
                    LeftOutKind::AppendicesBlock,
                    list.iter().map(|a| a.id.value.as_str()).collect(),
                ),
                BlockKind::Incidents(i) => (
                    LeftOutKind::IncidentsBlock,
                    i.records.iter().map(|r| r.id.value.as_str()).collect(),
                ),
                BlockKind::GapAnalysis(g) => (
                    LeftOutKind::GapAnalysisBlock,
                    g.requirements.iter().map(|r| r.clause.value.as_str()).collect(),
                ),
            };
            out.push(entry(kind, id_list(&ids), self.line, &self.sekretess));
            return;
        }
        let span = |id: &Spanned<String>| id.referenced.line() as usize;
        match &self.kind {
            BlockKind::Text(_) | BlockKind::GapAnalysis(_) => {}
            BlockKind::Table(table) => {
                for row in table.rows.iter().filter(|r| r.intern || r.sekretess.is_some()) {
                    let label = row.id.value.clone();
                    out.push(entry(LeftOutKind::StatusRow, label, span(&row.id), &row.sekretess));
                }
            }
            BlockKind::Recommendations(list) => {
                for rec in list.iter().filter(|r| r.intern || r.sekretess.is_some()) {
                    let label = rec.id.value.clone();
                    let kind = LeftOutKind::Recommendation;
                    out.push(entry(kind, label, span(&rec.id), &rec.sekretess));
                }
            }
            BlockKind::Incidents(incidents) => {
                for rec in incidents.records.iter().filter(|r| r.intern || r.sekretess.is_some()) {
                    let label = rec.id.value.clone();
                    out.push(entry(LeftOutKind::Incident, label, span(&rec.id), &rec.sekretess));
                }
            }
            BlockKind::Appendices(list) => {
                for block in list.iter().flat_map(|a| &a.content) {
                    block.internal(path, out);
                }
            }
        }
    }
}

/// Something the public edition leaves out, and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// What kind of item it is.
    pub kind: LeftOutKind,
    /// Its id; for a text block its first words; for a whole block the ids of its items.
    pub label: String,
    /// The content file it is written in.
    pub path: PathBuf,
    /// 1-based line in that file (0 if unknown).
    pub line: usize,
    /// The OSL provision given for it, if any.
    pub sekretess: Option<String>,
}

/// The kinds of item the public edition can leave out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOutKind {
    /// A Markdown text block.
    TextBlock,
    /// A whole status table.
    Table,
    /// A whole list of recommendations.
    RecommendationsBlock,
    /// A whole list of appendices.
    AppendicesBlock,
    /// A whole incident appendix.
    IncidentsBlock,
    /// A whole GAP analysis.
    GapAnalysisBlock,
    /// One row of a status table.
    StatusRow,
    /// One recommendation.
    Recommendation,
    /// One incident record.
    Incident,
    /// Not an item: a heading every block of which is left out, so that only the heading is
    /// left in the public edition.
    EmptiedSection,
}

impl LeftOutKind {
    /// What it is called in messages, in the user's language.
    pub fn name(self) -> String {
        match self {
            LeftOutKind::TextBlock => crate::tr!("left-out-text-block"),
            LeftOutKind::Table => crate::tr!("left-out-table"),
            LeftOutKind::RecommendationsBlock => crate::tr!("left-out-recommendations-block"),
            LeftOutKind::AppendicesBlock => crate::tr!("left-out-appendices-block"),
            LeftOutKind::IncidentsBlock => crate::tr!("left-out-incidents-block"),
            LeftOutKind::GapAnalysisBlock => crate::tr!("left-out-gap-analysis-block"),
            LeftOutKind::StatusRow => crate::tr!("left-out-status-row"),
            LeftOutKind::Recommendation => crate::tr!("left-out-recommendation"),
            LeftOutKind::Incident => crate::tr!("left-out-incident"),
            LeftOutKind::EmptiedSection => crate::tr!("left-out-section"),
        }
    }

    /// Whether a whole table or list is left out, which is seldom meant.
    pub fn is_whole_block(self) -> bool {
        matches!(
            self,
            LeftOutKind::Table
                | LeftOutKind::RecommendationsBlock
                | LeftOutKind::AppendicesBlock
                | LeftOutKind::IncidentsBlock
                | LeftOutKind::GapAnalysisBlock
        )
    }
}

/// Text as an id: lower-case ASCII letters, digits and single `-`; `fallback` when nothing is
/// left.
pub(crate) fn slug_or(value: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in value.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { fallback.into() } else { out }
}

/// Markdown reduced to its words, without markup, whitespace folded: for labels, comparisons
/// and messages.
pub fn plain_words(markdown: &str) -> String {
    let mut text = String::new();
    let shown = mask::for_display(markdown);
    for event in markdown_parser(shown.as_deref().unwrap_or(markdown)) {
        match event {
            // Raw HTML is text in this dialect: every writer shows it as written.
            pulldown_cmark::Event::Text(t)
            | pulldown_cmark::Event::Code(t)
            | pulldown_cmark::Event::Html(t)
            | pulldown_cmark::Event::InlineHtml(t) => text.push_str(&t),
            pulldown_cmark::Event::SoftBreak
            | pulldown_cmark::Event::HardBreak
            | pulldown_cmark::Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `n` words of Markdown text, without its markup, with "…" when there are more.
pub(crate) fn first_words(markdown: &str, n: usize) -> String {
    let text = plain_words(markdown);
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = words.iter().take(n).copied().collect::<Vec<_>>().join(" ");
    if words.len() > n {
        out.push_str(" …");
    }
    out
}

/// A list of ids for a message: "3: `a`, `b`, `c`", shortened after five.
fn id_list(ids: &[&str]) -> String {
    let mut shown: Vec<String> = ids.iter().take(5).map(|id| format!("`{id}`")).collect();
    if ids.len() > 5 {
        shown.push("…".into());
    }
    format!("{}: {}", ids.len(), shown.join(", "))
}

impl BlockKind {
    fn remove_internal(&mut self) {
        match self {
            BlockKind::Text(_) | BlockKind::GapAnalysis(_) => {}
            BlockKind::Incidents(incidents) => {
                incidents.records.retain(|r| !r.intern && r.sekretess.is_none());
            }
            BlockKind::Table(table) => table.rows.retain(|r| !r.intern && r.sekretess.is_none()),
            BlockKind::Recommendations(list) => {
                list.retain(|r| !r.intern && r.sekretess.is_none());
            }
            BlockKind::Appendices(list) => {
                for appendix in list {
                    appendix.content.retain(|b| !b.intern);
                    appendix.content.iter_mut().for_each(|b| b.kind.remove_internal());
                }
            }
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
    #[serde(default, deserialize_with = "yes_no::deserialize")]
    #[schemars(schema_with = "yes_no::schema")]
    intern: bool,
    #[serde(default)]
    sekretess: Option<String>,
}

impl TryFrom<Spanned<RawBlock>> for Block {
    type Error = String;

    fn try_from(spanned: Spanned<RawBlock>) -> Result<Self, String> {
        let line = spanned.referenced.line() as usize;
        let raw = spanned.value;
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
            return Err(crate::tr!("yaml-block-holds-one-kind", count = kinds.len()));
        }
        let kind = kinds.pop().expect("one kind");
        // Naming a provision means the block is confidential.
        let intern = raw.intern || raw.sekretess.is_some();
        Ok(Block { kind, line, intern, sekretess: raw.sekretess })
    }
}

/// A table whose last column is a coloured status cell.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
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
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
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
    /// Who is responsible for the action ("Ansvarig"); `ledgen new` copies it from the decided
    /// recommendation.
    #[serde(default)]
    pub owner: Option<String>,
    /// The deadline ("Klart senast"); past it without `grön`, the row is overdue.
    #[serde(default)]
    #[schemars(with = "Option<ReportDate>")]
    pub due: Option<DateAt>,
    /// Confidential: left out of the public edition.
    #[serde(default, deserialize_with = "yes_no::deserialize")]
    #[schemars(schema_with = "yes_no::schema")]
    pub intern: bool,
    /// The OSL provision that makes the row confidential.
    #[serde(default)]
    pub sekretess: Option<String>,
}

impl StatusRow {
    /// Whether the row's deadline has passed by `date` (the report's date, so that a build is
    /// the same whenever it runs) without the row being `grön`. A deadline given as a month
    /// passes at the end of that month.
    pub fn is_overdue(&self, date: NaiveDate) -> bool {
        let Some(due) = self.due else { return false };
        due.last_day() < date && self.status.value != Status::Green
    }
}

/// One recommendation for improvement ("Rekommendation till förbättringar").
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
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
    /// The id of an earlier year's recommendation that this one continues ("kvarstår").
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub follows: Option<Spanned<String>>,
    /// The management's decision on it ("Beslut"), once the meeting has taken one.
    #[serde(default)]
    #[schemars(with = "Option<Decision>")]
    pub decision: Option<Spanned<Decision>>,
    /// Who owns the action once decided ("Ansvarig").
    #[serde(default)]
    pub owner: Option<String>,
    /// The deadline the management set ("Klart senast").
    #[serde(default)]
    #[schemars(with = "Option<ReportDate>")]
    pub due: Option<DateAt>,
    /// What the management said with its decision, e.g. how it amended the recommendation.
    #[serde(default)]
    pub decision_note: Option<Markdown>,
    /// Confidential: left out of the public edition.
    #[serde(default, deserialize_with = "yes_no::deserialize")]
    #[schemars(schema_with = "yes_no::schema")]
    pub intern: bool,
    /// The OSL provision that makes the recommendation confidential.
    #[serde(default)]
    pub sekretess: Option<String>,
    /// Its number in the full edition, from 1 in document order; set after loading, and kept
    /// by the public edition so that both editions (and later follow-ups) agree.
    #[serde(skip)]
    pub number: usize,
}

/// An appendix ("Bilaga"): a title and, unless it is only named, its content.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_date_is_explained_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let en = in_language(UiLanguage::En, || ReportDate::parse("2023-02-30").unwrap_err());
        assert_eq!(
            en,
            "invalid date `2023-02-30`: February 2023 has 28 days, so there is no day 30"
        );
        let sv = in_language(UiLanguage::Sv, || ReportDate::parse("2023-02-30").unwrap_err());
        assert_eq!(
            sv,
            "ogiltigt datum `2023-02-30`: februari 2023 har 28 dagar, så dag 30 finns inte"
        );
        let en = in_language(UiLanguage::En, || ReportDate::parse("2023-12-32").unwrap_err());
        assert!(en.contains("December 2023 has 31 days"), "{en}");
        let sv = in_language(UiLanguage::Sv, || ReportDate::parse("2023-13-01").unwrap_err());
        assert_eq!(
            sv,
            "ogiltigt datum `2023-13-01`: månad 13 finns inte; månaden skrivs 01 till 12, till \
             exempel 2023-09-15"
        );
    }

    fn parse(text: &str) -> Result<ReportDate, String> {
        ReportDate::parse(text)
    }

    #[test]
    fn reads_a_full_date() {
        let date = parse("2023-08-25").unwrap();
        assert_eq!(
            date,
            ReportDate(NaiveDate::from_ymd_opt(2023, 8, 25).unwrap(), DatePrecision::Day)
        );
        assert_eq!(date.to_string(), "2023-08-25");
    }

    #[test]
    fn reads_a_year_and_month_as_the_first_of_the_month() {
        let date = parse("2022-12").unwrap();
        assert_eq!(
            date,
            ReportDate(NaiveDate::from_ymd_opt(2022, 12, 1).unwrap(), DatePrecision::Month)
        );
        // Shown as written, never with the first of the month as if the day were known.
        assert_eq!(date.to_string(), "2022-12");
    }

    #[test]
    fn requires_a_four_digit_year() {
        for text in
            ["+10000-09-12", "10000-09-12", "-2023-08-25", "+2023-08-25", "023-08-25", "23-08"]
        {
            let error = parse(text).unwrap_err();
            assert!(error.contains(&format!("`{text}`")), "{error}");
            assert!(error.contains("expected YYYY-MM-DD, or YYYY-MM"), "{error}");
        }
    }

    // `+10000-09-12` used to pass and make the PDF stage panic: years stay within 1900–9999.
    #[test]
    fn rejects_years_outside_1900_to_9999() {
        for text in ["1899-12-31", "0000-01-01", "1899-12"] {
            let error = parse(text).unwrap_err();
            assert!(error.contains(&format!("invalid date `{text}`")), "{error}");
            assert!(error.contains("the year must be from 1900 to 9999"), "{error}");
        }
        assert!(parse("1900-01-01").is_ok());
        assert!(parse("9999-12-31").is_ok());
    }

    #[test]
    fn rejects_impossible_months_and_days_with_a_clear_message() {
        let error = parse("2023-13-01").unwrap_err();
        assert_eq!(
            error,
            "invalid date `2023-13-01`: month 13 does not exist; the month is written 01 to 12, \
             e.g. 2023-09-15"
        );
        let error = parse("2023-13").unwrap_err();
        assert!(error.starts_with("invalid date `2023-13`: month 13 does not exist"), "{error}");
        let error = parse("2023-00").unwrap_err();
        assert!(error.starts_with("invalid date `2023-00`: month 0 does not exist"), "{error}");
        let error = parse("2023-02-30").unwrap_err();
        assert_eq!(
            error,
            "invalid date `2023-02-30`: February 2023 has 28 days, so there is no day 30"
        );
        let error = parse("2024-02-30").unwrap_err();
        assert_eq!(
            error,
            "invalid date `2024-02-30`: February 2024 has 29 days, so there is no day 30"
        );
        let error = parse("2023-04-31").unwrap_err();
        assert!(error.ends_with("April 2023 has 30 days, so there is no day 31"), "{error}");
        let error = parse("2023-04-00").unwrap_err();
        assert!(error.ends_with("day 00 does not exist; the day is written 01 to 31"), "{error}");
        assert!(parse("2024-02-29").is_ok());
    }

    #[test]
    fn rejects_other_shapes() {
        for text in [
            "2023",
            "2023-8-25",
            "2023-08-5",
            "2023/08/25",
            "25 augusti 2023",
            "",
            "2023-08-25T10:00",
        ] {
            let error = parse(text).unwrap_err();
            assert!(error.contains("expected YYYY-MM-DD, or YYYY-MM"), "{error}");
        }
    }

    fn part(yaml: &str) -> Result<Part, serde_saphyr::Error> {
        serde_saphyr::from_str(yaml)
    }

    const PART: &str = "title: T
content:
  - text: Öppen text.
  - intern: true
    recommendations:
      - id: r1
        text: Ett.
      - id: r2
        text: Två.
  - table:
      columns: [A]
      rows:
        - id: row-1
          cells: [x]
          status: grön
        - id: row-2
          cells: [y]
          status: gul
          sekretess: 18 kap. 8 § OSL
";

    #[test]
    fn a_block_knows_the_line_of_its_first_key() {
        let part = part(PART).unwrap();
        let lines: Vec<usize> = part.content.iter().map(|b| b.line).collect();
        assert_eq!(lines, [3, 4, 10]);
    }

    #[test]
    fn blocks_walk_subsections_and_appendices_in_document_order() {
        let yaml = "title: S
content:
  - text: Först.
  - sekretess: 18 kap. 8 § OSL
    appendices:
      - id: b1
        title: Bilaga
        content:
          - recommendations:
              - id: r1
                text: Ett.
parts:
  - title: Under
    content:
      - table:
          columns: [A]
          rows:
            - id: row-1
              cells: [x]
              status: grön
";
        let section = Section {
            name: "s".into(),
            kind: SectionKind::Introduction,
            path: PathBuf::from("s.yaml"),
            part: part(yaml).unwrap(),
        };
        let blocks = section.blocks();
        let placed: Vec<(&str, bool, usize)> =
            blocks.iter().map(|b| (b.place.title, b.place.intern, b.block.line)).collect();
        assert_eq!(
            placed,
            [("S", false, 3), ("S", true, 4), ("Bilaga", true, 9), ("Under", false, 15)]
        );
        assert!(blocks.iter().all(|b| b.section.path == Path::new("s.yaml")));
        // The recommendation inside the appendix is found, and keeps the enclosing provision.
        assert_eq!(blocks[2].place.sekretess, Some("18 kap. 8 § OSL"));
    }

    // Regression: labels and comparisons parsed Markdown without strikethrough, so a struck
    // word kept its tildes in plain text while the report showed it struck.
    #[test]
    fn plain_words_read_the_same_dialect_as_the_writers() {
        assert_eq!(plain_words("~~gammal~~ ny *text*"), "gammal ny text");
        // The writers show raw HTML as text, and so do the labels made from it.
        assert_eq!(plain_words("<b>Hur</b> #link(\"x\")"), "<b>Hur</b> #link(\"x\")");
    }

    #[test]
    fn a_misspelt_block_key_is_still_refused() {
        let error = part("title: T\ncontent:\n  - text: a\n    interm: true\n").unwrap_err();
        assert!(error.to_string().contains("interm"), "{error}");
    }

    #[test]
    fn internal_lists_a_whole_block_once_and_single_items_by_id() {
        let part = part(PART).unwrap();
        let mut out = Vec::new();
        part.internal(Path::new("s.yaml"), &mut out);
        let listed: Vec<(LeftOutKind, &str, usize)> =
            out.iter().map(|l| (l.kind, l.label.as_str(), l.line)).collect();
        assert_eq!(
            listed,
            [
                (LeftOutKind::RecommendationsBlock, "2: `r1`, `r2`", 4),
                (LeftOutKind::StatusRow, "row-2", 16),
            ]
        );
        assert_eq!(out[1].sekretess.as_deref(), Some("18 kap. 8 § OSL"));
    }

    #[test]
    fn a_heading_whose_every_block_is_internal_is_reported() {
        let part = part("title: Hemligt\ncontent:\n  - text: a\n    intern: true\n").unwrap();
        let mut out = Vec::new();
        part.internal(Path::new("s.yaml"), &mut out);
        let kinds: Vec<LeftOutKind> = out.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LeftOutKind::TextBlock, LeftOutKind::EmptiedSection]);
        assert_eq!((out[1].label.as_str(), out[1].line), ("Hemligt", 3));
    }

    #[test]
    fn a_row_is_overdue_past_its_deadline_unless_green() {
        let row = |status: &str, due: &str| -> StatusRow {
            serde_saphyr::from_str(&format!(
                "id: r\ncells: [x]\nstatus: {status}\ndue: \"{due}\"\n"
            ))
            .unwrap()
        };
        let date = NaiveDate::from_ymd_opt(2024, 9, 12).unwrap();
        assert!(row("gul", "2024-06-30").is_overdue(date));
        assert!(row("ej bedömd", "2024-09-11").is_overdue(date));
        assert!(!row("gul", "2024-09-12").is_overdue(date), "due on the report's date");
        assert!(!row("grön", "2024-06-30").is_overdue(date));
        // A month runs to its end.
        assert!(!row("röd", "2024-09").is_overdue(date));
        assert!(row("röd", "2024-08").is_overdue(date));
    }

    #[test]
    fn first_words_drops_markup_and_shortens() {
        assert_eq!(first_words("**Detaljer** om `X` och mer text här", 4), "Detaljer om X och …");
        assert_eq!(first_words("Kort.", 8), "Kort.");
    }
}
