//! Markdown → HTML, and HTML escaping of plain text.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::model::{Images, is_allowed_link};

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text; keep the line-like ones as space.
            '\n' | '\t' | '\r' => out.push(c),
            '\u{b}' | '\u{c}' | '\u{85}' | '\u{1c}'..='\u{1f}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Converts content Markdown into an HTML fragment. Images are shown as their description.
pub fn to_html(markdown: &str) -> String {
    to_html_with(markdown, &Images::new())
}

/// [`to_html`], embedding the images in `images` as `data:` URLs so the page stays
/// self-contained.
pub fn to_html_with(markdown: &str, images: &Images) -> String {
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    // The image being read: its file and its description so far.
    let mut image: Option<(&crate::model::ImageFile, String)> = None;
    // Whether the link being written is shown as a link (or only as its text).
    let mut link_stack: Vec<bool> = Vec::new();
    for event in super::parser(markdown) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::HtmlBlock => out.push_str("<p>"),
                // Headings inside content text must not disturb the document outline.
                Tag::Heading { .. } => out.push_str("<p class=\"md-heading\"><strong>"),
                Tag::BlockQuote(_) => out.push_str("<blockquote>"),
                Tag::CodeBlock(_) => out.push_str("<pre><code>"),
                Tag::List(Some(1)) => out.push_str("<ol>\n"),
                Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">\n")),
                Tag::List(None) => out.push_str("<ul>\n"),
                Tag::Item => out.push_str("<li>"),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Strikethrough => out.push_str("<del>"),
                Tag::Link { dest_url, .. } => {
                    let allowed = is_allowed_link(&dest_url);
                    if allowed {
                        out.push_str(&format!("<a href=\"{}\">", escape_html(dest_url.trim())));
                    }
                    link_stack.push(allowed);
                }
                Tag::Image { dest_url, .. } => {
                    image = images.get(dest_url.as_ref()).map(|file| (file, String::new()));
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::HtmlBlock => out.push_str("</p>\n"),
                TagEnd::Heading(_) => out.push_str("</strong></p>\n"),
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</del>"),
                TagEnd::Link if link_stack.pop() == Some(true) => out.push_str("</a>"),
                TagEnd::Image => {
                    if let Some((file, alt)) = image.take() {
                        use base64::Engine;
                        let data = base64::engine::general_purpose::STANDARD.encode(&file.bytes);
                        out.push_str(&format!(
                            "<img src=\"data:{};base64,{data}\" alt=\"{}\">",
                            file.mime,
                            escape_html(alt.trim())
                        ));
                    }
                }
                _ => {}
            },
            Event::Text(text) if image.is_some() => {
                if let Some((_, alt)) = &mut image {
                    alt.push_str(&text);
                }
            }
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                out.push_str(&escape_html(&text));
            }
            Event::Code(code) => {
                out.push_str("<code>");
                out.push_str(&escape_html(&code));
                out.push_str("</code>");
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            _ => {}
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let html = to_html("Ett *två* **tre**\n\n- a\n- b");
        assert_eq!(
            html,
            "<p>Ett <em>två</em> <strong>tre</strong></p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
        );
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("<script>alert(1)</script>\n\nx <b>y</b>");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(html.contains("&lt;b&gt;y&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn only_safe_links_become_anchors() {
        assert_eq!(
            to_html("[MSB](https://www.msb.se/?a=1&b=\"2\")"),
            "<p><a href=\"https://www.msb.se/?a=1&amp;b=&quot;2&quot;\">MSB</a></p>"
        );
        assert_eq!(to_html("[x](javascript:alert(1))"), "<p>x</p>");
    }

    #[test]
    fn headings_do_not_become_document_headings() {
        assert_eq!(to_html("# Rubrik"), "<p class=\"md-heading\"><strong>Rubrik</strong></p>");
    }
}
