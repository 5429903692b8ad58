//! The blocks a section holds (text, a status table, recommendations, appendices, incidents, a
//! GAP analysis), their rows and recommendations, and what the public edition leaves out of them.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{
    DateAt, Decision, GapAnalysis, Incidents, Markdown, Priority, ReportDate, Status, first_words,
    yes_no,
};

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
    pub(super) fn visit_markdown_mut(&mut self, f: &mut dyn FnMut(&mut Markdown)) {
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
    pub(super) fn internal(&self, path: &Path, out: &mut Vec<LeftOut>) {
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

/// A list of ids for a message: "3: `a`, `b`, `c`", shortened after five.
fn id_list(ids: &[&str]) -> String {
    let mut shown: Vec<String> = ids.iter().take(5).map(|id| format!("`{id}`")).collect();
    if ids.len() > 5 {
        shown.push("…".into());
    }
    format!("{}: {}", ids.len(), shown.join(", "))
}

impl BlockKind {
    pub(super) fn remove_internal(&mut self) {
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
}
