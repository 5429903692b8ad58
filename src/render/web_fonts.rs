//! The fonts of an HTML page: after rendering, the page gets the faces it is set in, cut to the
//! characters it holds (`crate::fonts::web`), as `@font-face` rules in its head, so that it shows
//! the PDF's typefaces on every reader's machine without asking the network for them; the faces
//! of the organisation's `_brand.yml`, which the page's style embeds whole, are cut the same way.

use base64::Engine;

use crate::fonts::web::{characters, cut_to, faces_for, font_face_css};

/// `html` with the `@font-face` rules of the faces its characters need, before `</head>`. Our
/// templates have one `</head>`, and user text cannot forge one, since it is escaped; a page
/// without one (an override template) is left as it is.
pub(super) fn embed(html: String) -> String {
    let chars = characters(&html);
    let mut html = cut_brand_faces(html, &chars);
    let Some(at) = html.find("</head>") else { return html };
    let css = font_face_css(&faces_for(&chars));
    if !css.is_empty() {
        html.insert_str(at, &format!("<style>\n{css}</style>\n"));
    }
    html
}

/// The faces the page's style embeds as whole font files (`url("data:font/otf;base64,…")
/// format("opentype")`, a brand's), each cut to the page's characters `chars` as WOFF2; a face
/// that cannot be cut stays whole.
fn cut_brand_faces(html: String, chars: &[char]) -> String {
    const FORMS: [(&str, &str); 2] = [
        ("url(\"data:font/otf;base64,", "\") format(\"opentype\")"),
        ("url(\"data:font/ttf;base64,", "\") format(\"truetype\")"),
    ];
    if !FORMS.iter().any(|(start, _)| html.contains(start)) {
        return html;
    }
    let engine = base64::engine::general_purpose::STANDARD;
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    loop {
        let next = FORMS.iter().filter_map(|form| Some((rest.find(form.0)?, form))).min();
        let Some((at, (start, end))) = next else { break };
        let data_at = at + start.len();
        let Some(length) = rest[data_at..].find(end) else { break };
        let data = &rest[data_at..data_at + length];
        let cut = engine.decode(data).ok().and_then(|font| cut_to(&font, chars));
        out.push_str(&rest[..at]);
        match cut {
            Some(woff2) => {
                out.push_str("url(\"data:font/woff2;base64,");
                out.push_str(&engine.encode(woff2.as_slice()));
                out.push_str("\") format(\"woff2\")");
            }
            None => out.push_str(&rest[at..data_at + length + end.len()]),
        }
        rest = &rest[data_at + length + end.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_faces_go_into_the_head_and_user_text_cannot_move_them() {
        let page = "<html><head><title>x</title></head><body>&lt;/head&gt; Överens</body></html>";
        let html = embed(page.to_string());
        let head_end = html.find("</head>").unwrap();
        let first_face = html.find("@font-face").unwrap();
        assert!(first_face < head_end, "{html}");
        assert!(html.ends_with("<body>&lt;/head&gt; Överens</body></html>"));
        assert_eq!(embed("<p>no head</p>".into()), "<p>no head</p>");
    }

    #[test]
    fn a_brand_face_embedded_whole_is_cut_to_the_page() {
        let font = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/brand/BebasNeue-Bold.otf"
        ))
        .unwrap();
        let data = base64::engine::general_purpose::STANDARD.encode(&font);
        let page = format!(
            "<html><head><style>@font-face {{ font-family: \"Bebas Neue\"; src: \
             url(\"data:font/otf;base64,{data}\") format(\"opentype\"); }}</style></head>\
             <body><h1>Rubrik</h1></body></html>"
        );
        let html = embed(page.clone());
        assert!(!html.contains("data:font/otf"), "the whole file is gone");
        let face = html.find("font-family: \"Bebas Neue\"; src: url(\"data:font/woff2;base64,");
        assert!(face.is_some(), "{}", &html[..400]);
        assert!(html.len() < page.len() / 2, "{} bytes of {}", html.len(), page.len());
        // A face that is not a font stays as written.
        let broken = "<html><head><style>src: url(\"data:font/ttf;base64,AAAA\") \
                      format(\"truetype\")</style></head></html>";
        assert!(
            embed(broken.into())
                .contains("url(\"data:font/ttf;base64,AAAA\") format(\"truetype\")")
        );
    }
}
