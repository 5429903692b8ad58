//! The management's decisions read back from a Word review: the meeting's date and who
//! attended, each recommendation's decision, owner and deadline (the "Beslut" section ledgen's
//! Word edition writes, or a table of the same columns), and the approval on the title page. They
//! go into `report.yaml` and the recommendations, so that `ledgen new` can follow the decided
//! recommendations up.

use super::docx::{Element, Table};
use super::front::{find_date, labelled};
use crate::model::Decision;
use crate::scaffold::written::{AttendeeOut, BlockOut, MeetingOut, PartOut};

/// What the management decided on one recommendation, by its number in the document.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Decided {
    pub(super) number: usize,
    pub(super) decision: Option<&'static str>,
    pub(super) note: Option<String>,
    pub(super) owner: Option<String>,
    pub(super) due: Option<String>,
}

/// The meeting as a "Beslut" section records it.
#[derive(Debug, Default)]
pub(super) struct Meeting {
    pub(super) date: Option<String>,
    pub(super) attendees: Vec<AttendeeOut>,
    pub(super) decided: Vec<Decided>,
}

impl Meeting {
    /// The meeting for `report.yaml`, when anything of it is known.
    pub(super) fn out(&self) -> Option<MeetingOut> {
        (self.date.is_some() || !self.attendees.is_empty())
            .then(|| MeetingOut { date: self.date.clone(), attendees: self.attendees.clone() })
    }
}

/// The meeting a section's `elements` record: a "Mötesdatum:" line, a table of names and
/// roles, a table of decisions with a number or recommendation column and a decision column.
/// `None` when they hold no such table.
pub(super) fn read(elements: &[Element]) -> Option<Meeting> {
    let mut meeting = Meeting::default();
    let mut found = false;
    for element in elements {
        match element {
            Element::Paragraph(p) => {
                let text = p.plain();
                if let Some(value) = labelled(&text, &["mötesdatum", "datum för mötet"]) {
                    meeting.date = find_date(value);
                }
            }
            Element::Table(table) => {
                let head = heads(table);
                let column = |names: &[&str]| head.iter().position(|h| names.contains(&h.as_str()));
                if let (Some(name), Some(role)) =
                    (column(&["namn"]), column(&["roll", "befattning"]))
                {
                    found = true;
                    meeting.attendees.extend(rows(table).filter_map(|row| {
                        let name = row.get(name).filter(|n| !n.is_empty())?.clone();
                        let role = row.get(role).filter(|r| !r.is_empty()).cloned();
                        Some(AttendeeOut { name, role })
                    }));
                } else if let Some(decision) = column(&["beslut"]) {
                    let number = column(&["nr", "nummer", "rekommendation"]).unwrap_or(0);
                    let owner = column(&["ansvarig"]);
                    let due = column(&["klart senast", "senast", "deadline"]);
                    let decided: Vec<Decided> = rows(table)
                        .filter_map(|row| decided(&row, number, decision, owner, due))
                        .collect();
                    found |= !decided.is_empty();
                    meeting.decided.extend(decided);
                }
            }
        }
    }
    found.then_some(meeting)
}

/// The lower-cased texts of a table's first row.
fn heads(table: &Table) -> Vec<String> {
    table.rows.first().map_or_else(Vec::new, |row| {
        row.iter().map(|c| c.plain().trim_end_matches(':').to_lowercase()).collect()
    })
}

/// The texts of a table's rows after its heading row.
fn rows(table: &Table) -> impl Iterator<Item = Vec<String>> + '_ {
    table.rows.iter().skip(1).map(|row| row.iter().map(|c| c.plain()).collect())
}

/// One row of a decisions table: its number (the leading digits of the number column), the
/// decision word at the start of the decision column and what follows it as the note.
fn decided(
    row: &[String],
    number: usize,
    decision: usize,
    owner: Option<usize>,
    due: Option<usize>,
) -> Option<Decided> {
    let digits: String = row.get(number)?.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().ok()?;
    let cell = row.get(decision).map(String::as_str).unwrap_or_default();
    let (word, rest) = cell.split_once(char::is_whitespace).unwrap_or((cell, ""));
    let parsed = Decision::parse(&word.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
    let (decision, note) = match parsed {
        Ok(d) => (Some(d.keyword()), Some(rest.trim()).filter(|r| !r.is_empty())),
        // "Beslut saknas", or words of the board's own: no decision, nothing to guess.
        Err(_) => (None, None),
    };
    let value = |at: Option<usize>| at.and_then(|i| row.get(i)).filter(|v| !v.is_empty()).cloned();
    let due = value(due).and_then(|d| find_date(&d).or_else(|| find_month(&d)));
    Some(Decided { number, decision, note: note.map(str::to_string), owner: value(owner), due })
}

/// `2025-03` in "2025-03" (a deadline given as a month).
fn find_month(text: &str) -> Option<String> {
    let t = text.trim();
    let ok = t.len() == 7
        && t.as_bytes()[4] == b'-'
        && t.chars().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit());
    ok.then(|| t.to_string())
}

/// Gives each recommendation of `sections` (numbered from 1 in document order, as ledgen
/// numbers them) what `decided` records for its number. Returns how many got a decision.
pub(super) fn apply(decided: &[Decided], sections: &mut [(String, PartOut)]) -> usize {
    let mut number = 0;
    let mut applied = 0;
    for (_, part) in sections.iter_mut() {
        visit(part, &mut |block| {
            for rec in block.recommendations.iter_mut().flatten() {
                number += 1;
                let Some(d) = decided.iter().find(|d| d.number == number) else { continue };
                rec.decision = d.decision;
                rec.decision_note.clone_from(&d.note);
                rec.owner.clone_from(&d.owner);
                rec.due.clone_from(&d.due);
                applied += usize::from(d.decision.is_some());
            }
        });
    }
    applied
}

/// Calls `f` on every block of `part` and its parts, in document order.
fn visit(part: &mut PartOut, f: &mut impl FnMut(&mut BlockOut)) {
    for block in &mut part.content {
        f(block);
    }
    for sub in &mut part.parts {
        visit(sub, f);
    }
}

/// The approval the title page states ("Fastställd av: …", "Fastställd: 2024-09-26",
/// "Diarienummer: …") and the meeting's date ("Mötesdatum: …").
#[derive(Debug, Default, PartialEq)]
pub(super) struct Approval {
    pub(super) approved_by: Option<String>,
    pub(super) approved_on: Option<String>,
    pub(super) registration_number: Option<String>,
    pub(super) meeting_date: Option<String>,
}

impl Approval {
    /// Reads one line of the title page into the approval, if it is one of its lines.
    pub(super) fn read(&mut self, text: &str) -> bool {
        let value = |names: &[&str]| labelled(text, names).map(str::to_string);
        if let Some(by) = value(&["fastställd av", "beslutad av"]) {
            self.approved_by = Some(by);
        } else if let Some(on) = value(&["fastställd", "fastställd den", "beslutsdatum"]) {
            self.approved_on = find_date(&on);
        } else if let Some(number) = value(&["diarienummer", "dnr", "dnr."]) {
            self.registration_number = Some(number.replace('\u{a0}', " "));
        } else if let Some(date) = value(&["mötesdatum"]) {
            self.meeting_date = find_date(&date);
        } else {
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_decision_row_gives_its_number_word_note_owner_and_deadline() {
        let r =
            row(&["3", "Avtal tecknas", "Ändrad Med en kortare tid.", "Objektägare", "2025-06"]);
        assert_eq!(
            decided(&r, 0, 2, Some(3), Some(4)),
            Some(Decided {
                number: 3,
                decision: Some("ändrad"),
                note: Some("Med en kortare tid.".into()),
                owner: Some("Objektägare".into()),
                due: Some("2025-06".into()),
            })
        );
        // "2 rek-2024-02" (ids shown), "Beslut saknas": the number, no decision.
        let r = row(&["2 rek-2024-02", "Text", "Beslut saknas", "", ""]);
        let d = decided(&r, 0, 2, Some(3), Some(4)).unwrap();
        assert_eq!((d.number, d.decision, d.owner), (2, None, None));
        // A row without a number is no decision of a recommendation.
        assert_eq!(decided(&row(&["", "Text", "Antagen"]), 0, 2, None, None), None);
    }

    #[test]
    fn the_title_pages_approval_lines_are_read() {
        let mut approval = Approval::default();
        assert!(approval.read("Fastställd av: Förvaltningsdirektör Kim Ek"));
        assert!(approval.read("Fastställd: 2024-09-26"));
        assert!(approval.read("Diarienummer: KFF\u{a0}2024/123"));
        assert!(approval.read("Mötesdatum: 2024-09-26"));
        assert!(!approval.read("Datum: 2024-09-12"));
        assert_eq!(approval.approved_by.as_deref(), Some("Förvaltningsdirektör Kim Ek"));
        assert_eq!(approval.approved_on.as_deref(), Some("2024-09-26"));
        assert_eq!(approval.registration_number.as_deref(), Some("KFF 2024/123"));
        assert_eq!(approval.meeting_date.as_deref(), Some("2024-09-26"));
    }
}
