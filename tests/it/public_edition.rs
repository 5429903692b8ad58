//! The public edition across everything derived from a year: the report, `diff --public`,
//! `history --public` and `build --all`. It states the same facts as the full edition and never
//! the text of a confidential item. Runs on a copy of `examples/exempelkommun` where one 2023
//! recommendation is followed up in 2024 only by an internal row.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{html_text, ledgen, pdf_text, root};
use serde_json::Value;

/// Texts of the internal follow-up row added to the copy, and of the example's own internal
/// items (`ik-leverantor-x`, `rek-2024-07`).
const SECRET: &[&str] =
    &["Leverantör Zeta", "Hemlig uppföljning", "uppf-hemlig", "Leverantör X", "ik-leverantor-x"];

/// The internal row that follows up `rek-2023-04`, which nothing followed up before.
const INTERNAL_FOLLOW_UP: &str = r#"              follows: rek-2023-05
            - id: uppf-hemlig
              cells:
                - "Hemlig uppföljning av verktyget för riskanalys."
              status: gul
              status_text: "Verktyget från Leverantör Zeta prövas."
              follows: rek-2023-04
              intern: true"#;

/// An appendix with a status table, gul in 2023 and röd in 2024.
fn appendix(status: &str) -> String {
    format!(
        r#"
      - id: bilaga-kontroller
        title: Kontroller i bilaga
        content:
          - table:
              columns: [Kontroll]
              rows:
                - id: bil-kontroll
                  cells: ["Kontinuitetsplanerna är övade."]
                  status: {status}
"#
    )
}

/// A copy of the example with the internal follow-up row, an appendix table in 2023 and 2024,
/// and a terminal escape sequence in a status text.
fn example_copy(dir: &Path) -> PathBuf {
    let content = dir.join("exempel");
    for year in ["2022", "2023", "2024"] {
        let from = root().join("examples/exempelkommun").join(year);
        fs::create_dir_all(content.join(year)).unwrap();
        for entry in fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), content.join(year).join(entry.file_name())).unwrap();
        }
    }
    let edit = |path: &str, f: &dyn Fn(String) -> String| {
        let path = content.join(path);
        let text = fs::read_to_string(&path).unwrap();
        let changed = f(text.clone());
        assert_ne!(changed, text, "the edit of `{}` did not apply", path.display());
        fs::write(path, changed).unwrap();
    };
    edit("2024/revisions.yaml", &|t| {
        t.replacen("              follows: rek-2023-05", INTERNAL_FOLLOW_UP, 1).replacen(
            "Genomförd. Samtliga objekt har objektledare.",
            "Genomförd.\\e[2J Samtliga objekt har objektledare.",
            1,
        )
    });
    edit("2023/appendices.yaml", &|t| t + &appendix("gul"));
    edit("2024/appendices.yaml", &|t| t + &appendix("röd"));
    content
}

fn run(cwd: &Path, args: &[&str]) -> String {
    let output = ledgen(cwd, args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The generated sentence that sums up the changes since last year.
fn changes_sentence(text: &str) -> String {
    let start = text.find("Jämfört med ledningens genomgång").expect("the changes summary");
    let end = text[start..].find("årets genomgång.").expect("its end") + start;
    text[start..end].to_string()
}

fn assert_no_secret(what: &str, text: &str) {
    for secret in SECRET {
        assert!(!text.contains(secret), "`{secret}` leaked into {what}");
    }
}

#[test]
fn public_report_and_diff_state_the_full_facts_without_internal_text() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_copy(dir.path());
    let content_arg = content.to_str().unwrap();
    let out = dir.path().join("out");
    let out_arg = out.to_str().unwrap();
    let build = ["build", "2024", "--content", content_arg, "--out", out_arg];
    run(dir.path(), &build);
    run(dir.path(), &[&build[..], &["--public"]].concat());

    let full_pdf = pdf_text(&out.join("2024/ledningens-genomgang-2024.pdf"));
    let public_pdf = pdf_text(&out.join("2024/ledningens-genomgang-2024-publik.pdf"));
    let full_html = fs::read_to_string(out.join("2024/ledningens-genomgang-2024.html")).unwrap();
    let public_html =
        fs::read_to_string(out.join("2024/ledningens-genomgang-2024-publik.html")).unwrap();

    // The internal row follows up rek-2023-04: both editions say all six are followed up.
    assert!(full_pdf.contains("Alla sex rekommendationer från 2023 följs upp"), "{full_pdf}");
    assert!(public_pdf.contains("Alla sex rekommendationer från 2023 följs upp"), "{public_pdf}");
    assert_eq!(changes_sentence(&public_pdf), changes_sentence(&full_pdf));
    assert_eq!(
        changes_sentence(&html_text(&public_html)),
        changes_sentence(&html_text(&full_html))
    );
    assert!(full_pdf.contains("Hemlig uppföljning"));
    assert!(public_pdf.contains("omfattas av sekretess och inte redovisas"), "{public_pdf}");
    assert_no_secret("the public PDF", &public_pdf);
    assert_no_secret("the public HTML", &public_html);

    // `diff --public` in every format: the same summary as the full diff, no internal text.
    let diff = |extra: &[&str]| {
        run(dir.path(), &[&["diff", "2023", "2024", "--content", content_arg], extra].concat())
    };
    let full_json: Value = serde_json::from_str(&diff(&["--format", "json"])).unwrap();
    let public_json_text = diff(&["--format", "json", "--public"]);
    let public_json: Value = serde_json::from_str(&public_json_text).unwrap();
    assert_no_secret("diff --public --format json", &public_json_text);
    assert_eq!(public_json["summary"], full_json["summary"]);
    assert_eq!(public_json["summary"]["followed_up"], 6);
    assert_eq!(public_json["public"], true);
    assert!(public_json["withheld"]["rows"].as_u64().unwrap() >= 1);
    let fate = public_json["earlier_recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "rek-2023-04")
        .unwrap();
    assert_eq!(fate["followed_up"], true);
    assert_eq!(fate["followed_up_by"], Value::Array(vec![]));
    for format in ["text", "markdown", "html"] {
        let text = diff(&["--format", format, "--public"]);
        assert_no_secret(&format!("diff --public --format {format}"), &text);
        assert!(text.contains("Publik version"), "{format}: {text}");
    }
    let public_text = diff(&["--public"]);
    assert!(public_text.contains("6 av 6 följs upp"), "{public_text}");
    assert!(diff(&[]).contains("Intern version"));

    // Rows in an appendix are compared like any other.
    let row = full_json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["rows"].as_array().unwrap())
        .find(|r| r["id"] == "bil-kontroll")
        .expect("the appendix row is in the diff");
    assert_eq!(row["change"], "regressed");
    assert_eq!(row["table"], "Kontroller i bilaga");
}

// A status text with an escape sequence reached the terminal through `diff` and `history`.
#[test]
fn diff_and_history_strip_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_copy(dir.path());
    let content_arg = content.to_str().unwrap();
    let text = run(dir.path(), &["diff", "2023", "2024", "--content", content_arg]);
    assert!(text.contains("Genomförd.[2J Samtliga"), "{text}");
    assert!(!text.contains('\u{1b}'), "an escape sequence reached the diff text");
    let history = run(dir.path(), &["history", "rek-2023-01", "--content", content_arg]);
    assert!(history.contains("Genomförd.[2J"), "{history}");
    assert!(!history.contains('\u{1b}'), "an escape sequence reached the history");

    // `history --public` leaves the internal follow-up out and says so.
    let full = run(dir.path(), &["history", "rek-2023-04", "--content", content_arg]);
    assert!(full.contains("[Intern]") && full.contains("uppf-hemlig"), "{full}");
    let public = run(dir.path(), &["history", "rek-2023-04", "--content", content_arg, "--public"]);
    assert_no_secret("history --public", &public);
    assert!(public.contains("1 confidential entry left out"), "{public}");
}

#[test]
fn build_all_makes_the_public_edition_unless_asked_for_the_internal_one() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_copy(dir.path());
    let out = dir.path().join("out");
    let output = ledgen(
        dir.path(),
        &["build", "--all", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("Publik version"), "{index}");
    assert!(
        index.contains("href=\"exempel/2024/ledningens-genomgang-2024-publik.pdf\""),
        "{index}"
    );
    assert!(!out.join("exempel/2024/ledningens-genomgang-2024.pdf").exists());
    assert_no_secret("the index", &index);
    let diff_page = fs::read_to_string(out.join("exempel/forandringar-2023-2024-publik.html"))
        .expect("the public diff page");
    assert!(diff_page.contains("Publik version"));
    assert!(html_text(&diff_page).contains("Alla sex rekommendationer från 2023 följs upp"));
    assert_no_secret("the diff page", &diff_page);
    let pdf = pdf_text(&out.join("exempel/2024/ledningens-genomgang-2024-publik.pdf"));
    assert_no_secret("the public PDF of build --all", &pdf);
}

/// A table whose every row is confidential, and a subsection whose every item is, are not
/// shown empty in the public edition: the table gives way to one sentence naming its
/// provision, the subsection is left out with its heading (and its place in the table of
/// contents) for one sentence under the heading before it; `build --public` and
/// `check --public` warn about both.
#[test]
fn nothing_is_shown_empty_in_the_public_edition() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_copy(dir.path());
    let path = content.join("2024/revisions.yaml");
    let mut text = fs::read_to_string(&path).unwrap();
    for id in ["dso-01", "dso-02", "dso-05", "ik-behorighet", "ik-loggning"] {
        let row = text.find(&format!("- id: {id}\n")).unwrap();
        let end = row + text[row..].find("status_text:").unwrap();
        let end = end + text[end..].find('\n').unwrap();
        text.insert_str(end, "\n              intern: true");
    }
    fs::write(&path, text).unwrap();
    let (content_arg, out) = (content.to_str().unwrap(), dir.path().join("out"));
    let build = ["build", "2024", "--content", content_arg, "--out", out.to_str().unwrap()];
    let output = ledgen(dir.path(), &[&build[..], &["--public"]].concat());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let check = ledgen(dir.path(), &["check", "2024", "--content", content_arg, "--public"]);
    let check_stderr = String::from_utf8_lossy(&check.stderr);
    for warnings in [&stderr, &check_stderr] {
        assert!(
            warnings.contains("every item of the subsection \"Dataskyddsombudets årsrapport\""),
            "{warnings}"
        );
        assert!(
            warnings.contains("every item of the status table under \"Intern kontroll\""),
            "{warnings}"
        );
    }
    run(dir.path(), &build);
    let full = pdf_text(&out.join("2024/ledningens-genomgang-2024.pdf"));
    let public = pdf_text(&out.join("2024/ledningens-genomgang-2024-publik.pdf"));
    let html = html_text(
        &fs::read_to_string(out.join("2024/ledningens-genomgang-2024-publik.html")).unwrap(),
    );
    assert!(full.contains("Dataskyddsombudets årsrapport"));
    for public in [&public, &html] {
        // Neither in the text nor in the table of contents.
        assert!(!public.contains("Dataskyddsombudets årsrapport"), "{public}");
        assert!(public.contains("Ett avsnitt här omfattas av sekretess enligt offentlighets- och sekretesslagen och redovisas inte i den här versionen."), "{public}");
        assert!(public.contains("Tabellens uppgifter omfattas av sekretess enligt 18 kap. 8 § OSL och redovisas inte i den här versionen."), "{public}");
        // The emptied table's column heading is not shown over no rows.
        assert!(!public.contains("Granskat område"), "{public}");
    }
}

// What `build --public` says it leaves out is told in the user's language, names and numbers
// alike: "statusrad", "Klart på 0,27 s".
#[test]
fn the_public_build_says_what_it_leaves_out_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let content = example_copy(dir.path());
    let content = content.to_str().unwrap();
    let output = ledgen(dir.path(), &["--lang", "sv", "build", "--public", "--content", content]);
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("Den publika utgåvan utelämnar"), "{said}");
    assert!(said.contains("   statusrad `ik-leverantor-x` [18 kap. 8 § OSL]"), "{said}");
    assert!(said.contains("   textblock \"Detaljer om incidenten"), "{said}");
    assert!(said.contains("   rekommendation `rek-2024-07`"), "{said}");
    let finished = said.lines().find(|l| l.starts_with("Klart på ")).expect("the last line");
    assert!(finished.contains(',') && !finished.contains('.'), "{finished}");
    for english in ["status row", "text block", "recommendation `", "Finished"] {
        assert!(!said.contains(english), "{english} in\n{said}");
    }
}
