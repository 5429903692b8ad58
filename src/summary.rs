//! The figures of `build --all`'s overview and of `ledgen summary` — per organisation and year, the
//! status distribution, the change since the year before, open high-priority recommendations
//! and incidents, and the status rows that several organisations share — as JSON or CSV for
//! other tools. Both editions count over the full content, as the public reports do, and say
//! how many of the items counted are confidential; the public edition names no confidential
//! item; `docs/summary-json.md` documents the structure.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use crate::diff::{diff_reports, plain_text};
use crate::model::{BlockKind, Priority, Report, Status, content_years, is_draft, load_report};
use crate::view::stats;

/// The figures of several organisations' reviews.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// `public` or `internal`.
    pub edition: &'static str,
    /// One entry per content folder, in the order given.
    pub organisations: Vec<OrgSummary>,
    /// Status rows whose id two or more organisations share, with each one's newest status.
    pub shared_rows: Vec<SharedRow>,
}

/// One organisation (a content folder) and its years.
#[derive(Debug, Serialize)]
pub struct OrgSummary {
    /// The content folder.
    pub content: String,
    /// The organisation, from its newest report that loads.
    pub organisation: String,
    /// The administration or company.
    pub unit: Option<String>,
    /// Its years, oldest first.
    pub years: Vec<YearSummary>,
}

/// The figures of one report.
#[derive(Debug, Default, Serialize)]
pub struct YearSummary {
    /// The year.
    pub year: i32,
    /// Why the report could not be read; the figures are then zero.
    pub error: Option<String>,
    /// Status rows per status: grön, gul, röd, ej bedömd.
    pub statuses: StatusDistribution,
    /// Status rows in all.
    pub rows: usize,
    /// Rows whose status improved since the year before (none for the first year).
    pub improved: Option<usize>,
    /// Rows whose status got worse since the year before, a first assessment as gul or röd
    /// included (none for the first year).
    pub worsened: Option<usize>,
    /// Recommendations of the report.
    pub recommendations: usize,
    /// High-priority recommendations not yet followed up as done: the next year has no row
    /// following them up with status grön.
    pub open_high_priority: usize,
    /// Status rows (follow-ups) past their deadline without `grön`, by the report's date; none
    /// when no row of the report has a deadline.
    pub overdue: Option<usize>,
    /// Incidents recorded in the report.
    pub incidents: usize,
    /// How many of the rows, recommendations and incidents counted are confidential: every
    /// figure counts them, in both editions, and the public edition shows none of their text.
    pub confidential: ConfidentialCounts,
}

/// How many of the counted items are confidential.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct ConfidentialCounts {
    /// Status rows.
    pub rows: usize,
    /// Recommendations.
    pub recommendations: usize,
    /// Incidents.
    pub incidents: usize,
}

/// Status rows per status.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct StatusDistribution {
    /// Grön.
    pub green: usize,
    /// Gul.
    pub yellow: usize,
    /// Röd.
    pub red: usize,
    /// Ej bedömd.
    pub not_assessed: usize,
}

impl StatusDistribution {
    /// The counts in the order of [`Status::ALL`].
    pub fn counts(&self) -> [usize; 4] {
        [self.green, self.yellow, self.red, self.not_assessed]
    }
}

/// A status row that several organisations share (a city's common guidelines give every
/// administration the same rows).
#[derive(Debug, Serialize)]
pub struct SharedRow {
    /// The row id.
    pub id: String,
    /// The row's first cell, as plain text, from the first organisation that has it.
    pub text: String,
    /// One entry per organisation, in the order of `organisations`: its newest report's status
    /// of the row, or none.
    pub statuses: Vec<Option<SharedStatus>>,
}

/// One organisation's status of a shared row.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SharedStatus {
    /// The year of the report.
    pub year: i32,
    /// The status.
    pub status: Status,
}

/// A report in full, and its public copy when the public edition is summed up.
type Editions = (Report, Option<Report>);

/// Which reports a summary counts, and how.
#[derive(Clone, Copy, Debug)]
pub struct Counted {
    /// Count as the public reports do: every figure over the full reports, as the public
    /// reports state them (with how many items are confidential), while confidential rows are
    /// left out of the shared rows, which show text.
    pub public: bool,
    /// Count reports marked `draft: true` too (left out by default, as `build --all` leaves
    /// them out).
    pub drafts: bool,
}

/// Loads every year of every content folder (drafts only if asked for) and sums them up.
pub fn summarise(contents: &[PathBuf], counted: Counted) -> Result<Summary> {
    let public = counted.public;
    let found: Vec<(&PathBuf, Vec<i32>)> = contents
        .iter()
        .map(|c| {
            let mut years = content_years(c)?;
            if !counted.drafts {
                years.retain(|year| !is_draft(&c.join(year.to_string())));
            }
            Ok((c, years))
        })
        .collect::<Result<_>>()?;
    // The organisations are summed up side by side (on the caller's rayon pool, if any): each
    // reads and compares only its own reports.
    let summed: Vec<(OrgSummary, NewestRows)> =
        found.par_iter().map(|(content, years)| summarise_org(content, years, public)).collect();
    let (organisations, newest_rows): (Vec<OrgSummary>, Vec<NewestRows>) =
        summed.into_iter().unzip();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for rows in &newest_rows {
        for id in rows.keys() {
            *ids.entry(id).or_default() += 1;
        }
    }
    let shared_rows = ids
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(id, _)| SharedRow {
            id: id.to_string(),
            text: newest_rows
                .iter()
                .find_map(|rows| rows.get(id).map(|(_, _, text)| text.clone()))
                .unwrap_or_default(),
            statuses: newest_rows
                .iter()
                .map(|rows| {
                    rows.get(id)
                        .map(|(year, status, _)| SharedStatus { year: *year, status: *status })
                })
                .collect(),
        })
        .collect();
    Ok(Summary { edition: if public { "public" } else { "internal" }, organisations, shared_rows })
}

/// An organisation's newest loadable report's rows: id → (year, status, text).
type NewestRows = BTreeMap<String, (i32, Status, String)>;

/// One organisation's years, summed up, and its newest report's rows.
fn summarise_org(content: &Path, years: &[i32], public: bool) -> (OrgSummary, NewestRows) {
    let reports: Vec<(i32, Result<Editions, String>)> = years
        .iter()
        .map(|&year| {
            let dir = content.join(year.to_string());
            let report = load_report(&dir)
                .map(|l| l.report)
                .map_err(|e| format!("{} error(s) in the content", e.diagnostics.len()))
                .map(|full| {
                    // The public edition's shared rows come from a copy with the confidential
                    // items removed, exactly as `build --public` shows them.
                    let shown = public.then(|| {
                        let mut copy = full.clone();
                        copy.remove_internal();
                        crate::view::mask_phrases(&mut copy);
                        copy
                    });
                    (full, shown)
                });
            (year, report)
        })
        .collect();
    let mut org = OrgSummary {
        content: content.display().to_string(),
        organisation: dir_name(content),
        unit: None,
        years: Vec::new(),
    };
    let mut rows = BTreeMap::new();
    for (k, (year, report)) in reports.iter().enumerate() {
        let (report, shown) = match report {
            Ok((full, shown)) => (full, shown.as_ref().unwrap_or(full)),
            Err(error) => {
                org.years.push(YearSummary {
                    year: *year,
                    error: Some(error.clone()),
                    ..YearSummary::default()
                });
                continue;
            }
        };
        org.organisation = report.meta.organisation.clone();
        org.unit = report.meta.unit.clone();
        let previous = k.checked_sub(1).and_then(|p| reports[p].1.as_ref().ok()).map(|r| &r.0);
        let next = reports.get(k + 1).and_then(|(_, r)| r.as_ref().ok()).map(|r| &r.0);
        org.years.push(year_summary(report, previous, next));
        rows = shared_candidates(shown);
    }
    (org, rows)
}

/// The figures of one report, counted over its full content as both editions state them, with
/// how many of the items counted are confidential.
fn year_summary(report: &Report, previous: Option<&Report>, next: Option<&Report>) -> YearSummary {
    let mut summary = YearSummary { year: report.year(), ..YearSummary::default() };
    for (_, counts) in stats::status_per_section(report) {
        summary.statuses.green += counts[0];
        summary.statuses.yellow += counts[1];
        summary.statuses.red += counts[2];
        summary.statuses.not_assessed += counts[3];
    }
    summary.rows = summary.statuses.counts().iter().sum();
    if let Some(previous) = previous {
        // Counted over the full reports: the public report states the same numbers.
        let diff = diff_reports(previous, report);
        summary.improved = Some(diff.summary.improved);
        summary.worsened = Some(diff.summary.regressed);
    }
    // Rows of the next year following a recommendation up as done.
    let mut done: Vec<&str> = Vec::new();
    if let Some(next) = next {
        for (_, row) in next.status_rows() {
            if let Some(follows) = &row.follows
                && row.status.value == Status::Green
            {
                done.push(&follows.value);
            }
        }
    }
    summary.confidential.rows = report.placed_rows().iter().filter(|r| r.internal).count();
    for placed in report.placed_recommendations() {
        summary.recommendations += 1;
        summary.confidential.recommendations += usize::from(placed.internal);
        let rec = placed.recommendation;
        let high = rec.priority.as_ref().is_some_and(|p| p.value == Priority::High);
        if high && !done.contains(&rec.id.value.as_str()) {
            summary.open_high_priority += 1;
        }
    }
    // Past their deadline by the report's own date, so that the figure does not change with
    // the day it is computed; none when no row has a deadline to be past.
    let date = report.meta.date.value.0;
    let rows = report.status_rows();
    if rows.iter().any(|(_, row)| row.due.is_some()) {
        summary.overdue = Some(rows.iter().filter(|(_, row)| row.is_overdue(date)).count());
    }
    for placed in report.blocks() {
        if let BlockKind::Incidents(incidents) = &placed.block.kind {
            summary.incidents += incidents.records.len();
            summary.confidential.incidents += incidents
                .records
                .iter()
                .filter(|r| placed.place.confidentiality(r.intern, r.sekretess.as_deref()).0)
                .count();
        }
    }
    summary
}

/// The status rows of a report that can be shared (all but follow-ups of recommendations), by id, with their first cell as text.
fn shared_candidates(report: &Report) -> BTreeMap<String, (i32, Status, String)> {
    let mut rows = BTreeMap::new();
    // A row following up a recommendation belongs to its own organisation, whatever its id:
    // organisations number their recommendations alike.
    for (_, row) in report.status_rows().into_iter().filter(|(_, r)| r.follows.is_none()) {
        let text = row.cells.value.first().map(plain_text).unwrap_or_default();
        rows.insert(row.id.value.clone(), (report.year(), row.status.value, text));
    }
    rows
}

/// A folder's own name, for an organisation whose reports do not load.
fn dir_name(path: &Path) -> String {
    crate::paths::real(path)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .unwrap_or_else(|| path.display().to_string())
}

/// The summary as CSV (see [`crate::spreadsheet`]): one row per organisation and year.
pub fn csv(summary: &Summary) -> Result<Vec<u8>> {
    let mut file = crate::spreadsheet::CsvWriter::new([
        "organisation",
        "unit",
        "content",
        "year",
        "green",
        "yellow",
        "red",
        "not_assessed",
        "rows",
        "improved",
        "worsened",
        "recommendations",
        "open_high_priority",
        "overdue",
        "incidents",
        "confidential_rows",
        "confidential_recommendations",
        "confidential_incidents",
        "error",
    ])?;
    let opt = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
    for org in &summary.organisations {
        for y in &org.years {
            let s = y.statuses;
            file.row([
                org.organisation.clone(),
                org.unit.clone().unwrap_or_default(),
                org.content.clone(),
                y.year.to_string(),
                s.green.to_string(),
                s.yellow.to_string(),
                s.red.to_string(),
                s.not_assessed.to_string(),
                y.rows.to_string(),
                opt(y.improved),
                opt(y.worsened),
                y.recommendations.to_string(),
                y.open_high_priority.to_string(),
                opt(y.overdue),
                y.incidents.to_string(),
                y.confidential.rows.to_string(),
                y.confidential.recommendations.to_string(),
                y.confidential.incidents.to_string(),
                y.error.clone().unwrap_or_default(),
            ])?;
        }
    }
    file.finish()
}
