//! Load stage, reading: `report.yaml` and the section files of one report folder, read and
//! parsed (side by side) with every value's place, the incident registers they name and the brand
//! file, then validated (`validate`), collecting every error with its file, line and column.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::validate::{check_generated_sections, check_year_matches_folder, validate};
use super::yaml::{Sources, parse_yaml, position, read_text, yaml_options};
use super::{Report, ReportMeta, Section, SectionKind};
use crate::diagnostics::yaml::continued_value;
use crate::diagnostics::{ContentError, Diagnostic, nearest};

/// A loaded report, the warnings found while loading it, and the text of every file it was
/// loaded from.
#[derive(Debug)]
pub struct Loaded {
    /// The validated report.
    pub report: Report,
    /// Things that are legal but probably wrong.
    pub warnings: Vec<Diagnostic>,
    /// The text of `report.yaml` and of each section file, as read, so that later checks
    /// (lints, `follows:` links) quote the lines they point at without reading the disk again.
    pub sources: Sources,
}

/// Loads and validates the report in `dir` (a folder holding `report.yaml`).
pub fn load_report(dir: &Path) -> Result<Loaded, ContentError> {
    load_report_with_brand(dir, None)
}

/// [`load_report`] with the brand file `brand` (e.g. given as `--brand`) in place of the one
/// the lookup from `dir` finds, when given.
pub fn load_report_with_brand(dir: &Path, brand: Option<&Path>) -> Result<Loaded, ContentError> {
    unwound(dir, || load_unguarded(dir, brand))
}

/// The outcome of `load`, with a panic (a library's, on a file made to cause one) turned into
/// an error of the report in `dir`. Every load goes through here, so that `build --all`'s
/// overview and diff pages, which load each report outside its build, and `summary` go on
/// without the report. An allocation failure aborts and cannot be caught: the inputs are
/// bounded before they are decoded for that.
fn unwound(
    dir: &Path,
    load: impl FnOnce() -> Result<Loaded, ContentError>,
) -> Result<Loaded, ContentError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(load)).unwrap_or_else(|payload| {
        let message =
            crate::tr!("load-internal-error", error = crate::pdf::panic_message(&*payload));
        Err(ContentError {
            diagnostics: vec![Diagnostic::file_error(&dir.join("report.yaml"), message)],
        })
    })
}

/// [`load_report_with_brand`] without the guard against panics.
fn load_unguarded(dir: &Path, brand: Option<&Path>) -> Result<Loaded, ContentError> {
    let mut errors = Vec::new();
    let meta_path = dir.join("report.yaml");
    if !meta_path.is_file() {
        let message = if dir.is_dir() {
            crate::tr!("load-no-report-yaml", path = dir.display().to_string())
        } else {
            crate::tr!("load-no-report-folder", path = dir.display().to_string())
        };
        let diagnostic = Diagnostic::file_error(&meta_path, message)
            .with_hint(crate::tr!("load-report-folder-hint"));
        return Err(ContentError { diagnostics: vec![diagnostic] });
    }
    let mut sources = Sources::default();
    let meta: ReportMeta = match sources.parse(&meta_path) {
        Ok(meta) => meta,
        Err(diagnostic) => return Err(ContentError { diagnostics: vec![diagnostic] }),
    };
    let meta_source = sources.text(&meta_path).to_string();

    check_year_matches_folder(dir, &meta_path, &meta_source, &meta, &mut errors);
    check_generated_sections(&meta_path, &meta_source, &meta, &mut errors);
    let listed = listed_sections(dir, &meta_path, &meta_source, &meta);
    let sections = read_sections(dir, listed, &mut sources, &mut errors);

    for path in std::iter::once(&meta_path).chain(sections.iter().map(|s| &s.path)) {
        errors.extend(super::glyphs::check(path, sources.text(path), yaml_options()));
    }
    let brand = super::brand::load_for(dir, brand, &mut errors);
    let mut report =
        Report { dir: dir.to_path_buf(), meta, sections, images: Default::default(), brand };
    report.images = validate(&report, &sources, &mut errors);
    report.number_recommendations();
    if errors.is_empty() {
        Ok(Loaded { report, warnings: Vec::new(), sources })
    } else {
        Err(ContentError { diagnostics: errors })
    }
}

/// A section `report.yaml` lists: its name and file, or why it cannot be read.
type Listed<'a> = Result<(&'a str, PathBuf), Diagnostic>;

/// The sections `report.yaml` lists, in order, each with its file or the error that names it:
/// an invalid name, a name listed twice, a file that does not exist (with the nearest that does).
fn listed_sections<'a>(
    dir: &Path,
    meta_path: &Path,
    meta_source: &str,
    meta: &'a ReportMeta,
) -> Vec<Listed<'a>> {
    let mut listed = Vec::new();
    let mut seen_names: HashMap<&str, usize> = HashMap::new();
    for name in &meta.sections {
        let (line, column) = position(name);
        let at = |message: String| Diagnostic::at(meta_path, meta_source, line, column, message);
        if !is_valid_name(&name.value) {
            let diagnostic = match continued_value(meta_source, line, &name.value) {
                Some(((line, column), message, hint)) => {
                    Diagnostic::at(meta_path, meta_source, line, column, message).with_note(hint)
                }
                None => at(crate::tr!("load-invalid-section-name", name = name.value.as_str()))
                    .with_hint(crate::tr!("load-section-name-hint")),
            };
            listed.push(Err(diagnostic));
            continue;
        }
        if let Some(first) = seen_names.insert(&name.value, line) {
            listed.push(Err(at(crate::tr!(
                "load-section-listed-twice",
                name = name.value.as_str()
            ))
            .with_remark(crate::tr!("load-first-listed", line = first.to_string()))));
            continue;
        }
        let path = dir.join(format!("{}.yaml", name.value));
        if !path.is_file() {
            let mut diagnostic =
                at(crate::tr!("load-section-file-not-found", path = path.display().to_string()));
            let existing = yaml_stems(dir);
            if let Some(hint) = nearest(&name.value, existing.iter().map(String::as_str)) {
                diagnostic = diagnostic.with_hint(crate::tr!("load-did-you-mean", name = hint));
            }
            listed.push(Err(diagnostic));
            continue;
        }
        listed.push(Ok((name.value.as_str(), path)));
    }
    listed
}

/// The listed sections' files read and parsed side by side (most of a load is parsing YAML),
/// then taken in order, so that errors come out as listed; the incidents a section's `from:`
/// names are read from the register export here.
fn read_sections(
    dir: &Path,
    listed: Vec<Listed<'_>>,
    sources: &mut Sources,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Section> {
    let parsed: Vec<_> = listed
        .into_par_iter()
        .map(|listed| {
            listed.map(|(name, path)| match read_text(&path) {
                Ok(text) => (name, parse_yaml(&path, &text), Some(text), path),
                Err(diagnostic) => (name, Err(diagnostic), None, path),
            })
        })
        .collect();
    let mut sections = Vec::new();
    for slot in parsed {
        let (name, part, text, path) = match slot {
            Ok(file) => file,
            Err(diagnostic) => {
                errors.push(diagnostic);
                continue;
            }
        };
        if let Some(text) = text {
            sources.keep(path.clone(), text);
        }
        match part {
            Ok(mut part) => {
                super::register::import_part(dir, &path, sources.text(&path), &mut part, errors);
                sections.push(Section {
                    name: name.to_string(),
                    kind: SectionKind::from_name(name),
                    path,
                    part,
                });
            }
            Err(diagnostic) => errors.push(diagnostic),
        }
    }
    sections
}

fn is_valid_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The stems of the YAML files in `dir`, for "did you mean" hints.
fn yaml_stems(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            name.strip_suffix(".yaml").map(str::to_string)
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A PNG that states `width` × `height` pixels and holds next to none.
    pub(crate) fn stated_png(width: u32, height: u32) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
            out.extend((data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend(kind);
            out.extend(data);
            let mut crc = !0u32;
            for byte in &out[start..] {
                crc ^= u32::from(*byte);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
                }
            }
            out.extend((!crc).to_be_bytes());
        }
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut header = [width.to_be_bytes(), height.to_be_bytes()].concat();
        header.extend([8, 2, 0, 0, 0]);
        chunk(&mut png, b"IHDR", &header);
        chunk(&mut png, b"IDAT", &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0, 0, 0, 1]);
        chunk(&mut png, b"IEND", &[]);
        png
    }

    #[test]
    fn a_panic_while_loading_is_the_reports_error() {
        let dir = Path::new("content/2024");
        let error = unwound(dir, || panic!("index out of bounds")).unwrap_err();
        let text = error.to_string();
        assert!(text.contains("internal error while reading the report: index out of bounds"));
        assert!(text.contains(&dir.join("report.yaml").display().to_string()), "{text}");
    }
}
