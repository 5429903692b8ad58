//! Property tests of the preview server's request path: whatever request line and headers a
//! client sends, `ledgen serve` answers with a 2xx or 4xx status (505 only for an HTTP version
//! other than 1.0 and 1.1), never crashes, and goes on answering well-formed requests.
//!
//! One server runs for the whole test; every case opens its own connection to it.
//! `PROPTEST_CASES=2000 cargo test --test proptest_http` runs more cases than the default 200.

use std::io::{Read, Write};
use std::net::TcpStream;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Sends `request` and returns the status line of the answer (empty when there is none).
fn status_line(port: u16, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(crate::common::PATIENCE)).unwrap();
    // The server may answer and close before it has read everything.
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while !answer.windows(2).any(|w| w == b"\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
        }
    }
    let text = String::from_utf8_lossy(&answer);
    text.lines().next().unwrap_or_default().to_string()
}

/// Bytes that matter to an HTTP parser, weighted towards the dangerous ones.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        4 => prop::sample::select(b" :/?#%\t\r\n\0\x7f[]@\"\\".to_vec()),
        4 => prop::num::u8::ANY,
        3 => b'a'..=b'z',
    ]
}

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(byte(), 0..max)
}

/// A request: a method, a target and a version, each either usual or arbitrary, and headers,
/// some usual (`Host`, `Content-Length`, `Transfer-Encoding`) with arbitrary values.
fn request(port: u16) -> impl Strategy<Value = (Vec<u8>, bool)> {
    let method = prop_oneof![
        prop::sample::select(vec!["GET", "HEAD", "POST", "PUT", "OPTIONS", "CONNECT", "PRI"])
            .prop_map(|m| m.as_bytes().to_vec()),
        bytes(12),
    ];
    let target = prop_oneof![
        prop::sample::select(vec!["/", "/pdf", "/report.pdf", "/__ledgen/status", "*", "/x?y"])
            .prop_map(|t| t.as_bytes().to_vec()),
        bytes(64),
    ];
    let version = prop_oneof![
        3 => prop::sample::select(vec!["HTTP/1.1", "HTTP/1.0"]).prop_map(|v| v.as_bytes().to_vec()),
        1 => prop::sample::select(vec!["HTTP/2.0", "HTTP/0.9", "HTTP/1.2", "http/1.1", ""])
            .prop_map(|v| v.as_bytes().to_vec()),
        1 => bytes(10),
    ];
    let host = format!("localhost:{port}");
    let header = prop_oneof![
        prop::sample::select(vec![
            ("Host", host.clone()),
            ("Host", "evil.example".to_string()),
            ("Content-Length", "5".to_string()),
            ("Content-Length", "-1".to_string()),
            ("Content-Length", "99999999999999999999".to_string()),
            ("Transfer-Encoding", "chunked".to_string()),
            ("Connection", "close".to_string()),
            ("Expect", "100-continue".to_string()),
        ])
        .prop_map(|(n, v)| format!("{n}: {v}").into_bytes()),
        (bytes(20), bytes(80)).prop_map(|(n, v)| [n, b": ".to_vec(), v].concat()),
        bytes(100),
    ];
    let headers = prop::collection::vec(header, 0..8);
    (method, target, version, headers, any::<bool>()).prop_map(
        move |(method, target, version, headers, with_host)| {
            let usual_version = version == b"HTTP/1.1" || version == b"HTTP/1.0";
            let mut out = [method, b" ".to_vec(), target, b" ".to_vec(), version].concat();
            out.extend_from_slice(b"\r\n");
            if with_host {
                out.extend_from_slice(format!("Host: {host}\r\n").as_bytes());
            }
            for header in headers {
                out.extend_from_slice(&header);
                out.extend_from_slice(b"\r\n");
            }
            out.extend_from_slice(b"\r\n");
            (out, usual_version)
        },
    )
}

#[test]
fn any_request_gets_a_2xx_or_4xx_answer_and_the_server_goes_on() {
    let dir = crate::common::example_years(&["2023", "2024"]);
    let (server, port) = crate::common::serve(dir.path(), "", &[]);
    let server = std::cell::RefCell::new(server);
    let exited = || server.borrow_mut().0.try_wait().unwrap().is_some();
    let well_formed = format!("GET /__ledgen/status HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n");
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    let mut runner = TestRunner::new(Config { cases, ..Config::default() });
    let result = runner.run(&request(port), |(request, usual_version)| {
        let line = status_line(port, &request);
        let code: Option<u16> = line
            .strip_prefix("HTTP/1.1 ")
            .or_else(|| line.strip_prefix("HTTP/1.0 "))
            .and_then(|r| r.get(..3))
            .and_then(|c| c.parse().ok());
        let Some(code) = code else {
            return Err(TestCaseError::fail(format!("no HTTP answer but {line:?}")));
        };
        let accepted = (200..300).contains(&code)
            || (400..500).contains(&code)
            || (code == 505 && !usual_version);
        prop_assert!(accepted, "answered {code}");
        prop_assert!(!exited(), "the server exited");
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
    assert!(status_line(port, well_formed.as_bytes()).starts_with("HTTP/1.1 200"));
    assert!(!exited(), "the server exited");
}
