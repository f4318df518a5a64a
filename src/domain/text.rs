//! Text helpers for matching what people type against names: case- and accent-insensitive.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases and strips accents, so "Zoë" matches "zoe" and "ÉQUIPE" matches "equipe".
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `needle` occurs in `haystack`, ignoring case and accents.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Zoë Ångström"), "zoe angstrom");
        assert!(contains_folded("Équipe Données", "equipe don"));
        assert!(!contains_folded("Equipe", "quipo"));
        assert!(contains_folded("田中 太郎", "太郎"));
    }
}
