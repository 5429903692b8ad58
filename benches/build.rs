//! In-process benchmarks of the build pipeline (`cargo bench`, divan), on the 2023 report in
//! `content/2023`. Nothing is written under the repository: builds are made in memory with
//! [`make`], and the warm rebuild edits a temporary copy of the content.
//!
//! - `cold_pdf_html`: a new `Compiler` and `Templates` and empty Typst caches, then PDF and HTML
//!   (what `ledgen build` does after process start).
//! - `cold_html`: the same with `--format html`.
//! - `cold_slides`: the same with `--format slides`: the meeting's slide deck alone.
//! - `typst_only`: only Typst (compile and PDF export) of the report's generated source, with a new
//!   `Compiler` and empty caches: the in-process floor of `cold_pdf_html`.
//! - `warm_one_row`: the serve loop: one `Compiler` and one `Templates` kept across builds,
//!   each build after one row's text changed (alternating between two versions), with the
//!   cache trimming `ledgen serve` does after each build.
//! - `diff_two_years`: load 2022 and 2023, diff them, render the HTML diff page.
//! - `stages::*`: each stage alone (loading with history, the year-over-year diff, parsing the
//!   templates, `Compiler::new`, rendering HTML and Typst source), to see what bounds a build.
//!
//! The built-in templates are parsed once per process, when a page first needs them, so the
//! in-process cold builds after the first do not parse them again; a new process does
//! (`stages::parse_templates_html` and `parse_templates_typst` measure that part, and
//! `scripts/bench.sh` times whole processes).
//!
//! `scripts/bench.sh` times the whole commands (process start to files written) and peak memory.

use std::path::{Path, PathBuf};

use ledgen::config::BuildConfig;
use ledgen::pdf::{CompileInput, Compiler};
use ledgen::pipeline::Session;

fn main() {
    divan::main();
}

/// The repository's folder.
fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The configuration of `ledgen build 2023 --content CONTENT --format FORMATS` (output to a
/// folder that is never written).
fn config(content: &Path, formats: &[&str]) -> BuildConfig {
    BuildConfig::new(content.join("2023"), 2023, "/nonexistent/2023".into())
        .with_formats(formats)
        .expect("known formats")
}

fn content() -> PathBuf {
    repo().join("content")
}

/// Typst's memoisation cache is process-wide: empty it so that a build starts as cold as in a new
/// process (the fonts and the standard library are loaded again by `Compiler::new`).
fn cold() {
    comemo::evict(0);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn cold_pdf_html(bencher: divan::Bencher) {
    let config = config(&content(), &["pdf", "html"]);
    bencher.bench_local(|| {
        cold();
        Session::new().make(&config).expect("the 2023 report builds")
    });
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn cold_html(bencher: divan::Bencher) {
    let config = config(&content(), &["html"]);
    bencher.bench_local(|| {
        cold();
        Session::new().make(&config).expect("the 2023 report builds")
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn cold_slides(bencher: divan::Bencher) {
    let config = config(&content(), &["slides"]);
    bencher.bench_local(|| {
        cold();
        Session::new().make(&config).expect("the 2023 deck builds")
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn typst_only(bencher: divan::Bencher) {
    // The generated source, as `ledgen build --typst` writes it.
    let typst = config(&content(), &["typst"]);
    let mut made = Session::new().make(&typst).expect("the 2023 report builds");
    let source = made
        .take("typst")
        .map(|o| String::from_utf8(o.bytes).expect("UTF-8 Typst source"))
        .expect("the Typst source");
    let root = repo().join("content/2023");
    let today = chrono::NaiveDate::from_ymd_opt(2023, 9, 1).expect("a date");
    bencher.bench_local(|| {
        cold();
        let compiler = Compiler::new();
        compiler
            .pdf(CompileInput {
                source: source.clone(),
                root: &root,
                source_name: "ledningens-genomgang-2023.typ".into(),
                today,
                standards: ledgen::pdf::DEFAULT_STANDARDS,
                ident: "bench/ledningens-genomgang-2023".into(),
                assets: Default::default(),
            })
            .expect("the source compiles")
    });
}

/// A temporary copy of `content/` (2023 needs 2022 for its history) with a row whose text can be
/// switched between two versions.
struct EditableContent {
    dir: tempfile::TempDir,
    file: PathBuf,
    versions: [String; 2],
    next: usize,
}

/// The row edited: `org-processagare` in `follow-ups.yaml`.
const ROW_TEXT: &str = "status_text: \"Rollen utsedd och prövad i praktiken.\"";
const ROW_TEXT_EDITED: &str = "status_text: \"Rollen utsedd och prövad i praktiken under året.\"";

impl EditableContent {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_dir(&repo().join("content"), dir.path()).expect("a copy of the content");
        let file = dir.path().join("2023/follow-ups.yaml");
        let original = std::fs::read_to_string(&file).expect("follow-ups.yaml");
        assert!(
            original.contains(ROW_TEXT),
            "the benchmark's row text is no longer in content/2023/follow-ups.yaml"
        );
        let edited = original.replacen(ROW_TEXT, ROW_TEXT_EDITED, 1);
        EditableContent { dir, file, versions: [original, edited], next: 1 }
    }

    /// Writes the other version of the row.
    fn toggle(&mut self) {
        std::fs::write(&self.file, &self.versions[self.next]).expect("the edited file is written");
        self.next = 1 - self.next;
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// How many compilations' worth of unused cache entries `ledgen serve` keeps (its `CACHE_AGE`).
const SERVE_CACHE_AGE: usize = 10;

#[divan::bench(sample_count = 20, sample_size = 1)]
fn warm_one_row(bencher: divan::Bencher) {
    let mut content = EditableContent::new();
    let config = config(content.dir.path(), &["pdf", "html"]);
    let mut session = Session::new();
    cold();
    // The first build of `ledgen serve`, and one edit, before measuring.
    for _ in 0..2 {
        session.make(&config).expect("the 2023 report builds");
        comemo::evict(SERVE_CACHE_AGE);
        content.toggle();
    }
    bencher.bench_local(|| {
        content.toggle();
        let made = session.make(&config).expect("the 2023 report builds");
        comemo::evict(SERVE_CACHE_AGE);
        made
    });
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn diff_two_years() -> usize {
    let content = repo().join("content");
    let old = ledgen::model::load_report(&content.join("2022")).expect("2022 loads").report;
    let new = ledgen::model::load_report(&content.join("2023")).expect("2023 loads").report;
    let diff = ledgen::diff::diff_reports(&old, &new);
    let html = ledgen::formats::comparison_format("html").expect("the HTML comparison");
    html.render(diff, &new).expect("the diff page renders").len()
}

/// The stages of a build, each alone, on the 2023 report: what an HTML-only build is made of.
mod stages {
    use super::*;

    fn report_dir() -> PathBuf {
        repo().join("content/2023")
    }

    /// Loading and validating 2023 and, for the year-over-year markers, 2022.
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn load_with_history() -> ledgen::model::WithHistory {
        ledgen::model::load_with_history(&report_dir()).expect("2023 loads")
    }

    /// Comparing 2022 with 2023 (done by every build of 2023, for its change markers).
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn diff_reports(bencher: divan::Bencher) {
        let loaded = ledgen::model::load_with_history(&report_dir()).expect("2023 loads");
        let previous = loaded.previous.expect("2022 is there");
        bencher.bench_local(|| ledgen::diff::diff_reports(&previous, &loaded.loaded.report));
    }

    /// Parsing every template, HTML and Typst: what a report with template overrides pays on
    /// its first build (one override here), and what every build paid before the built-in
    /// templates were parsed page by page.
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn parse_templates(bencher: divan::Bencher) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let overrides = dir.path().join("templates");
        std::fs::create_dir(&overrides).expect("the templates folder");
        std::fs::copy(repo().join("templates/chart.typ.tera"), overrides.join("chart.typ.tera"))
            .expect("an override");
        bencher.bench_local(|| {
            ledgen::render::Renderer::new(Some(&overrides)).expect("the templates parse")
        });
    }

    /// Parsing the built-in templates of the HTML page (once per process, on its first build).
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn parse_templates_html() -> tera::Tera {
        ledgen::render::parse_builtin(ledgen::render::Page::ReportHtml).expect("they parse")
    }

    /// Parsing the built-in templates of the Typst source (once per process).
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn parse_templates_typst() -> tera::Tera {
        ledgen::render::parse_builtin(ledgen::render::Page::ReportTypst).expect("they parse")
    }

    /// Loading Typst's standard library and parsing the embedded fonts.
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn compiler_new() -> Compiler {
        Compiler::new()
    }

    /// Rendering the HTML page and the Typst source from the view.
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn render_html_and_typst(bencher: divan::Bencher) {
        let loaded = ledgen::model::load_with_history(&report_dir()).expect("2023 loads");
        let previous = loaded.previous.expect("2022 is there");
        let report = &loaded.loaded.report;
        let diff = ledgen::diff::diff_reports(&previous, report);
        let renderer = ledgen::render::Renderer::new(None).expect("the templates parse");
        bencher.bench_local(|| {
            let context = ledgen::view::ViewContext {
                previous: Some(&previous),
                diff: Some(&diff),
                public: None,
                figures: None,
                masked: &[],
            };
            let view = ledgen::view::report_view(report, context);
            (renderer.html(&view).expect("HTML"), renderer.typst(&view).expect("Typst"))
        });
    }
}
