//! An incident register's rows as incidents: the columns found by their headings, each row's
//! date, category, description and yes/no columns read and checked, and every problem named by
//! its file, sheet, cell and column heading.

use std::path::Path;

use chrono::NaiveDate;
use serde_saphyr::{Location, Spanned};

use super::sheet::column_letters;
use super::{Cell, Sheet};
use crate::diagnostics::{Note, nearest};
use crate::model::{DatePrecision, Incident, Incidents, Markdown, RegisterColumns, ReportDate};

/// A message and perhaps a hint.
pub(super) type Problem = (String, Option<Note>);

/// Where in a register something is, for messages: the file, the sheet and the cell.
struct At<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
}

impl At<'_> {
    /// `incidenter.xlsx, Incidenter!D14 (Kategori)` or `incidenter.csv, D14 (Kategori)`.
    fn cell(&self, column: usize, row: usize, heading: &str) -> String {
        let cell = format!("{}{row}", column_letters(column));
        match self.sheet {
            Some(sheet) => format!("{}, {sheet}!{cell} ({heading})", self.file),
            None => format!("{}, {cell} ({heading})", self.file),
        }
    }

    /// `incidenter.xlsx, Incidenter` or `incidenter.csv`.
    fn file(&self) -> String {
        match self.sheet {
            Some(sheet) => format!("{}, {sheet}", self.file),
            None => self.file.to_string(),
        }
    }
}

/// The incidents of a register, or every problem found in it.
pub(super) fn records(
    file: &str,
    sheet: &Sheet,
    incidents: &Incidents,
    location: Location,
) -> Result<Vec<Incident>, Vec<Problem>> {
    let at = At { file, sheet: sheet.name.as_deref() };
    let mut problems: Vec<Problem> = Vec::new();
    let Some(columns) = Columns::find(sheet, &incidents.columns, &at, &mut problems) else {
        return Err(problems);
    };
    let stem = slug(Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("incident"));
    let rows = Rows { sheet, at, columns, categories: incidents.categories(), stem, location };
    let mut records = Vec::new();
    for (row, cells) in &sheet.rows {
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        if let Some(incident) = rows.record(*row, cells, &mut problems) {
            records.push(incident);
        }
    }
    if problems.is_empty() { Ok(records) } else { Err(problems) }
}

/// Where each of a register's columns is: the three it must have, and the others if it has them.
struct Columns {
    date: usize,
    category: usize,
    description: usize,
    id: Option<usize>,
    consequence: Option<usize>,
    actions: Option<usize>,
    personal_data: Option<usize>,
    reported_to_imy: Option<usize>,
    intern: Option<usize>,
}

impl Columns {
    /// The columns by their headings (in any case); a problem for each required one missing.
    fn find(
        sheet: &Sheet,
        names: &RegisterColumns,
        at: &At<'_>,
        problems: &mut Vec<Problem>,
    ) -> Option<Columns> {
        let find = |heading: &str| {
            let wanted = heading.trim().to_lowercase();
            sheet.headings.iter().position(|h| h.to_lowercase() == wanted)
        };
        let mut required = |heading: &str| {
            let found = find(heading);
            if found.is_none() {
                problems.push(missing_column(sheet, heading, at));
            }
            found
        };
        let date = required(&names.date);
        let category = required(&names.category);
        let description = required(&names.description);
        Some(Columns {
            date: date?,
            category: category?,
            description: description?,
            id: find(&names.id),
            consequence: find(&names.consequence),
            actions: find(&names.actions),
            personal_data: find(&names.personal_data),
            reported_to_imy: find(&names.reported_to_imy),
            intern: find(&names.intern),
        })
    }
}

/// The problem of a required column the register lacks, with the headings it has.
fn missing_column(sheet: &Sheet, heading: &str, at: &At<'_>) -> Problem {
    let listed = sheet
        .headings
        .iter()
        .filter(|h| !h.is_empty())
        .map(|h| format!("\"{h}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = match nearest(heading, sheet.headings.iter().map(String::as_str)) {
        Some(near) => crate::tr!("register-column-near", near = near),
        None => crate::tr!("register-column-name-it"),
    };
    (
        format!(
            "{}: {}",
            at.file(),
            crate::tr!("register-no-column", heading = heading, headings = listed)
        ),
        Some(Note::Hint(hint)),
    )
}

/// What reading a register's rows needs: the sheet, its columns and categories, and the place
/// of the `from:` key every incident is said to come from.
struct Rows<'a> {
    sheet: &'a Sheet,
    at: At<'a>,
    columns: Columns,
    categories: Vec<String>,
    /// The file's stem, the prefix of ids made for rows without one.
    stem: String,
    location: Location,
}

impl Rows<'_> {
    /// Row `row` as an incident, or none when it has a problem (added to `problems`).
    fn record(&self, row: usize, cells: &[Cell], problems: &mut Vec<Problem>) -> Option<Incident> {
        let before = problems.len();
        let columns = &self.columns;
        let cell = |column: usize| cells.get(column).unwrap_or(&Cell::Empty);
        let text = |column: Option<usize>| column.and_then(|c| cell_text(cell(c)));
        let mut problem = |column: usize, message: String, hint: Option<Note>| {
            let place =
                self.at.cell(self.sheet.first_column + column, row, &self.sheet.headings[column]);
            problems.push((format!("{place}: {message}"), hint));
        };

        let date = self.date(cell(columns.date), &mut |m, h| problem(columns.date, m, h));
        let category = self
            .category(text(Some(columns.category)), &mut |m, h| problem(columns.category, m, h));
        let description = text(Some(columns.description));
        if description.is_none() {
            problem(columns.description, crate::tr!("register-no-description"), None);
        }
        let mut flag = |column: Option<usize>| -> bool {
            let Some(column) = column else { return false };
            yes_no(cell(column)).unwrap_or_else(|written| {
                problem(
                    column,
                    crate::tr!("register-not-yes-no", value = written.as_str()),
                    Some(Note::Hint(crate::tr!("register-not-yes-no-hint"))),
                );
                false
            })
        };
        let personal_data = flag(columns.personal_data);
        let reported_to_imy = flag(columns.reported_to_imy);
        // Register text reaches the PDF like content text: a character no font has would fail
        // the build far from the cell it came from.
        let text_columns = [
            Some(columns.category),
            Some(columns.description),
            columns.consequence,
            columns.actions,
        ];
        for column in text_columns.into_iter().flatten() {
            if let Some((_, c)) =
                text(Some(column)).and_then(|t| crate::fonts::coverage::first_unshowable(&t))
            {
                problem(
                    column,
                    crate::model::glyphs::unshowable_message(c),
                    Some(crate::model::glyphs::UNSHOWABLE_HINT.into()),
                );
            }
        }
        // The confidentiality column holds yes or no, or the provision itself.
        let (intern, sekretess) = match columns.intern.map(cell) {
            None => (false, None),
            Some(value) => match yes_no(value) {
                Ok(value) => (value, None),
                Err(provision) => (true, Some(provision)),
            },
        };
        let id = text(columns.id)
            .map_or_else(|| format!("{}-{row}", self.stem), |t| t.trim().to_string());
        if problems.len() > before {
            return None;
        }
        let spanned = |value| Spanned::new(value, self.location, self.location);
        Some(Incident {
            id: spanned(id),
            date: Spanned::new(ReportDate(date?, DatePrecision::Day), self.location, self.location),
            category: spanned(category?),
            description: self.markdown(&description?),
            consequence: text(columns.consequence).map(|t| self.markdown(&t)),
            actions: text(columns.actions).map(|t| self.markdown(&t)),
            personal_data,
            reported_to_imy,
            intern: intern || sekretess.is_some(),
            sekretess,
        })
    }

    /// The incident's date, or none with a problem.
    fn date(
        &self,
        cell: &Cell,
        problem: &mut dyn FnMut(String, Option<Note>),
    ) -> Option<NaiveDate> {
        if *cell == Cell::Empty {
            problem(crate::tr!("register-no-date"), None);
            return None;
        }
        let date = cell_date(cell);
        if date.is_none() {
            problem(
                crate::tr!("register-invalid-date", date = cell_text(cell).unwrap_or_default()),
                Some(Note::Hint(crate::tr!("register-invalid-date-hint"))),
            );
        }
        date
    }

    /// The category as the block names it (matched in any case), or none with a problem that
    /// names the nearest category or lists them.
    fn category(
        &self,
        written: Option<String>,
        problem: &mut dyn FnMut(String, Option<Note>),
    ) -> Option<String> {
        let Some(written) = written else {
            problem(crate::tr!("register-no-category"), None);
            return None;
        };
        let wanted = written.trim().to_lowercase();
        if let Some(category) = self.categories.iter().find(|c| c.to_lowercase() == wanted) {
            return Some(category.clone());
        }
        let hint = match nearest(written.trim(), self.categories.iter().map(String::as_str)) {
            Some(near) => crate::tr!("register-category-near", near = near),
            None => crate::tr!(
                "register-categories-are",
                categories = self
                    .categories
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        problem(
            crate::tr!("register-unknown-category", category = written.trim(), hint = hint),
            None,
        );
        None
    }

    /// Register text as Markdown that shows it as written, placed at the `from:` key.
    fn markdown(&self, text: &str) -> Markdown {
        Markdown {
            text: escape_markdown(text),
            line: self.location.line() as usize,
            column: self.location.column() as usize,
        }
    }
}

/// A cell as text: numbers without a trailing `.0`, dates as YYYY-MM-DD; `None` when empty.
fn cell_text(cell: &Cell) -> Option<String> {
    let text = match cell {
        Cell::Empty => return None,
        Cell::Text(t) => t.clone(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Bool(true) => "ja".into(),
        Cell::Bool(false) => "nej".into(),
        Cell::Error(e) => e.clone(),
    };
    // Control characters other than line breaks and tabs mean nothing in a report.
    let text: String =
        text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    let text = text.replace('\r', "");
    (!text.trim().is_empty()).then_some(text)
}

/// A date cell, an Excel date serial in a number cell (days since 1899-12-30), or text written
/// as `YYYY-MM-DD` (a time after it is ignored).
pub(super) fn cell_date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        // Serials from 1 (1900-01-01) up to the year 9999; fractions are the time of day.
        Cell::Number(n) if (1.0..2_958_466.0).contains(n) => {
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
            epoch.checked_add_days(chrono::Days::new(n.floor() as u64))
        }
        Cell::Text(text) => {
            let text = text.trim();
            let date = text.split([' ', 'T']).next().unwrap_or(text);
            NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
        }
        _ => None,
    }
}

/// Yes or no as a register writes it: ja/nej, yes/no, x, sant/falskt, 1/0, a checkbox, or a
/// blank for no. Anything else is returned as written.
fn yes_no(cell: &Cell) -> Result<bool, String> {
    match cell {
        Cell::Empty => Ok(false),
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 1.0 => Ok(true),
        Cell::Number(n) if *n == 0.0 => Ok(false),
        other => {
            let written = cell_text(other).unwrap_or_default();
            match written.trim().to_lowercase().as_str() {
                "ja" | "j" | "yes" | "y" | "x" | "sant" | "true" | "1" | "✓" | "✔" => Ok(true),
                "nej" | "n" | "no" | "falskt" | "false" | "0" | "-" | "–" | "" => Ok(false),
                _ => Err(written.trim().to_string()),
            }
        }
    }
}

/// Register text shown as written: every ASCII punctuation character is escaped, so that
/// nothing in a register cell becomes Markdown emphasis, a link or an image.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A file stem as an id prefix: lower-case ASCII letters, digits and `-`.
fn slug(stem: &str) -> String {
    crate::model::slug_or(stem, "incident")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_yes_and_no() {
        for yes in ["ja", "Ja", "JA", "x", "X", " ja ", "1", "sant"] {
            assert_eq!(yes_no(&Cell::Text(yes.into())), Ok(true), "{yes}");
        }
        for no in ["nej", "Nej", "-", "0"] {
            assert_eq!(yes_no(&Cell::Text(no.into())), Ok(false), "{no}");
        }
        assert_eq!(yes_no(&Cell::Empty), Ok(false));
        assert_eq!(yes_no(&Cell::Bool(true)), Ok(true));
        assert_eq!(yes_no(&Cell::Text("kanske".into())), Err("kanske".into()));
    }

    #[test]
    fn excel_serials_and_written_dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(cell_date(&Cell::Number(45292.0)), d(2024, 1, 1));
        assert_eq!(cell_date(&Cell::Number(45292.75)), d(2024, 1, 1));
        assert_eq!(cell_date(&Cell::Text("2024-03-05".into())), d(2024, 3, 5));
        assert_eq!(cell_date(&Cell::Text("2024-03-05 14:30".into())), d(2024, 3, 5));
        assert_eq!(cell_date(&Cell::Text("5/3 2024".into())), None);
        assert_eq!(cell_date(&Cell::Number(-3.0)), None);
    }

    #[test]
    fn register_text_cannot_become_markup() {
        assert_eq!(escape_markdown("*a* [b](c)"), "\\*a\\* \\[b\\]\\(c\\)");
    }
}
