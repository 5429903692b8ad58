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

use anyhow::{Result, bail};
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
