//! The comparison of two years in four formats, each rendered from one [`DiffView`]: text (for a
//! terminal) and Markdown with every control character removed, HTML (a page publishable beside
//! the reports), all three through templates (`templates/diff.*.tera`), and JSON by serialising
//! the view. `ledgen diff` and `build --all` ask for them by name.

use std::collections::BTreeMap;

use anstyle::{AnsiColor, Effects, Style};
use serde::Serialize;

use super::ComparisonFormat;
use crate::diff::{ChangeKind, ReportDiff};
use crate::error::BuildError;
use crate::model::Report;
use crate::render::{Page, Renderer};
use crate::tr;
use crate::view::comparison::DiffView;

/// The comparison with every control character removed from its texts, for output that reaches
/// a terminal or a Markdown file: escape sequences in content must not drive the terminal.
pub fn sanitized(mut diff: ReportDiff) -> ReportDiff {
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

/// Readable text, coloured for a terminal; its texts stripped of control characters.
pub struct Text;

impl ComparisonFormat for Text {
    fn name(&self) -> &'static str {
        "text"
    }

    fn about(&self) -> &'static str {
        "readable text, coloured on a terminal"
    }

    fn extension(&self) -> &'static str {
        "txt"
    }

    fn page(&self) -> Option<Page> {
        Some(Page::DiffText)
    }

    fn render(&self, diff: ReportDiff, new: &Report) -> Result<String, BuildError> {
        #[derive(Serialize)]
        struct Styled<'a> {
            #[serde(flatten)]
            view: DiffView<'a>,
            style: Styles,
        }
        let diff = sanitized(diff);
        let organisation = terminal_safe(&new.meta.organisation);
        let page = Styled { view: view(&diff, new, &organisation), style: Styles::new() };
        rendered(|renderer| renderer.diff_text(&page))
    }
}

/// Markdown, for a wiki or an e-mail; its texts stripped of control characters.
pub struct Markdown;

impl ComparisonFormat for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn about(&self) -> &'static str {
        "Markdown, for a wiki or an e-mail"
    }

    fn extension(&self) -> &'static str {
        "md"
    }

    fn page(&self) -> Option<Page> {
        Some(Page::DiffMarkdown)
    }

    fn render(&self, diff: ReportDiff, new: &Report) -> Result<String, BuildError> {
        let diff = sanitized(diff);
        let organisation = terminal_safe(&new.meta.organisation);
        rendered(|renderer| renderer.diff_markdown(&view(&diff, new, &organisation)))
    }
}

/// A self-contained HTML page, publishable beside the reports.
pub struct Html;

impl ComparisonFormat for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn about(&self) -> &'static str {
        "a self-contained HTML page"
    }

    fn extension(&self) -> &'static str {
        "html"
    }

    fn page(&self) -> Option<Page> {
        Some(Page::Diff)
    }

    fn render(&self, diff: ReportDiff, new: &Report) -> Result<String, BuildError> {
        // The page wears the organisation's look, as its report does.
        let page = BrandedPage {
            view: view(&diff, new, &new.meta.organisation),
            theme: crate::view::Theme::new(new.brand.as_ref()),
        };
        rendered(|renderer| renderer.diff_html(&page))
    }
}

/// The comparison's view with the newer report's theme (`_brand.yml`), for the HTML page; the
/// JSON output is the view alone.
#[derive(Serialize)]
struct BrandedPage<'a> {
    #[serde(flatten)]
    view: DiffView<'a>,
    theme: crate::view::Theme,
}

/// The documented JSON structure (docs/diff-json.md): the view, serialised.
pub struct Json;

impl ComparisonFormat for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn about(&self) -> &'static str {
        "JSON (see docs/diff-json.md)"
    }

    fn extension(&self) -> &'static str {
        "json"
    }

    fn page(&self) -> Option<Page> {
        None
    }

    fn render(&self, diff: ReportDiff, new: &Report) -> Result<String, BuildError> {
        let view = view(&diff, new, &new.meta.organisation);
        let mut text = serde_json::to_string_pretty(&view)
            .map_err(|e| BuildError::Template(tr!("format-json-failed", error = e.to_string())))?;
        text.push('\n');
        Ok(text)
    }
}

/// A comparison page rendered with the built-in templates.
fn rendered(
    render: impl FnOnce(&Renderer) -> anyhow::Result<String>,
) -> Result<String, BuildError> {
    let renderer = Renderer::new(None).map_err(|e| BuildError::template(&e))?;
    render(&renderer).map_err(|e| BuildError::template(&e))
}
