//! Which characters the embedded fonts can show. PDF/A forbids text drawn without a glyph, so a
//! character no embedded font has would fail the whole build inside Typst; the loader asks here
//! first and points at the content file instead.

use std::sync::OnceLock;

use typst::text::{Coverage, FontInfo, is_default_ignorable};

use super::EMBEDDED;

/// The character maps of the embedded fonts, read once.
fn coverages() -> &'static [Coverage] {
    static COVERAGES: OnceLock<Vec<Coverage>> = OnceLock::new();
    COVERAGES.get_or_init(|| {
        EMBEDDED.iter().flat_map(|data| FontInfo::iter(data)).map(|info| info.coverage).collect()
    })
}

/// Whether `c` can appear in content: some embedded font has a glyph for it, or it never needs
/// one (spaces of every width, line breaks and other control characters, which the Typst writer replaces or drops, the
/// byte-order mark it drops, and default-ignorable characters such as the zero-width joiner,
/// variation selectors and direction marks, which Typst's shaping removes).
pub fn can_show(c: char) -> bool {
    c.is_control()
        // Typst sets spaces without the font's glyph; U+1680 is a visible mark, not a space.
        || (c.is_whitespace() && c != '\u{1680}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
        || is_default_ignorable(c)
        || coverages().iter().any(|coverage| coverage.contains(c as u32))
}

/// The first character of `text` that no embedded font can show, with its byte offset.
pub fn first_unshowable(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|(_, c)| !can_show(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn cjk_and_private_use_characters_are_not_shown() {
        assert_eq!(first_unshowable("ok 中文"), Some((3, '中')));
        assert_eq!(first_unshowable("x\u{F0000}"), Some((1, '\u{F0000}')));
        assert_eq!(first_unshowable("a\u{200D}b\u{FE0F}\n\u{1}\u{FEFF}\u{3000}\u{205F}"), None);
        assert_eq!(first_unshowable("a\u{1680}"), Some((1, '\u{1680}')));
    }
}
