//! Which characters the embedded fonts can show. PDF/A forbids text drawn without a glyph, so a
//! character no embedded font has would fail the whole build inside Typst; the loader asks here
//! first and points at the content file instead.

use std::sync::OnceLock;

use typst::text::{Coverage, is_default_ignorable};

/// The character maps of the embedded fonts, from their font book.
fn coverages() -> &'static [Coverage] {
    static COVERAGES: OnceLock<Vec<Coverage>> = OnceLock::new();
    COVERAGES.get_or_init(|| {
        super::embedded_infos().iter().flatten().map(|info| info.coverage.clone()).collect()
    })
}

/// Whether `c` can appear in content: some embedded font has a glyph for it, or it never needs
/// one (spaces of every width, line breaks and other control characters, which the Typst writer replaces or drops, the
/// byte-order mark it drops, and default-ignorable characters such as the zero-width joiner,
/// variation selectors and direction marks, which Typst's shaping removes).
pub fn can_show(c: char) -> bool {
    // Printable ASCII and Latin-1, most of any Swedish text, and the punctuation a report
    // typesets are in Inter (a test checks it): answering them here spares a build of Swedish
    // text reading every font's character map.
    if in_inter(c) {
        return true;
    }
    c.is_control()
        // Typst sets spaces without the font's glyph; U+1680 is a visible mark, not a space.
        || (c.is_whitespace() && c != '\u{1680}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
        || is_default_ignorable(c)
        || coverages().iter().any(|coverage| coverage.contains(c as u32))
}

/// The characters answered without the character maps: [`latin1`] and [`typographic`].
fn in_inter(c: char) -> bool {
    latin1(c) || typographic(c)
}

/// Printable ASCII and the printable Latin-1 supplement.
fn latin1(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}')
}

/// The punctuation and symbols of typeset Swedish beyond Latin-1: dashes, quotation marks, the
/// bullet, the ellipsis, the per mille sign, primes, single guillemets, the euro sign, the trade
/// mark, arrows, the minus sign and the signs for less or greater than or equal to. Each is a
/// grapheme cluster of its own whatever stands beside it.
fn typographic(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2020}'..='\u{2022}'
            | '\u{2026}'
            | '\u{2030}'
            | '\u{2032}'..='\u{2033}'
            | '\u{2039}'..='\u{203A}'
            | '\u{20AC}'
            | '\u{2122}'
            | '\u{2190}'..='\u{2193}'
            | '\u{2212}'
            | '\u{2264}'..='\u{2265}'
    )
}

/// Whether every text that can be read out of `source` is showable, known from its characters
/// alone: each is printable Latin-1, [`typographic`] or a tab or line break, so each has a glyph
/// in Inter and none joins a neighbour into a cluster, wherever YAML cuts or folds the lines. A
/// YAML escape (`"\u4E2D"`) could write any character, so a backslash answers no.
pub fn plainly_showable(source: &str) -> bool {
    source.chars().all(|c| in_inter(c) || matches!(c, '\t' | '\n' | '\r')) && !source.contains('\\')
}

/// The first character of `text` that the embedded fonts cannot show, with its byte offset: one
/// that no font has, or one that no font has together with the rest of its grapheme cluster (a
/// letter with a combining mark, an emoji with a modifier). Typst shapes a cluster with one font,
/// so `👍` followed by a combining accent fails although each has a font; within a cluster, a
/// space needs a glyph too. Default-ignorable characters (variation selectors, joiners) never
/// need one.
pub fn first_unshowable(text: &str) -> Option<(usize, char)> {
    use unicode_segmentation::UnicodeSegmentation;
    if let Some(found) = text.char_indices().find(|(_, c)| !can_show(*c)) {
        return Some(found);
    }
    // Below U+0300 (Latin, Swedish included) no character joins the one before it.
    if text.chars().all(|c| u32::from(c) < 0x300) {
        return None;
    }
    for (start, cluster) in text.grapheme_indices(true) {
        let glyphs: Vec<(usize, char)> = cluster
            .char_indices()
            .filter(|(_, c)| !c.is_control() && !is_default_ignorable(*c))
            .map(|(i, c)| (start + i, c))
            .collect();
        if cluster.chars().nth(1).is_none() || glyphs.is_empty() {
            continue;
        }
        let together = coverages()
            .iter()
            .any(|coverage| glyphs.iter().all(|(_, c)| coverage.contains(*c as u32)));
        if !together {
            // The first character after the base that the base's fonts lack, else the base.
            let (_, base) = glyphs[0];
            let lacking = glyphs.iter().skip(1).find(|(_, c)| {
                !coverages().iter().any(|cov| cov.contains(base as u32) && cov.contains(*c as u32))
            });
            return Some(*lacking.unwrap_or(&glyphs[0]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use typst::text::FontInfo;

    use super::*;
    use crate::fonts::EMBEDDED;

    /// Every script a Swedish authority may write, and the symbols reports use.
    const SHOWN: &[(&str, &str)] = &[
        ("Swedish", "åäöÅÄÖéü"),
        ("Sámi", "ŋŊđĐŧŦžŽčČšŠáÁʼïÏõÕæÆøØâÂ"),
        ("Finnish and Meänkieli", "äöåšžÄÖÅŠŽ"),
        ("Romani", "ćĆʒ"),
        ("Cyrillic", "Привет, мир ЁёЇїЄєҐґ"),
        ("Greek", "Καλημέρα κόσμε ΆΈΉΊΌΎΏ"),
        ("Arabic", "مرحبا بالعالم ١٢٣ ،؟"),
        ("Hebrew and Yiddish", "שלום עולם ײַ װ ױ אָ בּ"),
        ("symbols", "→ ← ↑ ↓ ≥ ≤ ≠ ± × ÷ ✓ ✔ ✗ € § ¶ © ® ™ • … – — ‰ ° ½ ⚠ ★ ☐ ☑"),
        ("emoji", "😀 👍 🔒 🛡 ✅ ❌ 📄 🇸🇪 👍🏽"),
    ];

    // The shortcuts for Latin-1 and typographic punctuation must say what the fonts say.
    #[test]
    fn latin1_and_typographic_punctuation_are_in_the_first_font() {
        let inter = FontInfo::iter(EMBEDDED[0]).next().unwrap();
        let typographic: Vec<char> =
            ('\u{2000}'..='\u{22ff}').filter(|c| typographic(*c)).collect();
        assert_eq!(typographic.len(), 32);
        for c in typographic {
            assert!(inter.coverage.contains(c as u32), "Inter lacks U+{:04X}", c as u32);
        }
        for c in (' '..='~').chain('\u{a0}'..='\u{ff}') {
            let covered = c.is_whitespace()
                || is_default_ignorable(c)
                || coverages().iter().any(|coverage| coverage.contains(c as u32));
            assert!(covered, "{c:?} (U+{:04X}) is not in the embedded fonts", c as u32);
        }
    }

    // Regression: an emoji with a combining accent, and an ideographic space with a variation
    // selector, passed the check and failed inside Typst ("could not be displayed with font").
    #[test]
    fn a_cluster_no_one_font_can_show_is_found() {
        assert_eq!(first_unshowable("ok 👍\u{301}"), Some((7, '\u{301}')));
        assert_eq!(first_unshowable("a\u{3000}\u{fe0f}b"), Some((1, '\u{3000}')));
        for fine in [
            "x\u{301}",
            "👍\u{fe0f}",
            "👍🏽",
            "🇸🇪",
            "👨\u{200d}👩\u{200d}👧",
            "אָ",
            " \u{301}",
            "a\u{3000}b",
        ] {
            assert_eq!(first_unshowable(fine), None, "{fine:?}");
        }
    }

    #[test]
    fn the_embedded_fonts_cover_every_script_a_report_needs() {
        for (script, text) in SHOWN {
            let missing: Vec<String> = text
                .chars()
                .filter(|c| !c.is_whitespace() && !can_show(*c))
                .map(|c| format!("{c} U+{:04X}", c as u32))
                .collect();
            assert!(missing.is_empty(), "{script}: no glyph for {missing:?}");
        }
    }

    #[test]
    fn inter_alone_covers_latin_cyrillic_and_greek() {
        let inter = FontInfo::iter(EMBEDDED[0]).next().unwrap();
        for (script, text) in &SHOWN[..6] {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                assert!(inter.coverage.contains(c as u32), "{script}: Inter lacks {c}");
            }
        }
    }

    #[test]
    fn plain_swedish_text_is_known_showable_from_its_characters() {
        assert!(plainly_showable("titel: \"Åtgärd – klar\"\r\ntext: |\n  • 5 ‰ … ”citat” € ≥ 2\n"));
        // A character outside the shortcut, or an escape that may write any character, needs
        // the texts read one by one.
        for source in
            ["t: 中", "t: x\u{301}", "t: 👍", "t: \"\\u4E2D\"", "t: a\u{200D}b", "t: \u{1}"]
        {
            assert!(!plainly_showable(source), "{source:?}");
        }
    }

    #[test]
    fn cjk_and_private_use_characters_are_not_shown() {
        assert_eq!(first_unshowable("ok 中文"), Some((3, '中')));
        assert_eq!(first_unshowable("x\u{F0000}"), Some((1, '\u{F0000}')));
        assert_eq!(first_unshowable("a\u{200D}b\u{FE0F}\n\u{1}\u{FEFF}\u{3000}\u{205F}"), None);
        assert_eq!(first_unshowable("a\u{1680}"), Some((1, '\u{1680}')));
    }
}
