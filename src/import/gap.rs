//! A GAP analysis read back from a Word review: a table with a row per requirement of ISO/IEC
//! 27001:2022 (its clause first, "4.1 Organisationen och dess förutsättningar"), a status
//! column and the columns Nuläge, Kommentar and Förslag på åtgärd, as ledgen's Word edition
//! writes it. It becomes a `gap_analysis` block, which draws its own summary table and chart,
//! so the summary table of counts before it is left out.

use super::Import;
use super::classify::{cell_markdown, header, status_column, status_of_text};
use super::docx::Table;
use crate::model::REQUIREMENTS;
use crate::scaffold::written::{BlockOut, GapEntryOut, GapOut};

/// The fewest requirement rows that make a table a GAP analysis.
const FEWEST: usize = 3;

/// The requirement a row's first cell names: "4.1 Organisationen …" or "A.5 …".
fn clause(text: &str) -> Option<&'static str> {
    let code = text.split_whitespace().next()?;
    REQUIREMENTS.iter().map(|r| r.id).find(|id| *id == code)
}

/// Whether `table` is a GAP analysis: a status column, a "Nuläge" column, and its rows, but
/// for a few, named by a requirement's clause.
pub(super) fn is_gap(table: &Table) -> bool {
    let (head, first) = header(table);
    let lower = lowered(&head);
    if status_column(&head).is_none() || !lower.iter().any(|h| h == "nuläge") {
        return false;
    }
    let rows: Vec<String> = table.rows[first..]
        .iter()
        .filter_map(|row| row.first().map(|c| c.plain()))
        .filter(|t| !t.is_empty())
        .collect();
    let named = rows.iter().filter(|t| clause(t).is_some()).count();
    named >= FEWEST && named * 10 >= rows.len() * 9
}

/// Whether `table` is the summary of counts ledgen draws before a GAP analysis (and beside a
/// chart): a column of labels, one column per status, and a total.
pub(super) fn is_counts(table: &Table) -> bool {
    let (head, _) = header(table);
    let statuses = head.iter().filter(|h| status_of_text(h).is_some()).count();
    statuses >= 2 && lowered(&head).last().is_some_and(|h| h == "totalt" || h == "total")
}

fn lowered(head: &[String]) -> Vec<String> {
    head.iter().map(|h| h.to_lowercase().trim_end_matches(':').to_string()).collect()
}

impl Import<'_> {
    /// The GAP analysis `table` holds (see [`is_gap`]).
    pub(super) fn gap_table(&mut self, table: &Table) -> BlockOut {
        let (head, first) = header(table);
        let lower = lowered(&head);
        let find = |names: &[&str]| lower.iter().position(|h| names.contains(&h.as_str()));
        let status = status_column(&head);
        let current = find(&["nuläge"]);
        let comment = find(&["kommentar", "kommentarer"]);
        let action = find(&["förslag på åtgärd", "föreslagen åtgärd", "åtgärd"]);
        let mut requirements = Vec::new();
        for row in &table.rows[first..] {
            let Some(clause) = row.first().and_then(|c| clause(&c.plain())) else { continue };
            let cell = |i: Option<usize>| {
                i.and_then(|i| row.get(i)).map(cell_markdown).filter(|t| !t.is_empty())
            };
            let place = crate::tr!("import-place-row", section = self.place.as_str(), row = clause);
            let status = match status.and_then(|i| row.get(i)) {
                Some(cell) => self.row_status(cell, &place).0,
                None => crate::model::Status::NotAssessed,
            };
            let (current_state, comment, action) = (cell(current), cell(comment), cell(action));
            // A requirement not assessed and with nothing said of it is one the analysis left
            // out (ledgen shows every requirement).
            let empty = current_state.is_none() && comment.is_none() && action.is_none();
            if status == crate::model::Status::NotAssessed && empty {
                continue;
            }
            requirements.push(GapEntryOut {
                clause: clause.to_string(),
                current_state,
                status: status.keyword(),
                comment,
                action,
            });
        }
        BlockOut { gap_analysis: Some(GapOut { requirements }), ..BlockOut::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_requirement_is_named_by_its_clause_first() {
        assert_eq!(clause("4.1 Organisationen och dess förutsättningar"), Some("4.1"));
        assert_eq!(clause("A.8 Tekniska säkerhetsåtgärder"), Some("A.8"));
        assert_eq!(clause("4.1"), Some("4.1"));
        // A number that is no clause of the standard, or a clause later in the text.
        assert_eq!(clause("4.9 Något annat"), None);
        assert_eq!(clause("Se 4.1"), None);
    }
}
