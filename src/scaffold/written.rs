//! What `ledgen new` writes: the content format's keys as typed structs, in the order the
//! shipped files use them, serialised by serde-saphyr. No hand-written YAML: any text
//! round-trips (quoted where it must be, block scalars for multi-line text), as the tests below
//! check for the strings that look like YAML syntax and for any text.

use anyhow::{Context, Result};
use serde::Serialize;
use serde_saphyr::FlowSeq;

use crate::model::ReviewInput;
use crate::tr;

/// Options for the YAML writer: expanded lists as the shipped content writes them, and long
/// lines kept on one line (literal block scalars only for text that has line breaks).
fn yaml_options() -> serde_saphyr::SerializerOptions {
    let mut options = serde_saphyr::SerializerOptions::default();
    options.compact_list_indent = false;
    options.folded_wrap_chars = usize::MAX;
    options
}

/// Serialises one content file.
pub(crate) fn to_yaml<T: Serialize>(value: &T, name: &str) -> Result<String> {
    serde_saphyr::to_string_with_options(value, yaml_options())
        .with_context(|| tr!("scaffold-yaml-failed", name = name))
}

/// `report.yaml`.
#[derive(Serialize)]
pub(crate) struct MetaOut {
    pub(crate) organisation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) unit: Option<String>,
    pub(crate) title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) subtitle: Option<String>,
    pub(crate) year: i32,
    pub(crate) date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) author_role: Option<String>,
    pub(crate) language: &'static str,
    pub(crate) sections: Vec<String>,
    #[serde(skip_serializing_if = "Legend::is_empty")]
    pub(crate) status_legend: Legend,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) abbreviations: Vec<AbbreviationOut>,
    pub(crate) revision_history: Vec<RevisionOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) revision_note: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) coverage_table: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) meeting: Option<MeetingOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) approved_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) approved_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) registration_number: Option<String>,
    /// A new year starts as a draft, full of last year's words to review: it says "UTKAST" on
    /// every page and `build --all` does not publish it until the key is removed.
    pub(crate) draft: bool,
}

/// The management's meeting: its date and who attended.
#[derive(Serialize)]
pub(crate) struct MeetingOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) attendees: Vec<AttendeeOut>,
}

/// One person at the meeting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct AttendeeOut {
    pub(crate) name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) role: Option<String>,
}

/// The status legend in the order of the statuses (a map in YAML).
pub(crate) struct Legend(pub(crate) Vec<(&'static str, String)>);

impl Legend {
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Legend {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// One entry of `abbreviations`.
#[derive(Serialize)]
pub(crate) struct AbbreviationOut {
    pub(crate) term: String,
    pub(crate) meaning: String,
}

/// One entry of `revision_history`.
#[derive(Serialize)]
pub(crate) struct RevisionOut {
    pub(crate) date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) author: Option<String>,
    pub(crate) description: String,
}

/// A section file, or a part within one.
#[derive(Serialize)]
pub(crate) struct PartOut {
    pub(crate) title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) content: Vec<BlockOut>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) parts: Vec<PartOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) covers: Option<Vec<ReviewInput>>,
}

/// One block of `content`: exactly one of its kinds is set.
#[derive(Default, Serialize)]
pub(crate) struct BlockOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) table: Option<TableOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) recommendations: Option<Vec<RecommendationOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) appendices: Option<Vec<AppendixOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) incidents: Option<IncidentsOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) gap_analysis: Option<GapOut>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) intern: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) sekretess: Option<String>,
}

/// A recommendation carried into the new year's list: one the board tabled, to decide again.
#[derive(Serialize)]
pub(crate) struct RecommendationOut {
    pub(crate) id: String,
    pub(crate) text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) how: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) who: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) priority: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) follows: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) decision: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) decision_note: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) intern: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) sekretess: Option<String>,
}

/// A status table; its columns as a flow list, one line like the shipped files.
#[derive(Serialize)]
pub(crate) struct TableOut {
    pub(crate) columns: FlowSeq<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status_column: Option<String>,
    pub(crate) rows: Vec<RowOut>,
}

/// One row of a status table.
#[derive(Serialize)]
pub(crate) struct RowOut {
    pub(crate) id: String,
    pub(crate) cells: Vec<String>,
    pub(crate) status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) follows: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) due: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) intern: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) sekretess: Option<String>,
}

/// An incidents block: the categories in force, and the records (none yet in a new year).
#[derive(Serialize)]
pub(crate) struct IncidentsOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) categories: Option<FlowSeq<Vec<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) period: Option<PeriodOut>,
    pub(crate) records: Vec<IncidentOut>,
}

/// The months an incidents block covers.
#[derive(Serialize)]
pub(crate) struct PeriodOut {
    pub(crate) from: String,
    pub(crate) to: String,
}

/// One incident.
#[derive(Serialize)]
pub(crate) struct IncidentOut {
    pub(crate) id: String,
    pub(crate) date: String,
    pub(crate) category: String,
    pub(crate) description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) consequence: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) actions: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) personal_data: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) reported_to_imy: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) intern: bool,
}

/// A GAP analysis.
#[derive(Serialize)]
pub(crate) struct GapOut {
    pub(crate) requirements: Vec<GapEntryOut>,
}

/// One requirement of a GAP analysis.
#[derive(Serialize)]
pub(crate) struct GapEntryOut {
    pub(crate) clause: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) current_state: Option<String>,
    pub(crate) status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) action: Option<String>,
}

/// One appendix.
#[derive(Serialize)]
pub(crate) struct AppendixOut {
    pub(crate) id: String,
    pub(crate) title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) content: Vec<BlockOut>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BlockKind, Part};
    use proptest::prelude::*;

    /// A section whose every string field holds `s`, written and parsed back as the model.
    fn round_trip(s: &str) -> Part {
        let row = RowOut {
            id: "rad".into(),
            cells: vec![s.into(), s.into()],
            status: "gul",
            status_text: Some(s.into()),
            follows: None,
            owner: Some(s.into()),
            due: None,
            intern: true,
            sekretess: Some(s.into()),
        };
        let part = PartOut {
            title: s.into(),
            content: vec![
                BlockOut { text: Some(s.into()), ..BlockOut::default() },
                BlockOut {
                    table: Some(TableOut {
                        columns: FlowSeq(vec![s.into(), s.into()]),
                        status_column: Some(s.into()),
                        rows: vec![row],
                    }),
                    ..BlockOut::default()
                },
                BlockOut {
                    incidents: Some(IncidentsOut {
                        categories: Some(FlowSeq(vec![s.into(), "b".into()])),
                        period: None,
                        records: Vec::new(),
                    }),
                    ..BlockOut::default()
                },
            ],
            parts: Vec::new(),
            covers: None,
        };
        let yaml = to_yaml(&part, "test.yaml").unwrap();
        serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"))
    }

    fn assert_round_trips(s: &str) {
        let part = round_trip(s);
        assert_eq!(part.title, s);
        let BlockKind::Text(text) = &part.content[0].kind else { panic!("not a text") };
        assert_eq!(text.text, s);
        let BlockKind::Table(table) = &part.content[1].kind else { panic!("not a table") };
        assert_eq!(table.columns.value, [s, s], "columns");
        assert_eq!(table.status_column.as_deref(), Some(s));
        let row = &table.rows[0];
        let cells: Vec<&str> = row.cells.value.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells, [s, s]);
        assert_eq!(row.status_text.as_ref().unwrap().text, s);
        assert_eq!(row.sekretess.as_deref(), Some(s));
        assert_eq!(row.owner.as_deref(), Some(s));
        assert!(row.intern);
        let BlockKind::Incidents(incidents) = &part.content[2].kind else { panic!("incidents") };
        assert_eq!(incidents.categories.as_deref(), Some(&[s.to_string(), "b".into()][..]));
    }

    #[test]
    fn strings_that_look_like_yaml_round_trip() {
        for s in [
            "Lag, förordning",
            "2024",
            "0x1F",
            "1e3",
            "true",
            "yes",
            "no",
            "null",
            "~",
            "2024-09-12",
            "*fet*",
            "&ankare",
            "!tagg",
            "# rubrik",
            "- punkt",
            "[länk](https://example.org)",
            "{a}",
            "nyckel: värde",
            "text # inte en kommentar",
            "'citat'",
            "\"citat\"",
            "  inledande blanksteg",
            "avslutande blanksteg  ",
            "rad ett\nrad två\n",
            "rad ett\n\nrad tre",
            "slutar med tomma rader\n\n\n",
            "  indragen första rad\nandra",
            "- a\n- b\n",
            "%procent",
            "@snabel",
            "`kod`",
            "|",
            ">",
            "?",
            ":",
            "---",
            "...",
            "",
        ] {
            assert_round_trips(s);
        }
    }

    // A flow list split "Lag, förordning" into two columns when it was written unquoted.
    #[test]
    fn flow_list_with_a_comma_keeps_its_columns() {
        let yaml = to_yaml(
            &TableOut {
                columns: FlowSeq(vec!["Lag, förordning".into(), "Information".into()]),
                status_column: None,
                rows: Vec::new(),
            },
            "t.yaml",
        )
        .unwrap();
        assert!(yaml.contains("columns: ["), "{yaml}");
        let table: crate::model::StatusTable = serde_saphyr::from_str(&yaml).unwrap();
        assert_eq!(table.columns.value, ["Lag, förordning", "Information"]);
    }

    proptest! {
        #[test]
        fn any_text_round_trips(s in "[\\PC\n\t ]{0,60}") {
            assert_round_trips(&s);
        }
    }
}
