//! Load stage: bracketed spans, the syntax Pandoc and Quarto use, in Markdown texts.
//!
//! A masked phrase, `[Storgatan 1]{.intern}` or with its provision `[Storgatan 1]{.sekretess
//! osl="18 kap. 8 § OSL"}`, is shown and marked in the full edition and replaced by a marker
//! naming its provision in the public edition (as an authority masks a phrase when it releases a
//! document). The public edition replaces it in the model itself, so that no writer, label,
//! comparison or export of that edition ever sees the phrase.
//!
//! A passage in another language, `[Directive on security of network]{lang=en}`, is marked with
//! its language in both outputs (`lang` in HTML, `Lang` in the PDF's structure), as WCAG 3.1.2
//! asks.

use std::ops::Range;
use std::path::PathBuf;

/// The link scheme the full edition's writers are given for a masked phrase (the loader rejects
/// every other link than http, https and mailto, so content cannot write one itself).
pub const MASK_SCHEME: &str = "ledgen-mask:";

/// The link scheme the writers are given for a passage in another language.
pub const LANG_SCHEME: &str = "ledgen-lang:";

/// A bracketed span: a masked phrase or a passage in another language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Span {
    Masked(MaskedSpan),
    /// The whole span, the phrase, and the language tag.
    Lang(Range<usize>, Range<usize>, String),
}

/// One masked phrase in a Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskedSpan {
    /// The whole span, `[` to `}`, as a byte range of the text.
    pub whole: Range<usize>,
    /// The phrase between the brackets.
    pub phrase: Range<usize>,
    /// The provision given with `osl="…"`, if any.
    pub provision: Option<String>,
}

/// The masked phrases of a Markdown text, in order; a span inside another is part of it. Code
/// spans and backslash-escaped brackets are not read as spans.
pub fn spans(text: &str) -> Vec<MaskedSpan> {
    let mut out = Vec::new();
    masked_spans(text, 0, &mut out);
    out
}

/// Whether `text` holds a bracketed span of either kind.
pub fn has_span(text: &str) -> bool {
    first_phrase(text).is_some()
}

/// The phrase of the first span of either kind in `text`, as written between its brackets.
pub fn first_phrase(text: &str) -> Option<&str> {
    let phrase = match top_spans(text, 0).into_iter().next()? {
        Span::Masked(masked) => masked.phrase,
        Span::Lang(_, phrase, _) => phrase,
    };
    Some(&text[phrase])
}

/// The masked phrases of `text[from..]`, looking inside language spans too.
fn masked_spans(text: &str, from: usize, out: &mut Vec<MaskedSpan>) {
    for span in top_spans(text, from) {
        match span {
            Span::Masked(masked) => out.push(masked),
            Span::Lang(_, phrase, _) => masked_spans(&text[..phrase.end], phrase.start, out),
        }
    }
}

/// The spans of `text[from..]` not inside another span, in order.
fn top_spans(text: &str, from: usize) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => i = after_code_span(bytes, i),
            b'[' => match span_at(text, i) {
                Some(span) => {
                    i = match &span {
                        Span::Masked(masked) => masked.whole.end,
                        Span::Lang(whole, ..) => whole.end,
                    };
                    out.push(span);
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    out
}

/// Where a code span starting at `start` (a run of backticks) ends; just past the run when it is
/// never closed, since then the backticks are text.
fn after_code_span(bytes: &[u8], start: usize) -> usize {
    let run = bytes[start..].iter().take_while(|b| **b == b'`').count();
    let mut i = start + run;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let closing = bytes[i..].iter().take_while(|b| **b == b'`').count();
            if closing == run {
                return i + closing;
            }
            i += closing;
        } else {
            i += 1;
        }
    }
    start + run
}

/// The span whose `[` is at `open`, if the bracket closes and is followed by attributes with the
/// class `.intern` or `.sekretess`, or with a language (`lang=en`).
fn span_at(text: &str, open: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    let close = loop {
        match *bytes.get(i)? {
            b'\\' => i += 1,
            b'`' => {
                i = after_code_span(bytes, i);
                continue;
            }
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break i;
                }
            }
            _ => {}
        }
        i += 1;
    };
    if bytes.get(close + 1) != Some(&b'{') {
        return None;
    }
    let attributes_end = close + 1 + text[close + 1..].find('}')?;
    let attributes = &text[close + 2..attributes_end];
    let attributes = parse_attributes(attributes)?;
    let (whole, phrase) = (open..attributes_end + 1, open + 1..close);
    if attributes.classes.iter().any(|c| *c == "intern" || *c == "sekretess") {
        return Some(Span::Masked(MaskedSpan { whole, phrase, provision: attributes.provision }));
    }
    attributes.lang.map(|lang| Span::Lang(whole, phrase, lang))
}

/// What a span's attributes say.
struct Attributes<'a> {
    classes: Vec<&'a str>,
    /// `osl="…"`.
    provision: Option<String>,
    /// `lang=…`, when it is a language tag (letters, digits and `-`, starting with a letter).
    lang: Option<String>,
}

/// The classes, the `osl` and the `lang` value of a span's attributes (`.intern`, `.sekretess
/// osl="…"`, `lang=en`); None when they are not attributes at all.
fn parse_attributes(attributes: &str) -> Option<Attributes<'_>> {
    let mut classes = Vec::new();
    let mut provision = None;
    let mut lang = None;
    let mut rest = attributes.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            classes.push(&after[..end]);
            rest = after[end..].trim_start();
        } else if let Some((key, after)) = rest.split_once('=') {
            let (value, remaining) = match after.strip_prefix('"') {
                Some(quoted) => {
                    let end = quoted.find('"')?;
                    (&quoted[..end], &quoted[end + 1..])
                }
                None => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            match key.trim() {
                "osl" => {
                    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
                    provision = Some(value).filter(|v| !v.is_empty());
                }
                "lang" => {
                    let tag = value.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                        && value.len() <= 35
                        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                    lang = tag.then(|| value.to_string());
                }
                _ => {}
            }
            rest = remaining.trim_start();
        } else {
            return None;
        }
    }
    Some(Attributes { classes, provision, lang })
}

/// The text with every masked span replaced by `marker(provision)`, written as literal text
/// (every ASCII punctuation escaped, so that the marker is never read as Markup); None when
/// the text has no masked span.
pub fn masked(text: &str, marker: impl Fn(Option<&str>) -> String) -> Option<String> {
    replace_masked(text, |span| escape_markdown(&marker(span.provision.as_deref())))
}

/// Plain text (a heading) with every masked span replaced by `marker(provision)`; None when it
/// has none.
pub fn replace_plain(text: &str, marker: impl Fn(Option<&str>) -> String) -> Option<String> {
    replace_masked(text, |span| marker(span.provision.as_deref()))
}

/// The text with every masked span written as a link to [`MASK_SCHEME`] (with its provision),
/// which the full edition's writers show as a marked phrase; None when it has none.
///
/// A passage in another language becomes a link to [`LANG_SCHEME`] with its tag likewise (a
/// masked phrase inside it stays as written: links do not nest).
pub fn for_display(text: &str) -> Option<String> {
    let found = top_spans(text, 0);
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 32 * found.len());
    let mut at = 0;
    for span in &found {
        let (whole, phrase, target) = match span {
            Span::Masked(masked) => {
                let provision: String = masked
                    .provision
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| !matches!(c, '<' | '>' | '\\') && !c.is_control())
                    .collect();
                (&masked.whole, &masked.phrase, format!("{MASK_SCHEME}{provision}"))
            }
            Span::Lang(whole, phrase, lang) => (whole, phrase, format!("{LANG_SCHEME}{lang}")),
        };
        out.push_str(&text[at..whole.start]);
        out.push_str(&format!("[{}](<{target}>)", &text[phrase.clone()]));
        at = whole.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The language tag of a display link's destination (see [`for_display`]), if it is one.
pub fn display_lang(dest_url: &str) -> Option<&str> {
    dest_url.strip_prefix(LANG_SCHEME)
}

/// The provision of a display link's destination (see [`for_display`]): `Some("")` when none
/// was given, None when the link is not a masked phrase.
pub fn display_provision(dest_url: &str) -> Option<&str> {
    dest_url.strip_prefix(MASK_SCHEME)
}

/// `text` with every masked span replaced by `with(span)`.
fn replace_masked(text: &str, with: impl Fn(&MaskedSpan) -> String) -> Option<String> {
    let found = spans(text);
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in &found {
        out.push_str(&text[at..span.whole.start]);
        out.push_str(&with(span));
        at = span.whole.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// Plain text as Markdown that reads as exactly that text.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// What the public edition writes in place of a masked phrase, from its provision (if named).
pub type Marker<'a> = dyn Fn(Option<&str>) -> String + 'a;

/// A masked phrase the public edition replaced: where it was and under which provision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskedPhrase {
    /// The file it is written in.
    pub path: PathBuf,
    /// Its line in that file (that of its text when the line is not known more exactly).
    pub line: usize,
    /// The phrase, without its markup.
    pub phrase: String,
    /// The provision given with `osl="…"`, if any.
    pub provision: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<(&str, Option<String>)> {
        spans(text).into_iter().map(|s| (&text[s.phrase], s.provision)).collect()
    }

    #[test]
    fn spans_are_found_with_their_provision() {
        let text = "Adressen [Storgatan 1]{.intern} och [system X]{.sekretess osl=\"18 kap. 8 § \
                    OSL\"} nämns.";
        assert_eq!(
            phrases(text),
            vec![("Storgatan 1", None), ("system X", Some("18 kap. 8 § OSL".to_string()))]
        );
    }

    #[test]
    fn other_brackets_links_code_and_escapes_are_not_spans() {
        for text in [
            "[en länk](https://example.org) och [text]{.annat}",
            "`[kod]{.intern}` och \\[inte]{.intern}",
            "[öppen{.intern}",
            "[x]{ intern}",
        ] {
            assert_eq!(phrases(text), vec![], "{text}");
        }
    }

    #[test]
    fn nested_brackets_belong_to_the_span() {
        assert_eq!(phrases("[a [b] c]{.intern} d"), vec![("a [b] c", None)]);
        assert_eq!(phrases("[yttre [inre]{.intern}]"), vec![("inre", None)]);
    }

    #[test]
    fn the_public_text_holds_the_marker_and_not_the_phrase() {
        let text =
            "Servern **[srv-01]{.sekretess osl=\"18 kap. 8 § OSL\"}** står i [hus B]{.intern}.";
        let public = masked(text, |p| format!("[uppgift enligt {}]", p.unwrap_or("?"))).unwrap();
        assert!(!public.contains("srv-01") && !public.contains("hus B"), "{public}");
        let words = crate::model::plain_words(&public);
        assert_eq!(words.matches("[uppgift enligt").count(), 2, "{words}");
        assert!(words.contains("[uppgift enligt 18 kap. 8 § OSL]"), "{words}");
        assert_eq!(masked("Inget maskerat [här].", |_| String::new()), None);
    }

    #[test]
    fn a_passage_in_another_language_is_a_span_and_may_hold_a_masked_phrase() {
        let text =
            "Enligt [Directive on [Acme]{.intern} security]{lang=en} gäller [x]{lang=\"1\"}.";
        assert_eq!(phrases(text), vec![("Acme", None)]);
        let shown = for_display(text).unwrap();
        assert!(
            shown.starts_with("Enligt [Directive on [Acme]{.intern} security](<ledgen-lang:en>)"),
            "{shown}"
        );
        assert!(shown.ends_with("gäller [x]{lang=\"1\"}."), "not a language tag: {shown}");
        assert_eq!(display_lang("ledgen-lang:en"), Some("en"));
        let public = masked(text, |_| "[maskerad]".into()).unwrap();
        assert!(!public.contains("Acme") && public.contains("]{lang=en}"), "{public}");
    }

    #[test]
    fn the_display_text_is_a_link_the_writers_recognise() {
        let shown = for_display("Se [hus B]{.sekretess osl=\"18 kap. <8> §\"}.").unwrap();
        assert_eq!(shown, "Se [hus B](<ledgen-mask:18 kap. 8 §>).");
        assert_eq!(display_provision("ledgen-mask:18 kap. 8 §"), Some("18 kap. 8 §"));
        assert_eq!(display_provision("https://example.org"), None);
    }
}
