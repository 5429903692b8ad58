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

/// Runs `ledgen build --all`.
pub fn run(args: &BuildArgs) -> Result<()> {
    let start = Instant::now();
    let config = batch_config(args)?;
    let plan = batch::plan(&config)?;
    let edition = if config.public { "public" } else { "internal" };
    eprintln!(
        "Building the {edition} edition of {} reports from {} content folder(s) on {} threads",
        plan.reports(),
        plan.organisations(),
        plan.threads(&config)
    );
    let progress = Progress::new(plan.reports());
    let done = batch::build(&config, &plan, &|name, brand| progress.done(name, brand))?;
    progress.finish();
    say_removed(&config, &done.removed);
    let skipped = match plan.drafts {
        0 => String::new(),
        1 => "; left out 1 draft (build it with --drafts)".to_string(),
        n => format!("; left out {n} drafts (build them with --drafts)"),
    };
    eprintln!(
        "Built {} of {} reports in {:.2} s{skipped}; index: {}",
        plan.reports() - done.failed.len(),
        plan.reports(),
        start.elapsed().as_secs_f64(),
        done.index.display()
    );
    if !done.failed.is_empty() {
        for (name, error) in &done.failed {
            eprintln!("\nerror: {name} failed:\n{error}");
        }
        bail!("{} of {} reports failed", done.failed.len(), plan.reports());
    }
    Ok(())
}

/// Lists the files of the other edition the batch removed from the output folder.
fn say_removed(config: &BatchConfig, removed: &[std::path::PathBuf]) {
    if removed.is_empty() {
        return;
    }
    let (edition, other) =
        if config.public { ("public", "internal") } else { ("internal", "public") };
    eprintln!(
        "Removed {} file(s) of the {other} edition from `{}`, so that it holds only the {edition} \
         edition:",
        removed.len(),
        config.out.display()
    );
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
        let state = if brand.is_ok() { "built" } else { "FAILED" };
        let brand = match brand {
            Ok(Some(path)) => format!(" (brand: `{}`)", path.display()),
            Ok(None) => " (brand: none)".to_string(),
            Err(()) => String::new(),
        };
        match &self.bar {
            Some(bar) => {
                if state == "FAILED" {
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
