//! The public and the full edition tell the truth about each other: the public edition says what
//! it leaves out and where, recommendations keep one number in both, the full edition says which
//! provisions it holds, and a draft says it is a draft on every page.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{html_text, ledgen, pdf_text, root};

/// A temporary copy of `examples/exempelkommun` (all years, for the year-over-year parts).
struct Example {
    dir: tempfile::TempDir,
}

impl Example {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("examples/exempelkommun"), &dir.path().join("content"));
        Example { dir }
    }

    fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    /// A file of the 2024 report, or of another year's with `2023/name`.
    fn file(&self, name: &str) -> PathBuf {
        match name.split_once('/') {
            Some((year, name)) => self.content().join(year).join(name),
            None => self.content().join("2024").join(name),
        }
    }

    /// Runs `ledgen` with `args` then `--content <copy> --out <out>`; asserts success.
    fn run(&self, args: &[&str]) -> String {
        let (content, out) = (self.content(), self.out());
        let tail = ["--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()];
        let output = ledgen(self.dir.path(), &[args, &tail].concat());
        let stderr = String::from_utf8_lossy(&output.stderr).to_string();
        assert!(output.status.success(), "ledgen {args:?} failed:\n{stderr}");
        stderr
    }

    /// Builds 2024 (full or public) and returns its PDF text and its HTML's text.
    fn build(&self, public: bool) -> (String, String, String) {
        let mut args = vec!["build", "2024"];
        if public {
            args.push("--public");
        }
        let stderr = self.run(&args);
        let stem =
            if public { "ledningens-genomgang-2024-publik" } else { "ledningens-genomgang-2024" };
        let pdf = pdf_text(&self.out().join(format!("2024/{stem}.pdf")));
        let html = fs::read_to_string(self.out().join(format!("2024/{stem}.html"))).unwrap();
        (pdf, html, stderr)
    }

    /// Marks the sequence item on the first line of `file` that contains `needle` as
    /// `intern: true`, by adding the key before the item's first key.
    fn mark_intern(&self, file: &str, needle: &str) {
        let text = fs::read_to_string(self.file(file)).unwrap();
        let at = text.lines().position(|l| l.contains(needle)).expect("needle in file");
        self.mark_line(file, at);
    }

    /// Replaces the 2024 incident register by a CSV export of two incidents, the one described
    /// by `phrase` marked confidential in its `Sekretess` column.
    fn register_with_internal_incident(&self, phrase: &str) {
        let csv = format!(
            "Ärende;Datum;Kategori;Beskrivning;Personuppgiftsincident;Anmäld till IMY;Sekretess\n\
             inc-a;2024-03-04;Driftstörning;Bokningssystemet låg nere en förmiddag.;nej;nej;\n\
             inc-b;2024-04-09;Nätfiske och bedrägeri;{phrase}.;nej;nej;ja\n"
        );
        fs::write(self.file("incidenter.csv"), csv).unwrap();
        let appendices = fs::read_to_string(self.file("appendices.yaml")).unwrap();
        let replaced = appendices
            .replace("from: incidenter-2024.xlsx", "from: incidenter.csv")
            .replace("              sheet: Incidenter\n", "");
        assert_ne!(replaced, appendices, "the example's register is no longer where it was");
        fs::write(self.file("appendices.yaml"), replaced).unwrap();
    }

    /// Marks the text block holding `phrase` as `intern: true`.
    fn mark_text_block(&self, file: &str, phrase: &str) {
        let text = fs::read_to_string(self.file(file)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let at = lines.iter().position(|l| l.contains(phrase)).expect("phrase in file");
        let key = (0..=at).rev().find(|&i| lines[i].contains("- text:")).expect("a text block");
        self.mark_line(file, key);
    }

    /// Turns line `at` (0-based), `<indent>- key: …`, into `<indent>- intern: true` and the key.
    fn mark_line(&self, file: &str, at: usize) {
        let path = self.file(file);
        let text = fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let line = lines[at].clone();
        let dash = line.find("- ").expect("a sequence item");
        let indent = &line[..dash];
        lines[at] = format!("{indent}- intern: true\n{indent}  {}", &line[dash + 2..]);
        fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The 1-based line of `file` holding `needle`.
fn line_of(file: &Path, needle: &str) -> usize {
    let text = fs::read_to_string(file).unwrap();
    text.lines().position(|l| l.contains(needle)).expect("needle in file") + 1
}

/// The text of each page of a PDF, in content-stream order.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    crate::common::pdf::Pdf::open(pdf).pages()
}

/// The number of pages of a PDF.
fn page_count(pdf: &Path) -> usize {
    crate::common::pdf::Pdf::open(pdf).page_count()
}

/// The text that follows `heading` in `text`, up to `n` characters.
fn after<'a>(text: &'a str, heading: &str, n: usize) -> &'a str {
    let start =
        text.find(heading).unwrap_or_else(|| panic!("`{heading}` not found")) + heading.len();
    let end = text[start..].char_indices().nth(n).map_or(text.len(), |(i, _)| start + i);
    &text[start..end]
}

// Minutes that say "enligt rekommendation 3" must mean the same measure in both editions.
#[test]
fn recommendation_numbers_survive_leaving_one_out() {
    let example = Example::new();
    example.mark_intern("recommendations.yaml", "id: rek-2024-02");
    // With the ids shown, so that the public edition is seen to leave out the id too.
    let report = example.file("report.yaml");
    let text = fs::read_to_string(&report).unwrap();
    fs::write(&report, format!("{text}show_ids: true\n")).unwrap();
    let (full_pdf, full_html, _) = example.build(false);
    let (public_pdf, public_html, stderr) = example.build(true);

    for pdf in [&full_pdf, &public_pdf] {
        assert!(pdf.contains("Rekommendation 3 · rek-2024-03"), "{pdf}");
        assert!(after(pdf, "Rekommendation 3 ·", 120).contains("Personuppgiftsbiträdesavtal"));
        assert!(pdf.contains("Rekommendation 6 · rek-2024-06"));
    }
    assert!(full_pdf.contains("Rekommendation 2 · rek-2024-02"));
    assert!(!public_pdf.contains("Rekommendation 2") && !public_pdf.contains("rek-2024-02"));
    assert!(!public_pdf.contains("kvarvarande tjänster riskbedöms"));

    let (full_html, public_html) = (html_text(&full_html), html_text(&public_html));
    for html in [&full_html, &public_html] {
        assert!(html.contains("Rekommendation 3 · rek-2024-03"), "{html}");
        assert!(after(html, "Rekommendation 3 ·", 120).contains("Personuppgiftsbiträdesavtal"));
    }
    assert!(!public_html.contains("rek-2024-02"));

    // The list of what was left out names each internal item with its file and line.
    let content = example.content().join("2024");
    let expected = [
        ("recommendation `rek-2024-02`", "recommendations.yaml", "id: rek-2024-02"),
        ("recommendation `rek-2024-07`", "recommendations.yaml", "id: rek-2024-07"),
        ("status row `ik-leverantor-x`", "revisions.yaml", "id: ik-leverantor-x"),
        // The 2024 incidents come from a register; an incident is placed at its `from:` line.
        ("incident `inc-2024-07`", "appendices.yaml", "from: incidenter-2024.xlsx"),
        // A text block is found by the line its text starts on.
        ("text block \"Detaljer om incidenten", "preventive.yaml", "Detaljer om incidenten"),
    ];
    for (item, file, needle) in expected {
        let path = content.join(file);
        let line = line_of(&path, needle);
        let place = format!("{}:{line}", path.display());
        let listed = stderr.lines().find(|l| l.contains(item)).unwrap_or_else(|| {
            panic!("`{item}` not listed as left out:\n{stderr}");
        });
        assert!(listed.ends_with(&place), "`{listed}` does not end with `{place}`");
    }
    assert!(stderr.contains("Public edition leaves out 5 items"), "{stderr}");
    assert!(stderr.contains("[18 kap. 8 § OSL]"), "{stderr}");
}

// A follow-up marker names the earlier recommendation by the number the board saw, even when
// an earlier internal recommendation is left out of the public edition.
#[test]
fn follow_up_markers_use_full_edition_numbers() {
    let example = Example::new();
    example.mark_intern("2023/recommendations.yaml", "id: rek-2023-01");
    let (public_pdf, public_html, _) = example.build(true);
    for text in [public_pdf, html_text(&public_html)] {
        assert!(text.contains("Uppföljning (rekommendation 2 från 2023)"), "{text}");
        assert!(text.contains("Uppföljning (rekommendation 3 från 2023)"), "{text}");
    }
}

// One wrong indentation put `intern: true` on the whole recommendations block, and every
// recommendation vanished from the public edition without a word.
#[test]
fn intern_on_a_whole_recommendations_block_is_warned_about() {
    let example = Example::new();
    example.mark_intern("recommendations.yaml", "- recommendations:");
    let check = example.content();
    let output = ledgen(
        example.dir.path(),
        &["check", "2024", "--content", check.to_str().unwrap(), "--public"],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "`intern` is set on the whole recommendations block: all 7 recommendations are left \
             out of the public edition; did you mean to mark one item?"
        ),
        "{stderr}"
    );
    let file = example.file("recommendations.yaml");
    let place = format!("{}:{}", file.display(), line_of(&file, "- intern: true"));
    assert!(stderr.contains(&format!("--> {place}\n")), "no `{place}` in:\n{stderr}");
    // `check --public` lists it too, as a whole block.
    assert!(stderr.contains("whole recommendations block (7: `rek-2024-01`"), "{stderr}");

    let (_, _, stderr) = example.build(true);
    assert!(
        stderr.contains("warning: a whole recommendations block is internal and left out"),
        "{stderr}"
    );
}

#[test]
fn a_draft_says_so_on_every_page_and_build_all_skips_it() {
    let example = Example::new();
    let meta = example.file("report.yaml");
    let text = fs::read_to_string(&meta).unwrap();
    fs::write(&meta, format!("{text}draft: true\n")).unwrap();

    let (_, html, _) = example.build(false);
    let pdf = example.out().join("2024/ledningens-genomgang-2024.pdf");
    let pages = pdf_pages(&pdf);
    assert_eq!(pages.len(), page_count(&pdf));
    assert!(pages.len() > 5);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("UTKAST"), "page {} has no UTKAST:\n{page}", i + 1);
    }
    assert!(
        html.contains(r#"<p class="draft-banner" role="note"><strong>Utkast – inte fastställd."#)
    );
    assert!(html.contains("<title>UTKAST: "));

    // `build --all` leaves the draft out unless asked, and says so.
    let stderr = example.run(&["build", "--all", "--format", "html"]);
    assert!(stderr.contains("left out 1 draft (build it with --drafts)"), "{stderr}");
    let built = |year: i32| example.out().join(format!("content/{year}")).exists();
    assert!(built(2023) && !built(2024));
    let index = fs::read_to_string(example.out().join("index.html")).unwrap();
    assert!(!index.contains("2024/ledningens-genomgang-2024"), "{index}");

    let stderr = example.run(&["build", "--all", "--format", "html", "--drafts"]);
    assert!(!stderr.contains("draft"), "{stderr}");
    assert!(built(2024));
}

#[test]
fn full_edition_names_the_provisions_it_holds_on_every_page() {
    let example = Example::new();
    let (_, html, _) = example.build(false);
    let marking = "Innehåller uppgifter som omfattas av sekretess enligt 18 kap. 8 § OSL samt interna \
         uppgifter";
    let pages = pdf_pages(&example.out().join("2024/ledningens-genomgang-2024.pdf"));
    for (i, page) in pages.iter().enumerate() {
        assert!(
            crate::common::fold_whitespace(page).contains(marking),
            "page {} lacks the marking:\n{page}",
            i + 1
        );
    }
    assert!(pages[0].contains("Intern version"));
    assert!(html_text(&html).contains(&format!("Intern version. {marking}")));

    // The public edition carries its own marking and none of the provisions.
    let (public_pdf, public_html, _) = example.build(true);
    assert!(public_pdf.contains("Publik version") && public_html.contains("Publik version"));
    assert!(!public_pdf.contains("omfattas av sekretess:") && !public_pdf.contains("8 § OSL"));
    assert!(!public_html.contains("Intern version"));
}

// Each kind of item, once marked internal, must be gone from both public outputs.
#[test]
fn every_kind_of_item_marked_intern_is_absent_from_the_public_edition() {
    let cases = [
        // (kind as listed, file, what starts the item, a phrase only that item holds)
        (
            "text block",
            "preventive.yaml",
            None,
            "Andelen medarbetare som genomfört dataskyddsutbildningen",
        ),
        (
            "status row",
            "compliance.yaml",
            Some("id: lag-sakerhetsskydd"),
            "Ingen säkerhetsskyddsklassad information hanteras",
        ),
        (
            "recommendation",
            "recommendations.yaml",
            Some("id: rek-2024-05"),
            "Utredningstiden för incidenter följs upp kvartalsvis",
        ),
        // An incident read from a register export, marked confidential in its `Sekretess` column
        // (the case sets up the register itself, below).
        ("incident", "appendices.yaml", None, "Fritidsenheten fick ett mejl som såg ut att komma"),
        // A text block in an appendix.
        (
            "text block",
            "appendices.yaml",
            None,
            "Sammanställningen omfattar de informationssäkerhetsincidenter",
        ),
    ];
    for (kind, file, start, phrase) in cases {
        let example = Example::new();
        match start {
            Some(start) => example.mark_intern(file, start),
            None if kind == "incident" => example.register_with_internal_incident(phrase),
            None => example.mark_text_block(file, phrase),
        }
        let (public_pdf, public_html, stderr) = example.build(true);
        let listed = stderr.lines().any(|l| {
            l.starts_with(&format!("   {kind} ")) && l.contains(&format!("/2024/{file}:"))
        });
        assert!(listed, "{kind} in `{file}` not listed as left out:\n{stderr}");
        assert!(!public_pdf.contains(phrase), "{kind}: `{phrase}` leaked into the public PDF");
        assert!(!public_html.contains(phrase), "{kind}: `{phrase}` leaked into the public HTML");
        // The full edition still shows it, so the phrase is a real witness.
        let (full_pdf, full_html, _) = example.build(false);
        assert!(full_pdf.contains(phrase) && full_html.contains(phrase), "{kind}: `{phrase}`");
    }
}
