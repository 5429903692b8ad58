//! From the file as written to a [`Brand`]: names, logos and fonts read from the files it names
//! (within the brand's folder and size limits), colours parsed and checked for contrast, each
//! problem an error at its line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::contrast::MIN_CONTRAST;
use super::file::*;
use super::*;
use crate::diagnostics::{Diagnostic, nearest};
use crate::sandbox::ReadError;

/// Turns the file as written into a [`Brand`], reading its files and checking its colours.
pub(super) struct Resolver<'a> {
    /// The brand file.
    pub(super) path: &'a Path,
    /// Its text, for the lines of errors.
    pub(super) text: &'a str,
    /// Where problems go.
    pub(super) errors: &'a mut Vec<Diagnostic>,
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

    pub(super) fn brand(mut self, raw: RawBrand) -> Brand {
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
        let pixels = super::super::pixels::decoded_pixels(&bytes);
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
pub(super) fn locate(text: &str, key: &str, value: Option<&str>) -> (usize, usize) {
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
