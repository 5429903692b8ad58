//! View stage helpers: counts behind the overview tables and charts — statuses per section,
//! incidents per category and month, GAP analysis statuses per clause. Pure functions.

use std::collections::BTreeMap;

use chrono::Datelike;

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
        section.part.visit_blocks(&mut |block| {
            if let BlockKind::Table(table) = &block.kind {
                for row in &table.rows {
                    counts[index(row.status.value)] += 1;
                }
            }
        });
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

/// Incidents per calendar month, from the first incident's month to the last one's (months
/// without incidents included), as ((year, month), count).
pub fn incidents_per_month(incidents: &Incidents) -> Vec<((i32, u32), usize)> {
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for record in &incidents.records {
        let date = record.date.value.0;
        *months.entry((date.year(), date.month())).or_default() += 1;
    }
    let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut year, mut month) = first;
    while (year, month) <= last {
        out.push(((year, month), months.get(&(year, month)).copied().unwrap_or(0)));
        (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
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

    #[test]
    fn counts_incidents_per_month_with_the_months_between() {
        let counts = incidents_per_month(&incidents(RECORDS));
        assert_eq!(counts, vec![((2024, 1), 2), ((2024, 2), 0), ((2024, 3), 0), ((2024, 4), 1)]);
    }

    #[test]
    fn months_run_across_new_year() {
        let yaml = "records:\n- {id: a, date: 2023-12-05, category: Övrigt, description: x}\n\
            - {id: b, date: 2024-01-05, category: Övrigt, description: y}\n";
        let counts = incidents_per_month(&incidents(yaml));
        assert_eq!(counts, vec![((2023, 12), 1), ((2024, 1), 1)]);
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
