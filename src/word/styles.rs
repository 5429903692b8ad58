//! The Word edition's styles and list numbering: Word's built-in style names (so that Word's
//! navigation pane, table of contents and accessibility checker understand them, and a Swedish
//! Word shows them as "Rubrik 1"), in the organisation's fonts and accent colour.

use docx_rs::{
    AbstractNumbering, Docx, Level, LevelJc, LevelOverride, LevelText, LineSpacing,
    LineSpacingType, NumberFormat, Numbering, RunFonts, SpecialIndentType, Start, Style, StyleType,
};

use super::hex;
use crate::markdown::docx::{BULLETS, DECIMAL, Numbers, style};
use crate::view::Theme;

/// The title on the title page.
pub const TITLE: &str = "Title";
/// The line above the title.
pub const SUBTITLE: &str = "Subtitle";
/// The organisation on the title page.
pub const ORGANISATION: &str = "Organisation";
/// The heading of the table of contents (not itself in it).
pub const CONTENTS_HEADING: &str = "TOCHeading";
/// A note in smaller, muted text: withheld items, placeholders, owners and deadlines.
pub const NOTE: &str = "Note";
/// A chart's caption, under it: Word's own "caption" ("Beskrivning" in Swedish Word).
pub const CAPTION: &str = "Caption";
/// The running header.
pub const HEADER: &str = "Header";
/// The running footer.
pub const FOOTER: &str = "Footer";

/// The style id of a heading of `level` (1–6): Word's own `Heading1` … `Heading6`.
pub fn heading(level: usize) -> String {
    format!("Heading{}", level.clamp(1, 6))
}

/// Font used when the brand names none: present wherever Word is, and metric-compatible with
/// LibreOffice's Carlito.
const DEFAULT_FONT: &str = "Calibri";

fn fonts(family: &str) -> RunFonts {
    RunFonts::new().ascii(family).hi_ansi(family).cs(family).east_asia(family)
}

/// `doc` with the edition's styles.
pub fn styles(doc: Docx, theme: &Theme) -> Docx {
    let base = theme.css_base_font.as_deref().unwrap_or(DEFAULT_FONT);
    let headings = theme.css_headings_font.as_deref().unwrap_or(base);
    let accent = hex(&theme.accent);
    let text = theme.foreground.as_deref().map_or_else(|| "1C1F23".to_string(), hex);
    // Every style says its line height (1.1 lines, as a rule of "auto"): LibreOffice reads a
    // style's spacing without it as single lines of the base size, so large titles overlap.
    let spacing = |before: u32, after: u32| {
        LineSpacing::new().before(before).after(after).line(264).line_rule(LineSpacingType::Auto)
    };
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph).name(name).based_on(style::NORMAL).next(style::NORMAL)
    };
    let mut doc = doc.default_fonts(fonts(base)).default_size(21).add_style(
        Style::new(style::NORMAL, StyleType::Paragraph)
            .name("Normal")
            .color(&text)
            .line_spacing(spacing(0, 120)),
    );
    let heading_sizes = [32, 26, 23, 21, 21, 21];
    for (i, size) in heading_sizes.into_iter().enumerate() {
        let level = i + 1;
        doc = doc.add_style(
            paragraph(&heading(level), &format!("heading {level}"))
                .fonts(fonts(headings))
                .size(size)
                .bold()
                .color(&accent)
                .outline_lvl(i)
                .line_spacing(spacing(if level == 1 { 360 } else { 240 }, 80)),
        );
    }
    doc.add_style(
        paragraph(TITLE, "Title")
            .fonts(fonts(headings))
            .size(48)
            .bold()
            .color(&accent)
            .line_spacing(spacing(240, 240)),
    )
    .add_style(paragraph(SUBTITLE, "Subtitle").size(26).color(&text))
    .add_style(
        paragraph(ORGANISATION, "Organisation").size(28).bold().line_spacing(spacing(480, 240)),
    )
    // The lines of the table of contents, under the style ids docx-rs gives them and Word's
    // names, so that Word's own table of contents styles apply.
    .add_style(paragraph("ToC1", "toc 1").line_spacing(spacing(60, 0)))
    .add_style(paragraph("ToC2", "toc 2").line_spacing(spacing(0, 0)).indent(
        Some(240),
        None::<SpecialIndentType>,
        None,
        None,
    ))
    .add_style(
        paragraph(CONTENTS_HEADING, "TOC Heading")
            .fonts(fonts(headings))
            .size(32)
            .bold()
            .color(&accent),
    )
    .add_style(paragraph(style::TEXT_HEADING, "Text Heading").bold().line_spacing(spacing(200, 80)))
    .add_style(paragraph(style::QUOTE, "Quote").italic().indent(
        Some(567),
        None::<SpecialIndentType>,
        None,
        None,
    ))
    .add_style(
        paragraph(style::CODE, "Code")
            .fonts(fonts("Consolas"))
            .size(19)
            .line_spacing(spacing(0, 0)),
    )
    .add_style(paragraph(style::LIST, "List Paragraph").line_spacing(spacing(0, 60)))
    .add_style(paragraph(style::TABLE_HEADING, "Table Heading").bold().line_spacing(spacing(0, 0)))
    .add_style(paragraph(NOTE, "Note").size(18).color("4F5660").italic())
    .add_style(
        paragraph(CAPTION, "caption").size(18).color("4F5660").line_spacing(spacing(60, 200)),
    )
    .add_style(paragraph(HEADER, "header").size(16).color("4F5660"))
    .add_style(paragraph(FOOTER, "footer").size(16).color("4F5660"))
    .add_style(
        Style::new(style::HYPERLINK, StyleType::Character)
            .name("Hyperlink")
            .color(&accent)
            .underline("single"),
    )
}

/// `doc` with the list definitions its texts use: one for bullets, and one numbering per
/// numbered list, each starting at its own first number.
pub fn numbering(doc: Docx, numbers: &Numbers) -> Docx {
    let bullet = |level: usize, symbol: &str| {
        Level::new(
            level,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new(symbol),
            LevelJc::new("left"),
        )
        .indent(Some(indent(level)), Some(SpecialIndentType::Hanging(284)), None, None)
    };
    let decimal = |level: usize| {
        let text = match level {
            0 => "%1.".to_string(),
            1 => "%2.".to_string(),
            _ => format!("%{}.", level + 1),
        };
        let format = if level == 1 { "lowerLetter" } else { "decimal" };
        Level::new(
            level,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(Some(indent(level)), Some(SpecialIndentType::Hanging(360)), None, None)
    };
    let symbols = ["•", "◦", "▪"];
    let mut bullets = AbstractNumbering::new(BULLETS);
    let mut decimals = AbstractNumbering::new(DECIMAL);
    for level in 0..9 {
        bullets = bullets.add_level(bullet(level, symbols[level % symbols.len()]));
        decimals = decimals.add_level(decimal(level));
    }
    let mut doc = doc
        .add_abstract_numbering(bullets)
        .add_abstract_numbering(decimals)
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    for &(id, start) in &numbers.ordered {
        let numbering = Numbering::new(id, DECIMAL)
            .add_override(LevelOverride::new(0).start(usize::try_from(start).unwrap_or(1)));
        doc = doc.add_numbering(numbering);
    }
    doc
}

fn indent(level: usize) -> i32 {
    i32::try_from(567 + level * 454).unwrap_or(i32::MAX)
}
