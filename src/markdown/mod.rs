//! Render stage helpers: Markdown from content files (pulldown-cmark events) written out as HTML
//! and as Typst markup by our own writers, and the escaping of plain text for both targets.
//!
//! Raw HTML in Markdown is never passed through: it is shown as text. Links other than http,
//! https and mailto are shown as their text only (the loader rejects them earlier).

pub mod docx;
mod html;
mod typst;

pub use html::{escape_html, image_id, to_html, to_html_with};
pub use typst::{
    MARK_END, MARK_START, escape_typst, field_key_at, source_key, to_typst, to_typst_with,
    typst_string,
};

/// A Markdown text's events with its footnotes' definitions taken out: the body, and each
/// definition's label and events, in the order written. Both writers place a footnote's text
/// where it is referred to (Typst) or after the text (HTML), not where it was defined.
pub(crate) type Footnotes<'a> = Vec<(String, Vec<pulldown_cmark::Event<'a>>)>;

pub(crate) fn split_footnotes(markdown: &str) -> (Vec<pulldown_cmark::Event<'_>>, Footnotes<'_>) {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut body = Vec::new();
    let mut notes: Footnotes<'_> = Vec::new();
    let mut depth = 0usize;
    for event in events(markdown) {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                depth += 1;
                if depth == 1 {
                    notes.push((label.to_string(), Vec::new()));
                }
            }
            Event::End(TagEnd::FootnoteDefinition) => depth = depth.saturating_sub(1),
            event if depth > 0 => {
                if let Some((_, events)) = notes.last_mut() {
                    events.push(event);
                }
            }
            event => body.push(event),
        }
    }
    (body, notes)
}

/// A Markdown text's events, its masked phrases (see [`crate::model::mask`]) as links to
/// [`crate::model::mask::MASK_SCHEME`], which the writers show as marked phrases.
pub(crate) fn events(markdown: &str) -> Box<dyn Iterator<Item = pulldown_cmark::Event<'_>> + '_> {
    match crate::model::mask::for_display(markdown) {
        None => Box::new(crate::model::markdown_parser(markdown)),
        Some(shown) => {
            let events: Vec<_> = crate::model::markdown_parser(&shown)
                .map(pulldown_cmark::Event::into_static)
                .collect();
            Box::new(events.into_iter())
        }
    }
}

/// The note shown after a masked phrase in the full edition, from its display link's target.
pub(crate) fn masked_note(dest_url: &str) -> String {
    let provision = crate::model::mask::display_provision(dest_url).filter(|p| !p.is_empty());
    crate::i18n::masked_phrase_note(crate::model::Language::default(), provision)
}

/// FNV-1a, a hash that is the same on every platform and in every build, for names derived from
/// content (image ids, Markdown source keys).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
/// `text` escaped for Markdown inline text: only what would be markup (emphasis, code, links,
/// HTML, tables, and at a line's start headings, list items and rules), so that it reads back
/// as exactly `text` (tested with the template filter `markdown` in `render`).
pub fn escape_markdown(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    // Where the current line's text starts, and whether all of it so far is digits.
    let (mut line_start, mut digits_only) = (true, true);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            // Anywhere: emphasis, code, links, HTML, tables, strikethrough, escapes.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '!' => next == Some('['),
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            // At the start of a line: headings, list items, block quotes, rules.
            '#' | '+' | '-' | '=' => line_start,
            // "1." or "1)" at the start of a line: an ordered list item.
            '.' | ')' => !line_start && digits_only && i > 0 && chars[i - 1].is_ascii_digit(),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        match c {
            '\n' | '\r' => (line_start, digits_only) = (true, true),
            ' ' | '\t' if line_start => {}
            _ => {
                digits_only &= c.is_ascii_digit();
                line_start = false;
            }
        }
    }
    out
}
