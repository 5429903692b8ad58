//! Load stage: every text of a content file must be showable with the embedded fonts. PDF/A
//! forbids a character drawn without a glyph, so a character no font has (a CJK ideograph, a
//! private-use character) would otherwise fail the build deep inside Typst, pointing at the
//! generated source; here it is a content error at the line and column where it was written.

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Note};
use crate::fonts::coverage::{first_unshowable, plainly_showable};

/// A YAML value reduced to what can reach the outputs: its texts, each with its place.
enum Node {
    Text(String),
    List(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Node>, Spanned<Node>)>),
    /// Numbers, booleans and nulls: digits and words the fonts have.
    Other,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Text(v))
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Node, E> {
        Ok(Node::Other)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Map(entries))
    }
}

/// Checks every text of the YAML file `path` (whose text is `source`, already parsed once
/// under `options`) and returns an error for each character no embedded font can show.
pub(super) fn check(path: &Path, source: &str, options: serde_saphyr::Options) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    // Most files need no second parse: their characters alone show that every text is fine.
    if plainly_showable(source) {
        return errors;
    }
    // The file deserialised into its model already, so this parse fails only in ways that
    // error has reported.
    let Ok(root) = serde_saphyr::from_str_with_options::<Spanned<Node>>(source, options) else {
        return errors;
    };
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![&root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Node::Text(text) => {
                if let Some((_, c)) = first_unshowable(text) {
                    let (line, column) = place(source, node, c);
                    if seen.insert((line, column, c)) {
                        errors.push(unshowable(path, source, (line, column), c));
                    }
                }
            }
            Node::List(items) => stack.extend(items.iter().rev()),
            Node::Map(entries) => {
                stack.extend(entries.iter().rev().flat_map(|(key, value)| [value, key]));
            }
            Node::Other => {}
        }
    }
    errors.sort_by_key(|d| (d.line, d.column));
    errors
}

/// The first text of the report folder `dir` (its `report.yaml`, then its other YAML files by
/// name) for which `wanted` holds, as the file, line and column it was written at. Used after a
/// failed build to say where the text that Typst stumbled on came from, so it reads the files
/// afresh; files that cannot be read or parsed are passed over.
pub fn find_text(dir: &Path, wanted: &dyn Fn(&str) -> bool) -> Option<(PathBuf, usize, usize)> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension().is_some_and(|e| e == "yaml")
                && fs::symlink_metadata(path)
                    .is_ok_and(|m| m.is_file() && m.len() <= super::yaml::MAX_FILE_BYTES)
        })
        .collect();
    files.sort_by_key(|path| (path.file_name() != Some("report.yaml".as_ref()), path.clone()));
    for path in files {
        let Ok(source) = fs::read_to_string(&path) else { continue };
        let options = super::yaml::yaml_options();
        let Ok(root) = serde_saphyr::from_str_with_options::<Spanned<Node>>(&source, options)
        else {
            continue;
        };
        let mut stack = vec![&root];
        while let Some(node) = stack.pop() {
            match &node.value {
                Node::Text(text) if wanted(text) => {
                    let at = &node.referenced;
                    return Some((path, at.line() as usize, at.column() as usize));
                }
                Node::List(items) => stack.extend(items.iter().rev()),
                Node::Map(entries) => {
                    stack.extend(entries.iter().rev().flat_map(|(key, value)| [value, key]));
                }
                _ => {}
            }
        }
    }
    None
}

/// Where `c` was written: in the scalar's own text when it is there literally, otherwise (an
/// escape such as `"\u4E2D"`) at the start of the scalar.
fn place(source: &str, node: &Spanned<Node>, c: char) -> (usize, usize) {
    let start = (node.defined.line() as usize, node.defined.column() as usize);
    let span = node.defined.span();
    let (Some(offset), Some(len)) = (span.byte_offset(), span.byte_len()) else {
        return start;
    };
    let (offset, len) = (offset as usize, len as usize);
    let Some(raw) = source.get(offset..offset + len) else { return start };
    let Some(at) = raw.find(c) else { return start };
    line_column(source, offset + at)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn unshowable(path: &Path, source: &str, at: (usize, usize), c: char) -> Diagnostic {
    Diagnostic::at(path, source, at.0, at.1, unshowable_message(c))
        .with_note(UNSHOWABLE_HINT.into())
}

/// Why a character cannot be in a report, naming it and its code point.
pub(crate) fn unshowable_message(c: char) -> String {
    let shown = if c.is_alphanumeric() || c.is_ascii_graphic() {
        format!("`{c}` (U+{:04X})", c as u32)
    } else {
        format!("U+{:04X}", c as u32)
    };
    crate::tr!("glyphs-unshowable", shown = shown)
}

/// What the report's fonts can show, for the hint under [`unshowable_message`]: a hint in the
/// user's language once turned into a [`Note`].
pub(crate) const UNSHOWABLE_HINT: UnshowableHint = UnshowableHint;

/// The hint under [`unshowable_message`]; its text is looked up when it becomes a [`Note`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct UnshowableHint;

impl From<UnshowableHint> for Note {
    fn from(_: UnshowableHint) -> Note {
        Note::Hint(crate::tr!("glyphs-unshowable-hint"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unshowable_character_is_explained_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let en = in_language(UiLanguage::En, || unshowable_message('中'));
        assert_eq!(en, "the character `中` (U+4E2D) cannot be shown: no font of the report has it");
        let sv = in_language(UiLanguage::Sv, || unshowable_message('中'));
        assert_eq!(
            sv,
            "tecknet `中` (U+4E2D) kan inte visas: inget av rapportens typsnitt har det"
        );
        let hint = in_language(UiLanguage::Sv, || Note::from(UNSHOWABLE_HINT)).to_string();
        assert!(hint.starts_with("hint: rapportens typsnitt har latinska bokstäver"), "{hint}");
    }

    fn errors(source: &str) -> Vec<(usize, usize, String)> {
        check(Path::new("x.yaml"), source, serde_saphyr::Options::default())
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn an_unshowable_character_is_reported_where_it_was_written() {
        let source =
            "title: Rapport\ncontent:\n  - text: |\n      Första raden\n      Ord 中文 här\n";
        let found = errors(source);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (5, 11));
        assert!(found[0].2.contains("`中` (U+4E2D)"), "{}", found[0].2);
    }

    #[test]
    fn an_escaped_character_is_reported_at_its_scalar() {
        let found = errors("title: \"a \\U000F0000\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (1, 8));
        assert!(found[0].2.contains("U+F0000"), "{}", found[0].2);
    }

    #[test]
    fn a_text_is_found_in_the_report_folder() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("report.yaml"), "title: Rapport\n").unwrap();
        fs::write(dir.path().join("a.yaml"), "title: A\ncontent:\n  - text: |\n      Sökt text\n")
            .unwrap();
        let found = find_text(dir.path(), &|t| t == "Sökt text\n");
        // A block scalar is placed at its first line of text.
        assert_eq!(found, Some((dir.path().join("a.yaml"), 4, 7)));
        assert_eq!(find_text(dir.path(), &|t| t == "saknas"), None);
    }

    #[test]
    fn comments_and_showable_scripts_are_not_errors() {
        assert!(
            errors("# 中文 in a comment\ntitle: שלום مرحبا Привет 😀 → ≥ ✓\nn: 3\n").is_empty()
        );
    }
}
