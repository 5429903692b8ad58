//! `build --all`: every year of every content folder, built in parallel, with the diffs between
//! consecutive years and an index page that links them all ([`index`]). It makes what can be
//! published, the public edition, unless asked for the full one; every page says which edition
//! it is. The command plans the batch ([`plan`]), runs it ([`build`]) with a callback for its
//! progress, and reports.

mod index;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::config::BuildConfig;
use crate::diff::diff_reports;
use crate::formats::{ReportFormat, comparison_html};
use crate::model::{content_years, is_draft, load_report};
use crate::output::write_atomically;
use crate::pdf::{Compiler, Layout};
use crate::pipeline::Session;
use crate::summary::Counted;
use crate::tr;

/// A batch: the content folders, what to make of each report, and where.
#[derive(Debug)]
pub struct BatchConfig {
    /// The content folders, one per organisation.
    pub contents: Vec<PathBuf>,
    /// The output folder: each organisation's reports go to `<out>/<slug>/<year>/`.
    pub out: PathBuf,
    /// The formats of each report.
    pub formats: Vec<&'static dyn ReportFormat>,
    /// Build the public edition (the default) rather than the internal one.
    pub public: bool,
    /// Also build reports marked `draft: true`.
    pub drafts: bool,
    /// How many reports to build at once (default: one per core).
    pub jobs: Option<usize>,
    /// How long one report's compilation may run.
    pub timeout: Duration,
    /// The brand file every report applies, in place of the one each one's lookup finds.
    pub brand: Option<PathBuf>,
}

impl BatchConfig {
    /// The build of one year of one content folder, written to `out`.
    fn report(&self, content: &Path, year: i32, out: PathBuf) -> BuildConfig {
        let mut config = BuildConfig::new(content.join(year.to_string()), year, out);
        config.formats.clone_from(&self.formats);
        config.public = self.public;
        config.timeout = self.timeout;
        config.brand.clone_from(&self.brand);
        config
    }
}

/// One report to build.
#[derive(Debug)]
struct Job {
    org: usize,
    year: i32,
}

/// One content folder: an organisation's reports.
#[derive(Debug)]
struct Org {
    content: PathBuf,
    slug: String,
    years: Vec<i32>,
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

/// What a batch will build: each content folder's years, and how many drafts it leaves out.
#[derive(Debug)]
pub struct Plan {
    orgs: Vec<Org>,
    jobs: Vec<Job>,
    /// Drafts left out (without `drafts`).
    pub drafts: usize,
}

impl Plan {
    /// How many reports it builds.
    pub fn reports(&self) -> usize {
        self.jobs.len()
    }

    /// How many content folders it reads.
    pub fn organisations(&self) -> usize {
        self.orgs.len()
    }

    /// How many reports it builds at once, for `config`.
    pub fn threads(&self, config: &BatchConfig) -> usize {
        config
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .clamp(1, self.jobs.len().max(1))
    }
}

/// The reports of every content folder of `config`, without drafts unless asked for.
pub fn plan(config: &BatchConfig) -> Result<Plan> {
    let mut orgs = Vec::new();
    let mut drafts = 0;
    for content in &config.contents {
        let mut found = content_years(content)?;
        if !config.drafts {
            let before = found.len();
            found.retain(|year| !is_draft(&content.join(year.to_string())));
            drafts += before - found.len();
        }
        orgs.push(Org { content: content.clone(), slug: slug(content, &orgs), years: found });
    }
    let jobs = orgs
        .iter()
        .enumerate()
        .flat_map(|(org, o)| o.years.iter().map(move |&year| Job { org, year }))
        .collect();
    Ok(Plan { orgs, jobs, drafts })
}

/// What a batch did.
#[derive(Debug)]
pub struct Done {
    /// Files of the other edition found in the output folder and removed, so that a folder
    /// built for the web never holds the internal edition beside the public one.
    pub removed: Vec<PathBuf>,
    /// The reports that failed: each one's name (`slug year`) and error.
    pub failed: Vec<(String, String)>,
    /// The index page.
    pub index: PathBuf,
}

/// Told of each report as it is done: its name, and the brand file it applied (`Ok`) or that
/// it failed (`Err`).
pub type Progress<'a> = dyn Fn(&str, Result<Option<&Path>, ()>) + Sync + 'a;

/// Builds every report of `plan`, the diff pages and the index page. `progress` hears of each
/// report as it is done: its name (`slug year`) and whether it was built.
pub fn build(config: &BatchConfig, plan: &Plan, progress: &Progress<'_>) -> Result<Done> {
    let removed = remove_other_edition(config, plan)?;
    let outcomes = run_tasks(config, plan, progress)?;
    let mut results = Vec::with_capacity(plan.jobs.len());
    let mut pages = Vec::with_capacity(plan.orgs.len());
    let mut summary = None;
    for outcome in outcomes {
        match outcome {
            Outcome::Report(result) => results.push(result),
            Outcome::OrgPages(org) => pages.push(org),
            Outcome::Overview(result) => summary = Some(result),
        }
    }
    let summary = summary.expect("the overview is one of the tasks")?;
    let index = index::write(config, plan, &results, pages, &summary)?;
    let failed = plan
        .jobs
        .iter()
        .zip(results)
        .filter_map(|(job, r)| r.err().map(|e| (job.name(plan), e)))
        .collect();
    Ok(Done { removed, failed, index })
}

/// Removes the files of the edition not being built from each organisation's output folder: a
/// report's outputs in every format (`ledningens-genomgang-2024.pdf` beside
/// `ledningens-genomgang-2024-publik.pdf`) and the diff pages. Only files by ledgen's own names
/// go, in the year folders of the organisations being built.
fn remove_other_edition(config: &BatchConfig, plan: &Plan) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    let mut remove = |path: PathBuf| -> Result<()> {
        if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
            std::fs::remove_file(&path)
                .with_context(|| tr!("batch-remove-failed", path = path.display().to_string()))?;
            removed.push(path);
        }
        Ok(())
    };
    for org in &plan.orgs {
        let folder = config.out.join(&org.slug);
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let year = (name.len() == 4 && entry.path().is_dir()).then(|| name.parse().ok());
            if let Some(year) = year.flatten() {
                let mut other = config.report(&org.content, year, entry.path());
                other.public = !config.public;
                for format in crate::formats::REPORT_FORMATS {
                    remove(other.output_path(*format))?;
                }
            } else if is_diff_page(&name, !config.public) {
                remove(entry.path())?;
            }
        }
    }
    removed.sort();
    Ok(removed)
}

/// Whether `name` is the name of a diff page of the given edition
/// (`forandringar-2023-2024-publik.html`, or without `-publik` for the internal one).
fn is_diff_page(name: &str, public: bool) -> bool {
    let Some(rest) = name.strip_prefix("forandringar-") else { return false };
    let Some(years) = rest.strip_suffix(".html") else { return false };
    let (years, page_public) = match years.strip_suffix("-publik") {
        Some(years) => (years, true),
        None => (years, false),
    };
    let mut parts = years.split('-');
    let year = |part: Option<&str>| part.is_some_and(|p| p.len() == 4 && p.parse::<u16>().is_ok());
    page_public == public && year(parts.next()) && year(parts.next()) && parts.next().is_none()
}

impl Job {
    /// The report's name in messages: `slug year`.
    fn name(&self, plan: &Plan) -> String {
        format!("{} {}", plan.orgs[self.org].slug, self.year)
    }
}

/// Runs every task of the batch on a pool of its own.
fn run_tasks(config: &BatchConfig, plan: &Plan, progress: &Progress<'_>) -> Result<Vec<Outcome>> {
    // The overview first: it reads every report, one after another (about 5 ms a report), and
    // would stretch the end of the run if it started late. The diff pages last: they are small
    // and fill the gaps at the end.
    let tasks: Vec<Task> = [Task::Overview]
        .into_iter()
        .chain((0..plan.jobs.len()).map(Task::Report))
        .chain((0..plan.orgs.len()).map(Task::OrgPages))
        .collect();
    let threads = plan.threads(config);
    // With a report a core building at once, each compile lays out on its own thread; alone, a
    // compile spreads over every core.
    let layout = if threads > 1 { Layout::OwnThread } else { Layout::Spread };
    let compiler = Compiler::with_layout(layout);
    let max_age = cache_age(threads);
    // The batch runs on a pool of its own, not on rayon's global pool: Typst parallelises
    // within a compilation on the global pool, from the compile thread that
    // `Compiler::start_pdf` starts, while the batch's worker waits for that thread. Were
    // the workers in the global pool, a compilation could wait for pool threads that all wait
    // for compilations.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("build-all-{i}"))
        .build()
        .with_context(|| tr!("batch-no-threads"))?;
    let run = |task: &Task| match *task {
        Task::Report(i) => {
            let result = build_report(config, plan, i, &compiler);
            // Typst's cache would otherwise keep every report's layout.
            comemo::evict(max_age);
            match &result {
                Ok(brand) => progress(&plan.jobs[i].name(plan), Ok(brand.as_deref())),
                Err(_) => progress(&plan.jobs[i].name(plan), Err(())),
            }
            Outcome::Report(result.map(drop))
        }
        Task::OrgPages(org) => Outcome::OrgPages(org_pages(config, &plan.orgs[org])),
        Task::Overview => {
            let counted = Counted { public: config.public, drafts: config.drafts };
            Outcome::Overview(crate::summary::summarise(&config.contents, counted))
        }
    };
    // One task at a time per split, so that a free thread can always take the next.
    Ok(pool.install(|| tasks.par_iter().with_max_len(1).map(run).collect()))
}

/// Builds the report of `plan.jobs[i]`: the brand file it applied, or the error as the user
/// reads it.
fn build_report(
    config: &BatchConfig,
    plan: &Plan,
    i: usize,
    compiler: &Compiler,
) -> Result<Option<PathBuf>, String> {
    let job = &plan.jobs[i];
    let org = &plan.orgs[job.org];
    let out = config.out.join(&org.slug).join(job.year.to_string());
    let report = config.report(&org.content, job.year, out);
    // The built-in templates are parsed once per process and shared; a report's own overrides
    // serve no other report, so they are not kept.
    Session::with_compiler(compiler.clone())
        .build(&report)
        .map(|built| built.brand)
        .map_err(|e| format!("{:#}", anyhow::Error::from(e)))
}

/// Loads each of an organisation's years once, writes the diff of every two consecutive years,
/// and takes the name (and unit) the index shows from the newest year that loads. A year that
/// does not load has no diff with its neighbours; its report's build says why.
fn org_pages(config: &BatchConfig, org: &Org) -> OrgPages {
    let mut found = OrgPages { name: None, unit: None, diffs: Vec::new() };
    let mut previous: Option<(i32, crate::model::Report)> = None;
    for &year in &org.years {
        let loaded = load_report(&org.content.join(year.to_string())).ok().map(|l| l.report);
        let diff = match (&previous, &loaded) {
            (Some((old_year, old)), Some(new)) => {
                write_diff(config, org, (*old_year, old), (year, new))
                    .ok()
                    .map(|p| index::url_path(&p))
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

/// The HTML diff of two years, written beside the reports; returns its path relative to `--out`.
/// It compares the full content (so that its facts are the same in both editions) and, in the
/// public edition, withholds the confidential items.
fn write_diff(
    config: &BatchConfig,
    org: &Org,
    (old, old_report): (i32, &crate::model::Report),
    (new, new_report): (i32, &crate::model::Report),
) -> Result<PathBuf> {
    let diff = if config.public {
        // Compared with their masked phrases masked, so that no changed text holds one.
        let (mut old_report, mut new_report) = (old_report.clone(), new_report.clone());
        crate::view::mask_phrases(&mut old_report);
        crate::view::mask_phrases(&mut new_report);
        diff_reports(&old_report, &new_report).public_edition()
    } else {
        diff_reports(old_report, new_report)
    };
    let format = comparison_html();
    let html = format.render(diff, new_report)?;
    let edition = if config.public { "-publik" } else { "" };
    let name = format!("forandringar-{old}-{new}{edition}.{}", format.extension());
    let relative = PathBuf::from(&org.slug).join(name);
    write_atomically(&config.out.join(&relative), html.as_bytes())?;
    Ok(relative)
}

/// A folder name for an organisation's outputs, unique among those before it.
fn slug(content: &Path, before: &[Org]) -> String {
    let name = crate::paths::real(content)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_pages_are_known_by_their_edition() {
        assert!(is_diff_page("forandringar-2023-2024.html", false));
        assert!(is_diff_page("forandringar-2023-2024-publik.html", true));
        assert!(!is_diff_page("forandringar-2023-2024-publik.html", false));
        assert!(!is_diff_page("forandringar-2023-2024.html", true));
        for other in ["forandringar-23-2024.html", "forandringar-2023-2024-x.html", "index.html"] {
            assert!(!is_diff_page(other, false) && !is_diff_page(other, true), "{other}");
        }
    }
}
