//! The command line's help in Swedish. clap writes `--help` from the documentation comments of
//! [`crate::cli`], which are English; for a Swedish user every command's and argument's text is
//! replaced by its `cli-…` message from `locales/sv.ftl`, and clap's own words (the headings,
//! "[default: …]", the generated `--help` and `help`) by Swedish ones. The keys are
//! `cli-<command path>` for a command's description and `cli-<command path>--<argument>` for an
//! argument's, e.g. `cli-build` and `cli-build--public` (the top level's path is `ledgen`).

use clap::{Arg, ArgAction, Command};
use ledgen::locale::{self, UiLanguage};

/// The command line `command` in `language`: as it is for English, in Swedish otherwise.
pub fn localised(command: Command, language: UiLanguage) -> Command {
    match language {
        UiLanguage::En => command,
        UiLanguage::Sv => swedish(command, "ledgen"),
    }
}

/// `command` and its subcommands with Swedish help; `path` names it in the message keys.
fn swedish(mut command: Command, path: &str) -> Command {
    let text = |key: String| {
        locale::has_message(UiLanguage::Sv, &key)
            .then(|| locale::text_in(UiLanguage::Sv, &key, &[]))
    };
    if let Some(about) = text(format!("cli-{path}")) {
        command = command.about(about).long_about(None);
    }
    let arguments: Vec<String> =
        command.get_arguments().map(|arg| arg.get_id().to_string()).collect();
    for id in arguments {
        let help = text(format!("cli-{path}--{id}"));
        command = command.mut_arg(id, |arg| swedish_argument(arg, help));
    }
    let subcommands: Vec<String> =
        command.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    for name in subcommands {
        let path = format!("{path}-{name}");
        command = command.mut_subcommand(name, |sub| swedish(sub, &path));
    }
    command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            word("cli-usage")
        ))
        .subcommand_help_heading(word("cli-heading-commands"))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(word("cli-help"))
                .help_heading(word("cli-heading-options")),
        )
        .args((path == "ledgen").then(|| {
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(word("cli-version"))
                .help_heading(word("cli-heading-options"))
        }))
}

/// An argument with its Swedish `help`, under a Swedish heading, and its default and possible
/// values in Swedish words.
fn swedish_argument(arg: Arg, help: Option<String>) -> Arg {
    let mut help =
        help.unwrap_or_else(|| arg.get_help().map(|h| h.to_string()).unwrap_or_default());
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    let shown_values: Vec<String> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| value.get_name().to_string())
            .collect()
    };
    let flag = !arg.get_action().takes_values();
    let mut details = Vec::new();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() && !flag {
        details.push(format!("{}: {}", word("cli-default"), defaults.join(", ")));
    }
    if !shown_values.is_empty() && !flag {
        details.push(format!("{}: {}", word("cli-possible-values"), shown_values.join(", ")));
    }
    if !details.is_empty() {
        help = format!("{help} [{}]", details.join("] ["));
    }
    let heading = if arg.is_positional() { "cli-heading-arguments" } else { "cli-heading-options" };
    let arg = match arg.get_help_heading() {
        Some(_) => arg,
        None => arg.help_heading(word(heading)),
    };
    arg.help(help).long_help(None).hide_default_value(true).hide_possible_values(true)
}

/// One of clap's own words in Swedish.
fn word(key: &str) -> String {
    locale::text_in(UiLanguage::Sv, key, &[])
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every command's and argument's key, with whether it is a command's.
    fn keys(command: &Command, path: &str, out: &mut Vec<String>) {
        out.push(format!("cli-{path}"));
        for arg in command.get_arguments() {
            out.push(format!("cli-{path}--{}", arg.get_id()));
        }
        for sub in command.get_subcommands() {
            keys(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_swedish_help_and_every_swedish_help_is_of_one() {
        let mut expected = Vec::new();
        keys(&Cli::command(), "ledgen", &mut expected);
        let missing: Vec<_> =
            expected.iter().filter(|key| !locale::has_message(UiLanguage::Sv, key)).collect();
        assert!(missing.is_empty(), "no Swedish help in locales/sv.ftl: {missing:#?}");
        let source = UiLanguage::Sv.source();
        let own = ["cli-usage", "cli-help", "cli-version", "cli-default", "cli-possible-values"];
        let stale: Vec<_> = source
            .lines()
            .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim()))
            .filter(|key| key.starts_with("cli-") && !key.starts_with("cli-heading-"))
            .filter(|key| !own.contains(key) && !expected.iter().any(|e| e == key))
            .collect();
        assert!(stale.is_empty(), "Swedish help of no command or argument: {stale:?}");
    }

    #[test]
    fn the_swedish_help_is_swedish_from_the_headings_to_the_defaults() {
        let mut command = localised(Cli::command(), UiLanguage::Sv);
        let top = command.render_help().to_string();
        assert!(top.starts_with(&word("cli-ledgen")[..20]), "{top}");
        for heading in ["Användning:", "Kommandon:", "Flaggor:", "Visa hjälpen"] {
            assert!(top.contains(heading), "{heading} in\n{top}");
        }
        let build = command.find_subcommand_mut("build").expect("build").render_help().to_string();
        // Its first words (clap wraps the rest to the terminal's width).
        let public = locale::text_in(UiLanguage::Sv, "cli-ledgen-build--public", &[]);
        let start: String = public.chars().take(40).collect();
        assert!(build.contains(&start), "{start} in\n{build}");
        assert!(build.contains("[standard: "), "{build}");
        for english in ["Usage:", "Options:", "Arguments:", "[default:", "Print help"] {
            assert!(!build.contains(english), "{english} in\n{build}");
        }
        // English is the documentation comments, untouched.
        let english = localised(Cli::command(), UiLanguage::En).render_help().to_string();
        assert!(english.contains("Usage:") && english.contains("Commands:"), "{english}");
    }
}
