//! Text helpers for matching what people type against names: case- and accent-insensitive.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases and strips accents, so "Zoë" matches "zoe" and "ÉQUIPE" matches "equipe".
/// Letters that Unicode does not decompose into a base letter and an accent (ø, ł, æ, ß...)
/// are spelled the way people type them on a plain keyboard.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        match plain_spelling(c) {
            Some(spelled) => out.push_str(spelled),
            None => out.push(c),
        }
    }
    out
}

fn plain_spelling(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ı' => "i",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        _ => return None,
    })
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
        assert_eq!(
            fold("Søren Łukasz Æsir Straße"),
            "soren lukasz aesir strasse"
        );
    }
}
