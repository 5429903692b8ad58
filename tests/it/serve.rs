//! `ledgen serve`: rebuilds on save, serves the new output, shows an invalid edit's error while
//! the last good build stays served; and, driven with raw sockets, stays safe and responsive
//! whatever clients send (wrong `Host`, huge headers, idle or stalled connections).

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{PATIENCE, Server, root, serve};

fn get(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    // The PDF is binary; its headers are all this test reads of it.
    String::from_utf8_lossy(&response).to_string()
}

fn status(port: u16) -> serde_json::Value {
    let response = get(port, "/__ledgen/status");
    let body = response.split("\r\n\r\n").nth(1).unwrap();
    serde_json::from_str(body).unwrap()
}

/// Polls until the server reports a build newer than `version`.
fn wait_for_build(port: u16, version: u64) -> serde_json::Value {
    wait_for(port, "a rebuild after the edit", |state| state["version"].as_u64().unwrap() > version)
}

/// Polls the server's state until `done` holds. A save may be seen as more than one change (the
/// file emptied, then written), so tests wait for what they expect rather than for one rebuild.
fn wait_for(port: u16, what: &str, done: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let deadline = Instant::now() + 2 * PATIENCE;
    loop {
        let state = status(port);
        if done(&state) {
            return state;
        }
        assert!(Instant::now() < deadline, "no {what}: {state}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_rebuilds_on_save_and_keeps_the_last_good_build() {
    let dir = example_content();
    let content = dir.path().join("content");
    let (_server, port) = serve(dir.path(), "", &[]);

    let first = status(port);
    assert_eq!(first["error"], serde_json::Value::Null);
    let page = get(port, "/");
    assert!(page.contains("/__ledgen/status"), "the served page reloads itself");
    assert!(get(port, "/report.pdf").contains("application/pdf"));
    // The meeting's slide deck, framed at `/slides`.
    assert!(get(port, "/slides").contains("src=\"/slides.pdf?v="));
    assert!(get(port, "/slides.pdf").contains("application/pdf"));

    // Edit one row: the next build serves it.
    let follow_ups = content.join("2024/follow-ups.yaml");
    let text = fs::read_to_string(&follow_ups).unwrap();
    fs::write(&follow_ups, text.replace("Inga noteringar.", "Inga noteringar alls i år.")).unwrap();
    let second = wait_for(port, "build of the edit", |state| {
        state["error"].is_null() && get(port, "/").contains("Inga noteringar alls i år.")
    });

    // A broken edit: the error (file and line) is served, and so is the last good page.
    let summary = content.join("2024/summary.yaml");
    fs::write(&summary, fs::read_to_string(&summary).unwrap() + "statsu: gul\n").unwrap();
    let third = wait_for(port, "error served", |state| {
        state["version"].as_u64() > second["version"].as_u64() && state["error"].is_string()
    });
    let error = third["error"].as_str().expect("the error is served");
    assert!(error.contains("content/2024/summary.yaml:"), "{error}");
    assert!(get(port, "/").contains("Inga noteringar alls i år."));
}

// Everything serve says, in the terminal and in the browser, is in the language of the messages;
// the page's `lang` says which.
#[test]
fn serve_speaks_swedish_when_asked_to() {
    let dir = example_content();
    let (_server, port, log) = crate::common::serve_with_log(dir.path(), "", &["--lang", "sv"]);
    assert!(log.iter().any(|l| l.starts_with("Byggde om 2024 på ")), "{log:?}");
    let body = |response: String| response.split("\r\n\r\n").nth(1).unwrap().to_string();
    let missing = get(port, "/nothing");
    assert_eq!(code(&missing), 404);
    assert_eq!(body(missing), "sidan finns inte");
    let pdf = body(get(port, "/pdf"));
    assert!(pdf.starts_with("<!DOCTYPE html><html lang=\"sv\">"), "{pdf}");
    assert!(pdf.contains("lang=\"sv\" role=\"alert\""), "{pdf}");
    assert!(pdf.contains("\"ledgen: den senaste ändringen går inte att bygga;"), "{pdf}");
    let post = raw(port, format!("POST / HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").as_bytes());
    assert_eq!(code(&post), 405);
    assert!(post.ends_with("bara GET och HEAD besvaras"), "{post}");
}

// The page waits for the next build with `?seen=N` instead of polling, so that it reloads as
// soon as a save is built; the request must hold until then, and answer at once otherwise.
#[test]
fn a_status_request_with_the_seen_version_answers_when_the_next_build_is_done() {
    let dir = example_content();
    let content = dir.path().join("content");
    let (_server, port) = serve(dir.path(), "", &[]);
    let first = status(port)["version"].as_u64().unwrap();

    let stale = get(port, &format!("/__ledgen/status?seen={}", first + 1));
    assert!(stale.contains(&format!("\"version\":{first}")), "answered at once: {stale}");

    let waiting = std::thread::spawn(move || {
        let response = get(port, &format!("/__ledgen/status?seen={first}"));
        (Instant::now(), response)
    });
    std::thread::sleep(Duration::from_millis(500));
    assert!(!waiting.is_finished(), "the request waits for a new build");
    let follow_ups = content.join("2024/follow-ups.yaml");
    let text = fs::read_to_string(&follow_ups).unwrap();
    fs::write(&follow_ups, text.replace("Inga noteringar.", "Inga noteringar i år.")).unwrap();
    let saved = Instant::now();
    let (answered, response) = waiting.join().unwrap();
    let body: serde_json::Value =
        serde_json::from_str(response.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert!(body["version"].as_u64().unwrap() > first, "{body}");
    assert!(answered.duration_since(saved) < PATIENCE);
}

/// A temporary folder with the example's 2023 and 2024 under `content/`.
fn example_content() -> tempfile::TempDir {
    crate::common::example_years(&["2023", "2024"])
}

/// Sends `request` as it is and returns the whole answer (the server closes, or [`PATIENCE`]
/// passes).
fn raw(port: u16, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    // The server may answer and close before it has read everything.
    let _ = stream.write_all(request);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).to_string()
}

/// The status code of an answer, e.g. 200.
fn code(response: &str) -> u16 {
    response
        .strip_prefix("HTTP/1.1 ")
        .or_else(|| response.strip_prefix("HTTP/1.0 "))
        .and_then(|r| r.get(..3))
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {response:?}"))
}

fn get_with_host(port: u16, host: &str) -> String {
    raw(port, format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes())
}

/// The server's resident memory in kB.
fn rss_kb(server: &Server) -> u64 {
    let status = fs::read_to_string(format!("/proc/{}/status", server.0.id())).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A paragraph marked `intern` in the example's 2024 report.
const INTERNAL_TEXT: &str = "Sårbarheten har inte åtgärdats ännu";

// Regression: any `Host` was answered, so a page using DNS rebinding could read the internal
// edition from the user's own browser.
#[test]
fn a_foreign_host_gets_403() {
    let dir = example_content();
    let (_server, port) = serve(dir.path(), "", &[]);
    for host in ["evil.example", &format!("evil.example:{port}"), "localhost", "localhost:1"] {
        let response = get_with_host(port, host);
        assert_eq!(code(&response), 403, "{host}");
        assert!(!response.contains("ledgen-error"), "{host}: the page was served");
    }
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}"), format!("[::1]:{port}")]
    {
        let response = get_with_host(port, &host);
        assert_eq!(code(&response), 200, "{host}");
        assert!(response.contains(INTERNAL_TEXT), "the loopback preview is the internal edition");
    }
    let no_host = raw(port, b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!(code(&no_host), 403);
    let absolute = format!(
        "GET http://evil.example:{port}/ HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
    );
    assert_eq!(code(&raw(port, absolute.as_bytes())), 403);
}

// Regression: one 400 MiB header line grew the process by 410 MB.
#[test]
fn a_huge_header_gets_431_and_the_process_stays_small() {
    let dir = example_content();
    let (server, port) = serve(dir.path(), "", &[]);
    let before = rss_kb(&server);
    let line = format!("X-Long: {}\r\n", "a".repeat(100_000));
    let request = format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\n{line}\r\n");
    assert_eq!(code(&raw(port, request.as_bytes())), 431);
    // Many headers are refused too.
    let many: String = (0..200).map(|i| format!("X-{i}: a\r\n")).collect();
    let request = format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\n{many}\r\n");
    assert_eq!(code(&raw(port, request.as_bytes())), 431);
    // 64 MB of header line, sent as fast as the server takes it: it stops reading early.
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
    let _ = write!(stream, "GET / HTTP/1.1\r\nHost: localhost:{port}\r\nX-Long: ");
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..64 {
        if stream.write_all(&chunk).is_err() {
            break;
        }
    }
    drop(stream);
    let after = rss_kb(&server);
    assert!(after < before + 16 * 1024, "the server grew from {before} kB to {after} kB");
    assert_eq!(code(&get_with_host(port, &format!("localhost:{port}"))), 200);
}

#[test]
fn only_get_and_head_without_a_body_are_served() {
    let dir = example_content();
    let (_server, port) = serve(dir.path(), "", &[]);
    let host = format!("Host: localhost:{port}\r\nConnection: close");
    let post =
        raw(port, format!("POST / HTTP/1.1\r\n{host}\r\nContent-Length: 3\r\n\r\nabc").as_bytes());
    assert_eq!(code(&post), 405);
    assert!(post.to_ascii_lowercase().contains("allow: get, head"), "{post}");
    for method in ["PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"] {
        let response = raw(port, format!("{method} / HTTP/1.1\r\n{host}\r\n\r\n").as_bytes());
        assert_eq!(code(&response), 405, "{method}");
    }
    let body = format!("GET / HTTP/1.1\r\n{host}\r\nContent-Length: 100000000\r\n\r\nabc");
    assert_eq!(code(&raw(port, body.as_bytes())), 413);
    let head = raw(port, format!("HEAD /report.pdf HTTP/1.1\r\n{host}\r\n\r\n").as_bytes());
    assert_eq!(code(&head), 200);
    assert!(head.contains("application/pdf") && !head.contains("%PDF"), "{head}");
}

// Regression: with a thread per connection and no timeouts, 38 idle connections under
// `ulimit -n 64` made tiny_http's accept loop exit, and the port refused connections for good.
#[test]
fn idle_connections_and_running_out_of_descriptors_do_not_stop_the_server() {
    let dir = example_content();
    let (_server, port) = serve(dir.path(), "ulimit -n 64;", &[]);
    let host = format!("localhost:{port}");
    // Far more idle connections than descriptors: some are accepted, the rest fail to be.
    let idle: Vec<TcpStream> =
        (0..150).filter_map(|_| TcpStream::connect(("127.0.0.1", port)).ok()).collect();
    assert!(idle.len() > 60, "only {} connections were made", idle.len());
    std::thread::sleep(Duration::from_millis(300));
    drop(idle);
    // Once they are gone, a new client is served at once.
    let deadline = Instant::now() + PATIENCE;
    loop {
        let response = raw(
            port,
            format!("GET /__ledgen/status HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        );
        if response.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < deadline, "the server no longer answers: {response:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn many_idle_connections_do_not_delay_a_new_client() {
    let dir = example_content();
    let (_server, port) = serve(dir.path(), "", &[]);
    let idle: Vec<TcpStream> =
        (0..100).map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap()).collect();
    let start = Instant::now();
    assert_eq!(code(&get_with_host(port, &format!("localhost:{port}"))), 200);
    assert!(start.elapsed() < PATIENCE, "took {:?}", start.elapsed());
    drop(idle);
}

// Regression: one client that stopped reading stalled every response.
#[test]
fn a_client_that_never_reads_does_not_stall_another() {
    let dir = example_content();
    let (_server, port) = serve(dir.path(), "", &[]);
    // Ask for the PDF 300 times (about 90 MB) and read none of it. A server stalled behind this
    // client would answer the others only after giving it up, a minute later.
    let mut stalled = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stalled.set_write_timeout(Some(Duration::from_secs(2))).unwrap();
    let request = format!("GET /report.pdf HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n");
    for _ in 0..300 {
        if stalled.write_all(request.as_bytes()).is_err() {
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(300));
    for path in ["/", "/report.pdf", "/__ledgen/status"] {
        let start = Instant::now();
        let response = raw(
            port,
            format!("GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        );
        assert_eq!(code(&response), 200, "{path}");
        assert!(start.elapsed() < PATIENCE, "{path} took {:?}", start.elapsed());
    }
    drop(stalled);
}

// Regression: `--host 0.0.0.0` only warned, then served the internal edition to the network.
#[test]
fn off_loopback_the_public_edition_is_served_unless_internal_is_asked_for() {
    let dir = example_content();
    for (args, internal) in
        [(&["--host", "0.0.0.0"][..], false), (&["--host", "0.0.0.0", "--internal"][..], true)]
    {
        let (_server, port) = serve(dir.path(), "", args);
        let response = get_with_host(port, &format!("0.0.0.0:{port}"));
        assert_eq!(code(&response), 200);
        assert!(response.contains("Förebyggande") || response.contains("förebyggande"));
        assert_eq!(response.contains(INTERNAL_TEXT), internal, "{args:?}");
        assert_eq!(code(&get_with_host(port, &format!("evil.example:{port}"))), 403);
    }
}

// Regression: a compile that never ended blocked rebuilding for good.
#[test]
fn a_compile_past_the_timeout_is_reported_and_the_server_stays_responsive() {
    let dir = example_content();
    let templates = dir.path().join("content/2024/templates");
    fs::create_dir_all(&templates).unwrap();
    let report = fs::read_to_string(root().join("templates/report.typ.tera")).unwrap();
    let looping =
        format!("#for i in range(100000000) {{ for j in range(100000000) {{}} }}\n{report}");
    fs::write(templates.join("report.typ.tera"), looping).unwrap();
    let started = Instant::now();
    // Long enough for the fixed report to build on a busy machine.
    let (_server, port) = serve(dir.path(), "", &["--timeout", "10"]);
    let state = status(port);
    let error = state["error"].as_str().expect("the timeout is reported");
    assert!(error.contains("took longer than 10 s"), "{error}");
    assert!(started.elapsed() < 2 * PATIENCE);
    // The fixed template builds again while the abandoned compile may still run.
    fs::remove_file(templates.join("report.typ.tera")).unwrap();
    let next = wait_for_build(port, state["version"].as_u64().unwrap());
    assert_eq!(next["error"], serde_json::Value::Null, "{next}");
    assert!(get(port, "/report.pdf").contains("application/pdf"));
}

// Regression: `--port 65535` overflowed computing the hint `port + 1`.
#[test]
fn a_busy_last_port_fails_cleanly_without_a_hint_past_it() {
    let dir = example_content();
    // Hold the port (if another program already does, the server cannot have it either).
    let _holder = std::net::TcpListener::bind(("127.0.0.1", 65535));
    let output = Command::new(env!("CARGO_BIN_EXE_ledgen"))
        .env("LC_ALL", "C")
        .args(["serve", "--port", "65535"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot listen on 127.0.0.1:65535"), "{stderr}");
    assert!(!stderr.contains("65536") && !stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_busy_port_gets_a_hint_for_the_next_one() {
    let dir = example_content();
    let holder = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = holder.local_addr().unwrap().port();
    let output = Command::new(env!("CARGO_BIN_EXE_ledgen"))
        .env("LC_ALL", "C")
        .args(["serve", "--port", &port.to_string()])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    if let Some(next) = port.checked_add(1) {
        assert!(stderr.contains(&format!("try `--port {next}`")), "{stderr}");
    }
}

// A city-wide `_brand.yml` above the content folder was not watched: editing it did not rebuild.
// Its folder is watched for that file only, since it may hold files written all the time.
#[test]
fn a_brand_file_above_the_content_folder_is_followed_and_its_neighbours_are_not() {
    let dir = example_content();
    let brand = dir.path().join("_brand.yml");
    fs::write(&brand, "meta:\n  name: Exempelstaden\ncolor:\n  primary: \"#0b5c4a\"\n").unwrap();
    let (_server, port) = serve(dir.path(), "", &["2024"]);
    let first = wait_for_build(port, 0);
    assert!(get(port, "/").contains("#0b5c4a"));

    // Another file in the brand's folder (a log, say) is no reason to rebuild.
    fs::write(dir.path().join("serve.log"), "written\n").unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(status(port)["version"], first["version"]);

    fs::write(&brand, "meta:\n  name: Exempelstaden\ncolor:\n  primary: \"#0b4c5a\"\n").unwrap();
    let second = wait_for_build(port, first["version"].as_u64().unwrap());
    assert_eq!(second["error"], serde_json::Value::Null);
    assert!(get(port, "/").contains("#0b4c5a"));
}

/// A marker planted in a confidential field, then the field broken in a way whose error would
/// quote its line: (file, text to replace, replacement).
const BROKEN_CONFIDENTIAL_FIELDS: &[(&str, &str, &str)] = &[
    // A character no embedded font has, in an internal text block.
    ("preventive.yaml", "Sårbarheten har inte", "HEMLIGMARKOR 中 Sårbarheten har inte"),
    // The same in an internal row's status text.
    ("revisions.yaml", "status_text: \"Granskningen visade", "status_text: \"HEMLIGMARKOR 中"),
    // A YAML syntax error on an internal row's line.
    ("revisions.yaml", "status_text: \"Granskningen visade", "status_text: HEMLIGMARKOR: \"x"),
    // A list where an internal recommendation's text belongs.
    (
        "recommendations.yaml",
        "who: \"Objektägare för bokningssystemet och IT-enheten\"",
        "who: [\"HEMLIGMARKOR\"]",
    ),
    // An unknown status on an internal row.
    (
        "revisions.yaml",
        "status: röd\n              status_text: \"Granskningen",
        "status: HEMLIGMARKOR\n              status_text: \"Granskningen",
    ),
];

// Regression: `serve --public` sent the offending line of the full content, confidential text
// and all, to every client; `build --public` and `diff --public` printed it.
#[test]
fn errors_in_confidential_fields_are_shown_without_their_text_in_the_public_edition() {
    for (file, find, replace) in BROKEN_CONFIDENTIAL_FIELDS {
        let dir = example_content();
        let path = dir.path().join("content/2024").join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(find), "{file} no longer holds {find:?}");
        fs::write(&path, text.replacen(find, replace, 1)).unwrap();

        let (_server, port) = serve(dir.path(), "", &["--public"]);
        let state = status(port);
        let error = state["error"].as_str().unwrap_or_else(|| panic!("{file}: no error: {state}"));
        assert!(error.contains(&format!("content/2024/{file}:")), "{file}: no place: {error}");
        for response in [error.to_string(), get(port, "/"), get(port, "/__ledgen/status")] {
            assert!(!response.contains("HEMLIGMARKOR"), "{file}, {replace:?}: {response}");
        }

        let out = dir.path().join("out");
        let out = out.to_str().unwrap();
        for args in [
            &["build", "2024", "--public", "--out", out][..],
            &["diff", "2023", "2024", "--public"],
        ] {
            let output = crate::common::ledgen(dir.path(), args);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(stderr.contains(&format!("content/2024/{file}:")), "{args:?}: {stderr}");
            assert!(!stderr.contains("HEMLIGMARKOR"), "{args:?}, {replace:?}: {stderr}");
        }
        // The internal edition shows the line, to its author.
        let output = crate::common::ledgen(dir.path(), &["build", "2024", "--out", out]);
        assert!(String::from_utf8_lossy(&output.stderr).contains("HEMLIGMARKOR"), "{replace:?}");
    }
}
