//! Bad input: every case under `tests/fixtures/invalid/<case>/` holds a `content/` folder and an
//! `expected.txt` whose lines must all appear in the error output. Both `check` and `build` must
//! exit with 1 (never panic), and `build` must not create any output. Each case runs in a
//! temporary copy of its folder, so cases that need a file too large, too deep or too odd to
//! commit (a 20 MB file, 100 000 nested brackets, a symbolic link) generate it there.
//!
//! Optional files beside `expected.txt`:
//! - `args.txt`: further command-line arguments for both commands (e.g. a year);
//! - `build-only.txt`: only `build` must fail; `check` does not read templates, so it may succeed
//!   (it must still not crash). The file says why.
//!
//! Valid but unusual input (a byte-order mark, CRLF line endings, text full of Typst and HTML
//! syntax) lives under `tests/fixtures/valid-unusual/<case>/` and must build; the lines of its
//! optional `expected-text.txt` must appear in both the PDF's and the HTML page's text.

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::{html_text, ledgen, pdf_text, root};

#[test]
fn every_invalid_case_fails_cleanly_with_its_expected_message() {
    let cases = case_dirs("tests/fixtures/invalid");
    assert!(cases.len() >= 42, "too few cases: {}", cases.len());
    let mut failures = Vec::new();
    let mut timings = String::new();
    let mut transcript = String::new();
    let mut swedish_transcript = String::new();
    // `LEDGEN_SHOW_STDERR=1 cargo test --test invalid_content -- --nocapture` shows every message.
    let show = std::env::var_os("LEDGEN_SHOW_STDERR").is_some();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let expected = fs::read_to_string(case.join("expected.txt")).unwrap();
        let extra = fs::read_to_string(case.join("args.txt")).unwrap_or_default();
        let extra: Vec<&str> = extra.split_whitespace().collect();
        let build_only = case.join("build-only.txt").is_file();

        let work = tempfile::tempdir().unwrap();
        copy_dir(&case.join("content"), &work.path().join("content"));
        generate(&name, &work.path().join("content/2023"));
        let out = tempfile::tempdir().unwrap();

        let (check, check_time) = run(work.path(), &[&["check"], &extra[..]].concat());
        let build_args = [&["build", "--out", out.path().to_str().unwrap()], &extra[..]].concat();
        let (build, build_time) = run(work.path(), &build_args);
        writeln!(
            timings,
            "{name:32} check {:6.3} s   build {:6.3} s",
            check_time.as_secs_f64(),
            build_time.as_secs_f64()
        )
        .unwrap();

        for (command, output) in [("check", &check), ("build", &build)] {
            let stderr = String::from_utf8_lossy(&output.stderr);
            if show {
                eprintln!(
                    "==== {name}: `{command}` exited with {:?}\n{stderr}",
                    output.status.code()
                );
            }
            if command == "check" && build_only {
                if !matches!(output.status.code(), Some(0 | 1)) {
                    failures.push(format!(
                        "{name}: `check` exited with {:?}\n{stderr}",
                        output.status.code()
                    ));
                }
                continue;
            }
            if output.status.code() != Some(1) {
                failures.push(format!(
                    "{name}: `{command}` exited with {:?}\n{stderr}",
                    output.status.code()
                ));
                continue;
            }
            for line in expected.lines().filter(|l| !l.trim().is_empty()) {
                if !stderr.contains(line) {
                    failures.push(format!("{name}: `{command}` does not say `{line}`:\n{stderr}"));
                }
            }
            // Nothing from outside the report folder is ever shown.
            if stderr.contains("root:x:0:0") {
                failures.push(format!(
                    "{name}: `{command}` showed the contents of /etc/passwd:\n{stderr}"
                ));
            }
        }
        write_transcript(&mut transcript, &name, &check, &build, &[work.path(), out.path()]);
        // The same check for a Swedish user: the same exit code, every word of ledgen's own in
        // Swedish (text quoted from the content or from a library may stay as it is).
        let (swedish, _) = run(work.path(), &[&["--lang", "sv", "check"], &extra[..]].concat());
        let stderr = String::from_utf8_lossy(&swedish.stderr);
        if swedish.status.code() != check.status.code() {
            failures.push(format!("{name}: `check --lang sv` exited with {:?}", swedish.status));
        }
        let english_words = ["error:", "warning:", "= hint:", "= note:", "the content has"];
        if let Some(word) = english_words.iter().find(|word| stderr.contains(*word)) {
            failures.push(format!("{name}: `check --lang sv` says `{word}`:\n{stderr}"));
        }
        write_swedish_transcript(&mut swedish_transcript, &name, &swedish, work.path());
        let written: Vec<_> = walk(out.path());
        if !written.is_empty() {
            failures.push(format!("{name}: `build` wrote {written:?}"));
        }
    }
    eprintln!("{timings}");
    assert!(failures.is_empty(), "{} failures:\n\n{}", failures.len(), failures.join("\n\n"));
    // Every case's whole message, as the user sees it: a change to any wording shows here.
    insta::assert_snapshot!("invalid_cases_stderr", transcript);
    insta::assert_snapshot!("invalid_cases_stderr_sv", swedish_transcript);
}

/// Appends what `check --lang sv` printed for one case, the temporary folder named `[dir]`.
fn write_swedish_transcript(transcript: &mut String, name: &str, check: &Output, work: &Path) {
    let text = String::from_utf8_lossy(&check.stderr).replace(&work.display().to_string(), "[dir]");
    let exit = check.status.code().map_or("a signal".into(), |c| c.to_string());
    writeln!(transcript, "==== {name} (exit {exit})").unwrap();
    transcript.push_str(&without_kept_source_names(&text));
}

/// `text` with the random name of each kept Typst source (`<temp>/ledgen-<hash>-<random>.typ`)
/// written `[source].typ`.
fn without_kept_source_names(text: &str) -> String {
    let prefix = format!("{}/ledgen-", std::env::temp_dir().display());
    let mut rest = text;
    let mut result = String::new();
    while let Some(start) = rest.find(&prefix) {
        result.push_str(&rest[..start]);
        let name = &rest[start..];
        let end = name.find(".typ").map_or(name.len(), |end| end + ".typ".len());
        result.push_str("[source].typ");
        rest = &name[end..];
    }
    result + rest
}

/// Appends what `check` and `build` printed for one case, with the temporary folders named
/// `[dir]`, so that the transcript is the same on every run.
fn write_transcript(
    transcript: &mut String,
    name: &str,
    check: &Output,
    build: &Output,
    temporary: &[&Path],
) {
    let shown = |output: &Output| {
        let mut text = String::from_utf8_lossy(&output.stderr).into_owned();
        for dir in temporary {
            text = text.replace(&dir.display().to_string(), "[dir]");
        }
        without_kept_source_names(&text)
    };
    let exit = |output: &Output| output.status.code().map_or("a signal".into(), |c| c.to_string());
    let (check_text, build_text) = (shown(check), shown(build));
    writeln!(transcript, "==== {name}\n---- check (exit {})", exit(check)).unwrap();
    transcript.push_str(&check_text);
    let (progress, rest) = build_text.split_once('\n').unwrap_or(("", &build_text));
    if rest == check_text && progress.starts_with("Building ") {
        writeln!(transcript, "---- build (exit {}): \"{progress}\", then the same", exit(build))
            .unwrap();
    } else {
        writeln!(transcript, "---- build (exit {})", exit(build)).unwrap();
        transcript.push_str(&build_text);
    }
}

#[test]
fn valid_unusual_input_builds() {
    let cases = case_dirs("tests/fixtures/valid-unusual");
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let out = tempfile::tempdir().unwrap();
        let check = ledgen(&case, &["check"]);
        let build = ledgen(&case, &["build", "--out", out.path().to_str().unwrap()]);
        let mut ok = true;
        for (command, output) in [("check", &check), ("build", &build)] {
            if !output.status.success() {
                ok = false;
                failures.push(format!(
                    "{name}: `{command}` exited with {:?}\n{}",
                    output.status.code(),
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
        }
        if !ok {
            continue;
        }
        let year = fs::read_dir(case.join("content")).unwrap().next().unwrap().unwrap().file_name();
        let year = year.to_str().unwrap();
        let base = out.path().join(format!("{year}/ledningens-genomgang-{year}"));
        let pdf = pdf_text(&base.with_extension("pdf"));
        let html_source = fs::read_to_string(base.with_extension("html")).unwrap();
        let html = html_text(&html_source);
        let expected = fs::read_to_string(case.join("expected-text.txt")).unwrap_or_default();
        for line in expected.lines().filter(|l| !l.trim().is_empty()) {
            if !pdf.contains(line) {
                failures.push(format!("{name}: the PDF does not show `{line}`:\n{pdf}"));
            }
            if !html.contains(line) {
                failures.push(format!("{name}: the HTML page does not show `{line}`:\n{html}"));
            }
        }
        for tag in ["<script", "<img", "<b>", "<i>"] {
            if html_source.contains(tag) {
                failures.push(format!("{name}: `{tag}` reached the HTML source"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Makes the files of a case that are generated rather than committed; `dir` is the temporary
/// copy of the case's `content/2023`.
fn generate(name: &str, dir: &Path) {
    let section = dir.join("follow-ups.yaml");
    match name {
        // Far over the size limit: ledgen must refuse before reading it.
        "huge-file" => {
            let mut text = fs::read_to_string(&section).unwrap();
            let filler = "# fyllnad ".repeat(100) + "\n";
            while text.len() < 20 * 1024 * 1024 {
                text.push_str(&filler);
            }
            fs::write(&section, text).unwrap();
        }
        // 100 000 nested flow sequences: a parser that recurses would overflow its stack.
        "deep-flow-nesting" => {
            let depth = 100_000;
            let text =
                format!("title: Djup\ncontent: {}{}\n", "[".repeat(depth), "]".repeat(depth));
            fs::write(&section, text).unwrap();
        }
        // A table far longer than any review: within the file size limit, over the node budget.
        "too-many-rows" => {
            let mut text = String::from(
                "title: Många rader\ncontent:\n  - table:\n      columns: [A]\n      rows:\n",
            );
            for i in 0..30_000 {
                writeln!(text, "        - {{id: r-{i}, cells: [x], status: gul}}").unwrap();
            }
            fs::write(&section, text).unwrap();
        }
        // One anchored text of almost 2 MB, repeated by 900 aliases: 1.7 GB once expanded.
        "alias-text-bomb" => {
            let aliases = vec!["*s"; 900].join(", ");
            let text = format!(
                "title: Alias\ncontent:\n  - text: &s {}\n  - table:\n      columns: [A]\n      rows:\n        \
                 - id: rad-01\n          status: gul\n          cells: [{aliases}]\n",
                "x".repeat(1_900_000)
            );
            fs::write(&section, text).unwrap();
        }
        // A section file that is a link to a file outside the report folder.
        "symlink-section" => symlink("/etc/passwd", &section),
        // `report.yaml` is a link to a file beside the report folder.
        "symlink-report-yaml" => {
            let report = dir.join("report.yaml");
            fs::rename(&report, dir.join("../shared.yaml")).unwrap();
            symlink("../shared.yaml", &report);
        }
        // A template reads a file in the report folder that is a link to a file outside it.
        "template-image-symlink" => symlink("/etc/passwd", &dir.join("logo.png")),
        // The report's `templates` folder is a link to a folder outside the report folder.
        "templates-folder-symlink" => {
            let elsewhere = dir.join("../elsewhere");
            fs::create_dir_all(&elsewhere).unwrap();
            fs::write(elsewhere.join("report.typ.tera"), "= Annan\n").unwrap();
            symlink("../elsewhere", &dir.join("templates"));
        }
        // A template reads a named pipe: reading it would wait forever.
        "template-read-fifo" => {
            let status = std::process::Command::new("mkfifo").arg(dir.join("kö")).status().unwrap();
            assert!(status.success());
        }
        _ => {}
    }
}

fn symlink(target: &str, link: &Path) {
    if link.exists() {
        fs::remove_file(link).unwrap();
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, link).unwrap();
    #[cfg(not(unix))]
    panic!("symbolic link cases need a Unix system ({target} -> {link:?})");
}

/// Runs `ledgen` in `cwd` and times it; a run that does not end within a minute (an input that
/// makes ledgen hang) is killed and reported with exit code `None`.
fn run(cwd: &Path, args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ledgen"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("failed to run ledgen");
    // Drain the pipes in threads so that a chatty child cannot block on a full pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = thread::spawn(move || {
        let mut buffer = Vec::new();
        stdout.read_to_end(&mut buffer).map(|_| buffer).unwrap_or_default()
    });
    let err = thread::spawn(move || {
        let mut buffer = Vec::new();
        stderr.read_to_end(&mut buffer).map(|_| buffer).unwrap_or_default()
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            break child.wait().unwrap();
        }
        thread::sleep(Duration::from_millis(2));
    };
    let elapsed = start.elapsed();
    let output = Output { status, stdout: out.join().unwrap(), stderr: err.join().unwrap() };
    (output, elapsed)
}

fn case_dirs(under: &str) -> Vec<PathBuf> {
    let mut cases: Vec<_> =
        fs::read_dir(root().join(under)).unwrap().map(|e| e.unwrap().path()).collect();
    cases.retain(|p| p.is_dir());
    cases.sort();
    cases
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn unknown_year_names_the_years_there_are() {
    let output = ledgen(&root(), &["check", "1999"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no report for 1999 under `content`: the years there are"), "{stderr}");
    assert!(stderr.contains("2023"), "{stderr}");
}

#[test]
fn wrong_command_line_exits_with_2() {
    let output = ledgen(&root(), &["build", "--format", "odt"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("docx"), "the formats there are: {stderr}");
}
