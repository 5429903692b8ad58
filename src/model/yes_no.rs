//! Load stage: yes/no fields (`intern`, `personal_data`, …) read `true`/`false` and also the
//! Swedish `ja`/`nej`, since content is written in Swedish by people who are not programmers.

use std::fmt;

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::Deserializer;
use serde::de::{Error, Visitor};

/// Reads `true`, `false`, `ja` or `nej` (in any case).
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    deserializer.deserialize_any(YesNo)
}

/// The schema of a yes/no field: a boolean, or `ja`/`nej`.
pub fn schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [
            { "type": "boolean" },
            { "type": "string", "enum": ["ja", "nej", "Ja", "Nej"] }
        ],
        "description": "Yes or no: true or false (ja or nej also work)."
    })
}

struct YesNo;

impl Visitor<'_> for YesNo {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`true` or `false` (or `ja` or `nej`)")
    }

    fn visit_bool<E: Error>(self, value: bool) -> Result<bool, E> {
        Ok(value)
    }

    fn visit_str<E: Error>(self, value: &str) -> Result<bool, E> {
        match value.trim().to_lowercase().as_str() {
            "true" | "ja" => Ok(true),
            "false" | "nej" => Ok(false),
            _ => Err(E::custom(crate::tr!("yesno-expected", value = value))),
        }
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize)]
    struct Row {
        #[serde(default, deserialize_with = "super::deserialize")]
        intern: bool,
    }

    fn read(yaml: &str) -> Result<bool, String> {
        serde_saphyr::from_str::<Row>(yaml).map(|r| r.intern).map_err(|e| e.to_string())
    }

    // A Swede writes `intern: ja`; it used to fail with "invalid boolean".
    #[test]
    fn reads_swedish_yes_and_no_as_well_as_true_and_false() {
        assert_eq!(read("intern: ja"), Ok(true));
        assert_eq!(read("intern: Ja"), Ok(true));
        assert_eq!(read("intern: nej"), Ok(false));
        assert_eq!(read("intern: true"), Ok(true));
        assert_eq!(read("intern: false"), Ok(false));
        assert_eq!(read("{}"), Ok(false));
        let error = read("intern: kanske").unwrap_err();
        assert!(error.contains("expected `true` or `false` (or `ja` or `nej`)"), "{error}");
    }
}
