//! `ledgen build --all`: plans the batch, builds it ([`ledgen::batch`]) with a progress bar on a
//! terminal, and says what was built and what failed.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use ledgen::batch::{self, BatchConfig};
use ledgen::formats::report_formats;

use crate::cli::BuildArgs;
use ledgen::tr;

/// Runs `ledgen build --all`.
pub fn run(args: &BuildArgs) -> Result<()> {
    let start = Instant::now();
    let config = batch_config(args)?;
    let plan = batch::plan(&config)?;
    let (reports, folders, threads) = (plan.reports(), plan.organisations(), plan.threads(&config));
    let building = if config.public {
        tr!("all-building-public", reports = reports, folders = folders, threads = threads)
    } else {
        tr!("all-building-internal", reports = reports, folders = folders, threads = threads)
    };
    eprintln!("{building}");
    let progress = Progress::new(plan.reports());
    let done = batch::build(&config, &plan, &|name, brand| progress.done(name, brand))?;
    progress.finish();
    say_removed(&config, &done.removed);
    let skipped = match plan.drafts {
        0 => String::new(),
        n => tr!("all-drafts-left-out", count = n),
    };
    eprintln!(
        "{}",
        tr!(
            "all-built",
            built = plan.reports() - done.failed.len(),
            total = plan.reports(),
            seconds = crate::locale::decimal(start.elapsed().as_secs_f64(), 2),
            skipped = skipped,
            index = done.index.display().to_string(),
        )
    );
    if !done.failed.is_empty() {
        for (name, error) in &done.failed {
            eprintln!(
                "\n{}: {}\n{error}",
                tr!("severity-error"),
                tr!("all-report-failed", name = name.as_str())
            );
        }
        bail!(tr!("all-failed", failed = done.failed.len(), total = plan.reports()));
    }
    Ok(())
}

/// Lists the files of the other edition the batch removed from the output folder.
fn say_removed(config: &BatchConfig, removed: &[std::path::PathBuf]) {
    if removed.is_empty() {
        return;
    }
    let (count, folder) = (removed.len(), config.out.display().to_string());
    let said = if config.public {
        tr!("all-removed-internal", count = count, folder = folder)
    } else {
        tr!("all-removed-public", count = count, folder = folder)
    };
    eprintln!("{said}");
    for path in removed {
        eprintln!("   {}", path.display());
    }
}

/// The batch `build --all`'s arguments ask for: the public edition unless `--internal`.
fn batch_config(args: &BuildArgs) -> Result<BatchConfig> {
    let mut formats = args.format.clone();
    if args.typst {
        formats.push("typst".into());
    }
    Ok(BatchConfig {
        contents: args.content.content.clone(),
        out: args.out.clone(),
        formats: report_formats(&formats).map_err(anyhow::Error::msg)?,
        public: !args.internal,
        drafts: args.drafts,
        jobs: args.jobs,
        timeout: Duration::from_secs(args.timeout),
        brand: args.brand.clone(),
    })
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

    /// One report is done: built with the brand file it names, or failed.
    fn done(&self, name: &str, brand: Result<Option<&Path>, ()>) {
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let failed = brand.is_err();
        let state = if failed { tr!("all-state-failed") } else { tr!("all-state-built") };
        let brand = match brand {
            Ok(Some(path)) => {
                format!(" {}", tr!("all-progress-brand", path = path.display().to_string()))
            }
            Ok(None) => format!(" {}", tr!("all-progress-brand-none")),
            Err(()) => String::new(),
        };
        match &self.bar {
            Some(bar) => {
                if failed {
                    bar.println(format!("{state} {name}"));
                }
                bar.set_message(format!("{state} {name}{brand}"));
                bar.inc(1);
            }
            None => eprintln!("[{n}/{}] {state} {name}{brand}", self.total),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
