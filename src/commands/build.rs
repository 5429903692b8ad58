//! `ledgen build`: load → view → render → compile → write.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::config::BuildConfig;
use crate::model::load_report;
use crate::output::{write_all_atomically, write_atomically};
use crate::pdf::{CompileInput, Compiler};
use crate::render::Renderer;
use crate::view::report_view;

/// What a build wrote.
#[derive(Debug)]
pub struct Built {
    /// The files written, with their sizes in bytes.
    pub files: Vec<(PathBuf, usize)>,
    /// Number of PDF pages, if a PDF was written.
    pub pages: Option<usize>,
}

/// Builds one report; nothing is written unless every requested output could be made.
pub fn build(config: &BuildConfig, compiler: &Compiler) -> Result<Built> {
    let loaded = load_report(&config.report_dir)?;
    for warning in &loaded.warnings {
        eprint!("{warning}");
    }
    let view = report_view(&loaded.report);
    let renderer = Renderer::new(Some(&config.report_dir.join("templates")))?;

    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut pages = None;
    if config.html {
        files.push((config.output_path("html"), renderer.html(&view)?.into_bytes()));
    }
    if config.pdf || config.write_typst {
        let source = renderer.typst(&view)?;
        let typ_path = config.output_path("typ");
        if config.pdf {
            let input = CompileInput {
                source: source.clone(),
                root: &config.report_dir,
                source_name: typ_path.display().to_string(),
                today: loaded.report.meta.date.value.0,
                standards: &config.standards,
            };
            match compiler.pdf(input) {
                Ok(pdf) => {
                    pages = Some(pdf.pages);
                    files.push((config.output_path("pdf"), pdf.bytes));
                }
                Err(error) => {
                    // Keep the source the diagnostics point into, so its lines can be read.
                    write_atomically(&typ_path, source.as_bytes())?;
                    return Err(error).with_context(|| {
                        format!("failed to compile the PDF (source written to `{}`)", typ_path.display())
                    });
                }
            }
        }
        if config.write_typst {
            files.push((typ_path, source.into_bytes()));
        }
    }
    let written = files.iter().map(|(p, b)| (p.clone(), b.as_slice())).collect::<Vec<_>>();
    write_all_atomically(&written)?;
    Ok(Built { files: files.iter().map(|(p, b)| (p.clone(), b.len())).collect(), pages })
}

/// `ledgen build` from the command line: builds and prints what was written.
pub fn run(config: &BuildConfig) -> Result<()> {
    let start = Instant::now();
    eprintln!("Building {} from `{}`", config.year, config.report_dir.display());
    let compiler = Compiler::new();
    let built = build(config, &compiler)?;
    for (path, size) in &built.files {
        let pages = match (path.extension().and_then(|e| e.to_str()), built.pages) {
            (Some("pdf"), Some(n)) => format!(", {n} pages"),
            _ => String::new(),
        };
        eprintln!("   Wrote {} ({}{pages})", path.display(), human_size(*size));
    }
    eprintln!("Finished in {:.2} s", start.elapsed().as_secs_f64());
    Ok(())
}

fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}
