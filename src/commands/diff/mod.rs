//! `ledgen diff`: compare two reports and print or write the result in one of four formats,
//! each rendered from one [`DiffView`]: text, Markdown and HTML through templates
//! (`templates/diff.*.tera`), JSON by serialising the view.

mod view;

use std::collections::BTreeMap;
use std::path::PathBuf;

use anstyle::{AnsiColor, Effects, Style};
use anyhow::{Context, Result, bail};
use serde::Serialize;

use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{ChangeKind, ReportDiff, diff_reports};
use crate::model::{Report, load_report};
use crate::output::write_atomically;
use crate::render::Renderer;
pub use view::{DiffView, JSON_FORMAT_VERSION};

/// Runs `ledgen diff`; returns false when `--fail-on-regression` applies.
pub fn run(args: &DiffArgs) -> Result<bool> {
    let old = load_report(&report_folder(&args.content, &args.old)?)?.report;
    let new = load_report(&report_folder(&args.content, &args.new)?)?.report;
    if old.year() >= new.year() {
        eprintln!(
            "warning: the first report ({}) is not older than the second ({})",
            old.year(),
            new.year()
        );
    }
    // The facts come from the full content; the public edition only withholds what is internal.
    let mut diff = diff_reports(&old, &new);
    let regressed = diff.summary.regressed;
    if args.public {
        diff = diff.public_edition();
    }
    let text = match args.format {
        DiffFormat::Text => text(&sanitized(diff), &new)?,
        DiffFormat::Markdown => markdown(&sanitized(diff), &new)?,
        DiffFormat::Html => html(&diff, &old, &new)?,
        DiffFormat::Json => json(&diff, &new)?,
    };
    match &args.out {
        Some(path) => {
            let plain = anstream::adapter::strip_str(&text).to_string();
            write_atomically(path, plain.as_bytes())?;
            eprintln!("Wrote {}", path.display());
        }
        None => {
            use std::io::Write;
            let mut stdout = anstream::stdout();
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                // A reader that stops early (`| head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.context("failed to write to standard output")?,
            }
        }
    }
    if args.fail_on_regression && regressed > 0 {
        eprintln!("error: {regressed} row(s) regressed since {}", old.year());
        return Ok(false);
    }
    Ok(true)
}

/// The comparison with every control character removed from its texts, for output that reaches
/// a terminal or a Markdown file: escape sequences in content must not drive the terminal.
fn sanitized(mut diff: ReportDiff) -> ReportDiff {
    let clean = |s: &mut String| {
        if s.chars().any(is_unsafe) {
            s.retain(|c| !is_unsafe(c));
        }
    };
    for section in &mut diff.sections {
        clean(&mut section.name);
        clean(&mut section.title);
        for row in &mut section.rows {
            clean(&mut row.id);
            row.old_id.iter_mut().for_each(clean);
            clean(&mut row.table);
            clean(&mut row.label);
            for change in &mut row.text_changes {
                clean(&mut change.field);
                change.words.iter_mut().for_each(|w| clean(&mut w.text));
            }
        }
    }
    for fate in &mut diff.earlier_recommendations {
        clean(&mut fate.id);
        clean(&mut fate.text);
        for f in &mut fate.followed_up_by {
            clean(&mut f.row_id);
            clean(&mut f.status_text);
            f.owner.iter_mut().for_each(clean);
        }
    }
    for rec in &mut diff.recommendations {
        clean(&mut rec.id);
        clean(&mut rec.text);
        rec.earlier_id.iter_mut().for_each(clean);
    }
    diff
}

/// Control characters (C0, DEL, C1) and the bidirectional overrides that reorder what a terminal
/// shows.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from content made safe for a terminal: see [`is_unsafe`].
pub fn terminal_safe(text: &str) -> String {
    text.chars().filter(|c| !is_unsafe(*c)).collect()
}

/// A year under the content folder, or a path to a report folder.
fn report_folder(content: &std::path::Path, arg: &str) -> Result<PathBuf> {
    if let Ok(year) = arg.parse::<i32>() {
        let dir = content.join(year.to_string());
        if dir.join("report.yaml").is_file() {
            return Ok(dir);
        }
        if dir.is_dir() {
            bail!("the folder `{}` has no `report.yaml`", dir.display());
        }
        let years = crate::model::years(content);
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        bail!(
            "no report for {year} under `{}`{}",
            content.display(),
            if list.is_empty() {
                String::new()
            } else {
                format!(": the years there are {}", list.join(", "))
            }
        );
    }
    let dir = PathBuf::from(arg);
    if !dir.join("report.yaml").is_file() {
        bail!(
            "`{arg}` is neither a year under `{}` nor a report folder with a `report.yaml`",
            content.display()
        );
    }
    Ok(dir)
}

/// The view of `diff` in the newer report's language, for `organisation` (the text and Markdown
/// outputs pass it stripped of control characters, as [`sanitized`] does the diff's texts).
fn view<'a>(diff: &'a ReportDiff, new: &'a Report, organisation: &'a str) -> DiffView<'a> {
    DiffView::new(diff, new.meta.language, organisation)
}

/// The ANSI styles of the text output, as the codes that start them; `anstream` removes them
/// when the output is not a terminal.
#[derive(Serialize)]
struct Styles {
    bold: String,
    dim: String,
    reset: String,
    /// Deleted words: red, struck through.
    delete: String,
    /// Inserted words: green, underlined.
    insert: String,
    /// An earlier recommendation nothing follows up.
    not_followed_up: String,
    /// By change slug.
    changes: BTreeMap<&'static str, String>,
}

impl Styles {
    fn new() -> Self {
        let fg = |color: AnsiColor| Style::new().fg_color(Some(color.into()));
        let change = |change: ChangeKind| match change {
            ChangeKind::Improved => fg(AnsiColor::Green),
            ChangeKind::Regressed => fg(AnsiColor::Red),
            ChangeKind::Reassessed => fg(AnsiColor::Yellow),
            ChangeKind::Added => fg(AnsiColor::Cyan),
            ChangeKind::Removed => fg(AnsiColor::Magenta),
            ChangeKind::TextChanged | ChangeKind::Unchanged | ChangeKind::FollowsUp => {
                fg(AnsiColor::White)
            }
        };
        let all = [
            ChangeKind::Improved,
            ChangeKind::Regressed,
            ChangeKind::Reassessed,
            ChangeKind::TextChanged,
            ChangeKind::Unchanged,
            ChangeKind::Added,
            ChangeKind::Removed,
            ChangeKind::FollowsUp,
        ];
        Styles {
            bold: Style::new().effects(Effects::BOLD).render().to_string(),
            dim: Style::new().effects(Effects::DIMMED).render().to_string(),
            reset: anstyle::Reset.render().to_string(),
            delete: fg(AnsiColor::Red).effects(Effects::STRIKETHROUGH).render().to_string(),
            insert: fg(AnsiColor::Green).effects(Effects::UNDERLINE).render().to_string(),
            not_followed_up: change(ChangeKind::Regressed).render().to_string(),
            changes: all.iter().map(|c| (c.slug(), change(*c).render().to_string())).collect(),
        }
    }
}

/// Readable text, coloured for a terminal.
fn text(diff: &ReportDiff, new: &Report) -> Result<String> {
    #[derive(Serialize)]
    struct Page<'a> {
        #[serde(flatten)]
        view: DiffView<'a>,
        style: Styles,
    }
    let organisation = terminal_safe(&new.meta.organisation);
    let page = Page { view: view(diff, new, &organisation), style: Styles::new() };
    Renderer::new(None)?.diff_text(&page)
}

/// Markdown, for a wiki or an e-mail.
fn markdown(diff: &ReportDiff, new: &Report) -> Result<String> {
    let organisation = terminal_safe(&new.meta.organisation);
    Renderer::new(None)?.diff_markdown(&view(diff, new, &organisation))
}

/// The comparison as a self-contained HTML page, publishable beside the reports. The earlier
/// report is not read (the diff holds what is needed of it); `build --all` passes both.
pub fn html(diff: &ReportDiff, _old: &Report, new: &Report) -> Result<String> {
    Renderer::new(None)?.diff_html(&view(diff, new, &new.meta.organisation))
}

/// The documented JSON structure (docs/diff-json.md): the view, serialised.
fn json(diff: &ReportDiff, new: &Report) -> Result<String> {
    let mut text = serde_json::to_string_pretty(&view(diff, new, &new.meta.organisation))?;
    text.push('\n');
    Ok(text)
}
