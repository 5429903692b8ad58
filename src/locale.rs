//! The language ledgen speaks to its user: every message (errors, warnings, hints, progress,
//! `--help`, serve's pages) in Swedish or English, read from Project Fluent files embedded in the
//! binary (`locales/sv.ftl`, `locales/en.ftl`: one file per language for a translator). The
//! language is chosen once, at start: `--lang`, else the system's (`LC_ALL`, `LC_MESSAGES`,
//! `LANG` on Linux and macOS; the user's display language on Windows), else English.
//!
//! Code asks for a message by its key, which is the same in every language:
//! `tr!("build-wrote", path = shown)`. A key missing from Swedish falls back to English; the
//! tests check that both files hold the same keys with the same variables, and that every key the
//! code asks for exists.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language ledgen's messages are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum UiLanguage {
    /// English, the fallback.
    #[default]
    En,
    /// Swedish.
    Sv,
}

impl UiLanguage {
    /// Every language, English (the fallback) first.
    pub const ALL: [UiLanguage; 2] = [UiLanguage::En, UiLanguage::Sv];

    /// The BCP 47 tag: `en`, `sv`.
    pub fn tag(self) -> &'static str {
        match self {
            UiLanguage::En => "en",
            UiLanguage::Sv => "sv",
        }
    }

    /// The language a tag such as `sv`, `sv_SE.UTF-8`, `sv-FI` or `en_GB` names, if it is one of
    /// ledgen's.
    pub fn from_tag(tag: &str) -> Option<UiLanguage> {
        let language = tag.split(['_', '-', '.', '@']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "sv" => Some(UiLanguage::Sv),
            "en" => Some(UiLanguage::En),
            _ => None,
        }
    }

    /// The Fluent source of the language's messages, as embedded in the program: one file per
    /// language, so that a translator edits one file.
    pub fn source(self) -> &'static str {
        match self {
            UiLanguage::En => include_str!("../locales/en.ftl"),
            UiLanguage::Sv => include_str!("../locales/sv.ftl"),
        }
    }
}

/// The language chosen for this run (stored as its index in [`UiLanguage::ALL`]).
static CHOSEN: AtomicU8 = AtomicU8::new(0);

/// Chooses the language every later message is written in.
pub fn set_language(language: UiLanguage) {
    CHOSEN.store(language as u8, Ordering::Relaxed);
}

thread_local! {
    /// A language that [`in_language`] chose for this thread only, over the run's.
    static THREAD_LANGUAGE: std::cell::Cell<Option<UiLanguage>> =
        const { std::cell::Cell::new(None) };
}

/// The language messages are written in.
pub fn language() -> UiLanguage {
    if let Some(language) = THREAD_LANGUAGE.with(std::cell::Cell::get) {
        return language;
    }
    match CHOSEN.load(Ordering::Relaxed) {
        1 => UiLanguage::Sv,
        _ => UiLanguage::En,
    }
}

/// Runs `f` with this thread's messages in `language`, whatever the run chose: how a test
/// asserts both languages' texts while other tests run beside it.
pub fn in_language<R>(language: UiLanguage, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<UiLanguage>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD_LANGUAGE.with(|cell| cell.set(self.0));
        }
    }
    let _restore = Restore(THREAD_LANGUAGE.with(|cell| cell.replace(Some(language))));
    f()
}

/// `value` with `places` decimals, written as the user's language writes numbers: "0.27" in
/// English, "0,27" in Swedish.
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match language() {
        UiLanguage::Sv => text.replace('.', ","),
        UiLanguage::En => text,
    }
}

/// The language the system's settings ask for, English when it is none of ledgen's.
pub fn system_language() -> UiLanguage {
    #[cfg(windows)]
    {
        windows_language()
    }
    #[cfg(not(windows))]
    {
        from_environment(|name| std::env::var(name).ok())
    }
}

/// The language of POSIX locale variables as `get` reads them: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides (so `LC_ALL=C` means English even
/// with `LANG=sv_SE.UTF-8`).
pub fn from_environment(get: impl Fn(&str) -> Option<String>) -> UiLanguage {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| get(name).filter(|value| !value.is_empty()))
        .and_then(|value| UiLanguage::from_tag(&value))
        .unwrap_or_default()
}

/// The user's display language on Windows (Swedish: primary language 0x1D).
#[cfg(windows)]
#[allow(unsafe_code, reason = "a call into Windows's API, which windows-sys declares unsafe")]
fn windows_language() -> UiLanguage {
    // SAFETY: the function takes no arguments and only reads the user's settings.
    let id = unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() };
    if id & 0x3ff == 0x1d { UiLanguage::Sv } else { UiLanguage::En }
}

/// The language `--lang` names among the program's arguments, looked up before they are parsed
/// so that `--help` is already in it.
pub fn from_arguments<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<UiLanguage> {
    let mut args = args.iter().map(|arg| arg.as_ref().to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return args.next().and_then(|value| UiLanguage::from_tag(&value));
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return UiLanguage::from_tag(value);
        }
    }
    None
}

/// One value of a message's variable.
pub type Arg<'a> = FluentValue<'a>;

/// The message `key` in the chosen language with its variables; see [`tr!`](crate::tr).
pub fn text(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    text_in(language(), key, args)
}

/// The message `key` in `language`, falling back to English, and to the key itself when neither
/// has it (which the tests rule out).
pub fn text_in(language: UiLanguage, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        fluent_args
    });
    for language in [language, UiLanguage::En] {
        let bundle = bundle(language);
        if let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            debug_assert!(errors.is_empty(), "message `{key}`: {errors:?}");
            return text.into_owned();
        }
    }
    debug_assert!(false, "no message `{key}`");
    key.to_string()
}

/// Whether `language`'s file holds a message `key`.
pub fn has_message(language: UiLanguage, key: &str) -> bool {
    bundle(language).has_message(key)
}

/// The parsed messages of `language`, made once.
fn bundle(language: UiLanguage) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[language as usize].get_or_init(|| {
        let tag = language.tag().parse().expect("a valid language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Messages go to terminals and log files, where Unicode isolation marks show as noise.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(language.source().to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{}.ftl: {errors:?}", language.tag()));
        bundle.add_resource(resource).expect("no message is defined twice");
        bundle
    })
}

/// The message `key` in the chosen language, with its variables: `tr!("key")`,
/// `tr!("key", path = shown, count = n)`. Each value is anything a Fluent value is made from
/// (text or a number).
#[macro_export]
macro_rules! tr {
    ($key:literal $(,)?) => {
        $crate::locale::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::locale::text(
            $key,
            &[$((stringify!($name), $crate::locale::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        assert_eq!(in_language(UiLanguage::En, || decimal(0.266, 2)), "0.27");
        assert_eq!(in_language(UiLanguage::Sv, || decimal(0.266, 2)), "0,27");
        assert_eq!(in_language(UiLanguage::Sv, || decimal(12.0, 1)), "12,0");
    }

    #[test]
    fn the_system_language_comes_from_the_first_locale_variable_that_is_set() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs.iter().find(|(n, _)| *n == name).map(|(_, value)| (*value).to_string())
            }
        };
        assert_eq!(from_environment(env(&[("LANG", "sv_SE.UTF-8")])), UiLanguage::Sv);
        assert_eq!(from_environment(env(&[("LANG", "sv_FI")])), UiLanguage::Sv);
        assert_eq!(from_environment(env(&[("LANG", "de_DE.UTF-8")])), UiLanguage::En);
        assert_eq!(from_environment(env(&[])), UiLanguage::En);
        let c_overrides = env(&[("LC_ALL", "C"), ("LANG", "sv_SE.UTF-8")]);
        assert_eq!(from_environment(c_overrides), UiLanguage::En);
        let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "sv_SE.UTF-8"), ("LANG", "en_US")]);
        assert_eq!(from_environment(messages), UiLanguage::Sv);
    }

    #[test]
    fn lang_is_found_before_the_arguments_are_parsed() {
        assert_eq!(from_arguments(&["ledgen", "build", "--lang", "sv"]), Some(UiLanguage::Sv));
        assert_eq!(from_arguments(&["ledgen", "--lang=en", "check"]), Some(UiLanguage::En));
        assert_eq!(from_arguments(&["ledgen", "build", "--lang", "fi"]), None);
        assert_eq!(from_arguments(&["ledgen", "build", "--", "--lang", "sv"]), None);
    }

    #[test]
    fn a_thread_can_speak_another_language_than_the_run() {
        let sv = in_language(UiLanguage::Sv, || crate::tr!("content-errors", count = 2));
        assert_eq!(sv, "innehållet har 2 fel");
        assert_eq!(language(), UiLanguage::En);
        let en = in_language(UiLanguage::En, || crate::tr!("content-errors", count = 2));
        assert_eq!(en, "the content has 2 errors");
    }

    #[test]
    fn a_message_is_formatted_in_either_language_with_its_variables() {
        let en = text_in(UiLanguage::En, "content-errors", &[("count", Arg::from(1))]);
        let sv = text_in(UiLanguage::Sv, "content-errors", &[("count", Arg::from(2))]);
        assert_eq!(en, "the content has 1 error");
        assert_eq!(sv, "innehållet har 2 fel");
        assert_eq!(
            text_in(UiLanguage::En, "content-errors", &[("count", Arg::from(3))]),
            "the content has 3 errors"
        );
    }

    /// The keys only Swedish has: the report's own words (`report-`), in the languages a report
    /// can be written in, and the Swedish `--help` (`cli-`), whose English is the command line's
    /// own documentation comments.
    const SWEDISH_ONLY: [&str; 2] = ["report-", "cli-"];

    /// Each message of a language's files with the variables it uses.
    fn messages(language: UiLanguage) -> std::collections::BTreeMap<String, Vec<String>> {
        use fluent_syntax::ast;
        fn walk_pattern(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
            for element in &pattern.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    walk_expression(expression, out);
                }
            }
        }
        fn walk_expression(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
            match expression {
                ast::Expression::Select { selector, variants } => {
                    walk_inline(selector, out);
                    for variant in variants {
                        walk_pattern(&variant.value, out);
                    }
                }
                ast::Expression::Inline(inline) => walk_inline(inline, out),
            }
        }
        fn walk_inline(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
            match inline {
                ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
                ast::InlineExpression::Placeable { expression } => walk_expression(expression, out),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    for argument in &arguments.positional {
                        walk_inline(argument, out);
                    }
                }
                _ => {}
            }
        }
        let mut messages = std::collections::BTreeMap::new();
        let resource = fluent_syntax::parser::parse(language.source()).expect("the file parses");
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut variables = Vec::new();
                if let Some(pattern) = &message.value {
                    walk_pattern(pattern, &mut variables);
                }
                variables.sort();
                variables.dedup();
                messages.insert(message.id.name.to_string(), variables);
            }
        }
        messages
    }

    #[test]
    fn both_languages_hold_the_same_messages_with_the_same_variables() {
        let en = messages(UiLanguage::En);
        let sv = messages(UiLanguage::Sv);
        let only_en: Vec<_> = en.keys().filter(|key| !sv.contains_key(*key)).collect();
        let only_sv: Vec<_> = sv
            .keys()
            .filter(|key| {
                !en.contains_key(*key) && !SWEDISH_ONLY.iter().any(|p| key.starts_with(p))
            })
            .collect();
        assert!(only_en.is_empty(), "not translated into Swedish: {only_en:?}");
        assert!(only_sv.is_empty(), "missing in English: {only_sv:?}");
        let differing: Vec<_> = en
            .iter()
            .filter(|(key, variables)| sv[*key] != **variables)
            .map(|(key, variables)| format!("{key}: en {variables:?}, sv {:?}", sv[key]))
            .collect();
        assert!(differing.is_empty(), "variables differ: {differing:#?}");
        for language in UiLanguage::ALL {
            // Every file parses without error and no key is defined twice.
            let _ = bundle(language);
        }
    }

    /// Every string literal in the program's source that looks like a message key.
    fn keys_in_source() -> (Vec<String>, String) {
        fn read(dir: &std::path::Path, all: &mut String) {
            for entry in std::fs::read_dir(dir).expect("src is readable") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    read(&path, all);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("locale.rs")
                {
                    all.push_str(&std::fs::read_to_string(&path).expect("a source file"));
                }
            }
        }
        let mut all = String::new();
        read(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut all);
        let mut asked = Vec::new();
        let mut rest = all.as_str();
        while let Some(at) = rest.find("tr!(") {
            let whole_word = !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            rest = rest[at + 4..].trim_start();
            if !whole_word {
                continue;
            }
            if let Some(literal) = rest.strip_prefix('"')
                && let Some(end) = literal.find('"')
            {
                asked.push(literal[..end].to_string());
            }
        }
        (asked, all)
    }

    #[test]
    fn every_key_the_program_asks_for_exists_and_every_message_is_used() {
        let (asked, source) = keys_in_source();
        let en = messages(UiLanguage::En);
        let missing: Vec<_> = asked.iter().filter(|key| !en.contains_key(*key)).collect();
        assert!(missing.is_empty(), "asked for but not in locales/en.ftl: {missing:?}");
        let unused: Vec<_> =
            en.keys().filter(|key| !source.contains(&format!("\"{key}\""))).collect();
        assert!(unused.is_empty(), "never asked for: {unused:?}");
        let sv = messages(UiLanguage::Sv);
        let unused_sv: Vec<_> = sv
            .keys()
            // The help's keys are made from the command line's names (src/help.rs checks them).
            .filter(|key| key.starts_with("report-"))
            .filter(|key| !source.contains(&format!("\"{key}\"")))
            .collect();
        assert!(unused_sv.is_empty(), "never asked for: {unused_sv:?}");
        let report_keys = source.match_indices("\"report-").map(|(at, _)| {
            let key = &source[at + 1..];
            key[..key.find('"').unwrap_or(key.len())].to_string()
        });
        let missing_sv: Vec<_> = report_keys.filter(|key| !sv.contains_key(key)).collect();
        assert!(missing_sv.is_empty(), "asked for but not in locales/sv.ftl: {missing_sv:?}");
    }
}
