//! The words of the report itself (headings, labels, status words), per language, in one place.
//! Templates read them from the view as `labels.*`; content never needs to repeat them.

use serde::Serialize;

use crate::diff::{ChangeKind, RecommendationState};
use crate::model::{Decision, Language, Priority, Status};

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
    /// Heading of the generated overview of changes since the previous year.
    pub changes_heading: &'static str,
    /// Column heading of the change column, and the label of a row's change marker.
    pub change: &'static str,
    /// Marker of a confidential item.
    pub intern: &'static str,
    /// Title-page and header note of the public edition.
    pub public_edition: &'static str,
    /// Explains what the public edition leaves out.
    pub public_edition_note: &'static str,
    /// Title-page and header note of the internal (full) edition.
    pub internal_edition: &'static str,
    /// Explains that the internal edition may hold confidential items.
    pub internal_edition_note: &'static str,
    /// An earlier recommendation followed up only by confidential rows, in the public edition.
    pub followed_up_withheld: &'static str,
    /// The watermark on every page of a draft.
    pub draft_watermark: &'static str,
    /// The banner at the top of a draft's HTML page.
    pub draft_banner: &'static str,
    /// Explains what a draft is.
    pub draft_note: &'static str,
    /// Heading of the note to the reader about the document ("Om dokumentet").
    pub note: &'static str,
    /// "Count" column heading.
    pub count: &'static str,
    /// Heading of the list of rows whose status got worse.
    pub regressions: &'static str,
    /// Heading of the generated status overview.
    pub status_overview: &'static str,
    /// Caption of the status overview chart.
    pub status_overview_caption: &'static str,
    /// "Section" column heading.
    pub section: &'static str,
    /// "Total".
    pub total: &'static str,
    /// Supplement of chart figures ("Diagram 1").
    pub chart: &'static str,
    /// Caption of the incidents-per-category chart.
    pub incidents_per_category: &'static str,
    /// Caption of the incidents-per-month chart.
    pub incidents_per_month: &'static str,
    /// "Category".
    pub category: &'static str,
    /// "Month".
    pub month: &'static str,
    /// Heading of the incident list.
    pub incident_list: &'static str,
    /// Incident column: consequence.
    pub consequence: &'static str,
    /// Incident column: actions.
    pub actions: &'static str,
    /// Incident column: personal data involved.
    pub personal_data: &'static str,
    /// Incident column: reported to IMY.
    pub reported_to_imy: &'static str,
    /// "Yes".
    pub yes: &'static str,
    /// "No".
    pub no: &'static str,
    /// Shown when an incident appendix has no records.
    pub no_incidents: &'static str,
    /// Before a changed text's earlier version, in `diff`.
    pub text_before: &'static str,
    /// Before a changed text's later version, in `diff`.
    pub text_after: &'static str,
    /// The row that counts confidential items whose category or month is not shown.
    pub confidential_count: &'static str,
    /// GAP column: the requirement.
    pub requirement: &'static str,
    /// GAP column: current state.
    pub current_state: &'static str,
    /// GAP column: comment.
    pub comment: &'static str,
    /// GAP column: proposed action.
    pub proposed_action: &'static str,
    /// Caption of the GAP summary chart.
    pub gap_caption: &'static str,
    /// Heading of the GAP requirement list.
    pub gap_details: &'static str,
    /// Heading of the generated 9.3.2 coverage table.
    pub coverage: &'static str,
    /// Coverage column: the input.
    pub review_input: &'static str,
    /// Coverage column: the sections addressing it.
    pub addressed_in: &'static str,
    /// Shown for an input no section addresses.
    pub not_addressed: &'static str,
    /// Action plan export, column: recommendation or status row.
    pub export_kind: &'static str,
    /// Action plan export, column: the report's year.
    pub export_year: &'static str,
    /// Action plan export, column: the recommendation's number.
    pub export_number: &'static str,
    /// Action plan export, column: the item's id.
    pub export_id: &'static str,
    /// Action plan export, column: the text.
    pub export_text: &'static str,
    /// Action plan export, column: a row's status text.
    pub export_status_text: &'static str,
    /// Action plan export, column: the management's decision.
    pub export_decision: &'static str,
    /// Action plan export, column: who owns the action.
    pub export_owner: &'static str,
    /// Action plan export, column: the deadline.
    pub export_due: &'static str,
    /// Action plan export, column: confidentiality.
    pub export_confidential: &'static str,
    /// Action plan export: the kind of an open status row.
    pub export_status_row: &'static str,
    /// Action plan export: the worksheet's name, before the year.
    pub export_sheet: &'static str,
    /// Heading of the generated section of the management's decisions.
    pub decisions_heading: &'static str,
    /// Decisions column: the decision.
    pub decision: &'static str,
    /// Decisions column and status cell: who is responsible.
    pub owner: &'static str,
    /// Decisions column: the deadline.
    pub due: &'static str,
    /// Shown for a recommendation the management has not decided on.
    pub no_decision: &'static str,
    /// Heading of the list of who attended the meeting.
    pub attendees: &'static str,
    /// "Meeting date".
    pub meeting_date: &'static str,
    /// Attendees column: the name.
    pub name: &'static str,
    /// Attendees column: the role.
    pub role: &'static str,
    /// Heading of the approval block at the end of the report.
    pub approval: &'static str,
    /// Title-page label: who approved the report.
    pub approved_by: &'static str,
    /// Title-page label: when it was approved.
    pub approved_on: &'static str,
    /// Title-page label: the registration number (diarienummer).
    pub registration_number: &'static str,
    /// Overview of several organisations: caption of the status chart per year.
    pub overview_status_caption: &'static str,
    /// Overview: heading of the figures per year.
    pub overview_figures: &'static str,
    /// Overview column: the year.
    pub overview_year: &'static str,
    /// Overview column: status rows per status.
    pub overview_statuses: &'static str,
    /// Overview column: rows that improved since the year before.
    pub overview_improved: &'static str,
    /// Overview column: rows that got worse since the year before.
    pub overview_worsened: &'static str,
    /// Overview column: open high-priority recommendations.
    pub overview_open_high: &'static str,
    /// Overview column: follow-ups past their deadline.
    pub overview_overdue: &'static str,
    /// Overview column: incidents.
    pub overview_incidents: &'static str,
    /// Overview: heading of the matrix of shared rows.
    pub overview_shared: &'static str,
    /// Overview: the lead-in of the matrix of shared rows.
    pub overview_shared_intro: &'static str,
    /// Overview: a shared row that an organisation does not have.
    pub overview_missing: &'static str,
    /// Overview: a report that could not be read.
    pub overview_failed: &'static str,
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
    legend_intro: "Varje rad har en status som visas med färg, symbol och ord:",
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
    changes_heading: "Förändringar sedan föregående år",
    change: "Förändring",
    intern: "Intern",
    public_edition: "Publik version",
    public_edition_note: "Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) har utelämnats i denna version.",
    internal_edition: "Intern version",
    internal_edition_note: "Innehåller uppgifter som kan omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL). Ska inte publiceras.",
    followed_up_withheld: "Följs upp (uppgifterna omfattas av sekretess och redovisas inte här)",
    draft_watermark: "UTKAST",
    draft_banner: "Utkast – inte fastställd",
    draft_note: "Rapporten är ett utkast och har ännu inte fastställts av ledningen.",
    note: "Om dokumentet",
    count: "Antal",
    regressions: "Försämrad status",
    status_overview: "Statusöversikt",
    status_overview_caption: "Bedömda rader per status och avsnitt",
    section: "Avsnitt",
    total: "Totalt",
    chart: "Diagram",
    incidents_per_category: "Incidenter per kategori",
    incidents_per_month: "Incidenter per månad",
    category: "Kategori",
    month: "Månad",
    incident_list: "Incidenter",
    consequence: "Konsekvens",
    actions: "Åtgärder",
    personal_data: "Personuppgifter",
    reported_to_imy: "Anmäld till IMY",
    yes: "Ja",
    no: "Nej",
    no_incidents: "Inga incidenter har registrerats.",
    text_before: "Före",
    text_after: "Nu",
    confidential_count: "Omfattas av sekretess",
    requirement: "Krav",
    current_state: "Nuläge",
    comment: "Kommentar",
    proposed_action: "Förslag på åtgärd",
    gap_caption: "Krav i ISO/IEC 27001:2022 per status och huvudavsnitt",
    gap_details: "Bedömning per krav",
    coverage: "Underlag enligt ISO/IEC 27001:2022 9.3.2",
    review_input: "Underlag",
    addressed_in: "Behandlas i",
    not_addressed: "Behandlas inte",

    export_kind: "Typ",
    export_year: "År",
    export_number: "Nr",
    export_id: "Id",
    export_text: "Text",
    export_status_text: "Statustext",
    export_decision: "Beslut",
    export_owner: "Ägare",
    export_due: "Klart senast",
    export_confidential: "Sekretess",
    export_status_row: "Statusrad",
    export_sheet: "Åtgärdsplan",

    decisions_heading: "Beslut",
    decision: "Beslut",
    owner: "Ansvarig",
    due: "Klart senast",
    no_decision: "Beslut saknas",
    attendees: "Närvarande",
    meeting_date: "Mötesdatum",
    name: "Namn",
    role: "Roll",
    approval: "Fastställande",
    approved_by: "Fastställd av",
    approved_on: "Fastställd",
    registration_number: "Diarienummer",

    overview_status_caption: "Bedömda rader per status och år",
    overview_figures: "Nyckeltal per år",
    overview_year: "År",
    overview_statuses: "Grön / gul / röd / ej bedömd",
    overview_improved: "Förbättrade",
    overview_worsened: "Försämrade",
    overview_open_high: "Öppna rekommendationer, hög prioritet",
    overview_overdue: "Försenade uppföljningar",
    overview_incidents: "Incidenter",
    overview_shared: "Gemensamma rader",
    overview_shared_intro: "Rader som finns hos flera organisationer, med status från respektive organisations senaste genomgång.",
    overview_missing: "Saknas",
    overview_failed: "Kunde inte läsas",
};

/// The name of a month (1–12).
pub fn month_name(language: Language, month: u32) -> &'static str {
    const SV: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    match language {
        Language::Sv => SV[(month.clamp(1, 12) - 1) as usize],
    }
}

/// A date in running text, as a registrar writes it: "26 september 2024", or "september 2024"
/// when only the month is known.
pub fn date_in_prose(language: Language, date: chrono::NaiveDate, day_known: bool) -> String {
    use chrono::Datelike;
    let month = month_name(language, date.month());
    match language {
        Language::Sv if day_known => format!("{} {month} {}", date.day(), date.year()),
        Language::Sv => format!("{month} {}", date.year()),
    }
}

/// `who` as written mid-sentence: a leading role in lower case when a name follows it
/// ("Förvaltningsdirektör Kim Ek" → "förvaltningsdirektör Kim Ek"); `roles` are the roles the
/// report names elsewhere. A body's name ("Kommunstyrelsen") stays as written.
pub fn role_mid_sentence(language: Language, who: &str, roles: &[&str]) -> String {
    const ROLE_ENDINGS: &[&str] =
        &["direktör", "chef", "ordförande", "samordnare", "ombud", "ansvarig", "sekreterare"];
    let Some((first, rest)) = who.trim().split_once(' ') else { return who.to_string() };
    let lower = first.to_lowercase();
    let is_role = match language {
        Language::Sv => {
            roles.iter().any(|r| r.trim().to_lowercase() == lower)
                || ROLE_ENDINGS.iter().any(|e| lower.ends_with(e))
        }
    };
    if is_role && first.chars().next().is_some_and(char::is_uppercase) {
        format!("{lower} {rest}")
    } else {
        who.to_string()
    }
}

/// A count in running Swedish text, for a noun of common gender ("en rad", "en incident"): in
/// words up to twelve, as Swedish style writes them, and "inga"/"ingen" for zero.
fn sv_count(n: usize, zero: &str) -> String {
    const WORDS: [&str; 13] =
        ["", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];
    match n {
        0 => zero.to_string(),
        1..=12 => WORDS[n].to_string(),
        _ => n.to_string(),
    }
}

/// The text with its first letter in upper case, to start a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

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
    match language {
        Language::Sv => match total {
            0 => "Inga incidenter har registrerats.".into(),
            1 => {
                let rest = match (personal > 0, imy > 0) {
                    (true, true) => "Den rörde personuppgifter och anmäldes till IMY.",
                    (true, false) => "Den rörde personuppgifter men anmäldes inte till IMY.",
                    (false, true) => "Den rörde inte personuppgifter men anmäldes till IMY.",
                    (false, false) => "Den rörde inte personuppgifter.",
                };
                let secret = if confidential > 0 { ", som omfattas av sekretess," } else { "" };
                format!("En incident{secret} har registrerats. {rest}")
            }
            _ => {
                // A sentence never starts with a digit: above twelve, the count moves inside.
                let first = if total <= 12 {
                    format!("{} incidenter har registrerats", capitalised(&sv_count(total, "")))
                } else {
                    format!("Totalt har {total} incidenter registrerats")
                };
                let secret = match confidential {
                    0 => String::new(),
                    n if n == total => ", samtliga omfattas av sekretess".to_string(),
                    n => format!(", varav {} omfattas av sekretess", sv_count(n, "")),
                };
                let rest = if personal == 0 && imy == 0 {
                    "Ingen av dem rörde personuppgifter eller anmäldes till IMY.".to_string()
                } else {
                    format!(
                        "Av dem rörde {} personuppgifter och {} anmäldes till IMY.",
                        sv_count(personal, "ingen"),
                        sv_count(imy, "ingen")
                    )
                };
                format!("{first}{secret}. {rest}")
            }
        },
    }
}

/// "varav 10 med ändrad text": of the rows whose status stayed, those whose text changed.
pub fn text_changed_note(language: Language, n: usize) -> String {
    match language {
        Language::Sv => format!("varav {n} med ändrad text"),
    }
}

/// The sentence the public edition shows in place of a table, list or subsection whose every
/// item is confidential.
pub fn withheld_part(
    language: Language,
    kind: crate::view::EmptiedKind,
    provision: Option<&str>,
) -> String {
    use crate::view::EmptiedKind;
    match language {
        Language::Sv => {
            let what = match kind {
                // The subsection's own heading is left out with it.
                EmptiedKind::Part => "Ett avsnitt här".to_string(),
                EmptiedKind::Section => "Uppgifterna i detta avsnitt".to_string(),
                EmptiedKind::Table => "Tabellens uppgifter".to_string(),
                EmptiedKind::Recommendations => "Rekommendationerna här".to_string(),
            };
            let law = match provision.map(str::trim).filter(|p| !p.is_empty()) {
                Some(p) => format!("enligt {p}"),
                None => "enligt offentlighets- och sekretesslagen".to_string(),
            };
            format!("{what} omfattas av sekretess {law} och redovisas inte i den här versionen.")
        }
    }
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
    match language {
        Language::Sv => {
            let one = confidential == 1;
            let counted = if total == 1 {
                "Raden omfattas av sekretess".to_string()
            } else {
                format!(
                    "Av de {total} raderna omfattas {} av sekretess",
                    sv_count(confidential, "")
                )
            };
            let shown = match (public, one) {
                (true, true) => "; den räknas med här men redovisas inte i den här versionen",
                (true, false) => "; de räknas med här men redovisas inte i den här versionen",
                (false, true) => " och är markerad Intern",
                (false, false) => " och är markerade Intern",
            };
            Some(format!("{counted}{shown}."))
        }
    }
}

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
    let (symbol, word, counted, counted_one) = match (language, change) {
        (Language::Sv, ChangeKind::Improved) => ("▲", "Förbättrad", "förbättrade", "förbättrad"),
        (Language::Sv, ChangeKind::Regressed) => ("▼", "Försämrad", "försämrade", "försämrad"),
        (Language::Sv, ChangeKind::Reassessed) => ("↻", "Ombedömd", "ombedömda", "ombedömd"),
        (Language::Sv, ChangeKind::TextChanged) => {
            ("~", "Ändrad text", "med ändrad text", "med ändrad text")
        }
        (Language::Sv, ChangeKind::Unchanged) => ("=", "Oförändrad", "oförändrade", "oförändrad"),
        (Language::Sv, ChangeKind::Added) => ("+", "Ny", "nya", "ny"),
        (Language::Sv, ChangeKind::Removed) => ("−", "Borttagen", "borttagna", "borttagen"),
        (Language::Sv, ChangeKind::FollowsUp) => {
            ("↳", "Uppföljning", "uppföljningar", "uppföljning")
        }
    };
    ChangeWords { symbol, word, counted, counted_one }
}

/// A status change as the detail of a change marker: "gul → grön".
pub fn status_change(language: Language, old: Status, new: Status) -> String {
    let inline = |status: Status| match (language, status) {
        (Language::Sv, Status::Green) => "grön",
        (Language::Sv, Status::Yellow) => "gul",
        (Language::Sv, Status::Red) => "röd",
        (Language::Sv, Status::NotAssessed) => "ej bedömd",
    };
    format!("{} → {}", inline(old), inline(new))
}

/// What a newer recommendation is compared with the earlier report: "Ny", or "Kvarstår (från
/// rek-2023-04, med omformulerad text)" (which one only when it may be named).
pub fn recommendation_state(
    language: Language,
    state: RecommendationState,
    earlier_id: Option<&str>,
    similarity: Option<f32>,
) -> String {
    match (language, state) {
        (_, RecommendationState::New) => change_words(language, ChangeKind::Added).word.into(),
        (Language::Sv, RecommendationState::Remains) => match (earlier_id, similarity) {
            (Some(id), Some(_)) => format!("Kvarstår (från {id}, med omformulerad text)"),
            (Some(id), None) => format!("Kvarstår (från {id})"),
            (None, _) => "Kvarstår".into(),
        },
    }
}

/// The note on a row paired with last year's by its text: "(tidigare lag-ssl, med omformulerad
/// text)".
pub fn earlier_match(language: Language, old_id: &str) -> String {
    match language {
        // A board reads that the row is last year's, reworded; the similarity is in the JSON.
        Language::Sv => format!("(tidigare {old_id}, med omformulerad text)"),
    }
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
    match language {
        Language::Sv => DiffTexts {
            heading: format!("Ledningens genomgång {old_year} → {new_year}"),
            title: format!("Förändringar {old_year} → {new_year}"),
            overview: "Översikt",
            row: "Rad",
            id: "Id",
            earlier_recommendations: format!("Rekommendationer från {old_year}"),
            recommendations: format!("Rekommendationer {new_year}"),
            follow_up_column: format!("Uppföljning {new_year}"),
            compared_column: format!("Jämfört med {old_year}"),
            followed_up_in: "följs upp i",
            not_followed_up: "följs inte upp",
            followed_up_count: format!(
                "Rekommendationer från {old_year}: {followed_up} av {total} följs upp"
            ),
        },
    }
}

/// What `ledgen history` says of a row that follows a recommendation up: "uppföljning X".
pub fn history_follow_up(language: Language, row_id: &str) -> String {
    match language {
        // The change marker's word, in running text.
        Language::Sv => {
            let word = change_words(language, ChangeKind::FollowsUp).word.to_lowercase();
            format!("{word} {row_id}")
        }
    }
}

/// A deadline in running text: "klart senast 2024-06-30".
pub fn due_by(language: Language, due: &str) -> String {
    match language {
        Language::Sv => format!("klart senast {due}"),
    }
}

/// What `ledgen history` says of a recommendation: "rekommendation, prioritet Medel, beslut
/// ändrad (Ansvarig: Objektägare, klart senast 2025-06-30)".
pub fn history_recommendation(
    language: Language,
    priority: Option<Priority>,
    decision: Option<Decision>,
    owner_due: Option<&str>,
) -> String {
    match language {
        Language::Sv => {
            let mut text = "rekommendation".to_string();
            if let Some(p) = priority {
                text.push_str(&format!(", prioritet {}", priority_word(language, p)));
            }
            if let Some(d) = decision {
                text.push_str(&format!(", beslut {}", decision_word(language, d).to_lowercase()));
                if let Some(details) = owner_due {
                    text.push_str(&format!(" ({details})"));
                }
            }
            text
        }
    }
}

/// "Rekommendation 3 från 2022" and the like: what a follow-up row follows.
pub fn follows_detail(language: Language, number: usize, year: i32) -> String {
    match language {
        Language::Sv => format!("rekommendation {number} från {year}"),
    }
}

/// The marking of a full edition that holds confidential items, naming each OSL provision it
/// holds and, when some items name none, "interna uppgifter".
pub fn classification(language: Language, provisions: &[String], unnamed: bool) -> String {
    match language {
        Language::Sv => {
            // The provisions are grounds ("enligt …"); internal items are none, so named apart.
            let grounds = sv_list(&provisions.iter().map(String::as_str).collect::<Vec<_>>());
            match (grounds.is_empty(), unnamed) {
                (false, false) => {
                    format!("Innehåller uppgifter som omfattas av sekretess enligt {grounds}")
                }
                (false, true) => format!(
                    "Innehåller uppgifter som omfattas av sekretess enligt {grounds} samt interna \
                     uppgifter"
                ),
                (true, _) => "Innehåller interna uppgifter".to_string(),
            }
        }
    }
}

/// The sentence that sums up the changes since the previous year.
pub fn changes_summary(
    language: Language,
    old_year: i32,
    counts: &crate::diff::DiffSummary,
) -> String {
    match language {
        Language::Sv => {
            let rows = |n: usize| match n {
                0 => "inga rader".to_string(),
                1 => "en rad".to_string(),
                n => format!("{} rader", sv_count(n, "")),
            };
            let mut sentences = Vec::new();
            sentences.push(match (counts.improved, counts.regressed) {
                (0, 0) => format!(
                    "Jämfört med ledningens genomgång {old_year} har ingen rad fått förbättrad \
                     eller försämrad status."
                ),
                (improved, regressed) => format!(
                    "Jämfört med ledningens genomgång {old_year} har {} fått förbättrad status och \
                     {} försämrad status.",
                    rows(improved),
                    sv_count(regressed, "ingen")
                ),
            });
            // Follow-ups of last year's recommendations are new rows too, counted on their own.
            let besides = if counts.followed_up > 0 { " utöver uppföljningarna" } else { "" };
            sentences.push(match (counts.added, counts.removed) {
                (0, 0) => format!("Inga rader har tillkommit{besides} eller tagits bort."),
                (added, removed) => format!(
                    "Sedan dess har {}{besides} tillkommit och {} tagits bort.",
                    rows(added),
                    sv_count(removed, "ingen")
                ),
            });
            let total = counts.followed_up + counts.not_followed_up;
            let followed = counts.followed_up;
            let recommendations = match total {
                0 => None,
                1 if followed == 1 => Some(format!(
                    "Den enda rekommendationen från {old_year} följs upp i årets genomgång."
                )),
                1 => Some(format!(
                    "Den enda rekommendationen från {old_year} följs inte upp i årets genomgång."
                )),
                _ if followed == total => Some(format!(
                    "Alla {} rekommendationer från {old_year} följs upp i årets genomgång.",
                    sv_count(total, "")
                )),
                _ if followed == 0 => Some(format!(
                    "Ingen av de {} rekommendationerna från {old_year} följs upp i årets \
                     genomgång.",
                    sv_count(total, "")
                )),
                _ => Some(format!(
                    "Av de {} rekommendationerna från {old_year} följs {} upp i årets genomgång.",
                    sv_count(total, ""),
                    sv_count(followed, "")
                )),
            };
            sentences.extend(recommendations);
            sentences.join(" ")
        }
    }
}

/// The heading of last year's recommendations that no row follows up.
pub fn not_followed_up_heading(language: Language, year: i32) -> String {
    match language {
        Language::Sv => format!("Rekommendationer från {year} som inte följs upp"),
    }
}

/// Items in a Swedish list: "a", "a och b", "a, b och c".
fn sv_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

/// What the public edition shows in place of a masked phrase.
pub fn masked_phrase(language: Language, provision: Option<&str>) -> String {
    match language {
        Language::Sv => match provision {
            Some(provision) => format!("[uppgift maskerad enligt {provision}]"),
            None => "[maskerad uppgift]".into(),
        },
    }
}

/// The note after a masked phrase in the full edition, shown in parentheses.
pub fn masked_phrase_note(language: Language, provision: Option<&str>) -> String {
    match language {
        Language::Sv => match provision {
            Some(provision) => format!("maskeras enligt {provision}"),
            None => "maskeras".into(),
        },
    }
}

/// Says that the counts include confidential items that this edition does not show.
pub fn withheld_note(language: Language, n: usize) -> String {
    match language {
        Language::Sv => match n {
            0 => "Antalen inkluderar inga uppgifter som omfattas av sekretess.".into(),
            1 => "Antalen inkluderar även en uppgift som omfattas av sekretess och inte redovisas \
                  i denna version."
                .into(),
            n => format!(
                "Antalen inkluderar även {} uppgifter som omfattas av sekretess och inte \
                 redovisas i denna version.",
                sv_count(n, "")
            ),
        },
    }
}

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
        (Language::Sv, Status::Red) => "Det finns allvarliga brister som kräver åtgärd.",
        (Language::Sv, Status::NotAssessed) => "Har inte bedömts i denna genomgång.",
    }
}

/// The word shown for a decision.
pub fn decision_word(language: Language, decision: Decision) -> &'static str {
    match (language, decision) {
        (Language::Sv, Decision::Adopted) => "Antagen",
        (Language::Sv, Decision::Rejected) => "Avslagen",
        (Language::Sv, Decision::Amended) => "Ändrad",
        (Language::Sv, Decision::Tabled) => "Bordlagd",
    }
}

/// Symbol, word and CSS slug of the marker of a row past its deadline.
pub fn overdue_marker(language: Language) -> (&'static str, &'static str, &'static str) {
    match language {
        Language::Sv => ("⚠", "Försenad", "overdue"),
    }
}

/// "Ansvarig: IT-chef, klart senast 2024-06-30": who owns a follow-up and by when; either part
/// may be missing.
pub fn owner_due(language: Language, owner: Option<&str>, due: Option<&str>) -> Option<String> {
    match language {
        Language::Sv => match (owner, due) {
            (Some(owner), Some(due)) => Some(format!("Ansvarig: {owner}, klart senast {due}")),
            (Some(owner), None) => Some(format!("Ansvarig: {owner}")),
            (None, Some(due)) => Some(format!("Klart senast {due}")),
            (None, None) => None,
        },
    }
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
    match language {
        Language::Sv => {
            let mut text = String::new();
            if by.is_some() || on.is_some() {
                text.push_str("Fastställd");
                if let Some(by) = by {
                    text.push_str(&format!(" av {by}"));
                }
                match on {
                    Some((on, true)) => text.push_str(&format!(" den {on}")),
                    Some((on, false)) => text.push_str(&format!(" i {on}")),
                    None => {}
                }
            }
            if let Some(number) = registration_number {
                if text.is_empty() {
                    text.push_str(&format!("Diarienummer {number}"));
                } else {
                    text.push_str(&format!(", diarienummer {number}"));
                }
            }
            (!text.is_empty()).then(|| format!("{text}."))
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::DiffSummary;

    const SV: Language = Language::Sv;

    fn changes(
        (improved, regressed): (usize, usize),
        (added, removed): (usize, usize),
        (followed_up, not_followed_up): (usize, usize),
    ) -> String {
        let counts = DiffSummary {
            improved,
            regressed,
            added,
            removed,
            followed_up,
            not_followed_up,
            ..DiffSummary::default()
        };
        changes_summary(SV, 2022, &counts)
    }

    // "0 rader", "1 incident … 0 av dem" and sentences starting with a digit read as machine
    // output in a document for the board.
    #[test]
    fn changes_summary_reads_as_swedish_for_none_one_and_many() {
        assert_eq!(
            changes((0, 0), (0, 0), (0, 0)),
            "Jämfört med ledningens genomgång 2022 har ingen rad fått förbättrad eller försämrad \
             status. Inga rader har tillkommit eller tagits bort."
        );
        assert_eq!(
            changes((1, 0), (1, 0), (1, 0)),
            "Jämfört med ledningens genomgång 2022 har en rad fått förbättrad status och ingen \
             försämrad status. Sedan dess har en rad utöver uppföljningarna tillkommit och ingen \
             tagits bort. Den enda rekommendationen från 2022 följs upp i årets genomgång."
        );
        assert_eq!(
            changes((0, 0), (0, 0), (5, 0)),
            "Jämfört med ledningens genomgång 2022 har ingen rad fått förbättrad eller försämrad \
             status. Inga rader har tillkommit utöver uppföljningarna eller tagits bort. Alla \
             fem rekommendationer från 2022 följs upp i årets genomgång."
        );
        assert_eq!(
            changes((0, 1), (0, 1), (0, 1)),
            "Jämfört med ledningens genomgång 2022 har inga rader fått förbättrad status och en \
             försämrad status. Sedan dess har inga rader tillkommit och en tagits bort. Den enda \
             rekommendationen från 2022 följs inte upp i årets genomgång."
        );
        assert_eq!(
            changes((3, 2), (14, 5), (4, 2)),
            "Jämfört med ledningens genomgång 2022 har tre rader fått förbättrad status och två \
             försämrad status. Sedan dess har 14 rader utöver uppföljningarna tillkommit och fem \
             tagits bort. Av de sex rekommendationerna från 2022 följs fyra upp i årets genomgång."
        );
        assert!(
            changes((0, 0), (0, 0), (6, 0))
                .ends_with("Alla sex rekommendationer från 2022 följs upp i årets genomgång.")
        );
        assert!(
            changes((0, 0), (0, 0), (0, 13)).ends_with(
                "Ingen av de 13 rekommendationerna från 2022 följs upp i årets genomgång."
            )
        );
    }

    #[test]
    fn incidents_summary_reads_as_swedish_for_none_one_and_many() {
        assert_eq!(incidents_summary(SV, 0, 0, 0, 0), "Inga incidenter har registrerats.");
        assert_eq!(
            incidents_summary(SV, 1, 0, 0, 0),
            "En incident har registrerats. Den rörde inte personuppgifter."
        );
        assert_eq!(
            incidents_summary(SV, 1, 0, 1, 0),
            "En incident har registrerats. Den rörde personuppgifter men anmäldes inte till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 1, 0, 1, 1),
            "En incident har registrerats. Den rörde personuppgifter och anmäldes till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 2, 0, 0, 0),
            "Två incidenter har registrerats. Ingen av dem rörde personuppgifter eller anmäldes \
             till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 7, 0, 3, 1),
            "Sju incidenter har registrerats. Av dem rörde tre personuppgifter och en anmäldes \
             till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 23, 0, 4, 0),
            "Totalt har 23 incidenter registrerats. Av dem rörde fyra personuppgifter och ingen \
             anmäldes till IMY."
        );
    }

    #[test]
    fn incidents_summary_counts_the_confidential_ones_in_the_first_sentence() {
        assert_eq!(
            incidents_summary(SV, 5, 1, 2, 1),
            "Fem incidenter har registrerats, varav en omfattas av sekretess. Av dem rörde två \
             personuppgifter och en anmäldes till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 2, 2, 0, 0),
            "Två incidenter har registrerats, samtliga omfattas av sekretess. Ingen av dem rörde \
             personuppgifter eller anmäldes till IMY."
        );
        assert_eq!(
            incidents_summary(SV, 1, 1, 0, 0),
            "En incident, som omfattas av sekretess, har registrerats. Den rörde inte \
             personuppgifter."
        );
    }

    #[test]
    fn confidential_rows_sentence_says_how_many_and_what_the_edition_does_with_them() {
        assert_eq!(confidential_rows(SV, 0, 21, true), None);
        assert_eq!(
            confidential_rows(SV, 2, 21, true).as_deref(),
            Some(
                "Av de 21 raderna omfattas två av sekretess; de räknas med här men redovisas \
                 inte i den här versionen."
            )
        );
        assert_eq!(
            confidential_rows(SV, 1, 21, false).as_deref(),
            Some("Av de 21 raderna omfattas en av sekretess och är markerad Intern.")
        );
        assert_eq!(
            confidential_rows(SV, 1, 1, true).as_deref(),
            Some(
                "Raden omfattas av sekretess; den räknas med här men redovisas inte i den här \
                 versionen."
            )
        );
    }

    #[test]
    fn withheld_note_reads_as_swedish_for_none_one_and_many() {
        assert_eq!(
            withheld_note(SV, 0),
            "Antalen inkluderar inga uppgifter som omfattas av sekretess."
        );
        assert_eq!(
            withheld_note(SV, 1),
            "Antalen inkluderar även en uppgift som omfattas av sekretess och inte redovisas i \
             denna version."
        );
        assert_eq!(
            withheld_note(SV, 3),
            "Antalen inkluderar även tre uppgifter som omfattas av sekretess och inte redovisas i \
             denna version."
        );
    }

    #[test]
    fn approval_reads_as_one_sentence_from_the_parts_given() {
        assert_eq!(
            approval(
                SV,
                Some("Kommunstyrelsen"),
                Some(("12 mars 2025", true)),
                Some("KS 2025/123")
            )
            .unwrap(),
            "Fastställd av Kommunstyrelsen den 12 mars 2025, diarienummer KS 2025/123."
        );
        assert_eq!(
            approval(SV, None, Some(("mars 2025", false)), None).unwrap(),
            "Fastställd i mars 2025."
        );
        assert_eq!(approval(SV, None, None, Some("KS 1")).unwrap(), "Diarienummer KS 1.");
        assert_eq!(approval(SV, None, None, None), None);
    }

    #[test]
    fn dates_and_roles_read_as_a_registrar_writes_them() {
        let date = chrono::NaiveDate::from_ymd_opt(2024, 9, 6).unwrap();
        assert_eq!(date_in_prose(SV, date, true), "6 september 2024");
        assert_eq!(date_in_prose(SV, date, false), "september 2024");
        let roles = ["Dataskyddsombud"];
        for (who, written) in [
            ("Förvaltningsdirektör Kim Ek", "förvaltningsdirektör Kim Ek"),
            ("Dataskyddsombud Ali Berg", "dataskyddsombud Ali Berg"),
            ("Kommunstyrelsen", "Kommunstyrelsen"),
            ("Kim Ek", "Kim Ek"),
            ("Stadsdelsnämnden Norr", "Stadsdelsnämnden Norr"),
        ] {
            assert_eq!(role_mid_sentence(SV, who, &roles), written);
        }
        assert_eq!(
            change_words(SV, ChangeKind::Regressed).for_count(1).counted,
            "försämrad",
            "singular after one"
        );
        assert_eq!(change_words(SV, ChangeKind::Added).for_count(2).counted, "nya");
    }

    // The report's change markers showed "gul → grön" from the content words; the one
    // vocabulary must say the same, or every report's markers would change.
    #[test]
    fn a_status_change_reads_as_the_content_words() {
        for old in Status::ALL {
            for new in Status::ALL {
                let expected = format!("{} → {}", old.keyword(), new.keyword());
                assert_eq!(status_change(SV, old, new), expected);
            }
        }
    }

    #[test]
    fn a_recommendation_is_new_with_the_added_rows_word_or_remains_from_one_named() {
        let state = |s, id, similarity| recommendation_state(SV, s, id, similarity);
        assert_eq!(state(RecommendationState::New, None, None), "Ny");
        assert_eq!(state(RecommendationState::Remains, None, None), "Kvarstår");
        assert_eq!(
            state(RecommendationState::Remains, Some("rek-1"), None),
            "Kvarstår (från rek-1)"
        );
        assert_eq!(
            state(RecommendationState::Remains, Some("rek-1"), Some(0.853)),
            "Kvarstår (från rek-1, med omformulerad text)"
        );
        assert_eq!(history_follow_up(SV, "uppf-1"), "uppföljning uppf-1");
    }

    #[test]
    fn no_generated_sentence_starts_with_a_digit() {
        for total in 0..30 {
            for personal in [0, 1, total] {
                let text =
                    incidents_summary(SV, total, personal.min(total), personal.min(total), 0);
                for sentence in text.split(". ") {
                    assert!(!sentence.starts_with(|c: char| c.is_ascii_digit()), "{text}");
                }
            }
        }
        for n in [0, 1, 2, 12, 13, 40] {
            let text = changes((n, n), (n, n), (n, n));
            for sentence in text.split(". ") {
                assert!(!sentence.starts_with(|c: char| c.is_ascii_digit()), "{text}");
            }
        }
    }
}
