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
use ledgen::tr;

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
    /// The last good slide deck.
    slides: Option<Bytes>,
    /// `/__ledgen/status`: the version and the latest build's error, as JSON.
    status: Bytes,
}

impl Snapshot {
    fn new() -> Self {
        Snapshot {
            version: 0,
            page: Bytes::from(with_live_script(&error_page(&tr!("serve-building")))),
            good: false,
            pdf: None,
            slides: None,
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
    // The report's page and PDF, and the meeting's slide deck at `/slides`.
    let mut config = BuildConfig::new(report_dir, year, args.out.join(year.to_string()))
        .with_formats(&["html", "pdf", "slides"])?;
    config.public = public;
    config.timeout = Duration::from_secs(args.timeout);
    config.brand.clone_from(&args.brand);

    let listener = listen(args)?;
    let address = listener.local_addr().with_context(|| tr!("serve-no-address"))?;
    warn_off_loopback(args, public);
    let served = Arc::new(Served::new());
    http::spawn(listener, Arc::clone(&served))?;
    // Watch before the first build, so that a save during it is not missed.
    let (_watcher, events, watched) = watch(&config)?;

    let mut session = Session::new();
    rebuild(&config, &mut session, &served);
    let (year, address_shown) = (config.year.to_string(), address.to_string());
    let serving = if public {
        tr!("serve-serving-public", year = year, address = address_shown)
    } else {
        tr!("serve-serving", year = year, address = address_shown)
    };
    eprintln!("{serving}");
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
        Err(e) => eprintln!(
            "{}: {}",
            tr!("severity-warning"),
            tr!("serve-cannot-open-browser", program = program, error = e.to_string(), url = url),
        ),
    }
}

/// The listening socket, or an error with a hint for a port in use.
fn listen(args: &ServeArgs) -> Result<std::net::TcpListener> {
    std::net::TcpListener::bind((args.host, args.port)).map_err(|e| {
        let at = std::net::SocketAddr::new(args.host, args.port);
        // No hint past the last port, and none for "any free port".
        match args.port.checked_add(1).filter(|_| args.port != 0) {
            Some(next) => anyhow!(
                "{}\n{}: {}",
                cannot_listen(at, &e),
                tr!("note-hint"),
                tr!(
                    "serve-port-in-use-hint",
                    port = args.port.to_string(),
                    next = next.to_string(),
                ),
            ),
            None => anyhow!(cannot_listen(at, &e)),
        }
    })
}

/// That the server cannot listen on `at`.
fn cannot_listen(at: std::net::SocketAddr, error: &std::io::Error) -> String {
    tr!("serve-cannot-listen", address = at.to_string(), error = error.to_string())
}

/// Says what a preview reachable from the network shows.
fn warn_off_loopback(args: &ServeArgs, public: bool) {
    if args.host.is_loopback() {
        return;
    }
    let host = args.host.to_string();
    let warning = if public {
        tr!("serve-public-off-loopback", host = host)
    } else {
        tr!("serve-internal-off-loopback", host = host)
    };
    eprintln!("{}: {warning}", tr!("severity-warning"));
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
    .with_context(|| tr!("serve-cannot-watch-content"))?;
    watcher
        .watch(&content_dir, RecursiveMode::Recursive)
        .with_context(|| tr!("serve-cannot-watch", path = content_dir.display().to_string()))?;
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
            .with_context(|| tr!("serve-cannot-watch", path = folder.display().to_string()))?;
    }
    // Our own writes there are no reason to rebuild; the folder must exist to be resolved.
    std::fs::create_dir_all(&config.out_dir)
        .with_context(|| tr!("serve-cannot-create", path = config.out_dir.display().to_string()))?;
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
            let (year, ms) = (config.year.to_string(), format!("{ms:.0}"));
            eprintln!("{}", tr!("serve-rebuilt", year = year, ms = ms));
            eprintln!("{}", super::build::brand_line(outputs.brand.as_deref()));
            Built::Good {
                page: outputs
                    .take("html")
                    .map(|o| Bytes::from(with_live_script(&String::from_utf8_lossy(&o.bytes)))),
                pdf: outputs.take("pdf").map(|o| Bytes::from(o.bytes)),
                slides: outputs.take("slides").map(|o| Bytes::from(o.bytes)),
            }
        }
        Err(error) => {
            let text = error_text(&error);
            eprintln!("{text}\n{}", tr!("serve-last-good-still-served"));
            note_stopped(session.compiler().stopped_running());
            Built::Failed(text)
        }
    };
    served.publish(built);
}

/// The outcome of one rebuild, ready to serve.
enum Built {
    /// The new page, PDF and slide deck (each absent when not asked for).
    Good { page: Option<Bytes>, pdf: Option<Bytes>, slides: Option<Bytes> },
    /// The error, as text.
    Failed(String),
}

impl Served {
    /// Serves the outcome of a build: a good one replaces the page and the PDF, a failed one
    /// only the status (and the page, while there has been no good build), and the pages
    /// waiting for a new build are answered.
    fn publish(&self, built: Built) {
        let (page, pdf, slides, error) = match built {
            Built::Good { page, pdf, slides } => (page, pdf, slides, None),
            Built::Failed(text) => (None, None, None, Some(text)),
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
        if let Some(slides) = slides {
            state.slides = Some(slides);
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
            text.push_str(&format!("{}: {cause}", tr!("severity-error")));
        } else {
            text.push_str(&format!("\n  {}: {cause}", tr!("error-caused-by")));
        }
    }
    text
}

/// Says how many abandoned compilations still run, if any.
fn note_stopped(running: usize) {
    if running > 0 {
        eprintln!("{}: {}", tr!("note-note"), tr!("serve-stopped-running", count = running));
    }
}

/// The script added to served pages: wait for the next build (the server answers
/// `/__ledgen/status?seen=N` when the version is no longer N, or after a while with no change),
/// reload on a good one, show errors; when the server cannot be reached, try again every 600 ms.
/// `{lang}` stands for the language of the messages and `{banner}` for the banner over an error,
/// a JavaScript string (see [`live_script`]).
const LIVE_SCRIPT: &str = r#"<div id="ledgen-error" lang="{lang}" role="alert" hidden style="position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;background:#fff4f4;border-top:4px solid #b42318;padding:1rem 1.25rem;z-index:100;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;color:#1c1f23"></div>
<script>
(() => {
  let seen = null;
  const box = document.getElementById("ledgen-error");
  const banner = {banner};
  async function poll() {
    try {
      const url = seen === null ? "/__ledgen/status" : "/__ledgen/status?seen=" + seen;
      const state = await (await fetch(url, {cache: "no-store"})).json();
      if (seen !== null && state.version !== seen && !state.error) { location.reload(); return; }
      seen = state.version;
      box.hidden = !state.error;
      box.textContent = state.error ? banner + "\n\n" + state.error : "";
      setTimeout(poll, 20);
    } catch (e) {
      setTimeout(poll, 600);
    }
  }
  poll();
})();
</script>
"#;

/// The live-reload script in the language of the messages, its banner a JavaScript string.
fn live_script() -> String {
    LIVE_SCRIPT
        .replace("{lang}", ledgen::locale::language().tag())
        .replace("{banner}", &script_string(&tr!("serve-banner")))
}

/// `text` as a JavaScript string literal that is safe inside a `<script>` element: JSON, with
/// `<`, `>` and `&` (which could end the element or start a comment) and the line separators
/// written as escapes, so that no text can close the script or add to it.
fn script_string(text: &str) -> String {
    let json = serde_json::Value::from(text).to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// A page with the live-reload script added before `</body>`.
fn with_live_script(page: &str) -> String {
    let script = live_script();
    match page.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &page[..i], &page[i..]),
        None => format!("{page}{script}"),
    }
}

/// `/pdf` and `/slides`: the PDF at `file` in a frame, with the live-reload script.
fn pdf_page(file: &str, title: &str, version: u64) -> String {
    let (lang, script) = (ledgen::locale::language().tag(), live_script());
    let title = escape_html(title);
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>html,body,iframe{{margin:0;width:100%;height:100%;border:0}}</style></head>\
         <body><iframe title=\"{title}\" src=\"{file}?v={version}\"></iframe>{script}</body></html>"
    )
}

/// A page that shows an error (or that the first build is under way), in the language of the
/// messages.
fn error_page(error: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>ledgen</title></head>\
         <body><pre>{}</pre></body></html>",
        ledgen::locale::language().tag(),
        escape_html(error)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ledgen::locale::{UiLanguage, in_language};

    #[test]
    fn the_error_page_is_in_the_language_of_the_messages() {
        let page = |language| {
            in_language(language, || with_live_script(&error_page("fel: <b>trasig</b> & mer")))
        };
        let sv = page(UiLanguage::Sv);
        assert!(sv.starts_with("<!DOCTYPE html><html lang=\"sv\"><head>"), "{sv}");
        assert!(sv.contains("<pre>fel: &lt;b&gt;trasig&lt;/b&gt; &amp; mer</pre>"), "{sv}");
        assert!(sv.contains("<div id=\"ledgen-error\" lang=\"sv\" role=\"alert\""), "{sv}");
        assert!(
            sv.contains(
                "const banner = \"ledgen: den senaste ändringen går inte att bygga; sidan visar \
                 den senaste lyckade byggningen.\";"
            ),
            "{sv}"
        );
        let en = page(UiLanguage::En);
        assert!(en.starts_with("<!DOCTYPE html><html lang=\"en\"><head>"), "{en}");
        assert!(en.contains("<div id=\"ledgen-error\" lang=\"en\" role=\"alert\""), "{en}");
        assert!(
            en.contains(
                "const banner = \"ledgen: the last edit does not build; the page shows the last \
                 good build.\";"
            ),
            "{en}"
        );
        assert!(!en.contains("{banner}") && !en.contains("{lang}"), "{en}");
        // Before the first build, the page says so.
        let building = in_language(UiLanguage::Sv, Snapshot::new).page;
        assert!(String::from_utf8_lossy(&building).contains("<pre>bygger…</pre>"));
        let building = in_language(UiLanguage::En, Snapshot::new).page;
        assert!(String::from_utf8_lossy(&building).contains("<pre>building…</pre>"));
    }

    #[test]
    fn the_pdf_page_is_in_the_language_of_the_messages() {
        let sv = in_language(UiLanguage::Sv, || pdf_page("/report.pdf", "PDF", 3));
        assert!(sv.starts_with("<!DOCTYPE html><html lang=\"sv\">"), "{sv}");
        assert!(sv.contains("src=\"/report.pdf?v=3\"") && sv.contains("går inte att bygga"));
        let en = in_language(UiLanguage::En, || pdf_page("/report.pdf", "PDF", 3));
        assert!(en.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{en}");
        assert!(en.contains("does not build"), "{en}");
        // The slide deck's page frames the deck, its title escaped.
        let slides = pdf_page("/slides.pdf", "<Presentation>", 4);
        assert!(slides.contains("src=\"/slides.pdf?v=4\""), "{slides}");
        assert!(slides.contains("<title>&lt;Presentation&gt;</title>"), "{slides}");
    }

    #[test]
    fn no_text_can_close_the_script_it_is_put_in() {
        let text = "</script><script>alert(1)</script>\"; alert(2); \"\\ & <!-- \u{2028}";
        let literal = script_string(text);
        for unsafe_part in ["<", ">", "&", "\u{2028}"] {
            assert!(!literal.contains(unsafe_part), "{literal}");
        }
        // Read back as JSON (and so as JavaScript), it is the text itself.
        assert_eq!(serde_json::from_str::<String>(&literal).unwrap(), text);
    }

    #[test]
    fn the_console_lines_are_in_either_language() {
        let serving = |language, public| {
            in_language(language, || {
                let (year, address) = ("2024", "127.0.0.1:3000");
                if public {
                    tr!("serve-serving-public", year = year, address = address)
                } else {
                    tr!("serve-serving", year = year, address = address)
                }
            })
        };
        assert_eq!(
            serving(UiLanguage::En, true),
            "Serving 2024 (public edition) on http://127.0.0.1:3000/ \
             (PDF: http://127.0.0.1:3000/pdf, slides: http://127.0.0.1:3000/slides); press Ctrl-C to stop"
        );
        assert_eq!(
            serving(UiLanguage::En, false),
            "Serving 2024 on http://127.0.0.1:3000/ (PDF: http://127.0.0.1:3000/pdf, \
             slides: http://127.0.0.1:3000/slides); press Ctrl-C to stop"
        );
        assert_eq!(
            serving(UiLanguage::Sv, false),
            "Visar 2024 på http://127.0.0.1:3000/ (PDF: http://127.0.0.1:3000/pdf, \
             presentation: http://127.0.0.1:3000/slides); tryck Ctrl-C för att sluta"
        );
        let rebuilt =
            |language| in_language(language, || tr!("serve-rebuilt", year = "2024", ms = "48"));
        assert_eq!(rebuilt(UiLanguage::En), "Rebuilt 2024 in 48 ms");
        assert_eq!(rebuilt(UiLanguage::Sv), "Byggde om 2024 på 48 ms");
        let stopped = |language, count: usize| {
            in_language(language, || tr!("serve-stopped-running", count = count))
        };
        assert_eq!(
            stopped(UiLanguage::En, 1),
            "1 stopped compilation is still running in the background; it ends by itself"
        );
        assert_eq!(
            stopped(UiLanguage::En, 2),
            "2 stopped compilations are still running in the background; each ends by itself"
        );
        assert_eq!(
            stopped(UiLanguage::Sv, 2),
            "2 avbrutna kompileringar körs fortfarande i bakgrunden; de slutar av sig själva"
        );
    }

    #[test]
    fn an_error_and_its_causes_are_laid_out_in_either_language() {
        let error = || anyhow!("the disk is full").context("cannot write `report.pdf`");
        let en = in_language(UiLanguage::En, || error_text(&error()));
        assert_eq!(en, "error: cannot write `report.pdf`\n  caused by: the disk is full");
        let sv = in_language(UiLanguage::Sv, || error_text(&error()));
        assert_eq!(sv, "fel: cannot write `report.pdf`\n  orsak: the disk is full");
    }

    #[test]
    fn a_port_in_use_gets_a_hint_in_either_language() {
        let holder = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = holder.local_addr().unwrap().port();
        let Some(next) = port.checked_add(1) else { return };
        let cli = <crate::cli::Cli as clap::Parser>::try_parse_from([
            "ledgen",
            "serve",
            "--port",
            &port.to_string(),
        ])
        .unwrap();
        let crate::cli::Command::Serve(args) = cli.command else { panic!("not serve") };
        let error = |language| in_language(language, || listen(&args).unwrap_err().to_string());
        let en = error(UiLanguage::En);
        assert!(en.starts_with(&format!("cannot listen on 127.0.0.1:{port}: ")), "{en}");
        assert!(
            en.ends_with(&format!(
                "\nhint: another program may use port {port}; try `--port {next}`"
            )),
            "{en}"
        );
        let sv = error(UiLanguage::Sv);
        assert!(sv.starts_with(&format!("kan inte lyssna på 127.0.0.1:{port}: ")), "{sv}");
        assert!(
            sv.ends_with(&format!(
                "\ntips: ett annat program använder kanske port {port}; prova `--port {next}`"
            )),
            "{sv}"
        );
    }
}
