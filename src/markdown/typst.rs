//! Markdown → Typst markup, and escaping of plain text for Typst markup and string literals.
//!
//! Everything a user wrote reaches Typst either as escaped markup text (every ASCII punctuation
//! character backslash-escaped, so nothing can start markup, code, math, a label or a comment)
//! or inside a string literal; formatting comes only from function calls this writer emits.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use crate::model::{Images, is_allowed_link, mask};

/// Escapes plain text for Typst markup. Line breaks become spaces: plain fields are one line.
pub fn escape_typst(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text, true);
    out
}

/// Writes `text` into `out` escaped for markup; `fold_lines` turns line breaks into spaces.
fn push_escaped(out: &mut String, text: &str, fold_lines: bool) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // "8 §" is never broken over two lines.
            ' ' if chars.peek() == Some(&'§') => out.push('\u{a0}'),
            // U+2028 and U+2029 are line and paragraph separators: line breaks too.
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' if fold_lines => out.push(' '),
            '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.extend(control_replacement(c)),
            BOM => {}
            c => out.push(c),
        }
    }
}

/// U+FEFF inside text (a byte-order mark left over from joining files, or the old zero-width
/// no-break space) shows nothing, and PDF/A forbids it in the text layer: it is left out.
const BOM: char = '\u{FEFF}';

/// What a control character other than line feed, carriage return and tab is written as. Control
/// characters have no glyph and no meaning in a report, and PDF/A forbids text without a glyph
/// (the embedded font has none for them, nor for U+FFFD): the ones that separate lines or pages
/// (vertical tab, which Word writes for a manual line break, form feed, next line, the
/// information separators) become a space, the others are left out.
fn control_replacement(c: char) -> Option<char> {
    matches!(c, '\u{b}' | '\u{c}' | '\u{85}' | '\u{1c}'..='\u{1f}').then_some(' ')
}

/// Quotes plain text as a Typst string literal. Such strings are shown as text (the title, a
/// status word), so they are treated as in markup: line breaks and tabs become spaces (plain
/// fields are one line, and a tab has no glyph, which PDF/A does not allow), other control
/// characters are replaced as [`control_replacement`] says.
pub fn typst_string(text: &str) -> String {
    string_literal(text, false)
}

/// Quotes text as a Typst string literal; `exact` keeps line breaks and tabs (for code, which
/// `raw` lays out itself), otherwise they become spaces.
fn string_literal(text: &str, exact: bool) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            // `/*` would look like the comments that map generated markup back to content
            // (see [`field_key_at`]); the escape keeps the string's value.
            '*' if out.ends_with('/') => out.push_str("\\u{2a}"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' if !exact => out.push(' '),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.extend(control_replacement(c)),
            BOM => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An open construct whose closing text depends on how it was opened.
enum Open {
    /// A list or enum call: `#list(` … `)`.
    List,
    /// A content argument or block: `[` … `]`.
    Bracket,
    /// A masked phrase (see [`crate::model::mask`]): `[` … `]` and its note in parentheses.
    Masked(String),
    /// A link whose target is not allowed, or a construct nested too deeply: only its text is
    /// written.
    Nothing,
}

/// Converts content Markdown into Typst markup, usable as the body of a content block `[...]`.
/// Images are shown as their description.
pub fn to_typst(markdown: &str) -> String {
    convert(markdown, &Images::new())
}

/// [`to_typst`], showing the images in `images` (validated files inside the report folder,
/// which the Typst world serves by the same relative path), between two comments that name the
/// Markdown (`/*md:<key>*/` … `/*end*/`, the key from [`source_key`]): a Typst error inside can
/// then be traced back to the content file, line and column the Markdown was written at.
pub fn to_typst_with(markdown: &str, images: &Images) -> String {
    let body = convert(markdown, images);
    format!("{MARK_START}{}*/{body}{MARK_END}", source_key(markdown))
}

/// Opens the comment before the Typst markup of a Markdown field; the key and `*/` follow.
pub const MARK_START: &str = "/*md:";
/// The comment after the Typst markup of a Markdown field.
pub const MARK_END: &str = "/*end*/";

/// The key of the Markdown field whose markup holds byte `offset` of a generated Typst source:
/// the nearest [`MARK_START`] before it whose [`MARK_END`] is not yet reached. User text cannot
/// forge either comment: in markup `/` and `*` are escaped, and in string literals (code) the
/// writer escapes `/*`, so only its own comments hold them.
pub fn field_key_at(source: &str, offset: usize) -> Option<&str> {
    let open = source.get(..offset)?.rfind(MARK_START)? + MARK_START.len();
    let key_end = open + source[open..].find("*/")?;
    let close = key_end + source[key_end..].find(MARK_END)?;
    // The nearest field opened before the place must still be open there.
    (close >= offset).then(|| &source[open..key_end])
}

/// The key that names a Markdown text in [`to_typst_with`]'s comments.
pub fn source_key(markdown: &str) -> String {
    format!("{:016x}", super::fnv1a(markdown.as_bytes()))
}

/// Converts Markdown into Typst markup: each footnote's text in a `#footnote` where it is
/// referred to.
fn convert(markdown: &str, images: &Images) -> String {
    let (body, notes) = super::split_footnotes(markdown);
    let notes: HashMap<String, String> = notes
        .into_iter()
        .map(|(label, events)| (label, write(events, images, &HashMap::new())))
        .collect();
    write(body, images, &notes)
}

/// Writes Markdown events as Typst markup; `notes` holds each footnote's text, as markup.
fn write<'a>(
    events: impl IntoIterator<Item = Event<'a>>,
    images: &Images,
    notes: &HashMap<String, String>,
) -> String {
    let mut out = String::new();
    let mut stack: Vec<Open> = Vec::new();
    // The image being read: its path and description, written out as one call at its end.
    let mut image: Option<(String, String)> = None;
    // The text of the code block being read, written out as one string literal at its end.
    let mut code: Option<String> = None;
    for event in events {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {}
                Tag::Table(alignments) => {
                    let align: Vec<&str> = alignments.iter().map(|a| alignment(*a)).collect();
                    let call = format!(
                        "#table(columns: {}, inset: 5pt, stroke: 0.5pt + luma(160), fill: (_, y) \
                         => if y == 0 {{ luma(232) }}, align: ({},), ",
                        align.len().max(1),
                        align.join(", ")
                    );
                    open(&mut out, &mut stack, &call, Open::List);
                }
                Tag::TableHead if matches!(stack.last(), Some(Open::List)) => {
                    open(&mut out, &mut stack, "table.header(", Open::List);
                }
                Tag::TableHead => stack.push(Open::Nothing),
                Tag::TableRow => {}
                // A cell of a table written as a call is one of its content arguments.
                Tag::TableCell if matches!(stack.last(), Some(Open::List)) => {
                    out.push('[');
                    stack.push(Open::Bracket);
                }
                Tag::TableCell => stack.push(Open::Nothing),
                Tag::Heading { .. } => open(&mut out, &mut stack, "#strong[", Open::Bracket),
                Tag::BlockQuote(_) => {
                    open(&mut out, &mut stack, "#quote(block: true)[", Open::Bracket);
                }
                Tag::CodeBlock(_) => code = Some(String::new()),
                Tag::List(start) => {
                    let call = match start {
                        Some(n) => format!("#enum(start: {n}, "),
                        None => "#list(".to_string(),
                    };
                    open(&mut out, &mut stack, &call, Open::List);
                }
                // An item of a list written as a call is one of its content arguments; an item of
                // a list nested too deeply to be written as one is only its text.
                Tag::Item if matches!(stack.last(), Some(Open::List)) => {
                    out.push('[');
                    stack.push(Open::Bracket);
                }
                Tag::Item => stack.push(Open::Nothing),
                Tag::Emphasis => open(&mut out, &mut stack, "#emph[", Open::Bracket),
                Tag::Strong => open(&mut out, &mut stack, "#strong[", Open::Bracket),
                Tag::Strikethrough => open(&mut out, &mut stack, "#strike[", Open::Bracket),
                Tag::Link { dest_url, .. } if mask::display_lang(&dest_url).is_some() => {
                    // Typst takes the language and the region apart: `en-GB` is `en` and `GB`.
                    let tag = mask::display_lang(&dest_url).unwrap_or_default();
                    let mut parts = tag.split('-');
                    let language = parts.next().filter(|l| (2..=3).contains(&l.len()));
                    let region = parts.next().filter(|r| r.len() == 2 && tag.len() > 3);
                    let call = match (language, region) {
                        (Some(l), Some(r)) => format!(
                            "#text(lang: {}, region: {})[",
                            typst_string(&l.to_lowercase()),
                            typst_string(&r.to_uppercase())
                        ),
                        // Not the report's region: "en", not "en-SE".
                        (Some(l), None) => {
                            format!(
                                "#text(lang: {}, region: none)[",
                                typst_string(&l.to_lowercase())
                            )
                        }
                        (None, _) => "#[".to_string(),
                    };
                    open(&mut out, &mut stack, &call, Open::Bracket);
                }
                Tag::Link { dest_url, .. } if mask::display_provision(&dest_url).is_some() => {
                    let note = super::masked_note(&dest_url);
                    let call = "#highlight(fill: rgb(\"#e4d7f0\"))[";
                    open(&mut out, &mut stack, call, Open::Masked(note));
                }
                Tag::Link { dest_url, .. } => {
                    if is_allowed_link(&dest_url) {
                        let call = format!("#link({})[", typst_string(dest_url.trim()));
                        open(&mut out, &mut stack, &call, Open::Bracket);
                    } else {
                        stack.push(Open::Nothing);
                    }
                }
                Tag::Image { dest_url, .. } if images.contains_key(dest_url.as_ref()) => {
                    image = Some((dest_url.to_string(), String::new()));
                    stack.push(Open::Nothing);
                }
                Tag::Image { .. } => stack.push(Open::Nothing),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::HtmlBlock => out.push_str("\n\n"),
                TagEnd::Table => {
                    trim_trailing_space(&mut out);
                    close(&mut out, &mut stack);
                    out.push_str("\n\n");
                }
                TagEnd::TableHead | TagEnd::TableCell => {
                    trim_trailing_space(&mut out);
                    let argument = !matches!(stack.last(), Some(Open::Nothing));
                    close(&mut out, &mut stack);
                    out.push_str(if argument { ", " } else { " " });
                }
                TagEnd::TableRow => {}
                TagEnd::Heading(_) | TagEnd::BlockQuote(_) => {
                    close(&mut out, &mut stack);
                    out.push_str("\n\n");
                }
                TagEnd::CodeBlock => {
                    let text = code.take().unwrap_or_default();
                    out.push_str("#raw(block: true, ");
                    out.push_str(&string_literal(text.trim_end_matches('\n'), true));
                    out.push_str(")\n\n");
                }
                TagEnd::List(_) => {
                    trim_trailing_space(&mut out);
                    close(&mut out, &mut stack);
                    out.push_str("\n\n");
                }
                TagEnd::Item => {
                    trim_trailing_space(&mut out);
                    let argument = matches!(stack.last(), Some(Open::Bracket));
                    close(&mut out, &mut stack);
                    out.push_str(if argument { ", " } else { " " });
                }
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                    close(&mut out, &mut stack);
                }
                TagEnd::Image => {
                    stack.pop();
                    if let Some((url, alt)) = image.take() {
                        out.push_str(&format!(
                            "#image({}, alt: {})",
                            typst_string(&url),
                            typst_string(alt.trim())
                        ));
                    }
                }
                _ => {}
            },
            Event::Text(text) => match (&mut code, &mut image) {
                (Some(code), _) => code.push_str(&text),
                (None, Some((_, alt))) => alt.push_str(&text),
                (None, None) => push_escaped(&mut out, &text, true),
            },
            Event::Html(text) | Event::InlineHtml(text) => {
                push_escaped(&mut out, &text, true);
            }
            Event::Code(code) => {
                out.push_str("#raw(");
                out.push_str(&string_literal(&code, true));
                out.push(')');
            }
            Event::FootnoteReference(label) => match notes.get(label.as_ref()) {
                Some(note) => {
                    out.push_str("#footnote[");
                    out.push_str(note);
                    out.push(']');
                }
                None => push_escaped(&mut out, &format!("[^{label}]"), true),
            },
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => out.push_str("#line(length: 100%)\n\n"),
            _ => {}
        }
    }
    trim_trailing_space(&mut out);
    out
}

/// A table column's alignment as Typst names it.
fn alignment(alignment: Alignment) -> &'static str {
    match alignment {
        Alignment::None | Alignment::Left => "left",
        Alignment::Center => "center",
        Alignment::Right => "right",
    }
}

/// Most constructs written as calls inside one another. Typst's parser gives up at 256 levels of
/// nesting, which deeply nested Markdown (`>>>>…`, lists in lists) would reach, and no report
/// nests a tenth of this; deeper constructs are written as their content only.
const MAX_NESTING: usize = 32;

/// Opens a construct by writing `call`, unless it is nested too deeply. A list needs room for
/// its items too, which must be written as its arguments.
fn open(out: &mut String, stack: &mut Vec<Open>, call: &str, kind: Open) {
    let levels = if matches!(kind, Open::List) { 2 } else { 1 };
    if stack.len() + levels <= MAX_NESTING {
        out.push_str(call);
        stack.push(kind);
    } else {
        stack.push(Open::Nothing);
    }
}

fn close(out: &mut String, stack: &mut Vec<Open>) {
    match stack.pop() {
        Some(Open::List) => out.push(')'),
        Some(Open::Bracket) => out.push(']'),
        Some(Open::Masked(note)) => {
            out.push_str(&format!("]#text(size: 0.8em, {})", typst_string(&format!(" ({note})"))));
        }
        Some(Open::Nothing) | None => {}
    }
}

fn trim_trailing_space(out: &mut String) {
    let trimmed = out.trim_end_matches([' ', '\n', ',']).len();
    // Keep an escaped trailing comma or space: `\,` must not lose its comma.
    let keep = if out[..trimmed].ends_with('\\') { trimmed + 1 } else { trimmed };
    out.truncate(keep.min(out.len()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::syntax::{SyntaxKind, SyntaxNode, parse};

    /// Every leaf of `markup` parsed as Typst, outside function calls we emit.
    fn leaf_kinds(node: &SyntaxNode, kinds: &mut Vec<SyntaxKind>) {
        if node.children().len() == 0 {
            kinds.push(node.kind());
        }
        for child in node.children() {
            leaf_kinds(child, kinds);
        }
    }

    const HOSTILE: &str = "#read(\"/etc/passwd\") $x$ *a* _b_ @ref <lbl> // x /* y */ = H \
        - item + item 1. one / term: x `raw` \\ ~ -- ... 'q' \"q\" [c] {d} (e) https://x.se \
        <script>alert(1)</script> \u{202e}rtl \u{301}é 👍";

    #[test]
    fn escaped_text_parses_as_text_only() {
        let escaped = escape_typst(HOSTILE);
        let root = parse(&escaped);
        assert!(root.errors_and_warnings().0.is_empty(), "{:?}", root.errors_and_warnings().0);
        let mut kinds = Vec::new();
        leaf_kinds(&root, &mut kinds);
        for kind in kinds {
            assert!(
                matches!(kind, SyntaxKind::Text | SyntaxKind::Space | SyntaxKind::Escape),
                "unexpected {kind:?} in {escaped}"
            );
        }
    }

    #[test]
    fn escaped_text_keeps_every_character() {
        let escaped = escape_typst(HOSTILE);
        let root = parse(&escaped);
        let mut text = String::new();
        fn collect(node: &SyntaxNode, text: &mut String) {
            match node.kind() {
                SyntaxKind::Escape => text.push_str(&node.leaf_text()[1..]),
                SyntaxKind::Text | SyntaxKind::Space => text.push_str(node.leaf_text()),
                _ => node.children().for_each(|c| collect(c, text)),
            }
        }
        collect(&root, &mut text);
        assert_eq!(text, HOSTILE);
    }

    #[test]
    fn string_literal_round_trips() {
        assert_eq!(string_literal("a/*md:0*/", true), "\"a/\\u{2a}md:0*/\"");
        let literal = string_literal("a \"b\" \\ c\nd\te", true);
        assert_eq!(literal, "\"a \\\"b\\\" \\\\ c\\nd\\te\"");
        assert_eq!(typst_string("a \"b\" \\ c\nd\te"), "\"a \\\"b\\\" \\\\ c d e\"");
        let root = typst::syntax::parse_code(&literal);
        assert!(root.errors_and_warnings().0.is_empty());
    }

    #[test]
    fn markdown_formatting_becomes_function_calls() {
        assert_eq!(to_typst("Ett *två* **tre**"), "Ett #emph[två] #strong[tre]");
        assert_eq!(to_typst("a\n\nb"), "a\n\nb");
        assert_eq!(to_typst("- a\n- b *c*"), "#list([a], [b #emph[c]])");
        assert_eq!(to_typst("3. a\n4. b"), "#enum(start: 3, [a], [b])");
        assert_eq!(to_typst("[MSB](https://www.msb.se)"), "#link(\"https://www.msb.se\")[MSB]");
        assert_eq!(to_typst("[x](/etc/passwd)"), "x");
        assert_eq!(to_typst("`a#b`"), "#raw(\"a#b\")");
    }

    #[test]
    fn markdown_with_typst_syntax_parses_without_errors() {
        let out =
            to_typst(&format!("{HOSTILE}\n\n- {HOSTILE}\n\n> {HOSTILE}\n\n```\n{HOSTILE}\n```"));
        let root = parse(&out);
        let errors = root.errors_and_warnings().0;
        assert!(
            errors.is_empty(),
            "{:?}\n{out}",
            errors.iter().map(|e| &e.message).collect::<Vec<_>>()
        );
        // The only code in the output is the calls this writer emits.
        fn callees(node: &SyntaxNode, names: &mut Vec<String>) {
            if node.kind() == SyntaxKind::FuncCall
                && let Some(callee) = node.children().next()
            {
                names.push(callee.full_text().to_string());
            }
            node.children().for_each(|c| callees(c, names));
        }
        let mut names = Vec::new();
        callees(&root, &mut names);
        let emitted =
            ["emph", "strong", "list", "enum", "quote", "raw", "link", "linebreak", "line"];
        assert!(names.iter().all(|n| emitted.contains(&n.as_str())), "{names:?}");
        assert!(names.contains(&"raw".to_string()) && names.contains(&"list".to_string()));
    }

    #[test]
    fn control_characters_become_spaces_or_nothing() {
        assert_eq!(escape_typst("a\u{7}b\u{b}c\u{1b}[2J"), "ab c\\[2J");
        assert_eq!(typst_string("a\u{0}b\u{c}c"), "\"ab c\"");
        assert_eq!(to_typst("a\u{1}b\u{85}c\u{2028}d"), "ab c d");
        assert_eq!(to_typst("a\u{feff}b `c\u{feff}d`"), "ab #raw(\"cd\")");
    }

    #[test]
    fn deep_nesting_parses() {
        for markdown in [">".repeat(300) + " a", "- ".repeat(300) + "a", "*a _b ".repeat(200)] {
            let out = to_typst(&markdown);
            let errors = parse(&out).errors_and_warnings().0;
            assert!(
                errors.is_empty(),
                "{:?}\n{out}",
                errors.iter().map(|e| &e.message).collect::<Vec<_>>()
            );
            assert!(out.contains('a'), "{out}");
        }
    }

    #[test]
    fn escaped_trailing_comma_in_list_item_survives() {
        assert_eq!(to_typst("- a,\n- b"), "#list([a\\,], [b])");
    }

    const TABLE: &str = "| Område | Antal |\n|:--|--:|\n| Kultur *a* | 9 |\n| #x [y] | 8 |";

    #[test]
    fn a_markdown_table_becomes_a_table_with_its_header_and_alignment() {
        let typst = to_typst(TABLE);
        assert_eq!(
            typst,
            "#table(columns: 2, inset: 5pt, stroke: 0.5pt + luma(160), fill: (_, y) => if y == 0 \
             { luma(232) }, align: (left, right,), table.header([Område], [Antal]), [Kultur \
             #emph[a]], [9], [\\#x \\[y\\]], [8])"
        );
        assert!(parse(&typst).errors_and_warnings().0.is_empty(), "{typst}");
    }

    #[test]
    fn a_footnote_is_written_where_it_is_referred_to() {
        let typst = to_typst("Text.[^1] Mer.[^n]\n\n[^1]: Källa *A*.\n[^n]: Not #2.");
        assert_eq!(typst, "Text\\.#footnote[Källa #emph[A]\\.] Mer\\.#footnote[Not \\#2\\.]");
        assert!(parse(&typst).errors_and_warnings().0.is_empty(), "{typst}");
        // A reference to no footnote is shown as written, escaped.
        assert_eq!(to_typst("Se [^saknas]."), "Se \\[\\^saknas\\]\\.");
    }
}
