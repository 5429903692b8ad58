//! `ledgen import`: an earlier review written in Word becomes a year folder. The document is
//! read whole and checked before anything is written; the year folder is written into a hidden
//! folder beside the years, loaded as `ledgen check` would, and renamed into place only when it
//! passes, so that a failed import leaves nothing behind and an existing year is never touched.

use std::fs;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::ImportArgs;
use ledgen::import::{Imported, import_docx};
use ledgen::model::load_with_history;
use ledgen::output::InFlight;
use ledgen::tr;

/// Most bytes a Word document may have: a review with many pictures is a few MiB.
const MAX_DOCX_BYTES: u64 = 100 * 1024 * 1024;

pub fn run(args: &ImportArgs) -> Result<()> {
    let file = &args.file;
    let shown = file.display().to_string();
    let mut bytes = Vec::new();
    fs::File::open(file)
        .and_then(|f| f.take(MAX_DOCX_BYTES + 1).read_to_end(&mut bytes))
        .with_context(|| tr!("cmd-failed-read", path = shown.as_str()))?;
    if bytes.len() as u64 > MAX_DOCX_BYTES {
        bail!(tr!("import-file-too-large", path = shown.as_str(), limit = "100"));
    }
    let imported = import_docx(&bytes, args.year)
        .map_err(|e| anyhow::anyhow!(tr!("import-failed", path = shown.as_str(), reason = e)))?;
    let target = args.content.join(imported.year.to_string());
    if target.exists() {
        bail!(
            "{}\n{}: {}",
            tr!("import-year-exists", path = target.display().to_string()),
            tr!("note-hint"),
            tr!("import-year-exists-hint")
        );
    }
    fs::create_dir_all(&args.content)
        .with_context(|| tr!("cmd-failed-create", path = args.content.display().to_string()))?;
    install(&args.content, &target, &imported)?;
    report(args, &target, &imported);
    Ok(())
}

/// Writes the year folder into a hidden folder, checks it, and renames it to `target`.
fn install(content: &Path, target: &Path, imported: &Imported) -> Result<()> {
    let staging = super::staging_folder(content, ".ledgen-import-")?;
    let _tracked = InFlight::track(staging.path());
    super::write_files(staging.path(), &imported.files)?;
    load_with_history(staging.path())
        .with_context(|| tr!("import-fails-check", path = target.display().to_string()))?;
    super::rename_into_place(staging, target)
}

/// What was imported, what to check, and what to run next.
fn report(args: &ImportArgs, target: &Path, imported: &Imported) {
    println!(
        "{}",
        tr!(
            "import-done",
            path = target.display().to_string(),
            file = args.file.display().to_string(),
            sections = imported.sections,
            rows = imported.rows,
            recommendations = imported.recommendations,
            images = imported.images,
        )
    );
    if !imported.remarks.is_empty() {
        println!("{}", tr!("import-to-check", count = imported.remarks.len()));
        for remark in &imported.remarks {
            println!("  - {}: {}", remark.place, remark.what);
        }
    }
    let content = if args.content == Path::new("content") {
        String::new()
    } else {
        format!(" --content {}", args.content.display())
    };
    println!("{}", tr!("import-next", year = imported.year.to_string(), content = content));
}
