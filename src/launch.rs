//! Started by a double-click: on Windows, Explorer starts a console program with no arguments in
//! a console window of its own, which closes the moment the program ends. Left to clap, ledgen
//! would print its usage in English and the window would vanish before it could be read. So,
//! started that way, ledgen either previews the review folder it was started in (`serve`, with
//! the browser opened) or says in the user's language what it is and how to use it, and waits
//! for Enter.

use std::ffi::OsString;
use std::io::BufRead as _;
use std::path::Path;

/// What a double-click starts.
#[derive(Debug, PartialEq, Eq)]
pub enum Launch {
    /// The folder is a review's content folder (or one of its year folders): preview it with
    /// these arguments.
    Serve(Vec<OsString>),
    /// Anywhere else: explain how ledgen is used.
    Explain,
}

/// Whether this process was started with no arguments in a console window of its own, as a
/// double-click in Explorer starts it (from a terminal, the terminal's shell shares the console).
pub fn started_by_double_click() -> bool {
    std::env::args_os().len() == 1 && alone_in_console()
}

/// Whether this process is the only one attached to its console.
#[cfg(windows)]
#[allow(unsafe_code, reason = "a call to the Win32 console API, which has no safe wrapper")]
fn alone_in_console() -> bool {
    let mut processes = [0u32; 2];
    // SAFETY: the buffer is valid for writes of the length passed; the call writes at most that
    // many process ids and returns how many processes the console has (0 when there is none).
    let count = unsafe {
        windows_sys::Win32::System::Console::GetConsoleProcessList(
            processes.as_mut_ptr(),
            processes.len() as u32,
        )
    };
    count == 1
}

/// Elsewhere a program started from a file manager has no terminal to vanish from.
#[cfg(not(windows))]
fn alone_in_console() -> bool {
    false
}

/// What to start in `dir`, the folder a double-click ran the program in.
pub fn launch_for(dir: &Path) -> Launch {
    let serve = |content: &Path, year: Option<i32>| {
        let mut args: Vec<OsString> =
            vec!["ledgen".into(), "serve".into(), "--open".into(), "--port".into(), "0".into()];
        args.extend(year.map(|y| y.to_string().into()));
        args.extend(["--content".into(), content.as_os_str().to_owned()]);
        args.extend(["--out".into(), content.join("utdata").into_os_string()]);
        Launch::Serve(args)
    };
    if !ledgen::model::years(dir).is_empty() {
        return serve(dir, None);
    }
    // A year folder: its content folder is the one above.
    let year = dir.file_name().and_then(|n| ledgen::model::year_folder(n.to_str()?));
    match (year, dir.parent()) {
        (Some(year), Some(content)) if dir.join("report.yaml").is_file() => {
            serve(content, Some(year))
        }
        _ => Launch::Explain,
    }
}

/// What a double-click outside a review folder shows, in the user's language (the system's).
pub fn explanation() -> String {
    format!("{}\n", ledgen::tr!("launch-explanation"))
}

/// [`explanation`], for the callers that print it with `{}`.
pub const EXPLANATION: Explanation = Explanation;

/// Prints as [`explanation`], in the language chosen when it is printed.
pub struct Explanation;

impl std::fmt::Display for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&explanation())
    }
}

/// Waits until the user presses Enter, so that the window stays open to be read.
pub fn wait_for_enter() {
    eprint!("\n{}", ledgen::tr!("launch-press-enter"));
    let _ = std::io::stdin().lock().read_line(&mut String::new());
}

#[cfg(test)]
mod tests {
    use super::*;
    use ledgen::locale::{UiLanguage, in_language};

    fn args(launch: Launch) -> Vec<String> {
        match launch {
            Launch::Serve(args) => args.into_iter().map(|a| a.into_string().unwrap()).collect(),
            Launch::Explain => panic!("expected serve"),
        }
    }

    #[test]
    fn a_content_folder_is_previewed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("2024")).unwrap();
        std::fs::write(dir.path().join("2024/report.yaml"), "").unwrap();
        let content = dir.path().display().to_string();
        let out = dir.path().join("utdata").display().to_string();
        assert_eq!(
            args(launch_for(dir.path())),
            ["ledgen", "serve", "--open", "--port", "0", "--content", &content, "--out", &out]
        );
    }

    #[test]
    fn a_year_folder_is_previewed_from_its_content_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("2024")).unwrap();
        std::fs::write(dir.path().join("2024/report.yaml"), "").unwrap();
        let got = args(launch_for(&dir.path().join("2024")));
        assert_eq!(got[5..8], ["2024", "--content", &dir.path().display().to_string()]);
    }

    #[test]
    fn any_other_folder_gets_the_explanation() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("2024")).unwrap();
        assert_eq!(launch_for(dir.path()), Launch::Explain);
        assert_eq!(launch_for(&dir.path().join("2024")), Launch::Explain);
    }

    #[test]
    fn a_run_from_a_terminal_is_no_double_click() {
        // The test harness has arguments, or shares its terminal; either way, not a double-click.
        assert!(!started_by_double_click());
    }

    #[test]
    fn the_explanation_is_the_cli_s_own() {
        // Every command it shows exists, with the arguments it shows.
        use clap::Parser as _;
        for line in [
            "ledgen init ledningens-genomgang --organisation Exempelkommun",
            "ledgen build --content ledningens-genomgang",
        ] {
            assert!(crate::cli::Cli::try_parse_from(line.split(' ')).is_ok(), "{line}");
        }
        for language in UiLanguage::ALL {
            let text = in_language(language, explanation);
            assert!(text.contains(r".\ledgen.exe init ledningens-genomgang"), "{text}");
            assert!(text.contains(r".\ledgen.exe build --content ledningens-genomgang"), "{text}");
        }
    }

    #[test]
    fn the_explanation_is_in_swedish_and_english() {
        let sv = in_language(UiLanguage::Sv, explanation);
        // The Swedish text as it was before it moved to the Fluent files, byte for byte.
        let before = "\
ledgen gör ledningens genomgång av informationssäkerheten till en PDF och en webbsida.

ledgen används i ett kommandofönster (PowerShell eller Kommandotolken), inte med dubbelklick:
öppna mappen där ledgen.exe ligger i Utforskaren, skriv powershell i adressfältet och tryck
Enter. Skriv sedan till exempel

  .\\ledgen.exe init ledningens-genomgang --organisation \"Exempelkommun\"
                                skapar en mapp med ett första år att fylla i
  .\\ledgen.exe build --content ledningens-genomgang
                                gör PDF och webbsida av det senaste året
  .\\ledgen.exe --help           visar alla kommandon

Lägger du ledgen.exe i mappen med årsmapparna (till exempel ledningens-genomgang) och
dubbelklickar på den där, visas rapporten i webbläsaren och uppdateras varje gång du sparar.

Mer står i LÄS MIG.txt bredvid ledgen.exe.
";
        assert_eq!(sv, before);
        let en = in_language(UiLanguage::En, explanation);
        assert!(en.starts_with("ledgen turns the management review of information security"));
        assert!(en.contains("\n  .\\ledgen.exe --help           shows every command\n"), "{en}");
        assert!(en.contains("\n                                creates a folder"), "{en}");
        assert!(en.ends_with("next to ledgen.exe.\n"), "{en}");
        assert_eq!(in_language(UiLanguage::Sv, || EXPLANATION.to_string()), sv);
        assert_eq!(in_language(UiLanguage::En, || EXPLANATION.to_string()), en);
    }

    #[test]
    fn the_prompt_to_close_is_in_either_language() {
        let prompt = |language| in_language(language, || ledgen::tr!("launch-press-enter"));
        assert_eq!(prompt(UiLanguage::Sv), "Tryck Enter för att stänga fönstret.");
        assert_eq!(prompt(UiLanguage::En), "Press Enter to close the window.");
    }
}
