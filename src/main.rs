//! The `ledgen` binary: parse the command line, run the command, print the error chain. The
//! command line ([`cli`]) and the commands ([`commands`]) are the binary's; everything they call
//! is the `ledgen` library.

mod cli;
mod commands;
mod help;
mod launch;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser};
use cli::{Cli, Command, ExportWhat};
use ledgen::diagnostics::ContentError;
use ledgen::error::BuildError;
use ledgen::locale;

/// jemalloc rather than the C library's allocator: glibc gives each thread that allocates an arena
/// of its own and keeps the memory freed in it, so a `build --all` of hundreds of reports grew in
/// memory with the number of reports; jemalloc's arenas are bounded by the number of cores and
/// hand unused pages back to the system, and its batches run faster (docs/performance.md).
#[cfg(any(target_os = "linux", target_os = "macos"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    if launch::started_by_double_click() {
        locale::set_language(locale::system_language());
        return double_click();
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let language = locale::from_arguments(&args).unwrap_or_else(locale::system_language);
    locale::set_language(language);
    let parsed = help::localised(Cli::command(), language)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => run(&cli),
        Err(error) => match (language, help::swedish_error(&error)) {
            (locale::UiLanguage::Sv, Some(text)) => {
                eprint!("{text}");
                ExitCode::from(error.exit_code() as u8)
            }
            _ => error.exit(),
        },
    }
}

/// Runs one command line's command and prints its error.
fn run(cli: &Cli) -> ExitCode {
    let result = match &cli.command {
        Command::Build(args) if args.all => commands::all::run(args).map(|()| true),
        Command::Build(args) => commands::build::run(args).map(|()| true),
        Command::Check(args) => commands::check::run(args).map(|()| true),
        Command::Diff(args) => commands::diff::run(args),
        Command::History(args) => commands::history::run(args).map(|()| true),
        Command::Init(args) => commands::init::run(args).map(|()| true),
        Command::New(args) => commands::new::run(args).map(|()| true),
        Command::Import(args) => commands::import::run(args).map(|()| true),
        Command::Serve(args) => commands::serve::run(args).map(|()| true),
        Command::Schema(args) => commands::schema::run(args).map(|()| true),
        Command::Export(args) => match &args.what {
            ExportWhat::Actions(args) => commands::export::run_actions(args).map(|()| true),
        },
        Command::Summary(args) => commands::summary::run(args).map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            print_error(&error);
            ExitCode::from(1)
        }
    }
}

/// Started by a double-click: preview the review folder it was started in, or explain how
/// ledgen is used; either way the window stays open until its text has been read.
fn double_click() -> ExitCode {
    let here = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let code = match launch::launch_for(&here) {
        launch::Launch::Serve(args) => {
            eprintln!("{}\n", ledgen::tr!("main-previewing", folder = here.display().to_string()));
            match Cli::try_parse_from(args) {
                Ok(cli) => run(&cli),
                Err(error) => {
                    let _ = error.print();
                    ExitCode::from(2)
                }
            }
        }
        launch::Launch::Explain => {
            eprint!("{}", launch::EXPLANATION);
            ExitCode::SUCCESS
        }
    };
    launch::wait_for_enter();
    code
}

/// Prints an error and its causes once; content errors already carry their own layout.
fn print_error(error: &anyhow::Error) {
    for (i, cause) in error.chain().enumerate() {
        if let Some(content) = content_error(cause) {
            anstream::eprintln!("{content:#}");
        } else if i == 0 {
            eprintln!("{}: {cause}", ledgen::tr!("severity-error"));
        } else {
            eprintln!("  {}: {cause}", ledgen::tr!("error-caused-by"));
        }
    }
}

/// The content error `cause` is or carries.
fn content_error<'a>(cause: &'a (dyn std::error::Error + 'static)) -> Option<&'a ContentError> {
    match cause.downcast_ref::<BuildError>() {
        Some(BuildError::Content(content)) => Some(content),
        _ => cause.downcast_ref::<ContentError>(),
    }
}
