//! The index page of `build --all`: a link to every report and diff, and the overview of every
//! organisation's figures (the same as `ledgen summary`'s) with the rows they share.

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use super::{BatchConfig, OrgPages, Plan};
use crate::i18n;
use crate::output::write_atomically;
use crate::render::Renderer;
use crate::view::chart::ChartView;

/// The index page's view.
#[derive(Serialize)]
struct IndexPage {
    lang: &'static str,
    labels: &'static i18n::Labels,
    title: &'static str,
    organisations: Vec<IndexOrg>,
    public: bool,
    /// The rows several organisations share.
    shared: Option<SharedView>,
    /// The statuses, for the overview's column headings.
    statuses: Vec<StatusCell>,
}

#[derive(Serialize)]
struct IndexOrg {
    name: String,
    unit: Option<String>,
    years: Vec<IndexYear>,
    /// The organisation's figures, from the overview.
    overview: Option<OverviewOrg>,
}

#[derive(Serialize)]
struct IndexYear {
    year: i32,
    pdf: Option<String>,
    html: Option<String>,
    slides: Option<String>,
    diff: Option<String>,
    failed: bool,
}

/// Writes the index page of the batch `plan` made: `results` per report (as `plan.jobs`),
/// `pages` per organisation, and the overview's figures. Returns its path.
pub(super) fn write(
    config: &BatchConfig,
    plan: &Plan,
    results: &[Result<(), String>],
    pages: Vec<OrgPages>,
    summary: &crate::summary::Summary,
) -> Result<PathBuf> {
    let mut organisations = Vec::new();
    for ((index, org), found) in plan.orgs.iter().enumerate().zip(pages) {
        let mut entries = Vec::new();
        for (&year, diff) in org.years.iter().zip(found.diffs) {
            let i = plan
                .jobs
                .iter()
                .position(|j| j.org == index && j.year == year)
                .expect("a job per year");
            let failed = results[i].is_err();
            let report =
                config.report(&org.content, year, PathBuf::from(&org.slug).join(year.to_string()));
            let link = |name: &str| {
                (!failed && report.wants_named(name))
                    .then(|| report.output_path_named(name).map(|p| url_path(&p)))
                    .flatten()
            };
            entries.push(IndexYear {
                year,
                pdf: link("pdf"),
                html: link("html"),
                slides: link("slides"),
                diff,
                failed,
            });
        }
        entries.reverse();
        let name = found.name.unwrap_or_else(|| org.slug.clone());
        organisations.push(IndexOrg { name, unit: found.unit, years: entries, overview: None });
    }
    let shared = add_overview(summary, &mut organisations);
    let page = IndexPage {
        lang: "sv",
        labels: i18n::labels(crate::model::Language::Sv),
        title: "Ledningens genomgång av informationssäkerhet",
        organisations,
        public: config.public,
        shared,
        statuses: status_heads(),
    };
    let index = config.out.join("index.html");
    write_atomically(&index, Renderer::new(None)?.index_html(&page)?.as_bytes())?;
    Ok(index)
}

/// One organisation's part of the overview: its status chart and its figures per year.
#[derive(Serialize)]
struct OverviewOrg {
    chart: ChartView,
    /// Newest first, like the index's links.
    years: Vec<OverviewYear>,
}

#[derive(Serialize)]
struct OverviewYear {
    year: i32,
    failed: bool,
    statuses: [usize; 4],
    improved: Option<usize>,
    worsened: Option<usize>,
    open_high_priority: usize,
    overdue: Option<usize>,
    incidents: usize,
}

/// The matrix of rows several organisations share: organisations across, rows down.
#[derive(Serialize)]
struct SharedView {
    organisations: Vec<String>,
    rows: Vec<SharedRowView>,
}

#[derive(Serialize)]
struct SharedRowView {
    id: String,
    text: String,
    cells: Vec<Option<StatusCell>>,
}

#[derive(Serialize)]
struct StatusCell {
    slug: &'static str,
    symbol: &'static str,
    word: &'static str,
    year: i32,
}

/// The four statuses as the overview's column headings show them.
fn status_heads() -> Vec<StatusCell> {
    let language = crate::model::Language::Sv;
    crate::model::Status::ALL
        .iter()
        .map(|&s| StatusCell {
            slug: s.slug(),
            symbol: i18n::status_symbol(s),
            word: i18n::status_word(language, s),
            year: 0,
        })
        .collect()
}

/// Adds the overview's figures (the same as `ledgen summary`'s) to the index's organisations,
/// and returns the matrix of shared rows, if any row is shared.
fn add_overview(
    summary: &crate::summary::Summary,
    organisations: &mut [IndexOrg],
) -> Option<SharedView> {
    let language = crate::model::Language::Sv;
    let labels = i18n::labels(language);
    for (n, (index, org)) in organisations.iter_mut().zip(&summary.organisations).enumerate() {
        let bars: Vec<(String, [usize; 4])> = org
            .years
            .iter()
            .filter(|y| y.error.is_none())
            .map(|y| (y.year.to_string(), y.statuses.counts()))
            .collect();
        let chart = crate::view::chart::status_chart(
            &format!("oversikt-{}", n + 1),
            labels.overview_status_caption,
            language,
            &bars,
        );
        let years = org
            .years
            .iter()
            .rev()
            .map(|y| OverviewYear {
                year: y.year,
                failed: y.error.is_some(),
                statuses: y.statuses.counts(),
                improved: y.improved,
                worsened: y.worsened,
                open_high_priority: y.open_high_priority,
                overdue: y.overdue,
                incidents: y.incidents,
            })
            .collect();
        index.overview = Some(OverviewOrg { chart, years });
    }
    if summary.shared_rows.is_empty() {
        return None;
    }
    let names = summary
        .organisations
        .iter()
        .map(|o| match &o.unit {
            Some(unit) => unit.clone(),
            None => o.organisation.clone(),
        })
        .collect();
    let rows = summary
        .shared_rows
        .iter()
        .map(|row| SharedRowView {
            id: row.id.clone(),
            text: crate::view::shortened(&row.text, 120)
                .chars()
                .filter(|c| !c.is_control())
                .collect(),
            cells: row
                .statuses
                .iter()
                .map(|s| {
                    s.map(|s| StatusCell {
                        slug: s.status.slug(),
                        symbol: i18n::status_symbol(s.status),
                        word: i18n::status_word(language, s.status),
                        year: s.year,
                    })
                })
                .collect(),
        })
        .collect();
    Some(SharedView { organisations: names, rows })
}

/// A relative path as a URL path: each segment percent-encoded, so that a folder named, say,
/// `javascript:alert(1)` stays a path and cannot become a scheme.
pub(super) fn url_path(path: &Path) -> String {
    let segments: Vec<String> =
        path.components().map(|c| percent_encode(&c.as_os_str().to_string_lossy())).collect();
    segments.join("/")
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn percent_encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // A content folder named like a scheme became a live `javascript:` link on the index page.
    #[test]
    fn index_links_are_percent_encoded_paths() {
        let path = Path::new("javascript:alert(1)").join("2024").join("a b.pdf");
        assert_eq!(url_path(&path), "javascript%3Aalert%281%29/2024/a%20b.pdf");
        assert_eq!(
            url_path(Path::new("exempelkommun/forandringar-2023-2024.html")),
            "exempelkommun/forandringar-2023-2024.html"
        );
        assert_eq!(percent_encode("Växjö"), "V%C3%A4xj%C3%B6");
    }
}
