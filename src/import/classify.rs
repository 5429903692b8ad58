//! Input stage, Word: what a review's Word document shows, read as a review. The title page
//! gives `report.yaml`'s organisation, title, subtitle, date and author; each top-level heading
//! a section, the headings below it parts; tables with a status column become status tables,
//! each row's status from its cell's shading or a status word or symbol at the cell's start;
//! paragraphs followed by "Hur:", "Vem:" and "Prioritet:" lines (or a table with such columns)
//! become recommendations. What could not be placed, or was guessed, is listed as a
//! [`Remark`] with where it stood, and marked in the YAML with "Att granska:".

use super::docx::{Cell, Document, Element, Para, Role, Span, Table};
use crate::model::Status;

/// Something the import could not place, or guessed: where it stood and what to check.
#[derive(Debug, Clone, PartialEq)]
pub struct Remark {
    /// Where in the document: the section's heading, and the table or item within it.
    pub place: String,
    pub what: String,
}

/// A status as the document shows it: from a word or symbol at the start of a cell.
pub fn status_of_text(text: &str) -> Option<(Status, usize)> {
    const WORDS: [(&str, Status); 22] = [
        ("ej bedömd", Status::NotAssessed),
        ("ej bedömt", Status::NotAssessed),
        ("ej påbörjad", Status::Red),
        ("ej påbörjat", Status::Red),
        ("ej genomförd", Status::Red),
        ("ej uppfylld", Status::Red),
        ("not assessed", Status::NotAssessed),
        ("grön", Status::Green),
        ("grönt", Status::Green),
        ("gul", Status::Yellow),
        ("gult", Status::Yellow),
        ("röd", Status::Red),
        ("rött", Status::Red),
        ("green", Status::Green),
        ("yellow", Status::Yellow),
        ("red", Status::Red),
        ("genomförd", Status::Green),
        ("genomfört", Status::Green),
        ("uppfylld", Status::Green),
        ("klar", Status::Green),
        ("pågår", Status::Yellow),
        ("delvis", Status::Yellow),
    ];
    const SYMBOLS: [(char, Status); 8] = [
        ('✓', Status::Green),
        ('✔', Status::Green),
        ('!', Status::Yellow),
        ('✗', Status::Red),
        ('×', Status::Red),
        ('✕', Status::Red),
        ('?', Status::NotAssessed),
        ('–', Status::NotAssessed),
    ];
    let trimmed = text.trim_start();
    let skipped = text.len() - trimmed.len();
    let mut status = None;
    let mut used = 0;
    if let Some(first) = trimmed.chars().next()
        && let Some((_, s)) = SYMBOLS.iter().find(|(c, _)| *c == first)
    {
        status = Some(*s);
        used = first.len_utf8();
    }
    let rest = trimmed[used..].trim_start();
    let after_symbol = trimmed.len() - rest.len();
    let lower = rest.to_lowercase();
    for (word, s) in WORDS {
        if lower.starts_with(word) {
            let end = word.len();
            let boundary = lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if boundary && status.is_none_or(|found| found == s) {
                return Some((s, skipped + after_symbol + rest_byte_len(rest, word)));
            }
        }
    }
    // A tick or a cross says the status by itself; "!", "?" and "–" only alone, since a text
    // may start with them.
    let first = trimmed.chars().next();
    let says_itself = matches!(first, Some('✓' | '✔' | '✗' | '×' | '✕'));
    status.filter(|_| says_itself || rest.is_empty()).map(|s| (s, skipped + after_symbol))
}

/// The byte length in `rest` of its first `word.chars().count()` characters: lower-casing can
/// change a text's byte length, so the word is measured in `rest` itself.
fn rest_byte_len(rest: &str, word: &str) -> usize {
    rest.char_indices().nth(word.chars().count()).map_or(rest.len(), |(i, _)| i)
}

/// The status a cell's shading means, by its hue, whatever shade of it the template uses:
/// green, yellow (and orange), red (and pink), or grey for not assessed; white, blue and the
/// like are none.
pub fn status_of_fill(fill: [u8; 3]) -> Option<Status> {
    let [r, g, b] = fill.map(|c| f64::from(c) / 255.0);
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let saturation = if max == 0.0 { 0.0 } else { (max - min) / max };
    if saturation < 0.04 {
        // Grey; white (or next to it) is no shading at all.
        return (max < 0.97).then_some(Status::NotAssessed);
    }
    let delta = max - min;
    let hue = if max == r {
        60.0 * ((g - b) / delta).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / delta) + 120.0
    } else {
        60.0 * ((r - g) / delta) + 240.0
    };
    match hue {
        h if !(20.0..330.0).contains(&h) => Some(Status::Red),
        h if (30.0..70.0).contains(&h) => Some(Status::Yellow),
        h if (75.0..170.0).contains(&h) => Some(Status::Green),
        _ => None,
    }
}

/// Markdown of a paragraph: its spans with bold, italics and links, escaped.
pub fn markdown(para: &Para) -> String {
    let mut out = String::new();
    for span in &para.spans {
        out.push_str(&span_markdown(span));
    }
    let text = out.split('\n').map(str::trim).collect::<Vec<_>>().join("  \n");
    collapse_spaces(text.trim())
}

fn span_markdown(span: &Span) -> String {
    let text = span.text.replace('\t', " ");
    let core = text.trim();
    if core.is_empty() {
        return text;
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let mut core = crate::markdown::escape_markdown(core);
    if span.italic {
        core = format!("*{core}*");
    }
    if span.bold {
        core = format!("**{core}**");
    }
    if let Some(link) = &span.link
        && (link.starts_with("https://")
            || link.starts_with("http://")
            || link.starts_with("mailto:"))
    {
        core = format!("[{core}]({})", link.replace(')', "%29").replace(' ', "%20"));
    }
    format!("{lead}{core}{trail}")
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == ' ' {
            if !space {
                out.push(c);
            }
            space = true;
        } else {
            space = false;
            out.push(c);
        }
    }
    out
}

/// A heading's text without the number Word or its writer put before it ("1.2 Organisation"):
/// ledgen numbers the sections itself.
pub fn heading_text(text: &str) -> String {
    let trimmed = text.trim();
    let number_end = trimmed
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(trimmed.len(), |(i, _)| i);
    // "1", "5.1.", "2.10": numbers of at most two digits a level; "2023 års" is no number.
    let number = &trimmed[..number_end];
    let has_digit = number.chars().any(|c| c.is_ascii_digit())
        && number.split('.').all(|level| level.len() <= 2);
    if has_digit && trimmed[number_end..].starts_with([' ', '\t']) {
        trimmed[number_end..].trim().to_string()
    } else {
        trimmed.to_string()
    }
}

/// The heading level of a paragraph where the document uses no heading styles: a short, all
/// bold paragraph that starts with a section number ("2.1 ") or is written in capitals.
pub fn looks_like_heading(para: &Para) -> Option<usize> {
    let text = para.plain();
    if text.is_empty() || text.chars().count() > 90 || !para.all_bold() || para.list.is_some() {
        return None;
    }
    let number: String = text.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    if number.chars().any(|c| c.is_ascii_digit()) && text[number.len()..].starts_with(' ') {
        let depth = number.trim_end_matches('.').split('.').filter(|p| !p.is_empty()).count();
        return Some(depth.clamp(1, 3));
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    (letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())).then_some(1)
}

/// The role of every paragraph of `doc`, headings found by their look where no style says.
pub fn role(doc: &Document, para: &Para) -> Role {
    match para.role {
        Role::Body if !doc.heading_styles => {
            looks_like_heading(para).map_or(Role::Body, Role::Heading)
        }
        role => role,
    }
}

/// The column of a table's header row that holds the status, by its heading.
pub fn status_column(header: &[String]) -> Option<usize> {
    const HEADINGS: [&str; 8] = [
        "status",
        "bedömning",
        "lägesbedömning",
        "läge",
        "uppfyllnad",
        "färg",
        "bedömd status",
        "efterlevnad",
    ];
    header.iter().position(|h| {
        let h = h.to_lowercase();
        HEADINGS.iter().any(|w| h == *w || h.starts_with(&format!("{w} ")))
    })
}

/// A table cell's paragraphs as Markdown, a paragraph each.
pub fn cell_markdown(cell: &Cell) -> String {
    let texts: Vec<String> =
        cell.paragraphs.iter().map(markdown).filter(|t| !t.is_empty()).collect();
    texts.join("\n\n")
}

/// The header row of `table` as plain texts, and the index of its first data row.
pub fn header(table: &Table) -> (Vec<String>, usize) {
    let first = table.header_rows.max(1).min(table.rows.len());
    let header =
        table.rows.first().map(|r| r.iter().map(Cell::plain).collect()).unwrap_or_default();
    (header, first)
}

/// Every element's paragraphs, for what reads the whole body (the title page).
pub fn paragraphs(elements: &[Element]) -> impl Iterator<Item = &Para> {
    elements.iter().filter_map(|e| match e {
        Element::Paragraph(p) => Some(p),
        Element::Table(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_is_read_from_a_word_or_symbol_at_the_start() {
        assert_eq!(status_of_text("✓ Grön Klart"), Some((Status::Green, "✓ Grön".len())));
        assert_eq!(status_of_text("! Gul"), Some((Status::Yellow, "! Gul".len())));
        assert_eq!(status_of_text("Gult. Arbete pågår").map(|s| s.0), Some(Status::Yellow));
        assert_eq!(status_of_text("Genomförd 2023").map(|s| s.0), Some(Status::Green));
        assert_eq!(status_of_text("Ej bedömd").map(|s| s.0), Some(Status::NotAssessed));
        assert_eq!(status_of_text("Gulsot"), None);
        assert_eq!(status_of_text("Arbetet fortsätter"), None);
        assert_eq!(status_of_text("? Ej bedömd").map(|s| s.0), Some(Status::NotAssessed));
    }

    #[test]
    fn a_status_is_read_from_any_shade_near_enough_to_its_colour() {
        assert_eq!(status_of_fill([0x00, 0xB0, 0x50]), Some(Status::Green));
        assert_eq!(status_of_fill([0xA8, 0xD0, 0x8D]), Some(Status::Green));
        assert_eq!(status_of_fill([0xFF, 0xE6, 0x99]), Some(Status::Yellow));
        assert_eq!(status_of_fill([0xE0, 0x40, 0x40]), Some(Status::Red));
        assert_eq!(status_of_fill([0xFF, 0xFF, 0xFF]), None);
        assert_eq!(status_of_fill([0x20, 0x40, 0xC0]), None);
        // The pale fills of ledgen's own Word edition.
        assert_eq!(status_of_fill([0xE4, 0xF2, 0xE6]), Some(Status::Green));
        assert_eq!(status_of_fill([0xFD, 0xF2, 0xC8]), Some(Status::Yellow));
        assert_eq!(status_of_fill([0xF9, 0xDD, 0xDD]), Some(Status::Red));
        assert_eq!(status_of_fill([0xEC, 0xEF, 0xF2]), Some(Status::NotAssessed));
        assert_eq!(status_of_fill([0xBF, 0xBF, 0xBF]), Some(Status::NotAssessed));
        assert_eq!(status_of_fill([0xFF, 0xC0, 0x00]), Some(Status::Yellow));
    }

    fn para(text: &str, bold: bool) -> Para {
        Para {
            role: Role::Body,
            style: String::new(),
            list: None,
            spans: vec![Span { text: text.into(), bold, ..Span::default() }],
            images: Vec::new(),
            in_contents: false,
            chart: false,
        }
    }

    #[test]
    fn without_heading_styles_numbered_or_capital_bold_lines_are_headings() {
        assert_eq!(looks_like_heading(&para("3 Uppföljning", true)), Some(1));
        assert_eq!(looks_like_heading(&para("3.2 Organisation", true)), Some(2));
        assert_eq!(looks_like_heading(&para("SAMMANFATTNING", true)), Some(1));
        assert_eq!(looks_like_heading(&para("3 Uppföljning", false)), None);
        assert_eq!(looks_like_heading(&para("Viktigt att veta", true)), None);
        let long = "1 ".to_string() + &"ord ".repeat(30);
        assert_eq!(looks_like_heading(&para(&long, true)), None);
    }

    #[test]
    fn heading_numbers_are_left_to_ledgen() {
        assert_eq!(heading_text("1 Inledning"), "Inledning");
        assert_eq!(heading_text("5.1. Uppföljning"), "Uppföljning");
        assert_eq!(heading_text("2023 års genomgång"), "2023 års genomgång");
        assert_eq!(heading_text("ISO 27001"), "ISO 27001");
    }

    #[test]
    fn markdown_characters_in_word_text_are_escaped() {
        use crate::markdown::escape_markdown;
        assert_eq!(escape_markdown("a*b_c [d]"), "a\\*b\\_c \\[d\\]");
        assert_eq!(escape_markdown("1. Först"), "1\\. Först");
        assert_eq!(escape_markdown("- punkt"), "\\- punkt");
    }
}
