//! An incident appendix read back from a Word review: the table of incidents (Datum, Kategori,
//! Beskrivning, and Konsekvens, Åtgärder, Personuppgifter, Anmäld till IMY where given) becomes
//! an `incidents` block, which draws its own counts and charts; the counts per category before it
//! give the categories in force, and those per month the period the appendix covers.

use super::Import;
use super::classify::{cell_markdown, header};
use super::docx::Table;
use super::front::find_date;
use crate::scaffold::written::{BlockOut, IncidentOut, IncidentsOut, PeriodOut};
use serde_saphyr::FlowSeq;

/// What the counts tables before the incidents say: the categories and the months, in order.
#[derive(Debug, Default)]
pub(super) struct Counts {
    categories: Vec<String>,
    months: Vec<String>,
}

/// The lower-cased headings of `table`.
fn heads(table: &Table) -> Vec<String> {
    header(table).0.iter().map(|h| h.to_lowercase().trim_end_matches(':').to_string()).collect()
}

/// Whether `table` lists incidents: a date, a category and a description column.
pub(super) fn is_records(table: &Table) -> bool {
    let head = heads(table);
    ["datum", "kategori", "beskrivning"].iter().all(|h| head.iter().any(|c| c == h))
}

/// Whether `table` is a count of incidents per category or per month ("Kategori", "Antal"):
/// read into `counts` when it is.
pub(super) fn read_counts(table: &Table, counts: &mut Counts) -> bool {
    let head = heads(table);
    let n = header(table).1;
    if head.len() != 2 || head[1] != "antal" {
        return false;
    }
    let labels = table.rows[n..]
        .iter()
        .filter_map(|row| row.first().map(|c| c.plain()))
        .filter(|l| !l.is_empty() && l != withheld_label());
    match head[0].as_str() {
        "kategori" => counts.categories.extend(labels),
        "månad" => counts.months.extend(labels),
        _ => return false,
    }
    true
}

/// Leaves out the sentence an incidents block writes above its counts ("Elva incidenter har
/// registrerats, varav en omfattas av sekretess. Av dem rörde tre personuppgifter …"), when it
/// ends the text before them.
pub(super) fn drop_summary(blocks: &mut Vec<BlockOut>) {
    let Some(text) = blocks.last_mut().and_then(|b| b.text.as_mut()) else { return };
    let body = text.trim_end();
    let (before, last) = body.rsplit_once("\n\n").unwrap_or(("", body));
    let summary = last.contains("registrerats")
        && (last.ends_with("IMY.") || last.starts_with("Inga incidenter"));
    if !summary {
        return;
    }
    if before.trim().is_empty() {
        blocks.pop();
    } else {
        *text = format!("{}\n", before.trim_end());
    }
}

/// The row the counts give the confidential incidents: "Omfattas av sekretess".
fn withheld_label() -> &'static str {
    crate::i18n::labels(crate::model::Language::Sv).confidential_count
}

/// `2024-03` of "mars 2024".
fn month(label: &str) -> Option<String> {
    let date = find_date(&format!("1 {label}"))?;
    Some(date[..7].to_string())
}

/// Whether a Ja/Nej cell says yes.
fn yes(text: &str) -> bool {
    matches!(text.trim().to_lowercase().as_str(), "ja" | "yes" | "x" | "✓")
}

impl Import<'_> {
    /// The incidents block of the records `table`, with what `counts` read before it.
    pub(super) fn incidents(&mut self, table: &Table, counts: Counts) -> BlockOut {
        let head = heads(table);
        let (_, first) = header(table);
        let find = |names: &[&str]| head.iter().position(|h| names.contains(&h.as_str()));
        let date = find(&["datum"]);
        let category = find(&["kategori"]);
        let description_at = find(&["beskrivning"]);
        let consequence = find(&["konsekvens"]);
        let actions = find(&["åtgärder", "åtgärd"]);
        let personal = find(&["personuppgifter", "personuppgiftsincident"]);
        let imy = find(&["anmäld till imy", "anmäld till imy?"]);
        let intern_word = crate::i18n::labels(crate::model::Language::Sv).intern;
        let mut categories = counts.categories;
        let mut records = Vec::new();
        for row in &table.rows[first..] {
            let text = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|c| c.plain());
            let markdown = |i: Option<usize>| {
                i.and_then(|i| row.get(i)).map(cell_markdown).filter(|t| !t.is_empty())
            };
            let (Some(day), Some(kind)) = (text(date).and_then(|d| find_date(&d)), text(category))
            else {
                continue;
            };
            let mut description = markdown(description_at).unwrap_or_default();
            // The full edition marks a confidential incident with a bold "Intern" (and its
            // provision) before its description.
            let intern = text(description_at).is_some_and(|t| t.starts_with(intern_word));
            if intern
                && let Some(end) = description.find("**").and_then(|start| {
                    description[start + 2..].find("**").map(|end| start + 2 + end + 2)
                })
            {
                description = description[end..].trim().to_string();
            }
            if !categories.contains(&kind) {
                categories.push(kind.clone());
            }
            records.push(IncidentOut {
                id: format!("inc-{}-{:02}", self.year, records.len() + 1),
                date: day,
                category: kind,
                description,
                consequence: markdown(consequence),
                actions: markdown(actions),
                personal_data: text(personal).is_some_and(|t| yes(&t)),
                reported_to_imy: text(imy).is_some_and(|t| yes(&t)),
                intern,
            });
        }
        let months: Vec<String> = counts.months.iter().filter_map(|m| month(m)).collect();
        let period = match (months.first(), months.last()) {
            (Some(from), Some(to)) => Some(PeriodOut { from: from.clone(), to: to.clone() }),
            _ => None,
        };
        BlockOut {
            incidents: Some(IncidentsOut {
                categories: (!categories.is_empty()).then_some(FlowSeq(categories)),
                period,
                records,
            }),
            ..BlockOut::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_yes_are_read_as_the_word_edition_writes_them() {
        assert_eq!(month("mars 2024").as_deref(), Some("2024-03"));
        assert_eq!(month("Omfattas av sekretess"), None);
        assert!(yes("Ja") && yes(" ja ") && !yes("Nej") && !yes(""));
    }
}
