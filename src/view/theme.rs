//! The organisation's look as the templates see it: colours, logos and fonts from `_brand.yml`,
//! or the built-in look without one.

use serde::Serialize;

/// The organisation's look, as the templates use it. Every colour is a validated `#rrggbb`.
#[derive(Debug, Serialize)]
pub struct Theme {
    /// The accent of headings, links and the title page.
    pub accent: String,
    /// The colour of decorative rules; the accent when the brand names none.
    pub secondary: String,
    /// Body text colour, when the brand sets one.
    pub foreground: Option<String>,
    /// The web page's background colour, when the brand sets one.
    pub background: Option<String>,
    /// The name the running header shows: the brand's short name, else the organisation.
    pub header_name: Option<String>,
    /// The title-page logo.
    pub logo: Option<LogoView>,
    /// The running-header logo.
    pub header_logo: Option<LogoView>,
    /// Typst family of body text, when the brand sets one.
    pub base_font: Option<String>,
    /// Typst family of headings, when the brand sets one.
    pub headings_font: Option<String>,
    /// Typst family of code, when the brand sets one.
    pub monospace_font: Option<String>,
    /// CSS family names for body text, headings and code, when the brand sets them.
    pub css_base_font: Option<String>,
    /// CSS family of headings.
    pub css_headings_font: Option<String>,
    /// CSS family of code.
    pub css_monospace_font: Option<String>,
    /// The brand's font files as `@font-face` rules need them.
    pub font_faces: Vec<FontFaceView>,
}

/// A logo in both outputs.
#[derive(Debug, Serialize)]
pub struct LogoView {
    /// The path Typst reads it from (a file the compiler is handed, not one on disk).
    pub typst_path: String,
    /// A `data:` URL for the HTML page.
    pub data_url: String,
    /// Its alternative text.
    pub alt: String,
}

/// One `@font-face` rule.
#[derive(Debug, Serialize)]
pub struct FontFaceView {
    /// The family name.
    pub family: String,
    /// A `data:` URL of the font file.
    pub data_url: String,
    /// `truetype` or `opentype`.
    pub format: &'static str,
    /// 100–900.
    pub weight: u16,
    /// `normal` or `italic`.
    pub style: &'static str,
}

/// The folder under which the compiler serves the brand's files.
pub const BRAND_ASSETS: &str = "/__brand";

impl Theme {
    /// The theme of a report with `brand`, or the built-in look without one.
    pub fn new(brand: Option<&crate::model::Brand>) -> Self {
        use base64::Engine;
        let encode = |mime: &str, bytes: &[u8]| {
            format!(
                "data:{mime};base64,{}",
                base64::engine::general_purpose::STANDARD.encode(bytes)
            )
        };
        let logo = |l: &crate::model::Logo| LogoView {
            typst_path: format!("{BRAND_ASSETS}/{}", l.name),
            data_url: encode(l.mime, &l.bytes),
            alt: l.alt.clone(),
        };
        let accent = brand
            .and_then(|b| b.primary)
            .map_or_else(|| crate::model::DEFAULT_PRIMARY.to_string(), |c| c.to_string());
        let family = |f: Option<&String>| brand.zip(f).map(|(b, f)| b.typst_family(f));
        Theme {
            secondary: brand
                .and_then(|b| b.secondary)
                .map_or_else(|| accent.clone(), |c| c.to_string()),
            accent,
            foreground: brand.and_then(|b| b.foreground).map(|c| c.to_string()),
            background: brand.and_then(|b| b.background).map(|c| c.to_string()),
            header_name: brand.and_then(|b| b.short_name.clone()),
            logo: brand.and_then(|b| b.logo.as_ref()).map(logo),
            header_logo: brand.and_then(|b| b.header_logo.as_ref()).map(logo),
            base_font: family(brand.and_then(|b| b.base_family.as_ref())),
            headings_font: family(brand.and_then(|b| b.headings_family.as_ref())),
            monospace_font: family(brand.and_then(|b| b.monospace_family.as_ref())),
            css_base_font: brand.and_then(|b| b.base_family.clone()),
            css_headings_font: brand.and_then(|b| b.headings_family.clone()),
            css_monospace_font: brand.and_then(|b| b.monospace_family.clone()),
            font_faces: brand
                .map(|b| {
                    b.fonts
                        .iter()
                        .map(|f| FontFaceView {
                            family: f.family.clone(),
                            data_url: encode(
                                &format!(
                                    "font/{}",
                                    if f.format == "truetype" { "ttf" } else { "otf" }
                                ),
                                &f.bytes,
                            ),
                            format: f.format,
                            weight: f.weight,
                            style: if f.italic { "italic" } else { "normal" },
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}
