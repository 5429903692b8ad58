//! Where a YAML mistake really is: the shape of the file's lines (indentation, list items,
//! keys, quotes and brackets) read around the place the parser stopped.

use crate::diagnostics::Note;

/// The innermost `[` or `{` that is still open where line `line` starts, as (bracket, line,
/// column): a flow collection left unclosed makes the parser fail lines later.
pub(super) fn open_flow_before(source: &str, line: usize) -> Option<(char, usize, usize)> {
    let mut open: Vec<(char, usize, usize)> = Vec::new();
    for (i, text) in source.lines().take(line.saturating_sub(1)).enumerate() {
        // Whether the next non-blank character starts a value (where `[`, `{` and quotes
        // mean something); inside a flow collection, after `[`, `{`, `,` or `:`.
        let mut value_start = true;
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        for (column, c) in text.chars().enumerate() {
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
            } else if c == '#' && previous.is_whitespace() {
                break;
            } else if c.is_whitespace() {
                // Blanks keep `value_start` as it is.
            } else if value_start && (c == '"' || c == '\'') {
                quote = Some(c);
                value_start = false;
            } else if value_start && (c == '[' || c == '{') {
                open.push((c, i + 1, column + 1));
            } else if !open.is_empty() && (c == ']' || c == '}') {
                open.pop();
                value_start = false;
            } else {
                value_start = (c == ',' && !open.is_empty())
                    || c == ':'
                    || (c == '-' && previous.is_whitespace());
            }
            previous = c;
        }
    }
    open.pop()
}

/// The 1-based line and column of the first tab in the indentation of line `line` or a line
/// after it (the parser may report the value before the tab), else of a line before it.
pub(super) fn tab_in_indentation(source: &str, line: usize) -> Option<(usize, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let tab_at = |i: usize| {
        let text = lines.get(i)?;
        let indent: String = text.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        let column = indent.chars().position(|c| c == '\t')?;
        Some((i + 1, column + 1))
    };
    let start = line.saturating_sub(1);
    (start..lines.len()).find_map(tab_at).or_else(|| (0..start).rev().find_map(tab_at))
}

/// One line's shape: its indentation, the column its key starts at (after `- ` for a list
/// item), whether it is a list item, and whether it is a `key:` line at all.
pub(super) struct LineShape {
    indent: usize,
    key_column: usize,
    item: bool,
    keyed: bool,
}

pub(super) fn line_shape(text: &str) -> Option<LineShape> {
    let indent = text.chars().take_while(|c| *c == ' ').count();
    let rest: String = text.chars().skip(indent).collect();
    if rest.is_empty() || rest.starts_with('#') {
        return None;
    }
    let (item, after) = match rest.strip_prefix('-') {
        Some(after) if after.is_empty() || after.starts_with(' ') => (true, after),
        _ => (false, rest.as_str()),
    };
    let inner = after.trim_start();
    let key_column = if item { indent + 1 + (after.len() - inner.len()) } else { indent };
    let key: String =
        inner.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-').collect();
    let keyed = !key.is_empty()
        && inner[key.len()..].starts_with(':')
        && inner[key.len() + 1..].chars().next().is_none_or(|c| c == ' ');
    Some(LineShape { indent, key_column, item, keyed })
}

/// For a parser error in words only a programmer knows, the same in plain words and a hint with
/// an example of the fix: a text holding `: ` without quotes, or a line indented unlike the
/// lines beside it.
pub(super) fn plain_syntax_error(
    source: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<(String, Note)> {
    let lines: Vec<&str> = source.lines().collect();
    let text = *lines.get(line.checked_sub(1)?)?;
    let shape = line_shape(text)?;
    let structural = ["mapping values are not allowed", "did not find expected", "block sequence"];
    if !structural.iter().any(|m| message.contains(m)) {
        return None;
    }
    // A second `: ` on a `key: value` line: the value is text that holds a colon.
    if message.contains("mapping values are not allowed") && shape.keyed {
        let start: String = text.chars().skip(shape.key_column).collect();
        if let Some((key, value)) = start.split_once(": ")
            && column > shape.key_column + key.chars().count() + 1
        {
            let value = value.trim();
            let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
            return Some((
                crate::tr!("yaml-colon-in-value"),
                Note::Hint(crate::tr!("yaml-colon-in-text-hint", fix = format!("{key}: {quoted}"))),
            ));
        }
    }
    // Otherwise compare the line's indentation with that of the lines it belongs with.
    let previous = lines[..line - 1].iter().rev().filter_map(|l| line_shape(l));
    let siblings = if shape.item {
        previous
            .filter(|p| p.item)
            .find(|p| p.indent.abs_diff(shape.indent) <= 2)
            .map(|p| (p.indent, shape.indent))
    } else {
        // The nearest `key:` line above at about this level, past the items of a list value and
        // the lines of a text.
        let mut previous =
            previous.skip_while(|p| (p.item || !p.keyed) && p.indent > shape.key_column);
        let before = previous.next()?;
        before.keyed.then_some((before.key_column, shape.key_column))
    };
    let (theirs, ours) = siblings?;
    if theirs == ours {
        return None;
    }
    let spaces = |n: usize| crate::tr!("yaml-spaces", count = n);
    let fix = if theirs == 0 {
        crate::tr!("yaml-start-at-line-start")
    } else {
        crate::tr!("yaml-indent-by", spaces = spaces(theirs))
    };
    Some((
        if theirs == 0 {
            crate::tr!("yaml-indented-others-not", line = line.to_string(), ours = spaces(ours))
        } else {
            crate::tr!(
                "yaml-indented-unlike-others",
                line = line.to_string(),
                ours = spaces(ours),
                theirs = spaces(theirs)
            )
        },
        Note::Hint(crate::tr!("yaml-same-level-hint", fix = fix)),
    ))
}

/// A (line, column) of a file, both 1-based.
pub(super) type Place = (usize, usize);

/// Three mistakes the parser reports far from where they are, or in its own words: a quote
/// never closed on its line (the parser reads on to the next quote), a line of a `|` text
/// indented less than the text's first line, a line indented more than the `key:` above it (read
/// as part of that key's value), and a text starting with `!` (read as a YAML tag). Returns
/// where the mistake is, the message and the hint.
pub(super) fn misread_yaml(
    source: &str,
    line: usize,
    column: usize,
    message: &str,
) -> Option<(Place, String, Note)> {
    let lines: Vec<&str> = source.lines().collect();
    let indent = |text: &str| text.chars().take_while(|c| *c == ' ').count();
    let spaces = |n: usize| crate::tr!("yaml-spaces", count = n);
    if message.contains("trailing content after double-quoted scalar")
        || message.contains("trailing content after single-quoted scalar")
    {
        let quote = if message.contains("double") { '"' } else { '\'' };
        // The first line before the error whose quotes do not pair up opened the text.
        let (i, open) = (0..line.saturating_sub(1).min(lines.len()))
            .rev()
            .find_map(|i| unpaired_quote(lines[i], quote).map(|c| (i, c)))?;
        let text = lines[i].trim_end();
        let fixed = match text.strip_suffix(']') {
            Some(before) if text[..open].contains('[') => format!("{before}{quote}]"),
            _ => format!("{text}{quote}"),
        };
        return Some((
            (i + 1, lines[i][..open].chars().count() + 1),
            crate::tr!("yaml-unclosed-quote", quote = quote.to_string()),
            Note::Hint(crate::tr!(
                "yaml-unclosed-quote-hint",
                quote = quote.to_string(),
                fixed = fixed.trim_start().to_string(),
                line = line.to_string()
            )),
        ));
    }
    if message.contains("did not find expected key") {
        // A line of a `|` or `>` text indented less than its first line ends the text.
        let text = *lines.get(line.checked_sub(1)?)?;
        let ours = indent(text);
        for i in (0..line - 1).rev() {
            let above = lines[i];
            if above.trim().is_empty() {
                continue;
            }
            let trimmed = above.trim_end();
            if ["|", "|-", "|+", ">", ">-", ">+"]
                .iter()
                .any(|m| trimmed.ends_with(&format!(": {m}")))
            {
                let first = lines[i + 1..line - 1].iter().find(|l| !l.trim().is_empty())?;
                let theirs = indent(first);
                if ours < theirs && ours > indent(above) {
                    return Some((
                        (line, column),
                        crate::tr!(
                            "yaml-block-line-less-indented",
                            line = line.to_string(),
                            ours = spaces(ours),
                            theirs = spaces(theirs)
                        ),
                        Note::Hint(crate::tr!("yaml-block-line-hint", spaces = spaces(theirs))),
                    ));
                }
                break;
            }
            if indent(above) < ours {
                break;
            }
        }
        return None;
    }
    if message.contains("while scanning a tag")
        && lines.get(line.checked_sub(1)?)?.chars().nth(column.checked_sub(1)?) == Some('!')
    {
        let text = lines[line - 1];
        let start = text.char_indices().nth(column - 1)?.0;
        let mut value = text[start..].trim_end();
        let mut close = "";
        if text[..start].contains('[')
            && let Some(inner) = value.strip_suffix(']')
        {
            (value, close) = (inner, "]");
        }
        let quoted = format!(
            "`{}\"{}\"{close}`",
            text[..start].trim_start(),
            value.replace('\\', "\\\\").replace('"', "\\\"")
        );
        return Some((
            (line, column),
            crate::tr!("yaml-bang-needs-quotes"),
            Note::Hint(crate::tr!("yaml-bang-needs-quotes-hint", quoted = quoted)),
        ));
    }
    // `unknown status \`grön status_text\``: the line after was read as part of the value.
    continued_value(source, line, message.split('`').nth(1)?)
}

/// When the line after `line` was read as part of the value `value` written on `line` (it is
/// indented more than the value's key, or than the `- ` of a list item): where that line is,
/// the message and the hint.
pub(crate) fn continued_value(
    source: &str,
    line: usize,
    value: &str,
) -> Option<(Place, String, Note)> {
    let lines: Vec<&str> = source.lines().collect();
    let indent = |text: &str| text.chars().take_while(|c| *c == ' ').count();
    let spaces = |n: usize| crate::tr!("yaml-spaces", count = n);
    let next = (line..lines.len()).find(|&i| !lines[i].trim().is_empty())?;
    let shape = line_shape(lines.get(line.checked_sub(1)?)?)?;
    // A line more indented than the key (or the `- ` of a plain list item) continues its value.
    let key_column = if shape.item && !shape.keyed { shape.indent } else { shape.key_column };
    let ours = indent(lines[next]);
    // The value's words from some space on are the next line's first words.
    let continues = value.match_indices(' ').any(|(i, _)| {
        value[i + 1..]
            .split_whitespace()
            .next()
            .is_some_and(|w| lines[next].trim_start().starts_with(w))
    });
    if !continues || ours <= key_column {
        return None;
    }
    Some((
        (next + 1, ours + 1),
        crate::tr!("yaml-continued-value", line = (next + 1).to_string(), ours = spaces(ours)),
        Note::Hint(crate::tr!("yaml-continued-value-hint", spaces = spaces(key_column))),
    ))
}

/// The byte column of the quote on `text` that opens a text not closed on the line, if any;
/// only a quote where a value starts opens one (not one inside a comment, an unquoted text or
/// the other kind of quotes).
pub(super) fn unpaired_quote(text: &str, quote: char) -> Option<usize> {
    let mut open: Option<(char, usize)> = None;
    let mut previous = ' ';
    // The last character before this one that is not a space.
    let mut last = ':';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match open {
            Some(('"', _)) if c == '\\' => {
                chars.next();
            }
            Some(('\'', _)) if c == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
            }
            Some((q, _)) if c == q => open = None,
            Some(_) => {}
            None if c == '#' && previous.is_whitespace() => break,
            None if (c == '"' || c == '\'') && matches!(last, ':' | '-' | '[' | ',' | '{') => {
                open = Some((c, i));
            }
            None => {}
        }
        previous = c;
        if !c.is_whitespace() {
            last = c;
        }
    }
    open.filter(|(q, _)| *q == quote).map(|(_, i)| i)
}

/// For a list item holding `: ` (`- Inköp: klar`), the item with its text quoted.
pub(super) fn colon_item_fix(source: &str, line: usize, column: usize) -> Option<String> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let shape = line_shape(text)?;
    // Only when the whole item was read as a mapping: an error at its value (`- text: [a`, a
    // list never closed) is about the value.
    if !shape.item || !shape.keyed || column != shape.key_column + 1 {
        return None;
    }
    let item: String = text.chars().skip(shape.key_column).collect();
    let item = item.trim_end();
    let quoted = format!("\"{}\"", item.replace('\\', "\\\\").replace('"', "\\\""));
    Some(format!("- {quoted}"))
}

/// For a missing field, the line where the key is written at the wrong indentation, if any.
pub(super) fn misindented_key(
    source: &str,
    line: usize,
    column: usize,
    field: &str,
) -> Option<Note> {
    let expected = column.checked_sub(1)?;
    // Only the lines of the same entry: stop where a line starts left of its parent's level.
    let entry = source
        .lines()
        .enumerate()
        .skip(line)
        .take_while(|(_, text)| line_shape(text).is_none_or(|s| s.indent + 2 >= expected));
    entry.into_iter().find_map(|(i, text)| {
        let shape = line_shape(text)?;
        let key: String = text.chars().skip(shape.key_column).collect();
        (shape.keyed && key.starts_with(&format!("{field}:")) && shape.key_column != expected).then(
            || {
                Note::Hint(crate::tr!(
                    "yaml-misindented-key-hint",
                    field = field.to_string(),
                    line = (i + 1).to_string(),
                    ours = shape.key_column.to_string(),
                    theirs = expected.to_string()
                ))
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_indented_past_its_key_continues_the_value() {
        use crate::locale::{UiLanguage, in_language};
        let en = in_language(UiLanguage::En, || {
            continued_value("status: grön\n    status_text: x\n", 1, "grön status_text: x")
        });
        let (place, message, hint) = en.expect("line 2 continues the value");
        assert_eq!(place, (2, 5));
        assert_eq!(
            message,
            "line 2 is indented 4 spaces, more than the line above it, so YAML read it as part of \
             that line's value"
        );
        assert!(hint.text().starts_with("indent it by 0 spaces, like the line above it"), "{hint}");
        assert!(matches!(hint, Note::Hint(_)));
        // A value whose words are not the next line's is no continuation.
        assert!(continued_value("status: grön\n    status_text: x\n", 1, "grön").is_none());
    }

    #[test]
    fn an_unclosed_bracket_is_found_above_and_quotes_pair_up() {
        let source = "items: [a, b\ntext: \"x [y\"\nnext: z\n";
        assert_eq!(open_flow_before(source, 3), Some(('[', 1, 8)));
        assert_eq!(open_flow_before("a: [x]\nb: c\n", 2), None);
        assert_eq!(unpaired_quote("text: \"open", '"'), Some(6));
        assert_eq!(unpaired_quote("text: \"closed\" # \"", '"'), None);
        assert_eq!(unpaired_quote("text: it's", '\''), None);
    }

    #[test]
    fn a_tab_is_found_in_the_indentation_at_or_after_the_line() {
        let source = "a:\n  b: 1\n\tc: 2\n";
        assert_eq!(tab_in_indentation(source, 2), Some((3, 1)));
        assert_eq!(tab_in_indentation("a: 1\n", 1), None);
    }
}
