//! The fonts of an HTML page: after rendering, the page gets the faces it is set in, cut to the
//! characters it holds (`crate::fonts::web`), as `@font-face` rules in its head, so that it shows
//! the PDF's typefaces on every reader's machine without asking the network for them.

use crate::fonts::web::{faces_for, font_face_css};

/// `html` with the `@font-face` rules of the faces its characters need, before `</head>`. Our
/// templates have one `</head>`, and user text cannot forge one, since it is escaped; a page
/// without one (an override template) is left as it is.
pub(super) fn embed(mut html: String) -> String {
    let Some(at) = html.find("</head>") else { return html };
    let css = font_face_css(&faces_for(&html));
    if !css.is_empty() {
        html.insert_str(at, &format!("<style>\n{css}</style>\n"));
    }
    html
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
}
