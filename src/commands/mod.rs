//! The subcommands: each wires the pipeline stages together and reports to the user.

pub mod all;
pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod history;
pub mod init;
pub mod new;
pub mod schema;
pub mod serve;
pub mod summary;

/// Text cut to at most `n` characters, with an ellipsis when cut.
fn cut(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(n.saturating_sub(1)).collect::<String>().trim_end())
    }
}
