//! CSV for spreadsheets, the one writer of every CSV ledgen makes (`export actions`, `summary`):
//! UTF-8 with a byte-order mark (so that Excel on Windows reads å, ä and ö), comma-separated,
//! every field quoted, and no field that a spreadsheet could take for a formula.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula. A field's first
//! character is not enough to guard: with Swedish settings Excel splits a line at semicolons, and
//! a program that ignores the quotes splits it at every comma, so a formula can also start after
//! a comma, a semicolon or a line break inside a field (`Åtgärda detta;=cmd|…`). So a `'` goes
//! before each of those characters wherever a cell could start: at the start of a field, and
//! after a comma, a semicolon or a line break (spaces and quotes between do not count). The text
//! stays readable, and whichever way the file is split, no cell starts with a formula.

use anyhow::{Context, Result};

/// The characters that make a spreadsheet cell a formula, and the tab and carriage return that
/// Excel skips before them.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The byte-order mark that tells Excel the file is UTF-8.
const BOM: &str = "\u{feff}";

/// A CSV file being written: a heading row, then rows of the same length.
pub struct CsvWriter {
    writer: csv::Writer<Vec<u8>>,
}

impl CsvWriter {
    /// A file whose first row is `headings`.
    pub fn new<I, S>(headings: I) -> Result<Self>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut out = Vec::new();
        out.extend_from_slice(BOM.as_bytes());
        let writer =
            csv::WriterBuilder::new().quote_style(csv::QuoteStyle::Always).from_writer(out);
        let mut file = CsvWriter { writer };
        file.row(headings)?;
        Ok(file)
    }

    /// Adds a row, each field guarded.
    pub fn row<I, S>(&mut self, fields: I) -> Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let fields: Vec<String> = fields.into_iter().map(|f| guarded(f.as_ref())).collect();
        self.writer.write_record(&fields).with_context(|| crate::tr!("export-csv-failed"))
    }

    /// The file's bytes.
    pub fn finish(self) -> Result<Vec<u8>> {
        self.writer.into_inner().with_context(|| crate::tr!("export-csv-failed"))
    }
}

/// The field with a `'` before every formula character that could start a cell: at its start, or
/// after a comma, a semicolon or a line break, past any spaces and quotes.
fn guarded(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    // Whether a cell could start here (only spaces and quotes since a cell boundary).
    let mut cell_start = true;
    for c in field.chars() {
        if cell_start && FORMULA_START.contains(&c) {
            out.push('\'');
        }
        out.push(c);
        cell_start = match c {
            ',' | ';' | '\n' | '\r' => true,
            ' ' | '"' => cell_start,
            _ => false,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells of `bytes` read with `delimiter`, quotes honoured or not.
    fn cells(bytes: &[u8], delimiter: u8, quoting: bool) -> Vec<String> {
        let text = std::str::from_utf8(bytes).unwrap().trim_start_matches(BOM);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .quoting(quoting)
            .flexible(true)
            .from_reader(text.as_bytes());
        reader
            .records()
            .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
            .collect()
    }

    fn is_formula(cell: &str) -> bool {
        cell.trim_start_matches(['"', '\t', '\r']).starts_with(['=', '+', '-', '@'])
    }

    // A field guarded only at its start became a formula cell in Excel with Swedish settings,
    // which splits lines at semicolons.
    #[test]
    fn no_cell_is_a_formula_however_the_file_is_split() {
        let fields = [
            "Åtgärda detta;=cmd|' /C calc'!A0",
            "=1+1",
            "ok, +46 8 123",
            "rad ett\n@SUM(A1)",
            "citat \";-2\"",
            "vanlig text",
        ];
        let mut file = CsvWriter::new(["a", "b", "c", "d", "e", "f"]).unwrap();
        file.row(fields).unwrap();
        let bytes = file.finish().unwrap();
        for delimiter in [b',', b';', b'\t'] {
            for quoting in [true, false] {
                for cell in cells(&bytes, delimiter, quoting) {
                    assert!(!is_formula(&cell), "{cell:?} (split at {delimiter:?}, {quoting})");
                }
            }
        }
        // Read as written, every field is there, readable.
        let read = cells(&bytes, b',', true);
        assert_eq!(read[6], "Åtgärda detta;'=cmd|' /C calc'!A0");
        assert_eq!(read[7], "'=1+1");
        assert_eq!(read[11], "vanlig text");
    }

    #[test]
    fn the_file_is_marked_utf8_and_every_field_quoted() {
        let mut file = CsvWriter::new(["år"]).unwrap();
        file.row(["12"]).unwrap();
        let text = String::from_utf8(file.finish().unwrap()).unwrap();
        assert_eq!(text, "\u{feff}\"år\"\n\"12\"\n");
    }
}
