//! `ledgen serve`: rebuild on every save and serve the HTML and PDF, reloading the browser when
//! a build finishes. The compiler (with Typst's caches) and the parsed templates live as long as
//! the server, so a one-row edit costs far less than a cold build; Typst's caches are trimmed
//! after each build so memory stays bounded. The HTTP side is in [`http`].
//!
//! A compilation that runs past `--timeout` is abandoned: the error is served and the next save
//! builds again at once, while the abandoned compile thread finishes on its own (Typst cannot be
//! interrupted) and its result is dropped.

mod http;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use hyper::body::Bytes;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, new_debouncer};

use ledgen::config::BuildConfig;
use ledgen::markdown::escape_html;
use ledgen::output::write_all_atomically;
use ledgen::pipeline::Session;

use crate::cli::ServeArgs;

/// How long after a file event it is passed on, so that the steps of one save (truncate and
/// write, or write a temporary file and rename it over the old one, each a few milliseconds
/// apart) arrive as one batch and make one rebuild. Short next to a rebuild (about 50 ms), so
/// that the page follows a save within about a tenth of a second; a save that takes longer
/// still ends with a build of the saved file, as every later step is passed on too.
const DEBOUNCE: Duration = Duration::from_millis(30);
/// How many compilations' worth of unused Typst cache entries to keep.
const CACHE_AGE: usize = 10;

/// What is served, ready to send: cloning it copies reference counts only, so a request holds
/// the lock for no longer than that.
#[derive(Clone)]
struct Snapshot {
    /// Raised by every build, good or bad; the page reloads when it changes.
    version: u64,
    /// The last good HTML page (or, before one, an error page) with the live-reload script.
    page: Bytes,
    /// Whether `page` is a good build.
    good: bool,
    /// The last good PDF.
    pdf: Option<Bytes>,
    /// `/__ledgen/status`: the version and the latest build's error, as JSON.
    status: Bytes,
}

impl Snapshot {
    fn new() -> Self {
        Snapshot {
            version: 0,
            page: Bytes::from(with_live_script(&error_page("building…"))),
            good: false,
            pdf: None,
            status: status_json(0, None),
        }
    }
}

/// What is served, and the signal of a new build for the pages waiting for one.
struct Served {
    snapshot: Mutex<Snapshot>,
    /// The version of the last build; `/__ledgen/status?seen=N` waits for it to change.
    version: tokio::sync::watch::Sender<u64>,
}

impl Served {
    fn new() -> Self {
        Served {
            snapshot: Mutex::new(Snapshot::new()),
            version: tokio::sync::watch::Sender::new(0),
        }
    }

    /// What is served now (a copy of reference counts).
    fn snapshot(&self) -> Snapshot {
        self.snapshot.lock().map(|s| s.clone()).unwrap_or_else(|e| e.into_inner().clone())
    }
}

/// The status answer: `{"version": N, "error": null | "..."}`.
fn status_json(version: u64, error: Option<&str>) -> Bytes {
    Bytes::from(serde_json::json!({ "version": version, "error": error }).to_string())
}

/// Runs `ledgen serve`.
pub fn run(args: &ServeArgs) -> Result<()> {
    // Off loopback the preview is open to the network: serve what may be published, unless
    // the internal edition is asked for by name.
    let public = args.public || (!args.host.is_loopback() && !args.internal);
    let (report_dir, year) = super::report_dir(&args.content)?;
    let mut config = BuildConfig::new(report_dir, year, args.out.join(year.to_string()));
    config.public = public;
    config.timeout = Duration::from_secs(args.timeout);
    config.brand.clone_from(&args.brand);

    let listener = listen(args)?;
    let address = listener.local_addr().context("the server has no address")?;
    warn_off_loopback(args, public);
    let served = Arc::new(Served::new());
    http::spawn(listener, Arc::clone(&served))?;
    // Watch before the first build, so that a save during it is not missed.
    let (_watcher, events, watched) = watch(&config)?;

    let mut session = Session::new();
    rebuild(&config, &mut session, &served);
    let edition = if public { " (public edition)" } else { "" };
    eprintln!(
        "Serving {}{edition} on http://{address}/ (PDF: http://{address}/pdf); press Ctrl-C to stop",
        config.year
    );
    if args.open {
        open_in_browser(address);
    }
    while let Ok(batch) = events.recv() {
        let mut relevant = watched.any_relevant(&batch);
        // Batches that came in while the last build ran are all covered by one build.
        while let Ok(more) = events.try_recv() {
            relevant |= watched.any_relevant(&more);
        }
        if relevant {
            rebuild(&config, &mut session, &served);
        }
    }
    Ok(())
}

/// Opens the preview at `address` in the default browser, or says how to open it by hand.
fn open_in_browser(address: std::net::SocketAddr) {
    let mut address = address;
    if address.ip().is_unspecified() {
        address.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let url = format!("http://{address}/");
    // What the system itself opens a web address with; on Windows, the handler Explorer uses
    // (`start` would need cmd.exe and its quoting rules).
    let (program, args): (&str, &[&str]) = if cfg!(windows) {
        ("rundll32.exe", &["url.dll,FileProtocolHandler"])
    } else if cfg!(target_os = "macos") {
        ("open", &[])
    } else {
        ("xdg-open", &[])
    };
    let opened = std::process::Command::new(program)
        .args(args)
        .arg(&url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match opened {
        // Reaped on a thread of its own, so that no finished child lingers while serving.
        Ok(mut child) => drop(std::thread::spawn(move || child.wait())),
        Err(e) => eprintln!("warning: cannot open a browser ({program}: {e}); open {url} in one"),
    }
}

/// The listening socket, or an error with a hint for a port in use.
fn listen(args: &ServeArgs) -> Result<std::net::TcpListener> {
    std::net::TcpListener::bind((args.host, args.port)).map_err(|e| {
        let at = std::net::SocketAddr::new(args.host, args.port);
        // No hint past the last port, and none for "any free port".
        match args.port.checked_add(1).filter(|_| args.port != 0) {
            Some(next) => anyhow!(
                "cannot listen on {at}: {e}\nhint: another program may use port {}; try `--port {next}`",
                args.port
            ),
            None => anyhow!("cannot listen on {at}: {e}"),
        }
    })
}

/// Says what a preview reachable from the network shows.
fn warn_off_loopback(args: &ServeArgs, public: bool) {
    if args.host.is_loopback() {
        return;
    }
    if public {
        eprintln!(
            "warning: serving on {} makes the preview reachable from the network; it shows the \
             public edition (add `--internal` for the internal one)",
            args.host
        );
    } else {
        eprintln!(
            "warning: serving the internal edition on {}: anyone who can reach this address can \
             read what is marked `intern`",
            args.host
        );
    }
}

/// The file watcher (kept alive by the caller), its batches of events, and what they are
/// checked against.
type Watch = (
    notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    Receiver<Vec<DebouncedEvent>>,
    Watched,
);

/// Watches the content folder, and the folder of a brand file above it for that file only.
fn watch(config: &BuildConfig) -> Result<Watch> {
    let content_dir =
        config.report_dir.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let (tx, rx) = channel();
    let mut watcher = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        // Errors (a watch limit reached) are left out: the next event still rebuilds.
        if let Ok(events) = result {
            let _ = tx.send(events);
        }
    })
    .context("cannot watch the content folder for changes")?;
    watcher
        .watch(&content_dir, RecursiveMode::Recursive)
        .with_context(|| format!("cannot watch `{}`", content_dir.display()))?;
    // A city-wide `_brand.yml` may sit above the content folder: watch its folder too, not
    // recursively (it may be a repository root full of other work), and only for the brand file
    // itself (the folder may be where this terminal writes its log).
    let content_real = ledgen::paths::real(&content_dir).unwrap_or_else(|_| content_dir.clone());
    let brand = (config.brand.clone())
        .or_else(|| ledgen::model::find_brand(&config.report_dir))
        .and_then(|brand| ledgen::paths::real(&brand).ok())
        .filter(|brand| !brand.starts_with(&content_real));
    if let Some(folder) = brand.as_ref().and_then(|brand| brand.parent()) {
        watcher
            .watch(folder, RecursiveMode::NonRecursive)
            .with_context(|| format!("cannot watch `{}`", folder.display()))?;
    }
    // Our own writes there are no reason to rebuild; the folder must exist to be resolved.
    std::fs::create_dir_all(&config.out_dir)
        .with_context(|| format!("cannot create `{}`", config.out_dir.display()))?;
    let out = ledgen::paths::real(&config.out_dir).unwrap_or_else(|_| config.out_dir.clone());
    Ok((watcher, rx, Watched { brand, out }))
}

/// What a rebuild follows besides the content folder, and what it ignores in it.
struct Watched {
    /// The `_brand.yml` that applies, when it lies outside the content folder, resolved.
    brand: Option<PathBuf>,
    /// The output folder, resolved: our own writes there are no reason to rebuild.
    out: PathBuf,
}

impl Watched {
    /// Whether any event of a debounced batch calls for a rebuild.
    fn any_relevant(&self, events: &[DebouncedEvent]) -> bool {
        events.iter().any(|event| self.is_relevant(event))
    }

    /// Whether a file event concerns the content (not our own temporary or output files), or
    /// the brand file outside it (and not the other files of that file's folder).
    fn is_relevant(&self, event: &notify::Event) -> bool {
        if event.kind.is_access() {
            return false;
        }
        let brand_folder = self.brand.as_deref().and_then(Path::parent);
        event.paths.iter().any(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            let in_brand_folder = brand_folder.is_some_and(|folder| {
                p.parent().and_then(|parent| ledgen::paths::real(parent).ok()).as_deref()
                    == Some(folder)
            });
            if in_brand_folder {
                return name == "_brand.yml";
            }
            !name.starts_with('.') && !name.ends_with('~') && !p.starts_with(&self.out)
        })
    }
}

/// Builds once, updates what is served, writes the files, and reports in the terminal.
fn rebuild(config: &BuildConfig, session: &mut Session, served: &Served) {
    let start = Instant::now();
    let result = session.make(config).map_err(anyhow::Error::from).and_then(|outputs| {
        let files: Vec<(PathBuf, &[u8])> =
            outputs.files.iter().map(|o| (o.path.clone(), o.bytes.as_slice())).collect();
        write_all_atomically(&files)?;
        Ok(outputs)
    });
    // Typst's memoisation cache grows with every distinct input; drop what recent builds
    // have not used.
    comemo::evict(CACHE_AGE);
    // Everything is prepared before the lock is taken; under it, fields are only replaced.
    let built = match result {
        Ok(mut outputs) => {
            for warning in &outputs.warnings {
                anstream::eprint!("{warning:#}");
            }
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            eprintln!("Rebuilt {} in {ms:.0} ms", config.year);
            eprintln!("{}", super::build::brand_line(outputs.brand.as_deref()));
            Built::Good {
                page: outputs
                    .take("html")
                    .map(|o| Bytes::from(with_live_script(&String::from_utf8_lossy(&o.bytes)))),
                pdf: outputs.take("pdf").map(|o| Bytes::from(o.bytes)),
            }
        }
        Err(error) => {
            let text = error_text(&error);
            eprintln!("{text}\n(the last good build is still served)");
            note_stopped(session.compiler().stopped_running());
            Built::Failed(text)
        }
    };
    served.publish(built);
}

/// The outcome of one rebuild, ready to serve.
enum Built {
    /// The new page and PDF (each absent when not asked for).
    Good { page: Option<Bytes>, pdf: Option<Bytes> },
    /// The error, as text.
    Failed(String),
}

impl Served {
    /// Serves the outcome of a build: a good one replaces the page and the PDF, a failed one
    /// only the status (and the page, while there has been no good build), and the pages
    /// waiting for a new build are answered.
    fn publish(&self, built: Built) {
        let (page, pdf, error) = match built {
            Built::Good { page, pdf } => (page, pdf, None),
            Built::Failed(text) => (None, None, Some(text)),
        };
        let error_page = error.as_deref().map(|e| Bytes::from(with_live_script(&error_page(e))));
        let mut state = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        state.version += 1;
        let version = state.version;
        state.status = status_json(version, error.as_deref());
        match (page, error_page) {
            (Some(page), _) => {
                state.page = page;
                state.good = true;
            }
            // No good build yet: the page shows the error.
            (None, Some(error_page)) if !state.good => state.page = error_page,
            _ => {}
        }
        if let Some(pdf) = pdf {
            state.pdf = Some(pdf);
        }
        drop(state);
        self.version.send_replace(version);
    }
}

/// An error and its causes as text, a content error with its own layout.
fn error_text(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for (i, cause) in error.chain().enumerate() {
        if let Some(content) = crate::content_error(cause) {
            text.push_str(&content.to_string());
        } else if i == 0 {
            text.push_str(&format!("error: {cause}"));
        } else {
            text.push_str(&format!("\n  caused by: {cause}"));
        }
    }
    text
}

/// Says how many abandoned compilations still run, if any.
fn note_stopped(running: usize) {
    match running {
        0 => {}
        1 => eprintln!(
            "note: 1 stopped compilation is still running in the background; it ends by itself"
        ),
        n => eprintln!(
            "note: {n} stopped compilations are still running in the background; each ends by itself"
        ),
    }
}

/// The script added to served pages: wait for the next build (the server answers
/// `/__ledgen/status?seen=N` when the version is no longer N, or after a while with no change),
/// reload on a good one, show errors; when the server cannot be reached, try again every 600 ms.
const LIVE_SCRIPT: &str = r#"<div id="ledgen-error" role="alert" hidden style="position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#fff4f4;border-top:4px solid #b42318;padding:1rem 1.25rem;z-index:100;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;color:#1c1f23"></div>
<script>
(() => {
  let seen = null;
  const box = document.getElementById("ledgen-error");
  async function poll() {
    try {
      const url = seen === null ? "/__ledgen/status" : "/__ledgen/status?seen=" + seen;
      const state = await (await fetch(url, {cache: "no-store"})).json();
      if (seen !== null && state.version !== seen && !state.error) { location.reload(); return; }
      seen = state.version;
      box.hidden = !state.error;
      box.textContent = state.error ? "ledgen: the last edit does not build; the page shows the last good build.\n\n" + state.error : "";
      setTimeout(poll, 20);
    } catch (e) {
      setTimeout(poll, 600);
    }
  }
  poll();
})();
</script>
"#;

/// A page with the live-reload script added before `</body>`.
fn with_live_script(page: &str) -> String {
    match page.rfind("</body>") {
        Some(i) => format!("{}{LIVE_SCRIPT}{}", &page[..i], &page[i..]),
        None => format!("{page}{LIVE_SCRIPT}"),
    }
}

/// `/pdf`: the PDF in a frame, with the live-reload script.
fn pdf_page(version: u64) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>PDF</title>\
         <style>html,body,iframe{{margin:0;width:100%;height:100%;border:0}}</style></head>\
         <body><iframe title=\"PDF\" src=\"/report.pdf?v={version}\"></iframe>{LIVE_SCRIPT}</body></html>"
    )
}

/// A page that shows an error (or that the first build is under way).
fn error_page(error: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>ledgen</title></head>\
         <body><pre>{}</pre></body></html>",
        escape_html(error)
    )
}
