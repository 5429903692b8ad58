//! The command line: clap derive types only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Builds the yearly management review of information security ("Ledningens genomgång av
/// informationssäkerhet") as an archivable PDF and an accessible HTML page, from YAML and
/// Markdown.
#[derive(Debug, Parser)]
#[command(name = "ledgen", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a year's report as PDF and HTML.
    Build(BuildArgs),
    /// Load and validate a year's content without writing anything.
    Check(CheckArgs),
}

/// Where the content is and which year to use.
#[derive(Debug, Args)]
pub struct ContentArgs {
    /// The year to use (default: the newest year under the content folder).
    pub year: Option<i32>,
    /// The content folder, holding one folder per year.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
}

/// `ledgen build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Year and content folder.
    #[command(flatten)]
    pub content: ContentArgs,
    /// The output folder; files go to `<DIR>/<year>/`.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// Which outputs to write.
    #[arg(long, value_enum, default_value_t = Format::All)]
    pub format: Format,
    /// Also write the generated Typst source beside the PDF.
    #[arg(long)]
    pub typst: bool,
}

/// `ledgen check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Year and content folder.
    #[command(flatten)]
    pub content: ContentArgs,
}

/// Output formats of `ledgen build`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Only the PDF.
    Pdf,
    /// Only the HTML page.
    Html,
    /// PDF and HTML.
    All,
}
