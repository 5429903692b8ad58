//! The subcommands: each wires the pipeline stages together and reports to the user.

pub mod all;
pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod history;
pub mod import;
pub mod init;
pub mod new;
pub mod schema;
pub mod serve;
pub mod summary;

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use ledgen::config::BuildConfig;

use crate::cli::{BuildArgs, ContentArgs};
use ledgen::tr;

/// The report folder and year that `--content` and `YEAR` name (the newest year by default),
/// with a warning for each folder that looks like a year but is not read.
fn report_dir(args: &ContentArgs) -> Result<(PathBuf, i32)> {
    let [content] = args.content.as_slice() else { bail!(tr!("cmd-several-content-folders")) };
    let found = ledgen::config::report_dir(content, args.year)?;
    for folder in &found.ignored {
        eprintln!(
            "{}: {}",
            tr!("severity-warning"),
            tr!("cmd-not-a-year-folder", path = folder.display().to_string())
        );
    }
    Ok((found.dir, found.year))
}

/// The build `build`'s arguments ask for, of the report in `report_dir`, written to `out_dir`,
/// in the edition asked for.
fn build_config(
    args: &BuildArgs,
    (report_dir, year): (PathBuf, i32),
    out_dir: PathBuf,
    public: bool,
) -> Result<BuildConfig> {
    let mut formats = args.format.clone();
    if args.typst {
        formats.push("typst".into());
    }
    let mut config = BuildConfig::new(report_dir, year, out_dir).with_formats(&formats)?;
    config.public = public;
    config.timeout = std::time::Duration::from_secs(args.timeout);
    config.brand.clone_from(&args.brand);
    Ok(config)
}

/// A hidden folder `<prefix>…` in `parent`, where a command stages what it writes so that it
/// appears whole (renamed into place by [`rename_into_place`]) or not at all; removed when
/// dropped. It gets the mode `mkdir` gives (tempfile makes folders 0700).
fn staging_folder(parent: &std::path::Path, prefix: &str) -> Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    builder
        .tempdir_in(parent)
        .with_context(|| tr!("cmd-failed-create-folder-in", path = parent.display().to_string()))
}

/// Writes `files` (paths relative to `folder`) into `folder`, making the folders they name.
fn write_files<T: AsRef<[u8]>>(folder: &std::path::Path, files: &[(String, T)]) -> Result<()> {
    for (name, bytes) in files {
        let path = folder.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| tr!("cmd-failed-create", path = parent.display().to_string()))?;
        }
        std::fs::write(&path, bytes)
            .with_context(|| tr!("cmd-failed-write", path = path.display().to_string()))?;
    }
    Ok(())
}

/// Renames the staged folder to `target`; if that fails, the staged folder is removed.
fn rename_into_place(staging: tempfile::TempDir, target: &std::path::Path) -> Result<()> {
    let staged = staging.keep();
    if let Err(error) = std::fs::rename(&staged, target) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(error)
            .with_context(|| tr!("cmd-failed-create", path = target.display().to_string()));
    }
    Ok(())
}
