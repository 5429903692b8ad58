//! Markdown text in content: the dialect every reader parses, the text with its place, and the
//! plain words made from it for labels, ids and messages.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::mask;

/// The Markdown dialect of content files: CommonMark plus GitHub's strikethrough, tables and
/// footnotes. Every reader of a
/// Markdown field (validation, the writers in `crate::markdown`, plain-text labels and
/// comparisons) parses it here, so that what is checked is what is shown. It lives with the model,
/// which the writers already depend on, so that the two folders do not import each other.
pub fn markdown_parser(markdown: &str) -> pulldown_cmark::Parser<'_> {
    use pulldown_cmark::Options;
    let options =
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    pulldown_cmark::Parser::new_ext(markdown, options)
}

/// Markdown text from a content file, with the place it was written.
#[derive(Clone, Debug, Deserialize)]
#[serde(from = "Spanned<String>")]
pub struct Markdown {
    /// The Markdown source.
    pub text: String,
    /// 1-based line of the scalar in its file (0 if unknown).
    pub line: usize,
    /// 1-based column of the scalar in its file (0 if unknown).
    pub column: usize,
}

impl From<Spanned<String>> for Markdown {
    fn from(spanned: Spanned<String>) -> Self {
        Markdown {
            text: spanned.value,
            line: spanned.referenced.line() as usize,
            column: spanned.referenced.column() as usize,
        }
    }
}

/// Text as an id: lower-case ASCII letters, digits and single `-`; `fallback` when nothing is
/// left.
pub(crate) fn slug_or(value: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in value.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { fallback.into() } else { out }
}

/// Markdown reduced to its words, without markup, whitespace folded: for labels, comparisons
/// and messages.
pub fn plain_words(markdown: &str) -> String {
    let mut text = String::new();
    let shown = mask::for_display(markdown);
    for event in markdown_parser(shown.as_deref().unwrap_or(markdown)) {
        match event {
            // Raw HTML is text in this dialect: every writer shows it as written.
            pulldown_cmark::Event::Text(t)
            | pulldown_cmark::Event::Code(t)
            | pulldown_cmark::Event::Html(t)
            | pulldown_cmark::Event::InlineHtml(t) => text.push_str(&t),
            pulldown_cmark::Event::SoftBreak
            | pulldown_cmark::Event::HardBreak
            | pulldown_cmark::Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `n` words of Markdown text, without its markup, with "…" when there are more.
pub(crate) fn first_words(markdown: &str, n: usize) -> String {
    let text = plain_words(markdown);
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = words.iter().take(n).copied().collect::<Vec<_>>().join(" ");
    if words.len() > n {
        out.push_str(" …");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Regression: labels and comparisons parsed Markdown without strikethrough, so a struck
    // word kept its tildes in plain text while the report showed it struck.
    #[test]
    fn plain_words_read_the_same_dialect_as_the_writers() {
        assert_eq!(plain_words("~~gammal~~ ny *text*"), "gammal ny text");
        // The writers show raw HTML as text, and so do the labels made from it.
        assert_eq!(plain_words("<b>Hur</b> #link(\"x\")"), "<b>Hur</b> #link(\"x\")");
    }

    #[test]
    fn first_words_drops_markup_and_shortens() {
        assert_eq!(first_words("**Detaljer** om `X` och mer text här", 4), "Detaljer om X och …");
        assert_eq!(first_words("Kort.", 8), "Kort.");
    }
}
