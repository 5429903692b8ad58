//! Every script a Swedish authority may write reaches the PDF (as PDF/A-2a and PDF/UA-1) and the
//! HTML page, and an image shown many times is stored once in each.

use std::fs;
use std::path::Path;

use crate::common::{ledgen, pdf_text, png_of, root, stated_png};

#[test]
fn minority_and_resident_languages_symbols_and_emoji_build_as_pdf_a_and_ua() {
    // Arabic text failed the whole build: "could not be displayed with font Inter".
    let case = root().join("tests/fixtures/valid/scripts");
    let out = tempfile::tempdir().unwrap();
    let output = ledgen(&case, &["build", "--out", out.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let pdf = pdf_text(&out.path().join("2024/ledningens-genomgang-2024.pdf"));
    for text in [
        "Áilu Ŋuolja-Đávgu",
        "á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ",
        "Tietoturvallisuuden johdon katselmus",
        "Обзор руководства по информационной безопасности",
        "ґ є ї",
        "Ανασκόπηση της διοίκησης",
        // Right-to-left text, word by word. The pointed Yiddish word is left out here: the
        // extractor misreads the font's mapping of its pointed letters (poppler reads it), so
        // it is checked in the HTML below.
        "שלום",
        "עולם",
        "العربية",
        "اللغة",
        "مراجعة",
        "بازبینی",
        "→ ← ≥ ≤ ≠ ± ✓ ✗ € § ° ½ ‰ © ™ • … ⚠ ★ ☐ ☑",
        "🔒 🛡 ✅ ❌ 📄 👍",
    ] {
        assert!(pdf.contains(text), "the PDF lacks `{text}`:\n{pdf}");
    }

    let html = fs::read_to_string(out.path().join("2024/ledningens-genomgang-2024.html")).unwrap();
    assert!(html.contains("<p dir=\"auto\">Jiddisch: ייִדיש"), "no direction on RTL text");
    assert!(html.contains("<p dir=\"auto\">اللغة العربية</p>"), "no direction on an RTL cell");
}

/// A PNG of `width` × `height` pixels of noise, stored without compression so that its size is
/// known: about 3 bytes a pixel.
fn noise_png(width: u32, height: u32) -> Vec<u8> {
    let mut state = 0x1234_5678u32;
    let mut noise = || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as u8
    };
    // Each row: filter type 0, then the pixels.
    let raw: Vec<u8> = (0..height)
        .flat_map(|_| std::iter::once(0).chain((0..width * 3).map(|_| noise()).collect::<Vec<_>>()))
        .collect();
    // A zlib stream of stored deflate blocks.
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend(*block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in &raw {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    zlib.extend(((b << 16) | a).to_be_bytes());

    png_of(width, height, &zlib)
}

fn write_report(dir: &Path, references: usize) {
    let year = dir.join("content/2024");
    fs::create_dir_all(year.join("bilder")).unwrap();
    fs::write(
        year.join("report.yaml"),
        "organisation: Exempelstad\ntitle: Ledningens genomgång\nyear: 2024\ndate: 2024-09-01\n\
         author: Kim Exempel\nsections:\n  - introduction\n",
    )
    .unwrap();
    let mut yaml = String::from("title: Inledning\ncontent:\n");
    for _ in 0..references {
        yaml.push_str(
            "  - text: \"![Brus](bilder/brus.png) och ![Samma brus](bilder/kopia.png)\"\n",
        );
    }
    fs::write(year.join("introduction.yaml"), yaml).unwrap();
}

#[test]
fn an_image_shown_two_hundred_times_is_stored_once() {
    // 200 references to one 0.77 MB PNG made 200 MB of HTML.
    let png = noise_png(200, 200);
    let dir = tempfile::tempdir().unwrap();
    write_report(dir.path(), 100);
    let year = dir.path().join("content/2024");
    fs::write(year.join("bilder/brus.png"), &png).unwrap();
    // The same bytes under a second name are stored once too.
    fs::write(year.join("bilder/kopia.png"), &png).unwrap();
    let out = dir.path().join("ut");
    let output = ledgen(dir.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let html = fs::read_to_string(out.join("2024/ledningens-genomgang-2024.html")).unwrap();
    assert_eq!(html.matches("<image href=\"data:image/png;base64,").count(), 1);
    assert_eq!(html.matches("<use href=\"#image_").count(), 200);
    // Base64 makes the image 4/3 as large; the rest is the page and 200 short references.
    let text = 64 * 1024;
    assert!(html.len() < 2 * png.len() + text, "{} bytes of HTML", html.len());

    let pdf = fs::metadata(out.join("2024/ledningens-genomgang-2024.pdf")).unwrap().len();
    assert!((pdf as usize) < 2 * png.len() + 256 * 1024, "{pdf} bytes of PDF");
}

// Three 466 KB PNGs of 16 000 × 10 000 pixels took a build to 1.45 GB: the images of a report
// may decode to 100 megapixels together, and the one that passes it is named where it is shown.
#[test]
fn images_past_the_report_pixel_budget_are_refused_where_they_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    write_report(dir.path(), 0);
    let year = dir.path().join("content/2024");
    for name in ["a", "b", "c"] {
        fs::write(year.join(format!("bilder/{name}.png")), stated_png(8_000, 5_000)).unwrap();
    }
    let shown = "title: Inledning\ncontent:\n  - text: \"![A](bilder/a.png) ![B](bilder/b.png)\"\n  \
                 - text: \"![A igen](bilder/a.png)\"\n  - text: \"![C](bilder/c.png)\"\n";
    fs::write(year.join("introduction.yaml"), shown).unwrap();
    let output = ledgen(dir.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error: image `bilder/c.png` is 40 megapixels, which takes the report's images past \
             the 100 megapixels a report may show"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("introduction.yaml:5:11"), "{stderr}");
    assert!(stderr.contains("hint: save the images at the size they are shown"), "{stderr}");
    // An image shown twice counts once, and 80 megapixels pass.
    assert_eq!(stderr.matches("error: image").count(), 1, "{stderr}");
}
