//! View stage helpers: counts behind the overview tables and charts — statuses per section,
//! incidents per category and month, GAP analysis statuses per clause. Pure functions.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::model::{
    BlockKind, GapAnalysis, Incidents, REQUIREMENT_GROUPS, REQUIREMENTS, Report, Requirement,
    Status,
};

/// Counts per status, in [`Status::ALL`] order.
pub type StatusCounts = [usize; 4];

fn index(status: Status) -> usize {
    Status::ALL.iter().position(|s| *s == status).expect("every status is in ALL")
}

/// Status rows per status for each section that has any, in document order.
pub fn status_per_section(report: &Report) -> Vec<(String, StatusCounts)> {
    let mut out: Vec<(String, StatusCounts)> = Vec::new();
    for section in &report.sections {
        let mut counts = [0; 4];
        for placed in section.blocks() {
            if let BlockKind::Table(table) = &placed.block.kind {
                for row in &table.rows {
                    counts[index(row.status.value)] += 1;
                }
            }
        }
        if counts.iter().sum::<usize>() > 0 {
            out.push((section.part.title.clone(), counts));
        }
    }
    out
}

/// Incidents per category, in the order of the categories in force (every category listed,
/// also those with no incidents).
pub fn incidents_per_category(incidents: &Incidents) -> Vec<(String, usize)> {
    incidents
        .categories()
        .into_iter()
        .map(|c| {
            let n = incidents.records.iter().filter(|r| r.category.value == c).count();
            (c, n)
        })
        .collect()
}

/// Incidents per calendar month of the report's year, as ((year, month), count): the months of
/// the period the block states, or else from January to the month of the report's date
/// (December when the report is dated after its year), so that months not yet over are not
/// shown as months without incidents; widened, month by month, to take in incidents in the
/// year before or after. Incidents further away are left
/// out (loading refuses them), so the table has at most 36 rows whatever the dates.
pub fn incidents_per_month(
    incidents: &Incidents,
    year: i32,
    report_date: NaiveDate,
) -> Vec<((i32, u32), usize)> {
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for record in &incidents.records {
        let date = record.date.value.0;
        if (year - 1..=year + 1).contains(&date.year()) {
            *months.entry((date.year(), date.month())).or_default() += 1;
        }
    }
    let (start, end) = match incidents.period {
        // The period the appendix states.
        Some(period) => (
            (period.from.0.year(), period.from.0.month()),
            (period.to.0.year(), period.to.0.month()),
        ),
        None => match report_date.year() {
            y if y == year => ((year, 1), (year, report_date.month())),
            y if y > year => ((year, 1), (year, 12)),
            _ => ((year, 1), (year, 1)),
        },
    };
    let first = months.keys().next().copied().map_or(start, |m| m.min(start));
    let last = months.keys().next_back().copied().map_or(end, |m| m.max(end));
    let mut out = Vec::new();
    let (mut y, mut month) = first;
    while (y, month) <= last {
        out.push(((y, month), months.get(&(y, month)).copied().unwrap_or(0)));
        (y, month) = if month == 12 { (y + 1, 1) } else { (y, month + 1) };
    }
    out
}

/// Every requirement with the status the GAP analysis gives it (not assessed when left out).
pub fn gap_requirements(gap: &GapAnalysis) -> Vec<(&'static Requirement, Status)> {
    REQUIREMENTS
        .iter()
        .map(|r| {
            let status = gap
                .requirements
                .iter()
                .find(|e| e.clause.value.trim() == r.id)
                .map_or(Status::NotAssessed, |e| e.status.value);
            (r, status)
        })
        .collect()
}

/// Statuses per main clause (4–10 and Annex A), as (group id, title, counts).
pub fn gap_per_group(gap: &GapAnalysis) -> Vec<(&'static str, &'static str, StatusCounts)> {
    let requirements = gap_requirements(gap);
    REQUIREMENT_GROUPS
        .iter()
        .map(|(group, title)| {
            let mut counts = [0; 4];
            for (_, status) in requirements.iter().filter(|(r, _)| r.group == *group) {
                counts[index(*status)] += 1;
            }
            (*group, *title, counts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incidents(yaml: &str) -> Incidents {
        serde_saphyr::from_str(yaml).unwrap()
    }

    const RECORDS: &str = "categories: [Nätfiske, Skadlig kod, Övrigt]\nrecords:\n\
        - {id: i1, date: 2024-01-10, category: Nätfiske, description: a}\n\
        - {id: i2, date: 2024-01-20, category: Nätfiske, description: b}\n\
        - {id: i3, date: 2024-04-02, category: Övrigt, description: c}\n";

    #[test]
    fn counts_incidents_per_category_including_empty_ones() {
        let counts = incidents_per_category(&incidents(RECORDS));
        assert_eq!(
            counts,
            vec![("Nätfiske".into(), 2), ("Skadlig kod".into(), 0), ("Övrigt".into(), 1)]
        );
    }

    /// The first `counts.len()` months of 2024 with the given counts.
    fn months_2024(counts: &[usize]) -> Vec<((i32, u32), usize)> {
        counts.iter().zip(1..).map(|(n, m)| ((2024, m), *n)).collect()
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn counts_incidents_per_month_of_the_year_up_to_the_report_date() {
        let counts = incidents_per_month(&incidents(RECORDS), 2024, date("2024-05-20"));
        assert_eq!(counts, months_2024(&[2, 0, 0, 1, 0]));
    }

    #[test]
    fn a_report_dated_after_its_year_shows_all_twelve_months() {
        let counts = incidents_per_month(&incidents(RECORDS), 2024, date("2025-02-01"));
        assert_eq!(counts, months_2024(&[2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]));
    }

    #[test]
    fn the_period_the_appendix_states_sets_the_months() {
        // "Januari till juli" in a review dated in September: no August or September rows.
        let yaml = format!("{RECORDS}period: {{ from: 2024-01, to: 2024-07 }}\n");
        let counts = incidents_per_month(&incidents(&yaml), 2024, date("2024-09-20"));
        assert_eq!(counts, months_2024(&[2, 0, 0, 1, 0, 0, 0]));
        // A period starting later still shows the month of an incident before it.
        let yaml = format!("{RECORDS}period: {{ from: 2024-03, to: 2024-05 }}\n");
        let counts = incidents_per_month(&incidents(&yaml), 2024, date("2024-09-20"));
        assert_eq!(counts, months_2024(&[2, 0, 0, 1, 0]));
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 3, "every incident counted");
    }

    #[test]
    fn incidents_after_the_report_date_widen_the_table() {
        let counts = incidents_per_month(&incidents(RECORDS), 2024, date("2024-02-01"));
        assert_eq!(counts, months_2024(&[2, 0, 0, 1]));
    }

    #[test]
    fn months_run_across_new_year() {
        let yaml = "records:\n- {id: a, date: 2023-11-05, category: Övrigt, description: x}\n\
            - {id: b, date: 2024-01-05, category: Övrigt, description: y}\n";
        let counts = incidents_per_month(&incidents(yaml), 2024, date("2024-02-10"));
        assert_eq!(counts, vec![((2023, 11), 1), ((2023, 12), 0), ((2024, 1), 1), ((2024, 2), 0)]);
    }

    // Regression: incidents dated 0001 and 9999 made a table of every month between them (22.7 MB
    // of HTML). Dates before 1900 are now refused when loading; the earliest allowed stands in.
    #[test]
    fn far_away_dates_do_not_widen_the_table() {
        let yaml = "records:\n- {id: a, date: 1900-01-17, category: Övrigt, description: x}\n\
            - {id: b, date: 9999-02-05, category: Övrigt, description: y}\n\
            - {id: c, date: 2204-03-01, category: Övrigt, description: z}\n";
        let counts = incidents_per_month(&incidents(yaml), 2024, date("2024-03-01"));
        assert_eq!(counts, months_2024(&[0, 0, 0]));
    }

    #[test]
    fn the_table_never_has_more_than_36_rows() {
        let yaml = "records:\n- {id: a, date: 2023-01-17, category: Övrigt, description: x}\n\
            - {id: b, date: 2025-12-05, category: Övrigt, description: y}\n";
        let counts = incidents_per_month(&incidents(yaml), 2024, date("9999-12-31"));
        assert_eq!(counts.len(), 36);
    }

    #[test]
    fn gap_counts_left_out_requirements_as_not_assessed() {
        let gap: GapAnalysis = serde_saphyr::from_str(
            "requirements:\n- {clause: '4.1', status: grön}\n- {clause: '4.2', status: gul}\n\
             - {clause: A.8, status: röd}\n",
        )
        .unwrap();
        let groups = gap_per_group(&gap);
        assert_eq!(groups[0], ("4", "Organisationens förutsättningar", [1, 1, 0, 2]));
        assert_eq!(groups[7].2, [0, 0, 1, 3]);
        let total: usize = groups.iter().map(|g| g.2.iter().sum::<usize>()).sum();
        assert_eq!(total, REQUIREMENTS.len());
    }

    #[test]
    fn builtin_requirements_cover_clauses_4_to_10_and_annex_a() {
        assert_eq!(REQUIREMENTS.len(), 27);
        for group in ["4", "5", "6", "7", "8", "9", "10", "A"] {
            assert!(REQUIREMENTS.iter().any(|r| r.group == group), "no requirement in {group}");
        }
        assert!(REQUIREMENTS.iter().all(|r| r.id.starts_with(&format!("{}.", r.group))));
        let mut ids: Vec<_> = REQUIREMENTS.iter().map(|r| r.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), REQUIREMENTS.len());
    }
}
