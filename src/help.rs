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
        UiLanguage::Sv => {
            let mut command = swedish(command, "ledgen");
            command.build();
            swedish_usage(&mut command);
            command
        }
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
        let key = format!("cli-{path}--{id}");
        command = command.mut_arg(id, |arg| swedish_argument(arg, &key));
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

/// The Swedish text of message `key`, if `locales/sv.ftl` has one.
fn swedish_text(key: &str) -> Option<String> {
    locale::has_message(UiLanguage::Sv, key).then(|| locale::text_in(UiLanguage::Sv, key, &[]))
}

/// An argument with its Swedish help (message `key`), under a Swedish heading, and its default
/// and possible values in Swedish words; values that are described (`build --format`'s) are
/// listed with their Swedish descriptions (`<key>-<value>`) in the long help, as clap lists the
/// English ones.
fn swedish_argument(arg: Arg, key: &str) -> Arg {
    let mut help = swedish_text(key)
        .unwrap_or_else(|| arg.get_help().map(|h| h.to_string()).unwrap_or_default());
    let described: Vec<(String, String)> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set() && value.get_help().is_some())
        .filter_map(|value| {
            let name = value.get_name();
            Some((name.to_string(), swedish_text(&format!("{key}-{name}"))?))
        })
        .collect();
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
    let long_help = (!described.is_empty()).then(|| {
        let width = described.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0);
        let values: Vec<String> = described
            .iter()
            .map(|(name, text)| {
                format!("- {name}:{:pad$} {text}", "", pad = width - name.chars().count())
            })
            .collect();
        let mut long =
            format!("{help}\n\n{}:\n{}", word("cli-heading-possible-values"), values.join("\n"));
        if let Some(default) = details.iter().find(|d| d.starts_with(&word("cli-default"))) {
            long.push_str(&format!("\n\n[{default}]"));
        }
        long
    });
    if !details.is_empty() {
        help = format!("{help} [{}]", details.join("] ["));
    }
    let heading = if arg.is_positional() { "cli-heading-arguments" } else { "cli-heading-options" };
    let arg = match arg.get_help_heading() {
        Some(_) => arg,
        None => arg.help_heading(word(heading)),
    };
    let arg = match swedish_value_names(&arg) {
        Some(names) => arg.value_names(names),
        None => arg,
    };
    let arg = match long_help {
        Some(long) => arg.long_help(long),
        None => arg.long_help(None),
    };
    arg.help(help).hide_default_value(true).hide_possible_values(true)
}

/// The Swedish names of the values `arg` takes ("ÅR" for "YEAR", "MAPP" for "DIR"), from
/// `cli-value-<name>`; `None` for a flag, or a name with no Swedish one.
fn swedish_value_names(arg: &Arg) -> Option<Vec<String>> {
    if !arg.get_action().takes_values() {
        return None;
    }
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(|name| name.to_string()).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    };
    let key = |name: &String| format!("cli-value-{name}");
    names
        .iter()
        .all(|name| locale::has_message(UiLanguage::Sv, &key(name)))
        .then(|| names.iter().map(|name| word(&key(name))).collect())
}

/// Every subcommand's usage line with clap's placeholders in Swedish ("[FLAGGOR]" for
/// "[OPTIONS]"); clap writes them itself, so the usage it renders is rewritten.
fn swedish_usage(command: &mut Command) {
    let usage = command.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let usage = usage
        .replace("[OPTIONS]", &format!("[{}]", word("cli-usage-options")))
        .replace("<COMMAND>", &format!("<{}>", word("cli-usage-command")))
        .replace("[COMMAND]", &format!("[{}]", word("cli-usage-command")));
    *command = std::mem::take(command).override_usage(usage);
    for sub in command.get_subcommands_mut() {
        swedish_usage(sub);
    }
}

/// clap's error `error` in Swedish, as clap lays it out: what is wrong, a suggestion where
/// clap has one, the usage line and where to read more. `None` for what is not an error (the
/// help, the version) and for the kinds a user meets too seldom to be worth translating.
pub fn swedish_error(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let value = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::StyledStr(text)) => Some(text.to_string()),
        Some(ContextValue::Strings(texts)) => Some(texts.join("', '")),
        Some(ContextValue::StyledStrs(texts)) => {
            Some(texts.iter().map(ToString::to_string).collect::<Vec<_>>().join("', '"))
        }
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let argument = value(ContextKind::InvalidArg).unwrap_or_default();
    let got = value(ContextKind::InvalidValue).unwrap_or_default();
    let what = match error.kind() {
        ErrorKind::InvalidSubcommand => {
            let subcommand = value(ContextKind::InvalidSubcommand).unwrap_or_default();
            message("cli-error-unknown-command", &[("command", subcommand)])
        }
        ErrorKind::UnknownArgument => {
            message("cli-error-unknown-argument", &[("argument", argument)])
        }
        ErrorKind::InvalidValue => match value(ContextKind::ValidValue) {
            Some(known) => message(
                "cli-error-invalid-value",
                &[("value", got), ("argument", argument), ("known", known)],
            ),
            None => {
                message("cli-error-value-validation", &[("value", got), ("argument", argument)])
            }
        },
        ErrorKind::ValueValidation => {
            message("cli-error-value-validation", &[("value", got), ("argument", argument)])
        }
        ErrorKind::MissingRequiredArgument => {
            message("cli-error-missing-argument", &[("argument", argument)])
        }
        ErrorKind::ArgumentConflict => {
            let other = value(ContextKind::PriorArg).unwrap_or_default();
            message("cli-error-conflict", &[("argument", argument), ("other", other)])
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            message("cli-error-unexpected-value", &[("value", got), ("argument", argument)])
        }
        _ => return None,
    };
    let mut out = format!("{}: {what}\n", word("severity-error"));
    let suggested =
        value(ContextKind::SuggestedSubcommand).or_else(|| value(ContextKind::SuggestedArg));
    if let Some(suggested) = suggested {
        let hint = message("cli-error-did-you-mean", &[("suggestion", suggested)]);
        out.push_str(&format!("\n  {}: {hint}\n", word("note-hint")));
    }
    if let Some(usage) = value(ContextKind::Usage) {
        let usage = usage.trim_start().strip_prefix("Usage:").unwrap_or(&usage).trim();
        out.push_str(&format!("\n{} {usage}\n", word("cli-usage")));
    }
    out.push_str(&format!("\n{}\n", word("cli-error-more")));
    Some(out)
}

/// The Swedish message `key` with `args`.
fn message(key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, locale::Arg<'_>)> =
        args.iter().map(|(name, value)| (*name, locale::Arg::from(value.as_str()))).collect();
    locale::text_in(UiLanguage::Sv, key, &args)
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
            for value in arg.get_possible_values().iter().filter(|v| v.get_help().is_some()) {
                out.push(format!("cli-{path}--{}-{}", arg.get_id(), value.get_name()));
            }
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
        let own = [
            "cli-usage",
            "cli-usage-options",
            "cli-usage-command",
            "cli-help",
            "cli-version",
            "cli-default",
            "cli-possible-values",
        ];
        let stale: Vec<_> = source
            .lines()
            .filter_map(|line| line.split_once(" =").map(|(key, _)| key.trim()))
            .filter(|key| {
                key.starts_with("cli-")
                    && !key.starts_with("cli-heading-")
                    && !key.starts_with("cli-value-")
                    && !key.starts_with("cli-error-")
            })
            .filter(|key| !own.contains(key) && !expected.iter().any(|e| e == key))
            .collect();
        assert!(stale.is_empty(), "Swedish help of no command or argument: {stale:?}");
    }

    #[test]
    fn mistakes_on_the_command_line_are_told_in_swedish() {
        let error = |args: &[&str]| {
            let error = localised(Cli::command(), UiLanguage::Sv)
                .try_get_matches_from(args)
                .expect_err("a mistake");
            swedish_error(&error).expect("Swedish")
        };
        let text = error(&["ledgen", "biuld"]);
        assert!(text.starts_with("fel: okänt kommando 'biuld'\n"), "{text}");
        assert!(text.contains("tips: menade du 'build'?"), "{text}");
        assert!(text.contains("Användning: ledgen [FLAGGOR] <KOMMANDO>"), "{text}");
        let text = error(&["ledgen", "build", "--publik"]);
        assert!(text.contains("okänd flagga '--publik'") && text.contains("'--public'"), "{text}");
        let text = error(&["ledgen", "build", "--lang", "de"]);
        assert!(text.contains("'de' går inte att ge till '--lang <SPRÅK>'"), "{text}");
        assert!(text.contains("möjliga värden: 'sv', 'en'"), "{text}");
        let text = error(&["ledgen", "new"]);
        assert!(text.contains("det här måste anges: <ÅR>"), "{text}");
        for english in ["error:", "Usage:", "unrecognized", "For more information"] {
            assert!(!text.contains(english), "{english} in {text}");
        }
        let help =
            localised(Cli::command(), UiLanguage::Sv).try_get_matches_from(["ledgen", "--help"]);
        assert!(swedish_error(&help.expect_err("help is shown as an error")).is_none());
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
        assert!(build.contains("ledgen build [FLAGGOR] [ÅR]"), "{build}");
        assert!(build.contains("--content <MAPP>"), "{build}");
        for english in
            ["Usage:", "Options:", "Arguments:", "[default:", "Print help", "[OPTIONS]", "<DIR>"]
        {
            assert!(!build.contains(english), "{english} in\n{build}");
        }
        // The formats with what each is for, in Swedish, in the long help as in English's.
        let long =
            command.find_subcommand_mut("build").expect("build").render_long_help().to_string();
        assert!(long.contains("Möjliga värden:\n"), "{long}");
        assert!(long.contains("- slides: presentationen för ledningens genomgång"), "{long}");
        assert!(long.contains("- docx:   Word-utgåvan"), "{long}");
        assert!(!long.contains("the Word edition"), "{long}");
        // English is the documentation comments, untouched.
        let english = localised(Cli::command(), UiLanguage::En).render_help().to_string();
        assert!(english.contains("Usage:") && english.contains("Commands:"), "{english}");
    }
}
