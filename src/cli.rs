//! The command line: clap derive types only.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use ledgen::config::DEFAULT_TIMEOUT;
use ledgen::formats::{COMPARISON_FORMATS, REPORT_FORMATS};

/// Builds the yearly management review of information security ("Ledningens genomgång av
/// informationssäkerhet") as an archivable PDF and an accessible HTML page, from YAML and
/// Markdown.
#[derive(Debug, Parser)]
#[command(name = "ledgen", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The language of ledgen's messages (default: the system's; English unless it is Swedish).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["sv", "en"])]
    pub lang: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a year's report as PDF and HTML.
    Build(BuildArgs),
    /// Load and validate a year's content without writing anything.
    Check(CheckArgs),
    /// Compare two years' reports: status changes, new and removed rows, follow-ups.
    Diff(DiffArgs),
    /// Show one row's or recommendation's status year by year.
    History(HistoryArgs),
    /// Start a first review, for an organisation with no earlier year: a folder to fill in.
    Init(InitArgs),
    /// Start a new year from the previous one.
    New(NewArgs),
    /// Read an earlier review written in Word (.docx) into a year folder.
    Import(ImportArgs),
    /// Rebuild on every save and serve the report with live reload in the browser.
    Serve(ServeArgs),
    /// Write the JSON Schemas of the content files, for editors with a YAML language server.
    Schema(SchemaArgs),
    /// Export data for other tools: the action plan as CSV, XLSX or iCalendar.
    Export(ExportArgs),
    /// Write the figures of `build --all`'s overview (per organisation and year) for other tools.
    Summary(SummaryArgs),
}

/// `ledgen export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub what: ExportWhat,
}

/// What `ledgen export` can write.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// The action plan: every recommendation and every open (gul or röd) status row.
    Actions(ExportActionsArgs),
}

/// `ledgen export actions`.
#[derive(Debug, Args)]
pub struct ExportActionsArgs {
    /// Year and content folder.
    #[command(flatten)]
    pub content: ContentArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output (required for xlsx).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Leave out confidential items (marked `intern` or `sekretess`, or inside such a block).
    #[arg(long)]
    pub public: bool,
}

/// Output formats of `ledgen export actions`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Comma-separated values (RFC 4180, UTF-8).
    Csv,
    /// An Excel workbook with a heading row, filters and column widths.
    Xlsx,
    /// An iCalendar file with one all-day event per deadline.
    Ics,
}

/// `ledgen summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The content folders, one per administration or company.
    #[arg(long, value_name = "DIR", required = true, num_args = 1.., action = clap::ArgAction::Append)]
    pub content: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Json)]
    pub format: SummaryFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Count with confidential items and show their ids (default: the public edition).
    #[arg(long)]
    pub internal: bool,
    /// Also count reports marked `draft: true` (left out by default, as `build --all` does).
    #[arg(long)]
    pub drafts: bool,
}

/// Output formats of `ledgen summary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// JSON (see docs/summary-json.md).
    Json,
    /// One row per organisation and year.
    Csv,
}

/// `ledgen schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The folder to write `report.schema.json` and `section.schema.json` to.
    #[arg(long, value_name = "DIR", default_value = "schema")]
    pub out: PathBuf,
}

/// `ledgen serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Year and content folder.
    #[command(flatten)]
    pub content: ContentArgs,
    /// The output folder; every good build is also written to `<DIR>/<year>/`.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub out: PathBuf,
    /// The port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// The address to listen on; on any address but loopback the public edition is served,
    /// unless `--internal` is given too.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// Preview the public edition.
    #[arg(long, conflicts_with = "internal")]
    pub public: bool,
    /// Serve the internal edition also on an address other than loopback (the network can
    /// then read everything marked `intern`).
    #[arg(long)]
    pub internal: bool,
    /// Open the preview in the default web browser once the first build is done.
    #[arg(long)]
    pub open: bool,
    /// Stop a PDF compilation that runs longer than this; the last good build stays served.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,
    /// Apply this brand file instead of the `_brand.yml` found beside the content.
    #[arg(long, value_name = "FILE")]
    pub brand: Option<PathBuf>,
}

/// `ledgen diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier report: a year under `--content`, or a report folder.
    pub old: String,
    /// The later report: a year under `--content`, or a report folder.
    pub new: String,
    /// The content folder that years are looked up in.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = comparison_formats())]
    pub format: String,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Exit with status 1 when any row's status got worse (or was first assessed gul or röd).
    #[arg(long)]
    pub fail_on_regression: bool,
    /// The public edition: rows and recommendations marked `intern` are counted but not shown.
    #[arg(long)]
    pub public: bool,
}

/// `ledgen history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The id of a status row or recommendation.
    pub id: String,
    /// The content folder, holding one folder per year.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// Leave out rows and recommendations marked `intern`.
    #[arg(long)]
    pub public: bool,
}

/// `ledgen init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create, e.g. `ledningens-genomgang`; it must be new or empty.
    pub dir: PathBuf,
    /// The organisation's name, e.g. "Exempelkommun".
    #[arg(long, value_name = "NAME")]
    pub organisation: String,
    /// The administration or company within the organisation, e.g. "Kulturförvaltningen".
    #[arg(long, value_name = "NAME")]
    pub unit: Option<String>,
    /// The year under review (default: this year).
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
}

/// `ledgen new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The year to create.
    pub year: i32,
    /// The year to start from (default: the newest year before YEAR).
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// The content folder, holding one folder per year.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
}

/// `ledgen import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The Word document (.docx) to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The content folder the year folder is written into.
    #[arg(long, value_name = "DIR", default_value = "content")]
    pub content: PathBuf,
    /// The review's year (default: the year the document's title or date names).
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
}

/// Where the content is and which year to use.
#[derive(Debug, Args)]
pub struct ContentArgs {
    /// The year to use (default: the newest year under the content folder).
    pub year: Option<i32>,
    /// The content folder, holding one folder per year (with `build --all`, give one per report).
    #[arg(long, value_name = "DIR", default_value = "content", action = clap::ArgAction::Append)]
    pub content: Vec<PathBuf>,
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
    /// Which outputs to write, separated by commas.
    #[arg(long, value_name = "FORMATS", value_delimiter = ',', default_values = ["pdf", "html"], value_parser = report_formats())]
    pub format: Vec<String>,
    /// Also write the generated Typst source beside the PDF (as `--format` with `typst`).
    #[arg(long)]
    pub typst: bool,
    /// Build the public edition: leave out everything marked `intern` (files end in `-publik`).
    /// `--all` builds the public edition unless given `--internal`.
    #[arg(long)]
    pub public: bool,
    /// With --all: build the internal edition, with confidential items, instead of the public one.
    #[arg(long, requires = "all", conflicts_with = "public")]
    pub internal: bool,
    /// Build every year of every content folder, in parallel, with an index page.
    #[arg(long, conflicts_with = "year")]
    pub all: bool,
    /// With --all: how many reports to build at once (default: one per core).
    #[arg(long, value_name = "N", requires = "all")]
    pub jobs: Option<usize>,
    /// With --all: also build reports marked `draft: true` (left out by default).
    #[arg(long, requires = "all")]
    pub drafts: bool,
    /// Stop a PDF compilation that runs longer than this (a template override may loop).
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: u64,
    /// Apply this brand file instead of the `_brand.yml` found beside the content.
    #[arg(long, value_name = "FILE")]
    pub brand: Option<PathBuf>,
}

/// `ledgen check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Year and content folder.
    #[command(flatten)]
    pub content: ContentArgs,
    /// Also list what the public edition leaves out, with the file and line of each item.
    #[arg(long)]
    pub public: bool,
    /// Apply this brand file instead of the `_brand.yml` found beside the content.
    #[arg(long, value_name = "FILE")]
    pub brand: Option<PathBuf>,
}

/// The names `build --format` takes: every report format, and `all`.
fn report_formats() -> PossibleValuesParser {
    let all = PossibleValue::new("all").help("every format but the Typst source");
    PossibleValuesParser::new(
        REPORT_FORMATS.iter().map(|f| PossibleValue::new(f.name()).help(f.about())).chain([all]),
    )
}

/// The names `diff --format` takes.
fn comparison_formats() -> PossibleValuesParser {
    PossibleValuesParser::new(
        COMPARISON_FORMATS.iter().map(|f| PossibleValue::new(f.name()).help(f.about())),
    )
}
