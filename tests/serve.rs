//! `ledgen serve`: rebuilds on save, serves the new output, shows an invalid edit's error while
//! the last good build stays served.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::root;

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
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
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let state = status(port);
        if state["version"].as_u64().unwrap() > version {
            return state;
        }
        assert!(Instant::now() < deadline, "no rebuild after the edit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_rebuilds_on_save_and_keeps_the_last_good_build() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    for year in ["2023", "2024"] {
        fs::create_dir_all(content.join(year)).unwrap();
        for entry in fs::read_dir(root().join("examples/exempelkommun").join(year)).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), content.join(year).join(entry.file_name())).unwrap();
        }
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_ledgen"))
        .args(["serve", "--port", "0"])
        .current_dir(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let _server = Server(child);
    let mut lines = BufReader::new(stderr).lines();
    let port: u16 = loop {
        let line = lines.next().expect("the server said where it listens").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // Keep reading the server's output so that it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));

    let first = status(port);
    assert_eq!(first["error"], serde_json::Value::Null);
    let page = get(port, "/");
    assert!(page.contains("/__ledgen/status"), "the served page reloads itself");
    assert!(get(port, "/report.pdf").contains("application/pdf"));

    // Edit one row: the next build serves it.
    let follow_ups = content.join("2024/follow-ups.yaml");
    let text = fs::read_to_string(&follow_ups).unwrap();
    fs::write(&follow_ups, text.replace("Inga noteringar.", "Inga noteringar alls i år.")).unwrap();
    let second = wait_for_build(port, first["version"].as_u64().unwrap());
    assert_eq!(second["error"], serde_json::Value::Null);
    assert!(get(port, "/").contains("Inga noteringar alls i år."));

    // A broken edit: the error (file and line) is served, and so is the last good page.
    let summary = content.join("2024/summary.yaml");
    fs::write(&summary, fs::read_to_string(&summary).unwrap() + "statsu: gul\n").unwrap();
    let third = wait_for_build(port, second["version"].as_u64().unwrap());
    let error = third["error"].as_str().expect("the error is served");
    assert!(error.contains("content/2024/summary.yaml:"), "{error}");
    assert!(get(port, "/").contains("Inga noteringar alls i år."));
}
