//! Matching two years' items: rows by id, then the rows left by the similarity of their words;
//! recommendations by id, `follows:`, then text. Only pairs whose word counts and shared words
//! can reach [`TEXT_MATCH_THRESHOLD`] are compared word by word.

use std::collections::{HashMap, HashSet};

use similar::TextDiff;

use super::compare::row_text;
use super::{Matched, TEXT_MATCH_THRESHOLD};
use crate::model::{PlacedRecommendation, PlacedRow};

/// Word-level similarity of two texts, 0–1: twice the words in common (in order) over the words
/// of both. Spaces do not count, or two texts sharing only their sentence frame would score high.
pub fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    TextDiff::from_slices(&a, &b).ratio()
}

/// Pairs the rows of two reports: by id, then the rest by text. Returns (old index, new index,
/// how) for each pair.
pub(super) fn pair_rows(
    old: &[PlacedRow<'_>],
    new: &[PlacedRow<'_>],
) -> Vec<(usize, usize, Matched)> {
    let old_by_id: HashMap<&str, usize> =
        old.iter().enumerate().map(|(i, r)| (r.row.id.value.as_str(), i)).collect();
    let mut pairs = Vec::new();
    let mut old_used = HashSet::new();
    let mut new_used = HashSet::new();
    for (j, row) in new.iter().enumerate() {
        if let Some(&i) = old_by_id.get(row.row.id.value.as_str()) {
            pairs.push((i, j, Matched::Id));
            old_used.insert(i);
            new_used.insert(j);
        }
    }
    // Then the best text matches among the rows left; follow-up rows are never renamings. Only
    // the rows left need their text, and none when either side has none left.
    let old_free = |i: usize| !old_used.contains(&i) && old[i].row.follows.is_none();
    let new_free = |j: usize| !new_used.contains(&j) && new[j].row.follows.is_none();
    if !(0..old.len()).any(old_free) || !(0..new.len()).any(new_free) {
        return pairs;
    }
    let text = |free: bool, row: &PlacedRow<'_>| if free { row_text(row) } else { String::new() };
    let old_texts: Vec<String> =
        old.iter().enumerate().map(|(i, r)| text(old_free(i), r)).collect();
    let new_texts: Vec<String> =
        new.iter().enumerate().map(|(j, r)| text(new_free(j), r)).collect();
    let matches = text_matches(&strs(&old_texts), &strs(&new_texts), old_free, new_free);
    pairs
        .extend(matches.into_iter().map(|(i, j, similarity)| (i, j, Matched::Text { similarity })));
    pairs
}

/// The texts as string slices.
pub(super) fn strs(texts: &[String]) -> Vec<&str> {
    texts.iter().map(String::as_str).collect()
}

/// A text ready for matching: its words in order, for the exact similarity, and the same words
/// as sorted ids, for the bound on it.
struct Words<'a> {
    words: Vec<&'a str>,
    bag: Vec<u32>,
}

/// Splits each text into words and numbers the distinct words of all the texts, so that two
/// texts' shared words are counted by merging two sorted lists of numbers.
fn prepare<'a>(texts: &[&'a str], ids: &mut HashMap<&'a str, u32>) -> Vec<Words<'a>> {
    texts
        .iter()
        .map(|text| {
            let words: Vec<&str> = text.split_whitespace().collect();
            let mut bag: Vec<u32> = words
                .iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            bag.sort_unstable();
            Words { words, bag }
        })
        .collect()
}

/// How many words two sorted bags share, counting repeats: no common subsequence of the two
/// texts is longer, so `2 × shared / (a + b)` bounds their similarity from above.
fn shared_words(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The ratio `similar` computes from `matches` equal words: the same expression, so that a bound
/// on the matches is a bound on the ratio, rounding included.
fn ratio(matches: usize, a: usize, b: usize) -> f32 {
    2.0 * matches as f32 / (a + b) as f32
}

/// The best one-to-one pairs of texts at least [`TEXT_MATCH_THRESHOLD`] similar, among the free
/// ones, best first; similarity rounded to two decimals. A text without words matches nothing.
///
/// Only plausible pairs get the exact (quadratic) word diff: a pair is skipped when its word
/// counts alone, or then the words the two texts share (in any order), bound its similarity
/// below the threshold. The result is the same as comparing every pair
/// (`text_matches_exhaustive` in the tests checks it).
pub(super) fn text_matches(
    old: &[&str],
    new: &[&str],
    old_free: impl Fn(usize) -> bool,
    new_free: impl Fn(usize) -> bool,
) -> Vec<(usize, usize, f32)> {
    let mut ids = HashMap::new();
    let old_words = prepare(old, &mut ids);
    let new_words = prepare(new, &mut ids);
    // The free newer texts by word count, so that each earlier text visits only the counts
    // that can reach the threshold: min/max ≥ 2/3 (widened by one on each side for rounding;
    // the exact test follows).
    let mut by_count: Vec<(usize, usize)> = (0..new.len())
        .filter(|j| new_free(*j) && !new_words[*j].words.is_empty())
        .map(|j| (new_words[j].words.len(), j))
        .collect();
    by_count.sort_unstable();
    let mut candidates = Vec::new();
    for i in (0..old.len()).filter(|i| old_free(*i)) {
        let a = &old_words[i];
        let n = a.words.len();
        if n == 0 {
            continue;
        }
        let low = (2 * n / 3).saturating_sub(1);
        let high = 3 * n / 2 + 1;
        let start = by_count.partition_point(|(count, _)| *count < low);
        for &(m, j) in by_count[start..].iter().take_while(|(count, _)| *count <= high) {
            if ratio(n.min(m), n, m) < TEXT_MATCH_THRESHOLD {
                continue;
            }
            let b = &new_words[j];
            if ratio(shared_words(&a.bag, &b.bag), n, m) < TEXT_MATCH_THRESHOLD {
                continue;
            }
            let score = TextDiff::from_slices(&a.words, &b.words).ratio();
            if score >= TEXT_MATCH_THRESHOLD {
                candidates.push((score, i, j));
            }
        }
    }
    best_pairs(candidates)
}

/// The best one-to-one pairs among scored candidates: highest score first, ties by position.
pub(super) fn best_pairs(mut candidates: Vec<(f32, usize, usize)>) -> Vec<(usize, usize, f32)> {
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut old_used, mut new_used) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (score, i, j) in candidates {
        if !old_used.contains(&i) && !new_used.contains(&j) {
            old_used.insert(i);
            new_used.insert(j);
            out.push((i, j, (score * 100.0).round() / 100.0));
        }
    }
    out
}

/// For each newer recommendation, the earlier one it remains from, if any: the same id, else the
/// one its `follows:` names, else the closest text at least [`TEXT_MATCH_THRESHOLD`] similar
/// among the earlier ones nothing else claimed. Each list comes with its plain texts.
pub(super) fn pair_recommendations(
    (old, old_texts): (&[PlacedRecommendation<'_>], &[String]),
    (new, new_texts): (&[PlacedRecommendation<'_>], &[String]),
) -> Vec<Option<(usize, Matched)>> {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, o) in old.iter().enumerate() {
        // The first of a repeated id, as a search from the start would find.
        by_id.entry(o.recommendation.id.value.as_str()).or_insert(i);
    }
    let position = |id: &str| by_id.get(id).copied();
    let mut pairs: Vec<Option<(usize, Matched)>> = new
        .iter()
        .map(|n| {
            let rec = n.recommendation;
            position(&rec.id.value).map(|i| (i, Matched::Id)).or_else(|| {
                let follows = rec.follows.as_ref()?;
                position(&follows.value).map(|i| (i, Matched::Follows))
            })
        })
        .collect();
    let old_used: HashSet<usize> = pairs.iter().flatten().map(|(i, _)| *i).collect();
    // A recommendation that names an earlier one is never matched to another by text.
    let new_free = |j: usize| pairs[j].is_none() && new[j].recommendation.follows.is_none();
    let old_free = |i: usize| !old_used.contains(&i);
    let matches = text_matches(&strs(old_texts), &strs(new_texts), old_free, new_free);
    for (i, j, similarity) in matches {
        pairs[j] = Some((i, Matched::Text { similarity }));
    }
    pairs
}
