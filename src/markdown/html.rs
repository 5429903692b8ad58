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

/// The HTML id (and class) of an image's one copy in a page, from its bytes, so that the same
/// image under two paths is stored once too. The
/// underscore keeps it apart from every content id (those use a-z, 0-9 and `-`).
pub fn image_id(bytes: &[u8]) -> String {
    format!("image_{:016x}", super::fnv1a(bytes))
}

/// Whether `text` holds a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko
/// and their presentation forms, and the historic ones of the supplementary planes).
fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
                | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
            && c != '\u{FEFF}'
    })
}

/// Converts content Markdown into an HTML fragment. Images are shown as their description.
pub fn to_html(markdown: &str) -> String {
    to_html_with(markdown, &Images::new())
}

/// [`to_html`], showing the images in `images` as references to the page's one copy of each
/// (an SVG `<use>` of the symbol [`image_id`] names), which the renderer adds to the page.
pub fn to_html_with(markdown: &str, images: &Images) -> String {
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    // The image being read: its file and its description so far.
    let mut image: Option<(&crate::model::ImageFile, String)> = None;
    // Whether the link being written is shown as a link (or only as its text).
    let mut link_stack: Vec<bool> = Vec::new();
    // Text with right-to-left letters gets `dir="auto"` on each block, so that a paragraph in
    // Arabic or Hebrew runs and aligns right to left while the page stays left to right.
    let dir = if has_rtl(markdown) { " dir=\"auto\"" } else { "" };
    for event in crate::model::markdown_parser(markdown) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::HtmlBlock => out.push_str(&format!("<p{dir}>")),
                // Headings inside content text must not disturb the document outline.
                Tag::Heading { .. } => {
                    out.push_str(&format!("<p class=\"md-heading\"{dir}><strong>"));
                }
                Tag::BlockQuote(_) => out.push_str(&format!("<blockquote{dir}>")),
                Tag::CodeBlock(_) => out.push_str("<pre><code>"),
                Tag::List(Some(1)) => out.push_str("<ol>\n"),
                Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">\n")),
                Tag::List(None) => out.push_str("<ul>\n"),
                Tag::Item => out.push_str(&format!("<li{dir}>")),
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
                        // Only a reference: the page holds each distinct image once (see
                        // `render::images`), however often the content shows it.
                        let id = image_id(&file.bytes);
                        out.push_str(&format!(
                            "<svg class=\"md-image {id}\" role=\"img\" aria-label=\"{}\">\
                             <use href=\"#{id}\"/></svg>",
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
    fn an_image_is_a_labelled_reference_to_its_one_copy() {
        let mut images = Images::new();
        let file = crate::model::ImageFile { mime: "image/png", bytes: b"png".to_vec() };
        images.insert("a.png".into(), file);
        let id = image_id(b"png");
        assert_eq!(
            to_html_with("![Karta \"A\"](a.png)", &images),
            format!(
                "<p><svg class=\"md-image {id}\" role=\"img\" aria-label=\"Karta &quot;A&quot;\">\
                 <use href=\"#{id}\"/></svg></p>"
            )
        );
    }

    #[test]
    fn right_to_left_text_gets_an_automatic_direction_per_block() {
        assert_eq!(
            to_html("שלום עולם\n\n- مرحبا\n- x"),
            "<p dir=\"auto\">שלום עולם</p>\n<ul>\n<li dir=\"auto\">مرحبا</li>\n<li dir=\"auto\">x</li>\n</ul>"
        );
        assert_eq!(to_html("Svensk text"), "<p>Svensk text</p>");
    }

    #[test]
    fn headings_do_not_become_document_headings() {
        assert_eq!(to_html("# Rubrik"), "<p class=\"md-heading\"><strong>Rubrik</strong></p>");
    }
}
