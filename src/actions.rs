//! The review's action plan — every recommendation and every open status row — and its writers
//! to CSV, XLSX and iCalendar, for the business plan's planning tool (`ledgen export actions`).
//! The column layout is documented in `docs/export.md`.

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};

use crate::diff::plain_text;
use crate::i18n;
use crate::model::{Language, Report, Status};

/// What a row of the action plan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionKind {
    /// A recommendation for improvement.
    Recommendation,
    /// A status row assessed `gul` or `röd`.
    Status,
}

/// One row of the action plan.
#[derive(Clone, Debug)]
pub struct ActionRow {
    /// Recommendation or open status row.
    pub kind: ActionKind,
    /// The report's year.
    pub year: i32,
    /// A recommendation's number in the full edition (1-based, over the whole report in
    /// document order), so that the public export numbers as the full report does.
    pub number: Option<usize>,
    /// The item's id.
    pub id: String,
    /// The section, and the part within it, the item is under.
    pub section: String,
    /// The recommendation, or the row's cells, as plain text.
    pub text: String,
    /// How ("Hur").
    pub how: String,
    /// Who ("Vem").
    pub who: String,
    /// The priority ("låg", "medel", "hög"), empty when not given.
    pub priority: String,
    /// A row's status word ("Gul", "Röd"); empty for recommendations.
    pub status: String,
    /// A row's status text.
    pub status_text: String,
    /// The management's decision ("Antagen", "Ändrad", …); empty when none is recorded, and
    /// for status rows.
    pub decision: String,
    /// Who owns the action (`owner`); empty when none is given.
    pub owner: String,
    /// The deadline (`due`; a month runs to its last day); none when none is given.
    pub due: Option<NaiveDate>,
    /// "Intern" or the OSL provision for confidential items; empty otherwise.
    pub confidential: String,
}

/// The action plan of a report: recommendations in document order, then open status rows in
/// document order. With `public`, confidential items (their own marking or their block's) are
/// left out; recommendation numbers stay those of the full edition.
pub fn action_rows(report: &Report, public: bool) -> Vec<ActionRow> {
    let language = report.meta.language;
    let labels = i18n::labels(language);
    let confidential = |internal: bool, provision: Option<&str>| match (internal, provision) {
        (false, _) => String::new(),
        (true, Some(p)) => p.to_string(),
        (true, None) => labels.intern.to_string(),
    };
    let mut rows = Vec::new();
    for (i, placed) in report.placed_recommendations().iter().enumerate() {
        let section = heading(&placed.section.part.title, placed.place.title);
        if public && placed.internal {
            continue;
        }
        let rec = placed.recommendation;
        rows.push(ActionRow {
            kind: ActionKind::Recommendation,
            year: report.year(),
            number: Some(i + 1),
            id: rec.id.value.clone(),
            section,
            text: plain_text(&rec.text),
            how: rec.how.as_ref().map(plain_text).unwrap_or_default(),
            who: rec.who.as_ref().map(plain_text).unwrap_or_default(),
            priority: rec
                .priority
                .as_ref()
                .map(|p| i18n::priority_word(language, p.value).to_string())
                .unwrap_or_default(),
            status: String::new(),
            status_text: String::new(),
            decision: rec
                .decision
                .as_ref()
                .map(|d| i18n::decision_word(language, d.value).to_string())
                .unwrap_or_default(),
            owner: rec.owner.clone().unwrap_or_default(),
            due: rec.due.map(|d| d.last_day()),
            confidential: confidential(placed.internal, placed.sekretess),
        });
    }
    for placed in report.placed_rows() {
        let row = placed.row;
        if !matches!(row.status.value, Status::Yellow | Status::Red) {
            continue;
        }
        if public && placed.internal {
            continue;
        }
        let cells: Vec<String> = row.cells.value.iter().map(plain_text).collect();
        rows.push(ActionRow {
            kind: ActionKind::Status,
            year: report.year(),
            number: None,
            id: row.id.value.clone(),
            section: heading(&placed.section.part.title, placed.place.title),
            text: cells.join(" – "),
            how: String::new(),
            who: String::new(),
            priority: String::new(),
            status: i18n::status_word(language, row.status.value).to_string(),
            status_text: row.status_text.as_ref().map(plain_text).unwrap_or_default(),
            decision: String::new(),
            owner: row.owner.clone().unwrap_or_default(),
            due: row.due.map(|d| d.last_day()),
            confidential: confidential(placed.internal, placed.sekretess),
        });
    }
    rows
}

/// "Section – part", or the section's title alone when the item is directly under it.
fn heading(section: &str, part: &str) -> String {
    if section == part { section.to_string() } else { format!("{section} – {part}") }
}

/// The column headings, in the documented order.
pub fn headings(language: Language) -> [&'static str; 15] {
    let l = i18n::labels(language);
    [
        l.export_kind,
        l.export_year,
        l.export_number,
        l.export_id,
        l.section,
        l.export_text,
        l.how,
        l.who,
        l.priority,
        l.status,
        l.export_status_text,
        l.export_decision,
        l.export_owner,
        l.export_due,
        l.export_confidential,
    ]
}

/// A row's cells as text, in the order of [`headings`].
fn cells(row: &ActionRow, language: Language) -> [String; 15] {
    let l = i18n::labels(language);
    let kind = match row.kind {
        ActionKind::Recommendation => l.recommendation,
        ActionKind::Status => l.export_status_row,
    };
    [
        kind.to_string(),
        row.year.to_string(),
        row.number.map(|n| n.to_string()).unwrap_or_default(),
        row.id.clone(),
        row.section.clone(),
        row.text.clone(),
        row.how.clone(),
        row.who.clone(),
        row.priority.clone(),
        row.status.clone(),
        row.status_text.clone(),
        row.decision.clone(),
        row.owner.clone(),
        row.due.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        row.confidential.clone(),
    ]
}

/// The action plan as CSV (see [`crate::spreadsheet`]), a heading row first.
pub fn csv(rows: &[ActionRow], language: Language) -> Result<Vec<u8>> {
    let mut file = crate::spreadsheet::CsvWriter::new(headings(language))?;
    for row in rows {
        file.row(cells(row, language))?;
    }
    file.finish()
}

/// The action plan as an Excel workbook: one sheet, a bold heading row kept in view, filters on
/// every column, column widths to suit, deadlines as dates.
pub fn xlsx(rows: &[ActionRow], language: Language, year: i32) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, FormatAlign, Workbook};

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(format!("{} {year}", i18n::labels(language).export_sheet))?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Top);
    let heads = headings(language);
    // Widths in characters: long texts wrap in wide columns, short codes get narrow ones.
    let widths =
        [16.0, 7.0, 6.0, 22.0, 28.0, 60.0, 36.0, 28.0, 10.0, 9.0, 40.0, 24.0, 18.0, 13.0, 16.0];
    for (column, (heading, width)) in heads.iter().zip(widths).enumerate() {
        let column = column as u16;
        sheet.write_string_with_format(0, column, *heading, &bold)?;
        sheet.set_column_width(column, width)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (column, cell) in cells(row, language).iter().enumerate() {
            let column = column as u16;
            match (column, row.due) {
                (1, _) => sheet.write_number_with_format(r, column, row.year as f64, &wrap)?,
                (2, _) if row.number.is_some() => sheet.write_number_with_format(
                    r,
                    column,
                    row.number.unwrap_or_default() as f64,
                    &wrap,
                )?,
                (13, Some(due)) => {
                    let due = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        due.format("%Y").to_string().parse()?,
                        due.format("%m").to_string().parse()?,
                        due.format("%d").to_string().parse()?,
                    )?;
                    sheet.write_datetime_with_format(r, column, due, &date)?
                }
                _ if cell.is_empty() => sheet,
                _ => sheet.write_string_with_format(r, column, cell, &wrap)?,
            };
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, heads.len() as u16 - 1)?;
    workbook.save_to_buffer().with_context(|| crate::tr!("export-xlsx-failed"))
}

/// The deadlines as an iCalendar file (RFC 5545): one all-day event per item with a deadline.
/// Items without one are not in it; a plan without deadlines gives a valid, empty calendar.
/// `stamp` is the report's date, so that the same content gives the same file.
pub fn ics(rows: &[ActionRow], language: Language, stamp: NaiveDate) -> String {
    let labels = i18n::labels(language);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:-//ledgen//ledgen {}//SV", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    for row in rows {
        let Some(due) = row.due else { continue };
        let title = match row.number {
            Some(n) => format!("{} {n}: {}", labels.recommendation, row.text),
            None => row.text.clone(),
        };
        let mut description = Vec::new();
        for (label, value) in [
            (labels.how, &row.how),
            (labels.who, &row.who),
            (labels.export_owner, &row.owner),
            (labels.priority, &row.priority),
            (labels.export_decision, &row.decision),
        ] {
            if !value.is_empty() {
                description.push(format!("{label}: {value}"));
            }
        }
        // An all-day event ends the next day; past the year 9999, which a calendar date cannot
        // write in four digits, it lasts one day instead.
        let end = match due.succ_opt().filter(|next| next.year() <= 9999) {
            Some(next) => format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
            None => "DURATION:P1D".to_string(),
        };
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{}@ledgen", row.id, row.year),
            format!("DTSTAMP:{}T000000Z", stamp.format("%Y%m%d")),
            format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")),
            end,
            format!("SUMMARY:{}", ics_text(&title)),
        ]);
        if !description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", ics_text(&description.join("\n"))));
        }
        if !row.confidential.is_empty() {
            lines.push("CLASS:CONFIDENTIAL".to_string());
        }
        lines.push("END:VEVENT".to_string());
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l)).collect()
}

/// Text escaped for an iCalendar property value; control characters dropped.
fn ics_text(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line folded at 75 octets (never inside a character), ended with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(due: Option<NaiveDate>) -> ActionRow {
        ActionRow {
            kind: ActionKind::Recommendation,
            year: 2024,
            number: Some(3),
            id: "rek-2024-03".into(),
            section: "Rekommendationer".into(),
            text: "Inför flerfaktorsautentisering, för alla; även \\ konsulter ".repeat(3),
            how: "Upphandling".into(),
            who: "IT-chef".into(),
            priority: "Hög".into(),
            status: String::new(),
            status_text: String::new(),
            decision: String::new(),
            owner: String::new(),
            due,
            confidential: String::new(),
        }
    }

    #[test]
    fn ics_lines_are_folded_escaped_and_crlf() {
        let due = NaiveDate::from_ymd_opt(2025, 3, 31);
        let text = ics(&[row(due), row(None)], Language::Sv, due.unwrap());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert!(lines.iter().all(|l| l.len() <= 75 && !l.contains('\n')), "{text}");
        assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 1);
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20250331"));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20250401"));
        // Unfolded, the summary carries its escapes.
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:Rekommendation 3: Inför flerfaktorsautentisering\\, för alla\\; även \\\\ konsulter"));
    }

    // Regression: `due: 9999-12` ended its event on `+100000101`, which no calendar reads.
    #[test]
    fn a_deadline_at_the_end_of_time_lasts_a_day() {
        let due = NaiveDate::from_ymd_opt(9999, 12, 31);
        let text = ics(&[row(due)], Language::Sv, NaiveDate::from_ymd_opt(2024, 9, 1).unwrap());
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert!(lines.contains(&"DTSTART;VALUE=DATE:99991231"), "{text}");
        assert!(lines.contains(&"DURATION:P1D") && !text.contains("DTEND"), "{text}");
    }

    #[test]
    fn csv_cells_cannot_become_formulas() {
        let mut r = row(None);
        r.text = "=HYPERLINK(\"http://x\")".into();
        let bytes = csv(&[r], Language::Sv).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("'=HYPERLINK"), "{text}");
    }
}
