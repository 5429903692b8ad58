//! Files ledgen writes outside the content: outputs readable as the umask allows, and the Typst
//! source of a failed compile private to the user and unique to the build.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::common::{copy_tree, ledgen, root};

/// Runs `ledgen` under a given umask (through `sh`, which sets it for the child).
#[cfg(unix)]
fn ledgen_with_umask(umask: &str, args: &[&str]) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_ledgen"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

// Outputs were written with tempfile's 0600 whatever the umask, so a copy to an intranet web
// server could not be read.
#[cfg(unix)]
#[test]
fn outputs_get_the_mode_the_umask_gives() {
    use std::os::unix::fs::PermissionsExt;
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let output = ledgen_with_umask(
            umask,
            &[
                "build",
                "2024",
                "--content",
                "examples/exempelkommun",
                "--format",
                "html",
                "--out",
                out_dir,
            ],
        );
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let html = out.path().join("2024/ledningens-genomgang-2024.html");
        let actual = fs::metadata(&html).unwrap().permissions().mode() & 0o777;
        assert_eq!(actual, mode, "under umask {umask}: {actual:o}");
    }
    let names: Vec<String> = fs::read_dir(out.path().join("2024"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with(".ledgen")), "{names:?}");
}

/// The path a failed build names for its Typst source.
fn debug_source_path(stderr: &str) -> PathBuf {
    let start = stderr.find("Typst source written to `").expect(stderr) + 25;
    let end = start + stderr[start..].find('`').unwrap();
    PathBuf::from(&stderr[start..end])
}

// A failed compile wrote its source, which can hold confidential text, to a fixed
// `/tmp/ledgen/<stem>.typ` that every build and every user shared.
#[test]
fn a_failed_compile_keeps_its_source_in_a_private_file_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/invalid/template-read-outside/content");
    copy_tree(&fixture, &dir.path().join("content"));
    let mut paths = Vec::new();
    for _ in 0..2 {
        let output = ledgen(dir.path(), &["build", "2023", "--format", "pdf"]);
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        let path = debug_source_path(&stderr);
        let source = fs::read_to_string(&path).unwrap();
        assert!(source.contains("/etc/passwd"), "{source}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
        }
        paths.push(path);
    }
    assert_ne!(paths[0], paths[1], "two builds share one source file");
    // Each failure keeps its own, and removes the one an earlier failure kept.
    assert!(!paths[0].exists(), "every failed build left a source behind");
    assert!(!dir.path().join("output").exists(), "a failed build wrote outputs");
    // A build that compiles again removes the last one.
    fs::remove_file(dir.path().join("content/2023/templates/report.typ.tera")).unwrap();
    let output = ledgen(dir.path(), &["build", "2023", "--format", "pdf"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!paths[1].exists(), "a good build left the failed one's source behind");
}
