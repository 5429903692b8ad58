//! Load stage: the data appendices — incident records (Bilaga 1) and the GAP analysis against
//! ISO/IEC 27001:2022 (Bilaga 2) — and the ISO/IEC 27001:2022 9.3.2 inputs sections address.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Markdown, ReportDate, Status, yes_no};

/// The incident categories used when a report names none.
pub const DEFAULT_INCIDENT_CATEGORIES: &[&str] = &[
    "Obehörig åtkomst",
    "Felaktig behandling av personuppgifter",
    "Nätfiske och bedrägeri",
    "Skadlig kod",
    "Förlust eller stöld av utrustning",
    "Felsänd information",
    "Driftstörning",
    "Övrigt",
];

/// Incident records and how they are categorised ("Sammanfattning av incidenter").
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incidents {
    /// The categories incidents are counted in; the default list when left out.
    #[serde(default)]
    pub categories: Option<Vec<String>>,
    /// The incidents.
    #[serde(default)]
    pub records: Vec<Incident>,
    /// A register export to read the incidents from instead of `records`: a `.csv` or `.xlsx`
    /// file in the report folder, one incident a row under a row of column headings.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<Spanned<String>>,
    /// The worksheet of an `.xlsx` file to read (default: the first).
    #[serde(default)]
    pub sheet: Option<String>,
    /// The column headings of the register, when not the default Swedish ones.
    #[serde(default)]
    pub columns: Box<RegisterColumns>,
    /// The months the summary covers, e.g. `{ from: 2023-01, to: 2023-07 }` for an appendix on
    /// "januari till juli": the table and chart per month show these months (and the month of
    /// any incident outside them). Without it: January to the month of the report's date.
    #[serde(default)]
    pub period: Option<Period>,
}

/// A span of months, both ends included.
#[derive(Clone, Copy, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first month (`YYYY-MM`, or a day in it).
    #[schemars(with = "super::ReportDate")]
    pub from: super::DateAt,
    /// The last month.
    #[schemars(with = "super::ReportDate")]
    pub to: super::DateAt,
}

/// Which column of a register export holds which field of an incident, by its heading. A
/// heading left out takes its default; `date`, `category` and `description` must be present in
/// the file, the others may be missing.
#[derive(Clone, Debug, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct RegisterColumns {
    /// The incident's id (default `Id`); a row without one gets `<file name>-<row>`.
    pub id: String,
    /// The date, as an Excel date or `YYYY-MM-DD` (default `Datum`).
    pub date: String,
    /// The category (default `Kategori`).
    pub category: String,
    /// What happened (default `Beskrivning`).
    pub description: String,
    /// What it led to (default `Konsekvens`).
    pub consequence: String,
    /// What was done (default `Åtgärder`).
    pub actions: String,
    /// Whether personal data was involved: ja/nej, x or blank (default `Personuppgiftsincident`).
    pub personal_data: String,
    /// Whether it was reported to IMY: ja/nej, x or blank (default `Anmäld till IMY`).
    pub reported_to_imy: String,
    /// Confidential: ja/nej, x or blank, or the OSL provision itself (default `Sekretess`).
    pub intern: String,
}

impl Default for RegisterColumns {
    fn default() -> Self {
        RegisterColumns {
            id: "Id".into(),
            date: "Datum".into(),
            category: "Kategori".into(),
            description: "Beskrivning".into(),
            consequence: "Konsekvens".into(),
            actions: "Åtgärder".into(),
            personal_data: "Personuppgiftsincident".into(),
            reported_to_imy: "Anmäld till IMY".into(),
            intern: "Sekretess".into(),
        }
    }
}

impl Incidents {
    /// The categories in force: the report's own, or the default list.
    pub fn categories(&self) -> Vec<String> {
        match &self.categories {
            Some(list) => list.clone(),
            None => DEFAULT_INCIDENT_CATEGORIES.iter().map(|c| c.to_string()).collect(),
        }
    }
}

/// One information-security incident.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Stable identifier, unique in the report.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// When it happened (or was reported).
    #[schemars(with = "ReportDate")]
    pub date: Spanned<ReportDate>,
    /// One of the categories.
    #[serde(alias = "kategori")]
    #[schemars(with = "String")]
    pub category: Spanned<String>,
    /// What happened, briefly.
    #[serde(alias = "beskrivning")]
    pub description: Markdown,
    /// What it led to.
    #[serde(default, alias = "konsekvens")]
    pub consequence: Option<Markdown>,
    /// What was done.
    #[serde(default, alias = "atgarder")]
    pub actions: Option<Markdown>,
    /// Whether personal data was involved (a personal data breach).
    #[serde(default, alias = "personuppgifter", deserialize_with = "yes_no::deserialize")]
    #[schemars(schema_with = "yes_no::schema")]
    pub personal_data: bool,
    /// Whether it was reported to IMY, the Swedish data protection authority.
    #[serde(default, alias = "anmald_till_imy", deserialize_with = "yes_no::deserialize")]
    #[schemars(schema_with = "yes_no::schema")]
    pub reported_to_imy: bool,
    /// Confidential: left out of the public edition and its counts.
    #[serde(default, deserialize_with = "yes_no::deserialize")]
    #[schemars(schema_with = "yes_no::schema")]
    pub intern: bool,
    /// The OSL provision that makes it confidential.
    #[serde(default)]
    pub sekretess: Option<String>,
}

/// A GAP analysis against ISO/IEC 27001:2022: the ISAM's assessment per requirement.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GapAnalysis {
    /// Assessed requirements; requirements left out are shown as not assessed.
    #[serde(default)]
    pub requirements: Vec<GapEntry>,
}

/// The assessment of one requirement of ISO/IEC 27001:2022.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GapEntry {
    /// The clause or Annex A theme, e.g. `6.1` or `A.8`.
    #[serde(alias = "krav")]
    #[schemars(with = "String")]
    pub clause: Spanned<String>,
    /// The current state ("nuläge").
    #[serde(default, alias = "nulage")]
    pub current_state: Option<Markdown>,
    /// The status.
    #[schemars(with = "Status")]
    pub status: Spanned<Status>,
    /// A comment.
    #[serde(default, alias = "kommentar")]
    pub comment: Option<Markdown>,
    /// The proposed action ("förslag på åtgärd").
    #[serde(default, alias = "atgard")]
    pub action: Option<Markdown>,
}

/// One requirement of ISO/IEC 27001:2022 as ledgen lists it: a clause of 4–10 or a theme of
/// Annex A, with a short Swedish title of our own wording.
#[derive(Debug, Clone, Copy)]
pub struct Requirement {
    /// `4.1` … `10.2`, or `A.5` … `A.8`.
    pub id: &'static str,
    /// The main clause it belongs to: `4` … `10`, or `A`.
    pub group: &'static str,
    /// Short title.
    pub title: &'static str,
}

/// The main clauses (and Annex A) with their short titles, in order.
pub const REQUIREMENT_GROUPS: &[(&str, &str)] = &[
    ("4", "Organisationens förutsättningar"),
    ("5", "Ledarskap"),
    ("6", "Planering"),
    ("7", "Stöd"),
    ("8", "Verksamhet"),
    ("9", "Utvärdering av prestanda"),
    ("10", "Förbättring"),
    ("A", "Bilaga A: säkerhetsåtgärder"),
];

const fn req(id: &'static str, group: &'static str, title: &'static str) -> Requirement {
    Requirement { id, group, title }
}

/// The requirements of ISO/IEC 27001:2022 clauses 4–10 and the four themes of Annex A.
pub const REQUIREMENTS: &[Requirement] = &[
    req("4.1", "4", "Organisationen och dess förutsättningar"),
    req("4.2", "4", "Intressenters behov och förväntningar"),
    req("4.3", "4", "Ledningssystemets omfattning"),
    req("4.4", "4", "Ledningssystem för informationssäkerhet"),
    req("5.1", "5", "Ledarskap och åtagande"),
    req("5.2", "5", "Informationssäkerhetspolicy"),
    req("5.3", "5", "Roller, ansvar och befogenheter"),
    req("6.1", "6", "Hantering av risker och möjligheter"),
    req("6.2", "6", "Mål för informationssäkerhet och planering för att nå dem"),
    req("6.3", "6", "Planering av ändringar"),
    req("7.1", "7", "Resurser"),
    req("7.2", "7", "Kompetens"),
    req("7.3", "7", "Medvetenhet"),
    req("7.4", "7", "Kommunikation"),
    req("7.5", "7", "Dokumenterad information"),
    req("8.1", "8", "Planering och styrning av verksamheten"),
    req("8.2", "8", "Riskbedömning"),
    req("8.3", "8", "Riskbehandling"),
    req("9.1", "9", "Övervakning, mätning, analys och utvärdering"),
    req("9.2", "9", "Internrevision"),
    req("9.3", "9", "Ledningens genomgång"),
    req("10.1", "10", "Ständig förbättring"),
    req("10.2", "10", "Avvikelser och korrigerande åtgärder"),
    req("A.5", "A", "Organisatoriska säkerhetsåtgärder"),
    req("A.6", "A", "Personrelaterade säkerhetsåtgärder"),
    req("A.7", "A", "Fysiska säkerhetsåtgärder"),
    req("A.8", "A", "Tekniska säkerhetsåtgärder"),
];

/// The requirement with this id.
pub fn requirement(id: &str) -> Option<&'static Requirement> {
    REQUIREMENTS.iter().find(|r| r.id == id.trim())
}

/// The inputs a management review must consider under ISO/IEC 27001:2022 9.3.2, a–g.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ReviewInput {
    /// a) status of actions from previous management reviews.
    A,
    /// b) changes in external and internal issues relevant to the ISMS.
    B,
    /// c) changes in needs and expectations of interested parties.
    C,
    /// d) feedback on information security performance: nonconformities and corrective
    /// actions, monitoring and measurement results, audit results, fulfilment of objectives.
    D,
    /// e) feedback from interested parties.
    E,
    /// f) results of risk assessment and status of the risk treatment plan.
    F,
    /// g) opportunities for continual improvement.
    G,
}

impl ReviewInput {
    /// All inputs, a–g.
    pub const ALL: [ReviewInput; 7] = [
        ReviewInput::A,
        ReviewInput::B,
        ReviewInput::C,
        ReviewInput::D,
        ReviewInput::E,
        ReviewInput::F,
        ReviewInput::G,
    ];

    /// The letter, as the standard lists it.
    pub fn letter(self) -> char {
        match self {
            ReviewInput::A => 'a',
            ReviewInput::B => 'b',
            ReviewInput::C => 'c',
            ReviewInput::D => 'd',
            ReviewInput::E => 'e',
            ReviewInput::F => 'f',
            ReviewInput::G => 'g',
        }
    }

    /// A short Swedish description of our own wording.
    pub fn description(self) -> &'static str {
        match self {
            ReviewInput::A => "Status för åtgärder från tidigare genomgångar",
            ReviewInput::B => {
                "Förändringar i externa och interna frågor som påverkar ledningssystemet"
            }
            ReviewInput::C => "Förändringar i intressenters behov och förväntningar",
            ReviewInput::D => {
                "Återkoppling om hur väl informationssäkerhetsarbetet fungerar: avvikelser och \
                 korrigerande åtgärder, resultat av övervakning och mätning, revisionsresultat och \
                 måluppfyllelse"
            }
            ReviewInput::E => "Återkoppling från intressenter",
            ReviewInput::F => "Resultat av riskbedömning och status för riskbehandlingsplanen",
            ReviewInput::G => "Möjligheter till ständig förbättring",
        }
    }
}
