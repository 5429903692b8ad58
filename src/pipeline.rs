//! The build pipeline as a library: one report's folder and a [`BuildConfig`] become its outputs,
//! through load → compare → view → render → compile. A [`Session`] keeps what one build can lend
//! the next (the Typst compiler with its fonts and caches, the parsed templates) and turns a
//! configuration into typed [`Outputs`] in memory ([`Session::make`]), or writes them atomically
//! ([`Session::build`]). Commands, `serve`, `build --all`, the benchmarks and the tests call it;
//! it prints nothing.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Result;

use crate::config::BuildConfig;
use crate::diagnostics::Diagnostic;
use crate::diff::diff_reports;
pub use crate::error::BuildError;
use crate::error::public_diagnostic;
use crate::formats::ReportJob;
use crate::model::{LeftOut, LeftOutKind, MaskedPhrase, WithHistory, load_with_history_and_brand};
use crate::output::write_all_atomically;
use crate::pdf::{Compiler, panic_message};
use crate::render::{Page, Renderer};
use crate::view::{Emptied, Figures, ViewContext, mask_phrases, report_view};

/// What builds share: the Typst compiler (its standard library, fonts and caches) and the parsed
/// templates of each report folder. One session serves any number of builds, one at a time;
/// threads that build side by side each take their own, over clones of one [`Compiler`].
#[derive(Default)]
pub struct Session {
    compiler: Compiler,
    templates: Templates,
}

impl Session {
    /// A session with a new compiler (the embedded fonts and Typst's standard library load here).
    pub fn new() -> Self {
        Session::default()
    }

    /// A session over an existing compiler, which it shares with its clones.
    pub fn with_compiler(compiler: Compiler) -> Self {
        Session { compiler, templates: Templates::new() }
    }

    /// The compiler builds go through.
    pub fn compiler(&self) -> &Compiler {
        &self.compiler
    }

    /// Makes a report's outputs in memory; nothing is written (but the Typst source of a failed
    /// compile, for its diagnostics). A panic anywhere in the build, and a PDF compilation that
    /// runs past `config.timeout`, become errors, so that `build --all` and `serve` go on.
    pub fn make(&mut self, config: &BuildConfig) -> Result<Outputs, BuildError> {
        make_outputs(config, &self.compiler, &mut self.templates)
    }

    /// Builds one report and writes its outputs; nothing is written unless every requested
    /// output could be made.
    pub fn build(&mut self, config: &BuildConfig) -> Result<Built, BuildError> {
        self.make(config)?.write()
    }
}

/// One output file in memory.
#[derive(Debug)]
pub struct Output {
    /// The format that made it (its name, as `--format` takes it).
    pub format: &'static str,
    /// Where it goes.
    pub path: PathBuf,
    /// Its content.
    pub bytes: Vec<u8>,
    /// Its number of pages, for a paged format (the PDF).
    pub pages: Option<usize>,
}

/// What a build made, in memory: each requested output, and what the content deserves to be
/// told about.
#[derive(Debug)]
pub struct Outputs {
    /// The outputs, in the order of [`crate::formats::REPORT_FORMATS`].
    pub files: Vec<Output>,
    /// Warnings about the content.
    pub warnings: Vec<Diagnostic>,
    /// What the public edition left out (empty for the full edition).
    pub left_out: Vec<LeftOut>,
    /// The tables, lists and parts the public edition shows as withheld, every item of them
    /// being confidential (empty for the full edition).
    pub emptied: Vec<Emptied>,
    /// Where the report masks a phrase (which the public edition replaces by its marker).
    pub masked: Vec<MaskedPhrase>,
    /// The brand file applied, as found from the report folder.
    pub brand: Option<PathBuf>,
}

impl Outputs {
    /// The output of the format called `name`, if it was asked for.
    pub fn get(&self, name: &str) -> Option<&Output> {
        self.files.iter().find(|o| o.format == name)
    }

    /// The output of the format called `name`, taken out.
    pub fn take(&mut self, name: &str) -> Option<Output> {
        let i = self.files.iter().position(|o| o.format == name)?;
        Some(self.files.remove(i))
    }

    /// Writes every output; none is written unless all are.
    pub fn write(self) -> Result<Built, BuildError> {
        let files: Vec<(PathBuf, &[u8])> =
            self.files.iter().map(|o| (o.path.clone(), o.bytes.as_slice())).collect();
        write_all_atomically(&files).map_err(|e| BuildError::io(&e))?;
        Ok(Built {
            files: self
                .files
                .iter()
                .map(|o| Written { path: o.path.clone(), size: o.bytes.len(), pages: o.pages })
                .collect(),
            warnings: self.warnings,
            left_out: self.left_out,
            emptied: self.emptied,
            masked: self.masked,
            brand: self.brand,
        })
    }
}

/// The parsed templates of each report folder, kept from one build to the next (with the
/// [`Compiler`], which keeps the standard library, the fonts and Typst's caches).
#[derive(Default)]
pub struct Templates {
    renderers: HashMap<PathBuf, (Signature, Renderer)>,
}

/// The template override files of a folder: path, modification time and size.
type Signature = Vec<(PathBuf, SystemTime, u64)>;

impl Templates {
    /// An empty cache.
    pub fn new() -> Self {
        Templates::default()
    }

    /// The renderer for a report folder, parsed again only when its template overrides change.
    fn renderer(&mut self, report_dir: &Path, time_limit: Duration) -> Result<&Renderer> {
        let overrides = report_dir.join("templates");
        let signature = template_signature(&overrides);
        let fresh = match self.renderers.get(report_dir) {
            Some((old, _)) => *old != signature,
            None => true,
        };
        if fresh {
            let renderer = Renderer::new(Some(&overrides))?;
            self.renderers.insert(report_dir.to_path_buf(), (signature, renderer));
        }
        let renderer = &mut self.renderers.get_mut(report_dir).expect("just made").1;
        renderer.set_time_limit(time_limit);
        Ok(renderer)
    }
}

/// The files of template overrides with their modification times and sizes.
fn template_signature(dir: &Path) -> Signature {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<_> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.path(), meta.modified().ok()?, meta.len()))
        })
        .collect();
    out.sort();
    out
}

/// What a build wrote.
#[derive(Debug)]
pub struct Built {
    /// The files written.
    pub files: Vec<Written>,
    /// Warnings about the content.
    pub warnings: Vec<Diagnostic>,
    /// What the public edition left out (empty for the full edition).
    pub left_out: Vec<LeftOut>,
    /// The tables, lists and parts the public edition shows as withheld, every item of them
    /// being confidential (empty for the full edition).
    pub emptied: Vec<Emptied>,
    /// Where the report masks a phrase (which the public edition replaces by its marker).
    pub masked: Vec<MaskedPhrase>,
    /// The brand file applied, as found from the report folder.
    pub brand: Option<PathBuf>,
}

/// One file a build wrote.
#[derive(Debug)]
pub struct Written {
    /// Where.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: usize,
    /// Its number of pages, for a paged format.
    pub pages: Option<usize>,
}

/// Makes a report's outputs in memory, with a panic turned into an error.
fn make_outputs(
    config: &BuildConfig,
    compiler: &Compiler,
    templates: &mut Templates,
) -> Result<Outputs, BuildError> {
    // A panic in one report becomes its error, so that `build --all` and `serve` go on. What
    // ends the process without unwinding cannot be caught here: a failed allocation (the
    // standard library's handler aborts), a stack overflow, an abort inside a dependency. So
    // every number in the content that sizes an allocation is bounded before it is decoded
    // (registers in `model::workbook`, images, template output), rather than left to this.
    let caught = catch_unwind(AssertUnwindSafe(|| make_inner(config, compiler, templates)));
    if caught.is_err() {
        // The parsed templates may be half updated; parse them again next time.
        *templates = Templates::new();
    }
    explained(&config.report_dir, caught).map_err(|e| edition_error(config, e))
}

/// The outcome of a build of `report_dir`, with a panic turned into an internal error.
fn explained<T>(
    report_dir: &Path,
    caught: std::thread::Result<Result<T, BuildError>>,
) -> Result<T, BuildError> {
    caught.unwrap_or_else(|payload| {
        Err(BuildError::Internal {
            report: report_dir.to_path_buf(),
            message: panic_message(&*payload),
        })
    })
}

fn make_inner(
    config: &BuildConfig,
    compiler: &Compiler,
    templates: &mut Templates,
) -> Result<Outputs, BuildError> {
    // The first build of a process parses the templates while the content loads: with a format
    // that compiles, only the templates that compilation waits for, the others' being parsed
    // (and rendered) as it compiles.
    let compiling = config.formats.iter().any(|f| f.compiles());
    let early: Vec<Page> = config
        .formats
        .iter()
        .filter(|f| f.compiles() || !compiling)
        .flat_map(|f| f.pages().iter().copied())
        .collect();
    crate::render::prepare_pages(&early);
    let WithHistory { mut loaded, mut previous } =
        load_with_history_and_brand(&config.report_dir, config.brand.as_deref())?;
    if config.public {
        loaded.warnings = loaded.warnings.iter().map(public_diagnostic).collect();
        // Masked phrases go first, from both years, so that no comparison of texts holds one.
        previous.iter_mut().for_each(|p| drop(mask_phrases(p)));
    }
    let masked = if config.public {
        mask_phrases(&mut loaded.report)
    } else {
        loaded.report.find_masked_phrases()
    };
    // The comparison and its counts come from the full content of both years, so that the
    // public edition states the same facts; it only leaves out the confidential items' text.
    let diff = previous.as_ref().map(|p| diff_reports(p, &loaded.report));
    let figures = config.public.then(|| Figures::of(&loaded.report));
    let left_out = if config.public { loaded.report.remove_internal() } else { Vec::new() };
    let context = ViewContext {
        previous: previous.as_ref(),
        diff: diff.as_ref(),
        public: config
            .public
            .then(|| left_out.iter().filter(|i| i.kind != LeftOutKind::EmptiedSection).count()),
        figures: figures.as_ref(),
        masked: &masked,
    };
    let view = report_view(&loaded.report, context);
    let renderer = templates
        .renderer(&config.report_dir, config.timeout)
        .map_err(|e| BuildError::template(&e))?;
    let job = ReportJob::new(config, &loaded.report, &view, renderer, compiler, diff.as_ref());
    let files = make_formats(&job)?;
    let emptied = figures.map(|f| f.emptied).unwrap_or_default();
    let brand = loaded.report.brand.as_ref().map(|b| b.path.clone());
    let warnings = std::mem::take(&mut loaded.warnings);
    Ok(Outputs { files, warnings, left_out, emptied, masked, brand })
}

/// `error` as the edition being built may show it (see [`BuildError::for_public`]).
fn edition_error(config: &BuildConfig, error: BuildError) -> BuildError {
    if config.public { error.for_public() } else { error }
}

/// Makes every format `job` asks for: the compiling ones are started first, so that the others
/// are made while they compile; the outputs come in registry order.
fn make_formats(job: &ReportJob<'_>) -> Result<Vec<Output>, BuildError> {
    let formats = &job.config.formats;
    let order =
        formats.iter().filter(|f| f.compiles()).chain(formats.iter().filter(|f| !f.compiles()));
    let mut started = Vec::with_capacity(formats.len());
    for format in order {
        started.push((*format, format.start(job)?));
    }
    let mut files = Vec::with_capacity(formats.len());
    for format in formats {
        let i = started.iter().position(|(f, _)| f.name() == format.name()).expect("started");
        let (format, finish) = started.swap_remove(i);
        let made = finish()?;
        files.push(Output {
            format: format.name(),
            path: job.config.output_path(format),
            bytes: made.bytes,
            pages: made.pages,
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Regression: a panic in the compile exited with 101, and `build --all` wrote no index.
    #[test]
    fn a_panic_becomes_an_internal_error() {
        let caught = catch_unwind(|| -> Result<(), BuildError> { panic!("date out of range") });
        let error = explained(Path::new("content/2023"), caught).unwrap_err();
        assert_eq!(
            error.to_string(),
            "internal error while compiling `content/2023`: date out of range; please report it"
        );
        assert_eq!(error.kind(), "internal");
    }
}
