//! JSON Schemas of the content files, derived from the model types so they cannot drift from
//! what the loader accepts. `ledgen schema` writes them; content files point editors at them.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{Block, Markdown, Part, Priority, RawBlock, ReportDate, ReportMeta, Status};

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

impl JsonSchema for Status {
    fn schema_name() -> Cow<'static, str> {
        "Status".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": ["grön", "gul", "röd", "ej bedömd", "green", "yellow", "red", "not-assessed"],
            "description": "grön: done or no major deviations; gul: remaining deficiencies or work ongoing; röd: serious deficiencies; ej bedömd: not assessed."
        })
    }
}

impl JsonSchema for Priority {
    fn schema_name() -> Cow<'static, str> {
        "Priority".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": ["låg", "medel", "hög", "low", "medium", "high"],
            "description": "Prioritet."
        })
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

/// Every content file kind's schema, by file name.
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("report.schema.json", schemars::schema_for!(ReportMeta).to_value()),
        ("section.schema.json", schemars::schema_for!(Part).to_value()),
    ]
}
