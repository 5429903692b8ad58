//! Load stage: incident records read from an incident register's export — a CSV or XLSX file in
//! the report folder that an `incidents` block names with `from:` — instead of being retyped as
//! YAML. Every error names the file, the sheet, the cell and the column heading.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Component, Path};

use chrono::NaiveDate;
use serde_saphyr::{Location, Spanned};

use super::yaml::MAX_FILE_BYTES;
use super::{DatePrecision, Incident, Incidents, Markdown, ReportDate};
use crate::diagnostics::{Diagnostic, Note, nearest};

/// Most incident rows one register may hold: a large administration records a few hundred a
/// year.
pub const MAX_REGISTER_ROWS: usize = 10_000;

/// One cell of a register, as the file gives it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number that is not formatted as a date.
    Number(f64),
    /// A date (or date and time) cell.
    Date(NaiveDate),
    /// TRUE or FALSE.
    Bool(bool),
    /// An error value such as `#REF!`.
    Error(String),
}

/// A register read from its file: the headings and the rows under them.
#[derive(Debug)]
pub(crate) struct Sheet {
    /// The worksheet's name (XLSX only).
    pub name: Option<String>,
    /// The 0-based column of the first cell of each row (XLSX ranges need not start at A).
    pub first_column: usize,
    /// The headings, in column order.
    pub headings: Vec<String>,
    /// The rows under the headings with their 1-based row numbers in the file.
    pub rows: Vec<(usize, Vec<Cell>)>,
}

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

/// Fills the `records` of every `incidents` block of `part` that names a register with `from:`,
/// and adds an error for each problem. `yaml_path` and `yaml_source` are the section file, for
/// errors about the `from:` key itself.
pub(super) fn import_part(
    dir: &Path,
    yaml_path: &Path,
    yaml_source: &str,
    part: &mut super::Part,
    errors: &mut Vec<Diagnostic>,
) {
    fn blocks(
        dir: &Path,
        yaml: (&Path, &str),
        list: &mut [super::Block],
        errors: &mut Vec<Diagnostic>,
    ) {
        for block in list {
            match &mut block.kind {
                super::BlockKind::Incidents(incidents) if incidents.from.is_some() => {
                    import(dir, yaml, incidents, errors);
                }
                super::BlockKind::Incidents(incidents)
                    if incidents.sheet.is_some()
                        || *incidents.columns != super::RegisterColumns::default() =>
                {
                    errors.push(
                        Diagnostic::file_error(yaml.0, crate::tr!("register-sheet-without-from"))
                            .with_hint(crate::tr!("register-sheet-without-from-hint")),
                    );
                }
                super::BlockKind::Appendices(appendices) => {
                    for appendix in appendices {
                        blocks(dir, yaml, &mut appendix.content, errors);
                    }
                }
                _ => {}
            }
        }
    }
    blocks(dir, (yaml_path, yaml_source), &mut part.content, errors);
    for sub in &mut part.parts {
        import_part(dir, yaml_path, yaml_source, sub, errors);
    }
}

/// Reads one block's register into its `records`.
fn import(
    dir: &Path,
    (yaml_path, yaml_source): (&Path, &str),
    incidents: &mut Incidents,
    errors: &mut Vec<Diagnostic>,
) {
    let Some(from) = incidents.from.clone() else { return };
    let (line, column) = (from.referenced.line() as usize, from.referenced.column() as usize);
    let at_from = |message: String| Diagnostic::at(yaml_path, yaml_source, line, column, message);
    if !incidents.records.is_empty() {
        errors.push(
            at_from(crate::tr!("register-records-and-from"))
                .with_hint(crate::tr!("register-records-and-from-hint")),
        );
        return;
    }
    let name = from.value.trim();
    let outside = name.is_empty()
        || name.contains("://")
        || Path::new(name).components().any(|c| !matches!(c, Component::Normal(_)));
    if outside {
        errors.push(
            at_from(crate::tr!("register-outside", name = name))
                .with_hint(crate::tr!("register-outside-hint")),
        );
        return;
    }
    let extension =
        Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if extension != "csv" && extension != "xlsx" {
        errors.push(
            at_from(crate::tr!("register-wrong-extension", name = name))
                .with_hint(crate::tr!("register-wrong-extension-hint")),
        );
        return;
    }
    let bytes = match read_register(dir, name) {
        Ok(bytes) => bytes,
        Err(message) => {
            errors.push(at_from(message));
            return;
        }
    };
    let file_path = dir.join(name);
    let sheet = if extension == "csv" {
        if incidents.sheet.is_some() {
            errors.push(
                at_from(crate::tr!("register-sheet-for-csv", name = name))
                    .with_hint(crate::tr!("register-sheet-for-csv-hint")),
            );
            return;
        }
        read_csv(&bytes)
    } else {
        read_xlsx(&bytes, incidents.sheet.as_deref())
    };
    let sheet = match sheet {
        Ok(sheet) => sheet,
        Err(message) => {
            errors.push(Diagnostic::file_error(&file_path, format!("{name}: {message}")));
            return;
        }
    };
    let location = from.referenced;
    match records(name, &sheet, incidents, location) {
        Ok(records) => incidents.records = records,
        Err(messages) => errors.extend(messages.into_iter().map(|(message, hint)| {
            let d = Diagnostic::file_error(&file_path, message);
            match hint {
                Some(hint) => d.with_note(hint),
                None => d,
            }
        })),
    }
}

/// The register's bytes, if it is a regular file inside the report folder and within the size
/// limit of content files.
fn read_register(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    use crate::sandbox::{ReadError, Sandbox};
    let files = Sandbox::new(dir).map_err(|e| {
        crate::tr!("register-cannot-read", name = dir.display().to_string(), error = e.to_string())
    })?;
    files.read(&dir.join(name), MAX_FILE_BYTES).map_err(|error| match error {
        ReadError::NotFound(_) | ReadError::Unresolved(_) => {
            crate::tr!("register-not-found", name = name)
        }
        ReadError::Outside(real) => {
            crate::tr!("register-link-outside", name = name, target = real.display().to_string())
        }
        ReadError::IsDirectory | ReadError::NotAFile => {
            crate::tr!("register-not-a-file", name = name)
        }
        ReadError::TooLarge(size) => crate::tr!(
            "register-too-large",
            name = name,
            size = (size / 1024).to_string(),
            limit = (MAX_FILE_BYTES / 1024).to_string()
        ),
        ReadError::Io(e) => crate::tr!("register-cannot-read", name = name, error = e.to_string()),
    })
}

/// Reads a CSV export: UTF-8 with or without a byte-order mark, fields separated by commas or
/// semicolons (the Swedish Excel default), whichever the heading row uses more of.
pub(crate) fn read_csv(bytes: &[u8]) -> Result<Sheet, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(crate::tr!("register-utf16"));
    }
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut headings = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| match e.kind() {
            csv::ErrorKind::Utf8 { pos, .. } => crate::tr!(
                "register-row-not-utf8",
                row = pos.as_ref().map_or(0, |p| p.line()).to_string()
            ),
            _ => crate::tr!("register-csv-unreadable", error = e.to_string()),
        })?;
        let row = record.position().map_or(0, |p| p.line() as usize);
        if headings.is_none() {
            headings = Some(record.iter().map(|h| h.trim().to_string()).collect());
            continue;
        }
        let cells: Vec<Cell> = record
            .iter()
            .map(|text| if text.trim().is_empty() { Cell::Empty } else { Cell::Text(text.into()) })
            .collect();
        rows.push((row, cells));
        if rows.len() > MAX_REGISTER_ROWS {
            return Err(crate::tr!(
                "register-too-many-rows",
                limit = MAX_REGISTER_ROWS.to_string()
            ));
        }
    }
    let headings = headings.ok_or_else(|| crate::tr!("register-csv-empty"))?;
    Ok(Sheet { name: None, first_column: 0, headings, rows })
}

/// Reads one worksheet of an XLSX workbook (the named one, or the first); its first used row
/// holds the headings. The workbook is held to the bounds of [`super::workbook`] before and
/// while it is decoded.
pub(crate) fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, String> {
    use super::workbook::{MAX_CELLS, check_cell, check_dimension, check_parts};
    use calamine::{Data, Reader, Xlsx};

    check_parts(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| crate::tr!("workbook-unreadable", error = e.to_string()))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => match names.iter().find(|n| n.trim() == wanted.trim()) {
            Some(name) => name.clone(),
            None => {
                let listed =
                    names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
                let mut message =
                    crate::tr!("register-no-such-sheet", sheet = wanted, sheets = listed);
                if let Some(near) = nearest(wanted, names.iter().map(String::as_str)) {
                    message.push_str(&crate::tr!("register-no-such-sheet-near", near = near));
                }
                return Err(message);
            }
        },
        None => names.first().cloned().ok_or_else(|| crate::tr!("register-no-sheet"))?,
    };
    let cannot = |e: calamine::XlsxError| {
        crate::tr!("register-sheet-unreadable", sheet = name.as_str(), error = e.to_string())
    };
    // calamine's own `worksheet_range` lays the cells out as one grid from the first to the
    // last, sized by the cells' references before any is checked; read them one by one instead.
    let mut reader = workbook.worksheet_cells_reader(&name).map_err(cannot)?;
    let dimensions = reader.dimensions();
    check_dimension(&name, dimensions.start, dimensions.end)?;
    // The cells with a value, by row and then column.
    let mut by_row: BTreeMap<u32, Vec<(u32, Data)>> = BTreeMap::new();
    let mut count = 0u64;
    while let Some(cell) = reader.next_cell().map_err(cannot)? {
        let data = Data::from(cell.get_value().clone());
        if matches!(data, Data::Empty) {
            continue;
        }
        let (row, column) = cell.get_position();
        check_cell(&name, (row, column))?;
        count += 1;
        if count > MAX_CELLS {
            return Err(crate::tr!(
                "register-too-many-cells",
                sheet = name.as_str(),
                limit = MAX_CELLS.to_string()
            ));
        }
        by_row.entry(row).or_default().push((column, data));
    }
    let first_column = by_row.values().flatten().map(|(c, _)| *c).min().unwrap_or(0);
    // Each row as far as its last cell with a value, so at most MAX_COLUMNS long.
    let mut rows = by_row.into_iter().map(|(row, mut cells)| {
        cells.sort_by_key(|(column, _)| *column);
        let last = cells.last().map_or(first_column, |(c, _)| *c);
        let mut dense = vec![Data::Empty; (last - first_column + 1) as usize];
        for (column, data) in cells {
            dense[(column - first_column) as usize] = data;
        }
        (row as usize + 1, dense)
    });
    let Some((_, heading_cells)) = rows.next() else {
        return Err(format!("{name}: {}", crate::tr!("register-sheet-empty")));
    };
    let headings = heading_cells.iter().map(|c| c.to_string().trim().to_string()).collect();
    let rows: Vec<_> =
        rows.map(|(row, cells)| (row, cells.iter().map(xlsx_cell).collect())).collect();
    if rows.len() > MAX_REGISTER_ROWS {
        return Err(format!(
            "{name}: {}",
            crate::tr!("register-too-many-rows", limit = MAX_REGISTER_ROWS.to_string())
        ));
    }
    Ok(Sheet { name: Some(name), first_column: first_column as usize, headings, rows })
}

/// A cell of a worksheet as a register cell.
fn xlsx_cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        // A date cell holds its serial number; the date format only shows it.
        Data::DateTime(d) => match cell_date(&Cell::Number(d.as_f64())) {
            Some(date) => Cell::Date(date),
            None => Cell::Number(d.as_f64()),
        },
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// The spreadsheet letters of a 0-based column: 0 is A, 26 is AA.
pub(crate) fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// A message and perhaps a hint.
type Problem = (String, Option<Note>);

/// The incidents of a register, or every problem found in it.
fn records(
    file: &str,
    sheet: &Sheet,
    incidents: &Incidents,
    location: Location,
) -> Result<Vec<Incident>, Vec<Problem>> {
    let at = At { file, sheet: sheet.name.as_deref() };
    let columns = &incidents.columns;
    let categories = incidents.categories();
    let find = |heading: &str| {
        let wanted = heading.trim().to_lowercase();
        sheet.headings.iter().position(|h| h.to_lowercase() == wanted)
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut required = |heading: &str| {
        let found = find(heading);
        if found.is_none() {
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
            let hint = Note::Hint(hint);
            problems.push((
                format!(
                    "{}: {}",
                    at.file(),
                    crate::tr!("register-no-column", heading = heading, headings = listed)
                ),
                Some(hint),
            ));
        }
        found
    };
    let date_col = required(&columns.date);
    let category_col = required(&columns.category);
    let description_col = required(&columns.description);
    let (Some(date_col), Some(category_col), Some(description_col)) =
        (date_col, category_col, description_col)
    else {
        return Err(problems);
    };
    let id_col = find(&columns.id);
    let consequence_col = find(&columns.consequence);
    let actions_col = find(&columns.actions);
    let personal_col = find(&columns.personal_data);
    let imy_col = find(&columns.reported_to_imy);
    let intern_col = find(&columns.intern);
    let stem = slug(Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("incident"));
    let spanned = |value| Spanned::new(value, location, location);
    let markdown = |text: &str| Markdown {
        text: escape_markdown(text),
        line: location.line() as usize,
        column: location.column() as usize,
    };

    let mut records = Vec::new();
    for (row, cells) in &sheet.rows {
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let before = problems.len();
        let cell = |column: usize| cells.get(column).unwrap_or(&Cell::Empty);
        let place =
            |column: usize| at.cell(sheet.first_column + column, *row, &sheet.headings[column]);
        let mut problem = |column: usize, message: String, hint: Option<Note>| {
            problems.push((format!("{}: {message}", place(column)), hint));
        };
        let text = |column: Option<usize>| column.and_then(|c| cell_text(cell(c)));

        let date = match cell(date_col) {
            Cell::Empty => {
                problem(date_col, crate::tr!("register-no-date"), None);
                None
            }
            other => match cell_date(other) {
                Some(date) => Some(date),
                None => {
                    problem(
                        date_col,
                        crate::tr!(
                            "register-invalid-date",
                            date = cell_text(other).unwrap_or_default()
                        ),
                        Some(Note::Hint(crate::tr!("register-invalid-date-hint"))),
                    );
                    None
                }
            },
        };
        let category = match text(Some(category_col)) {
            None => {
                problem(category_col, crate::tr!("register-no-category"), None);
                None
            }
            Some(written) => {
                let wanted = written.trim().to_lowercase();
                match categories.iter().find(|c| c.to_lowercase() == wanted) {
                    Some(category) => Some(category.clone()),
                    None => {
                        let hint =
                            match nearest(written.trim(), categories.iter().map(String::as_str)) {
                                Some(near) => crate::tr!("register-category-near", near = near),
                                None => crate::tr!(
                                    "register-categories-are",
                                    categories = categories
                                        .iter()
                                        .map(|c| format!("\"{c}\""))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ),
                            };
                        problem(
                            category_col,
                            crate::tr!(
                                "register-unknown-category",
                                category = written.trim(),
                                hint = hint
                            ),
                            None,
                        );
                        None
                    }
                }
            }
        };
        let description = text(Some(description_col));
        if description.is_none() {
            problem(description_col, crate::tr!("register-no-description"), None);
        }
        let mut flag = |column: Option<usize>| -> bool {
            let Some(column) = column else { return false };
            match yes_no(cell(column)) {
                Ok(value) => value,
                Err(written) => {
                    problem(
                        column,
                        crate::tr!("register-not-yes-no", value = written.as_str()),
                        Some(Note::Hint(crate::tr!("register-not-yes-no-hint"))),
                    );
                    false
                }
            }
        };
        let personal_data = flag(personal_col);
        let reported_to_imy = flag(imy_col);
        // Register text reaches the PDF like content text: a character no font has would fail
        // the build far from the cell it came from.
        let text_columns =
            [Some(category_col), Some(description_col), consequence_col, actions_col];
        for column in text_columns.into_iter().flatten() {
            if let Some((_, c)) =
                text(Some(column)).and_then(|t| crate::fonts::coverage::first_unshowable(&t))
            {
                problem(
                    column,
                    super::glyphs::unshowable_message(c),
                    Some(super::glyphs::UNSHOWABLE_HINT.into()),
                );
            }
        }
        // The confidentiality column holds yes or no, or the provision itself.
        let (intern, sekretess) = match intern_col.map(cell) {
            None => (false, None),
            Some(value) => match yes_no(value) {
                Ok(value) => (value, None),
                Err(provision) => (true, Some(provision)),
            },
        };
        let id = text(id_col).map_or_else(|| format!("{stem}-{row}"), |t| t.trim().to_string());
        if problems.len() > before {
            continue;
        }
        let (Some(date), Some(category), Some(description)) = (date, category, description) else {
            continue;
        };
        records.push(Incident {
            id: spanned(id),
            date: Spanned::new(ReportDate(date, DatePrecision::Day), location, location),
            category: spanned(category),
            description: markdown(&description),
            consequence: text(consequence_col).map(|t| markdown(&t)),
            actions: text(actions_col).map(|t| markdown(&t)),
            personal_data,
            reported_to_imy,
            intern: intern || sekretess.is_some(),
            sekretess,
        });
    }
    if problems.is_empty() { Ok(records) } else { Err(problems) }
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
fn cell_date(cell: &Cell) -> Option<NaiveDate> {
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
    super::slug_or(stem, "incident")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(3), "D");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

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
    fn csv_with_bom_and_semicolons() {
        let text = "\u{feff}Datum;Kategori;Beskrivning\n2024-01-02;Övrigt;\"Ett; två\"\n\n";
        let sheet = read_csv(text.as_bytes()).unwrap();
        assert_eq!(sheet.headings, ["Datum", "Kategori", "Beskrivning"]);
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].0, 2);
        assert_eq!(sheet.rows[0].1[2], Cell::Text("Ett; två".into()));
    }

    #[test]
    fn register_text_cannot_become_markup() {
        assert_eq!(escape_markdown("*a* [b](c)"), "\\*a\\* \\[b\\]\\(c\\)");
    }
}
