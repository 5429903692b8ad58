//! The organisation's look from `_brand.yml`: its logo, colour and font reach both outputs, and
//! a brand file that cannot be used is an error pointing at its line.

use std::fs;
use std::path::Path;

use crate::common::pdf::Pdf;
use crate::common::{ledgen, root};

/// A 2×2 PNG (green), small enough to write out here.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A,
    0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xE0, 0x8E, 0xF1, 0x02,
    0x22, 0x06, 0x08, 0x05, 0x00, 0x12, 0x6E, 0x02, 0xC5, 0x1A, 0x14, 0x10, 0x05, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// A content folder holding a copy of the example's 2022 report and nothing else.
fn content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    // Keep the search for a brand file inside the temporary folder.
    fs::create_dir(dir.path().join(".git")).unwrap();
    let from = root().join("examples/exempelkommun/2022");
    let to = dir.path().join("content/2022");
    fs::create_dir_all(&to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Builds `content/` under `dir` and returns the HTML page and the Typst source.
fn build(dir: &Path) -> (String, String) {
    let output = ledgen(dir, &["build", "--content", "content", "--out", "out", "--typst"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let read = |ext: &str| {
        fs::read_to_string(dir.join(format!("out/2022/ledningens-genomgang-2022.{ext}"))).unwrap()
    };
    (read("html"), read("typ"))
}

const BRAND: &str = "\
meta:
  name:
    full: Testkommun
    short: Testkommun
logo:
  small: {path: profil/logo.png, alt: Testkommuns logotyp}
color:
  palette:
    gron: \"#0b5c4a\"
  primary: gron
  secondary: \"#e0a526\"
typography:
  fonts:
    - family: Bebas Neue
      source: file
      files:
        - {path: profil/BebasNeue-Bold.otf, weight: 700}
  headings: Bebas Neue
";

fn write_brand(folder: &Path, text: &str) {
    fs::create_dir_all(folder.join("profil")).unwrap();
    fs::write(folder.join("profil/logo.png"), PNG).unwrap();
    fs::copy(
        root().join("tests/fixtures/brand/BebasNeue-Bold.otf"),
        folder.join("profil/BebasNeue-Bold.otf"),
    )
    .unwrap();
    fs::write(folder.join("_brand.yml"), text).unwrap();
}

#[test]
fn brand_logo_colour_and_font_reach_both_outputs() {
    let dir = content();
    let pdf = dir.path().join("out/2022/ledningens-genomgang-2022.pdf");
    build(dir.path());
    let images_before = Pdf::open(&pdf).image_count();

    write_brand(&dir.path().join("content"), BRAND);
    let (html, typst) = build(dir.path());
    // The colour: the Typst accent and the CSS variable come from `primary` (via the palette).
    assert!(typst.contains("#let accent = rgb(\"#0b5c4a\")"), "{typst}");
    assert!(typst.contains("#let secondary = rgb(\"#e0a526\")"));
    assert!(html.contains("--accent: #0b5c4a;"));
    // The logo: on the title page and in the header of the PDF, in the HTML header with its alt.
    assert!(typst.contains(
        "image(\"/__brand/logo-small.png\", height: 22mm, alt: \"Testkommuns logotyp\")"
    ));
    assert!(html.contains("<img class=\"logo\" src=\"data:image/png;base64,"), "no logo");
    assert!(html.contains("alt=\"Testkommuns logotyp\""));
    let images = Pdf::open(&pdf).image_count();
    assert!(images > images_before, "no image added to the PDF: {images} images");
    // The font: embedded in the PDF, and an `@font-face` of the page, cut to the page's
    // characters as WOFF2 (the file is 100 kB; the page needs a few letters of it).
    let fonts = Pdf::open(&pdf).font_names();
    assert!(fonts.iter().any(|f| f.contains("BebasNeue")), "{fonts:?}");
    let face = "@font-face { font-family: \"Bebas Neue\"; src: url(\"data:font/woff2;base64,";
    assert!(html.contains(face), "the brand's face, cut");
    assert!(!html.contains("data:font/otf"), "the whole file is not in the page");
    assert!(typst.contains("font: (\"Bebas Neue\",) + text-fonts"));
}

#[test]
fn the_slide_deck_wears_the_brand_too() {
    let dir = content();
    let deck = dir.path().join("out/2022/ledningens-genomgang-2022-presentation.pdf");
    let args = ["build", "--content", "content", "--out", "out", "--format", "slides"];
    let output = ledgen(dir.path(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(Pdf::open(&deck).image_count(), 0);
    write_brand(&dir.path().join("content"), BRAND);
    let output = ledgen(dir.path(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    // The logo (on the title slide and in every footer) and the headings' font.
    assert!(Pdf::open(&deck).image_count() >= 1);
    let fonts = Pdf::open(&deck).font_names();
    assert!(fonts.iter().any(|f| f.contains("BebasNeue")), "{fonts:?}");
    // The brand's short name in every footer (the title slide names the organisation in full).
    let pages = Pdf::open(&deck).pages();
    assert!(pages.iter().skip(1).all(|p| p.contains("Testkommun")), "{pages:?}");
}

#[test]
fn a_report_folders_brand_file_overrides_the_content_folders() {
    let dir = content();
    write_brand(&dir.path().join("content"), BRAND);
    let own = BRAND.replace("primary: gron", "primary: \"#5b2a86\"");
    write_brand(&dir.path().join("content/2022"), &own);
    let (html, typst) = build(dir.path());
    assert!(html.contains("--accent: #5b2a86;"));
    assert!(typst.contains("#let accent = rgb(\"#5b2a86\")"));
    // Without its own file, the report uses the content folder's.
    fs::remove_file(dir.path().join("content/2022/_brand.yml")).unwrap();
    let (html, _) = build(dir.path());
    assert!(html.contains("--accent: #0b5c4a;"));
}

#[test]
fn a_primary_colour_without_contrast_is_an_error_with_the_ratio() {
    let dir = content();
    write_brand(
        &dir.path().join("content"),
        &BRAND.replace("primary: gron", "primary: \"#f2c230\""),
    );
    let output = ledgen(dir.path(), &["check", "--content", "content"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("`color.primary` #f2c230 has a contrast of 1.6:1 against white; text needs at least 4.5:1"),
        "{err}"
    );
    assert!(err.contains("_brand.yml:10:"), "{err}");
}

#[test]
fn an_unknown_brand_key_is_an_error_at_its_line() {
    let dir = content();
    write_brand(&dir.path().join("content"), &BRAND.replace("  palette:", "  palete:"));
    let output = ledgen(dir.path(), &["check", "--content", "content"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("unknown field `palete`"), "{err}");
    assert!(err.contains("_brand.yml:8:"), "{err}");
    assert!(err.contains("did you mean `palette`?"), "{err}");
}

#[test]
fn a_logo_without_alternative_text_is_an_error() {
    let dir = content();
    write_brand(
        &dir.path().join("content"),
        &BRAND.replace("{path: profil/logo.png, alt: Testkommuns logotyp}", "profil/logo.png"),
    );
    let output = ledgen(dir.path(), &["check", "--content", "content"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("the `small` logo has no alternative text"), "{err}");
    assert!(err.contains("_brand.yml:6:"), "{err}");
}

/// brand.yml keys for other tools (`defaults`, `color.danger`) must not stop a shared file.
#[test]
fn brand_yml_keys_ledgen_does_not_use_are_accepted() {
    let dir = content();
    let with_more = BRAND
        .replace("  secondary: \"#e0a526\"\n", "  secondary: \"#e0a526\"\n  danger: \"#b42318\"\n");
    write_brand(&dir.path().join("content"), &format!("{with_more}defaults:\n  quarto: {{}}\n"));
    let output = ledgen(dir.path(), &["check", "--content", "content"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

// A brand file applied without a word: every build now names the one it applied, or none.
#[test]
fn every_build_names_the_brand_file_it_applied() {
    let dir = content();
    let build = ["build", "--content", "content", "--out", "out", "--format", "html"];
    let output = ledgen(dir.path(), &build);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("   Brand: none (no `_brand.yml` in"), "{}", stderr(&output));

    write_brand(&dir.path().join("content"), BRAND);
    let output = ledgen(dir.path(), &build);
    let shown = format!("   Brand: `{}`\n", Path::new("content").join("_brand.yml").display());
    assert!(stderr(&output).contains(&shown), "{}", stderr(&output));

    let (_server, _, log) =
        crate::common::serve_with_log(dir.path(), "", &["--content", "content"]);
    let shown = format!("   Brand: `{}`", Path::new("content").join("_brand.yml").display());
    assert!(log.contains(&shown), "{log:?}");

    let output = ledgen(dir.path(), &[&build[..], &["--all"]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    let shown =
        format!("built content 2022 (brand: `{}`)", Path::new("content/_brand.yml").display());
    assert!(stderr(&output).contains(&shown), "{}", stderr(&output));
}

// With the lookup stopping at the content folder's parent, a brand file kept elsewhere is named
// with `--brand`, which takes the place of any file the lookup finds.
#[test]
fn brand_names_a_brand_file_kept_elsewhere() {
    let dir = content();
    write_brand(&dir.path().join("stadens-profil"), BRAND);
    let own = BRAND.replace("primary: gron", "primary: \"#5b2a86\"");
    write_brand(&dir.path().join("content"), &own);
    let file = Path::new("stadens-profil").join("_brand.yml");
    let file = file.to_str().unwrap();
    let args = ["build", "--content", "content", "--out", "out", "--format", "html"];
    let output = ledgen(dir.path(), &[&args[..], &["--brand", file]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("   Brand: `{file}`\n")), "{}", stderr(&output));
    let html = fs::read_to_string(dir.path().join("out/2022/ledningens-genomgang-2022.html"));
    assert!(html.unwrap().contains("--accent: #0b5c4a;"));

    // `check` reads the file named too, and says what is wrong in it.
    fs::write(dir.path().join(file), BRAND.replace("primary: gron", "primary: \"#ffff00\""))
        .unwrap();
    let output = ledgen(dir.path(), &["check", "--content", "content", "--brand", file]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("stadens-profil/_brand.yml:"), "{}", stderr(&output));
    let output = ledgen(dir.path(), &["check", "--content", "content"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

// A brand's logo is decoded like the report's images: a small file may state a huge image.
#[test]
fn a_logo_of_too_many_pixels_is_an_error() {
    let dir = content();
    write_brand(&dir.path().join("content"), BRAND);
    fs::write(dir.path().join("content/profil/logo.png"), crate::common::stated_png(5_000, 5_000))
        .unwrap();
    let output = ledgen(dir.path(), &["check", "--content", "content"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "error: the logo `profil/logo.png` is 25 megapixels, more than the 16 a logo may be"
        ),
        "{}",
        stderr(&output)
    );
}

// The logos are decoded with the report's images, and count toward the same 100 megapixels:
// 88 of images pass alone, not beside a logo of 16 (shown twice, counted once).
#[test]
fn logos_count_toward_the_report_pixel_budget() {
    let dir = content();
    write_brand(&dir.path().join("content"), BRAND);
    let logo = crate::common::stated_png(4_000, 4_000);
    fs::write(dir.path().join("content/profil/logo.png"), logo).unwrap();
    let year = dir.path().join("content/2022");
    for name in ["a", "b"] {
        fs::write(year.join(format!("{name}.png")), crate::common::stated_png(8_000, 5_500))
            .unwrap();
    }
    let path = year.join("introduction.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let shown = "content:\n  - text: \"![A](a.png) ![B](b.png)\"\n";
    fs::write(&path, text.replacen("content:\n", shown, 1)).unwrap();
    let output = ledgen(dir.path(), &["check", "--content", "content"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("error: image `b.png` is 44 megapixels, which takes the report's"),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("image `a.png`"), "{}", stderr(&output));
    fs::remove_file(dir.path().join("content/_brand.yml")).unwrap();
    let output = ledgen(dir.path(), &["check", "--content", "content"]);
    assert!(output.status.success(), "{}", stderr(&output));
}
