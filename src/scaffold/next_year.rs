//! The next year's content, scaffolded from an earlier year (`ledgen new`).
//!
//! The new year keeps the sections, tables, texts, images and template overrides; its report
//! date moves on a year. The source year's recommendations are followed as the board decided
//! them: each one adopted (`antagen`, or `ändrad` with the decided wording, its note, as the
//! row's text and the original as context) or not yet decided becomes a row of the follow-up
//! table (`follows:` set, status `ej bedömd`, its status text to write, confidential if the
//! recommendation was; an adopted one keeps its `owner` and `due`); a rejected one (`avslagen`)
//! is no row to assess but recorded, with the note, in a text after the table; a tabled one
//! (`bordlagd`) returns to the list of recommendations, to decide again, with `follows:` set.
//! The follow-up table is the source year's own, or one added to "Uppföljning av tidigare
//! beslut" (else "Resultat från tidigare revisioner"). Whatever is carried over as last year's words is
//! marked for review (`**Att granska:**`, see `docs/content-format.md`) so that no old statement
//! reaches next year's report unseen: texts, status texts, GAP assessments, titles that name last
//! year. The YAML is written by serde-saphyr from typed structs ([`super::written`]), so any text
//! round-trips (quoted where it must be, block scalars for multi-line text).

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde_saphyr::FlowSeq;

use crate::model::{
    Appendix, Block, BlockKind, DatePrecision, Decision, Part, PlacedRecommendation,
    Recommendation, Report, SectionKind, Status, StatusRow,
};

use super::written::{
    AbbreviationOut, AppendixOut, BlockOut, GapEntryOut, GapOut, IncidentsOut, Legend, MetaOut,
    PartOut, RecommendationOut, RevisionOut, RowOut, TableOut, to_yaml,
};

/// Title of the follow-up part created when the source year has none.
const FOLLOW_UP_TITLE: &str = "Tidigare rekommendationer från ISAM";
/// Leads every Markdown text carried over from the source year: it is shown in bold in the
/// report, and `ledgen check` warns while one is left.
const REVIEW_MARK: &str = "**Att granska:**";
/// Leads a carried-over title naming last year; titles are plain text, so it is not bold.
pub const REVIEW_MARK_PLAIN: &str = "Att granska:";
/// The new year's files, by name (without the editor modeline).
pub fn scaffold(source: &Report, year: i32) -> Result<Vec<(String, String)>> {
    let meta = &source.meta;
    let old_year = meta.year.value;
    let old_date = meta.date.value.0;
    let date = NaiveDate::from_ymd_opt(year, old_date.month(), old_date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, old_date.month(), 28))
        .unwrap_or(old_date);

    // Ids of everything carried over, so that the follow-up rows' ids are new.
    let mut used_ids: Vec<String> =
        source.status_rows().iter().map(|(_, r)| r.id.value.clone()).collect();
    for placed in source.blocks() {
        if let BlockKind::Appendices(list) = &placed.block.kind {
            used_ids.extend(list.iter().map(|a| a.id.value.clone()));
        }
    }
    let mut follow_rows = Vec::new();
    let mut rejected = Vec::new();
    let mut tabled = Vec::new();
    for placed in source.placed_recommendations() {
        let rec = placed.recommendation;
        match rec.decision.as_ref().map(|d| d.value) {
            Some(Decision::Rejected) => rejected.push(rejected_line(rec)),
            Some(Decision::Tabled) => {
                tabled.push(tabled_again(&placed, old_year, year, &mut used_ids));
            }
            decision => follow_rows.push(follow_up_row(&placed, decision, &mut used_ids)),
        }
    }
    let rejected = (!rejected.is_empty()).then(|| {
        format!(
            "{REVIEW_MARK} Rekommendationer från {old_year} som ledningen avslog:\n\n{}",
            rejected.join("\n")
        )
    });

    let has_follow_up_table = source.status_rows().iter().any(|(_, r)| r.follows.is_some());
    let mut placed = has_follow_up_table || follow_rows.is_empty();
    let mut carry =
        Carry { old_year, follow_rows: Some(follow_rows), rejected, tabled: Some(tabled) };
    let mut names: Vec<String> = source.sections.iter().map(|s| s.name.clone()).collect();
    let mut files = Vec::new();
    // Without a follow-up table of its own, the source's follow-ups go to "Uppföljning av
    // tidigare beslut", or else to "Resultat från tidigare revisioner".
    let home = [SectionKind::FollowUps, SectionKind::Revisions]
        .into_iter()
        .find(|kind| source.sections.iter().any(|s| s.kind == *kind));
    for section in &source.sections {
        let mut part = carry.part(&section.part);
        if !placed && Some(section.kind) == home {
            placed = true;
            part.parts.push(carry.follow_up_part());
        }
        let name = format!("{}.yaml", section.name);
        files.push((name.clone(), to_yaml(&part, &name)?));
    }
    if !placed {
        // No revisions section to put the follow-up table in: add one.
        let part = PartOut {
            title: "Resultat från tidigare revisioner".into(),
            content: Vec::new(),
            parts: vec![carry.follow_up_part()],
            covers: None,
        };
        let position = source
            .sections
            .iter()
            .position(|s| s.kind == SectionKind::Recommendations)
            .unwrap_or(names.len());
        names.insert(position, "revisions".into());
        files.push(("revisions.yaml".into(), to_yaml(&part, "revisions.yaml")?));
    }

    // A date known only to the month stays a month.
    let date_text = match meta.date.value.1 {
        DatePrecision::Day => date.format("%Y-%m-%d").to_string(),
        DatePrecision::Month => date.format("%Y-%m").to_string(),
    };
    let report = MetaOut {
        organisation: meta.organisation.clone(),
        unit: meta.unit.clone(),
        title: meta.title.clone(),
        subtitle: meta
            .subtitle
            .as_ref()
            .map(|s| s.replace(&old_year.to_string(), &year.to_string())),
        year,
        date: date_text.clone(),
        author: meta.author.clone(),
        author_role: meta.author_role.clone(),
        language: meta.language.tag(),
        sections: names,
        status_legend: Legend(
            meta.status_legend.iter().map(|(s, t)| (s.keyword(), t.text.clone())).collect(),
        ),
        abbreviations: meta
            .abbreviations
            .iter()
            .map(|a| AbbreviationOut { term: a.term.clone(), meaning: a.meaning.clone() })
            .collect(),
        revision_history: vec![RevisionOut {
            date: date_text,
            author: meta.author.clone(),
            description: format!("Utkast skapat från ledningens genomgång {old_year}."),
        }],
        revision_note: meta.revision_note.as_ref().map(|n| mark(&n.text)),
        coverage_table: meta.coverage_table,
        // The new year's meeting and approval are still to come.
        meeting: None,
        approved_by: None,
        approved_on: None,
        registration_number: None,
        draft: true,
    };
    let mut out = vec![("report.yaml".to_string(), to_yaml(&report, "report.yaml")?)];
    out.extend(files);
    Ok(out)
}

/// The follow-up row of a recommendation adopted (as written, or amended) or not yet decided.
fn follow_up_row(
    placed: &PlacedRecommendation<'_>,
    decision: Option<Decision>,
    used_ids: &mut Vec<String>,
) -> RowOut {
    let rec = placed.recommendation;
    // An adopted recommendation is an action with an owner and a deadline to follow.
    let adopted = decision.is_some_and(Decision::is_adopted);
    // An amended one is followed up as decided: the decision's wording, the original beside it.
    let text = match (decision, &rec.decision_note) {
        (Some(Decision::Amended), Some(note)) => format!(
            "{} *(Ändrad av ledningen; ursprunglig lydelse: {})*",
            one_line(&note.text),
            one_line(&rec.text.text)
        ),
        _ => rec.text.text.clone(),
    };
    RowOut {
        id: unique_id(format!("uppf-{}", rec.id.value), used_ids),
        cells: vec![text],
        status: Status::NotAssessed.keyword(),
        // Last year's words above; this year's assessment to write.
        status_text: Some(REVIEW_MARK.into()),
        follows: Some(rec.id.value.clone()),
        owner: rec.owner.clone().filter(|_| adopted),
        due: rec.due.filter(|_| adopted).map(|d| d.to_string()),
        intern: placed.internal,
        sekretess: placed.sekretess.map(str::to_string),
    }
}

/// A rejected recommendation as a line of the list after the follow-up table. A confidential
/// one is named by its id only: the text block holding the list is public.
fn rejected_line(rec: &Recommendation) -> String {
    let note = rec.decision_note.as_ref().map(|n| format!(" Motivering: {}", one_line(&n.text)));
    if rec.intern || rec.sekretess.is_some() {
        return format!("- `{}` (omfattas av sekretess): avslagen.", rec.id.value);
    }
    format!(
        "- {} (`{}`): avslagen.{}",
        one_line(&rec.text.text),
        rec.id.value,
        note.unwrap_or_default()
    )
}

/// A tabled recommendation back in the list, with a new id that follows the old one.
fn tabled_again(
    placed: &PlacedRecommendation<'_>,
    old_year: i32,
    year: i32,
    used_ids: &mut Vec<String>,
) -> RecommendationOut {
    let rec = placed.recommendation;
    let old = &rec.id.value;
    let renamed = old.replace(&old_year.to_string(), &year.to_string());
    let id = if renamed == *old { format!("{old}-{year}") } else { renamed };
    RecommendationOut {
        id: unique_id(id, used_ids),
        text: mark(&rec.text.text),
        how: rec.how.as_ref().map(|t| t.text.clone()),
        who: rec.who.as_ref().map(|t| t.text.clone()),
        priority: rec.priority.as_ref().map(|p| p.value.keyword()),
        follows: Some(old.clone()),
        decision: None,
        owner: None,
        due: None,
        decision_note: None,
        intern: placed.internal,
        sekretess: placed.sekretess.map(str::to_string),
    }
}

/// `id`, made unique among `used` (and added to it).
fn unique_id(mut id: String, used: &mut Vec<String>) -> String {
    while used.contains(&id) {
        id.push_str("-2");
    }
    used.push(id.clone());
    id
}

/// `text` on one line, for a table cell or a list item.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` marked for review. A one-line text that starts a paragraph gets the marker in front;
/// any other (several lines, or starting with a list, heading, code…) gets it as a paragraph of
/// its own, so the Markdown structure of the text stays as it was.
fn mark(text: &str) -> String {
    if text.trim_start().starts_with(REVIEW_MARK) {
        return text.to_string();
    }
    if text.trim().is_empty() {
        return REVIEW_MARK.to_string();
    }
    let first = text.chars().next().unwrap_or(' ');
    let starts_block = first.is_whitespace()
        || first.is_ascii_digit()
        || matches!(first, '#' | '-' | '*' | '+' | '>' | '|' | '`' | '~' | '<' | '=' | '_');
    if text.trim_end().contains('\n') || starts_block {
        format!("{REVIEW_MARK}\n\n{text}")
    } else {
        format!("{REVIEW_MARK} {text}")
    }
}

/// A title marked for review if it names last year (its year is kept: only a person knows
/// whether it should change).
fn mark_title(title: &str, old_year: i32) -> String {
    if title.contains(&old_year.to_string()) && !title.starts_with(REVIEW_MARK_PLAIN) {
        format!("{REVIEW_MARK_PLAIN} {title}")
    } else {
        title.to_string()
    }
}

/// The source year's content carried into the new year.
struct Carry {
    old_year: i32,
    /// The follow-up rows, until the first follow-up table takes them.
    follow_rows: Option<Vec<RowOut>>,
    /// The list of rejected recommendations, for the text after the follow-up table.
    rejected: Option<String>,
    /// The tabled recommendations, until the first list of recommendations takes them.
    tabled: Option<Vec<RecommendationOut>>,
}

impl Carry {
    fn part(&mut self, part: &Part) -> PartOut {
        // The part that takes this year's follow-ups: its heading named last year's report
        // ("Ledningens rapport 2023" in 2024), so now names this one's, marked for review.
        let takes_follow_ups = self.follow_rows.is_some()
            && part.content.iter().any(|b| {
                matches!(&b.kind, BlockKind::Table(t) if t.rows.iter().any(|r| r.follows.is_some()))
            });
        let before = (self.old_year - 1).to_string();
        let title = if takes_follow_ups && part.title.contains(&before) {
            format!(
                "{REVIEW_MARK_PLAIN} {}",
                part.title.replace(&before, &self.old_year.to_string())
            )
        } else {
            mark_title(&part.title, self.old_year)
        };
        let mut content = Vec::new();
        for block in &part.content {
            let had_rows = self.follow_rows.is_some();
            content.push(self.block(block));
            if had_rows && self.follow_rows.is_none() {
                content.extend(self.rejected_block());
            }
        }
        PartOut {
            title,
            content,
            parts: part.parts.iter().map(|p| self.part(p)).collect(),
            covers: part.covers.clone(),
        }
    }

    fn follow_up_part(&mut self) -> PartOut {
        let rows = self.follow_rows.take().unwrap_or_default();
        let table = BlockOut {
            table: Some(TableOut {
                columns: FlowSeq(vec!["Rekommendation".into()]),
                status_column: Some("Status".into()),
                rows,
            }),
            ..BlockOut::default()
        };
        PartOut {
            title: FOLLOW_UP_TITLE.into(),
            content: std::iter::once(table).chain(self.rejected_block()).collect(),
            parts: Vec::new(),
            covers: None,
        }
    }

    /// The text naming the rejected recommendations, once.
    fn rejected_block(&mut self) -> Option<BlockOut> {
        self.rejected.take().map(|text| BlockOut { text: Some(text), ..BlockOut::default() })
    }

    fn block(&mut self, block: &Block) -> BlockOut {
        let mut out = BlockOut {
            // A block with a provision is confidential by that alone; write it out anyway.
            intern: block.intern,
            sekretess: block.sekretess.clone(),
            ..BlockOut::default()
        };
        match &block.kind {
            BlockKind::Text(text) => out.text = Some(mark(&text.text)),
            BlockKind::Table(table) => {
                let follows_table = table.rows.iter().any(|r| r.follows.is_some());
                let rows = if follows_table {
                    // The first follow-up table gets this year's follow-ups; last year's go.
                    self.follow_rows.take().unwrap_or_default()
                } else {
                    table.rows.iter().map(row).collect()
                };
                out.table = Some(TableOut {
                    columns: FlowSeq(table.columns.value.clone()),
                    status_column: table.status_column.clone(),
                    rows,
                });
            }
            // The list is this year's to write; the tabled ones return to the first list.
            BlockKind::Recommendations(_) => {
                out.recommendations = Some(self.tabled.take().unwrap_or_default());
            }
            // Each year has its own incidents; the categories carry over.
            BlockKind::Incidents(incidents) => {
                out.incidents = Some(IncidentsOut {
                    categories: incidents.categories.clone().map(FlowSeq),
                    period: None,
                    records: Vec::new(),
                });
            }
            // The GAP analysis is a starting point for next year's, every assessment to review.
            BlockKind::GapAnalysis(gap) => {
                let requirements = gap
                    .requirements
                    .iter()
                    .map(|entry| {
                        let marked =
                            |t: &Option<crate::model::Markdown>| t.as_ref().map(|t| mark(&t.text));
                        let mut out = GapEntryOut {
                            clause: entry.clause.value.clone(),
                            current_state: marked(&entry.current_state),
                            status: entry.status.value.keyword(),
                            comment: marked(&entry.comment),
                            action: marked(&entry.action),
                        };
                        if out.current_state.is_none()
                            && out.comment.is_none()
                            && out.action.is_none()
                        {
                            // The status alone is last year's: flag it too.
                            out.comment = Some(REVIEW_MARK.into());
                        }
                        out
                    })
                    .collect();
                out.gap_analysis = Some(GapOut { requirements });
            }
            BlockKind::Appendices(list) => {
                out.appendices = Some(list.iter().map(|a| self.appendix(a)).collect());
            }
        }
        out
    }

    fn appendix(&mut self, appendix: &Appendix) -> AppendixOut {
        AppendixOut {
            id: appendix.id.value.clone(),
            title: mark_title(&appendix.title, self.old_year),
            content: appendix.content.iter().map(|b| self.block(b)).collect(),
        }
    }
}

/// A status row carried over: its status is last year's, so its status text is marked.
fn row(row: &StatusRow) -> RowOut {
    RowOut {
        id: row.id.value.clone(),
        cells: row.cells.value.iter().map(|c| c.text.clone()).collect(),
        status: row.status.value.keyword(),
        status_text: Some(row.status_text.as_ref().map_or(REVIEW_MARK.into(), |t| mark(&t.text))),
        follows: row.follows.as_ref().map(|f| f.value.clone()),
        owner: row.owner.clone(),
        due: row.due.map(|d| d.to_string()),
        intern: row.intern || row.sekretess.is_some(),
        sekretess: row.sekretess.clone(),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;
    use serde_saphyr::Spanned;

    use crate::model::{Markdown, Recommendation, load_report};

    /// The text `mark` was given.
    fn unmark(text: &str) -> &str {
        let rest = text.strip_prefix(REVIEW_MARK).expect("a marked text");
        rest.strip_prefix("\n\n").or_else(|| rest.strip_prefix(' ')).unwrap_or(rest)
    }

    #[test]
    fn mark_leads_a_paragraph_or_stands_alone() {
        assert_eq!(mark("Klart."), "**Att granska:** Klart.");
        assert_eq!(mark("Klart.\n"), "**Att granska:** Klart.\n");
        assert_eq!(mark("- a\n- b"), "**Att granska:**\n\n- a\n- b");
        assert_eq!(mark("Ett.\n\nTvå."), "**Att granska:**\n\nEtt.\n\nTvå.");
        assert_eq!(mark("1. första"), "**Att granska:**\n\n1. första");
        assert_eq!(mark(""), "**Att granska:**");
        assert_eq!(mark(&mark("Klart.")), mark("Klart."), "marking twice");
        for text in ["Klart.", "- a", "Ett.\n\nTvå.", "  kod"] {
            assert_eq!(unmark(&mark(text)), text);
        }
        assert_eq!(mark_title("Incidenter 2024", 2024), "Att granska: Incidenter 2024");
        assert_eq!(mark_title("Incidenter", 2024), "Incidenter");
    }

    /// The text a recommendation's follow-up row has: its own, or as the board amended it.
    fn followed_text(rec: &Recommendation) -> String {
        match (rec.decision.as_ref().map(|d| d.value), &rec.decision_note) {
            (Some(Decision::Amended), Some(note)) => format!(
                "{} *(Ändrad av ledningen; ursprunglig lydelse: {})*",
                one_line(&note.text),
                one_line(&rec.text.text)
            ),
            _ => rec.text.text.clone(),
        }
    }

    // `new` followed up every recommendation as written: an amended one without the decided
    // wording, rejected and tabled ones as rows to assess.
    #[test]
    fn the_next_year_follows_the_boards_decisions() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut source = load_report(&root.join("examples/exempelkommun/2024")).unwrap().report;
        // The example has every decision but a rejection: reject the undecided rek-2024-05.
        for section in &mut source.sections {
            for block in &mut section.part.content {
                if let BlockKind::Recommendations(list) = &mut block.kind {
                    for rec in list.iter_mut().filter(|r| r.id.value == "rek-2024-05") {
                        let (referenced, defined) = (rec.id.referenced, rec.id.defined);
                        rec.decision = Some(Spanned::new(Decision::Rejected, referenced, defined));
                        rec.decision_note = Some(Markdown {
                            text: "Ryms inte i budgeten.".into(),
                            line: 0,
                            column: 0,
                        });
                    }
                }
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let new = scaffold_and_load(&source, dir.path(), 2025);
        let rows: Vec<&StatusRow> = new.status_rows().into_iter().map(|(_, r)| r).collect();
        let row =
            |id: &str| rows.iter().find(|r| r.follows.as_ref().is_some_and(|f| f.value == id));
        // Amended: the decided wording, the original as context, owner and deadline kept.
        let amended = row("rek-2024-02").expect("the amended one is followed up");
        let text = &amended.cells.value[0].text;
        assert!(text.starts_with("Inventeringen slutförs, men riskbedömningen"), "{text}");
        assert!(text.contains("ursprunglig lydelse: Inventeringen av molntjänster"), "{text}");
        assert_eq!(amended.owner.as_deref(), Some("Objektägare"));
        assert_eq!(amended.status_text.as_ref().unwrap().text, REVIEW_MARK);
        // Rejected: no row to assess, but recorded with its reason.
        assert!(row("rek-2024-05").is_none());
        let rejected = new
            .blocks()
            .into_iter()
            .filter_map(|p| match &p.block.kind {
                BlockKind::Text(t) if t.text.contains("som ledningen avslog") => {
                    Some(t.text.clone())
                }
                _ => None,
            })
            .next()
            .expect("the rejected ones are listed");
        assert!(rejected.contains("(`rek-2024-05`): avslagen. Motivering: Ryms inte i budgeten."));
        // Tabled: back in the list of recommendations, undecided, following the old one.
        assert!(row("rek-2024-04").is_none());
        let again: Vec<&Recommendation> =
            new.placed_recommendations().into_iter().map(|p| p.recommendation).collect();
        assert_eq!(again.len(), 1, "only the tabled one returns");
        assert_eq!(again[0].id.value, "rek-2025-04");
        assert_eq!(again[0].follows.as_ref().unwrap().value, "rek-2024-04");
        assert!(again[0].decision.is_none());
        assert!(again[0].text.text.contains("cybersäkerhetslagen (NIS2)"));
        // Not yet decided and adopted ones are rows as before.
        assert!(row("rek-2024-01").is_some() && row("rek-2024-06").is_some());
    }

    /// The reports' recommendations with their confidentiality, by id.
    fn recs(report: &Report) -> Vec<(&Recommendation, bool, Option<&str>)> {
        let placed = report.placed_recommendations();
        placed.into_iter().map(|p| (p.recommendation, p.internal, p.sekretess)).collect()
    }

    /// Compares a carried-over part with its source: titles, texts, rows, flags.
    fn compare_part(old: &Part, new: &Part, year: i32, follows: &mut Vec<(String, String, bool)>) {
        // The part taking the follow-ups names this year's report where it named last year's.
        let shifted = old.title.replace(&(year - 1).to_string(), &year.to_string());
        assert!(
            new.title == mark_title(&old.title, year)
                || new.title == format!("{REVIEW_MARK_PLAIN} {shifted}"),
            "{} carried as {}",
            old.title,
            new.title
        );
        assert_eq!(old.content.len(), new.content.len(), "blocks of `{}`", old.title);
        for (a, b) in old.content.iter().zip(&new.content) {
            compare_block(a, b, year, follows);
        }
        // The follow-up part may be added at the end.
        for (a, b) in old.parts.iter().zip(&new.parts) {
            compare_part(a, b, year, follows);
        }
    }

    fn compare_text(old: &Markdown, new: &Markdown) {
        assert_eq!(unmark(&new.text), old.text);
    }

    fn compare_block(a: &Block, b: &Block, year: i32, follows: &mut Vec<(String, String, bool)>) {
        assert_eq!((a.intern, &a.sekretess), (b.intern, &b.sekretess));
        match (&a.kind, &b.kind) {
            (BlockKind::Text(x), BlockKind::Text(y)) => compare_text(x, y),
            (BlockKind::Table(x), BlockKind::Table(y)) => {
                assert_eq!(x.columns.value, y.columns.value);
                assert_eq!(x.status_column, y.status_column);
                if x.rows.iter().any(|r| r.follows.is_some()) {
                    for row in &y.rows {
                        let text = row.cells.value[0].text.clone();
                        let follows_id = row.follows.as_ref().unwrap().value.clone();
                        follows.push((follows_id, text, row.intern));
                    }
                    return;
                }
                assert_eq!(x.rows.len(), y.rows.len());
                for (r, s) in x.rows.iter().zip(&y.rows) {
                    assert_eq!(r.id.value, s.id.value);
                    let cells = |row: &StatusRow| -> Vec<String> {
                        row.cells.value.iter().map(|c| c.text.clone()).collect()
                    };
                    assert_eq!(cells(r), cells(s));
                    assert_eq!(r.status.value, s.status.value);
                    let new_text = &s.status_text.as_ref().unwrap().text;
                    match &r.status_text {
                        Some(old) => assert_eq!(unmark(new_text), old.text),
                        None => assert_eq!(new_text, REVIEW_MARK),
                    }
                    assert_eq!((r.intern, &r.sekretess), (s.intern, &s.sekretess));
                }
            }
            // Only the tabled ones return to the list.
            (BlockKind::Recommendations(_), BlockKind::Recommendations(y)) => {
                assert!(y.iter().all(|r| r.follows.is_some() && r.decision.is_none()));
            }
            (BlockKind::Incidents(x), BlockKind::Incidents(y)) => {
                assert_eq!(x.categories, y.categories);
                assert!(y.records.is_empty());
            }
            (BlockKind::GapAnalysis(x), BlockKind::GapAnalysis(y)) => {
                assert_eq!(x.requirements.len(), y.requirements.len());
                for (e, f) in x.requirements.iter().zip(&y.requirements) {
                    assert_eq!(e.clause.value, f.clause.value);
                    assert_eq!(e.status.value, f.status.value);
                    for (old, new) in [
                        (&e.current_state, &f.current_state),
                        (&e.comment, &f.comment),
                        (&e.action, &f.action),
                    ] {
                        if let Some(old) = old {
                            compare_text(old, new.as_ref().unwrap());
                        }
                    }
                }
            }
            (BlockKind::Appendices(x), BlockKind::Appendices(y)) => {
                assert_eq!(x.len(), y.len());
                for (p, q) in x.iter().zip(y) {
                    assert_eq!(p.id.value, q.id.value);
                    assert_eq!(q.title, mark_title(&p.title, year));
                    assert_eq!(p.content.len(), q.content.len());
                    for (c, d) in p.content.iter().zip(&q.content) {
                        compare_block(c, d, year, follows);
                    }
                }
            }
            _ => panic!("a block changed its kind"),
        }
    }

    /// Writes the scaffold of `source` to `dir/<year>` and loads it back.
    fn scaffold_and_load(source: &Report, dir: &Path, year: i32) -> Report {
        let target = dir.join(year.to_string());
        fs::create_dir_all(&target).unwrap();
        for (name, text) in scaffold(source, year).unwrap() {
            fs::write(target.join(name), text).unwrap();
        }
        load_report(&target).unwrap_or_else(|e| panic!("{e}")).report
    }

    // Every text of the source year must reach the new year unchanged but for the marker.
    #[test]
    fn scaffold_of_example_2024_loads_back_with_the_same_texts() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for source in ["examples/exempelkommun/2024", "content/2023"] {
            let source = load_report(&root.join(source)).unwrap().report;
            let dir = tempfile::tempdir().unwrap();
            let new = scaffold_and_load(&source, dir.path(), source.year() + 1);
            assert_eq!(new.year(), source.year() + 1);
            let mut follows = Vec::new();
            for old in &source.sections {
                let section = new.sections.iter().find(|s| s.name == old.name).unwrap();
                compare_part(&old.part, &section.part, source.year(), &mut follows);
            }
            // Each recommendation neither rejected nor tabled is followed up once, with its
            // text (an amended one's as decided) and confidentiality.
            let expected: Vec<(String, String, bool)> = recs(&source)
                .into_iter()
                .filter(|(r, _, _)| {
                    !matches!(
                        r.decision.as_ref().map(|d| d.value),
                        Some(Decision::Rejected | Decision::Tabled)
                    )
                })
                .map(|(r, intern, _)| (r.id.value.clone(), followed_text(r), intern))
                .collect();
            if follows.is_empty() {
                // The follow-up table was added as a new part.
                for (_, row) in new.status_rows() {
                    if let Some(f) = &row.follows {
                        follows.push((
                            f.value.clone(),
                            row.cells.value[0].text.clone(),
                            row.intern,
                        ));
                    }
                }
            }
            assert_eq!(follows, expected);
            assert_eq!(
                source.meta.revision_note.as_ref().map(|n| n.text.clone()),
                new.meta.revision_note.as_ref().map(|n| unmark(&n.text).to_string())
            );
        }
    }

    // `new` printed a confidential recommendation in the public edition: its follow-up row
    // lacked `intern`.
    #[test]
    fn follow_up_rows_keep_the_confidentiality_of_their_recommendation() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let source = load_report(&root.join("examples/exempelkommun/2024")).unwrap().report;
        let dir = tempfile::tempdir().unwrap();
        let new = scaffold_and_load(&source, dir.path(), 2025);
        let row = new
            .status_rows()
            .into_iter()
            .map(|(_, r)| r)
            .find(|r| r.follows.as_ref().is_some_and(|f| f.value == "rek-2024-07"))
            .unwrap();
        assert!(row.intern);
    }

    // Regression: a recommendation in an appendix of an internal appendices block became a
    // public follow-up row next year, its text with it.
    #[test]
    fn a_recommendation_in_an_internal_appendix_stays_internal() {
        let dir = tempfile::tempdir().unwrap();
        let report = "organisation: X\ntitle: T\nyear: 2024\ndate: 2024-09-01\nauthor: A\n\
                      sections:\n  - introduction\n";
        fs::write(dir.path().join("report.yaml"), report).unwrap();
        let section = "title: Inledning\ncontent:\n  - sekretess: 18 kap. 8 § OSL\n    \
                       appendices:\n      - id: b1\n        title: Bilaga\n        content:\n\
                       \x20         - recommendations:\n              - id: r1\n\
                       \x20               text: Hemlig.\n";
        fs::write(dir.path().join("introduction.yaml"), section).unwrap();
        let source = load_report(dir.path()).unwrap().report;
        let found: Vec<(&str, bool, Option<&str>)> =
            recs(&source).into_iter().map(|(r, i, s)| (r.id.value.as_str(), i, s)).collect();
        assert_eq!(found, [("r1", true, Some("18 kap. 8 § OSL"))]);
    }
}
