//! Markdown → Typst: for any UTF-8 input, `ledgen::markdown::to_typst` must not panic, and its
//! output must parse as Typst markup without errors and hold no code but the writer's own calls:
//! text, escapes, paragraph breaks, and `#name(...)` calls of the functions the writer emits, with
//! literal arguments (strings, numbers, booleans, `key: value` pairs) and content blocks that obey
//! the same rules. Anything else (math, labels, references, `#let`, `#set`, `#show`, `#import`,
//! field access, comments, markup shorthands such as `*strong*`, `--` or `~`) means user text
//! became code or markup.

#![no_main]

use libfuzzer_sys::fuzz_target;
use typst::syntax::{SyntaxKind, SyntaxNode};

/// The functions the writer calls. (`image` too, but only for the validated images passed to
/// `to_typst_with`; `to_typst` shows an image as its description.)
const EMITTED: &[&str] =
    &["emph", "strong", "list", "enum", "quote", "raw", "link", "linebreak", "line", "strike"];

fuzz_target!(|markdown: &str| {
    let typst = ledgen::markdown::to_typst(markdown);
    let root = typst::syntax::parse(&typst);
    let (errors, _) = root.errors_and_warnings();
    assert!(
        errors.is_empty(),
        "syntax errors {:?}\nin {typst:?}\nfrom {markdown:?}",
        errors.iter().map(|e| &e.message).collect::<Vec<_>>()
    );
    check_markup(&root, &typst, markdown);
});

/// Markup may hold text, escapes, spaces, paragraph breaks and `#` calls.
fn check_markup(node: &SyntaxNode, typst: &str, markdown: &str) {
    let children: Vec<&SyntaxNode> = node.children().collect();
    let mut i = 0;
    while i < children.len() {
        let child = children[i];
        match child.kind() {
            SyntaxKind::Text | SyntaxKind::Space | SyntaxKind::Escape | SyntaxKind::Parbreak => {}
            SyntaxKind::Hash => {
                let call = children.get(i + 1).copied();
                match call {
                    Some(call) if call.kind() == SyntaxKind::FuncCall => {
                        check_call(call, typst, markdown)
                    }
                    other => fail(
                        &format!("`#` followed by {:?}", other.map(|n| n.kind())),
                        typst,
                        markdown,
                    ),
                }
                i += 1;
            }
            other => fail(&format!("{other:?} `{}` in markup", child.full_text()), typst, markdown),
        }
        i += 1;
    }
}

/// A call of one of the writer's functions, with literal arguments and content blocks.
fn check_call(call: &SyntaxNode, typst: &str, markdown: &str) {
    let mut parts = call.children();
    let callee = parts.next().expect("a call has a callee");
    if callee.kind() != SyntaxKind::Ident || !EMITTED.contains(&callee.full_text().as_str()) {
        fail(&format!("call of `{}`", callee.full_text()), typst, markdown);
    }
    for part in parts {
        match part.kind() {
            SyntaxKind::Args => check_args(part, typst, markdown),
            // Trailing content blocks: `#strong[...]`.
            SyntaxKind::ContentBlock => check_content_block(part, typst, markdown),
            other => fail(&format!("{other:?} in a call"), typst, markdown),
        }
    }
}

fn check_args(args: &SyntaxNode, typst: &str, markdown: &str) {
    for arg in args.children() {
        match arg.kind() {
            SyntaxKind::LeftParen
            | SyntaxKind::RightParen
            | SyntaxKind::Comma
            | SyntaxKind::Space => {}
            SyntaxKind::ContentBlock => check_content_block(arg, typst, markdown),
            SyntaxKind::Named => {
                for part in arg.children() {
                    match part.kind() {
                        SyntaxKind::Ident | SyntaxKind::Colon | SyntaxKind::Space => {}
                        _ => check_literal(part, typst, markdown),
                    }
                }
            }
            _ => check_literal(arg, typst, markdown),
        }
    }
}

fn check_literal(node: &SyntaxNode, typst: &str, markdown: &str) {
    match node.kind() {
        SyntaxKind::Str | SyntaxKind::Int | SyntaxKind::Bool | SyntaxKind::Numeric => {}
        other => fail(&format!("{other:?} `{}` as an argument", node.full_text()), typst, markdown),
    }
}

fn check_content_block(block: &SyntaxNode, typst: &str, markdown: &str) {
    for part in block.children() {
        match part.kind() {
            SyntaxKind::LeftBracket | SyntaxKind::RightBracket => {}
            SyntaxKind::Markup => check_markup(part, typst, markdown),
            other => fail(&format!("{other:?} in a content block"), typst, markdown),
        }
    }
}

fn fail(what: &str, typst: &str, markdown: &str) -> ! {
    panic!("{what}\nin {typst:?}\nfrom {markdown:?}");
}
