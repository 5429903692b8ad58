//! Helpers shared by the integration tests: run the binary, extract PDF text (in Rust, `pdf.rs`),
//! normalise text.

pub mod pdf;

/// How long a test waits for something that takes well under a second on an idle machine (a
/// request answered, a rebuild served). Not a speed bound: speed is measured in `benches/`. It is
/// far above what a busy 2-core machine needs, and below the 60 seconds after which the preview
/// server closes an idle connection, which is what a client stalled behind another would wait.
pub const PATIENCE: std::time::Duration = std::time::Duration::from_secs(45);

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

/// Runs `ledgen` with `args` in `cwd`.
pub fn ledgen(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ledgen"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("failed to run ledgen")
}

/// The text of a PDF in content-stream order (as `pdftotext -raw` gives it), whitespace folded.
pub fn pdf_text(pdf: &Path) -> String {
    let text = pdf::Pdf::open(pdf).pages().join("\n");
    // A line broken after a hyphen or slash ("GAP-" / "analys") is one word, and so is a word
    // the typesetter hyphenated (it ends the line with a soft hyphen, which is not text).
    // But a Swedish suspended compound ("hälso- och sjukvård") broken after its hyphen keeps its
    // space, and so does a slash that stands alone ("// x").
    let mut joined = String::with_capacity(text.len());
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim_end();
        if let Some(stem) = line.strip_suffix('\u{ad}') {
            joined.push_str(stem.trim_end());
            continue;
        }
        joined.push_str(line);
        let next = lines.get(i + 1).map_or("", |l| l.trim_start());
        let conjunction =
            ["och ", "eller ", "samt ", "respektive "].iter().any(|c| next.starts_with(c));
        let mut tail = line.chars().rev();
        let hyphenated = match tail.next() {
            Some('/') => tail.find(|c| *c != '/').is_some_and(|c| !c.is_whitespace()),
            Some('-') => tail.next().is_some_and(char::is_alphanumeric) && !conjunction,
            _ => false,
        };
        if !hyphenated {
            joined.push('\n');
        }
    }
    logical_order(&fold_whitespace(&joined))
}

/// The text with each right-to-left word (Hebrew, Arabic) turned from the order the PDF draws its
/// glyphs, left to right, into the order it is read; a combining mark stays after its letter.
fn logical_order(text: &str) -> String {
    let rtl = |c: char| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
    let mark =
        |c: char| matches!(c, '\u{0591}'..='\u{05C7}' | '\u{064B}'..='\u{065F}' | '\u{0670}');
    let words: Vec<String> = text
        .split(' ')
        .map(|word| {
            if !word.chars().any(rtl) {
                return word.to_string();
            }
            // Group each letter with the marks drawn after it, then reverse the groups.
            let mut groups: Vec<String> = Vec::new();
            for c in word.chars() {
                match groups.last_mut() {
                    Some(group) if mark(c) => group.push(c),
                    _ => groups.push(c.to_string()),
                }
            }
            groups.into_iter().rev().collect()
        })
        .collect();
    words.join(" ")
}

/// The visible text of an HTML page: tags removed, the common entities decoded, whitespace folded.
pub fn html_text(html: &str) -> String {
    let body = html.split("</style>").last().unwrap_or(html);
    let mut text = String::with_capacity(body.len());
    let mut tag = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' if in_tag => {
                in_tag = false;
                // Block-level elements separate words; inline ones (`strong`, `a`, `span`) do not.
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                let inline = ["strong", "em", "a", "span", "code", "del", "time"];
                if !inline.contains(&name.as_str()) {
                    text.push(' ');
                }
            }
            c if in_tag => tag.push(c),
            c => text.push(c),
        }
    }
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
    fold_whitespace(&decoded)
}

/// Collapses every run of whitespace into one space.
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A temporary folder holding a copy of the example organisation's `years` (the files of each
/// year folder) under `content/`.
pub fn example_years(years: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for year in years {
        let from = root().join("examples/exempelkommun").join(year);
        let to = dir.path().join("content").join(year);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            if entry.path().is_file() {
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }
    dir
}

/// A running `ledgen serve`, killed when the test ends, however it ends.
pub struct Server(pub std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `ledgen serve --port 0` with `args` in `dir` (through `sh -c` with `prefix` first, e.g.
/// a `ulimit`); returns the server and its port once it has said where it listens, and keeps
/// reading its output so that it never blocks on a full pipe.
pub fn serve(dir: &Path, prefix: &str, args: &[&str]) -> (Server, u16) {
    let (server, port, _) = serve_with_log(dir, prefix, args);
    (server, port)
}

/// [`serve`], with the lines the server wrote before it said where it listens (those of its
/// first build).
pub fn serve_with_log(dir: &Path, prefix: &str, args: &[&str]) -> (Server, u16, Vec<String>) {
    use std::io::{BufRead, BufReader};
    let command = format!("{prefix} exec \"$0\" serve --port 0 \"$@\"");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .arg(env!("CARGO_BIN_EXE_ledgen"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let mut lines = BufReader::new(stderr).lines();
    let mut log = Vec::new();
    let port: u16 = loop {
        let line = lines.next().expect("the server said where it listens").unwrap();
        // "Serving 2024 on http://…", "Visar 2024 på http://…".
        let address = line.split(" on http://").nth(1).or_else(|| line.split(" på http://").nth(1));
        if let Some(rest) = address {
            let address: std::net::SocketAddr = rest.split('/').next().unwrap().parse().unwrap();
            break address.port();
        }
        log.push(line);
    };
    std::thread::spawn(move || lines.for_each(drop));
    (server, port, log)
}

/// A PNG that states `width` × `height` pixels and holds a few bytes: what its header says is
/// all a check of its size may read.
pub fn stated_png(width: u32, height: u32) -> Vec<u8> {
    png_of(width, height, &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01])
}

/// A PNG of 8-bit RGB pixels from its header and its compressed pixel data.
pub fn png_of(width: u32, height: u32, zlib: &[u8]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", zlib);
    chunk(&mut png, b"IEND", &[]);
    png
}

/// An HTML page with the data of its embedded font faces left out (`data:font/woff2;base64,…`),
/// for snapshots: the faces are cut to the page's characters, and their bytes say nothing a
/// reviewer can read. The `@font-face` rules themselves stay.
pub fn without_font_data(html: &str) -> String {
    const DATA: &str = "data:font/woff2;base64,";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(DATA) {
        let (before, after) = rest.split_at(at + DATA.len());
        out.push_str(before);
        out.push('…');
        rest = &after[after.find('"').unwrap_or(after.len())..];
    }
    out.push_str(rest);
    out
}
