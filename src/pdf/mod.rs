//! Compile stage: Typst source compiled in-process to PDF, against a sandboxed [`world::ReportWorld`]
//! with the embedded fonts only.

pub mod coverage;
mod fonts;
mod world;

use std::path::Path;

use anyhow::{Result, bail};
use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::diagnostics::{DiagnosticFormat, emit, termcolor::NoColor};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use world::ReportWorld;

use crate::markdown;

/// The PDF standards a build conforms to by default: archivable and accessible.
pub const DEFAULT_STANDARDS: &[PdfStandard] = &[PdfStandard::A_2a, PdfStandard::Ua_1];

/// What stays the same across compilations: the standard library and the fonts. Keeping one
/// `Compiler` alive lets Typst's caches make later compilations of similar sources cheap.
pub struct Compiler {
    library: LazyHash<Library>,
    fonts: fonts::Fonts,
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
    /// Loads the standard library and the embedded fonts.
    pub fn new() -> Self {
        Compiler { library: LazyHash::new(Library::default()), fonts: fonts::Fonts::embedded() }
    }

    /// Compiles Typst source to PDF bytes; an error carries Typst's diagnostics with their lines.
    pub fn pdf(&self, input: CompileInput<'_>) -> Result<Pdf> {
        let world = ReportWorld::new(&self.library, &self.fonts, &input);
        let warned = typst::compile::<PagedDocument>(&world);
        let document = match warned.output {
            Ok(document) => document,
            Err(errors) => bail!("{}", explain(&world, input.root, &errors)),
        };
        let standards = PdfStandards::new(input.standards)
            .map_err(|e| anyhow::anyhow!("invalid PDF standard selection: {}", e.message()))?;
        let options = PdfOptions {
            ident: Smart::Custom(input.ident.clone()),
            creator: Smart::Custom(Some("ledgen".into())),
            standards,
            ..PdfOptions::default()
        };
        let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| {
            anyhow::anyhow!(
                "{}\nnote: the PDF standards {} could not be met",
                explain(&world, input.root, &errors),
                standards_list(input.standards)
            )
        })?;
        Ok(Pdf { bytes, pages: document.pages().len() })
    }
}

/// A readable list of PDF standards, e.g. "PDF/A-2a and PDF/UA-1".
pub fn standards_list(standards: &[PdfStandard]) -> String {
    standards.iter().map(|s| standard_name(*s)).collect::<Vec<_>>().join(" and ")
}

/// The conventional name of a PDF standard.
pub fn standard_name(standard: PdfStandard) -> &'static str {
    match standard {
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
        _ => "another PDF standard",
    }
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
    format!(
        "{}\nnote: in the text written there; in the generated Typst source:\n{rendered}",
        places.join("\n")
    )
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
    let open = text.get(..range.start)?.rfind(markdown::MARK_START)? + markdown::MARK_START.len();
    let key_end = open + text[open..].find("*/")?;
    let close = key_end + text[key_end..].find(markdown::MARK_END)?;
    // The nearest field opened before the place must still be open there.
    if close < range.start {
        return None;
    }
    let key = &text[open..key_end];
    crate::model::find_text(root, &|t| markdown::source_key(t) == key)
}

/// Typst's diagnostics as text, with file names, lines and source excerpts.
fn render_diagnostics(world: &ReportWorld<'_>, diagnostics: &[SourceDiagnostic]) -> String {
    let mut buffer = NoColor::new(Vec::new());
    if emit(&mut buffer, world, diagnostics, DiagnosticFormat::Human).is_err() {
        return diagnostics.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("\n");
    }
    String::from_utf8_lossy(&buffer.into_inner()).trim_end().to_string()
}
