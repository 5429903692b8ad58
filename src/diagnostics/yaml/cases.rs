//! The cases of [`super::translate`]: each recognises one kind of mistake from the parser's
//! error or message and says it in the writer's terms, with the fix.

use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;

use super::lines::{
    colon_item_fix, misindented_key, misread_yaml, plain_syntax_error, tab_in_indentation,
};
use super::{Context, Reading, Rewrite};
use crate::diagnostics::{Note, nearest};

/// A file past one of the parser's budgets: too deep, too many values or aliases, too much text
/// once aliases are expanded.
pub(super) fn budget(cx: &Context<'_>) -> Option<Reading> {
    let Error::Budget { breach, .. } = cx.error else { return None };
    let limits = cx.limits;
    Some(match breach {
        BudgetBreach::Depth { .. } => Reading::hint(
            crate::tr!("yaml-too-deep", depth = limits.depth.to_string()),
            crate::tr!("yaml-too-deep-hint"),
        ),
        BudgetBreach::Nodes { .. } => Reading::hint(
            crate::tr!("yaml-too-many-values", limit = limits.values.to_string()),
            if cx.via_alias {
                crate::tr!("yaml-too-many-values-alias-hint")
            } else {
                crate::tr!("yaml-too-many-values-hint")
            },
        ),
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::AliasAnchorRatio { .. } => Reading::hint(
            crate::tr!("yaml-too-many-aliases", limit = limits.aliases.to_string()),
            crate::tr!("yaml-too-many-aliases-hint"),
        ),
        BudgetBreach::ScalarBytes { .. } => Reading::hint(
            crate::tr!(
                "yaml-alias-text-too-large",
                size = (limits.text_bytes / (1024 * 1024)).to_string()
            ),
            crate::tr!("yaml-alias-text-too-large-hint"),
        ),
        other => Reading::hint(
            crate::tr!("yaml-too-complex", detail = format!("{other:?}")),
            crate::tr!("yaml-too-complex-hint"),
        ),
    })
}

/// The same key twice in one mapping.
pub(super) fn duplicate_key(cx: &Context<'_>) -> Option<Reading> {
    let Error::DuplicateMappingKey { key, .. } = cx.error else { return None };
    let message = match key {
        Some(key) => crate::tr!("yaml-duplicate-key", key = key.clone()),
        None => crate::tr!("yaml-duplicate-key-unnamed"),
    };
    Some(Reading::hint(message, crate::tr!("yaml-duplicate-key-hint")))
}

/// A `---` line that starts a second document.
pub(super) fn two_documents(cx: &Context<'_>) -> Option<Reading> {
    let Error::MultipleDocuments { .. } = cx.error else { return None };
    Some(Reading::hint(crate::tr!("yaml-two-documents"), crate::tr!("yaml-two-documents-hint")))
}

/// A key with nothing after its colon where a text is needed.
pub(super) fn empty_value(cx: &Context<'_>) -> Option<Reading> {
    let Error::NullIntoString { .. } = cx.error else { return None };
    Some(Reading::hint(crate::tr!("yaml-empty-value"), crate::tr!("yaml-empty-value-hint")))
}

/// A list item of text holding `: ` (`- Inköp: klar`), read as a mapping.
pub(super) fn colon_in_list_item(cx: &Context<'_>) -> Option<Reading> {
    let Error::Unexpected { expected, .. } = cx.error else { return None };
    if *expected != "string scalar" {
        return None;
    }
    let fix = colon_item_fix(cx.source, cx.line, cx.column)?;
    Some(Reading::hint(
        crate::tr!("yaml-colon-in-text"),
        crate::tr!("yaml-colon-in-text-hint", fix = fix),
    ))
}

/// A value of the wrong shape: a text where a list or mapping belongs, or the other way round.
pub(super) fn wrong_shape(cx: &Context<'_>) -> Option<Reading> {
    let Error::Unexpected { expected, .. } = cx.error else { return None };
    Some(match *expected {
        "sequence start" => {
            Reading::hint(crate::tr!("yaml-expected-list"), crate::tr!("yaml-expected-list-hint"))
        }
        "mapping start" => Reading::hint(
            crate::tr!("yaml-expected-mapping"),
            crate::tr!("yaml-expected-mapping-hint"),
        ),
        "string scalar" => {
            Reading::hint(crate::tr!("yaml-expected-text"), crate::tr!("yaml-expected-text-hint"))
        }
        other => Reading {
            whole: true,
            ..Reading::hint(
                crate::tr!("yaml-expected-other", what = other.to_string()),
                crate::tr!("yaml-expected-other-hint"),
            )
        },
    })
}

/// A YAML tag (`!include`), which content files do not use.
pub(super) fn tag(cx: &Context<'_>) -> Option<Reading> {
    let (Error::UnsupportedTag { tag, .. } | Error::TaggedStructFieldName { tag, .. }) = cx.error
    else {
        return None;
    };
    Some(Reading::hint(
        crate::tr!("yaml-unsupported-tag", tag = tag.clone()),
        crate::tr!("yaml-tag-hint"),
    ))
}

/// A word that is not one of a key's values (a status, a priority), with the nearest one.
pub(super) fn unknown_value(cx: &Context<'_>) -> Option<Reading> {
    let Error::SerdeUnknownVariant { variant, expected, .. } = cx.error else { return None };
    let list: Vec<String> = expected.iter().map(|v| format!("`{v}`")).collect();
    let notes = nearest(variant, expected.iter().copied())
        .map(|near| Note::Hint(crate::tr!("yaml-did-you-mean", name = near.to_string())))
        .into_iter()
        .collect();
    Some(Reading {
        message: crate::tr!(
            "yaml-unknown-value",
            value = variant.clone(),
            expected = list.join(", ")
        ),
        notes,
        syntax: false,
        whole: false,
    })
}

/// The file ends inside a value (a bracket or quote never closed).
pub(super) fn ends_mid_value(cx: &Context<'_>) -> Option<Reading> {
    let Error::Eof { .. } = cx.error else { return None };
    Some(Reading {
        message: crate::tr!("yaml-ends-mid-value"),
        notes: Vec::new(),
        syntax: true,
        whole: false,
    })
}

/// An invisible control character where the parser stopped.
pub(super) fn control_character(cx: &Context<'_>) -> Option<Reading> {
    let c = cx.character().filter(|c| c.is_control() && *c != '\t')?;
    Some(Reading::hint(
        crate::tr!("yaml-control-char", code = format!("{:04X}", c as u32)),
        crate::tr!("yaml-control-char-hint"),
    ))
}

/// Nesting deeper than the deserialiser's recursion limit.
pub(super) fn too_deep(cx: &Context<'_>) -> Option<Reading> {
    let Error::ExternalMessage { msg, .. } = cx.error else { return None };
    msg.contains("recursion limit").then(|| {
        Reading::hint(
            crate::tr!("yaml-too-deep", depth = cx.limits.depth.to_string()),
            crate::tr!("yaml-too-deep-hint"),
        )
    })
}

/// Any other error, in the parser's or serde's words without the place they append; a message of
/// the scanner's is about the file's structure.
pub(super) fn parser_words(cx: &Context<'_>) -> Option<Reading> {
    Some(Reading {
        message: clean_yaml_message(&cx.error.to_string()),
        notes: Vec::new(),
        syntax: matches!(cx.error, Error::ExternalMessage { .. }),
        whole: false,
    })
}

/// A misspelt key: the nearest key the entry takes.
pub(super) fn unknown_key(_: &Context<'_>, message: &str) -> Option<Rewrite> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let near = nearest(field, expected.iter().copied())?;
    Some(Rewrite {
        at: None,
        message: None,
        notes: vec![Note::Hint(crate::tr!("yaml-did-you-mean", name = near.to_string()))],
        replaces_notes: false,
    })
}

/// A tab in the indentation; the parser may stop at the value before it, so point at the tab.
pub(super) fn tab(cx: &Context<'_>, message: &str) -> Option<Rewrite> {
    if !message.contains("tabs disallowed") && !message.contains("found a tab") {
        return None;
    }
    let (line, column) = tab_in_indentation(cx.source, cx.line).unwrap_or((cx.line, cx.column));
    Some(Rewrite {
        at: Some((line, column)),
        message: Some(crate::tr!("yaml-tab", line = line.to_string())),
        notes: vec![Note::Hint(crate::tr!("yaml-tab-hint"))],
        replaces_notes: false,
    })
}

/// A key the entry needs and lacks; often it is there, indented unlike its neighbours.
pub(super) fn missing_key(cx: &Context<'_>, message: &str) -> Option<Rewrite> {
    let field = message.strip_prefix("missing field ")?;
    let note = misindented_key(cx.source, cx.line, cx.column, field.trim_matches('`'))
        .unwrap_or_else(|| {
            Note::Hint(crate::tr!("yaml-missing-field-hint", field = field.to_string()))
        });
    Some(Rewrite { at: None, message: None, notes: vec![note], replaces_notes: false })
}

/// A mistake the parser reports far from where it is (see [`misread_yaml`]): say what and where.
pub(super) fn misread(cx: &Context<'_>, message: &str) -> Option<Rewrite> {
    let (at, message, hint) = misread_yaml(cx.source, cx.line, cx.column, message)?;
    Some(Rewrite { at: Some(at), message: Some(message), notes: vec![hint], replaces_notes: true })
}

/// A structural error in a programmer's words (see [`plain_syntax_error`]), in plain ones.
pub(super) fn plain_syntax(cx: &Context<'_>, message: &str) -> Option<Rewrite> {
    let (message, hint) = plain_syntax_error(cx.source, cx.line, cx.column, message)?;
    Some(Rewrite { at: None, message: Some(message), notes: vec![hint], replaces_notes: false })
}

/// serde's message for a missing or unknown key, in the user's language (serde writes English).
pub(super) fn in_language(message: &str) -> String {
    if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        return crate::tr!("yaml-missing-field", field = field.to_string());
    }
    if let Some((field, expected)) =
        message.strip_prefix("unknown field `").and_then(|m| m.split_once("`, expected one of "))
    {
        return crate::tr!(
            "yaml-unknown-field",
            field = field.to_string(),
            expected = expected.to_string()
        );
    }
    message.to_string()
}

/// Drops the location suffix serde-saphyr appends, since the diagnostic shows it already, and
/// names what to write where serde names a Rust type.
fn clean_yaml_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let trimmed = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    let trimmed = trimmed.trim_end_matches('.');
    if ["invalid i32", "invalid i64", "invalid u32", "invalid u64", "invalid usize"]
        .contains(&trimmed)
    {
        return crate::tr!("yaml-expected-whole-number");
    }
    if trimmed == "invalid bool" {
        return crate::tr!("yaml-expected-bool");
    }
    // List the expected keys the way the rest of the messages quote names.
    if let Some((head, list)) = trimmed.split_once(", expected one of ")
        && !list.contains('`')
    {
        let quoted: Vec<String> = list.split(", ").map(|k| format!("`{k}`")).collect();
        return format!("{head}, expected one of {}", quoted.join(", "));
    }
    trimmed.to_string()
}

// Each case with a file that makes the parser fail its way, read as the user reads it (in
// English; `crate::model`'s tests read messages in Swedish too).
#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde::Deserialize;

    use super::super::{Limits, translate};
    use crate::diagnostics::{Diagnostic, Note};
    use crate::locale::{UiLanguage, in_language};

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Entry {
        #[serde(default)]
        title: Option<String>,
        #[serde(default)]
        items: Vec<String>,
        #[serde(default)]
        rows: Vec<Row>,
        #[serde(default)]
        year: Option<u32>,
        #[serde(default)]
        nested: Option<serde::de::IgnoredAny>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Row {
        id: String,
        #[serde(default)]
        status: Option<Colour>,
        #[serde(default)]
        status_text: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Colour {
        Green,
        Yellow,
    }

    const LIMITS: Limits = Limits { depth: 8, values: 40, aliases: 3, text_bytes: 1024 * 1024 };

    /// The diagnostic for `yaml`, parsed under small budgets.
    fn read(yaml: &str) -> Diagnostic {
        let options = serde_saphyr::options! {
            with_snippet: false,
            reject_unsupported_tags: true,
            budget: serde_saphyr::budget! {
                max_depth: LIMITS.depth,
                flow_nesting_limit: LIMITS.depth,
                max_aliases: LIMITS.aliases,
                max_anchors: LIMITS.aliases,
                max_nodes: LIMITS.values,
                max_total_scalar_bytes: LIMITS.text_bytes,
            },
        };
        let error = serde_saphyr::from_str_with_options::<Entry>(yaml, options)
            .expect_err("the file is refused");
        in_language(UiLanguage::En, || translate(Path::new("a.yaml"), yaml, &error, &LIMITS))
    }

    fn hints(d: &Diagnostic) -> Vec<&str> {
        d.notes.iter().filter(|n| matches!(n, Note::Hint(_))).map(Note::text).collect()
    }

    #[test]
    fn budget_names_the_limit_passed() {
        let deep = read("nested: [[[[[[[[[[x]]]]]]]]]]\n");
        assert_eq!(deep.message, "lists and mappings are nested more than 8 levels deep");
        let many = read(&format!("items: [{}]\n", vec!["x"; 60].join(", ")));
        assert!(many.message.contains("more than 40 YAML values"), "{}", many.message);
        let aliases = read("items: [&a x, *a, *a, *a, *a, *a]\n");
        assert!(aliases.message.contains("more than 3 anchors"), "{}", aliases.message);
    }

    #[test]
    fn duplicate_key_names_the_key() {
        let d = read("title: a\ntitle: b\n");
        assert_eq!((d.message.as_str(), d.line), ("duplicate key `title` in the same mapping", 2));
        assert!(hints(&d)[0].starts_with("a key may appear once in a mapping"), "{d}");
    }

    #[test]
    fn two_documents_points_at_the_dashes() {
        let d = read("title: a\n---\ntitle: b\n");
        assert_eq!(d.message, "the file holds more than one YAML document");
        assert!(hints(&d)[0].contains("remove the `---` line"), "{d}");
    }

    #[test]
    fn empty_value_asks_for_the_text() {
        let d = read("rows:\n  - id:\n");
        assert_eq!(d.message, "this value is empty");
    }

    #[test]
    fn colon_in_list_item_quotes_the_item() {
        let d = read("items:\n  - Inköp: klar\n");
        assert_eq!(d.message, "this text holds `: `, which YAML reads as a key and its value");
        assert_eq!(hints(&d), ["put the text in quotes: `- \"Inköp: klar\"`"]);
    }

    #[test]
    fn wrong_shape_says_what_belongs_there() {
        assert_eq!(read("items: text\n").message, "expected a list here");
        assert_eq!(read("rows:\n  - just text\n").message, "expected `key: value` entries here");
        assert_eq!(
            read("title: [a, b]\n").message,
            "expected a single text here, not a list or mapping"
        );
    }

    #[test]
    fn tag_is_refused_as_no_include() {
        let d = read("title: !include other.yaml\n");
        assert_eq!(d.message, "unsupported YAML tag `!include`");
        assert!(hints(&d)[0].contains("cannot include other files"), "{d}");
    }

    #[test]
    fn unknown_value_suggests_the_nearest() {
        let d = read("rows:\n  - id: r\n    status: gren\n");
        assert_eq!(d.message, "unknown value `gren`, expected one of `green`, `yellow`");
        assert_eq!(hints(&d), ["did you mean `green`?"]);
        assert!(hints(&read("rows:\n  - id: r\n    status: blå\n")).is_empty());
    }

    // The parser reports an open bracket itself ("unclosed bracket"), and the deserialiser an
    // end of events without a place, so this reading is for what no text here reaches.
    #[test]
    fn ends_mid_value_says_so() {
        let error = serde_saphyr::Error::Eof { location: serde_saphyr::Location::UNKNOWN };
        let d = in_language(UiLanguage::En, || {
            translate(Path::new("a.yaml"), "items: [a\n", &error, &LIMITS)
        });
        assert_eq!(d.message, "the file ends in the middle of a value");
    }

    #[test]
    fn a_scanner_error_names_the_bracket_still_open() {
        let d = read("title: T\nitems: [a, b\nrows:\n  - id: x\n");
        let remark = d.notes.iter().find(|n| matches!(n, Note::Remark(_)));
        assert!(
            remark.is_some_and(|r| r.text().contains("the `[` on line 2, column 8 is still open")),
            "{d}"
        );
    }

    #[test]
    fn control_character_is_named_by_its_code() {
        let d = read("title: \"a\u{7}b\"\n");
        assert_eq!(
            d.message,
            "the file contains the control character U+0007, which YAML does not allow"
        );
    }

    #[test]
    fn parser_words_lose_their_place_and_type_names() {
        let d = read("year: soon\n");
        assert_eq!(d.message, "expected a whole number here, e.g. `2023`");
        assert_eq!(d.line, 1);
    }

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let d = read("rows:\n  - id: r\n    statsu: green\n");
        assert!(d.message.starts_with("unknown field `statsu`, expected one of"), "{d}");
        assert_eq!(hints(&d), ["did you mean `status`?"]);
    }

    #[test]
    fn tab_points_at_the_tab() {
        let d = read("rows:\n\t- id: r\n");
        assert_eq!(
            (d.message.as_str(), d.line, d.column),
            ("line 2 is indented with a tab, and YAML allows only spaces", 2, 1)
        );
    }

    #[test]
    fn missing_key_finds_it_misindented() {
        let d = read("rows:\n  - status: green\n   id: r\n");
        assert_eq!(d.message, "missing field `id`");
        assert!(hints(&d)[0].starts_with("`id` is on line 3, indented 3 spaces"), "{d}");
        let absent = read("rows:\n  - status: green\n");
        assert!(hints(&absent)[0].starts_with("add `id` to this entry"), "{absent}");
    }

    #[test]
    fn misread_points_where_the_quote_opened() {
        let d = read("title: \"open\nitems: [\"x\"]\n");
        assert_eq!(d.message, "the text that starts with `\"` here is not closed on its line");
        assert_eq!((d.line, d.column), (1, 8));
        assert_eq!(d.notes.len(), 1, "only the hint where the mistake is: {d}");
    }

    #[test]
    fn plain_syntax_quotes_a_value_with_a_colon() {
        let d = read("title: Mål: klart\n");
        assert_eq!(d.message, "this text holds `: `, which YAML reads as the start of a new key");
        assert_eq!(hints(&d), ["put the text in quotes: `title: \"Mål: klart\"`"]);
    }
}
