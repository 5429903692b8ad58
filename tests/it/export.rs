//! `ledgen export actions`: the action plan written as CSV, XLSX and ICS and read back.

use std::path::Path;

use crate::common::{ledgen, root};
use calamine::{Data, Reader, Xlsx, open_workbook};

const HEADINGS: [&str; 15] = [
    "Typ",
    "År",
    "Nr",
    "Id",
    "Avsnitt",
    "Text",
    "Hur",
    "Vem",
    "Prioritet",
    "Status",
    "Statustext",
    "Beslut",
    "Ägare",
    "Klart senast",
    "Sekretess",
];

/// Runs the export of the example's 2024 plan and returns its file.
fn export(dir: &Path, format: &str, public: bool) -> std::path::PathBuf {
    let out = dir.join(format!("plan-{public}.{format}"));
    let content = root().join("examples/exempelkommun");
    let mut args = vec![
        "export",
        "actions",
        "2024",
        "--content",
        content.to_str().unwrap(),
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ];
    if public {
        args.push("--public");
    }
    let output = ledgen(dir, &args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    out
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(path).unwrap();
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn csv_export_holds_every_recommendation_and_open_row() {
    let dir = tempfile::tempdir().unwrap();
    let rows = read_csv(&export(dir.path(), "csv", false));
    assert_eq!(rows[0], HEADINGS);
    let recs: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "Rekommendation").collect();
    let ids: Vec<&str> = recs.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(
        ids,
        [
            "rek-2024-01",
            "rek-2024-02",
            "rek-2024-03",
            "rek-2024-04",
            "rek-2024-05",
            "rek-2024-06",
            "rek-2024-07"
        ]
    );
    let numbers: Vec<&str> = recs.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7"]);
    let first = recs[0];
    assert_eq!(first[1], "2024");
    assert_eq!(
        first[5],
        "Logguppföljning blir en fast punkt i årshjulet, och loggfunktionen kontrolleras efter varje systemuppdatering."
    );
    assert_eq!(first[6], "Ändring av årshjulet och av rutinen för systemuppdateringar.");
    assert_eq!(first[7], "Objektledare, uppföljning av ISAM");
    assert_eq!(first[8], "Hög");
    // Decision, owner and deadline come from the recommendation.
    assert_eq!(
        (first[11].as_str(), first[12].as_str(), first[13].as_str()),
        ("Antagen", "IT-chef", "2025-03-31")
    );
    let decisions: Vec<&str> = recs.iter().map(|r| r[11].as_str()).collect();
    assert_eq!(decisions, ["Antagen", "Ändrad", "Antagen", "Bordlagd", "", "Antagen", "Antagen"]);
    assert_eq!((recs[3][12].as_str(), recs[3][13].as_str()), ("", ""));
    // An open follow-up row carries its own owner and deadline.
    let overdue = rows.iter().find(|r| r[3] == "uppf-rek-2023-03").unwrap();
    assert_eq!(
        (overdue[11].as_str(), overdue[12].as_str(), overdue[13].as_str()),
        ("", "Förvaltningsledning", "2024-06-30")
    );

    let status: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "Statusrad").collect();
    assert!(!status.is_empty());
    assert!(status.iter().all(|r| r[9] == "Gul" || r[9] == "Röd"), "{status:?}");
    assert!(status.iter().all(|r| r[2].is_empty() && !r[4].is_empty()));
    assert_eq!(rows.len(), 1 + recs.len() + status.len());
    // Markdown is plain text in the export.
    assert!(rows.iter().flatten().all(|cell| !cell.contains("**") && !cell.contains("](")));
}

#[test]
fn public_export_leaves_internal_items_out_and_keeps_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let full = read_csv(&export(dir.path(), "csv", false));
    let public = read_csv(&export(dir.path(), "csv", true));
    let internal: Vec<&Vec<String>> = full[1..].iter().filter(|r| !r[14].is_empty()).collect();
    // The example has a confidential recommendation and a confidential open row.
    assert!(internal.iter().any(|r| r[0] == "Rekommendation"));
    assert!(internal.iter().any(|r| r[0] == "Statusrad"));
    for row in &internal {
        assert!(public.iter().all(|p| p[3] != row[3]), "{} is in the public export", row[3]);
        for text in [&row[5], &row[10]].into_iter().filter(|t| !t.is_empty()) {
            assert!(public.iter().flatten().all(|cell| cell != text), "{text}");
        }
    }
    assert_eq!(public.len(), full.len() - internal.len());
    // Everything public is exported exactly as in the full edition, numbers included.
    for row in &public[1..] {
        assert!(full.contains(row), "{row:?}");
    }
}

#[test]
fn xlsx_export_reads_back_as_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv_rows = read_csv(&export(dir.path(), "csv", false));
    let path = export(dir.path(), "xlsx", false);
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["Åtgärdsplan 2024"]);
    let range = workbook.worksheet_range("Åtgärdsplan 2024").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::Float(f) => format!("{f}"),
                    // Deadlines are dates: Excel's serial days from 1899-12-30.
                    Data::DateTime(d) => (chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()
                        + chrono::Days::new(d.as_f64() as u64))
                    .format("%Y-%m-%d")
                    .to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), csv_rows.len());
    for (x, c) in rows.iter().zip(&csv_rows) {
        // The CSV guards cells a spreadsheet would take for formulas; the XLSX stores text.
        let c: Vec<String> =
            c.iter().map(|s| s.strip_prefix('\'').unwrap_or(s).to_string()).collect();
        assert_eq!(x, &c);
    }
    // Year and number are numbers in the workbook.
    assert!(matches!(range.get((1, 1)), Some(Data::Float(y)) if *y == 2024.0));
    assert!(matches!(range.get((1, 2)), Some(Data::Float(n)) if *n == 1.0));
}

#[test]
fn ics_export_without_deadlines_is_an_empty_calendar_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let content = root().join("examples/exempelkommun");
    // 2023 records no deadline.
    let output = ledgen(
        dir.path(),
        &["export", "actions", "2023", "--content", content.to_str().unwrap(), "--format", "ics"],
    );
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            &format!("PRODID:-//ledgen//ledgen {}//SV", env!("CARGO_PKG_VERSION")),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "END:VCALENDAR",
            "",
        ]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no item of the 2023 action plan has a deadline"), "{stderr}");
}

#[test]
fn ics_export_has_one_all_day_event_per_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let content = root().join("examples/exempelkommun");
    let output = ledgen(
        dir.path(),
        &["export", "actions", "2024", "--content", content.to_str().unwrap(), "--format", "ics"],
    );
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap().replace("\r\n ", "");
    // Five recommendations with a deadline (rek-2024-04 is tabled, rek-2024-05 undecided) and
    // the open follow-up row uppf-rek-2023-03.
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 6, "{text}");
    assert!(text.contains("UID:rek-2024-01-2024@ledgen\r\n"), "{text}");
    assert!(text.contains("DTSTART;VALUE=DATE:20250331\r\n"), "{text}");
    assert!(text.contains("UID:uppf-rek-2023-03-2024@ledgen\r\nDTSTAMP:20240912T000000Z\r\nDTSTART;VALUE=DATE:20240630\r\n"), "{text}");
    assert!(text.contains("Beslut: Antagen"), "{text}");
}

#[test]
fn xlsx_to_the_terminal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let content = root().join("examples/exempelkommun");
    let output = ledgen(
        dir.path(),
        &["export", "actions", "--content", content.to_str().unwrap(), "--format", "xlsx"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("give `--out FILE.xlsx`"));
}
