//! `ledgen build`: load → view → render → compile → write.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::config::BuildConfig;
use crate::diff::diff_reports;
use crate::model::{WithHistory, load_with_history};
use crate::output::{write_all_atomically, write_atomically};
use crate::pdf::{CompileInput, Compiler};
use crate::render::Renderer;
use crate::view::{ViewContext, report_view};

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
    let WithHistory { mut loaded, mut previous } = load_with_history(&config.report_dir)?;
    for warning in &loaded.warnings {
        eprint!("{warning}");
    }
    let left_out = config.public.then(|| {
        if let Some(previous) = &mut previous {
            previous.remove_internal();
        }
        loaded.report.remove_internal()
    });
    let diff = previous.as_ref().map(|p| diff_reports(p, &loaded.report));
    let context = ViewContext { previous: previous.as_ref(), diff: diff.as_ref(), public: left_out };
    let view = report_view(&loaded.report, context);
    let renderer = Renderer::new(Some(&config.report_dir.join("templates")))?;

    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut pages = None;
    if config.html {
        files.push((config.output_path("html"), renderer.html(&view)?.into_bytes()));
    }
    if config.pdf || config.write_typst {
        let source = renderer.typst(&view)?;
        let typ_path = config.output_path("typ");
        // Diagnostics point into the generated source. It goes beside the outputs when asked
        // for; otherwise a failed build leaves it in the temporary folder, never in `--out`.
        let debug_path = if config.write_typst {
            typ_path.clone()
        } else {
            std::env::temp_dir().join("ledgen").join(format!("{}.typ", config.file_stem()))
        };
        if config.pdf {
            let input = CompileInput {
                source: source.clone(),
                root: &config.report_dir,
                source_name: debug_path.display().to_string(),
                today: loaded.report.meta.date.value.0,
                standards: &config.standards,
                ident: format!("{}/{}", loaded.report.meta.organisation, config.file_stem()),
            };
            match compiler.pdf(input) {
                Ok(pdf) => {
                    pages = Some(pdf.pages);
                    files.push((config.output_path("pdf"), pdf.bytes));
                }
                Err(error) => {
                    // Keep the source the diagnostics point into, so its lines can be read.
                    write_atomically(&debug_path, source.as_bytes())?;
                    return Err(error).with_context(|| {
                        format!("failed to compile the PDF (Typst source written to `{}`)", debug_path.display())
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
