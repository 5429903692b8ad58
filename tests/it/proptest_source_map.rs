//! Property test of the source map from generated Typst back to content: whatever Markdown users
//! write, every place inside a field's generated markup is traced back to that field's key, and
//! places outside every field to none. The lookup is what `ledgen build` uses to point a Typst
//! error at the content file, line and column the text was written at.

use ledgen::markdown::{field_key_at, source_key, to_typst_with};
use ledgen::model::Images;
use proptest::prelude::*;

/// Markdown with the characters that open and close Typst comments, strings and markup, and
/// fragments that look like the map's own comments.
fn markdown() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        " ",
        "\n",
        "\n\n",
        "*",
        "/",
        "/*",
        "*/",
        "/*md:",
        "/*end*/",
        "`",
        "`/*md:0*/`",
        "#",
        "\"",
        "\\",
        "[",
        "]",
        "- ",
        "1. ",
        "> ",
        "**b**",
        "_c_",
        "```\n/*end*/\n```\n",
        "å",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_place_in_a_field_maps_to_that_field(
        fields in prop::collection::vec(markdown(), 1..4),
        pick in any::<prop::sample::Index>(),
    ) {
        // A generated source: code between the fields, as the templates write it.
        let mut source = String::from("#set text(size: 10pt)\n");
        let mut bodies = Vec::new();
        for field in &fields {
            source.push_str("#block[");
            let marked = to_typst_with(field, &Images::new());
            let body_start = source.len() + marked.find("*/").unwrap() + 2;
            source.push_str(&marked);
            let body_end = source.len() - "/*end*/".len();
            bodies.push((body_start, body_end, source_key(field)));
            source.push_str("]\n");
        }
        // A place inside a field's body, on a character boundary.
        let (start, end, key) = &bodies[pick.index(bodies.len())];
        let offsets: Vec<usize> =
            (*start..=*end).filter(|&i| source.is_char_boundary(i)).collect();
        let offset = offsets[pick.index(offsets.len())];
        // Code spans and blocks become string literals, which may hold text looking like the
        // map's comments: the writer escapes `/*` there, so the lookup still finds the field.
        let found = field_key_at(&source, offset);
        prop_assert_eq!(found, Some(key.as_str()), "at {} in {}", offset, source);
        // Before the first field, no key.
        prop_assert_eq!(field_key_at(&source, 5), None);
    }
}
