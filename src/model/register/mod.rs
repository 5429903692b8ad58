//! Load stage: incident records read from an incident register's export — a CSV or XLSX file in
//! the report folder that an `incidents` block names with `from:` — instead of being retyped as
//! YAML. Every error names the file, the sheet, the cell and the column heading.

mod records;
mod sheet;
mod workbook;

use std::path::{Component, Path};

use chrono::NaiveDate;

use super::Incidents;
use super::yaml::MAX_FILE_BYTES;
use crate::diagnostics::Diagnostic;

use records::records;
pub(crate) use sheet::{column_letters, read_csv, read_xlsx};

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
