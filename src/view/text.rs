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

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: [&str; 16] = [
    "t.ex.", "bl.a.", "m.m.", "s.k.", "dvs.", "d.v.s.", "osv.", "etc.", "ca.", "kap.", "nr.",
    "resp.", "jfr.", "e.g.", "i.e.", "p.g.a.",
];

/// The first sentence of `text`, at most `max_words` words (cut between words, with "…"), and
/// whether anything of the text was left out: a slide shows what can be read from across a
/// room, and says where the rest is.
pub fn first_sentence(text: &str, max_words: usize) -> (String, bool) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut end = words.len();
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1);
        if ends_sentence(word) && next.is_none_or(|n| starts_sentence(n)) {
            end = i + 1;
            break;
        }
    }
    if end > max_words {
        let mut cut = words[..max_words].join(" ");
        // A cut sentence ends in the ellipsis, not in a comma or a dash.
        while cut.ends_with([',', ';', ':', '–', '-']) {
            cut.pop();
        }
        cut.push('…');
        return (cut, true);
    }
    (words[..end].join(" "), end < words.len())
}

/// Whether `word` ends a sentence: a full stop, question or exclamation mark (before a closing
/// bracket or quote), not an abbreviation or an initial.
fn ends_sentence(word: &str) -> bool {
    let bare = word.trim_end_matches([')', '"', '”', '’', '»']);
    if !bare.ends_with(['.', '!', '?']) {
        return false;
    }
    let lower = bare.to_lowercase();
    let initial = bare.chars().count() == 2 && bare.starts_with(char::is_uppercase);
    !(ABBREVIATIONS.contains(&lower.as_str()) || initial)
}

/// Whether `word` can start a sentence: a capital letter (or a quote or bracket before one).
fn starts_sentence(word: &str) -> bool {
    word.trim_start_matches(['(', '"', '”', '«', '\'']).starts_with(char::is_uppercase)
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

    #[test]
    fn the_first_sentence_is_cut_between_words_and_says_so() {
        let text = "Inför en rutin för loggning. Den ska följas upp varje kvartal.";
        assert_eq!(first_sentence(text, 10), ("Inför en rutin för loggning.".into(), true));
        assert_eq!(first_sentence("En enda mening.", 10), ("En enda mening.".into(), false));
        // Abbreviations, section references and initials end no sentence.
        let text = "Enligt 18 kap. 8 § OSL och bl.a. GDPR gäller K. Ek. Sedan mer.";
        assert_eq!(
            first_sentence(text, 20).0,
            "Enligt 18 kap. 8 § OSL och bl.a. GDPR gäller K. Ek."
        );
        // Too long a sentence is cut after a whole word, never inside one, nor after a comma.
        let (cut, more) = first_sentence("ett två tre, fyra fem sex", 3);
        assert_eq!((cut.as_str(), more), ("ett två tre…", true));
        assert_eq!(first_sentence("", 5), (String::new(), false));
    }
}
