//! The next year's content, scaffolded from an earlier year (`ledgen new`).
//!
//! The new year keeps the sections, tables, texts, images and template overrides; its report
//! date moves on a year; every recommendation of the source year becomes a row of the follow-up
//! table (`follows:` set, status `ej bedömd`, confidential if the recommendation was; an adopted
//! one, `antagen` or `ändrad`, keeps its `owner` and `due`); the list of
//! recommendations is left empty, ready to fill. Whatever is carried over as last year's words is
//! marked for review (`**Att granska:**`, see `docs/content-format.md`) so that no old statement
//! reaches next year's report unseen: texts, status texts, GAP assessments, titles that name last
//! year. The YAML is written by serde-saphyr from typed structs ([`super::written`]), so any text
//! round-trips (quoted where it must be, block scalars for multi-line text).

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use serde_saphyr::FlowSeq;

use crate::model::{
    Appendix, Block, BlockKind, DatePrecision, Part, Report, SectionKind, Status, StatusRow,
};

use super::written::{
    AbbreviationOut, AppendixOut, BlockOut, GapEntryOut, GapOut, IncidentsOut, Legend, MetaOut,
    PartOut, RevisionOut, RowOut, TableOut, to_yaml,
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
    let follow_rows: Vec<RowOut> = source
        .placed_recommendations()
        .into_iter()
        .map(|placed| {
            let (rec, intern, sekretess) =
                (placed.recommendation, placed.internal, placed.sekretess);
            let mut id = format!("uppf-{}", rec.id.value);
            while used_ids.contains(&id) {
                id.push_str("-2");
            }
            used_ids.push(id.clone());
            // An adopted recommendation is an action with an owner and a deadline to follow.
            let adopted = rec.decision.as_ref().is_some_and(|d| d.value.is_adopted());
            RowOut {
                id,
                cells: vec![rec.text.text.clone()],
                status: Status::NotAssessed.keyword(),
                status_text: Some(String::new()),
                follows: Some(rec.id.value.clone()),
                owner: rec.owner.clone().filter(|_| adopted),
                due: rec.due.filter(|_| adopted).map(|d| d.to_string()),
                intern,
                sekretess: sekretess.map(str::to_string),
            }
        })
        .collect();

    let has_follow_up_table = source.status_rows().iter().any(|(_, r)| r.follows.is_some());
    let mut placed = has_follow_up_table || follow_rows.is_empty();
    let mut carry = Carry { old_year, follow_rows: Some(follow_rows) };
    let mut names: Vec<String> = source.sections.iter().map(|s| s.name.clone()).collect();
    let mut files = Vec::new();
    for section in &source.sections {
        let mut part = carry.part(&section.part);
        if !placed && section.kind == SectionKind::Revisions {
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
        draft: true,
    };
    let mut out = vec![("report.yaml".to_string(), to_yaml(&report, "report.yaml")?)];
    out.extend(files);
    Ok(out)
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
}

impl Carry {
    fn part(&mut self, part: &Part) -> PartOut {
        PartOut {
            title: mark_title(&part.title, self.old_year),
            content: part.content.iter().map(|b| self.block(b)).collect(),
            parts: part.parts.iter().map(|p| self.part(p)).collect(),
            covers: part.covers.clone(),
        }
    }

    fn follow_up_part(&mut self) -> PartOut {
        let rows = self.follow_rows.take().unwrap_or_default();
        PartOut {
            title: FOLLOW_UP_TITLE.into(),
            content: vec![BlockOut {
                table: Some(TableOut {
                    columns: FlowSeq(vec!["Rekommendation".into()]),
                    status_column: Some("Status".into()),
                    rows,
                }),
                ..BlockOut::default()
            }],
            parts: Vec::new(),
            covers: None,
        }
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
            BlockKind::Recommendations(_) => out.recommendations = Some(Vec::new()),
            // Each year has its own incidents; the categories carry over.
            BlockKind::Incidents(incidents) => {
                out.incidents = Some(IncidentsOut {
                    categories: incidents.categories.clone().map(FlowSeq),
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

    /// The reports' recommendations with their confidentiality, by id.
    fn recs(report: &Report) -> Vec<(&Recommendation, bool, Option<&str>)> {
        let placed = report.placed_recommendations();
        placed.into_iter().map(|p| (p.recommendation, p.internal, p.sekretess)).collect()
    }

    /// Compares a carried-over part with its source: titles, texts, rows, flags.
    fn compare_part(old: &Part, new: &Part, year: i32, follows: &mut Vec<(String, String, bool)>) {
        assert_eq!(new.title, mark_title(&old.title, year));
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
            (BlockKind::Recommendations(_), BlockKind::Recommendations(y)) => assert!(y.is_empty()),
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
            // Each recommendation is followed up once, with its text and confidentiality.
            let expected: Vec<(String, String, bool)> = recs(&source)
                .into_iter()
                .map(|(r, intern, _)| (r.id.value.clone(), r.text.text.clone(), intern))
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
