//! From the file as written to a [`Brand`]: names, logos and fonts read from the files it names
//! (within the brand's folder and size limits), colours parsed and checked for contrast, each
//! problem an error at its line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::contrast::MIN_CONTRAST;
use super::file::*;
use super::*;
use crate::diagnostics::{Diagnostic, Note, nearest};
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
            let mut grounds = vec![(Rgb::WHITE, crate::tr!("brand-white"))];
            if let Some(b) = background.filter(|b| *b != Rgb::WHITE) {
                grounds.push((b, crate::tr!("brand-the-background", colour = b.to_string())));
            }
            for (ground, ground_name) in grounds {
                let ratio = colour.contrast(ground);
                if ratio < MIN_CONTRAST {
                    self.error(
                        key,
                        value.as_deref(),
                        crate::tr!(
                            "brand-low-contrast",
                            key = key,
                            colour = colour.to_string(),
                            ratio = crate::locale::decimal((ratio * 10.0).floor() / 10.0, 1),
                            ground = ground_name,
                            minimum = crate::locale::decimal(MIN_CONTRAST, 1)
                        ),
                    )
                    .notes
                    .push(Note::Hint(crate::tr!("brand-low-contrast-hint", key = key)));
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
            crate::tr!("brand-palette-not-hex", name = written, value = hex)
        } else if written.starts_with('#') {
            crate::tr!("brand-colour-not-hex", key = key, value = written)
        } else {
            crate::tr!("brand-colour-unknown", key = key, value = written)
        };
        let note = nearest(written, palette.keys().map(String::as_str))
            .map(|n| Note::Hint(crate::tr!("brand-did-you-mean", name = n)))
            .unwrap_or_else(|| Note::Hint(crate::tr!("brand-colour-hint")));
        self.error(key, Some(written), message).notes.push(note);
        None
    }

    /// The title-page logo and the running-header logo.
    fn logos(&mut self, logo: TextOr<RawLogo>) -> (Option<Logo>, Option<Logo>) {
        let raw = match logo {
            TextOr::Text(path) => {
                self.error("logo", Some(&path), crate::tr!("brand-logo-no-alt"))
                    .notes
                    .push(Note::Hint(crate::tr!("brand-logo-no-alt-hint", path = path.as_str())));
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
            self.error("alt", None, crate::tr!("brand-alt-without-path"));
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
                self.error(size, None, crate::tr!("brand-logo-no-path", size = size));
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
            self.error(size, Some(&path), crate::tr!("brand-sized-logo-no-alt", size = size))
                .notes
                .push(Note::Hint(crate::tr!(
                    "brand-sized-logo-no-alt-hint",
                    size = size,
                    path = path.as_str()
                )));
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
                    crate::tr!("brand-logo-format", path = path.as_str()),
                )
                .notes
                .push(Note::Hint(crate::tr!("brand-logo-format-hint")));
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
                crate::tr!(
                    "brand-logo-invalid",
                    path = path.as_str(),
                    format = extension.to_uppercase()
                ),
            );
            return None;
        }
        let pixels = super::super::pixels::decoded_pixels(&bytes);
        if pixels > MAX_LOGO_PIXELS {
            self.error(
                size,
                Some(&path),
                crate::tr!(
                    "brand-logo-too-large",
                    path = path.as_str(),
                    size = pixels.div_ceil(1_000_000).to_string(),
                    limit = (MAX_LOGO_PIXELS / 1_000_000).to_string()
                ),
            )
            .notes
            .push(Note::Hint(crate::tr!("brand-logo-too-large-hint")));
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
            let shown = self.path.display().to_string();
            return fail(self, crate::tr!("brand-folder-unreadable", path = shown));
        };
        match files.read(&full, MAX_ASSET_BYTES) {
            Ok(bytes) => Some(bytes),
            Err(ReadError::Outside(_)) => {
                self.error(key, Some(path), crate::tr!("brand-asset-outside", path = path))
                    .notes
                    .push(Note::Hint(crate::tr!("brand-asset-outside-hint")));
                None
            }
            Err(ReadError::IsDirectory | ReadError::NotAFile) => {
                fail(self, crate::tr!("brand-not-a-file", path = full.display().to_string()))
            }
            Err(ReadError::TooLarge(_)) => fail(
                self,
                crate::tr!(
                    "brand-asset-too-large",
                    path = full.display().to_string(),
                    limit = (MAX_ASSET_BYTES / (1024 * 1024)).to_string()
                ),
            ),
            Err(ReadError::NotFound(e) | ReadError::Unresolved(e) | ReadError::Io(e)) => {
                let shown = full.display().to_string();
                fail(self, crate::tr!("brand-cannot-read", path = shown, error = e.to_string()))
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
                    crate::tr!("brand-family-name", family = font.family.as_str()),
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
                    crate::tr!("brand-font-no-files", family = font.family.as_str()),
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
                            crate::tr!("brand-font-style", style = other),
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
                    crate::tr!("brand-family-name", family = family.as_str()),
                );
                return None;
            }
            let known = fonts.iter().any(|f: &BrandFont| f.family == family)
                || BUILT_IN_FAMILIES.contains(&family.as_str());
            if !known {
                let message =
                    crate::tr!("brand-family-unknown", key = key, family = family.as_str());
                let note = match other_sources.iter().find(|(f, _)| *f == family) {
                    Some((_, source)) => Note::Hint(crate::tr!(
                        "brand-family-not-embedded",
                        source = source.as_str()
                    )),
                    None => Note::Hint(crate::tr!("brand-family-add", family = family.as_str())),
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
                self.error("path", Some(path), crate::tr!("brand-font-format", path = path))
                    .notes
                    .push(Note::Hint(crate::tr!("brand-font-format-hint")));
                return None;
            }
        };
        let bytes = self.asset("path", path)?;
        let parsed = typst::text::Font::new(typst::foundations::Bytes::new(bytes.clone()), 0);
        let Some(parsed) = parsed else {
            self.error("path", Some(path), crate::tr!("brand-font-invalid", path = path));
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
