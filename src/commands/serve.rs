//! `ledgen serve`: rebuild on every save and serve the HTML and PDF on loopback, reloading the
//! browser when a build finishes. The compiler (with Typst's caches) and the parsed templates
//! live as long as the server, so a one-row edit costs far less than a cold build; Typst's
//! caches are trimmed after each build so memory stays bounded.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use notify::{RecursiveMode, Watcher};

use super::build::{Templates, make};
use crate::cli::{BuildArgs, Format, ServeArgs};
use crate::config::BuildConfig;
use crate::markdown::escape_html;
use crate::output::write_all_atomically;
use crate::pdf::Compiler;

/// How long the files must be quiet before a rebuild: editors write in several steps.
const DEBOUNCE: Duration = Duration::from_millis(120);
/// How many compilations' worth of unused Typst cache entries to keep.
const CACHE_AGE: usize = 10;

/// The latest outputs and the state of the latest build.
#[derive(Default)]
struct Snapshot {
    /// Raised by every build, good or bad; the page reloads when it changes.
    version: u64,
    /// The last good HTML and PDF.
    html: Option<Vec<u8>>,
    pdf: Option<Vec<u8>>,
    /// The error of the latest build, if it failed.
    error: Option<String>,
}

/// Runs `ledgen serve`.
pub fn run(args: &ServeArgs) -> Result<()> {
    let build_args = BuildArgs {
        content: crate::cli::ContentArgs {
            year: args.content.year,
            content: args.content.content.clone(),
        },
        out: args.out.clone(),
        format: Format::All,
        typst: false,
        public: args.public,
        internal: false,
        all: false,
        jobs: None,
        drafts: false,
    };
    let config = BuildConfig::from_args(&build_args)?;
    let content_dir =
        config.report_dir.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));

    let server = tiny_http::Server::http((args.host, args.port)).map_err(|e| {
        anyhow!("cannot listen on {}:{}: {e}", args.host, args.port).context(format!(
            "hint: another program may use port {}; try `--port {}`",
            args.port,
            args.port + 1
        ))
    })?;
    let address = server.server_addr().to_ip().context("the server has no IP address")?;
    if !args.host.is_loopback() {
        eprintln!("warning: serving on {} makes the preview reachable from the network", args.host);
    }

    let snapshot = Arc::new(Mutex::new(Snapshot::default()));
    let compiler = Compiler::new();
    let mut templates = Templates::new();
    rebuild(&config, &compiler, &mut templates, &snapshot);
    eprintln!(
        "Serving {} on http://{address}/ (PDF: http://{address}/pdf); press Ctrl-C to stop",
        config.year
    );

    let shared = Arc::clone(&snapshot);
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            respond(request, &shared);
        }
    });

    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            let _ = tx.send(event);
        }
    })
    .context("cannot watch the content folder for changes")?;
    watcher
        .watch(&content_dir, RecursiveMode::Recursive)
        .with_context(|| format!("cannot watch `{}`", content_dir.display()))?;
    let out = config.out_dir.canonicalize().unwrap_or_else(|_| config.out_dir.clone());

    while let Ok(first) = rx.recv() {
        let mut relevant = is_relevant(&first, &out);
        // Wait until the editor has finished writing.
        loop {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(event) => relevant |= is_relevant(&event, &out),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
        if relevant {
            rebuild(&config, &compiler, &mut templates, &snapshot);
        }
    }
    Ok(())
}

/// Whether a file event concerns the content (not our own temporary or output files).
fn is_relevant(event: &notify::Event, out: &Path) -> bool {
    if event.kind.is_access() {
        return false;
    }
    event.paths.iter().any(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        !name.starts_with('.') && !name.ends_with('~') && !p.starts_with(out)
    })
}

/// Builds once, updates what is served, writes the files, and reports in the terminal.
fn rebuild(
    config: &BuildConfig,
    compiler: &Compiler,
    templates: &mut Templates,
    snapshot: &Mutex<Snapshot>,
) {
    let start = Instant::now();
    let result = make(config, compiler, templates).and_then(|made| {
        let files: Vec<(PathBuf, &[u8])> =
            made.files.iter().map(|(p, b)| (p.clone(), b.as_slice())).collect();
        write_all_atomically(&files)?;
        Ok(made)
    });
    // Typst's memoisation cache grows with every distinct input; drop what recent builds
    // have not used.
    comemo::evict(CACHE_AGE);
    let mut state = snapshot.lock().expect("no thread panicked holding the lock");
    state.version += 1;
    match result {
        Ok(made) => {
            for warning in &made.warnings {
                eprint!("{warning}");
            }
            for (path, bytes) in made.files {
                match path.extension().and_then(|e| e.to_str()) {
                    Some("html") => state.html = Some(bytes),
                    Some("pdf") => state.pdf = Some(bytes),
                    _ => {}
                }
            }
            state.error = None;
            eprintln!(
                "Rebuilt {} in {:.0} ms",
                config.year,
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
        Err(error) => {
            let mut text = String::new();
            for (i, cause) in error.chain().enumerate() {
                if let Some(content) = cause.downcast_ref::<crate::diagnostics::ContentError>() {
                    text.push_str(&content.to_string());
                } else if i == 0 {
                    text.push_str(&format!("error: {cause}"));
                } else {
                    text.push_str(&format!("\n  caused by: {cause}"));
                }
            }
            eprintln!("{text}\n(the last good build is still served)");
            state.error = Some(text);
        }
    }
}

/// The script added to served pages: poll the build state, reload on a new build, show errors.
const LIVE_SCRIPT: &str = r#"<div id="ledgen-error" role="alert" hidden style="position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#fff4f4;border-top:4px solid #b42318;padding:1rem 1.25rem;z-index:100;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;color:#1c1f23"></div>
<script>
(() => {
  let seen = null;
  const box = document.getElementById("ledgen-error");
  async function poll() {
    try {
      const state = await (await fetch("/__ledgen/status", {cache: "no-store"})).json();
      if (seen !== null && state.version !== seen && !state.error) { location.reload(); return; }
      seen = state.version;
      box.hidden = !state.error;
      box.textContent = state.error ? "ledgen: the last edit does not build; the page shows the last good build.\n\n" + state.error : "";
    } catch (e) {}
    setTimeout(poll, 600);
  }
  poll();
})();
</script>
"#;

fn respond(request: tiny_http::Request, snapshot: &Mutex<Snapshot>) {
    let path = request.url().split('?').next().unwrap_or("/").to_string();
    let (status, content_type, body): (u16, &str, Vec<u8>) = {
        let state = snapshot.lock().expect("no thread panicked holding the lock");
        match path.as_str() {
            "/" | "/index.html" => {
                let page = match &state.html {
                    Some(html) => String::from_utf8_lossy(html).to_string(),
                    None => error_page(state.error.as_deref().unwrap_or("building…")),
                };
                let live = match page.rfind("</body>") {
                    Some(i) => format!("{}{LIVE_SCRIPT}{}", &page[..i], &page[i..]),
                    None => format!("{page}{LIVE_SCRIPT}"),
                };
                (200, "text/html; charset=utf-8", live.into_bytes())
            }
            "/pdf" => {
                let page = format!(
                    "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>PDF</title>\
                     <style>html,body,iframe{{margin:0;width:100%;height:100%;border:0}}</style></head>\
                     <body><iframe title=\"PDF\" src=\"/report.pdf?v={}\"></iframe>{LIVE_SCRIPT}</body></html>",
                    state.version
                );
                (200, "text/html; charset=utf-8", page.into_bytes())
            }
            "/report.pdf" => match &state.pdf {
                Some(pdf) => (200, "application/pdf", pdf.clone()),
                None => (404, "text/plain; charset=utf-8", b"no PDF has been built yet".to_vec()),
            },
            "/__ledgen/status" => {
                let body = serde_json::json!({ "version": state.version, "error": state.error });
                (200, "application/json", body.to_string().into_bytes())
            }
            _ => (404, "text/plain; charset=utf-8", b"not found".to_vec()),
        }
    };
    let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], content_type.as_bytes())
        .expect("a valid header");
    let no_store = tiny_http::Header::from_bytes(&b"Cache-Control"[..], &b"no-store"[..])
        .expect("a valid header");
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header)
        .with_header(no_store);
    let _ = request.respond(response);
}

fn error_page(error: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>ledgen</title></head>\
         <body><pre>{}</pre></body></html>",
        escape_html(error)
    )
}
