//! Load stage: reading a content file's YAML. The file read within its folder and size, and
//! parsed by serde-saphyr under fixed budgets with each value's line and column; a parser error
//! becomes a message the file's writer can act on in `crate::diagnostics::yaml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::yaml::Limits;

/// Largest content file read, in bytes: far above any real review, far below trouble.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Deepest nesting of YAML lists and mappings in a content file. A review needs about fifteen
/// levels (parts in parts, blocks, a table's rows and cells); deeper input is refused with a
/// message instead of exhausting the stack.
pub(super) const MAX_YAML_DEPTH: usize = 64;
/// Most YAML values (keys, texts, lists and mappings, an alias counted each time it is used) in
/// one content file. The largest file of the 2023 review holds under 300; this allows a table of
/// some 5 000 rows and keeps loading any file well under a second.
pub(super) const MAX_YAML_VALUES: usize = 50_000;
/// Most anchors (`&name`), and most aliases (`*name`), in one content file.
pub(super) const MAX_YAML_ALIASES: usize = 1_000;
/// Most bytes of text in one content file once every alias is expanded, so that a few aliases
/// of a long anchored text cannot multiply into gigabytes.
pub(super) const MAX_YAML_TEXT_BYTES: usize = 4 * MAX_FILE_BYTES as usize;
/// The budgets above, for the messages that name them.
const LIMITS: Limits = Limits {
    depth: MAX_YAML_DEPTH,
    values: MAX_YAML_VALUES,
    aliases: MAX_YAML_ALIASES,
    text_bytes: MAX_YAML_TEXT_BYTES,
};

/// Reads the brand file at `path` like a content file.
pub(super) fn read_brand_text(path: &Path) -> Result<String, Diagnostic> {
    read_text(path)
}

/// Deserialises the text of one YAML file, or explains why it cannot be.
pub(super) fn parse_yaml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Diagnostic> {
    // Comments, blank lines and bare document markers hold no content.
    let no_content = text
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---" || l == "...");
    if no_content {
        return Err(Diagnostic::file_error(path, crate::tr!("yaml-empty-file"))
            .with_hint(crate::tr!("yaml-empty-file-hint")));
    }
    serde_saphyr::from_str_with_options::<T>(text, yaml_options())
        .map_err(|error| crate::diagnostics::yaml::translate(path, text, &error, &LIMITS))
}

/// How content files are parsed: fixed budgets, no tags, no comments kept.
pub(super) fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
        // Comments are not kept, so they need not be counted or stored.
        emit_comments: false,
        // `!include` and other tags mean nothing here; refuse them rather than ignore them.
        reject_unsupported_tags: true,
        budget: serde_saphyr::budget! {
            max_depth: MAX_YAML_DEPTH,
            flow_nesting_limit: MAX_YAML_DEPTH,
            max_aliases: MAX_YAML_ALIASES,
            max_anchors: MAX_YAML_ALIASES,
            max_nodes: MAX_YAML_VALUES,
            max_total_scalar_bytes: MAX_YAML_TEXT_BYTES,
        },
    }
}

/// Reads a content file as UTF-8 text, within the size limit, without a byte-order mark. The
/// file must lie in the report folder: a symbolic link to a file elsewhere is refused before
/// anything is read, so no message can quote a file from outside.
pub(super) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    use crate::sandbox::{ReadError, Sandbox};

    const MIB: f64 = 1024.0 * 1024.0;
    let cannot_read = |e: &std::io::Error| {
        Diagnostic::file_error(path, crate::tr!("yaml-cannot-read", error = e.to_string()))
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let sandbox = Sandbox::new(folder).map_err(|e| cannot_read(&e))?;
    let bytes = sandbox.read(path, MAX_FILE_BYTES).map_err(|error| match error {
        ReadError::Outside(real) => Diagnostic::file_error(
            path,
            crate::tr!("yaml-link-outside", path = real.display().to_string()),
        )
        .with_hint(crate::tr!("yaml-link-outside-hint")),
        ReadError::IsDirectory | ReadError::NotAFile => {
            Diagnostic::file_error(path, crate::tr!("yaml-not-a-file"))
        }
        ReadError::TooLarge(size) => Diagnostic::file_error(
            path,
            crate::tr!(
                "yaml-too-large",
                size = crate::locale::decimal(size as f64 / MIB, 1),
                limit = format!("{}", MAX_FILE_BYTES as f64 / MIB)
            ),
        )
        .with_hint(crate::tr!("yaml-too-large-hint")),
        ReadError::NotFound(e) | ReadError::Unresolved(e) | ReadError::Io(e) => cannot_read(&e),
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Diagnostic::file_error(path, crate::tr!("yaml-utf16"))
                .with_hint(crate::tr!("yaml-save-as-utf8"));
        }
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        let shown = String::from_utf8_lossy(bytes);
        let mut d = Diagnostic::at(
            path,
            &shown,
            line,
            column,
            crate::tr!("yaml-invalid-utf8", byte = format!("0x{:02X}", bytes[at])),
        )
        .with_hint(crate::tr!("yaml-invalid-utf8-hint"));
        if d.source_line.as_ref().is_some_and(|l| l.chars().count() > 200) {
            d.source_line = None;
        }
        d
    })?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    Ok(text)
}

/// The text of every file read, so that validation can quote the offending line.
#[derive(Debug, Default)]
pub struct Sources {
    texts: HashMap<PathBuf, String>,
}

impl Sources {
    /// The text of a file read while loading, by the path it was read from; empty for a file
    /// that was not read.
    pub fn text(&self, path: &Path) -> &str {
        self.texts.get(path).map_or("", String::as_str)
    }

    /// Reads and deserialises one YAML file, or explains why it cannot be.
    pub(super) fn parse<T: DeserializeOwned>(&mut self, path: &Path) -> Result<T, Diagnostic> {
        let text = read_text(path)?;
        let result = parse_yaml(path, &text);
        self.texts.insert(path.to_path_buf(), text);
        result
    }

    /// Keeps the text of a file read elsewhere (the section files, read side by side).
    pub(super) fn keep(&mut self, path: PathBuf, text: String) {
        self.texts.insert(path, text);
    }
}

/// The 1-based line and column a value was written at.
pub(super) fn position<T>(spanned: &Spanned<T>) -> (usize, usize) {
    (spanned.referenced.line() as usize, spanned.referenced.column() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Note;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Entry {
        items: Vec<String>,
    }

    fn parse_error(text: &str) -> Diagnostic {
        parse_yaml::<Entry>(Path::new("a.yaml"), text).unwrap_err()
    }

    #[test]
    fn a_value_of_the_wrong_shape_is_explained_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let en = in_language(UiLanguage::En, || parse_error("items: text\n"));
        assert_eq!(en.message, "expected a list here");
        assert_eq!(
            en.notes,
            [Note::Hint(
                "write each item on its own line starting with `- `, or write `[a, b]`".into()
            )]
        );
        let sv = in_language(UiLanguage::Sv, || parse_error("items: text\n"));
        assert_eq!(sv.message, "här ska det stå en lista");
        assert_eq!(
            sv.notes,
            [Note::Hint(
                "skriv varje punkt på en egen rad som börjar med `- `, eller skriv `[a, b]`".into()
            )]
        );
    }

    #[test]
    fn a_duplicate_key_is_explained_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let twice = "items: []\nitems: []\n";
        let en = in_language(UiLanguage::En, || parse_error(twice));
        assert_eq!(en.message, "duplicate key `items` in the same mapping");
        let sv = in_language(UiLanguage::Sv, || parse_error(twice));
        assert_eq!(sv.message, "nyckeln `items` finns två gånger i samma mappning");
        let spaces = |n| in_language(UiLanguage::Sv, || crate::tr!("yaml-spaces", count = n));
        assert_eq!(spaces(1), "1 mellanslag");
    }
}
