//! The `_brand.yml` file as written: the part of brand.yml ledgen reads, deserialised as it
//! stands, before [`super::resolve`] checks it and reads the files it names.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{IgnoredAny, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer};

use crate::tr;

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
pub(super) struct Weight(pub(super) u16);

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
                    _ => Err(E::custom(tr!("brand-file-weight-out-of-range", weight = v))),
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
                        Err(_) => {
                            Err(E::custom(tr!("brand-file-weight-not-a-number", weight = other)))
                        }
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
    pub(super) meta: Option<RawMeta>,
    /// The logo: a path, or `images` and `small`, `medium`, `large`, each a path, an image name
    /// or `{path, alt}`. ledgen requires `alt`.
    #[serde(default)]
    pub(super) logo: Option<TextOr<RawLogo>>,
    /// Colours, as hex codes or names from `palette`.
    #[serde(default)]
    pub(super) color: Option<RawColor>,
    /// Fonts and which families the text, headings and code use.
    #[serde(default)]
    pub(super) typography: Option<RawTypography>,
    /// Settings for other tools; ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) defaults: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeta {
    /// The organisation's name: a text, or `full` and `short`.
    #[serde(default)]
    pub(super) name: Option<TextOr<RawName>>,
    /// Web links; ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) link: Option<IgnoredAny>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawName {
    /// The full name, e.g. "Exempelkommun".
    #[serde(default)]
    pub(super) full: Option<String>,
    /// A short name for running headers.
    #[serde(default)]
    pub(super) short: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLogo {
    /// Named logo images, each a path or `{path, alt}`.
    #[serde(default)]
    pub(super) images: BTreeMap<String, TextOr<RawImage>>,
    /// The small logo (running headers).
    #[serde(default)]
    pub(super) small: Option<TextOr<RawImage>>,
    /// The medium logo.
    #[serde(default)]
    pub(super) medium: Option<TextOr<RawImage>>,
    /// The large logo (title page).
    #[serde(default)]
    pub(super) large: Option<TextOr<RawImage>>,
    /// One logo for every size: its path.
    #[serde(default)]
    pub(super) path: Option<String>,
    /// The one logo's alternative text.
    #[serde(default)]
    pub(super) alt: Option<String>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawImage {
    /// The image file, relative to the brand file, or the name of an entry of `images`.
    #[serde(default)]
    pub(super) path: Option<String>,
    /// What the logo shows, for readers who cannot see it, e.g. "Exempelkommuns logotyp".
    #[serde(default)]
    pub(super) alt: Option<String>,
    /// The variant for light backgrounds (the one ledgen uses).
    #[serde(default)]
    pub(super) light: Option<Box<TextOr<RawImage>>>,
    /// The variant for dark backgrounds; ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) dark: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawColor {
    /// Named colours, as hex codes.
    #[serde(default)]
    pub(super) palette: BTreeMap<String, String>,
    /// The accent: headings, links, the title page; text on white needs a contrast of 4.5:1.
    #[serde(default)]
    pub(super) primary: Option<String>,
    /// Rules and decorations.
    #[serde(default)]
    pub(super) secondary: Option<String>,
    /// Body text.
    #[serde(default)]
    pub(super) foreground: Option<String>,
    /// The web page's background.
    #[serde(default)]
    pub(super) background: Option<String>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) tertiary: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) success: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) info: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) warning: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) danger: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) light: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) dark: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTypography {
    /// Font families and their files.
    #[serde(default)]
    pub(super) fonts: Vec<RawFont>,
    /// Body text: a family, or `{family}`.
    #[serde(default)]
    pub(super) base: Option<TextOr<RawTextStyle>>,
    /// Headings: a family, or `{family}`.
    #[serde(default)]
    pub(super) headings: Option<TextOr<RawTextStyle>>,
    /// Code: a family, or `{family}`.
    #[serde(default)]
    pub(super) monospace: Option<TextOr<RawTextStyle>>,
    /// Ignored.
    #[serde(default, rename = "monospace-inline")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) monospace_inline: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default, rename = "monospace-block")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) monospace_block: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) link: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTextStyle {
    /// The font family.
    #[serde(default)]
    pub(super) family: Option<String>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) size: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) weight: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) style: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) color: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default, rename = "background-color")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) background_color: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default, rename = "line-height")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) line_height: Option<IgnoredAny>,
}

#[allow(
    dead_code,
    reason = "brand.yml keys ledgen accepts and ignores are read only to be allowed"
)]
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFont {
    /// The family name, as `base`, `headings` and `monospace` name it.
    pub(super) family: String,
    /// Where the font comes from; ledgen embeds only `file`.
    #[serde(default)]
    pub(super) source: Option<String>,
    /// The font files (`.ttf` or `.otf`), relative to the brand file: a path, or `{path, weight,
    /// style}`.
    #[serde(default)]
    pub(super) files: Vec<TextOr<RawFontFile>>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) weight: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) style: Option<IgnoredAny>,
    /// Ignored.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) display: Option<IgnoredAny>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFontFile {
    /// The font file, relative to the brand file.
    pub(super) path: String,
    /// Its weight; 400 when not given.
    #[serde(default)]
    pub(super) weight: Option<Weight>,
    /// `normal` or `italic`.
    #[serde(default)]
    pub(super) style: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{UiLanguage, in_language};

    #[test]
    fn a_wrong_font_weight_is_told_in_both_languages() {
        let error = |language, yaml: &str| {
            in_language(language, || {
                serde_saphyr::from_str::<Weight>(yaml)
                    .map(drop)
                    .expect_err("not a weight")
                    .to_string()
            })
        };
        let en = error(UiLanguage::En, "1000");
        assert!(en.contains("font weight 1000 is not from 100 to 900"), "{en}");
        let sv = error(UiLanguage::Sv, "1000");
        assert!(sv.contains("teckenvikten 1000 är inte mellan 100 och 900"), "{sv}");
        let sv = error(UiLanguage::Sv, "tjock");
        assert!(sv.contains("teckenvikten `tjock` är inte ett tal mellan 100 och 900"), "{sv}");
    }
}
