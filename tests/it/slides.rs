//! The meeting's slide deck (`build --format slides`): 16:9 pages along MSB's agenda, every
//! recommendation on a slide for decision, the organisation and the slide's number on every
//! slide, text bounded to what can be read from across a room, and the public deck leaving out
//! what the public report leaves out.

use std::path::{Path, PathBuf};

use crate::common::pdf::Pdf;
use crate::common::{fold_whitespace, ledgen, pdf_text, root};

/// Builds `year` of the content folder `content` with `args` into a new folder; returns it.
fn build(content: &Path, year: &str, args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let content = content.to_str().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let mut all = vec!["build", "--content", content, year, "--out", out_dir];
    all.extend_from_slice(args);
    let output = ledgen(&root(), &all);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let folder = out.path().join(year);
    (out, folder)
}

fn example() -> PathBuf {
    root().join("examples/exempelkommun")
}

#[test]
fn the_deck_follows_the_agenda_on_sixteen_by_nine_pages() {
    let (_out, folder) = build(&example(), "2024", &["--format", "slides"]);
    let deck = Pdf::open(&folder.join("ledningens-genomgang-2024-presentation.pdf"));
    // Only the deck was asked for.
    assert!(!folder.join("ledningens-genomgang-2024.pdf").exists());
    let count = deck.page_count();
    for n in 1..=count {
        let (width, height) = deck.page_size(n);
        assert!((width / height - 16.0 / 9.0).abs() < 0.01, "slide {n} is {width}×{height}");
    }
    let pages: Vec<String> = deck.pages().iter().map(|p| fold_whitespace(p)).collect();
    // The title slide: organisation, title, the meeting's date written out, the number.
    let title = &pages[0];
    for expected in [
        "Exempelkommun (fiktiv)",
        "Ledningens genomgång av informationssäkerhet 2024",
        "26 september 2024",
        "KFF 2024/123",
    ] {
        assert!(title.contains(expected), "title slide lacks `{expected}`: {title}");
    }
    // MSB's agenda, in order, each item with its slides.
    let bookmarks = deck.bookmarks();
    let position = |heading: &str| {
        bookmarks
            .iter()
            .position(|b| b.starts_with(heading))
            .unwrap_or_else(|| panic!("no slide `{heading}`: {bookmarks:?}"))
    };
    let agenda = [
        "Dagordning",
        "Närvarande",
        "Genomgången omfattar",
        "Det ledningen ska beakta",
        "Rekommendationerna från 2023",
        "Statusöversikt",
        "Förändringar sedan föregående år",
        "Incidenter per kategori",
        "Röda och gula punkter",
        "Rekommendation 1",
        "Nästa steg",
    ];
    let positions: Vec<usize> = agenda.iter().map(|h| position(h)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "out of order: {bookmarks:?}");
    // Who attended, and last year's recommendations with their status now.
    let text = pages.join("\n");
    assert!(text.contains("Kim Exempeldirektör Förvaltningsdirektör"), "{text}");
    assert!(text.contains("Följs upp i avsnitt"), "{text}");
    // Every recommendation has a slide of its own, with its decision.
    for n in 1..=7 {
        let heading = format!("Rekommendation {n}");
        let slide = pages.iter().find(|p| p.contains(&heading)).unwrap_or_else(|| {
            panic!("no decision slide for {heading}");
        });
        assert!(slide.contains("Beslut:"), "{slide}");
    }
    assert!(text.contains("Beslut: Antagen · Ansvarig: IT-chef · Klart senast: 2025-03-31"));
    // The closing slide: the adoption, and the next review's date from `meeting`.
    assert!(
        text.contains(
            "Fastställd av förvaltningsdirektör Kim Exempeldirektör den 26 september 2024"
        )
    );
    assert!(text.contains("Nästa genomgång: september 2025."), "{text}");
    // The organisation and the slide's number on every slide; no slide holds more words than
    // can be read from across a room.
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("Exempelkommun"), "slide {}: {page}", i + 1);
        assert!(page.contains(&format!("Bild {} av {count}", i + 1)), "slide {}: {page}", i + 1);
        let words = page.split_whitespace().count();
        assert!(words <= 110, "slide {} holds {words} words: {page}", i + 1);
    }
    // Tagged, with the report's title, like the report.
    assert!(deck.tagged());
    assert_eq!(
        deck.info("Title").as_deref(),
        Some("Ledningens genomgång av informationssäkerhet 2024")
    );
}

#[test]
fn a_long_text_is_cut_at_a_word_and_says_where_the_rest_is() {
    let (_out, folder) = build(&example(), "2024", &["--format", "slides"]);
    let text =
        fold_whitespace(&pdf_text(&folder.join("ledningens-genomgang-2024-presentation.pdf")));
    // Recommendation 7's "Hur" is two sentences: the slide shows the first and points on.
    assert!(text.contains("Hela texten i avsnitt 10."), "{text}");
    // Cuts end in an ellipsis after a whole word.
    let cuts: Vec<&str> = text.split('…').collect();
    assert!(cuts.len() > 1, "nothing was shortened: {text}");
    for cut in &cuts[..cuts.len() - 1] {
        assert!(!cut.ends_with(char::is_whitespace), "an ellipsis after a space: {text}");
        assert!(!cut.ends_with([',', ';', ':']), "an ellipsis after a comma: {text}");
    }
}

#[test]
fn the_public_deck_leaves_out_what_the_public_report_leaves_out() {
    let (_out, folder) = build(&example(), "2024", &["--public", "--format", "slides,pdf"]);
    let deck = folder.join("ledningens-genomgang-2024-presentation-publik.pdf");
    let deck = fold_whitespace(&pdf_text(&deck));
    let report = fold_whitespace(&pdf_text(&folder.join("ledningens-genomgang-2024-publik.pdf")));
    assert!(deck.contains("Publik version"), "{deck}");
    // One number of rows assessed, the overview's (which counts the confidential ones too).
    assert!(
        deck.contains("med 30 bedömda punkter") && deck.contains("30 bedömda punkter:"),
        "{deck}"
    );
    assert!(!deck.contains("Intern version"), "{deck}");
    // The confidential recommendation and rows are in neither.
    for secret in [
        "Leverantör X AB ska åtgärda",
        "Rekommendation 7",
        "Säkerhetsgranskning av bokningssystemet",
    ] {
        assert!(!report.contains(secret), "the public report shows `{secret}`");
        assert!(!deck.contains(secret), "the public deck shows `{secret}`");
    }
    // The public recommendations are all there.
    for n in 1..=6 {
        assert!(deck.contains(&format!("Rekommendation {n}")), "{deck}");
    }
}

#[test]
fn a_review_without_a_meeting_or_a_brand_has_its_deck_too() {
    // The shipped 2023 review has no brand, no meeting and no decisions: the deck says so.
    let (_out, folder) = build(&root().join("content"), "2023", &["--format", "slides"]);
    let deck = Pdf::open(&folder.join("ledningens-genomgang-2023-presentation.pdf"));
    assert_eq!(deck.image_count(), 0);
    let text = fold_whitespace(&deck.pages().join("\n"));
    assert!(text.contains("Närvarande antecknas vid mötet."), "{text}");
    assert!(text.contains("Beslut: Att besluta"), "{text}");
    // More open rows than the slides hold: the rest are counted.
    assert!(text.contains("öppna punkter redovisas i rapportens statustabeller"), "{text}");
}

#[test]
fn a_report_folder_can_override_the_decks_template() {
    let dir = crate::common::example_years(&["2023", "2024"]);
    let content = dir.path().join("content");
    let templates = content.join("2024/templates");
    std::fs::create_dir_all(&templates).unwrap();
    let builtin = std::fs::read_to_string(root().join("templates/slides.typ.tera")).unwrap();
    let changed = builtin.replace("#slide[{{ words.agenda }}]", "#slide[Mötets dagordning]");
    assert_ne!(changed, builtin, "the agenda slide's heading is where the test expects it");
    std::fs::write(templates.join("slides.typ.tera"), changed).unwrap();
    let (_out, folder) = build(&content, "2024", &["--format", "slides"]);
    let deck = Pdf::open(&folder.join("ledningens-genomgang-2024-presentation.pdf"));
    assert!(deck.bookmarks().iter().any(|b| b == "Mötets dagordning"), "{:?}", deck.bookmarks());
}
