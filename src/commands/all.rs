//! `ledgen build --all`: every year of every content folder, built in parallel, with the diffs
//! between consecutive years and an index page that links them all. It makes what can be
//! published, the public edition, unless `--internal` asks for the full one; every page says
//! which edition it is.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::Serialize;

use crate::cli::BuildArgs;
use crate::config::year_config;
use crate::diff::diff_reports;
use crate::i18n;
use crate::model::{content_years, is_draft, load_report};
use crate::output::write_atomically;
use crate::pdf::{Compiler, Layout};
use crate::pipeline::Session;
use crate::render::Renderer;
use crate::view::chart::ChartView;

/// One report to build.
struct Job {
    org: usize,
    year: i32,
}

/// One content folder: an organisation's reports.
struct Org {
    content: PathBuf,
    slug: String,
    years: Vec<i32>,
}

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
    diff: Option<String>,
    failed: bool,
}

/// Unused results kept in Typst's memoisation cache, counted in evictions (one after every
/// report, by the job that built it), for `jobs` jobs building at once. The cache is
/// process-wide: evicting everything after a report would also drop what the other jobs'
/// compilations are using between their layout passes, which they would then compute again
/// (with 2 jobs and 50 reports, 5 % more time for a peak of 100 MB). Keeping results through one
/// eviction per two jobs keeps what the compilations in flight use and what the next report can
/// share, and drops a finished report's layout at about the time the other jobs finish theirs,
/// so the cache is bounded by the number of jobs, not of reports. With 2 jobs (an age of one),
/// 50 reports peaked at 110–116 MB and 500 at 126–135 MB, against 139–143 MB and 157–159 MB at
/// an age of two, in the same time; with 4 jobs, an age of one took about 7 % more time than
/// two, and four held 45–60 MB more.
fn cache_age(jobs: usize) -> usize {
    jobs.div_ceil(2)
}

/// One piece of work of `build --all`: reports, and beside them the pages that only read the
/// content (the diffs and the overview), so that they run in parallel with the reports rather
/// than after them.
enum Task {
    /// Build the report of `jobs[i]`.
    Report(usize),
    /// Write an organisation's diff pages and find the name the index shows.
    OrgPages(usize),
    /// The overview's figures, for the index.
    Overview,
}

/// What a [`Task`] produced.
enum Outcome {
    Report(Result<(), String>),
    OrgPages(OrgPages),
    Overview(Result<crate::summary::Summary>),
}

/// An organisation's diff pages and the name the index shows.
struct OrgPages {
    name: Option<String>,
    unit: Option<String>,
    /// Per year (as in [`Org::years`]): the path of the diff with the year before, if written.
    diffs: Vec<Option<String>>,
}

/// Runs `ledgen build --all`.
pub fn run(args: &BuildArgs) -> Result<()> {
    let start = Instant::now();
    let edition = if args.internal { "internal" } else { "public" };
    let mut orgs = Vec::new();
    let mut drafts = 0;
    for content in &args.content.content {
        let mut found = content_years(content)?;
        if !args.drafts {
            let before = found.len();
            found.retain(|year| !is_draft(&content.join(year.to_string())));
            drafts += before - found.len();
        }
        orgs.push(Org { content: content.clone(), slug: slug(content, &orgs), years: found });
    }
    let jobs: Vec<Job> = orgs
        .iter()
        .enumerate()
        .flat_map(|(org, o)| o.years.iter().map(move |&year| Job { org, year }))
        .collect();
    let threads = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, jobs.len().max(1));
    eprintln!(
        "Building the {edition} edition of {} reports from {} content folder(s) on {threads} threads",
        jobs.len(),
        orgs.len()
    );

    // The overview first: it reads every report, one after another (about 5 ms a report), and
    // would stretch the end of the run if it started late. The diff pages last: they are small
    // and fill the gaps at the end.
    let tasks: Vec<Task> = [Task::Overview]
        .into_iter()
        .chain((0..jobs.len()).map(Task::Report))
        .chain((0..orgs.len()).map(Task::OrgPages))
        .collect();
    // With a report a core building at once, each compile lays out on its own thread; alone, a
    // compile spreads over every core.
    let layout = if threads > 1 { Layout::OwnThread } else { Layout::Spread };
    let compiler = Compiler::with_layout(layout);
    let progress = Progress::new(jobs.len());
    let max_age = cache_age(threads);
    // The batch runs on a pool of its own, not on rayon's global pool: Typst parallelises
    // within a compilation on the global pool, from the compile thread that
    // `Compiler::pdf_with_timeout` starts, while the batch's worker waits for that thread. Were
    // the workers in the global pool, a compilation could wait for pool threads that all wait
    // for compilations.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("build-all-{i}"))
        .build()
        .context("cannot start the threads for `build --all`")?;
    let outcomes: Vec<Outcome> = pool.install(|| {
        tasks
            .par_iter()
            // One task at a time per split, so that a free thread can always take the next.
            .with_max_len(1)
            .map(|task| match *task {
                Task::Report(i) => {
                    let job = &jobs[i];
                    let org = &orgs[job.org];
                    let config = year_config(
                        args,
                        &org.content,
                        job.year,
                        args.out.join(&org.slug).join(job.year.to_string()),
                    );
                    // The built-in templates are parsed once per process and shared; a
                    // report's own overrides serve no other report, so they are not kept.
                    let result = Session::with_compiler(compiler.clone())
                        .build(&config)
                        .map(drop)
                        .map_err(|e| format!("{e:#}"));
                    // Typst's cache would otherwise keep every report's layout.
                    comemo::evict(max_age);
                    progress.done(&format!("{} {}", org.slug, job.year), result.is_ok());
                    Outcome::Report(result)
                }
                Task::OrgPages(org) => Outcome::OrgPages(org_pages(args, &orgs[org])),
                Task::Overview => Outcome::Overview(crate::summary::summarise(
                    &args.content.content,
                    !args.internal,
                )),
            })
            .collect()
    });
    progress.finish();

    let mut results = Vec::with_capacity(jobs.len());
    let mut pages = Vec::with_capacity(orgs.len());
    let mut summary = None;
    for outcome in outcomes {
        match outcome {
            Outcome::Report(result) => results.push(result),
            Outcome::OrgPages(org) => pages.push(org),
            Outcome::Overview(result) => summary = Some(result),
        }
    }
    let summary = summary.expect("the overview is one of the tasks")?;

    // The index page.
    let mut organisations = Vec::new();
    for ((index, org), found) in orgs.iter().enumerate().zip(pages) {
        let mut entries = Vec::new();
        for (&year, diff) in org.years.iter().zip(found.diffs) {
            let i =
                jobs.iter().position(|j| j.org == index && j.year == year).expect("a job per year");
            let failed = results[i].is_err();
            let config = year_config(
                args,
                &org.content,
                year,
                PathBuf::from(&org.slug).join(year.to_string()),
            );
            let link =
                |ext: &str, on: bool| (on && !failed).then(|| url_path(&config.output_path(ext)));
            entries.push(IndexYear {
                year,
                pdf: link("pdf", config.pdf),
                html: link("html", config.html),
                diff,
                failed,
            });
        }
        entries.reverse();
        let name = found.name.unwrap_or_else(|| org.slug.clone());
        organisations.push(IndexOrg { name, unit: found.unit, years: entries, overview: None });
    }
    let shared = add_overview(&summary, &mut organisations);
    let page = IndexPage {
        lang: "sv",
        labels: i18n::labels(crate::model::Language::Sv),
        title: "Ledningens genomgång av informationssäkerhet",
        organisations,
        public: !args.internal,
        shared,
        statuses: status_heads(),
    };
    let index = args.out.join("index.html");
    write_atomically(&index, Renderer::new(None)?.index_html(&page)?.as_bytes())?;

    let failed: Vec<(String, &String)> = jobs
        .iter()
        .zip(&results)
        .filter_map(|(job, r)| {
            r.as_ref().err().map(|e| (format!("{} {}", orgs[job.org].slug, job.year), e))
        })
        .collect();
    let skipped = match drafts {
        0 => String::new(),
        1 => "; left out 1 draft (build it with --drafts)".to_string(),
        n => format!("; left out {n} drafts (build them with --drafts)"),
    };
    eprintln!(
        "Built {} of {} reports in {:.2} s{skipped}; index: {}",
        jobs.len() - failed.len(),
        jobs.len(),
        start.elapsed().as_secs_f64(),
        index.display()
    );
    if !failed.is_empty() {
        for (name, error) in &failed {
            eprintln!("\nerror: {name} failed:\n{error}");
        }
        bail!("{} of {} reports failed", failed.len(), jobs.len());
    }
    Ok(())
}

/// Loads each of an organisation's years once, writes the diff of every two consecutive years,
/// and takes the name (and unit) the index shows from the newest year that loads. A year that
/// does not load has no diff with its neighbours; its report's build says why.
fn org_pages(args: &BuildArgs, org: &Org) -> OrgPages {
    let mut found = OrgPages { name: None, unit: None, diffs: Vec::new() };
    let mut previous: Option<(i32, crate::model::Report)> = None;
    for &year in &org.years {
        let loaded = load_report(&org.content.join(year.to_string())).ok().map(|l| l.report);
        let diff = match (&previous, &loaded) {
            (Some((old_year, old)), Some(new)) => {
                write_diff(args, org, (*old_year, old), (year, new)).ok().map(|p| url_path(&p))
            }
            _ => None,
        };
        found.diffs.push(diff);
        if let Some(report) = &loaded {
            found.name = Some(report.meta.organisation.clone());
            found.unit.clone_from(&report.meta.unit);
        }
        previous = loaded.map(|report| (year, report));
    }
    found
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
            text: super::cut(&row.text, 120).chars().filter(|c| !c.is_control()).collect(),
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

/// The HTML diff of two years, written beside the reports; returns its path relative to `--out`.
/// It compares the full content (so that its facts are the same in both editions) and, in the
/// public edition, withholds the confidential items.
fn write_diff(
    args: &BuildArgs,
    org: &Org,
    (old, old_report): (i32, &crate::model::Report),
    (new, new_report): (i32, &crate::model::Report),
) -> Result<PathBuf> {
    let mut diff = diff_reports(old_report, new_report);
    let public = !args.internal;
    if public {
        diff = diff.public_edition();
    }
    let html = crate::render::comparison::html(&diff, new_report)?;
    let edition = if public { "-publik" } else { "" };
    let relative = PathBuf::from(&org.slug).join(format!("forandringar-{old}-{new}{edition}.html"));
    write_atomically(&args.out.join(&relative), html.as_bytes())?;
    Ok(relative)
}

/// A relative path as a URL path: each segment percent-encoded, so that a folder named, say,
/// `javascript:alert(1)` stays a path and cannot become a scheme.
fn url_path(path: &Path) -> String {
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

/// A folder name for an organisation's outputs, unique among those before it.
fn slug(content: &Path, before: &[Org]) -> String {
    let name = content
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .unwrap_or_else(|| "rapport".into());
    let mut slug = name.clone();
    let mut n = 2;
    while before.iter().any(|o| o.slug == slug) {
        slug = format!("{name}-{n}");
        n += 1;
    }
    slug
}

/// A progress bar on a terminal, plain lines otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    done: AtomicUsize,
}

impl Progress {
    fn new(total: usize) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} {msg}")
                    .expect("a valid progress template"),
            );
            bar
        });
        Progress { bar, total, done: AtomicUsize::new(0) }
    }

    fn done(&self, name: &str, ok: bool) {
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let state = if ok { "built" } else { "FAILED" };
        match &self.bar {
            Some(bar) => {
                if !ok {
                    bar.println(format!("{state} {name}"));
                }
                bar.set_message(format!("{state} {name}"));
                bar.inc(1);
            }
            None => eprintln!("[{n}/{}] {state} {name}", self.total),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
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
