//! Text helpers for matching what people type against names: case- and accent-insensitive,
//! and blind to characters that do not show.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases and strips accents, so "Zoë" matches "zoe" and "ÉQUIPE" matches "equipe".
/// Letters that Unicode does not decompose into a base letter and an accent (ø, ł, æ, ß...)
/// are spelled the way people type them on a plain keyboard. Characters that do not show
/// ([`is_invisible`]: zero-width spaces and joiners, soft hyphens, bidi controls...) are
/// dropped, so "Spo\u{200B}of" folds like "Spoof": a name that looks the same is the same.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .nfkd()
        .filter(|c| !is_combining_mark(*c) && !is_invisible(*c))
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

/// The key under which two names of one kind (workspaces of an organization) count as the
/// same: [`fold`] of the name without its surrounding spaces.
pub fn name_key(name: &str) -> String {
    fold(name.trim())
}

/// Unicode's default-ignorable code points (`Default_Ignorable_Code_Point`): characters a
/// renderer shows as nothing unless it supports them, so two names that differ only by them
/// look identical. The bidi controls are among them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// The characters that change the direction of the text around them (embeddings, overrides,
/// isolates and marks): U+202E turns "exe.txt" around. Shown as a visible escape by the
/// console, never obeyed.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        u32::from(c),
        0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069
    )
}

/// `text` with every bidi control written as a visible escape such as `<U+202E>`, so a name
/// holding one cannot turn the rest of a line around wherever it is shown.
pub fn bidi_escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_bidi_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_bidi_control(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `needle` occurs in `haystack`, ignoring case and accents.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    Needle::new(needle).found_in(haystack)
}

/// Text looked for in many names, folded ([`fold`]) once rather than once per name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle(String);

impl Needle {
    pub fn new(text: &str) -> Self {
        Self(fold(text))
    }

    /// Whether it occurs in `haystack`, ignoring case and accents.
    pub fn found_in(&self, haystack: &str) -> bool {
        fold(haystack).contains(&self.0)
    }

    /// Whether `text` is it whole, ignoring case and accents.
    pub fn is_all_of(&self, text: &str) -> bool {
        fold(text) == self.0
    }
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

    #[test]
    fn a_needle_is_found_inside_or_matched_whole() {
        let needle = Needle::new("ÉQUIPE");
        assert!(needle.found_in("Notre équipe données"));
        assert!(needle.is_all_of("equipe"));
        assert!(!needle.is_all_of("equipes"));
    }

    #[test]
    fn lookalike_names_share_their_key() {
        let plain = name_key("Spoof");
        for lookalike in [
            "Spo\u{200B}of",
            "Spo\u{00AD}of",
            "Sp\u{200D}oof",
            "\u{202E}Spoof",
            "Spoof\u{2066}",
            "S\u{FEFF}poof ",
            "Spo\u{E0041}of",
        ] {
            assert_eq!(name_key(lookalike), plain, "{lookalike:?}");
        }
        assert_ne!(name_key("Sp00f"), plain);
        assert!(is_bidi_control('\u{202E}') && is_invisible('\u{202E}'));
        assert!(!is_bidi_control('\u{200B}') && is_invisible('\u{200B}'));
        assert!(!is_invisible('a') && !is_invisible(' ') && !is_invisible('🚀'));
    }
}
