//! Markdown → HTML, and HTML escaping of plain text.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use crate::model::{Images, is_allowed_link, mask};

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // "8 §" is never broken over two lines.
            ' ' if chars.peek() == Some(&'§') => out.push('\u{a0}'),
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
    // Text with right-to-left letters gets `dir="auto"` on each block, so that a paragraph in
    // Arabic or Hebrew runs and aligns right to left while the page stays left to right.
    let dir = if has_rtl(markdown) { " dir=\"auto\"" } else { "" };
    let (body, notes) = super::split_footnotes(markdown);
    // Footnotes are numbered in the order they are referred to, and listed after the text; the
    // ids carry the text's key, so that two texts' footnotes on one page do not collide.
    let key = super::source_key(markdown);
    let mut referred: Vec<String> = Vec::new();
    let mut out = write(body, images, dir, &mut |label: &str| {
        if !notes.iter().any(|(l, _)| l == label) {
            return None;
        }
        let n = match referred.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                referred.push(label.to_string());
                referred.len()
            }
        };
        Some(format!(
            "<sup class=\"footnote-ref\"><a href=\"#fn-{key}-{n}\" id=\"fnref-{key}-{n}\">{n}</a></sup>"
        ))
    });
    if !referred.is_empty() {
        out.push_str("\n<ol class=\"footnotes\">\n");
        for (i, label) in referred.iter().enumerate() {
            let n = i + 1;
            let events = notes.iter().find(|(l, _)| l == label).map(|(_, e)| e.clone());
            let text = write(events.unwrap_or_default(), images, dir, &mut |_| None);
            let text =
                text.strip_prefix("<p>").and_then(|t| t.strip_suffix("</p>")).unwrap_or(&text);
            out.push_str(&format!(
                "<li id=\"fn-{key}-{n}\">{text} <a href=\"#fnref-{key}-{n}\" class=\"footnote-back\" \
                 aria-label=\"Tillbaka till texten\">↩</a></li>\n"
            ));
        }
        out.push_str("</ol>");
    }
    out
}

/// Writes Markdown events as HTML; `reference` gives the markup of a footnote reference (none
/// for a footnote that is not defined, which is shown as written).
fn write<'a>(
    events: impl IntoIterator<Item = Event<'a>>,
    images: &Images,
    dir: &str,
    reference: &mut dyn FnMut(&str) -> Option<String>,
) -> String {
    let mut out = String::new();
    // The image being read: its file and its description so far.
    let mut image: Option<(&crate::model::ImageFile, String)> = None;
    // Whether the link being written is shown as a link (or only as its text).
    // What ends each link being written: `</a>`, `</mark>` and the note of a masked phrase, or
    // nothing (a link shown only as its text).
    let mut link_stack: Vec<Option<String>> = Vec::new();
    // The alignment of each column of the table being written, and whether in its head.
    let mut columns: Vec<Alignment> = Vec::new();
    let (mut in_head, mut cell) = (false, 0usize);
    for event in events {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::HtmlBlock => out.push_str(&format!("<p{dir}>")),
                Tag::Table(alignments) => {
                    columns = alignments;
                    out.push_str(&format!(
                        "<div class=\"table-wrap\"><table class=\"md-table\"{dir}>\n"
                    ));
                }
                Tag::TableHead => {
                    in_head = true;
                    cell = 0;
                    out.push_str("<thead><tr>");
                }
                Tag::TableRow => {
                    cell = 0;
                    out.push_str("<tr>");
                }
                Tag::TableCell => {
                    let class = match columns.get(cell) {
                        Some(Alignment::Right) => " class=\"align-right\"",
                        Some(Alignment::Center) => " class=\"align-center\"",
                        _ => "",
                    };
                    cell += 1;
                    out.push_str(&if in_head {
                        format!("<th scope=\"col\"{class}>")
                    } else {
                        format!("<td{class}>")
                    });
                }
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
                    if let Some(lang) = mask::display_lang(&dest_url) {
                        out.push_str(&format!("<span lang=\"{}\">", escape_html(lang)));
                        link_stack.push(Some("</span>".into()));
                    } else if mask::display_provision(&dest_url).is_some() {
                        let note = super::masked_note(&dest_url);
                        out.push_str("<mark class=\"masked\">");
                        link_stack.push(Some(format!(
                            "</mark><small class=\"masked-note\"> ({})</small>",
                            escape_html(&note)
                        )));
                    } else if is_allowed_link(&dest_url) {
                        out.push_str(&format!("<a href=\"{}\">", escape_html(dest_url.trim())));
                        link_stack.push(Some("</a>".into()));
                    } else {
                        link_stack.push(None);
                    }
                }
                Tag::Image { dest_url, .. } => {
                    image = images.get(dest_url.as_ref()).map(|file| (file, String::new()));
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::HtmlBlock => out.push_str("</p>\n"),
                TagEnd::Table => out.push_str("</tbody></table></div>\n"),
                TagEnd::TableHead => {
                    in_head = false;
                    out.push_str("</tr></thead>\n<tbody>\n");
                }
                TagEnd::TableRow => out.push_str("</tr>\n"),
                TagEnd::TableCell => out.push_str(if in_head { "</th>" } else { "</td>" }),
                TagEnd::Heading(_) => out.push_str("</strong></p>\n"),
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</del>"),
                TagEnd::Link => {
                    if let Some(Some(end)) = link_stack.pop() {
                        out.push_str(&end);
                    }
                }
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
            Event::FootnoteReference(label) => match reference(&label) {
                Some(markup) => out.push_str(&markup),
                None => out.push_str(&escape_html(&format!("[^{label}]"))),
            },
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

    #[test]
    fn a_markdown_table_becomes_a_table_with_header_cells_and_alignment() {
        let html = to_html("| Område | Antal |\n|:--|--:|\n| <b>Kultur</b> | 9 |");
        assert_eq!(
            html,
            "<div class=\"table-wrap\"><table class=\"md-table\">\n<thead><tr><th \
             scope=\"col\">Område</th><th scope=\"col\" class=\"align-right\">Antal</th></tr>\
             </thead>\n<tbody>\n<tr><td>&lt;b&gt;Kultur&lt;/b&gt;</td><td \
             class=\"align-right\">9</td></tr>\n</tbody></table></div>"
        );
    }

    #[test]
    fn footnotes_are_numbered_as_referred_to_and_listed_after_the_text() {
        let markdown = "A.[^b] B.[^a]\n\n[^a]: Andra.\n[^b]: Första <i>.";
        let html = to_html(markdown);
        let key = super::super::source_key(markdown);
        assert!(html.starts_with(&format!(
            "<p>A.<sup class=\"footnote-ref\"><a href=\"#fn-{key}-1\" id=\"fnref-{key}-1\">1</a></sup> B."
        )), "{html}");
        assert!(
            html.contains(&format!(
                "<li id=\"fn-{key}-1\">Första &lt;i&gt;. <a href=\"#fnref-{key}-1\""
            )),
            "{html}"
        );
        assert!(html.contains(&format!("<li id=\"fn-{key}-2\">Andra. ")), "{html}");
        assert_eq!(to_html("Se [^saknas]."), "<p>Se [^saknas].</p>");
    }
}
