//! The organisation's look from a `_brand.yml` file (the brand.yml format shared by document
//! tools): its name, logo, colours and fonts. One file beside the year folders (or above them)
//! serves every report of an organisation; a report folder's own file takes its place.
//!
//! ledgen reads the part of brand.yml that applies to a printed report: `meta.name`, `logo`,
//! `color` (`palette`, `primary`, `secondary`, `foreground`, `background`) and the families of
//! `typography` (`base`, `headings`, `monospace`) from font files shipped beside the brand file.
//! Other brand.yml keys are accepted and ignored; keys brand.yml does not know are errors.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::{IgnoredAny, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer};

use crate::diagnostics::{Diagnostic, nearest};
use crate::sandbox::ReadError;

/// The brand file's name.
pub const FILE_NAME: &str = "_brand.yml";
/// How many folders above the content folder (the report folder's parent) are searched for a
/// brand file, unless the content folder holds `.git`: one, where a city keeps one file beside
/// its administrations' content folders. Further up lie folders such as `/tmp` or a home
/// folder, where a file anyone planted would apply unasked.
pub const LEVELS_ABOVE_CONTENT: usize = 1;
/// Largest logo or font file read.
const MAX_ASSET_BYTES: u64 = 16 * 1024 * 1024;
/// Most pixels a PNG or JPEG logo may decode to: 4 000 × 4 000 is sharp across a page. The
/// logos count toward the report's images too (see [`super::load::MAX_REPORT_PIXELS`]).
const MAX_LOGO_PIXELS: u64 = 16_000_000;
/// The accent colour when the brand names none.
pub const DEFAULT_PRIMARY: &str = "#1d4f91";
/// The contrast text needs against its background (WCAG 2.1 AA, normal text).
const MIN_CONTRAST: f64 = 4.5;
/// The families that are always embedded and need no font file.
const BUILT_IN_FAMILIES: &[&str] = &["Inter"];

/// The organisation's look, validated, with its logo and font files read.
#[derive(Debug, Clone)]
pub struct Brand {
    /// The brand file, as found from the report folder.
    pub path: PathBuf,
    /// `meta.name`: the full name.
    pub name: Option<String>,
    /// `meta.name.short`: the short name, shown in running headers.
    pub short_name: Option<String>,
    /// The logo for the title page (`large`, else `medium`, else `small`, else the only one).
    pub logo: Option<Logo>,
    /// The logo for running headers (`small`, else `medium`, else `large`).
    pub header_logo: Option<Logo>,
    /// `color.primary`: the accent of headings, links and the title page.
    pub primary: Option<Rgb>,
    /// `color.secondary`: rules and decorations.
    pub secondary: Option<Rgb>,
    /// `color.foreground`: body text.
    pub foreground: Option<Rgb>,
    /// `color.background`: the page background of the HTML page.
    pub background: Option<Rgb>,
    /// Font files from `typography.fonts` with `source: file`.
    pub fonts: Vec<BrandFont>,
    /// `typography.base.family`.
    pub base_family: Option<String>,
    /// `typography.headings.family`.
    pub headings_family: Option<String>,
    /// `typography.monospace.family`.
    pub monospace_family: Option<String>,
}

/// A logo file.
#[derive(Debug, Clone)]
pub struct Logo {
    /// A file name for it, unique within the brand, e.g. `logo-large.svg`.
    pub name: String,
    /// Its media type.
    pub mime: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Its alternative text.
    pub alt: String,
}

/// A font file of the brand.
#[derive(Debug, Clone)]
pub struct BrandFont {
    /// The family the brand file names.
    pub family: String,
    /// The family the font file itself names, by which Typst selects it.
    pub file_family: String,
    /// Its weight, 100–900.
    pub weight: u16,
    /// Whether it is an italic face.
    pub italic: bool,
    /// `truetype` or `opentype`, for CSS.
    pub format: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl Brand {
    /// The Typst family for a brand family: the one its font file names.
    pub fn typst_family(&self, family: &str) -> String {
        self.fonts
            .iter()
            .find(|f| f.family == family)
            .map_or_else(|| family.to_string(), |f| f.file_family.clone())
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// White.
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    /// Parses `#rgb` or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        let digits: Vec<u8> =
            hex.chars().map(|c| c.to_digit(16).map(|d| d as u8)).collect::<Option<_>>()?;
        match digits.as_slice() {
            [r, g, b] => Some(Rgb(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Some(Rgb(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => None,
        }
    }

    /// WCAG relative luminance.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The WCAG contrast ratio of two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

// ----- The file as written -----

/// A value written either as one text or as `key: value` entries.
#[derive(Debug)]
pub(super) enum TextOr<T> {
    Text(String),
    Map(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for TextOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = TextOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text or `key: value` entries")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(TextOr::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(TextOr::Map)
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for TextOr<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("TextOr{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let map = generator.subschema_for::<T>();
        schemars::json_schema!({ "anyOf": [{ "type": "string" }, map] })
    }
}

/// A font weight: a number from 100 to 900, or `normal` or `bold`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Weight(u16);

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Weight;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a font weight from 100 to 900, `normal` or `bold`")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Weight, E> {
                match u16::try_from(v) {
                    Ok(w) if (100..=900).contains(&w) => Ok(Weight(w)),
                    _ => Err(E::custom(format!("font weight {v} is not from 100 to 900"))),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Weight, E> {
                self.visit_u64(u64::try_from(v).unwrap_or(0))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Weight, E> {
                match v.trim() {
                    "normal" | "regular" => Ok(Weight(400)),
                    "bold" => Ok(Weight(700)),
                    other => match other.parse::<u64>() {
                        Ok(n) => self.visit_u64(n),
                        Err(_) => Err(E::custom(format!(
                            "font weight `{other}` is not a number from 100 to 900, `normal` or \
                             `bold`"
                        ))),
                    },
                }
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl schemars::JsonSchema for Weight {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FontWeight".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                { "type": "integer", "minimum": 100, "maximum": 900 },
                { "type": "string" }
            ],
            "description": "A font weight: 100 to 900, `normal` or `bold`."
        })
    }
}

/// `_brand.yml`: the organisation's name, logo, colours and fonts (brand.yml; ledgen reads the
/// keys described here and ignores the other brand.yml keys).
#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "_brand.yml")]
pub(super) struct RawBrand {
    /// The organisation's name and links.
    #[serde(default)]
    meta: Option<RawMeta>,
    /// The logo: a path, or `images` and `small`, `medium`, `large`, each a path, an image name
    /// or `{path, alt}`. ledgen requires `alt`.
    #[serde(default)]
    logo: Option<TextOr<RawLogo>>,
    /// Colours, as hex codes or names from `palette`.
    #[serde(default)]
    color: Option<RawColor>,
    /// Fonts and which families the text, headings and code use.
    #[serde(default)]
    typography: Option<RawTypography>,
    /// Settings for other tools; ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    defaults: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    /// The organisation's name: a text, or `full` and `short`.
    #[serde(default)]
    name: Option<TextOr<RawName>>,
    /// Web links; ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    link: Option<IgnoredAny>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawName {
    /// The full name, e.g. "Exempelkommun".
    #[serde(default)]
    full: Option<String>,
    /// A short name for running headers.
    #[serde(default)]
    short: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawLogo {
    /// Named logo images, each a path or `{path, alt}`.
    #[serde(default)]
    images: BTreeMap<String, TextOr<RawImage>>,
    /// The small logo (running headers).
    #[serde(default)]
    small: Option<TextOr<RawImage>>,
    /// The medium logo.
    #[serde(default)]
    medium: Option<TextOr<RawImage>>,
    /// The large logo (title page).
    #[serde(default)]
    large: Option<TextOr<RawImage>>,
    /// One logo for every size: its path.
    #[serde(default)]
    path: Option<String>,
    /// The one logo's alternative text.
    #[serde(default)]
    alt: Option<String>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawImage {
    /// The image file, relative to the brand file, or the name of an entry of `images`.
    #[serde(default)]
    path: Option<String>,
    /// What the logo shows, for readers who cannot see it, e.g. "Exempelkommuns logotyp".
    #[serde(default)]
    alt: Option<String>,
    /// The variant for light backgrounds (the one ledgen uses).
    #[serde(default)]
    light: Option<Box<TextOr<RawImage>>>,
    /// The variant for dark backgrounds; ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    dark: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawColor {
    /// Named colours, as hex codes.
    #[serde(default)]
    palette: BTreeMap<String, String>,
    /// The accent: headings, links, the title page; text on white needs a contrast of 4.5:1.
    #[serde(default)]
    primary: Option<String>,
    /// Rules and decorations.
    #[serde(default)]
    secondary: Option<String>,
    /// Body text.
    #[serde(default)]
    foreground: Option<String>,
    /// The web page's background.
    #[serde(default)]
    background: Option<String>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    tertiary: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    success: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    info: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    warning: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    danger: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    light: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    dark: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawTypography {
    /// Font families and their files.
    #[serde(default)]
    fonts: Vec<RawFont>,
    /// Body text: a family, or `{family}`.
    #[serde(default)]
    base: Option<TextOr<RawTextStyle>>,
    /// Headings: a family, or `{family}`.
    #[serde(default)]
    headings: Option<TextOr<RawTextStyle>>,
    /// Code: a family, or `{family}`.
    #[serde(default)]
    monospace: Option<TextOr<RawTextStyle>>,
    /// Ignored.
    #[serde(default, rename = "monospace-inline")]
    #[schemars(with = "Option<serde_json::Value>")]
    monospace_inline: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default, rename = "monospace-block")]
    #[schemars(with = "Option<serde_json::Value>")]
    monospace_block: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    link: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawTextStyle {
    /// The font family.
    #[serde(default)]
    family: Option<String>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    size: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    weight: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    style: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    color: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default, rename = "background-color")]
    #[schemars(with = "Option<serde_json::Value>")]
    background_color: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default, rename = "line-height")]
    #[schemars(with = "Option<serde_json::Value>")]
    line_height: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawFont {
    /// The family name, as `base`, `headings` and `monospace` name it.
    family: String,
    /// Where the font comes from; ledgen embeds only `file`.
    #[serde(default)]
    source: Option<String>,
    /// The font files (`.ttf` or `.otf`), relative to the brand file: a path, or `{path, weight,
    /// style}`.
    #[serde(default)]
    files: Vec<TextOr<RawFontFile>>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    weight: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    style: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    display: Option<IgnoredAny>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawFontFile {
    /// The font file, relative to the brand file.
    path: String,
    /// Its weight; 400 when not given.
    #[serde(default)]
    weight: Option<Weight>,
    /// `normal` or `italic`.
    #[serde(default)]
    style: Option<String>,
}

// ----- Finding and loading -----

/// The brand file that applies to the report in `report_dir`: the first `_brand.yml` in the
/// report folder, the content folder above it, and [`LEVELS_ABOVE_CONTENT`] folder further
/// up, stopping at the first folder that holds `.git` (the repository's root).
///
/// The folders are those the user named, not those links lead to: a year folder that is a link
/// to another place takes the brand of the content folder it was named in, and the file found
/// is the file read.
pub fn find(report_dir: &Path) -> Option<PathBuf> {
    let named = std::path::absolute(report_dir).ok()?;
    for (level, dir) in named.ancestors().take(2 + LEVELS_ABOVE_CONTENT).enumerate() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(shown_path(report_dir, level).unwrap_or(candidate));
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// `report_dir`'s ancestor `level` folders up, joined with the file name, written the way the
/// user named the report folder when that can be done.
fn shown_path(report_dir: &Path, level: usize) -> Option<PathBuf> {
    let mut dir = report_dir;
    for _ in 0..level {
        dir = dir.parent().filter(|p| !p.as_os_str().is_empty())?;
        if dir.ends_with("..") || dir.ends_with(".") {
            return None;
        }
    }
    Some(dir.join(FILE_NAME))
}

/// Loads `chosen`, or else finds and loads the brand file of the report in `report_dir` if there
/// is one; problems are added to `errors`.
pub fn load_for(
    report_dir: &Path,
    chosen: Option<&Path>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Brand> {
    let path = match chosen {
        Some(path) => path.to_path_buf(),
        None => find(report_dir)?,
    };
    let text = match super::load::read_brand_text(&path) {
        Ok(text) => text,
        Err(diagnostic) => {
            errors.push(diagnostic);
            return None;
        }
    };
    let raw: RawBrand = match super::load::parse_yaml(&path, &text) {
        Ok(raw) => raw,
        Err(diagnostic) => {
            errors.push(diagnostic);
            return None;
        }
    };
    let before = errors.len();
    let brand = Resolver { path: &path, text: &text, errors }.brand(raw);
    (errors.len() == before).then_some(brand)
}

/// Turns the file as written into a [`Brand`], reading its files and checking its colours.
struct Resolver<'a> {
    path: &'a Path,
    text: &'a str,
    errors: &'a mut Vec<Diagnostic>,
}

impl Resolver<'_> {
    /// An error at the first line that holds `key:` followed by `value` (or `key:` alone).
    fn error(&mut self, key: &str, value: Option<&str>, message: String) -> &mut Diagnostic {
        let (line, column) = locate(self.text, key, value);
        self.errors.push(Diagnostic::at(self.path, self.text, line, column, message));
        self.errors.last_mut().expect("just pushed")
    }

    fn folder(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    fn brand(mut self, raw: RawBrand) -> Brand {
        let (name, short_name) = match raw.meta.and_then(|m| m.name) {
            Some(TextOr::Text(name)) => (Some(name), None),
            Some(TextOr::Map(RawName { full, short })) => (full.or(short.clone()), short),
            None => (None, None),
        };
        let (logo, header_logo) = match raw.logo {
            Some(logo) => self.logos(logo),
            None => (None, None),
        };
        let color = raw.color.unwrap_or_default();
        let mut colour = |key: &str, value: &Option<String>| {
            value.as_deref().and_then(|v| self.colour(&color.palette, key, v))
        };
        let primary = colour("primary", &color.primary);
        let secondary = colour("secondary", &color.secondary);
        let foreground = colour("foreground", &color.foreground);
        let background = colour("background", &color.background);
        for (key, value, colour) in
            [("primary", &color.primary, primary), ("foreground", &color.foreground, foreground)]
        {
            let Some(colour) = colour else { continue };
            let mut grounds = vec![(Rgb::WHITE, "white".to_string())];
            if let Some(b) = background.filter(|b| *b != Rgb::WHITE) {
                grounds.push((b, format!("the background {b}")));
            }
            for (ground, ground_name) in grounds {
                let ratio = colour.contrast(ground);
                if ratio < MIN_CONTRAST {
                    self.error(
                        key,
                        value.as_deref(),
                        format!(
                            "`color.{key}` {colour} has a contrast of {:.1}:1 against \
                             {ground_name}; text needs at least {MIN_CONTRAST}:1",
                            (ratio * 10.0).floor() / 10.0
                        ),
                    )
                    .notes
                    .push(format!(
                        "hint: ledgen writes headings, links and white title text in \
                         `color.{key}`; choose a darker shade (WCAG 2.1 AA)"
                    ));
                }
            }
        }
        let (fonts, base_family, headings_family, monospace_family) = match raw.typography {
            Some(t) => self.typography(t),
            None => (Vec::new(), None, None, None),
        };
        Brand {
            path: self.path.to_path_buf(),
            name,
            short_name,
            logo,
            header_logo,
            primary,
            secondary,
            foreground,
            background,
            fonts,
            base_family,
            headings_family,
            monospace_family,
        }
    }

    /// A colour value: a hex code or a palette name.
    fn colour(
        &mut self,
        palette: &BTreeMap<String, String>,
        key: &str,
        value: &str,
    ) -> Option<Rgb> {
        let written = value.trim();
        let hex = palette.get(written).map_or(written, String::as_str).trim();
        if let Some(rgb) = Rgb::parse(hex) {
            return Some(rgb);
        }
        let message = if palette.contains_key(written) {
            format!("`color.palette.{written}` `{hex}` is not a hex colour such as `#1d4f91`")
        } else if written.starts_with('#') {
            format!("`color.{key}` `{written}` is not a hex colour such as `#1d4f91`")
        } else {
            format!("`color.{key}` `{written}` is neither a hex colour nor a name in `palette`")
        };
        let hint = nearest(written, palette.keys().map(String::as_str))
            .map(|n| format!("hint: did you mean `{n}`?"))
            .unwrap_or_else(|| {
                "hint: write the colour as `#rrggbb`; ledgen measures its contrast, so CSS colour \
                 names and functions are not accepted"
                    .into()
            });
        self.error(key, Some(written), message).notes.push(hint);
        None
    }

    /// The title-page logo and the running-header logo.
    fn logos(&mut self, logo: TextOr<RawLogo>) -> (Option<Logo>, Option<Logo>) {
        let raw = match logo {
            TextOr::Text(path) => {
                self.error("logo", Some(&path), "the logo has no alternative text".into())
                    .notes
                    .push(format!(
                        "hint: write `logo: {{path: {path}, alt: \"…\"}}`, with `alt` saying what \
                         the logo shows, e.g. \"Exempelkommuns logotyp\""
                    ));
                return (None, None);
            }
            TextOr::Map(raw) => raw,
        };
        let single = raw.path.clone().map(|path| RawImage {
            path: Some(path),
            alt: raw.alt.clone(),
            light: None,
            dark: None,
        });
        if single.is_none() && raw.alt.is_some() {
            self.error("alt", None, "`logo.alt` without `logo.path`".into());
        }
        let mut read = |size: &str, image: Option<&TextOr<RawImage>>| {
            image.and_then(|image| self.logo(size, image, &raw.images))
        };
        let large = read("large", raw.large.as_ref());
        let medium = read("medium", raw.medium.as_ref());
        let small = read("small", raw.small.as_ref());
        let single = single.and_then(|s| self.logo("logo", &TextOr::Map(s), &raw.images));
        let title = large.clone().or(medium.clone()).or(small.clone()).or(single.clone());
        let header = small.or(medium).or(large).or(single);
        (title, header)
    }

    /// One logo: a path or an `images` name, with its alt text.
    fn logo(
        &mut self,
        size: &str,
        image: &TextOr<RawImage>,
        images: &BTreeMap<String, TextOr<RawImage>>,
    ) -> Option<Logo> {
        let (mut path, mut alt) = match image {
            TextOr::Text(path) => (path.clone(), None),
            TextOr::Map(RawImage { light: Some(light), .. }) => {
                return self.logo(size, light, images);
            }
            TextOr::Map(RawImage { path: Some(path), alt, .. }) => (path.clone(), alt.clone()),
            TextOr::Map(_) => {
                self.error(size, None, format!("the `{size}` logo has no `path`"));
                return None;
            }
        };
        // A name from `images` stands for that image; its alt text applies unless overridden.
        if let Some(named) = images.get(&path) {
            let named = match named {
                TextOr::Map(RawImage { light: Some(light), .. }) => light.as_ref(),
                other => other,
            };
            match named {
                TextOr::Text(p) => path = p.clone(),
                TextOr::Map(RawImage { path: Some(p), alt: named_alt, .. }) => {
                    path = p.clone();
                    alt = alt.or(named_alt.clone());
                }
                TextOr::Map(_) => {}
            }
        }
        let Some(alt) = alt.filter(|a| !a.trim().is_empty()) else {
            self.error(size, Some(&path), format!("the `{size}` logo has no alternative text"))
                .notes
                .push(format!(
                    "hint: write `{size}: {{path: {path}, alt: \"…\"}}`, with `alt` saying what \
                     the logo shows, e.g. \"Exempelkommuns logotyp\"; the web page needs it"
                ));
            return None;
        };
        let extension = Path::new(&path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let mime = match extension.as_str() {
            "png" => "image/png",
            "jpg" | "jpeg" => "image/jpeg",
            "svg" => "image/svg+xml",
            _ => {
                self.error(
                    size,
                    Some(&path),
                    format!("the logo `{path}` is not a PNG, JPEG or SVG file"),
                )
                .notes
                .push("hint: save the logo as .svg (best), .png or .jpg".into());
                return None;
            }
        };
        let bytes = self.asset(size, &path)?;
        let looks_right = match mime {
            "image/png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "image/jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            _ => std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")),
        };
        if !looks_right {
            self.error(
                size,
                Some(&path),
                format!("the logo `{path}` is not a valid {} file", extension.to_uppercase()),
            );
            return None;
        }
        let pixels = super::load::decoded_pixels(&bytes);
        if pixels > MAX_LOGO_PIXELS {
            self.error(
                size,
                Some(&path),
                format!(
                    "the logo `{path}` is {} megapixels, more than the {} a logo may be",
                    pixels.div_ceil(1_000_000),
                    MAX_LOGO_PIXELS / 1_000_000
                ),
            )
            .notes
            .push("hint: save the logo at the size it is shown, or as .svg".into());
            return None;
        }
        let name = format!("logo-{size}.{extension}");
        Some(Logo { name, mime, bytes, alt: alt.trim().to_string() })
    }

    /// The bytes of a file named in the brand file, which must lie in the brand file's folder.
    fn asset(&mut self, key: &str, path: &str) -> Option<Vec<u8>> {
        let folder = self.folder();
        let full = folder.join(path);
        let fail = |this: &mut Self, message: String| {
            this.error(key, Some(path), message);
            None
        };
        let Ok(files) = crate::sandbox::Sandbox::new(&folder) else {
            return fail(self, format!("cannot read the folder of `{}`", self.path.display()));
        };
        match files.read(&full, MAX_ASSET_BYTES) {
            Ok(bytes) => Some(bytes),
            Err(ReadError::Outside(_)) => {
                self.error(
                    key,
                    Some(path),
                    format!("`{path}` is outside the folder of the brand file"),
                )
                .notes
                .push("hint: keep the logo and font files in the brand file's folder".into());
                None
            }
            Err(ReadError::IsDirectory | ReadError::NotAFile) => {
                fail(self, format!("`{}` is not a regular file", full.display()))
            }
            Err(ReadError::TooLarge(_)) => fail(
                self,
                format!(
                    "`{}` is larger than the {} MiB a logo or font file may be",
                    full.display(),
                    MAX_ASSET_BYTES / (1024 * 1024)
                ),
            ),
            Err(ReadError::NotFound(e) | ReadError::Unresolved(e) | ReadError::Io(e)) => {
                fail(self, format!("cannot read `{}`: {e}", full.display()))
            }
        }
    }

    /// The font files and the families of body text, headings and code.
    fn typography(
        &mut self,
        raw: RawTypography,
    ) -> (Vec<BrandFont>, Option<String>, Option<String>, Option<String>) {
        let mut fonts = Vec::new();
        let mut other_sources: Vec<(String, String)> = Vec::new();
        for font in &raw.fonts {
            let source = font.source.as_deref().unwrap_or("file");
            if !is_family_name(font.family.trim()) {
                self.error(
                    "family",
                    Some(&font.family),
                    format!(
                        "font family `{}` may hold only letters, digits, spaces and `-`",
                        font.family
                    ),
                );
                continue;
            }
            if source != "file" {
                other_sources.push((font.family.clone(), source.to_string()));
                continue;
            }
            if font.files.is_empty() {
                self.error(
                    "family",
                    Some(&font.family),
                    format!("the font `{}` has `source: file` but no `files`", font.family),
                );
            }
            for file in &font.files {
                let (path, weight, style) = match file {
                    TextOr::Text(path) => (path.clone(), None, None),
                    TextOr::Map(f) => (f.path.clone(), f.weight, f.style.clone()),
                };
                let italic = match style.as_deref().map(str::trim) {
                    None | Some("normal") => false,
                    Some("italic") => true,
                    Some(other) => {
                        self.error(
                            "style",
                            Some(other),
                            format!("font style `{other}` is neither `normal` nor `italic`"),
                        );
                        continue;
                    }
                };
                if let Some(font) = self.font(&font.family, &path, weight, italic) {
                    fonts.push(font);
                }
            }
        }
        let mut family = |key: &str, style: Option<TextOr<RawTextStyle>>| -> Option<String> {
            let family = match style? {
                TextOr::Text(family) => family,
                TextOr::Map(style) => style.family?,
            };
            let family = family.trim().to_string();
            if !is_family_name(&family) {
                self.error(
                    key,
                    Some(&family),
                    format!("font family `{family}` may hold only letters, digits, spaces and `-`"),
                );
                return None;
            }
            let known = fonts.iter().any(|f: &BrandFont| f.family == family)
                || BUILT_IN_FAMILIES.contains(&family.as_str());
            if !known {
                let message = format!(
                    "`typography.{key}` uses the font `{family}`, but no `fonts` entry gives its \
                     files"
                );
                let note = match other_sources.iter().find(|(f, _)| *f == family) {
                    Some((_, source)) => format!(
                        "hint: `source: {source}` fonts are not embedded; download the font \
                         files (.ttf or .otf), put them beside the brand file and list them \
                         with `source: file`"
                    ),
                    None => format!(
                        "hint: add `- {{family: {family}, source: file, files: [{{path: \
                         fonts/….ttf, weight: 400}}]}}` under `typography.fonts`"
                    ),
                };
                self.error(key, Some(&family), message).notes.push(note);
                return None;
            }
            Some(family)
        };
        let base = family("base", raw.base);
        let headings = family("headings", raw.headings);
        let monospace = family("monospace", raw.monospace);
        (fonts, base, headings, monospace)
    }

    /// One font file, checked to be a TrueType or OpenType font.
    fn font(
        &mut self,
        family: &str,
        path: &str,
        weight: Option<Weight>,
        italic: bool,
    ) -> Option<BrandFont> {
        let extension = Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let format = match extension.as_str() {
            "ttf" => "truetype",
            "otf" => "opentype",
            _ => {
                self.error(
                    "path",
                    Some(path),
                    format!("the font `{path}` is not a .ttf or .otf file"),
                )
                .notes
                .push(
                    "hint: the PDF embeds TrueType (.ttf) or OpenType (.otf) fonts; web \
                           fonts (.woff, .woff2) cannot be embedded"
                        .into(),
                );
                return None;
            }
        };
        let bytes = self.asset("path", path)?;
        let parsed = typst::text::Font::new(typst::foundations::Bytes::new(bytes.clone()), 0);
        let Some(parsed) = parsed else {
            self.error("path", Some(path), format!("`{path}` is not a valid font file"));
            return None;
        };
        let file_family = parsed.info().family.clone();
        let weight = weight.map_or_else(|| parsed.info().variant.weight.to_number(), |w| w.0);
        Some(BrandFont { family: family.to_string(), file_family, weight, italic, format, bytes })
    }
}

/// Whether `name` is a plain font family name, safe to write into CSS and Typst.
fn is_family_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
}

/// The 1-based line and column of the first line with `key:` followed by `value`; else of the
/// first line holding `value`; else of the first `key:`; else (0, 0).
fn locate(text: &str, key: &str, value: Option<&str>) -> (usize, usize) {
    let key_at = |line: &str| {
        let trimmed = line.trim_start().trim_start_matches("- ").trim_start();
        trimmed.starts_with(&format!("{key}:")).then(|| line.len() - trimmed.len())
    };
    let lines: Vec<&str> = text.lines().collect();
    let column = |line: &str, byte: usize| line[..byte].chars().count() + 1;
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        for (i, line) in lines.iter().enumerate() {
            if let Some(at) = key_at(line)
                && let Some(v) = line[at..].find(value)
            {
                return (i + 1, column(line, at + v));
            }
            // `key: value` inside a flow mapping, e.g. `{path: a.svg}`.
            if let Some(k) = line.find(&format!("{key}:"))
                && let Some(v) = line[k..].find(value)
            {
                return (i + 1, column(line, k + v));
            }
        }
        for (i, line) in lines.iter().enumerate() {
            if let Some(v) = line.find(value) {
                return (i + 1, column(line, v));
            }
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if let Some(at) = key_at(line) {
            return (i + 1, column(line, at));
        }
    }
    (0, 0)
}

/// The schema of `_brand.yml`.
pub(super) fn schema() -> serde_json::Value {
    schemars::schema_for!(RawBrand).to_value()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((Rgb::parse("#000").unwrap().contrast(Rgb::WHITE) - 21.0).abs() < 0.01);
        let yellow = Rgb::parse("#f2c230").unwrap();
        assert!((yellow.contrast(Rgb::WHITE) - 1.7).abs() < 0.1, "{}", yellow.contrast(Rgb::WHITE));
        assert!(Rgb::parse(DEFAULT_PRIMARY).unwrap().contrast(Rgb::WHITE) > 4.5);
        assert_eq!(Rgb::parse("#1D4F91").unwrap().to_string(), "#1d4f91");
        assert_eq!(Rgb::parse("#1d4f9"), None);
        assert_eq!(Rgb::parse("1d4f91"), None);
    }

    #[test]
    fn find_takes_the_nearest_file_and_stops_at_the_repository_root() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("city/content/2024");
        fs::create_dir_all(&report).unwrap();
        fs::create_dir(dir.path().join("city/content/.git")).unwrap();
        // Above the repository's root: never read.
        fs::write(dir.path().join("city").join(FILE_NAME), "").unwrap();
        assert_eq!(find(&report), None);
        // At the repository's root.
        fs::write(dir.path().join("city/content").join(FILE_NAME), "").unwrap();
        assert_eq!(find(&report), Some(report.parent().unwrap().join(FILE_NAME)));
        // A nearer file wins.
        fs::write(report.join(FILE_NAME), "").unwrap();
        assert_eq!(find(&report), Some(report.join(FILE_NAME)));
    }

    // A `_brand.yml` planted in `/tmp` or a home folder, three folders above a content folder,
    // used to apply unasked.
    #[test]
    fn find_looks_no_further_than_the_content_folders_parent() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("a/city/content/2024");
        fs::create_dir_all(&report).unwrap();
        fs::write(dir.path().join(FILE_NAME), "").unwrap();
        fs::write(dir.path().join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(find(&report), None);
        fs::write(dir.path().join("a/city").join(FILE_NAME), "").unwrap();
        assert_eq!(find(&report), Some(dir.path().join("a/city").join(FILE_NAME)));
    }

    // A year folder that linked elsewhere made the lookup search the link's target's folders
    // and then read a file of the same level above the named folder, which might not exist.
    #[cfg(unix)]
    #[test]
    fn find_follows_the_content_folder_as_named_through_a_linked_year_folder() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("arkiv/gamla/2024");
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(dir.path().join("arkiv/gamla").join(FILE_NAME), "").unwrap();
        let content = dir.path().join("stad/content");
        fs::create_dir_all(&content).unwrap();
        std::os::unix::fs::symlink(&elsewhere, content.join("2024")).unwrap();
        let report = content.join("2024");
        assert_eq!(find(&report), None);
        fs::write(content.join(FILE_NAME), "").unwrap();
        assert_eq!(find(&report), Some(content.join(FILE_NAME)));
    }

    #[test]
    fn locate_finds_the_key_with_its_value() {
        let text = "color:\n  palette:\n    blue: \"#123456\"\n  primary: blue\n";
        assert_eq!(locate(text, "primary", Some("blue")), (4, 12));
        assert_eq!(locate(text, "palette", None), (2, 3));
    }
}
