//! `ledgen diff`: compare two reports and print or write the result in one of four formats.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use anstyle::{AnsiColor, Effects, Style};
use anyhow::{Context, Result, bail};
use serde::Serialize;

use super::cut;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{ChangeKind, Matched, RecommendationState, ReportDiff, WordOp, diff_reports};
use crate::i18n;
use crate::model::{Language, Report, Status, load_report};
use crate::output::write_atomically;
use crate::render::Renderer;

/// The version of the JSON structure; raised only when a field changes meaning or disappears.
pub const JSON_FORMAT_VERSION: u32 = 1;

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
        DiffFormat::Text => text(&sanitized(diff), &old, &new),
        DiffFormat::Markdown => markdown(&sanitized(diff), &new),
        DiffFormat::Html => html(&diff, &old, &new)?,
        DiffFormat::Json => json(&diff)?,
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

/// Swedish (or the report's language's) words used in every format.
struct Words {
    language: Language,
}

impl Words {
    fn status(&self, status: Option<Status>) -> &'static str {
        status.map_or("–", |s| i18n::status_word(self.language, s))
    }

    /// A row's status, or its change: "Gul → Grön"; "⚠ Försenad" after it when the row is past
    /// its deadline.
    fn statuses(&self, row: &crate::diff::RowChange) -> String {
        let statuses = match (row.old_status, row.new_status) {
            (Some(a), Some(b)) if a != b => {
                format!("{} → {}", self.status(Some(a)), self.status(Some(b)))
            }
            (a, b) => self.status(b.or(a)).to_string(),
        };
        format!("{statuses}{}", self.overdue(row.overdue))
    }

    /// " ⚠ Försenad" for an item past its deadline, else nothing.
    fn overdue(&self, overdue: bool) -> String {
        if overdue {
            let (symbol, word, _) = i18n::overdue_marker(self.language);
            format!(" {symbol} {word}")
        } else {
            String::new()
        }
    }

    /// The plural form used in counts ("3 förbättrade").
    fn counted(&self, change: ChangeKind) -> &'static str {
        i18n::diff_change_counted(self.language, change)
    }

    fn change(&self, change: ChangeKind) -> (&'static str, &'static str) {
        i18n::diff_change(self.language, change)
    }
}

fn style(change: ChangeKind) -> Style {
    let color = match change {
        ChangeKind::Improved => AnsiColor::Green,
        ChangeKind::Regressed => AnsiColor::Red,
        ChangeKind::Reassessed => AnsiColor::Yellow,
        ChangeKind::Added => AnsiColor::Cyan,
        ChangeKind::Removed => AnsiColor::Magenta,
        ChangeKind::TextChanged | ChangeKind::Unchanged => AnsiColor::White,
    };
    Style::new().fg_color(Some(color.into()))
}

fn summary_line(diff: &ReportDiff, words: &Words) -> String {
    let s = &diff.summary;
    let mut parts = Vec::new();
    for (change, n) in [
        (ChangeKind::Improved, s.improved),
        (ChangeKind::Regressed, s.regressed),
        (ChangeKind::Reassessed, s.reassessed),
        (ChangeKind::TextChanged, s.text_changed),
        (ChangeKind::Added, s.added),
        (ChangeKind::Removed, s.removed),
        (ChangeKind::Unchanged, s.unchanged),
    ] {
        let (symbol, _) = words.change(change);
        parts.push(format!("{symbol} {n} {}", words.counted(change)));
    }
    parts.join("  ")
}

fn matched_note(row: &crate::diff::RowChange, words: &Words) -> String {
    match (row.matched, &row.old_id) {
        (Some(Matched::Text { similarity }), Some(old_id)) => {
            format!(" (tidigare {old_id}, {})", i18n::matched_by_text(words.language, similarity))
        }
        _ => String::new(),
    }
}

/// "kvarstår (från rek-2023-04, matchad på text, likhet 0,85)", or "ny".
fn recommendation_state(rec: &crate::diff::RecommendationStatus, words: &Words) -> String {
    match (&rec.state, &rec.earlier_id, rec.matched) {
        (RecommendationState::Remains, Some(id), Some(Matched::Text { similarity })) => {
            format!("kvarstår (från {id}, {})", i18n::matched_by_text(words.language, similarity))
        }
        (RecommendationState::Remains, Some(id), _) => format!("kvarstår (från {id})"),
        (RecommendationState::Remains, None, _) => "kvarstår".to_string(),
        (RecommendationState::New, _, _) => "ny".to_string(),
    }
}

/// "Publik version" or "Intern version".
fn edition(diff: &ReportDiff, words: &Words) -> &'static str {
    let labels = i18n::labels(words.language);
    if diff.public { labels.public_edition } else { labels.internal_edition }
}

/// The note on withheld confidential items, in the public edition when there are any.
fn withheld(diff: &ReportDiff, words: &Words) -> Option<String> {
    let n = diff.withheld.total();
    (diff.public && n > 0).then(|| i18n::withheld_note(words.language, n))
}

/// Readable text; ANSI colours are stripped when the output is not a terminal.
fn text(diff: &ReportDiff, old: &Report, new: &Report) -> String {
    let words = Words { language: new.meta.language };
    let bold = Style::new().effects(Effects::BOLD);
    let dim = Style::new().effects(Effects::DIMMED);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{bold}Ledningens genomgång {} → {}{bold:#}  {}  ({})",
        diff.old_year,
        diff.new_year,
        terminal_safe(&new.meta.organisation),
        edition(diff, &words)
    );
    let _ = writeln!(out, "  {}", summary_line(diff, &words));
    let _ = writeln!(
        out,
        "  Rekommendationer från {}: {} av {} följs upp",
        old.year(),
        diff.summary.followed_up,
        diff.summary.followed_up + diff.summary.not_followed_up
    );
    if let Some(note) = withheld(diff, &words) {
        let _ = writeln!(out, "  {note}");
    }
    for section in &diff.sections {
        let _ = writeln!(out, "\n{bold}{}{bold:#} {dim}({}){dim:#}", section.title, section.name);
        for row in &section.rows {
            let (symbol, word) = words.change(row.change);
            let st = style(row.change);
            let statuses = words.statuses(row);
            let _ = writeln!(
                out,
                "  {st}{symbol} {word}{st:#}  {bold}{}{bold:#}{}  {}: {statuses}",
                row.id,
                matched_note(row, &words),
                row.label
            );
            for change in &row.text_changes {
                let mut line = String::new();
                for run in &change.words {
                    let text = run.text.as_str();
                    match run.op {
                        WordOp::Equal => line.push_str(text),
                        WordOp::Delete => {
                            let s = Style::new()
                                .fg_color(Some(AnsiColor::Red.into()))
                                .effects(Effects::STRIKETHROUGH);
                            let _ = write!(line, "{s}[-{text}-]{s:#}");
                        }
                        WordOp::Insert => {
                            let s = Style::new()
                                .fg_color(Some(AnsiColor::Green.into()))
                                .effects(Effects::UNDERLINE);
                            let _ = write!(line, "{s}{{+{text}+}}{s:#}");
                        }
                    }
                }
                let _ = writeln!(out, "      {dim}{}:{dim:#} {line}", change.field);
            }
        }
    }
    if !diff.earlier_recommendations.is_empty() {
        let _ = writeln!(out, "\n{bold}Rekommendationer från {}{bold:#}", diff.old_year);
        for fate in &diff.earlier_recommendations {
            let label = cut(&fate.text, 70);
            if fate.followed_up && fate.followed_up_by.is_empty() {
                let _ = writeln!(
                    out,
                    "  {bold}{}{bold:#}  {label}\n      → {}",
                    fate.id,
                    i18n::labels(words.language).followed_up_withheld.to_lowercase()
                );
            } else if fate.followed_up_by.is_empty() {
                let st = style(ChangeKind::Regressed);
                let _ = writeln!(
                    out,
                    "  {bold}{}{bold:#}  {label}\n      → {st}följs inte upp{st:#}",
                    fate.id
                );
            } else {
                for f in &fate.followed_up_by {
                    let _ = writeln!(
                        out,
                        "  {bold}{}{bold:#}  {label}\n      → följs upp i {}: {}{}{}",
                        fate.id,
                        f.row_id,
                        words.status(Some(f.status)),
                        words.overdue(f.overdue),
                        if f.status_text.is_empty() {
                            String::new()
                        } else {
                            format!(" – {}", cut(&f.status_text, 60))
                        }
                    );
                }
            }
        }
    }
    if !diff.recommendations.is_empty() {
        let _ = writeln!(out, "\n{bold}Rekommendationer {}{bold:#}", diff.new_year);
        for rec in &diff.recommendations {
            let state = recommendation_state(rec, &words);
            let _ = writeln!(out, "  {bold}{}{bold:#}  {state}  {}", rec.id, cut(&rec.text, 70));
        }
    }
    out
}

/// Markdown, for a wiki or an e-mail.
fn markdown(diff: &ReportDiff, new: &Report) -> String {
    let words = Words { language: new.meta.language };
    let md = |s: &str| {
        let mut out = String::new();
        for c in s.chars() {
            if "\\`*_{}[]<>()#+-.!|~".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    let mut out = String::new();
    let _ = writeln!(out, "# Förändringar {} → {}\n", diff.old_year, diff.new_year);
    let _ = writeln!(
        out,
        "{} · {}\n",
        md(&terminal_safe(&new.meta.organisation)),
        edition(diff, &words)
    );
    let _ = writeln!(out, "{}\n", summary_line(diff, &words));
    if let Some(note) = withheld(diff, &words) {
        let _ = writeln!(out, "{}\n", md(&note));
    }
    for section in &diff.sections {
        let _ = writeln!(out, "## {}\n", md(&section.title));
        let _ = writeln!(out, "| Förändring | Id | Rad | Status |\n|---|---|---|---|");
        for row in &section.rows {
            let (symbol, word) = words.change(row.change);
            let statuses = words.statuses(row);
            let _ = writeln!(
                out,
                "| {symbol} {word} | `{}`{} | {} | {statuses} |",
                row.id,
                md(&matched_note(row, &words)),
                md(&row.label)
            );
        }
        let changed: Vec<_> = section.rows.iter().filter(|r| !r.text_changes.is_empty()).collect();
        for row in changed {
            for change in &row.text_changes {
                let mut line = String::new();
                for run in &change.words {
                    match run.op {
                        WordOp::Equal => line.push_str(&md(&run.text)),
                        WordOp::Delete => {
                            let _ = write!(line, "~~{}~~ ", md(run.text.trim()));
                        }
                        WordOp::Insert => {
                            let _ = write!(line, "**{}** ", md(run.text.trim()));
                        }
                    }
                }
                let _ =
                    writeln!(out, "\n- `{}`, {}: {}", row.id, md(&change.field), line.trim_end());
            }
        }
        out.push('\n');
    }
    if !diff.earlier_recommendations.is_empty() {
        let _ = writeln!(out, "## Rekommendationer från {}\n", diff.old_year);
        for fate in &diff.earlier_recommendations {
            let status = if fate.followed_up && fate.followed_up_by.is_empty() {
                md(&i18n::labels(words.language).followed_up_withheld.to_lowercase())
            } else if fate.followed_up_by.is_empty() {
                "**följs inte upp**".to_string()
            } else {
                fate.followed_up_by
                    .iter()
                    .map(|f| {
                        format!(
                            "följs upp i `{}`: {}{}",
                            f.row_id,
                            words.status(Some(f.status)),
                            words.overdue(f.overdue)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let _ = writeln!(out, "- `{}` {}: {status}", fate.id, md(&cut(&fate.text, 90)));
        }
        out.push('\n');
    }
    if !diff.recommendations.is_empty() {
        let _ = writeln!(out, "## Rekommendationer {}\n", diff.new_year);
        for rec in &diff.recommendations {
            let state = recommendation_state(rec, &words);
            let _ = writeln!(out, "- `{}` {}: {}", rec.id, md(&cut(&rec.text, 90)), md(&state));
        }
        out.push('\n');
    }
    out
}

/// What the HTML diff template sees.
#[derive(Serialize)]
struct DiffPage<'a> {
    lang: &'static str,
    labels: &'static i18n::Labels,
    organisation: &'a str,
    title: String,
    diff: &'a ReportDiff,
    summary: String,
    edition: &'static str,
    edition_note: &'static str,
    withheld: Option<String>,
    /// By row id: "(tidigare X, matchad på text, likhet 0,96)" for rows matched by text.
    row_notes: BTreeMap<&'a str, String>,
    /// By recommendation id: "ny" or "kvarstår (från …)".
    recommendation_states: BTreeMap<&'a str, String>,
    status_words: BTreeMap<&'static str, &'static str>,
    /// "⚠ Försenad", for items past their deadline.
    overdue: String,
    change_words: BTreeMap<&'static str, (&'static str, &'static str)>,
}

/// The comparison as a self-contained HTML page, publishable beside the reports.
pub fn html(diff: &ReportDiff, old: &Report, new: &Report) -> Result<String> {
    let words = Words { language: new.meta.language };
    let changes = [
        ChangeKind::Improved,
        ChangeKind::Regressed,
        ChangeKind::Reassessed,
        ChangeKind::TextChanged,
        ChangeKind::Unchanged,
        ChangeKind::Added,
        ChangeKind::Removed,
    ];
    let page = DiffPage {
        lang: new.meta.language.tag(),
        labels: i18n::labels(new.meta.language),
        organisation: &new.meta.organisation,
        title: format!("Förändringar {} → {}", old.year(), new.year()),
        diff,
        summary: i18n::changes_summary(new.meta.language, old.year(), &diff.summary),
        edition: edition(diff, &words),
        edition_note: if diff.public {
            i18n::labels(words.language).public_edition_note
        } else {
            i18n::labels(words.language).internal_edition_note
        },
        withheld: withheld(diff, &words),
        row_notes: diff
            .sections
            .iter()
            .flat_map(|s| &s.rows)
            .map(|r| (r.id.as_str(), matched_note(r, &words).trim().to_string()))
            .filter(|(_, note)| !note.is_empty())
            .collect(),
        recommendation_states: diff
            .recommendations
            .iter()
            .map(|r| (r.id.as_str(), recommendation_state(r, &words)))
            .collect(),
        status_words: Status::ALL
            .iter()
            .map(|s| (s.slug(), i18n::status_word(new.meta.language, *s)))
            .collect(),
        overdue: words.overdue(true).trim().to_string(),
        change_words: changes
            .iter()
            .map(|c| {
                (
                    serde_json::to_value(c).ok().and_then(|v| v.as_str().map(slug)).unwrap_or(""),
                    words.change(*c),
                )
            })
            .collect(),
    };
    let renderer = Renderer::new(None)?;
    renderer.diff_html(&page)
}

/// Interns the serde names of [`ChangeKind`] as static strings for the template's map.
fn slug(name: &str) -> &'static str {
    match name {
        "improved" => "improved",
        "regressed" => "regressed",
        "reassessed" => "reassessed",
        "text_changed" => "text_changed",
        "unchanged" => "unchanged",
        "added" => "added",
        _ => "removed",
    }
}

/// The documented JSON structure (docs/diff-json.md).
fn json(diff: &ReportDiff) -> Result<String> {
    #[derive(Serialize)]
    struct Envelope<'a> {
        format_version: u32,
        #[serde(flatten)]
        diff: &'a ReportDiff,
    }
    let mut text =
        serde_json::to_string_pretty(&Envelope { format_version: JSON_FORMAT_VERSION, diff })?;
    text.push('\n');
    Ok(text)
}
