//! Compile stage: Typst source compiled in-process to PDF, against a sandboxed [`world::ReportWorld`]
//! with the embedded fonts only.

mod world;

use std::any::Any;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, Smart};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::diagnostics::{DiagnosticFormat, emit, termcolor::NoColor};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use world::ReportWorld;

use crate::fonts;
use crate::markdown;
use crate::tr;

/// The PDF standards a build conforms to by default: archivable and accessible.
pub const DEFAULT_STANDARDS: &[PdfStandard] = &[PdfStandard::A_2a, PdfStandard::Ua_1];

/// The stack of a compile worker thread.
const STACK: usize = 32 * 1024 * 1024;

/// What stays the same across compilations: the standard library and the fonts. Keeping one
/// `Compiler` alive lets Typst's caches make later compilations of similar sources cheap. It is
/// cheap to clone: clones share the library and the fonts.
#[derive(Clone)]
pub struct Compiler {
    shared: Arc<Shared>,
}

/// The library and fonts, shared with compile workers that may outlive a build.
struct Shared {
    library: LazyHash<Library>,
    fonts: fonts::Fonts,
    layout: Layout,
    /// Workers stopped for taking too long that have not finished yet.
    stopped_running: AtomicUsize,
}

/// Where a compilation lays out its pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Typst spreads the layout of runs of pages over rayon's global pool, one thread a core:
    /// for one build at a time.
    Spread,
    /// All on the compile's own thread: for a batch that builds a report a core. Nothing goes
    /// to the global pool, so fewer threads allocate, and the C allocator keeps fewer arenas
    /// that fragment as the batch goes on (200 reports peaked at 160 MB against 180 MB spread,
    /// in the same time). Each thread that starts compilations keeps its compile thread for
    /// the next ones (`OWN_POOL`).
    OwnThread,
}

/// Why a compilation gave no PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// Typst reported errors; the text is its diagnostics, laid out, each traced back to the
    /// content file where it can be.
    Failed(String),
    /// Typst (or the PDF export) panicked; the text is the panic's message.
    Panicked(String),
    /// The compilation ran past the time limit and was abandoned; the number is how many
    /// stopped compilations (this one included) still run in the background.
    TimedOut(Duration, usize),
    /// No thread could be started for the compilation.
    NoThread(String),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Failed(diagnostics) => f.write_str(diagnostics),
            CompileError::Panicked(message) => {
                f.write_str(&tr!("pdf-compiler-panicked", message = message.as_str()))
            }
            CompileError::TimedOut(limit, _) => {
                f.write_str(&tr!("pdf-compile-timed-out", seconds = limit.as_secs()))
            }
            CompileError::NoThread(error) => {
                f.write_str(&tr!("pdf-no-thread", error = error.as_str()))
            }
        }
    }
}

impl std::error::Error for CompileError {}

/// The text of a panic's payload.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        tr!("pdf-panic-without-message")
    }
}

/// What the compiler needs to know about one document.
pub struct CompileInput<'a> {
    /// The generated Typst source.
    pub source: String,
    /// The folder files may be read from (the report's folder).
    pub root: &'a Path,
    /// The name diagnostics give the source, e.g. the path of the `.typ` written beside the PDF.
    pub source_name: String,
    /// The report date, used for `datetime.today()`.
    pub today: chrono::NaiveDate,
    /// PDF standards to enforce.
    pub standards: &'a [PdfStandard],
    /// A stable identifier of the document (not a path), hashed into the PDF's document id so
    /// that the same content gives the same bytes wherever it is built.
    pub ident: String,
    /// Files and fonts from outside the report folder that the document may use: the brand's
    /// logo and fonts.
    pub assets: Assets,
}

/// Files handed to the compiler beside the report folder: each served at its virtual path (e.g.
/// `/__brand/logo-large.svg`) ahead of the folder, and fonts added to the embedded ones.
#[derive(Clone, Default)]
pub struct Assets {
    /// Virtual absolute paths and their bytes.
    pub files: Vec<(String, Bytes)>,
    /// Font files.
    pub fonts: Vec<Bytes>,
}

impl Assets {
    /// The logo files and fonts of a brand.
    pub fn of_brand(brand: Option<&crate::model::Brand>) -> Self {
        let Some(brand) = brand else { return Assets::default() };
        let logos = [brand.logo.as_ref(), brand.header_logo.as_ref()];
        let mut files: Vec<(String, Bytes)> = Vec::new();
        for logo in logos.into_iter().flatten() {
            let path = format!("{}/{}", crate::view::BRAND_ASSETS, logo.name);
            if !files.iter().any(|(p, _)| *p == path) {
                files.push((path, Bytes::new(logo.bytes.clone())));
            }
        }
        let fonts = brand.fonts.iter().map(|f| Bytes::new(f.bytes.clone())).collect();
        Assets { files, fonts }
    }
}

/// Where a compile worker is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Worker {
    Running,
    Done,
    Abandoned,
}

/// A [`CompileInput`] that owns its data, to move into a worker thread.
struct OwnedInput {
    source: String,
    root: PathBuf,
    source_name: String,
    today: chrono::NaiveDate,
    standards: Vec<PdfStandard>,
    ident: String,
    assets: Assets,
}

/// A compiled PDF.
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
}

impl Default for Compiler {
    fn default() -> Self {
        Self::new()
    }
}

impl Compiler {
    /// Loads the standard library and the embedded fonts; compilations spread their layout over
    /// every core.
    pub fn new() -> Self {
        Self::with_layout(Layout::Spread)
    }

    /// Loads the standard library and the embedded fonts; compilations lay out as `layout` says.
    pub fn with_layout(layout: Layout) -> Self {
        let shared = Shared {
            library: LazyHash::new(Library::default()),
            fonts: fonts::Fonts::embedded(),
            layout,
            stopped_running: AtomicUsize::new(0),
        };
        Compiler { shared: Arc::new(shared) }
    }

    /// Compiles Typst source to PDF bytes; an error carries Typst's diagnostics with their lines.
    /// A panic inside Typst becomes a [`CompileError::Panicked`] error.
    pub fn pdf(&self, input: CompileInput<'_>) -> Result<Pdf, CompileError> {
        catch_unwind(AssertUnwindSafe(|| self.compile(&input)))
            .unwrap_or_else(|payload| Err(CompileError::Panicked(panic_message(&*payload))))
    }

    /// [`Compiler::pdf`] with a time limit: the compilation runs on a worker thread, and when
    /// it is not done in time the build gets a [`CompileError::TimedOut`] error at once.
    ///
    /// Typst has no way to interrupt a compilation, so the abandoned worker runs on until it
    /// finishes by itself (a template loop ends; Typst bounds recursion and `while` loops) and
    /// its result is dropped. It holds its own reference to the library and fonts, so this
    /// compiler stays usable meanwhile.
    pub fn pdf_with_timeout(
        &self,
        input: CompileInput<'_>,
        limit: Duration,
    ) -> Result<Pdf, CompileError> {
        self.start_pdf(input)?.finish(limit)
    }

    /// Starts [`Compiler::pdf_with_timeout`]'s compilation on its worker thread and returns at
    /// once, so that the caller can do other work (a build renders its HTML page) while the PDF
    /// is made; [`PendingPdf::finish`] waits for it, the time limit counting from here.
    pub fn start_pdf(&self, input: CompileInput<'_>) -> Result<PendingPdf, CompileError> {
        let owned = OwnedInput {
            source: input.source,
            root: input.root.to_path_buf(),
            source_name: input.source_name,
            today: input.today,
            standards: input.standards.to_vec(),
            ident: input.ident,
            assets: input.assets,
        };
        let compiler = self.clone();
        // Capacity 1: an abandoned worker's send never blocks.
        let (tx, rx) = sync_channel(1);
        // Whoever comes second, the worker finishing or the wait timing out, keeps the count
        // of stopped workers still running right.
        let state = Arc::new(Mutex::new(Worker::Running));
        let worker_state = Arc::clone(&state);
        // Typst recurses deeply on nested content; give the worker the main thread's stack
        // and more (reserved, not used, unless needed).
        let work = move || {
            let input = CompileInput {
                source: owned.source,
                root: &owned.root,
                source_name: owned.source_name,
                today: owned.today,
                standards: &owned.standards,
                ident: owned.ident,
                assets: owned.assets,
            };
            let _ = tx.send(compiler.pdf(input));
            let mut state = worker_state.lock().unwrap_or_else(|e| e.into_inner());
            if *state == Worker::Abandoned {
                compiler.shared.stopped_running.fetch_sub(1, Ordering::Relaxed);
            }
            *state = Worker::Done;
        };
        let started = Instant::now();
        let spawned = match self.shared.layout {
            Layout::Spread => std::thread::Builder::new()
                .name("typst-compile".into())
                .stack_size(STACK)
                .spawn(work)
                .map(|_| None),
            // A pool of one thread, which Typst's parallel layout then runs on. The calling
            // thread keeps it for its next compilation (see `OWN_POOL`).
            Layout::OwnThread => OWN_POOL
                .take()
                .map_or_else(
                    || {
                        rayon::ThreadPoolBuilder::new()
                            .num_threads(1)
                            .stack_size(STACK)
                            .thread_name(|_| "typst-compile".into())
                            .build()
                            .map(|pool| OwnPool { pool, compiles: 0 })
                    },
                    Ok,
                )
                .map(|own| {
                    own.pool.spawn(work);
                    Some(OwnPool { compiles: own.compiles + 1, ..own })
                })
                .map_err(std::io::Error::other),
        };
        let pool = match spawned {
            Ok(pool) => pool,
            Err(e) => return Err(CompileError::NoThread(e.to_string())),
        };
        Ok(PendingPdf { compiler: self.clone(), rx, state, started, pool })
    }

    /// How many compilations stopped by [`Compiler::pdf_with_timeout`] still run.
    pub fn stopped_running(&self) -> usize {
        self.shared.stopped_running.load(Ordering::Relaxed)
    }

    /// One compilation, on the calling thread.
    fn compile(&self, input: &CompileInput<'_>) -> Result<Pdf, CompileError> {
        // Brand fonts make a font book of this build's own; without them, the shared one serves.
        let own_fonts;
        let fonts = if input.assets.fonts.is_empty() {
            &self.shared.fonts
        } else {
            own_fonts = self.shared.fonts.with(&input.assets.fonts);
            &own_fonts
        };
        let world = ReportWorld::new(&self.shared.library, fonts, input);
        let warned = typst::compile::<PagedDocument>(&world);
        let document = match warned.output {
            Ok(document) => document,
            Err(errors) => return Err(CompileError::Failed(explain(&world, input.root, &errors))),
        };
        let standards = PdfStandards::new(input.standards).map_err(|e| {
            CompileError::Failed(tr!("pdf-invalid-standards", error = e.message().to_string()))
        })?;
        let options = PdfOptions {
            ident: Smart::Custom(input.ident.clone()),
            creator: Smart::Custom(Some("ledgen".into())),
            standards,
            ..PdfOptions::default()
        };
        let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| {
            CompileError::Failed(tr!(
                "pdf-standards-not-met",
                diagnostics = explain(&world, input.root, &errors),
                standards = standards_list(input.standards)
            ))
        })?;
        Ok(Pdf { bytes, pages: document.pages().len() })
    }
}

/// A compilation started by [`Compiler::start_pdf`].
pub struct PendingPdf {
    compiler: Compiler,
    rx: Receiver<Result<Pdf, CompileError>>,
    state: Arc<Mutex<Worker>>,
    started: Instant,
    /// Under [`Layout::OwnThread`], the pool the compilation runs in: given back to `OWN_POOL`
    /// once it is done, dropped (its thread ending with the compilation) if it is abandoned.
    pool: Option<OwnPool>,
}

/// A compile thread kept by the thread that starts compilations under [`Layout::OwnThread`].
struct OwnPool {
    pool: rayon::ThreadPool,
    /// The compilations it has run.
    compiles: usize,
}

/// How many compilations a kept compile thread runs before it ends. A thread that ends makes
/// jemalloc return every free page of the thread's arena to the system (about 170 calls to
/// `madvise` for a report), and the next thread fault them in again; while the other jobs of a
/// batch run on the other cores, each return interrupts them too (a TLB shootdown). A kept
/// thread's arena holds its freed pages for jemalloc's ten seconds instead: a batch peaks
/// 15–20 MB higher than with a thread a report, level from the 150th report to the 1,000th,
/// whether the thread is kept for ten reports or the whole batch. Ending it every ten reports
/// still gives the arena back in full now and then, at a tenth of the cost (1,537 `madvise`
/// calls for 50 reports, against 462 kept for the whole batch and 9,020 a thread a report).
const COMPILES_PER_THREAD: usize = 10;

thread_local! {
    /// The compile thread of this thread under [`Layout::OwnThread`], kept from one compilation
    /// to the next, up to [`COMPILES_PER_THREAD`].
    static OWN_POOL: std::cell::Cell<Option<OwnPool>> = const { std::cell::Cell::new(None) };
}

impl PendingPdf {
    /// Waits for the PDF, until `limit` after the compilation started.
    pub fn finish(self, limit: Duration) -> Result<Pdf, CompileError> {
        let PendingPdf { compiler, rx, state, started, pool } = self;
        let left = limit.saturating_sub(started.elapsed());
        match rx.recv_timeout(left) {
            Ok(result) => {
                if let Some(own) = pool.filter(|own| own.compiles < COMPILES_PER_THREAD) {
                    OWN_POOL.set(Some(own));
                }
                result
            }
            Err(RecvTimeoutError::Timeout) => {
                let mut state = state.lock().unwrap_or_else(|e| e.into_inner());
                if *state == Worker::Done {
                    // It finished just now.
                    drop(state);
                    return rx.try_recv().unwrap_or_else(|_| {
                        Err(CompileError::Panicked(tr!("pdf-worker-sent-no-result")))
                    });
                }
                *state = Worker::Abandoned;
                let running = compiler.shared.stopped_running.fetch_add(1, Ordering::Relaxed) + 1;
                Err(CompileError::TimedOut(limit, running))
            }
            // `pdf` catches panics, so the worker always sends; this is a panic in sending.
            Err(RecvTimeoutError::Disconnected) => {
                Err(CompileError::Panicked(tr!("pdf-worker-stopped")))
            }
        }
    }
}

/// A readable list of PDF standards, e.g. "PDF/A-2a and PDF/UA-1".
pub fn standards_list(standards: &[PdfStandard]) -> String {
    let and = format!(" {} ", tr!("pdf-and"));
    let names = standards.iter().map(|s| match standard_name(*s) {
        Some(name) => name.to_string(),
        None => tr!("pdf-another-standard"),
    });
    names.collect::<Vec<_>>().join(&and)
}

/// The conventional name of a PDF standard.
/// (`None` for one that Typst added after this list was written).
pub fn standard_name(standard: PdfStandard) -> Option<&'static str> {
    let name = match standard {
        PdfStandard::V_1_4 => "PDF 1.4",
        PdfStandard::V_1_5 => "PDF 1.5",
        PdfStandard::V_1_6 => "PDF 1.6",
        PdfStandard::V_1_7 => "PDF 1.7",
        PdfStandard::V_2_0 => "PDF 2.0",
        PdfStandard::A_1b => "PDF/A-1b",
        PdfStandard::A_1a => "PDF/A-1a",
        PdfStandard::A_2b => "PDF/A-2b",
        PdfStandard::A_2u => "PDF/A-2u",
        PdfStandard::A_2a => "PDF/A-2a",
        PdfStandard::A_3b => "PDF/A-3b",
        PdfStandard::A_3u => "PDF/A-3u",
        PdfStandard::A_3a => "PDF/A-3a",
        PdfStandard::A_4 => "PDF/A-4",
        PdfStandard::A_4f => "PDF/A-4f",
        PdfStandard::A_4e => "PDF/A-4e",
        PdfStandard::Ua_1 => "PDF/UA-1",
        _ => return None,
    };
    Some(name)
}

/// Typst's diagnostics as text. Each one caused by a Markdown field comes first as the content
/// file, line and column the field was written at (a field's Typst markup lies between comments
/// that name it, see [`markdown::to_typst_with`]); the diagnostics in the generated source follow
/// as detail.
fn explain(world: &ReportWorld<'_>, root: &Path, diagnostics: &[SourceDiagnostic]) -> String {
    let rendered = render_diagnostics(world, diagnostics);
    let places: Vec<String> = diagnostics
        .iter()
        .filter_map(|diagnostic| {
            let (path, line, column) = content_place(world, root, diagnostic)?;
            Some(format!("{}:{line}:{column}: {}", path.display(), diagnostic.message))
        })
        .collect();
    if places.is_empty() {
        return rendered;
    }
    tr!("pdf-in-the-text-written-there", places = places.join("\n"), rendered = rendered)
}

/// The content file, line and column of the Markdown field whose markup holds the place a
/// diagnostic points at, if it points into one.
fn content_place(
    world: &ReportWorld<'_>,
    root: &Path,
    diagnostic: &SourceDiagnostic,
) -> Option<(std::path::PathBuf, usize, usize)> {
    if diagnostic.span.id()? != world.main() {
        return None;
    }
    let range = world.range(diagnostic.span)?;
    let source = world.source(world.main()).ok()?;
    let text = source.text();
    let key = markdown::field_key_at(text, range.start)?;
    crate::model::find_text(root, &|t| markdown::source_key(t) == key)
}

/// Typst's diagnostics as text, with file names, lines and source excerpts. Hints about the
/// Typst program's own command line (`--root`, `--input`) are left out: ledgen has no such
/// options, and its own message already says where files may be.
fn render_diagnostics(world: &ReportWorld<'_>, diagnostics: &[SourceDiagnostic]) -> String {
    let diagnostics: Vec<SourceDiagnostic> = diagnostics
        .iter()
        .cloned()
        .map(|mut diagnostic| {
            diagnostic.hints.retain(|hint| !is_typst_cli_hint(&hint.v));
            diagnostic
        })
        .collect();
    let diagnostics = diagnostics.as_slice();
    let mut buffer = NoColor::new(Vec::new());
    if emit(&mut buffer, world, diagnostics, DiagnosticFormat::Human).is_err() {
        return diagnostics.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("\n");
    }
    String::from_utf8_lossy(&buffer.into_inner()).trim_end().to_string()
}

/// Whether a hint of Typst's speaks of the `typst` program's options, which ledgen does not have.
fn is_typst_cli_hint(hint: &str) -> bool {
    ["`--root`", "`--input`", "`--font-path`", "`--package-path`"]
        .iter()
        .any(|option| hint.contains(option))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_compilation_is_told_in_both_languages() {
        use crate::locale::{UiLanguage, in_language};
        let error = CompileError::TimedOut(Duration::from_secs(30), 1);
        let en = in_language(UiLanguage::En, || error.to_string());
        assert_eq!(en, "the compilation took longer than 30 s and was stopped");
        let sv = in_language(UiLanguage::Sv, || error.to_string());
        assert_eq!(sv, "kompileringen tog längre tid än 30 s och avbröts");
        let both = [PdfStandard::A_2a, PdfStandard::Ua_1];
        assert_eq!(in_language(UiLanguage::En, || standards_list(&both)), "PDF/A-2a and PDF/UA-1");
        assert_eq!(in_language(UiLanguage::Sv, || standards_list(&both)), "PDF/A-2a och PDF/UA-1");
    }

    fn input<'a>(source: &str, root: &'a Path) -> CompileInput<'a> {
        CompileInput {
            source: source.into(),
            root,
            source_name: "test.typ".into(),
            today: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            standards: &[],
            ident: "test".into(),
            assets: Assets::default(),
        }
    }

    // A template may show images the Markdown does not: what it reads counts toward the
    // report's pixels too, each file once.
    #[test]
    fn images_a_template_reads_count_toward_the_report_pixel_budget() {
        let root = tempfile::tempdir().unwrap();
        for name in ["a", "b", "c"] {
            let png = crate::model::stated_png(8_000, 5_000);
            std::fs::write(root.path().join(format!("{name}.png")), png).unwrap();
        }
        let read = |names: &[&str]| {
            let source: String = names
                .iter()
                .map(|n| format!("#let _ = read(\"{n}.png\", encoding: none)\n"))
                .collect();
            Compiler::new().pdf(input(&source, root.path()))
        };
        assert!(read(&["a", "b", "a", "b"]).is_ok());
        let Err(CompileError::Failed(message)) = read(&["a", "b", "c"]) else {
            panic!("three images of 40 megapixels were read");
        };
        assert!(
            message.contains("`/c.png` is 40 megapixels, which takes the report's images past"),
            "{message}"
        );
    }

    #[test]
    fn a_compile_past_the_limit_is_stopped_and_counted_until_it_ends() {
        // Each layout its own loop: Typst would remember the first one's result.
        for (layout, n) in [(Layout::Spread, 3_000_000), (Layout::OwnThread, 3_000_001)] {
            stopped_and_counted(&Compiler::with_layout(layout), n);
        }
    }

    #[test]
    fn a_batch_thread_keeps_its_compile_thread_until_a_compile_is_abandoned() {
        let root = std::env::temp_dir();
        let limit = Duration::from_secs(60);
        let compile_thread = || {
            let own = OWN_POOL.take().expect("the compile thread is kept");
            let id = own.pool.install(|| std::thread::current().id());
            OWN_POOL.set(Some(own));
            id
        };
        // One build at a time starts a thread a compilation, and keeps none.
        Compiler::new().pdf_with_timeout(input("a", &root), limit).unwrap();
        assert!(OWN_POOL.take().is_none());

        let compiler = Compiler::with_layout(Layout::OwnThread);
        compiler.pdf_with_timeout(input("b", &root), limit).unwrap();
        let first = compile_thread();
        assert_ne!(first, std::thread::current().id());
        compiler.pdf_with_timeout(input("c", &root), limit).unwrap();
        assert_eq!(compile_thread(), first);
        // Until it has run its share.
        for i in 2..COMPILES_PER_THREAD {
            compiler.pdf_with_timeout(input(&format!("c{i}"), &root), limit).unwrap();
        }
        assert!(OWN_POOL.take().is_none());
        compiler.pdf_with_timeout(input("c", &root), limit).unwrap();
        let first = compile_thread();

        // An abandoned compilation keeps its thread busy: the next one gets a new thread.
        let slow = "#for i in range(3000002) {}\nd";
        assert!(compiler.pdf_with_timeout(input(slow, &root), Duration::from_millis(50)).is_err());
        assert!(OWN_POOL.take().is_none());
        compiler.pdf_with_timeout(input("e", &root), limit).unwrap();
        assert_ne!(compile_thread(), first);
    }

    fn stopped_and_counted(compiler: &Compiler, n: u32) {
        let root = std::env::temp_dir();
        let slow = format!("#for i in range({n}) {{}}\nx");
        // Stopped, not waited for: a compilation that ran to its end would have given a PDF.
        let error = compiler.pdf_with_timeout(input(&slow, &root), Duration::from_millis(50));
        assert!(matches!(error, Err(CompileError::TimedOut(_, 1))), "{:?}", error.err());
        assert_eq!(compiler.stopped_running(), 1);
        // The compiler works meanwhile, and the count falls when the stopped one ends.
        let pdf = compiler.pdf_with_timeout(input("y", &root), Duration::from_secs(60)).unwrap();
        assert_eq!(pdf.pages, 1);
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while compiler.stopped_running() > 0 {
            assert!(std::time::Instant::now() < deadline, "the stopped compile never ended");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
