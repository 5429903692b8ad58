//! Render stage: Tera templates turn a [`ReportView`] into Typst source and into HTML.
//!
//! Two Tera instances: HTML templates autoescape for HTML, Typst templates autoescape with the
//! Typst escaper, so every interpolated string is escaped for its target unless a template says
//! `| safe` (used only for Markdown our own writers produced). Templates are embedded in the
//! binary; a report folder may override any of them from its own `templates/` folder.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use tera::Tera;

mod budget;
mod guard;
mod images;
mod web_fonts;

use crate::markdown;
use crate::tr;
use crate::view::ReportView;

/// The built-in templates, by name.
const BUILTIN: &[(&str, &str)] = &[
    ("report.typ.tera", include_str!("../../templates/report.typ.tera")),
    ("blocks.typ.tera", include_str!("../../templates/blocks.typ.tera")),
    ("chart.typ.tera", include_str!("../../templates/chart.typ.tera")),
    ("slides.typ.tera", include_str!("../../templates/slides.typ.tera")),
    ("chart.html.tera", include_str!("../../templates/chart.html.tera")),
    ("report.html.tera", include_str!("../../templates/report.html.tera")),
    ("blocks.html.tera", include_str!("../../templates/blocks.html.tera")),
    ("style.css.tera", include_str!("../../templates/style.css.tera")),
    ("diff.html.tera", include_str!("../../templates/diff.html.tera")),
    ("diff.txt.tera", include_str!("../../templates/diff.txt.tera")),
    ("diff.md.tera", include_str!("../../templates/diff.md.tera")),
    ("index.html.tera", include_str!("../../templates/index.html.tera")),
];

/// A page the renderer makes: the template it starts from and the built-in templates that one
/// includes, so that a build parses only what its pages need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// A report's Typst source.
    ReportTypst,
    /// A report's HTML page.
    ReportHtml,
    /// The slide deck of a report's meeting, as Typst source.
    Slides,
    /// The comparison of two years as an HTML page (`ledgen diff`, `build --all`).
    Diff,
    /// The comparison of two years as text for a terminal (`ledgen diff`).
    DiffText,
    /// The comparison of two years as Markdown (`ledgen diff --format markdown`).
    DiffMarkdown,
    /// The index page of `build --all`.
    Index,
}

impl Page {
    /// Every page, in the order of [`BUILTIN_PARSED`].
    pub const ALL: [Page; 7] = [
        Page::ReportTypst,
        Page::ReportHtml,
        Page::Slides,
        Page::Diff,
        Page::DiffText,
        Page::DiffMarkdown,
        Page::Index,
    ];

    /// The template rendering starts from.
    fn entry(self) -> &'static str {
        self.templates()[0]
    }

    /// The entry template and every template it includes, directly or not.
    fn templates(self) -> &'static [&'static str] {
        match self {
            Page::ReportTypst => &["report.typ.tera", "blocks.typ.tera", "chart.typ.tera"],
            Page::Slides => &["slides.typ.tera"],
            Page::ReportHtml => {
                &["report.html.tera", "blocks.html.tera", "chart.html.tera", "style.css.tera"]
            }
            Page::Diff => &["diff.html.tera", "style.css.tera"],
            Page::DiffText => &["diff.txt.tera"],
            Page::DiffMarkdown => &["diff.md.tera"],
            Page::Index => &["index.html.tera", "style.css.tera", "chart.html.tera"],
        }
    }

    fn target(self) -> Target {
        match self {
            Page::ReportTypst | Page::Slides => Target::Typst,
            // The diff's text and Markdown live with the HTML templates, without autoescape:
            // their strings are stripped of control characters before, and Markdown is escaped
            // with the `md` filter.
            Page::ReportHtml | Page::Diff | Page::DiffText | Page::DiffMarkdown | Page::Index => {
                Target::Html
            }
        }
    }

    fn index(self) -> usize {
        Page::ALL.iter().position(|p| *p == self).expect("every page is in `Page::ALL`")
    }
}

/// What a template writes, which decides how interpolated strings are escaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Typst,
    Html,
}

impl Target {
    /// The file names of the built-in templates of this target.
    fn suffixes(self) -> &'static [&'static str] {
        match self {
            Target::Typst => &[".typ.tera"],
            Target::Html => &[".html.tera", ".css.tera", ".txt.tera", ".md.tera"],
        }
    }

    /// A Tera instance set up for this target, without templates.
    fn tera(self) -> Tera {
        let mut tera = Tera::default();
        match self {
            Target::Typst => {
                tera.autoescape_on(vec![".typ.tera"]);
                tera.set_escape_fn(markdown::escape_typst);
                tera.register_filter("typst_str", typst_str_filter);
                tera.register_filter("typst_fr", typst_fr_filter);
            }
            Target::Html => {
                tera.autoescape_on(vec![".html.tera"]);
                // Tera's own escaper also writes `/` as `&#x2F;`, which is legal but makes links
                // unreadable.
                tera.set_escape_fn(markdown::escape_html);
                tera.register_filter("cut", cut_filter);
                tera.register_filter("md", markdown_filter);
            }
        }
        guard::restrict_functions(&mut tera);
        budget::bound_filters_and_functions(&mut tera);
        tera
    }
}

/// The built-in templates of each page, parsed the first time a page is rendered and then kept
/// for the life of the process: they are compiled in, so they never change, and every report
/// without overrides (and every worker of `build --all`) shares them. An error is kept as text,
/// as Tera's errors cannot be cloned; it would be a bug in a built-in template.
static BUILTIN_PARSED: [OnceLock<Result<Tera, String>>; Page::ALL.len()] =
    [const { OnceLock::new() }; Page::ALL.len()];

/// The built-in templates of `page`, parsed once per process.
fn builtin(page: Page) -> Result<&'static Tera> {
    let parsed = BUILTIN_PARSED[page.index()]
        .get_or_init(|| parse_builtin(page).map_err(|e| format!("{e:#}")));
    parsed.as_ref().map_err(|e| anyhow!("{e}"))
}

/// Starts parsing the built-in templates of `pages` (a report's HTML page and Typst source, a
/// comparison's text), each on a thread of its own, so that the parse overlaps loading and
/// comparing the content instead of following it. A build that needs a page's templates before
/// its parse is done waits for it rather than parsing them again. Does nothing for pages already
/// parsed (every build but a process's first), nor, beyond that, for a report with overrides.
pub fn prepare_pages(pages: &[Page]) {
    for &page in pages.iter().filter(|page| !is_parsed(**page)) {
        // Without a thread, the templates are parsed when first rendered, as always.
        let _ =
            std::thread::Builder::new().name("templates".into()).spawn(move || drop(builtin(page)));
    }
}

/// Whether the built-in templates of `page` have been parsed in this process.
fn is_parsed(page: Page) -> bool {
    BUILTIN_PARSED[page.index()].get().is_some()
}

/// Parses the built-in templates of `page`, anew: what the first build of a process pays for
/// each page it makes (the benchmarks measure it; builds use the parsed templates kept).
pub fn parse_builtin(page: Page) -> Result<Tera> {
    let templates = page
        .templates()
        .iter()
        .map(|name| {
            let (_, text) = BUILTIN
                .iter()
                .find(|(builtin, _)| builtin == name)
                .expect("every page's template is built in");
            (name.to_string(), text.to_string())
        })
        .collect();
    let mut tera = page.target().tera();
    add_templates(&mut tera, templates, None)?;
    Ok(tera)
}

/// Parsed templates for both targets, ready to render any number of reports.
pub struct Renderer {
    /// The templates of a report that overrides some: every template of both targets, parsed
    /// (and checked) together, as an override may include any other template. `None`: the
    /// built-in templates, parsed page by page when first needed ([`builtin`]).
    overridden: Option<Overridden>,
    /// How long one page may take to render.
    time_limit: Duration,
}

/// Every template of each target, with a report's overrides in place of the built-in ones.
struct Overridden {
    typst: Tera,
    html: Tera,
}

impl Renderer {
    /// The built-in templates, each replaced by a file of the same name in `overrides` (a
    /// report's `templates/` folder) when one exists. Without overrides this costs nothing: the
    /// built-in templates of a page are parsed when it is first rendered, once per process. With
    /// any override, all templates are parsed and checked here, so that a mistake in one is
    /// reported by the first build whatever it makes.
    pub fn new(overrides: Option<&Path>) -> Result<Self> {
        let Some(dir) = overrides.filter(|d| d.is_dir()) else {
            return Ok(Renderer { overridden: None, time_limit: DEFAULT_TIME_LIMIT });
        };
        check_overrides_folder(dir)?;
        let mut sources: Vec<(&str, String)> = Vec::new();
        let mut any = false;
        for (name, text) in BUILTIN {
            let path = dir.join(name);
            if path.is_file() {
                sources.push((name, read_override(dir, &path)?));
                any = true;
            } else {
                sources.push((name, (*text).to_string()));
            }
        }
        if !any {
            return Ok(Renderer { overridden: None, time_limit: DEFAULT_TIME_LIMIT });
        }
        let pick = |target: Target| -> Vec<(String, String)> {
            sources
                .iter()
                .filter(|(name, _)| target.suffixes().iter().any(|s| name.ends_with(s)))
                .map(|(name, text)| (name.to_string(), text.clone()))
                .collect()
        };
        let mut typst = Target::Typst.tera();
        add_templates(&mut typst, pick(Target::Typst), overrides)?;
        let mut html = Target::Html.tera();
        add_templates(&mut html, pick(Target::Html), overrides)?;
        Ok(Renderer {
            overridden: Some(Overridden { typst, html }),
            time_limit: DEFAULT_TIME_LIMIT,
        })
    }

    /// The templates that make `page`.
    fn tera(&self, page: Page) -> Result<&Tera> {
        match (&self.overridden, page.target()) {
            (Some(overridden), Target::Typst) => Ok(&overridden.typst),
            (Some(overridden), Target::Html) => Ok(&overridden.html),
            (None, _) => builtin(page),
        }
    }

    /// Sets how long one page may take to render (a build's `--timeout`).
    pub fn set_time_limit(&mut self, limit: Duration) {
        self.time_limit = limit;
    }

    fn render(&self, page: Page, view: &impl serde::Serialize) -> Result<String> {
        let tera = self.tera(page)?;
        budget::with_time_limit(self.time_limit, || render(tera, page.entry(), view))
    }

    /// The Typst source of a report.
    pub fn typst(&self, view: &ReportView) -> Result<String> {
        self.render(Page::ReportTypst, view)
    }

    /// The Typst source of a report's slide deck.
    pub fn slides(&self, view: &crate::view::SlidesView<'_>) -> Result<String> {
        self.render(Page::Slides, view)
    }

    /// The self-contained HTML page of a report, holding each image it shows once.
    pub fn html(&self, view: &ReportView) -> Result<String> {
        let html = images::embed(self.render(Page::ReportHtml, view)?, &view.images);
        Ok(web_fonts::embed(html))
    }

    /// The index page of `build --all`.
    pub fn index_html(&self, page: &impl serde::Serialize) -> Result<String> {
        Ok(web_fonts::embed(self.render(Page::Index, page)?))
    }

    /// The self-contained HTML page of a comparison of two years.
    pub fn diff_html(&self, page: &impl serde::Serialize) -> Result<String> {
        Ok(web_fonts::embed(self.render(Page::Diff, page)?))
    }

    /// A comparison of two years as text for a terminal.
    pub fn diff_text(&self, page: &impl serde::Serialize) -> Result<String> {
        self.render(Page::DiffText, page)
    }

    /// A comparison of two years as Markdown.
    pub fn diff_markdown(&self, page: &impl serde::Serialize) -> Result<String> {
        self.render(Page::DiffMarkdown, page)
    }
}

/// How long a page may take to render when the build does not say.
const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(crate::config::DEFAULT_TIMEOUT);

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
    let shown = overrides.map(|d| d.display().to_string());
    let parse_failed = || match &shown {
        Some(path) => tr!("render-parse-failed-overrides", path = path.as_str()),
        None => tr!("render-parse-failed"),
    };
    let invalid = || match &shown {
        Some(path) => tr!("render-invalid-templates-overrides", path = path.as_str()),
        None => tr!("render-invalid-templates"),
    };
    tera.add_raw_templates(templates)
        .map_err(|e| anyhow!("{}", error_chain(&e)).context(parse_failed()))?;
    guard::check_templates(tera).with_context(invalid)?;
    budget::instrument(tera).with_context(invalid)
}

/// The overrides folder must be the report's own: a `templates` link to a folder elsewhere
/// would let a report read templates (and, through them, nothing else, but still) from
/// anywhere, and makes what a build reads depend on the machine.
fn check_overrides_folder(dir: &Path) -> Result<()> {
    let Some(report) = dir.parent() else { return Ok(()) };
    let report = if report.as_os_str().is_empty() { Path::new(".") } else { report };
    let failed = || tr!("render-cannot-read-folder", path = dir.display().to_string());
    let report_real = crate::paths::real(report).with_context(failed)?;
    let real = crate::paths::real(dir).with_context(failed)?;
    if !real.starts_with(&report_real) {
        bail!(tr!(
            "render-templates-link-outside",
            path = dir.display().to_string(),
            target = real.display().to_string(),
            report = report.display().to_string()
        ));
    }
    Ok(())
}

fn render(tera: &Tera, name: &str, view: &impl serde::Serialize) -> Result<String> {
    let mut context = tera::Context::from_serialize(view)
        .map_err(|e| anyhow!("{}", error_chain(&e)))
        .with_context(|| tr!("render-context-failed"))?;
    // Every page gets the one palette, so that what the contrast tests check is what is drawn.
    context.insert("palette", &crate::view::PALETTE);
    let mut out = guard::Bounded(Vec::new());
    tera.render_to(name, &context, &mut out)
        .map_err(|e| anyhow!("{}", error_chain(&e)))
        .with_context(|| tr!("render-failed", name = name))?;
    // Templates are UTF-8 and so is every value in the context.
    String::from_utf8(out.0).with_context(|| tr!("render-not-utf8"))
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

/// `{{ value | typst_str | safe }}`: a Typst string literal.
/// `{{ widths | typst_fr }}`: relative column widths (numbers) as Typst's `fr` lengths, e.g.
/// `[1.5, 3]` → `1.50fr, 3.00fr`; the view gives weights, the Typst side says what they mean.
fn typst_fr_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let expects = || tera::Error::msg(tr!("render-typst-fr-expects-numbers"));
    let weights = value.as_array().ok_or_else(expects)?;
    let lengths: tera::Result<Vec<String>> = weights
        .iter()
        .map(|w| {
            let w = w.as_f64().ok_or_else(expects)?;
            Ok(format!("{w:.2}fr"))
        })
        .collect();
    Ok(tera::Value::String(lengths?.join(", ")))
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
        .ok_or_else(|| tera::Error::msg(tr!("render-cut-needs-n")))? as usize;
    Ok(tera::Value::String(crate::view::shortened(text, n)))
}

/// `{{ text | md }}`: text that Markdown shows as written: a backslash before each character
/// that would start markup where it stands, and before no other, so that the file reads as
/// plain prose ("kap. 8 §", "(fiktiv)").
fn markdown_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    Ok(tera::Value::String(crate::markdown::escape_markdown(value.as_str().unwrap_or_default())))
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::markdown::escape_markdown;

    #[test]
    fn markdown_escapes_only_what_would_be_markup() {
        assert_eq!(escape_markdown("18 kap. 8 § OSL (fiktiv)"), "18 kap. 8 § OSL (fiktiv)");
        assert_eq!(escape_markdown("a*b_c `d` [e](f) <g>"), "a\\*b\\_c \\`d\\` \\[e\\](f) \\<g\\>");
        assert_eq!(escape_markdown("# Rubrik - inte lista"), "\\# Rubrik - inte lista");
        assert_eq!(escape_markdown("- punkt"), "\\- punkt");
        assert_eq!(escape_markdown("2024. Året"), "2024\\. Året");
        assert_eq!(escape_markdown("år 2024. Året"), "år 2024. Året");
        assert_eq!(escape_markdown("![bild] &amp; & x"), "\\!\\[bild\\] \\&amp; & x");
        assert_eq!(escape_markdown("a | b ~~c~~"), "a \\| b \\~\\~c\\~\\~");
        // Every escaped text reads back, through a Markdown parser, as the text itself.
        for text in ["1) x", "+ y", "= z", "a\\b", "<!-- c -->", "x\n- y", "[^1]", "*a* _b_"] {
            use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
            let escaped = escape_markdown(text);
            let mut read = String::new();
            for event in
                Parser::new_ext(&escaped, Options::all() - Options::ENABLE_SMART_PUNCTUATION)
            {
                match event {
                    Event::Text(t) => read.push_str(&t),
                    Event::SoftBreak => read.push('\n'),
                    Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                    other => panic!("{text:?} escaped as {escaped:?} reads as markup: {other:?}"),
                }
            }
            assert_eq!(read, text, "{escaped:?}");
        }
    }

    // Each page parses only its own templates: one it includes but does not list would be
    // missing when the page is rendered.
    #[test]
    fn each_page_lists_every_template_it_includes() {
        for page in Page::ALL {
            let tera = builtin(page).expect("the built-in templates parse");
            for name in page.templates() {
                for included in guard::included(tera, name) {
                    assert!(
                        page.templates().contains(&included.as_str()),
                        "{page:?}: `{name}` includes `{included}`, which it does not list"
                    );
                }
            }
        }
    }

    #[test]
    fn every_builtin_template_belongs_to_a_page() {
        for (name, _) in BUILTIN {
            assert!(
                Page::ALL.iter().any(|p| p.templates().contains(name)),
                "`{name}` is parsed for no page"
            );
        }
    }

    #[test]
    fn a_templates_folder_without_overrides_uses_the_builtin_templates() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("templates");
        fs::create_dir(&templates).unwrap();
        fs::write(templates.join("README.md"), "not a template").unwrap();
        assert!(Renderer::new(Some(&templates)).unwrap().overridden.is_none());
        fs::write(templates.join("diff.html.tera"), "{{ nonsense").unwrap();
        // One broken override fails the renderer whatever page a build makes.
        let error = Renderer::new(Some(&templates)).err().expect("a parse error");
        assert!(format!("{error:#}").contains("failed to parse the templates"), "{error:#}");
    }
}
