//! An incident register's file read as a sheet: the headings and the rows of cells under them,
//! from CSV (comma or semicolon, with or without a byte-order mark) or from one worksheet of an
//! XLSX workbook.

use std::collections::BTreeMap;
use std::io::Cursor;

use super::records::cell_date;
use super::{Cell, MAX_REGISTER_ROWS, Sheet};
use crate::diagnostics::nearest;

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
    fn csv_with_bom_and_semicolons() {
        let text = "\u{feff}Datum;Kategori;Beskrivning\n2024-01-02;Övrigt;\"Ett; två\"\n\n";
        let sheet = read_csv(text.as_bytes()).unwrap();
        assert_eq!(sheet.headings, ["Datum", "Kategori", "Beskrivning"]);
        assert_eq!(sheet.rows.len(), 1);
        assert_eq!(sheet.rows[0].0, 2);
        assert_eq!(sheet.rows[0].1[2], Cell::Text("Ett; två".into()));
    }
}
