//! JSON Schemas of the content files, derived from the model types so they cannot drift from
//! what the loader accepts. `ledgen schema` writes them; content files point editors at them.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{Block, Decision, Markdown, Part, Priority, RawBlock, ReportDate, ReportMeta, Status};

impl JsonSchema for Markdown {
    fn schema_name() -> Cow<'static, str> {
        "Markdown".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "Markdown: paragraphs, lists, *emphasis*, **strong**, `code`, links (http, https, mailto)."
        })
    }
}

impl JsonSchema for ReportDate {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$",
            "description": "A date written as YYYY-MM-DD, or a year and month written as YYYY-MM when the day is not known; the year is from 1900 to 9999."
        })
    }
}

/// The status words `Status::parse` accepts (after trimming and lower-casing); the first four
/// are the canonical ones editors offer.
const STATUS_WORDS: [&str; 9] =
    ["grön", "gul", "röd", "ej bedömd", "green", "yellow", "red", "not-assessed", "not assessed"];

/// The priority words `Priority::parse` accepts; the first three are the canonical ones.
const PRIORITY_WORDS: [&str; 6] = ["låg", "medel", "hög", "low", "medium", "high"];

/// The decision words `Decision::parse` accepts; the first four are the canonical ones.
const DECISION_WORDS: [&str; 8] =
    ["antagen", "avslagen", "ändrad", "bordlagd", "adopted", "rejected", "amended", "tabled"];

/// A schema that accepts what the loader accepts: any of `words` in any case, with white space
/// around it. The canonical words are listed as an `enum` so that editors offer them; the
/// pattern spells case-insensitivity out letter by letter (`[gG][uU][lL]`), since JSON Schema
/// patterns (ECMA-262) have no flag for it.
fn word_schema(words: &[&str], canonical: usize, description: &str) -> Schema {
    let alternatives: Vec<String> = words.iter().map(|w| any_case(w)).collect();
    let pattern = format!("^\\s*(?:{})\\s*$", alternatives.join("|"));
    json_schema!({
        "type": "string",
        "anyOf": [
            { "enum": &words[..canonical] },
            { "pattern": pattern }
        ],
        "description": description
    })
}

/// A regular expression matching `word` (lower case) in any case.
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            let upper: String = c.to_uppercase().collect();
            if upper.chars().count() == 1 && upper != c.to_string() {
                format!("[{c}{upper}]")
            } else if c.is_ascii_alphanumeric() || c == ' ' || c == '-' || !c.is_ascii() {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

impl JsonSchema for Status {
    fn schema_name() -> Cow<'static, str> {
        "Status".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        word_schema(
            &STATUS_WORDS,
            4,
            "grön: done or no major deviations; gul: remaining deficiencies or work ongoing; röd: serious deficiencies; ej bedömd: not assessed. English words and any case are accepted too.",
        )
    }
}

impl JsonSchema for Priority {
    fn schema_name() -> Cow<'static, str> {
        "Priority".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        word_schema(&PRIORITY_WORDS, 3, "Prioritet: låg, medel or hög (low, medium, high).")
    }
}

impl JsonSchema for Decision {
    fn schema_name() -> Cow<'static, str> {
        "Decision".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        word_schema(
            &DECISION_WORDS,
            4,
            "Beslut: antagen (adopted), avslagen (rejected), ändrad (amended: adopted with changes) or bordlagd (tabled). Any case is accepted.",
        )
    }
}

impl JsonSchema for Block {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = RawBlock::json_schema(generator);
        schema.insert("minProperties".into(), 1.into());
        schema.insert(
            "description".into(),
            "A content block: exactly one of text, table, recommendations, appendices, incidents or gap_analysis.".into(),
        );
        schema
    }
}

/// The report schema with `status_legend`'s keys limited to status words: the map's schema says
/// nothing of its keys, since a pattern (unlike an `enum`) does not name properties.
fn with_legend_keys(mut schema: serde_json::Value) -> serde_json::Value {
    if let Some(legend) = schema.pointer_mut("/properties/status_legend")
        && let Some(legend) = legend.as_object_mut()
    {
        let keys = Status::json_schema(&mut SchemaGenerator::default()).to_value();
        legend.insert("propertyNames".into(), keys);
    }
    schema
}

/// The comment that points a YAML language server at a schema, for a file `depth` folders
/// below the folder holding `schema/`.
pub fn schema_modeline(schema: &str, depth: usize) -> String {
    format!("# yaml-language-server: $schema={}schema/{schema}", "../".repeat(depth))
}

/// Every content file kind's schema, by file name.
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("report.schema.json", with_legend_keys(schemars::schema_for!(ReportMeta).to_value())),
        ("section.schema.json", schemars::schema_for!(Part).to_value()),
        ("brand.schema.json", super::brand::schema()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_the_schema_lists_is_one_the_loader_accepts() {
        for word in STATUS_WORDS {
            assert!(Status::parse(word).is_ok(), "{word}");
            assert!(Status::parse(&word.to_uppercase()).is_ok(), "{word}");
        }
        for word in PRIORITY_WORDS {
            assert!(Priority::parse(word).is_ok(), "{word}");
        }
        for word in DECISION_WORDS {
            assert!(Decision::parse(word).is_ok(), "{word}");
            assert!(Decision::parse(&word.to_uppercase()).is_ok(), "{word}");
        }
    }

    #[test]
    fn any_case_spells_out_each_letter() {
        assert_eq!(any_case("ej bedömd"), "[eE][jJ] [bB][eE][dD][öÖ][mM][dD]");
        assert_eq!(any_case("not-assessed"), "[nN][oO][tT]-[aA][sS][sS][eE][sS][sS][eE][dD]");
    }
}
