//! Load stage: the bounds an XLSX register is held to before and while calamine decodes it.
//! A workbook is a zip archive of XML parts, and several numbers in those parts size what a
//! reader allocates: the shared-strings part's `uniqueCount` (calamine reserves that many
//! strings at once), and the cells' references (calamine lays a worksheet out as one dense grid
//! from its first to its last cell, so a single cell at `XFD1048576` asks for 17 billion). Each
//! such number is checked here against a limit, so that no allocation is sized by the file.

use std::io::{BufReader, Cursor, Read};

use quick_xml::events::Event;

use super::{MAX_REGISTER_ROWS, column_letters};

/// Most bytes the parts of an XLSX register may unpack to: a workbook of 10 000 incidents is
/// a few MiB.
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// Most columns a register's worksheet may reach: 256 (A to IV), as many as Excel had up to
/// 2003, where an incident register uses a few dozen.
pub(super) const MAX_COLUMNS: u32 = 256;

/// Most rows a register's worksheet may reach: the register's rows, its heading row, and room
/// above them for a title and notes.
pub(super) const MAX_ROWS: u32 = MAX_REGISTER_ROWS as u32 + 1_000;

/// Most cells with a value one worksheet may hold, and most strings its shared-strings part
/// may list: a full register of 10 000 rows with a hundred columns filled.
pub(super) const MAX_CELLS: u64 = 1_000_000;

/// Why a workbook is refused, or `Ok` when every part unpacks within [`MAX_UNPACKED_BYTES`]
/// and every shared-strings part (`<sst>`, wherever it is stored) states and holds at most
/// [`MAX_CELLS`] strings. Run before calamine opens the workbook, which reads the shared
/// strings at once.
pub(super) fn check_parts(bytes: &[u8]) -> Result<(), String> {
    let cannot =
        |e: &dyn std::fmt::Display| crate::tr!("workbook-unreadable", error = e.to_string());
    // The sizes an archive states cannot be trusted, and are often left out: count the bytes
    // as they unpack.
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| cannot(&e))?;
    let mut unpacked = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| cannot(&e))?;
        let part = entry.name().map_or_else(
            |_| crate::tr!("workbook-part", index = i.to_string()),
            |n| n.into_owned(),
        );
        let budget = MAX_UNPACKED_BYTES - unpacked + 1;
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(entry.take(budget)));
        // As calamine reads the parts, so that both see the same elements.
        xml.config_mut().check_end_names = false;
        xml.config_mut().check_comments = false;
        let scanned = shared_strings(&mut xml, &part);
        let mut rest = xml.into_inner();
        std::io::copy(&mut rest, &mut std::io::sink()).map_err(|e| cannot(&e))?;
        unpacked += budget - rest.into_inner().limit();
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(crate::tr!(
                "workbook-too-large",
                limit = (MAX_UNPACKED_BYTES / (1024 * 1024)).to_string()
            ));
        }
        scanned?;
    }
    Ok(())
}

/// Reads a part up to its root element and, when that is a shared-strings table, on to its
/// end: an error when the table states or holds more than [`MAX_CELLS`] strings. A part that
/// is not XML, or not a shared-strings table, passes (calamine judges it, if it reads it).
fn shared_strings<R: std::io::BufRead>(
    xml: &mut quick_xml::Reader<R>,
    part: &str,
) -> Result<(), String> {
    let too_many = |what: String| {
        crate::tr!(
            "workbook-too-many-strings",
            part = part,
            what = what,
            limit = MAX_CELLS.to_string()
        )
    };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                for (key, stated) in stated_counts(e.attributes_raw()) {
                    if stated > MAX_CELLS {
                        return Err(too_many(crate::tr!(
                            "workbook-strings-stated",
                            key = key,
                            stated = stated.to_string()
                        )));
                    }
                }
                break;
            }
            Ok(Event::Start(_) | Event::Empty(_) | Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
    let mut strings = 0u64;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "si" => {
                strings += 1;
                if strings > MAX_CELLS {
                    return Err(too_many(crate::tr!(
                        "workbook-strings-held",
                        limit = MAX_CELLS.to_string()
                    )));
                }
            }
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

/// Every `count` and `uniqueCount` in the attributes of an element as written, with the number
/// it states. calamine reads its attributes with a parser of its own, as written and without
/// entities; any text it could read as one of these attributes is found here, and more (a
/// `count` inside another name, say), so that the check is never the more lenient.
fn stated_counts(attributes: &str) -> Vec<(&'static str, u64)> {
    let mut found = Vec::new();
    for key in ["count", "uniqueCount"] {
        for (at, _) in attributes.match_indices(key) {
            let rest = attributes[at + key.len()..].trim_start();
            let Some(rest) = rest.strip_prefix('=') else { continue };
            let Some(value) = rest.trim_start().strip_prefix(['"', '\'']) else { continue };
            let end = value.find(['"', '\'']).unwrap_or(value.len());
            found.push((key, stated_number(&value.as_bytes()[..end])));
        }
    }
    found
}

/// A count as calamine reads it (decimal digits, leading zeros allowed), saturating; a
/// leading `+` is read too, to be safe; 0 for anything else, which calamine ignores.
fn stated_number(value: &[u8]) -> u64 {
    let digits = value.strip_prefix(b"+").unwrap_or(value);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return 0;
    }
    digits.iter().fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')))
}

/// Why a worksheet's cell at 0-based (`row`, `column`) is refused, if it lies beyond
/// [`MAX_ROWS`] or [`MAX_COLUMNS`].
pub(super) fn check_cell(sheet: &str, (row, column): (u32, u32)) -> Result<(), String> {
    if row < MAX_ROWS && column < MAX_COLUMNS {
        return Ok(());
    }
    let cell = format!("{}{}", column_letters(column as usize), u64::from(row) + 1);
    Err(crate::tr!("workbook-reaches-cell", sheet = sheet, cell = cell, limits = limits()))
}

/// Why a worksheet whose `<dimension>` states the range from `start` to `end` is refused, if
/// it reaches beyond [`MAX_ROWS`] or [`MAX_COLUMNS`].
pub(super) fn check_dimension(
    sheet: &str,
    start: (u32, u32),
    end: (u32, u32),
) -> Result<(), String> {
    if end.0 < MAX_ROWS && end.1 < MAX_COLUMNS {
        return Ok(());
    }
    let cell = |(row, column): (u32, u32)| {
        format!("{}{}", column_letters(column as usize), u64::from(row) + 1)
    };
    Err(crate::tr!(
        "workbook-spans",
        sheet = sheet,
        start = cell(start),
        end = cell(end),
        limits = limits()
    ))
}

/// The limits, for messages.
fn limits() -> String {
    crate::tr!(
        "workbook-limits",
        columns = MAX_COLUMNS.to_string(),
        last = column_letters(MAX_COLUMNS as usize - 1),
        rows = MAX_ROWS.to_string()
    )
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    #[test]
    fn stated_counts_are_read_as_calamine_reads_them() {
        assert_eq!(stated_number(b"1187"), 1187);
        assert_eq!(stated_number(b"0001187"), 1187);
        assert_eq!(stated_number(b"+5"), 5);
        assert_eq!(stated_number(b"99999999999999999999999999"), u64::MAX);
        assert_eq!(stated_number(b"-5"), 0);
        assert_eq!(stated_number(b""), 0);
    }

    #[test]
    fn stated_counts_are_found_however_the_attributes_are_spaced() {
        let found = |raw| stated_counts(raw);
        assert_eq!(
            found(r#"xmlns="x" count="77" uniqueCount="64""#),
            [("count", 77), ("uniqueCount", 64)]
        );
        assert_eq!(found(r#"a="1"uniqueCount = '9'"#), [("uniqueCount", 9)]);
        assert_eq!(
            found(r#"uniqueCount="1" uniqueCount="2""#),
            [("uniqueCount", 1), ("uniqueCount", 2)]
        );
        assert_eq!(found(r#"xmlns="x""#), []);
    }

    #[test]
    fn cells_beyond_the_limits_are_named() {
        assert_eq!(check_cell("Blad1", (MAX_ROWS - 1, MAX_COLUMNS - 1)), Ok(()));
        let error = check_cell("Blad1", (1_048_575, 16_383)).unwrap_err();
        assert_eq!(
            error,
            "the worksheet \"Blad1\" reaches cell XFD1048576; a register may have at most 256 \
             columns (A to IV) and 11000 rows"
        );
        assert!(check_cell("Blad1", (0, MAX_COLUMNS)).unwrap_err().contains("cell IW1;"));
        assert!(check_cell("Blad1", (u32::MAX, 0)).unwrap_err().contains("cell A4294967296;"));
    }

    /// A register workbook of a heading row and three records, as Excel would write it.
    fn base_workbook() -> Vec<u8> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        let rows = [
            ["Datum", "Kategori", "Beskrivning"],
            ["2024-01-02", "Övrigt", "Ett"],
            ["2024-02-03", "Driftstörning", "Två"],
            ["2024-03-04", "Övrigt", "Tre"],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
        sheet.write_number(5, 1, 45_000.0).unwrap();
        workbook.save_to_buffer().unwrap()
    }

    /// The parts of a workbook, by name.
    fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut entry = archive.by_index(i).unwrap();
                let name = entry.name().unwrap().to_string();
                let mut data = Vec::new();
                entry.read_to_end(&mut data).unwrap();
                (name, data)
            })
            .collect()
    }

    fn zipped(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
        use std::io::Write;
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, data) in parts {
            out.start_file(name.as_str(), options).unwrap();
            out.write_all(data).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    /// Pieces of a worksheet and a shared-strings table, to splice into one.
    const PIECES: &[&str] = &[
        "<c>",
        "</c>",
        "<c t=\"inlineStr\"><is><t>x</t></is></c>",
        "<c r=\"IV11000\"><v>1</v></c>",
        "<c r=\"XFD1048576\"><v>1</v></c>",
        "<row>",
        "</row>",
        "<row r=\"4294967295\">",
        "<v>7</v>",
        "<si><t>a</t></si>",
        " uniqueCount=\"18446744073709551616\"",
        " count=\"4294967296\"",
        "<dimension ref=\"A1:XFD1048576\"/>",
        "r=\"",
        "\"",
        "<",
        ">",
    ];

    /// Numbers at the edges of the limits and of the integer types.
    const NUMBERS: &[u64] = &[
        0,
        1,
        255,
        256,
        10_999,
        11_000,
        1_000_000,
        1_000_001,
        1_048_576,
        u32::MAX as u64,
        u32::MAX as u64 + 1,
        u64::MAX,
    ];

    /// `text` with one mutation of the kind `kind`, at `at`, with `number` and `piece`.
    fn mutate(text: &[u8], kind: u8, at: usize, number: u64, piece: usize) -> Vec<u8> {
        let at = at % (text.len() + 1);
        // Pieces go between elements, where they keep the XML well formed more often.
        let between = text[at..].iter().position(|b| *b == b'>').map_or(text.len(), |i| at + i + 1);
        let mut out = text.to_vec();
        match kind % 5 {
            // The next decimal number from `at` becomes another.
            0 => {
                if let Some(start) = text[at..].iter().position(u8::is_ascii_digit) {
                    let start = at + start;
                    let len = text[start..].iter().take_while(|b| b.is_ascii_digit()).count();
                    let number = NUMBERS.get(number as usize % 16).copied().unwrap_or(number);
                    out.splice(start..start + len, number.to_string().bytes());
                }
            }
            // A piece is spliced in.
            1 => {
                out.splice(between..between, PIECES[piece % PIECES.len()].bytes());
            }
            // A piece is repeated many times.
            2 => {
                let repeated = PIECES[piece % PIECES.len()].repeat(1 + number as usize % 400);
                out.splice(between..between, repeated.bytes());
            }
            // A span is cut out.
            3 => {
                let end = (at + 1 + number as usize % 64).min(out.len());
                out.drain(at..end);
            }
            // A span is copied after itself.
            _ => {
                let end = (at + 1 + number as usize % 256).min(text.len());
                out.splice(end..end, text[at..end].iter().copied());
            }
        }
        out
    }

    // `.ci/run` runs these again with many more cases (`PROPTEST_CASES`) within 2 GiB of
    // address space, where an allocation sized by a number in a file would abort the run.
    proptest::proptest! {
        // A workbook changed in any of a few ways is read within the bounds or refused with a
        // message; nothing panics, and nothing is sized by a number in the file.
        #[test]
        fn mutated_workbooks_are_read_within_bounds_or_refused(
            mutations in proptest::collection::vec(
                (0u8..8, proptest::prelude::any::<u8>(), proptest::prelude::any::<usize>(),
                 proptest::prelude::any::<u64>(), proptest::prelude::any::<usize>()),
                1..4,
            ),
        ) {
            let mut parts = parts(&base_workbook());
            let mut bytes = None;
            for (target, kind, at, number, piece) in mutations {
                // Mostly the worksheet, whose numbers size the most.
                let wanted = match target {
                    0..=3 => "xl/worksheets/sheet1.xml",
                    4 | 5 => "xl/sharedStrings.xml",
                    6 => "xl/workbook.xml",
                    _ => "",
                };
                if wanted.is_empty() {
                    // The archive itself: one byte changed.
                    let mut zip = zipped(&parts);
                    let i = at % zip.len();
                    zip[i] ^= (number as u8).max(1);
                    bytes = Some(zip);
                    continue;
                }
                let part = parts.iter_mut().find(|(n, _)| n == wanted).unwrap();
                part.1 = mutate(&part.1, kind, at, number, piece);
            }
            let bytes = bytes.unwrap_or_else(|| zipped(&parts));
            match crate::model::register::read_xlsx(&bytes, None) {
                Ok(sheet) => {
                    proptest::prop_assert!(sheet.rows.len() <= MAX_ROWS as usize);
                    proptest::prop_assert!(sheet.headings.len() <= MAX_COLUMNS as usize);
                    for (_, row) in &sheet.rows {
                        proptest::prop_assert!(row.len() <= MAX_COLUMNS as usize);
                    }
                }
                Err(message) => proptest::prop_assert!(!message.trim().is_empty()),
            }
        }

        // A CSV export changed in any of a few ways is read or refused with a message.
        #[test]
        fn mutated_csv_files_are_read_or_refused(
            mutations in proptest::collection::vec(
                (proptest::prelude::any::<u8>(), proptest::prelude::any::<usize>(),
                 proptest::prelude::any::<u64>(), proptest::prelude::any::<usize>()),
                1..4,
            ),
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
        ) {
            let mut text =
                "\u{feff}Datum;Kategori;Beskrivning\n2024-01-02;Övrigt;\"Ett; två\"\n".as_bytes().to_vec();
            for (kind, at, number, piece) in mutations {
                text = mutate(&text, kind, at, number, piece);
            }
            let at = noise.first().map_or(0, |b| *b as usize) % (text.len() + 1);
            text.splice(at..at, noise.iter().copied());
            match crate::model::register::read_csv(&text) {
                Ok(sheet) => proptest::prop_assert!(
                    sheet.rows.len() <= crate::model::register::MAX_REGISTER_ROWS
                ),
                Err(message) => proptest::prop_assert!(!message.trim().is_empty()),
            }
        }
    }
}
