//! The organisation's look from a `_brand.yml` file (the brand.yml format shared by document
//! tools): its name, logo, colours and fonts. One file beside the year folders (or above them)
//! serves every report of an organisation; a report folder's own file takes its place.
//!
//! ledgen reads the part of brand.yml that applies to a printed report: `meta.name`, `logo`,
//! `color` (`palette`, `primary`, `secondary`, `foreground`, `background`) and the families of
//! `typography` (`base`, `headings`, `monospace`) from font files shipped beside the brand file.
//! Other brand.yml keys are accepted and ignored; keys brand.yml does not know are errors.

mod contrast;
mod file;
mod lookup;
mod resolve;

use std::path::{Path, PathBuf};

pub use contrast::Rgb;
pub use lookup::find;

use crate::diagnostics::Diagnostic;
use file::RawBrand;
use resolve::Resolver;

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
/// logos count toward the report's images too (see [`super::MAX_REPORT_PIXELS`]).
const MAX_LOGO_PIXELS: u64 = 16_000_000;
/// The accent colour when the brand names none.
pub const DEFAULT_PRIMARY: &str = "#1d4f91";
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
    let text = match super::yaml::read_brand_text(&path) {
        Ok(text) => text,
        Err(diagnostic) => {
            errors.push(diagnostic);
            return None;
        }
    };
    let raw: RawBrand = match super::yaml::parse_yaml(&path, &text) {
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

/// The schema of `_brand.yml`.
pub(super) fn schema() -> serde_json::Value {
    schemars::schema_for!(RawBrand).to_value()
}

#[cfg(test)]
mod tests {
    use super::resolve::locate;
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
