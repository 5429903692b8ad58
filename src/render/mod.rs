//! Render stage: Tera templates turn a [`ReportView`] into Typst source and into HTML.
//!
//! Two Tera instances: HTML templates autoescape for HTML, Typst templates autoescape with the
//! Typst escaper, so every interpolated string is escaped for its target unless a template says
//! `| safe` (used only for Markdown our own writers produced). Templates are embedded in the
//! binary; a report folder may override any of them from its own `templates/` folder.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use tera::Tera;

pub mod comparison;
mod guard;
mod images;

use crate::markdown;
use crate::view::ReportView;

/// The built-in templates, by name.
const BUILTIN: &[(&str, &str)] = &[
    ("report.typ.tera", include_str!("../../templates/report.typ.tera")),
    ("blocks.typ.tera", include_str!("../../templates/blocks.typ.tera")),
    ("chart.typ.tera", include_str!("../../templates/chart.typ.tera")),
    ("chart.html.tera", include_str!("../../templates/chart.html.tera")),
    ("report.html.tera", include_str!("../../templates/report.html.tera")),
    ("blocks.html.tera", include_str!("../../templates/blocks.html.tera")),
    ("style.css.tera", include_str!("../../templates/style.css.tera")),
    ("diff.html.tera", include_str!("../../templates/diff.html.tera")),
    ("diff.txt.tera", include_str!("../../templates/diff.txt.tera")),
    ("diff.md.tera", include_str!("../../templates/diff.md.tera")),
    ("index.html.tera", include_str!("../../templates/index.html.tera")),
];

/// Parsed templates for both targets, ready to render any number of reports.
pub struct Renderer {
    typst: Tera,
    html: Tera,
}

impl Renderer {
    /// Parses the built-in templates, each replaced by a file of the same name in
    /// `overrides` (a report's `templates/` folder) when one exists.
    pub fn new(overrides: Option<&Path>) -> Result<Self> {
        let mut sources: HashMap<&str, String> =
            BUILTIN.iter().map(|(name, text)| (*name, (*text).to_string())).collect();
        if let Some(dir) = overrides.filter(|d| d.is_dir()) {
            check_overrides_folder(dir)?;
            for (name, text) in &mut sources {
                let path = dir.join(name);
                if path.is_file() {
                    *text = read_override(dir, &path)?;
                }
            }
        }
        let pick = |suffixes: &[&str]| -> Vec<(String, String)> {
            sources
                .iter()
                .filter(|(name, _)| suffixes.iter().any(|s| name.ends_with(s)))
                .map(|(name, text)| (name.to_string(), text.clone()))
                .collect()
        };

        let mut typst = Tera::default();
        typst.autoescape_on(vec![".typ.tera"]);
        typst.set_escape_fn(markdown::escape_typst);
        typst.register_filter("typst_str", typst_str_filter);
        typst.register_filter("typst_fr", typst_fr_filter);
        guard::restrict_functions(&mut typst);
        add_templates(&mut typst, pick(&[".typ.tera"]), overrides)?;

        let mut html = Tera::default();
        html.autoescape_on(vec![".html.tera"]);
        // Tera's own escaper also writes `/` as `&#x2F;`, which is legal but makes links unreadable.
        html.set_escape_fn(markdown::escape_html);
        guard::restrict_functions(&mut html);
        // The diff's text and Markdown templates live here too, without autoescape: their
        // strings are stripped of control characters before, and Markdown escaped with `md`.
        html.register_filter("cut", cut_filter);
        html.register_filter("md", markdown_filter);
        add_templates(
            &mut html,
            pick(&[".html.tera", ".css.tera", ".txt.tera", ".md.tera"]),
            overrides,
        )?;

        Ok(Renderer { typst, html })
    }

    /// The Typst source of a report.
    pub fn typst(&self, view: &ReportView) -> Result<String> {
        render(&self.typst, "report.typ.tera", view)
    }

    /// The self-contained HTML page of a report, holding each image it shows once.
    pub fn html(&self, view: &ReportView) -> Result<String> {
        Ok(images::embed(render(&self.html, "report.html.tera", view)?, &view.images))
    }

    /// The index page of `build --all`.
    pub fn index_html(&self, page: &impl serde::Serialize) -> Result<String> {
        render(&self.html, "index.html.tera", page)
    }

    /// The self-contained HTML page of a comparison of two years.
    pub fn diff_html(&self, page: &impl serde::Serialize) -> Result<String> {
        render(&self.html, "diff.html.tera", page)
    }

    /// A comparison of two years as text for a terminal.
    pub fn diff_text(&self, page: &impl serde::Serialize) -> Result<String> {
        render(&self.html, "diff.txt.tera", page)
    }

    /// A comparison of two years as Markdown.
    pub fn diff_markdown(&self, page: &impl serde::Serialize) -> Result<String> {
        render(&self.html, "diff.md.tera", page)
    }
}

/// Largest template override read.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// Reads a template override, refusing links out of the templates folder and oversized files.
fn read_override(dir: &Path, path: &Path) -> Result<String> {
    crate::sandbox::read_template(dir, path, MAX_TEMPLATE_BYTES)
}

fn add_templates(
    tera: &mut Tera,
    templates: Vec<(String, String)>,
    overrides: Option<&Path>,
) -> Result<()> {
    let place =
        overrides.map_or_else(String::new, |d| format!(" (overrides from `{}`)", d.display()));
    tera.add_raw_templates(templates).map_err(|e| {
        anyhow!("{}", error_chain(&e)).context(format!("failed to parse the templates{place}"))
    })?;
    guard::check_templates(tera).with_context(|| format!("invalid templates{place}"))
}

/// The overrides folder must be the report's own: a `templates` link to a folder elsewhere
/// would let a report read templates (and, through them, nothing else, but still) from
/// anywhere, and makes what a build reads depend on the machine.
fn check_overrides_folder(dir: &Path) -> Result<()> {
    let Some(report) = dir.parent() else { return Ok(()) };
    let report = if report.as_os_str().is_empty() { Path::new(".") } else { report };
    let failed = || format!("failed to read `{}`", dir.display());
    let report_real = report.canonicalize().with_context(failed)?;
    let real = dir.canonicalize().with_context(failed)?;
    if !real.starts_with(&report_real) {
        bail!(
            "the templates folder `{}` is a link to `{}`, outside the report folder `{}`",
            dir.display(),
            real.display(),
            report.display()
        );
    }
    Ok(())
}

fn render(tera: &Tera, name: &str, view: &impl serde::Serialize) -> Result<String> {
    let mut context = tera::Context::from_serialize(view)
        .map_err(|e| anyhow!("{}", error_chain(&e)))
        .context("failed to prepare the template context")?;
    // Every page gets the one palette, so that what the contrast tests check is what is drawn.
    context.insert("palette", &crate::view::PALETTE);
    let mut out = guard::Bounded(Vec::new());
    tera.render_to(name, &context, &mut out)
        .map_err(|e| anyhow!("{}", error_chain(&e)))
        .with_context(|| format!("failed to render template `{name}`"))?;
    // Templates are UTF-8 and so is every value in the context.
    String::from_utf8(out.0).context("a template wrote text that is not UTF-8")
}

/// Tera's errors put the useful part (which variable, which line) in their sources.
fn error_chain(error: &tera::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        parts.push(e.to_string());
        source = e.source();
    }
    parts.join(": ")
}

/// `{{ value | typst_str | safe }}`: a Typst string literal.
/// `{{ widths | typst_fr }}`: relative column widths (numbers) as Typst's `fr` lengths, e.g.
/// `[1.5, 3]` → `1.50fr, 3.00fr`; the view gives weights, the Typst side says what they mean.
fn typst_fr_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let weights = value.as_array().ok_or("typst_fr expects a list of numbers")?;
    let lengths: tera::Result<Vec<String>> = weights
        .iter()
        .map(|w| {
            let w = w.as_f64().ok_or("typst_fr expects a list of numbers")?;
            Ok(format!("{w:.2}fr"))
        })
        .collect();
    Ok(tera::Value::String(lengths?.join(", ")))
}

fn typst_str_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        tera::Value::Null => String::new(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(markdown::typst_string(&text)))
}

/// `{{ text | cut(n=70) }}`: at most `n` characters, with "…" when cut.
fn cut_filter(
    value: &tera::Value,
    args: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value.as_str().unwrap_or_default();
    let n = args
        .get("n")
        .and_then(tera::Value::as_u64)
        .ok_or_else(|| tera::Error::msg("`cut` needs a whole number `n`"))? as usize;
    let cut = if text.chars().count() <= n {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(n.saturating_sub(1)).collect::<String>().trim_end())
    };
    Ok(tera::Value::String(cut))
}

/// `{{ text | md }}`: text that Markdown shows as written (every character that could start
/// markup backslash-escaped).
fn markdown_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value.as_str().unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]<>()#+-.!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    Ok(tera::Value::String(out))
}
