//! The language ledgen speaks: Swedish when the system's is Swedish (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`) or `--lang sv` asks for it, English otherwise; the same exit codes in both.

use std::process::{Command, Output};

use crate::common::root;

/// Runs `ledgen` in the repository with the locale variables `locale` sets (all others removed).
fn ledgen_with_locale(locale: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ledgen"));
    command.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    command.envs(locale.iter().copied()).env("NO_COLOR", "1");
    command.args(args).current_dir(root()).output().expect("failed to run ledgen")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_swedish_system_gets_swedish_messages_and_others_english() {
    let swedish = ledgen_with_locale(&[("LANG", "sv_SE.UTF-8")], &["check", "1999"]);
    let text = stderr(&swedish);
    assert_eq!(swedish.status.code(), Some(1), "{text}");
    assert!(text.starts_with("fel: "), "{text}");
    assert!(text.contains("2023"), "the years there are: {text}");

    let german = ledgen_with_locale(&[("LANG", "de_DE.UTF-8")], &["check", "1999"]);
    assert!(stderr(&german).starts_with("error: no report for 1999"), "{}", stderr(&german));

    // `LC_ALL` decides over `LANG`, as in every POSIX program.
    let c = ledgen_with_locale(&[("LC_ALL", "C"), ("LANG", "sv_SE.UTF-8")], &["check", "1999"]);
    assert!(stderr(&c).starts_with("error: "), "{}", stderr(&c));
    let messages = ledgen_with_locale(
        &[("LC_MESSAGES", "sv_SE.UTF-8"), ("LANG", "en_GB.UTF-8")],
        &["check", "1999"],
    );
    assert!(stderr(&messages).starts_with("fel: "), "{}", stderr(&messages));
}

#[test]
fn lang_chooses_over_the_system_in_either_place_on_the_command_line() {
    let english_system = [("LANG", "en_US.UTF-8")];
    for args in [&["--lang", "sv", "check", "1999"][..], &["check", "1999", "--lang=sv"]] {
        let output = ledgen_with_locale(&english_system, args);
        assert!(stderr(&output).starts_with("fel: "), "{args:?}: {}", stderr(&output));
    }
    let output = ledgen_with_locale(&[("LANG", "sv_SE.UTF-8")], &["--lang", "en", "check", "1999"]);
    assert!(stderr(&output).starts_with("error: "), "{}", stderr(&output));
}

#[test]
fn help_is_in_the_users_language() {
    let swedish = ledgen_with_locale(&[("LANG", "sv_SE.UTF-8")], &["build", "--help"]);
    let text = String::from_utf8_lossy(&swedish.stdout);
    assert_eq!(swedish.status.code(), Some(0));
    assert!(text.contains("Användning:"), "{text}");
    assert!(!text.contains("Usage:"), "{text}");
    let english = ledgen_with_locale(&[], &["build", "--help"]);
    assert!(String::from_utf8_lossy(&english.stdout).contains("Usage:"));
}

#[test]
fn a_successful_check_reports_in_swedish() {
    let output = ledgen_with_locale(&[("LANG", "sv_SE.UTF-8")], &["check", "2023"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(!text.contains("error") && !text.contains("warning"), "{text}");
    let english = ledgen_with_locale(&[("LC_ALL", "C")], &["check", "2023"]);
    assert_ne!(text, stderr(&english), "the same words in both languages");
}
