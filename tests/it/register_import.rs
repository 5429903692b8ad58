//! Incidents read from a register export (`incidents: from: ...`): CSV and XLSX files are read
//! as the YAML records would be, and every error names the file, the sheet, the cell and the
//! column heading.

use std::path::Path;

use ledgen::model::{BlockKind, Incident, load_report};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell of a test workbook.
#[derive(Clone)]
enum X {
    T(&'static str),
    N(f64),
    /// A date cell (formatted as a date, as Excel stores it).
    D(u16, u8, u8),
    B(bool),
    E,
}

/// Writes a workbook with one sheet of `rows` (the first being the headings).
fn write_xlsx(path: &Path, sheet: &str, rows: &[Vec<X>]) {
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(sheet).unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                X::T(t) => {
                    worksheet.write_string(r, c, *t).unwrap();
                }
                X::N(n) => {
                    worksheet.write_number(r, c, *n).unwrap();
                }
                X::D(y, m, d) => {
                    let value = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    worksheet.write_datetime_with_format(r, c, value, &date).unwrap();
                }
                X::B(b) => {
                    worksheet.write_boolean(r, c, *b).unwrap();
                }
                X::E => {}
            }
        }
    }
    workbook.save(path).unwrap();
}

/// A report folder for 2024 whose only section holds `block` (an `incidents` block's keys).
fn report(block: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let year = dir.path().join("2024");
    std::fs::create_dir(&year).unwrap();
    std::fs::write(
        year.join("report.yaml"),
        "organisation: Testkommun\ntitle: Ledningens genomgång\nyear: 2024\ndate: 2024-09-01\n\
         author: Test\nsections: [appendices]\n",
    )
    .unwrap();
    let indented: String = block.lines().map(|l| format!("      {l}\n")).collect();
    std::fs::write(
        year.join("appendices.yaml"),
        format!("title: Bilagor\ncontent:\n  - text: Inledning.\n  - incidents:\n{indented}"),
    )
    .unwrap();
    dir
}

/// The incidents of the report's first `incidents` block.
fn incidents(dir: &Path) -> Vec<Incident> {
    let mut report = load_report(&dir.join("2024")).map_err(|e| e.to_string()).unwrap().report;
    let section = report.sections.remove(0);
    for block in section.part.content {
        if let BlockKind::Incidents(incidents) = block.kind {
            return incidents.records;
        }
    }
    panic!("no incidents block");
}

/// The error text of loading the report.
fn error(dir: &Path) -> String {
    match load_report(&dir.join("2024")) {
        Ok(_) => panic!("the report loaded"),
        Err(e) => e.to_string(),
    }
}

fn headings() -> Vec<X> {
    ["Datum", "Kategori", "Beskrivning", "Personuppgiftsincident", "Anmäld till IMY", "Sekretess"]
        .into_iter()
        .map(X::T)
        .collect()
}

#[test]
fn xlsx_register_is_read_with_swedish_yes_no_and_excel_dates() {
    let dir = report("from: register.xlsx\nsheet: Incidenter");
    write_xlsx(
        &dir.path().join("2024/register.xlsx"),
        "Incidenter",
        &[
            headings(),
            vec![
                X::D(2024, 3, 5),
                X::T("Nätfiske och bedrägeri"),
                X::T("Bluffmejl *med* [länk](javascript:alert(1))"),
                X::T("Ja"),
                X::T("nej"),
                X::E,
            ],
            // A blank row between records is skipped.
            vec![X::E, X::E],
            vec![
                X::N(45500.0),
                X::T("skadlig kod"),
                X::T("Virus"),
                X::T("x"),
                X::B(true),
                X::T("18 kap. 8 § OSL"),
            ],
            vec![X::T("2024-06-01"), X::T("Övrigt"), X::T("Annat"), X::E, X::E, X::T("ja")],
        ],
    );
    let records = incidents(dir.path());
    assert_eq!(records.len(), 3);
    let first = &records[0];
    assert_eq!(first.id.value, "register-2");
    assert_eq!(first.date.value.0.to_string(), "2024-03-05");
    assert_eq!(first.category.value, "Nätfiske och bedrägeri");
    assert!(first.personal_data && !first.reported_to_imy && !first.intern);
    // Register text is shown as written, never as Markdown links or emphasis.
    assert!(first.description.text.contains("\\*med\\*"), "{}", first.description.text);
    let second = &records[1];
    assert_eq!(second.id.value, "register-4");
    assert_eq!(second.date.value.0.to_string(), "2024-07-27");
    // Categories are matched regardless of case and shown in the list's spelling.
    assert_eq!(second.category.value, "Skadlig kod");
    assert!(second.personal_data && second.reported_to_imy && second.intern);
    assert_eq!(second.sekretess.as_deref(), Some("18 kap. 8 § OSL"));
    assert!(records[2].intern && records[2].sekretess.is_none());
}

#[test]
fn csv_register_with_bom_semicolons_and_custom_headings() {
    let dir = report(
        "from: register.csv\ncolumns: { date: När, category: Typ, description: Vad, id: Ärende }",
    );
    std::fs::write(
        dir.path().join("2024/register.csv"),
        "\u{feff}Ärende;När;Typ;Vad\ninc-a;2024-01-02;Driftstörning;\"Servern; stannade\"\n;2024-02-03;Övrigt;Annat\n",
    )
    .unwrap();
    let records = incidents(dir.path());
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].id.value, "inc-a");
    assert_eq!(records[0].description.text, "Servern\\; stannade");
    assert_eq!(records[1].id.value, "register-3");

    let dir = report("from: register.csv");
    std::fs::write(
        dir.path().join("2024/register.csv"),
        "Datum,Kategori,Beskrivning\n2024-01-02,Driftstörning,\"Ett, två\"\n",
    )
    .unwrap();
    assert_eq!(incidents(dir.path())[0].description.text, "Ett\\, två");
}

#[test]
fn each_cell_error_names_file_sheet_cell_and_heading() {
    let dir = report("from: incidenter-2024.xlsx\nsheet: Incidenter");
    write_xlsx(
        &dir.path().join("2024/incidenter-2024.xlsx"),
        "Incidenter",
        &[
            headings(),
            vec![X::D(2024, 1, 1), X::T("Nätfiske och bedrägerier"), X::T("A"), X::E, X::E, X::E],
            vec![X::T("1 mars"), X::T("Övrigt"), X::T("B"), X::E, X::E, X::E],
            vec![X::D(2024, 1, 1), X::T("Övrigt"), X::E, X::T("kanske"), X::E, X::E],
            vec![X::E, X::E, X::T("bara text")],
            vec![X::D(2024, 1, 1), X::T("Phishing"), X::T("C")],
        ],
    );
    let message = error(dir.path());
    for expected in [
        "incidenter-2024.xlsx, Incidenter!B2 (Kategori): unknown category \"Nätfiske och bedrägerier\"; did you mean \"Nätfiske och bedrägeri\"?",
        "incidenter-2024.xlsx, Incidenter!A3 (Datum): invalid date \"1 mars\"",
        "incidenter-2024.xlsx, Incidenter!C4 (Beskrivning): no description",
        "incidenter-2024.xlsx, Incidenter!D4 (Personuppgiftsincident): \"kanske\" is neither yes nor no",
        "incidenter-2024.xlsx, Incidenter!A5 (Datum): no date",
        "incidenter-2024.xlsx, Incidenter!B5 (Kategori): no category",
        "incidenter-2024.xlsx, Incidenter!B6 (Kategori): unknown category \"Phishing\"; the categories are",
    ] {
        assert!(message.contains(expected), "missing {expected:?} in:\n{message}");
    }
}

#[test]
fn csv_cell_errors_name_the_cell_without_a_sheet() {
    let dir = report("from: register.csv");
    std::fs::write(
        dir.path().join("2024/register.csv"),
        "Datum;Kategori;Beskrivning\n2024-13-01;Övrigt;A\n",
    )
    .unwrap();
    assert!(error(dir.path()).contains("register.csv, A2 (Datum): invalid date \"2024-13-01\""));
}

// Register text reached the PDF unchecked: a character no embedded font has failed the compile
// with a message about the generated source instead of the register's cell.
#[test]
fn a_character_no_font_has_is_named_with_its_cell() {
    let dir = report("from: register.csv");
    std::fs::write(
        dir.path().join("2024/register.csv"),
        "Datum;Kategori;Beskrivning\n2024-03-01;Övrigt;Ett mejl på kinesiska: 中文\n",
    )
    .unwrap();
    let error = error(dir.path());
    assert!(
        error.contains(
            "register.csv, C2 (Beskrivning): the character `中` (U+4E2D) cannot be shown"
        ),
        "{error}"
    );
}

#[test]
fn file_level_errors() {
    // A missing heading, with the headings there are and a hint.
    let dir = report("from: r.xlsx");
    write_xlsx(
        &dir.path().join("2024/r.xlsx"),
        "Blad1",
        &[vec![X::T("Datum"), X::T("Kategorier"), X::T("Beskrivning")]],
    );
    let message = error(dir.path());
    assert!(message.contains("r.xlsx, Blad1: no column headed \"Kategori\""), "{message}");
    assert!(message.contains("did you mean \"Kategorier\"?"), "{message}");

    // An unknown sheet.
    let dir = report("from: r.xlsx\nsheet: Incidentr");
    write_xlsx(&dir.path().join("2024/r.xlsx"), "Incidenter", &[headings()]);
    let message = error(dir.path());
    assert!(message.contains("no worksheet named \"Incidentr\""), "{message}");
    assert!(message.contains("did you mean \"Incidenter\"?"), "{message}");

    // Not found, outside the folder, the wrong type, and records as well as a register.
    for (block, expected) in [
        ("from: saknas.csv", "register `saknas.csv` not found in the report folder"),
        ("from: ../2023/r.csv", "register `../2023/r.csv` is outside the report folder"),
        ("from: /etc/passwd.csv", "is outside the report folder"),
        ("from: r.ods", "register `r.ods` is neither a `.csv` nor an `.xlsx` file"),
        (
            "from: r.csv\nrecords:\n  - { id: a, date: 2024-01-01, category: Övrigt, description: x }",
            "either `records` or `from`, not both",
        ),
        ("from: r.csv\nsheet: Blad1", "`sheet:` names a worksheet, but `r.csv` is a CSV file"),
        ("columns: { date: När }", "has `sheet` or `columns` but no `from`"),
    ] {
        let dir = report(block);
        std::fs::write(dir.path().join("2024/r.csv"), "Datum,Kategori,Beskrivning\n").unwrap();
        let message = error(dir.path());
        assert!(message.contains(expected), "{block}: missing {expected:?} in:\n{message}");
        // Errors about the key point at the section file.
        assert!(message.contains("appendices.yaml"), "{message}");
    }

    // Not an XLSX file, text that is not UTF-8, and a file over the size limit.
    let dir = report("from: r.xlsx");
    std::fs::write(dir.path().join("2024/r.xlsx"), "Datum,Kategori\n").unwrap();
    assert!(error(dir.path()).contains("cannot read the workbook"));
    let dir = report("from: r.csv");
    std::fs::write(
        dir.path().join("2024/r.csv"),
        b"Datum,Kategori,Beskrivning\n2024-01-01,\xd6vrigt,x\n",
    )
    .unwrap();
    let message = error(dir.path());
    assert!(message.contains("r.csv: row 2 is not UTF-8 text"), "{message}");
    let dir = report("from: r.csv");
    std::fs::write(dir.path().join("2024/r.csv"), vec![b'a'; 3 * 1024 * 1024]).unwrap();
    assert!(error(dir.path()).contains("more than the 2048 KiB a content file may be"));
}

/// The example organisation's register holds the same incidents as the YAML records it was
/// made from.
#[test]
fn example_register_matches_its_records() {
    let expected: Vec<serde_json::Value> = fixture_records();
    let report =
        load_report(&crate::common::root().join("examples/exempelkommun/2024")).unwrap().report;
    let mut found = Vec::new();
    for placed in report.blocks() {
        if let BlockKind::Incidents(incidents) = &placed.block.kind {
            found.extend(incidents.records.iter().map(|r| {
                serde_json::json!({
                    "id": r.id.value,
                    "date": r.date.value.0.to_string(),
                    "category": r.category.value,
                    "description": unescape(&r.description.text),
                    "consequence": r.consequence.as_ref().map(|m| unescape(&m.text)),
                    "actions": r.actions.as_ref().map(|m| unescape(&m.text)),
                    "personal_data": r.personal_data,
                    "reported_to_imy": r.reported_to_imy,
                    "intern": r.intern,
                })
            }));
        }
    }
    assert_eq!(found, expected);
}

/// Markdown escapes removed, as the report shows the text.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

fn fixture_records() -> Vec<serde_json::Value> {
    #[derive(serde::Deserialize)]
    struct Record {
        id: String,
        date: String,
        category: String,
        description: String,
        consequence: Option<String>,
        actions: Option<String>,
        #[serde(default)]
        personal_data: bool,
        #[serde(default)]
        reported_to_imy: bool,
        #[serde(default)]
        intern: bool,
    }
    let text = std::fs::read_to_string(
        crate::common::root().join("tests/fixtures/register/incidenter-2024.yaml"),
    )
    .unwrap();
    let records: Vec<Record> = serde_saphyr::from_str(&text).unwrap();
    records
        .into_iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id, "date": r.date, "category": r.category, "description": r.description,
                "consequence": r.consequence, "actions": r.actions, "personal_data": r.personal_data,
                "reported_to_imy": r.reported_to_imy, "intern": r.intern,
            })
        })
        .collect()
}

/// Writes `examples/exempelkommun/2024/incidenter-2024.xlsx` from the fixture's records, as an
/// incident register would export them.
#[test]
#[ignore = "writes the example register; run it after changing the fixture"]
fn make_example_register() {
    let records = fixture_records();
    let mut workbook = Workbook::new();
    // Fixed document properties, so that the same records give the same file.
    let created = ExcelDateTime::from_ymd(2024, 9, 1).unwrap();
    workbook.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&created)
            .set_author("Exempelkommun"),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name("Incidenter").unwrap();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let headings = [
        "Ärende",
        "Datum",
        "Kategori",
        "Beskrivning",
        "Konsekvens",
        "Åtgärder",
        "Personuppgiftsincident",
        "Anmäld till IMY",
        "Sekretess",
    ];
    for (c, h) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold).unwrap();
    }
    for (i, r) in records.iter().enumerate() {
        let row = i as u32 + 1;
        let text = |key: &str| r[key].as_str().unwrap_or("").to_string();
        let yes = |key: &str| if r[key].as_bool().unwrap_or(false) { "Ja" } else { "Nej" };
        sheet.write_string(row, 0, text("id")).unwrap();
        let d = text("date");
        let (y, m, day) =
            (d[0..4].parse().unwrap(), d[5..7].parse().unwrap(), d[8..10].parse().unwrap());
        sheet
            .write_datetime_with_format(row, 1, ExcelDateTime::from_ymd(y, m, day).unwrap(), &date)
            .unwrap();
        for (c, key) in [(2, "category"), (3, "description"), (4, "consequence"), (5, "actions")] {
            if !text(key).is_empty() {
                sheet.write_string(row, c, text(key)).unwrap();
            }
        }
        sheet.write_string(row, 6, yes("personal_data")).unwrap();
        if r["reported_to_imy"].as_bool().unwrap_or(false) {
            sheet.write_string(row, 7, "Ja").unwrap();
        }
        if r["intern"].as_bool().unwrap_or(false) {
            sheet.write_string(row, 8, "x").unwrap();
        }
    }
    sheet.set_column_width(3, 60).unwrap();
    sheet.autofilter(0, 0, records.len() as u32, headings.len() as u16 - 1).unwrap();
    workbook
        .save(crate::common::root().join("examples/exempelkommun/2024/incidenter-2024.xlsx"))
        .unwrap();
}

// A small workbook can unpack to gigabytes; reading it must stop at a limit.
#[test]
fn workbook_that_unpacks_too_large_is_refused() {
    use std::io::Write;

    let dir = report("from: r.xlsx");
    let file = std::fs::File::create(dir.path().join("2024/r.xlsx")).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let block = vec![b' '; 1024 * 1024];
    for _ in 0..65 {
        zip.write_all(&block).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(dir.path().join("2024/r.xlsx")).unwrap().len() < 1024 * 1024);
    let message = error(dir.path());
    assert!(message.contains("the workbook unpacks to more than the 64 MiB"), "{message}");
}

/// Writes a register workbook (headings and one record) with `edit(part, text)` applied to the
/// text of each of its parts, as a crafted file would differ from a real one.
fn crafted_xlsx(path: &Path, edit: impl Fn(&str, String) -> String) {
    use std::io::{Read, Write};

    let real = dir_with_real_register();
    let bytes = std::fs::read(real.path().join("r.xlsx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut crafted = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        crafted.start_file(&name, options).unwrap();
        crafted.write_all(edit(&name, text).as_bytes()).unwrap();
    }
    crafted.finish().unwrap();
}

/// A folder holding `r.xlsx`, a valid register of one incident on the sheet "Incidenter".
fn dir_with_real_register() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let record = vec![X::D(2024, 3, 5), X::T("Övrigt"), X::T("Bluffmejl"), X::E, X::E, X::E];
    write_xlsx(&dir.path().join("r.xlsx"), "Incidenter", &[headings(), record]);
    dir
}

/// A workbook whose only sheet reaches the last cell a sheet can have.
fn last_cell_workbook(part: &str, text: String) -> String {
    if part != "xl/worksheets/sheet1.xml" {
        return text;
    }
    let far = "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>";
    assert!(text.contains("</sheetData>"), "{text}");
    text.replace("</sheetData>", far)
}

/// A workbook whose shared strings state a count no memory can hold.
fn huge_strings_workbook(part: &str, text: String) -> String {
    if part != "xl/sharedStrings.xml" {
        return text;
    }
    let at = text.find("uniqueCount=\"").expect("a uniqueCount") + "uniqueCount=\"".len();
    let end = at + text[at..].find('"').unwrap();
    format!("{}99999999999999999{}", &text[..at], &text[end..])
}

// A 5 KB workbook with a cell at XFD1048576 made calamine allocate a grid of 17 billion cells.
#[test]
fn a_cell_far_out_is_refused_before_the_sheet_is_laid_out() {
    let dir = report("from: r.xlsx");
    crafted_xlsx(&dir.path().join("2024/r.xlsx"), last_cell_workbook);
    assert!(std::fs::metadata(dir.path().join("2024/r.xlsx")).unwrap().len() < 10_000);
    let message = error(dir.path());
    assert!(
        message.contains(
            "r.xlsx: the worksheet \"Incidenter\" reaches cell XFD1048576; a register may have \
             at most 256 columns (A to IV) and 11000 rows"
        ),
        "{message}"
    );
}

// calamine places a cell without a reference after the one before it: such cells count too.
#[test]
fn cells_without_references_are_bounded_where_calamine_places_them() {
    let dir = report("from: r.xlsx");
    crafted_xlsx(&dir.path().join("2024/r.xlsx"), |part, text| {
        if part != "xl/worksheets/sheet1.xml" {
            return text;
        }
        let cells = "<c t=\"inlineStr\"><is><t>x</t></is></c>".repeat(257);
        text.replace("</sheetData>", &format!("<row>{cells}</row></sheetData>"))
    });
    let message = error(dir.path());
    assert!(message.contains("the worksheet \"Incidenter\" reaches cell IW3;"), "{message}");
}

#[test]
fn a_sheet_stating_a_range_beyond_the_limits_is_refused() {
    let dir = report("from: r.xlsx");
    crafted_xlsx(&dir.path().join("2024/r.xlsx"), |part, text| {
        if part != "xl/worksheets/sheet1.xml" {
            return text;
        }
        let at = text.find("<dimension ref=\"").expect("a dimension") + "<dimension ref=\"".len();
        let end = at + text[at..].find('"').unwrap();
        format!("{}A1:XFD1048576{}", &text[..at], &text[end..])
    });
    let message = error(dir.path());
    assert!(
        message.contains("the worksheet \"Incidenter\" states that it spans A1:XFD1048576;"),
        "{message}"
    );
}

// A huge `uniqueCount` made calamine reserve that many strings, and the process abort.
#[test]
fn shared_strings_stating_a_huge_count_are_refused() {
    let dir = report("from: r.xlsx");
    crafted_xlsx(&dir.path().join("2024/r.xlsx"), huge_strings_workbook);
    let message = error(dir.path());
    assert!(
        message.contains(
            "r.xlsx: the workbook's shared strings (`xl/sharedStrings.xml`) state \
             uniqueCount=\"99999999999999999\"; a register may have at most 1000000 strings"
        ),
        "{message}"
    );
}

// Both crafted workbooks, read by the binary within 2 GiB of address space: a clear error and
// exit status 1, where they used to take all memory or abort (status 134).
#[test]
fn crafted_workbooks_fail_cleanly_within_a_memory_cap() {
    if std::process::Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("skipped: prlimit (util-linux) is not installed");
        return;
    }
    type Craft = fn(&str, String) -> String;
    let crafts: [(Craft, &str); 2] = [
        (last_cell_workbook, "reaches cell XFD1048576"),
        (huge_strings_workbook, "state uniqueCount=\"99999999999999999\""),
    ];
    for (craft, expected) in crafts {
        let dir = report("from: r.xlsx");
        crafted_xlsx(&dir.path().join("2024/r.xlsx"), craft);
        let output = std::process::Command::new("prlimit")
            .arg(format!("--as={}", 2u64 << 30))
            .arg("--")
            .arg(env!("CARGO_BIN_EXE_ledgen"))
            .env("LC_ALL", "C")
            .args(["check", "2024", "--content"])
            .arg(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{expected}: {:?}\n{stderr}", output.status);
        assert!(stderr.contains(expected), "{stderr}");
    }
}

// `build --all` with one such register among good reports ended with no outputs and no index:
// now that report fails with its error and the others, the overview and the index are written.
#[test]
fn build_all_survives_a_crafted_register_among_good_reports() {
    let dir = crate::common::example_years(&["2022", "2023", "2024"]);
    let register = dir.path().join("content/2024/incidenter-2024.xlsx");
    crafted_xlsx(&register, last_cell_workbook);
    let mut command = std::process::Command::new("prlimit");
    command.arg(format!("--as={}", 2u64 << 30)).arg("--").arg(env!("CARGO_BIN_EXE_ledgen"));
    if std::process::Command::new("prlimit").arg("--version").output().is_err() {
        command = std::process::Command::new(env!("CARGO_BIN_EXE_ledgen"));
    }
    let output = command
        .args(["build", "--all", "--content", "content", "--out", "out", "--format", "html"])
        .env("LC_ALL", "C")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("reaches cell XFD1048576"), "{stderr}");
    assert!(stderr.contains("1 of 3 reports failed"), "{stderr}");
    let out = dir.path().join("out");
    assert!(out.join("index.html").is_file(), "{stderr}");
    assert!(out.join("content/2023/ledningens-genomgang-2023-publik.html").is_file(), "{stderr}");
}
