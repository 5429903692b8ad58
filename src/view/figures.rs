//! View stage: the figures both editions state — status rows per section and each incident
//! appendix's counts — counted once over the full content, before the public edition leaves
//! its confidential items out, so that the public edition states the same numbers as the full
//! one and says how many of them are confidential.

use chrono::NaiveDate;

use super::stats::{self, StatusCounts};
use super::withheld::{Emptied, EmptiedKind};
use crate::model::{BlockKind, Incident, Incidents, Report};

/// The figures of one report, counted over its full content.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Status rows per status for each section that has any, in document order.
    pub status: Vec<(String, StatusCounts)>,
    /// How many of those rows are confidential.
    pub confidential_rows: usize,
    incidents: Vec<(String, usize, IncidentFigures)>,
    /// What the public edition would leave empty.
    pub emptied: Vec<Emptied>,
}

/// The counts of one incident appendix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IncidentFigures {
    /// Every incident, confidential ones included.
    pub total: usize,
    /// How many of them are confidential.
    pub confidential: usize,
    /// How many concerned personal data.
    pub personal: usize,
    /// How many were reported to IMY.
    pub reported_to_imy: usize,
    /// The incidents that are not confidential, per category (every category in force).
    pub per_category: Vec<(String, usize)>,
    /// The incidents that are not confidential, per month (see
    /// [`stats::incidents_per_month`]).
    pub per_month: Vec<((i32, u32), usize)>,
}

impl Figures {
    /// Counts the figures of `report`, which must still hold its confidential items.
    pub fn of(report: &Report) -> Figures {
        let period = (report.year(), report.meta.date.value.0);
        let mut incidents = Vec::new();
        for placed in report.blocks() {
            if let BlockKind::Incidents(list) = &placed.block.kind {
                let confidential =
                    |r: &Incident| placed.place.confidentiality(r.intern, r.sekretess.as_deref()).0;
                incidents.push((
                    placed.section.name.clone(),
                    placed.block.line,
                    IncidentFigures::of(list, confidential, period),
                ));
            }
        }
        Figures {
            status: stats::status_per_section(report),
            confidential_rows: report.placed_rows().iter().filter(|r| r.internal).count(),
            incidents,
            emptied: super::withheld::emptied(report),
        }
    }

    /// The part headed `title` of section `section` that the public edition leaves empty.
    pub fn emptied_part(&self, section: &str, title: &str) -> Option<&Emptied> {
        self.emptied.iter().find(|e| {
            e.section == section
                && e.title == title
                && matches!(e.kind, EmptiedKind::Part | EmptiedKind::Section)
        })
    }

    /// What the public edition leaves empty at `line` of section `section`, of the kinds given.
    pub fn emptied_at(
        &self,
        section: &str,
        line: usize,
        kinds: &[EmptiedKind],
    ) -> Option<&Emptied> {
        self.emptied
            .iter()
            .find(|e| e.section == section && e.line == line && kinds.contains(&e.kind))
    }

    /// The figures of the incident appendix at `line` of section `section`.
    pub fn incidents(&self, section: &str, line: usize) -> Option<&IncidentFigures> {
        self.incidents.iter().find(|(s, l, _)| s == section && *l == line).map(|(_, _, f)| f)
    }
}

impl IncidentFigures {
    /// Counts `incidents`, of which those `confidential` says are counted but not shown per
    /// category or month; `period` is the report's year and date.
    pub fn of(
        incidents: &Incidents,
        confidential: impl Fn(&Incident) -> bool,
        period: (i32, NaiveDate),
    ) -> IncidentFigures {
        let records = &incidents.records;
        let mut shown = incidents.clone();
        shown.records.retain(|r| !confidential(r));
        IncidentFigures {
            total: records.len(),
            confidential: records.len() - shown.records.len(),
            personal: records.iter().filter(|r| r.personal_data).count(),
            reported_to_imy: records.iter().filter(|r| r.reported_to_imy).count(),
            per_category: stats::incidents_per_category(&shown),
            per_month: stats::incidents_per_month(&shown, period.0, period.1),
        }
    }
}
