//! The images of an HTML page, each stored once. Markdown images are written as references
//! (`<svg role="img" aria-label="…"><use href="#image_…"/></svg>`, see
//! [`crate::markdown::to_html_with`]); after rendering, the page gets one hidden SVG holding a
//! `<symbol>` per distinct image it references (the image as a `data:` URL, so the page stays
//! self-contained), and a style rule per image giving its references the image's size. A page
//! thus grows with the bytes of its distinct images, not with how often they are shown, and an
//! image left out of the page (e.g. only shown by an internal block, in the public edition) is
//! not in it at all.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine;

use crate::markdown::image_id;
use crate::model::{ImageFile, Images};

/// Adds to `html` one copy of each image of `images` that it references.
pub(super) fn embed(mut html: String, images: &Images) -> String {
    let by_id: BTreeMap<String, &ImageFile> =
        images.values().map(|file| (image_id(&file.bytes), file)).collect();
    let used: Vec<(&String, &&ImageFile)> =
        by_id.iter().filter(|(id, _)| html.contains(&format!("<use href=\"#{id}\"/>"))).collect();
    if used.is_empty() {
        return html;
    }
    let mut symbols = String::from(
        "<svg class=\"image-store\" aria-hidden=\"true\" width=\"0\" height=\"0\"><defs>",
    );
    let mut style = String::from("<style>\n");
    for (id, file) in used {
        let (width, height) = size(file).unwrap_or((300.0, 150.0));
        let data = base64::engine::general_purpose::STANDARD.encode(&file.bytes);
        let _ = write!(
            symbols,
            "<symbol id=\"{id}\" viewBox=\"0 0 {width} {height}\">\
             <image href=\"data:{};base64,{data}\" width=\"{width}\" height=\"{height}\"/></symbol>",
            file.mime
        );
        let _ = writeln!(
            style,
            ".{id} {{ width: min(100%, {width}px); aspect-ratio: {width} / {height}; }}"
        );
    }
    symbols.push_str("</defs></svg>\n");
    style.push_str("</style>\n");
    // Our templates have one `<body>` and one `</head>`; user text cannot forge either, since it
    // is escaped. An override template without them still gets the images, at the page's end.
    match html.find("<body").and_then(|i| html[i..].find('>').map(|j| i + j + 1)) {
        Some(at) => html.insert_str(at, &format!("\n{symbols}")),
        None => html.push_str(&symbols),
    }
    if let Some(at) = html.find("</head>") {
        html.insert_str(at, &style);
    }
    html
}

/// An image's intrinsic size in CSS pixels, from its header (PNG, GIF, JPEG) or its root
/// element (SVG, through Typst's SVG reader).
fn size(file: &ImageFile) -> Option<(f64, f64)> {
    let b = &file.bytes;
    let be16 = |i: usize| Some(f64::from(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?])));
    let le16 = |i: usize| Some(f64::from(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?])));
    let be32 = |i: usize| {
        Some(f64::from(u32::from_be_bytes([
            *b.get(i)?,
            *b.get(i + 1)?,
            *b.get(i + 2)?,
            *b.get(i + 3)?,
        ])))
    };
    let found = match file.mime {
        "image/png" if b.get(12..16) == Some(b"IHDR") => Some((be32(16)?, be32(20)?)),
        "image/gif" if b.starts_with(b"GIF") => Some((le16(6)?, le16(8)?)),
        "image/jpeg" => {
            // Walk the segments to the first start-of-frame marker, which holds the size.
            let mut i = 2;
            loop {
                if *b.get(i)? != 0xFF {
                    break None;
                }
                let marker = *b.get(i + 1)?;
                let is_frame =
                    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
                if is_frame {
                    break Some((be16(i + 7)?, be16(i + 5)?));
                }
                i += 2 + be16(i + 2)? as usize;
            }
        }
        "image/svg+xml" => {
            let svg =
                typst::visualize::SvgImage::new(typst::foundations::Bytes::new(b.clone())).ok()?;
            Some((svg.width(), svg.height()))
        }
        _ => None,
    };
    found.filter(|(w, h)| *w > 0.0 && *h > 0.0 && w.is_finite() && h.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> ImageFile {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 2, 0, 0, 0]);
        ImageFile { mime: "image/png", bytes }
    }

    #[test]
    fn each_referenced_image_is_stored_once_with_its_size() {
        let mut images = Images::new();
        images.insert("a.png".into(), png(640, 480));
        images.insert("kopia.png".into(), png(640, 480));
        images.insert("unused.png".into(), png(1, 2));
        let id = image_id(&images["a.png"].bytes);
        let reference = format!("<use href=\"#{id}\"/>");
        let page = format!("<html><head></head><body>\n{reference}{reference}</body></html>");
        let html = embed(page, &images);
        assert_eq!(html.matches("<symbol ").count(), 1, "{html}");
        assert!(html.contains(&format!("<symbol id=\"{id}\" viewBox=\"0 0 640 480\">")), "{html}");
        assert!(
            html.contains(&format!(
                ".{id} {{ width: min(100%, 640px); aspect-ratio: 640 / 480; }}\n</style>\n</head>"
            )),
            "{html}"
        );
        assert!(html.starts_with("<html><head><style>"), "{html}");
    }

    #[test]
    fn a_page_without_image_references_is_unchanged() {
        let mut images = Images::new();
        images.insert("a.png".into(), png(3, 4));
        assert_eq!(embed("<body>x</body>".into(), &images), "<body>x</body>");
    }

    #[test]
    fn sizes_are_read_from_jpeg_gif_and_svg() {
        let jpeg = b"\xFF\xD8\xFF\xE0\x00\x04ab\xFF\xC0\x00\x11\x08\x00\x20\x00\x40\x03".to_vec();
        assert_eq!(size(&ImageFile { mime: "image/jpeg", bytes: jpeg }), Some((64.0, 32.0)));
        let gif = b"GIF89a\x0A\x00\x05\x00".to_vec();
        assert_eq!(size(&ImageFile { mime: "image/gif", bytes: gif }), Some((10.0, 5.0)));
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"/>"#.to_vec();
        assert_eq!(size(&ImageFile { mime: "image/svg+xml", bytes: svg }), Some((120.0, 30.0)));
        assert_eq!(size(&ImageFile { mime: "image/jpeg", bytes: vec![0xFF, 0xD8] }), None);
    }
}
