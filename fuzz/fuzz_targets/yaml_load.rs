//! YAML loading and its error translation: whatever bytes a content file holds, loading the
//! report must not panic, and a refusal must be a diagnostic that names the file (with a line
//! within the file when it names one) and renders as text without panicking.
//!
//! The input's first byte chooses which file of a small valid report (`report.yaml`, or one
//! section file) the rest replaces, so that both the report's metadata and a section's blocks,
//! rows and recommendations are reached.

#![no_main]

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const REPORT: &str = "\
organisation: Exempelkommun
title: Ledningens genomgång av informationssäkerhet
year: 2024
date: 2024-11-30
sections: [inledning, status]
";

const INTRODUCTION: &str = "\
title: Inledning
content:
  - text: Årets genomgång.
";

const STATUS: &str = "\
title: Status
content:
  - table:
      columns: [Aktivitet]
      status_column: Status
      rows:
        - id: rad-01
          cells: [Riskanalys]
          status: gul
          status_text: Påbörjad.
  - recommendations:
      - id: rek-2024-01
        text: Gör en riskanalys
        how: Med verksamheten.
        who: ISAM
        priority: hög
        decision: antagen
        owner: ISAM
        due: 2025-03-31
";

/// The report folder, made once; each input rewrites the files it needs.
fn folder() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder")).path()
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, text)) = data.split_first() else { return };
    let dir = folder().join("2024");
    fs::create_dir_all(&dir).unwrap();
    let files = [("report.yaml", REPORT), ("inledning.yaml", INTRODUCTION), ("status.yaml", STATUS)];
    for (name, valid) in files {
        fs::write(dir.join(name), valid).unwrap();
    }
    let (target, _) = files[usize::from(choice) % files.len()];
    fs::write(dir.join(target), text).unwrap();

    if let Err(error) = ledgen::model::load_report(&dir) {
        let shown = format!("{error:#}");
        assert!(!shown.is_empty(), "an empty error for {text:?}");
        for diagnostic in &error.diagnostics {
            assert!(diagnostic.path.starts_with(&dir), "{} is outside the report", diagnostic.path.display());
            if diagnostic.path.ends_with(target) && diagnostic.line > 0 {
                let lines = String::from_utf8_lossy(text).lines().count().max(1);
                assert!(diagnostic.line <= lines + 1, "line {} of {lines}: {shown}", diagnostic.line);
            }
        }
    }
});
