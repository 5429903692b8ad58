//! The preview's HTTP server: hyper on a single-threaded tokio runtime, with limits on every
//! resource a client can claim, so that neither a web page in the user's browser nor a client on
//! the network can read more than it should or stop the preview.
//!
//! - Only a `Host` naming this server (a loopback name or the bound address, with the port) is
//!   answered; any other gets 403, so a page that rebinds its DNS name to 127.0.0.1 cannot read
//!   the report from the user's browser.
//! - Request headers are bounded in size and count (431), bodies are refused (413), and only GET
//!   and HEAD are served (405).
//! - Every connection is a task with a time limit; open connections are capped (the excess is
//!   closed at once); accept errors such as running out of file descriptors are logged once and
//!   retried after a pause, never fatal.
//! - `/__ledgen/status?seen=N` (the page's wait for the next build) is held until a build other
//!   than `N` is done, at most [`STATUS_WAIT`], so that the page reloads as soon as a save is
//!   built without polling; every other request is answered at once.
//! - Responses are cloned out of the shared state (reference-counted bytes) before they are
//!   written, so a client that stops reading delays nobody else and never holds a lock.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{ALLOW, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, HOST, TRANSFER_ENCODING};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use ledgen::tr;
use tokio::sync::Semaphore;

use super::Served;

/// At most this many connections are open at once; more are closed as soon as they arrive.
pub const MAX_CONNECTIONS: usize = 128;
/// The request line and headers together; a longer head gets 431.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Headers in one request; more get 431.
pub const MAX_HEADERS: usize = 64;
/// A client must send a request's head within this time.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection is closed after this time, whatever it is doing (the page's poll reconnects).
const CONNECTION_TIMEOUT: Duration = Duration::from_secs(60);
/// How long `/__ledgen/status?seen=N` waits for a new build before it answers with no change
/// (well within [`CONNECTION_TIMEOUT`]; the page asks again at once).
const STATUS_WAIT: Duration = Duration::from_secs(25);
/// The pause after a failed `accept`, e.g. when the process has no file descriptor left.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Starts serving `listener` on a thread of its own; returns at once.
pub fn spawn(listener: std::net::TcpListener, served: Arc<Served>) -> Result<()> {
    listener.set_nonblocking(true).with_context(|| tr!("serve-cannot-configure-socket"))?;
    let hosts = Hosts::new(listener.local_addr().with_context(|| tr!("serve-no-address"))?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .with_context(|| tr!("serve-cannot-start-runtime"))?;
    std::thread::Builder::new()
        .name("http".into())
        .spawn(move || {
            runtime.block_on(async move {
                match tokio::net::TcpListener::from_std(listener) {
                    Ok(listener) => accept_loop(listener, Arc::new(Site { hosts, served })).await,
                    Err(e) => eprintln!(
                        "{}: {}",
                        tr!("severity-error"),
                        tr!("serve-cannot-serve", error = e.to_string())
                    ),
                }
            });
        })
        .with_context(|| tr!("serve-cannot-start-thread"))?;
    Ok(())
}

/// What a request is answered from.
struct Site {
    hosts: Hosts,
    served: Arc<Served>,
}

/// How a request is answered.
enum Answer {
    /// At once.
    Now(Response<Full<Bytes>>),
    /// With the status, once the build version is no longer this one (or after [`STATUS_WAIT`]).
    StatusAfter(u64),
}

/// Accepts connections forever, each served by a task of its own.
async fn accept_loop(listener: tokio::net::TcpListener, site: Arc<Site>) {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_header_size(MAX_HEADER_BYTES)
        .max_buf_size(MAX_HEADER_BYTES.max(8192) * 2)
        .max_headers(MAX_HEADERS);
    let http = Arc::new(http);
    // Accept errors come in bursts (every pending connection fails alike); say so once a burst.
    let mut failing = false;
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => {
                failing = false;
                stream
            }
            Err(e) => {
                if !failing {
                    eprintln!(
                        "{}: {}",
                        tr!("severity-warning"),
                        tr!("serve-cannot-accept", error = e.to_string())
                    );
                    failing = true;
                }
                tokio::time::sleep(ACCEPT_BACKOFF).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            // Too many open connections: close this one rather than queue it.
            drop(stream);
            continue;
        };
        tokio::spawn(serve_connection(stream, Arc::clone(&site), Arc::clone(&http), permit));
    }
}

/// Serves one connection until the client closes it or [`CONNECTION_TIMEOUT`] passes; the
/// permit is held as long.
async fn serve_connection(
    stream: tokio::net::TcpStream,
    site: Arc<Site>,
    http: Arc<http1::Builder>,
    permit: tokio::sync::OwnedSemaphorePermit,
) {
    let _permit = permit;
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |request: Request<Incoming>| {
        let answer = site.respond(&request);
        let site = Arc::clone(&site);
        async move {
            let response = match answer {
                Answer::Now(response) => response,
                Answer::StatusAfter(seen) => site.status_after(seen).await,
            };
            Ok::<_, Infallible>(response)
        }
    });
    let connection = http.serve_connection(TokioIo::new(stream), service);
    // Errors are the client's (a reset, a malformed request hyper already answered).
    let _ = tokio::time::timeout(CONNECTION_TIMEOUT, connection).await;
}

/// The `Host` values this server answers.
struct Hosts {
    address: SocketAddr,
}

impl Hosts {
    fn new(address: SocketAddr) -> Self {
        Hosts { address }
    }

    /// Whether a `Host` header names this server: `localhost` or a loopback address, or the
    /// bound address, with the bound port. On an unspecified address (`0.0.0.0`, `::`) any IP
    /// address is taken, since the server has them all; a DNS name never is (but `localhost`),
    /// as that is what a rebinding attack uses.
    fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else { return false };
        if port != self.address.port() {
            return false;
        }
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let Ok(ip) = name.parse::<IpAddr>() else { return false };
        ip.is_loopback() || ip == self.address.ip() || self.address.ip().is_unspecified()
    }
}

/// A `Host` header's name and port (80 when it has none); `None` when it is not of that form.
fn split_host(host: &str) -> Option<(&str, u16)> {
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        // An IPv6 literal: `[::1]:3000`.
        let (name, after) = rest.split_once(']')?;
        match after {
            "" => (name, None),
            _ => (name, Some(after.strip_prefix(':')?)),
        }
    } else {
        match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    let port = match port {
        None => 80,
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse().ok()?
        }
        Some(_) => return None,
    };
    (!name.is_empty()).then_some((name, port))
}

impl Site {
    /// The answer to one request; never blocks and never holds the lock while writing.
    fn respond(&self, request: &Request<Incoming>) -> Answer {
        if let Some(refused) = self.refuse(request) {
            return Answer::Now(refused);
        }
        let path = request.uri().path();
        match seen_version(request.uri().query()) {
            Some(seen) if path == "/__ledgen/status" => Answer::StatusAfter(seen),
            _ => Answer::Now(self.serve(path)),
        }
    }

    /// The status once the build version is no longer `seen`, or after [`STATUS_WAIT`].
    async fn status_after(&self, seen: u64) -> Response<Full<Bytes>> {
        let mut version = self.served.version.subscribe();
        // Both a new build and a wait that ends answer with the status as it is then.
        let _ = tokio::time::timeout(STATUS_WAIT, version.wait_for(|v| *v != seen)).await;
        ok("application/json", self.served.snapshot().status)
    }

    /// The answer to a request that is not allowed, if it is not.
    fn refuse(&self, request: &Request<Incoming>) -> Option<Response<Full<Bytes>>> {
        let host = request.headers().get(HOST).and_then(|h| h.to_str().ok());
        // A request in absolute form (`GET http://host/ HTTP/1.1`) names its host twice.
        let authority = request.uri().authority().map(|a| a.as_str());
        if !host.is_some_and(|h| self.hosts.allows(h))
            || authority.is_some_and(|a| !self.hosts.allows(a))
        {
            return Some(text(StatusCode::FORBIDDEN, tr!("serve-http-forbidden")));
        }
        if request.method() != Method::GET && request.method() != Method::HEAD {
            let mut response =
                text(StatusCode::METHOD_NOT_ALLOWED, tr!("serve-http-method-not-allowed"));
            response.headers_mut().insert(ALLOW, "GET, HEAD".parse().expect("a valid header"));
            return Some(response);
        }
        let has_body = request.headers().contains_key(TRANSFER_ENCODING)
            || request
                .headers()
                .get(CONTENT_LENGTH)
                .is_some_and(|n| n.to_str().ok().and_then(|n| n.parse::<u64>().ok()) != Some(0));
        if has_body {
            return Some(text(StatusCode::PAYLOAD_TOO_LARGE, tr!("serve-http-body")));
        }
        None
    }

    /// The answer to an allowed request for `path`.
    fn serve(&self, path: &str) -> Response<Full<Bytes>> {
        // Only reference counts are copied under the lock.
        let snapshot = self.served.snapshot();
        match path {
            "/" | "/index.html" => ok("text/html; charset=utf-8", snapshot.page),
            "/pdf" => {
                let page = super::pdf_page("/report.pdf", "PDF", snapshot.version);
                ok("text/html; charset=utf-8", Bytes::from(page))
            }
            "/report.pdf" => match snapshot.pdf {
                Some(pdf) => ok("application/pdf", pdf),
                None => text(StatusCode::NOT_FOUND, tr!("serve-http-no-pdf")),
            },
            "/slides" => {
                let page =
                    super::pdf_page("/slides.pdf", &tr!("serve-slides-title"), snapshot.version);
                ok("text/html; charset=utf-8", Bytes::from(page))
            }
            "/slides.pdf" => match snapshot.slides {
                Some(slides) => ok("application/pdf", slides),
                None => text(StatusCode::NOT_FOUND, tr!("serve-http-no-pdf")),
            },
            "/__ledgen/status" => ok("application/json", snapshot.status),
            _ => text(StatusCode::NOT_FOUND, tr!("serve-http-not-found")),
        }
    }
}

/// The `N` of a query `seen=N`: the build version the page shows.
fn seen_version(query: Option<&str>) -> Option<u64> {
    query?.split('&').find_map(|pair| pair.strip_prefix("seen=")?.parse().ok())
}

/// A 200 response that no cache keeps.
fn ok(content_type: &'static str, body: Bytes) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body));
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, content_type.parse().expect("a valid header"));
    headers.insert(CACHE_CONTROL, "no-store".parse().expect("a valid header"));
    response
}

/// A plain-text response with a status.
fn text(status: StatusCode, message: String) -> Response<Full<Bytes>> {
    let mut response = ok("text/plain; charset=utf-8", Bytes::from(message));
    *response.status_mut() = status;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(address: &str) -> Hosts {
        Hosts::new(address.parse().unwrap())
    }

    #[test]
    fn only_a_whole_number_is_a_seen_version() {
        assert_eq!(seen_version(Some("seen=12")), Some(12));
        assert_eq!(seen_version(Some("x=1&seen=3")), Some(3));
        for query in [None, Some(""), Some("seen="), Some("seen=-1"), Some("seen=1e3")] {
            assert_eq!(seen_version(query), None, "{query:?}");
        }
    }

    #[test]
    fn loopback_names_with_the_port_are_allowed() {
        let h = hosts("127.0.0.1:3000");
        for host in ["localhost:3000", "LocalHost:3000", "127.0.0.1:3000", "[::1]:3000"] {
            assert!(h.allows(host), "{host}");
        }
    }

    #[test]
    fn other_names_ports_and_malformed_hosts_are_refused() {
        let h = hosts("127.0.0.1:3000");
        for host in [
            "evil.example:3000",
            "evil.example",
            "localhost",
            "localhost:3001",
            "localhost:",
            "localhost:+3000",
            "127.0.0.1:3000:1",
            "[::1",
            "[::1]3000",
            "",
            ":3000",
            "192.168.1.5:3000",
            "localhost.evil.example:3000",
        ] {
            assert!(!h.allows(host), "{host}");
        }
    }

    #[test]
    fn an_unspecified_address_takes_any_ip_but_no_dns_name() {
        let h = hosts("0.0.0.0:8080");
        assert!(h.allows("0.0.0.0:8080"));
        assert!(h.allows("192.168.1.5:8080"));
        assert!(h.allows("localhost:8080"));
        assert!(!h.allows("evil.example:8080"));
        assert!(!h.allows("192.168.1.5:80"));
    }

    /// The status and body of the answer to `path`, with nothing built yet.
    fn answer(language: ledgen::locale::UiLanguage, path: &str) -> (StatusCode, String) {
        use http_body_util::BodyExt as _;
        let response = ledgen::locale::in_language(language, || {
            let site = Site { hosts: hosts("127.0.0.1:3000"), served: Arc::new(Served::new()) };
            site.serve(path)
        });
        let status = response.status();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let body = runtime.block_on(response.into_body().collect()).unwrap().to_bytes();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    #[test]
    fn plain_answers_are_in_the_language_of_the_messages() {
        use ledgen::locale::UiLanguage::{En, Sv};
        assert_eq!(answer(En, "/nothing"), (StatusCode::NOT_FOUND, "not found".into()));
        assert_eq!(answer(Sv, "/nothing"), (StatusCode::NOT_FOUND, "sidan finns inte".into()));
        let no_pdf = (StatusCode::NOT_FOUND, "no PDF has been built yet".to_string());
        assert_eq!(answer(En, "/report.pdf"), no_pdf);
        let no_pdf = (StatusCode::NOT_FOUND, "ingen PDF har byggts än".to_string());
        assert_eq!(answer(Sv, "/report.pdf"), no_pdf);
        let (status, page) = answer(Sv, "/");
        assert_eq!(status, StatusCode::OK);
        assert!(page.starts_with("<!DOCTYPE html><html lang=\"sv\">"), "{page}");
    }

    #[test]
    fn the_bound_address_is_allowed() {
        let h = hosts("192.168.1.5:80");
        assert!(h.allows("192.168.1.5"));
        assert!(h.allows("192.168.1.5:80"));
        assert!(!h.allows("192.168.1.6"));
    }
}
