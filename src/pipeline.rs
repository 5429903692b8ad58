//! The build pipeline as a library: one report's folder and a [`BuildConfig`] become its outputs,
//! through load → compare → view → render → compile. A [`Session`] keeps what one build can lend
//! the next (the Typst compiler with its fonts and caches, the parsed templates) and turns a
//! configuration into typed [`Outputs`] in memory ([`Session::make`]), or writes them atomically
//! ([`Session::build`]). Commands, `serve`, `build --all`, the benchmarks and the tests call it;
//! it prints nothing.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context, Result, anyhow};

use crate::config::BuildConfig;
use crate::diagnostics::Diagnostic;
use crate::diff::diff_reports;
use crate::model::{LeftOut, LeftOutKind, WithHistory, load_with_history};
use crate::output::{InFlight, write_all_atomically, write_atomically};
use crate::pdf::{CompileAbort, CompileInput, Compiler, panic_message};
use crate::render::{Page, Renderer};
use crate::view::{ViewContext, change_counts, report_view};

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
    pub fn make(&mut self, config: &BuildConfig) -> Result<Outputs> {
        make_outputs(config, &self.compiler, &mut self.templates)
    }

    /// Builds one report and writes its outputs; nothing is written unless every requested
    /// output could be made.
    pub fn build(&mut self, config: &BuildConfig) -> Result<Built> {
        self.make(config)?.write()
    }
}

/// One output file in memory.
#[derive(Debug)]
pub struct Output {
    /// Where it goes.
    pub path: PathBuf,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// The PDF of a build, in memory.
#[derive(Debug)]
pub struct PdfOutput {
    /// Where it goes.
    pub path: PathBuf,
    /// Its content.
    pub bytes: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
}

/// What a build made, in memory: each requested output, and what the content deserves to be
/// told about.
#[derive(Debug)]
pub struct Outputs {
    /// The HTML page, if asked for.
    pub html: Option<Output>,
    /// The PDF, if asked for.
    pub pdf: Option<PdfOutput>,
    /// The generated Typst source, if asked for.
    pub typst: Option<Output>,
    /// Warnings about the content.
    pub warnings: Vec<Diagnostic>,
    /// What the public edition left out (empty for the full edition).
    pub left_out: Vec<LeftOut>,
}

impl Outputs {
    /// Each output's path and bytes: the HTML page, the PDF, the Typst source, as made.
    pub fn files(&self) -> Vec<(&Path, &[u8])> {
        let html = self.html.iter().map(|o| (o.path.as_path(), o.bytes.as_slice()));
        let pdf = self.pdf.iter().map(|o| (o.path.as_path(), o.bytes.as_slice()));
        let typst = self.typst.iter().map(|o| (o.path.as_path(), o.bytes.as_slice()));
        html.chain(pdf).chain(typst).collect()
    }

    /// Writes every output; none is written unless all are.
    pub fn write(self) -> Result<Built> {
        let files = self.files();
        let written: Vec<(PathBuf, &[u8])> =
            files.iter().map(|&(p, b)| (p.to_path_buf(), b)).collect();
        write_all_atomically(&written)?;
        Ok(Built {
            files: files.iter().map(|&(p, b)| (p.to_path_buf(), b.len())).collect(),
            pages: self.pdf.as_ref().map(|p| p.pages),
            warnings: self.warnings,
            left_out: self.left_out,
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
    fn renderer(&mut self, report_dir: &Path) -> Result<&Renderer> {
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
        Ok(&self.renderers[report_dir].1)
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
    /// The files written, with their sizes in bytes.
    pub files: Vec<(PathBuf, usize)>,
    /// Number of PDF pages, if a PDF was written.
    pub pages: Option<usize>,
    /// Warnings about the content.
    pub warnings: Vec<Diagnostic>,
    /// What the public edition left out (empty for the full edition).
    pub left_out: Vec<LeftOut>,
}

/// Makes a report's outputs in memory, with a panic or a stopped compile turned into an error.
fn make_outputs(
    config: &BuildConfig,
    compiler: &Compiler,
    templates: &mut Templates,
) -> Result<Outputs> {
    let caught = catch_unwind(AssertUnwindSafe(|| make_inner(config, compiler, templates)));
    if caught.is_err() {
        // The parsed templates may be half updated; parse them again next time.
        *templates = Templates::new();
    }
    explained(&config.report_dir, caught)
}

/// The outcome of a build of `report_dir`, with a panic, or a compile stopped for panicking or
/// for taking too long, turned into an error that says what happened.
fn explained<T>(report_dir: &Path, caught: std::thread::Result<Result<T>>) -> Result<T> {
    let report = report_dir.display();
    match caught {
        Ok(Err(error)) => match error.downcast_ref::<CompileAbort>() {
            Some(CompileAbort::Panicked(message)) => Err(internal_error(&report, message)),
            Some(CompileAbort::TimedOut(limit, _)) => Err(anyhow!(
                "compiling `{report}` took longer than {} s and was stopped\n\
                 hint: a template override may loop forever; if the report is just large, \
                 allow more time with `--timeout SECONDS`",
                limit.as_secs()
            )),
            None => Err(error),
        },
        Ok(made) => made,
        Err(payload) => Err(internal_error(&report, &panic_message(&*payload))),
    }
}

/// The error for a bug in ledgen or Typst: the build cannot go on, and the user cannot fix it.
fn internal_error(report: &impl std::fmt::Display, message: &str) -> anyhow::Error {
    anyhow!("internal error while compiling `{report}`: {message}; please report it")
}

fn make_inner(
    config: &BuildConfig,
    compiler: &Compiler,
    templates: &mut Templates,
) -> Result<Outputs> {
    // The first build of a process parses the templates while the content loads. With a PDF,
    // only the Typst source's: the compilation waits for them, while the HTML page's are parsed
    // (and the page rendered) as the PDF compiles.
    let early = [
        (config.html && !config.pdf, Page::ReportHtml),
        (config.pdf || config.write_typst, Page::ReportTypst),
    ];
    crate::render::prepare_pages(
        &early.into_iter().filter_map(|(on, page)| on.then_some(page)).collect::<Vec<_>>(),
    );
    let WithHistory { mut loaded, previous } = load_with_history(&config.report_dir)?;
    // The comparison and its counts come from the full content of both years, so that the
    // public edition states the same facts; it only leaves out the confidential items' text.
    let diff = previous.as_ref().map(|p| diff_reports(p, &loaded.report));
    let counts = match (&previous, &diff) {
        (Some(p), Some(d)) if config.public => Some(change_counts(&loaded.report, p, d)),
        _ => None,
    };
    let left_out = if config.public { loaded.report.remove_internal() } else { Vec::new() };
    let context = ViewContext {
        previous: previous.as_ref(),
        diff: diff.as_ref(),
        public: config
            .public
            .then(|| left_out.iter().filter(|i| i.kind != LeftOutKind::EmptiedSection).count()),
        counts: counts.as_ref(),
    };
    let view = report_view(&loaded.report, context);
    let renderer = templates.renderer(&config.report_dir)?;

    let mut outputs =
        Outputs { html: None, pdf: None, typst: None, warnings: Vec::new(), left_out };
    let html = |outputs: &mut Outputs| -> Result<()> {
        if config.html {
            let bytes = renderer.html(&view)?.into_bytes();
            outputs.html = Some(Output { path: config.output_path("html"), bytes });
        }
        Ok(())
    };
    if !(config.pdf || config.write_typst) {
        html(&mut outputs)?;
    } else {
        let source = renderer.typst(&view)?;
        let typ_path = config.output_path("typ");
        // Diagnostics point into the generated source. It goes beside the outputs when asked
        // for; otherwise a failed build keeps it in a private temporary file (0600, a name of
        // its own), never in `--out`: it may hold confidential text, and builds run side by side.
        let debug_file =
            if config.write_typst || !config.pdf { None } else { Some(debug_source_file()?) };
        let debug_path = debug_file.as_ref().map_or(typ_path.clone(), |f| f.path().to_path_buf());
        let _tracked = debug_file.as_ref().map(|f| InFlight::track(f.path()));
        let pending = if config.pdf {
            let input = CompileInput {
                source: source.clone(),
                root: &config.report_dir,
                source_name: debug_path.display().to_string(),
                today: loaded.report.meta.date.value.0,
                standards: &config.standards,
                ident: format!("{}/{}", loaded.report.meta.organisation, config.file_stem()),
                assets: crate::pdf::Assets::of_brand(loaded.report.brand.as_ref()),
            };
            Some(compiler.start_pdf(input)?)
        } else {
            None
        };
        // The HTML page is made while the PDF compiles.
        html(&mut outputs)?;
        if let Some(pending) = pending {
            match pending.finish(config.timeout) {
                Ok(pdf) => {
                    let (bytes, pages) = (pdf.bytes, pdf.pages);
                    outputs.pdf = Some(PdfOutput { path: config.output_path("pdf"), bytes, pages });
                }
                Err(error) if error.is::<CompileAbort>() => return Err(error),
                Err(error) => {
                    // Keep the source the diagnostics point into, so its lines can be read.
                    match debug_file {
                        Some(file) => keep_debug_source(file, &source)?,
                        None => write_atomically(&debug_path, source.as_bytes())?,
                    }
                    return Err(error).with_context(|| {
                        format!(
                            "failed to compile the PDF (Typst source written to `{}`)",
                            debug_path.display()
                        )
                    });
                }
            }
        }
        if config.write_typst {
            outputs.typst = Some(Output { path: typ_path, bytes: source.into_bytes() });
        }
    }
    outputs.warnings = loaded.warnings;
    Ok(outputs)
}

/// A new private temporary file for the Typst source of a failed compile; dropped, it is gone.
fn debug_source_file() -> Result<tempfile::NamedTempFile> {
    // tempfile creates it with mode 0600 under a unique name.
    tempfile::Builder::new()
        .prefix("ledgen-")
        .suffix(".typ")
        .tempfile()
        .context("failed to create a temporary file for the Typst source")
}

/// Writes the Typst source into its temporary file and keeps the file.
fn keep_debug_source(mut file: tempfile::NamedTempFile, source: &str) -> Result<()> {
    use std::io::Write as _;
    let path = file.path().to_path_buf();
    file.write_all(source.as_bytes())
        .map_err(anyhow::Error::from)
        .and_then(|()| file.keep().map(drop).map_err(|e| e.error.into()))
        .with_context(|| format!("failed to write `{}`", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_list_their_files_in_one_order() {
        let file =
            |name: &str| Output { path: PathBuf::from(name), bytes: name.as_bytes().to_vec() };
        let outputs = Outputs {
            html: Some(file("r.html")),
            pdf: Some(PdfOutput { path: "r.pdf".into(), bytes: b"%PDF".to_vec(), pages: 3 }),
            typst: Some(file("r.typ")),
            warnings: Vec::new(),
            left_out: Vec::new(),
        };
        let names: Vec<&Path> = outputs.files().into_iter().map(|(p, _)| p).collect();
        assert_eq!(names, [Path::new("r.html"), Path::new("r.pdf"), Path::new("r.typ")]);
    }

    // Regression: a panic in the compile exited with 101, and `build --all` wrote no index.
    #[test]
    fn a_panic_becomes_an_internal_error() {
        let caught = catch_unwind(|| -> Result<()> { panic!("date out of range") });
        let error = explained(Path::new("content/2023"), caught).unwrap_err();
        assert_eq!(
            error.to_string(),
            "internal error while compiling `content/2023`: date out of range; please report it"
        );
    }

    #[test]
    fn a_stopped_compile_says_why() {
        let panicked: Result<()> =
            explained(Path::new("r"), Ok(Err(CompileAbort::Panicked("boom".into()).into())));
        assert!(
            panicked
                .unwrap_err()
                .to_string()
                .starts_with("internal error while compiling `r`: boom")
        );
        let timed_out: Result<()> = explained(
            Path::new("r"),
            Ok(Err(CompileAbort::TimedOut(std::time::Duration::from_secs(2), 1).into())),
        );
        let message = timed_out.unwrap_err().to_string();
        assert!(message.contains("took longer than 2 s") && message.contains("--timeout"));
    }
}
