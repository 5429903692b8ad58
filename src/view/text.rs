//! Text for narrow places: a table cell, a line of a terminal, a slide.

/// Text cut to at most `n` characters, with an ellipsis when cut (for a line of a table or a
/// terminal).
pub fn shortened(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(n.saturating_sub(1)).collect::<String>().trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_text_is_shortened() {
        assert_eq!(shortened("kort", 4), "kort");
        assert_eq!(shortened("ganska lång text", 8), "ganska…");
        assert_eq!(shortened("åäö åäö", 5), "åäö…");
    }
}
