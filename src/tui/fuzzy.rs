//! A small fuzzy matcher for the pickers: the query's characters must appear in order;
//! consecutive runs, word starts and early matches score higher. Case and accents are ignored.

use crate::domain::text::fold;

/// A successful match: higher `score` is better; `positions` are char indices into the
/// original candidate, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub score: i64,
    pub positions: Vec<usize>,
}

const MATCH: i64 = 16;
const CONSECUTIVE: i64 = 24;
const WORD_START: i64 = 20;
const FIRST_CHAR: i64 = 12;
const GAP: i64 = 1;

/// A query folded once (case, accents and spaces dropped), to match against many candidates
/// without folding it again for each one.
#[derive(Debug, Clone)]
pub struct Query {
    needle: Vec<char>,
}

impl Query {
    pub fn new(query: &str) -> Self {
        Self {
            needle: fold(query).chars().filter(|c| !c.is_whitespace()).collect(),
        }
    }

    /// Matches `candidate`. An empty query matches everything with score 0.
    pub fn score(&self, candidate: &str) -> Option<Match> {
        if self.needle.is_empty() {
            return Some(Match {
                score: 0,
                positions: Vec::new(),
            });
        }
        let folded = fold_with_origins(candidate);
        // Most candidates do not contain the letters in order at all: a linear scan says so
        // before the quadratic alignment allocates anything.
        if !is_subsequence(&self.needle, &folded) {
            return None;
        }
        let (total, picks) = best_alignment(&self.needle, &folded)?;
        // Among equal matches, the shorter candidate is the closer one.
        let total = total - (folded.len() as i64) / 8;
        let mut positions: Vec<usize> = picks.iter().map(|&i| folded[i].1).collect();
        positions.dedup();
        Some(Match {
            score: total,
            positions,
        })
    }

    /// Matches a person-like candidate on its label and on a second text (an email): the
    /// better score wins. Positions are the label's, for highlighting, and empty when only the
    /// second text matched.
    pub fn score_either(&self, label: &str, other: &str) -> Option<Match> {
        let on_label = self.score(label);
        let on_other = self.score(other);
        match (on_label, on_other) {
            (Some(label), Some(other)) if other.score > label.score => Some(Match {
                score: other.score,
                positions: Vec::new(),
            }),
            (Some(label), _) => Some(label),
            (None, Some(other)) => Some(Match {
                score: other.score,
                positions: Vec::new(),
            }),
            (None, None) => None,
        }
    }
}

/// Candidates that match, best first; ties keep their input order.
pub fn rank<'a, T>(query: &str, items: &'a [T], text: impl Fn(&T) -> &str) -> Vec<(&'a T, Match)> {
    let query = Query::new(query);
    let mut found: Vec<(usize, &T, Match)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| query.score(text(item)).map(|m| (i, item, m)))
        .collect();
    found.sort_by(|a, b| b.2.score.cmp(&a.2.score).then(a.0.cmp(&b.0)));
    found.into_iter().map(|(_, item, m)| (item, m)).collect()
}

fn is_subsequence(needle: &[char], folded: &[(char, usize)]) -> bool {
    let mut wanted = needle.iter().peekable();
    for (c, _) in folded {
        if wanted.peek() == Some(&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// The highest-scoring placement of every needle character, found by dynamic programming
/// over (needle index, candidate position); `None` if the needle does not fit in order.
fn best_alignment(needle: &[char], folded: &[(char, usize)]) -> Option<(i64, Vec<usize>)> {
    const NONE: i64 = i64::MIN / 4;
    let (n, m) = (needle.len(), folded.len());
    if n > m {
        return None;
    }
    let bonus = |j: usize| {
        let mut b = MATCH;
        if j == 0 {
            b += FIRST_CHAR;
        }
        if j == 0 || !folded[j - 1].0.is_alphanumeric() {
            b += WORD_START;
        }
        b
    };
    // best[(i, j)]: best score with needle[i] placed at j; from[(i, j)]: where needle[i-1] was.
    let mut best = Table::new(n, m, NONE);
    let mut from = Table::new(n, m, usize::MAX);
    for j in 0..m {
        if folded[j].0 == needle[0] {
            best[(0, j)] = bonus(j);
        }
    }
    for i in 1..n {
        // Running best of best[i-1][k] + GAP*k over k < j-1, to price gaps in O(1).
        let mut far: (i64, usize) = (NONE, usize::MAX);
        for j in 1..m {
            if j >= 2 {
                let k = j - 2;
                if best[(i - 1, k)] > NONE {
                    let value = best[(i - 1, k)] + GAP * k as i64;
                    if value > far.0 {
                        far = (value, k);
                    }
                }
            }
            if folded[j].0 != needle[i] {
                continue;
            }
            let adjacent =
                (best[(i - 1, j - 1)] > NONE).then(|| (best[(i - 1, j - 1)] + CONSECUTIVE, j - 1));
            let gapped = (far.0 > NONE).then(|| (far.0 - GAP * (j as i64 - 1), far.1));
            let chosen = match (adjacent, gapped) {
                (Some(a), Some(g)) => Some(if a.0 >= g.0 { a } else { g }),
                (a, g) => a.or(g),
            };
            if let Some((score, k)) = chosen {
                best[(i, j)] = score + bonus(j);
                from[(i, j)] = k;
            }
        }
    }
    let (end, &total) = best
        .row(n - 1)
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > NONE)
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
    let mut picks = vec![end; n];
    for i in (1..n).rev() {
        picks[i - 1] = from[(i, picks[i])];
    }
    Some((total, picks))
}

/// One table of the alignment, rows by needle index, in one allocation.
struct Table<T> {
    columns: usize,
    cells: Vec<T>,
}

impl<T: Clone> Table<T> {
    fn new(rows: usize, columns: usize, fill: T) -> Self {
        Self {
            columns,
            cells: vec![fill; rows * columns],
        }
    }

    fn row(&self, row: usize) -> &[T] {
        &self.cells[row * self.columns..(row + 1) * self.columns]
    }
}

impl<T> std::ops::Index<(usize, usize)> for Table<T> {
    type Output = T;
    fn index(&self, (row, column): (usize, usize)) -> &T {
        &self.cells[row * self.columns + column]
    }
}

impl<T> std::ops::IndexMut<(usize, usize)> for Table<T> {
    fn index_mut(&mut self, (row, column): (usize, usize)) -> &mut T {
        &mut self.cells[row * self.columns + column]
    }
}

/// Each folded character with the index of the original character it came from.
fn fold_with_origins(text: &str) -> Vec<(char, usize)> {
    let mut out = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        // ASCII folds to its lower case; only the rest needs the Unicode decomposition.
        if c.is_ascii() {
            out.push((c.to_ascii_lowercase(), index));
            continue;
        }
        let mut buf = [0u8; 4];
        for folded in fold(c.encode_utf8(&mut buf)).chars() {
            out.push((folded, index));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(query: &str, candidate: &str) -> Option<Match> {
        Query::new(query).score(candidate)
    }

    #[test]
    fn characters_must_appear_in_order() {
        assert!(score("prd", "Product").is_some());
        assert!(score("dpr", "Product").is_none());
        assert!(score("xyz", "Product").is_none());
        assert_eq!(score("", "anything").unwrap().score, 0);
    }

    #[test]
    fn case_and_accents_are_ignored() {
        assert!(score("equipe", "Équipe Données").is_some());
        assert!(score("DONNEES", "Équipe Données").is_some());
        assert_eq!(score("zoe", "Zoë").unwrap().positions, vec![0, 1, 2]);
    }

    #[test]
    fn runs_and_word_starts_beat_scattered_letters() {
        let tight = score("res", "Research").unwrap().score;
        let loose = score("res", "Rapid Embedding Store").unwrap().score;
        let scattered = score("res", "Prototypes").unwrap().score;
        assert!(loose > scattered, "{loose} > {scattered}");
        assert!(tight > scattered, "{tight} > {scattered}");
    }

    #[test]
    fn positions_point_into_the_original_text() {
        let m = score("dt", "Data Team").unwrap();
        assert_eq!(m.positions, vec![0, 5]);
        let m = score("ml", "Machine learning").unwrap();
        assert_eq!(m.positions, vec![0, 8]);
    }

    #[test]
    fn the_best_placement_wins_over_the_first_one() {
        let m = score("ops", "Ops-Platform Ops").unwrap();
        assert_eq!(m.positions, vec![0, 1, 2]);
        let m = score("ab", "xa-ab").unwrap();
        assert_eq!(m.positions, vec![3, 4]);
    }

    #[test]
    fn the_ascii_shortcut_folds_like_the_full_folding() {
        let text: String =
            (0u8..128).map(char::from).collect::<String>() + "Zoë Łukasz Møller Straße æ ﬁ";
        let shortcut: String = fold_with_origins(&text).iter().map(|(c, _)| *c).collect();
        assert_eq!(shortcut, fold(&text));
    }

    #[test]
    fn one_query_serves_many_candidates() {
        let query = Query::new(" Zoë M");
        let m = query.score("Zoë Martin").unwrap();
        assert_eq!(m.positions, vec![0, 1, 2, 4]);
        assert!(query.score("zoe.martin@acme.example").is_some());
        assert!(query.score("Maria").is_none());
        assert!(Query::new("ZOE").score("zoë").is_some());
        assert!(Query::new("mo").score("Møller").is_some(), "ø folds to o");
        assert!(Query::new("lu").score("Łukasz").is_some(), "ł folds to l");
        let either = query
            .score_either("Someone Else", "zoe.m@acme.example")
            .unwrap();
        assert!(either.positions.is_empty(), "only the email matched");
    }

    #[test]
    fn ranking_puts_the_best_first_and_keeps_order_on_ties() {
        let names = [
            "Marketing",
            "Default Workspace",
            "Data Science",
            "Data Platform",
        ];
        let ranked = rank("data", &names, |s| s);
        let order: Vec<_> = ranked.iter().map(|(n, _)| **n).collect();
        assert_eq!(order[..2], ["Data Science", "Data Platform"]);
        assert!(order.contains(&"Default Workspace"));
        assert!(!order.contains(&"Marketing"));
    }
}
