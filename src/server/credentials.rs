//! API key material: generation, hashing at rest, and the masked form shown in lists.
//!
//! Keys are 32 random alphanumeric characters (about 190 bits), so a plain SHA-256 is a
//! sufficient at-rest hash; lookups go by hash and a constant-time compare confirms the match.

use rand::Rng;
use rand::distr::Alphanumeric;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::domain::SecretString;

pub const KEY_LENGTH: usize = 32;

pub fn generate_key() -> SecretString {
    let key: String = rand::rng()
        .sample_iter(&Alphanumeric)
        .take(KEY_LENGTH)
        .map(char::from)
        .collect();
    SecretString::new(key)
}

pub fn hash_key(key: &str) -> Vec<u8> {
    Sha256::digest(key.as_bytes()).to_vec()
}

/// Whether a stored hash belongs to the presented key, without timing leaks.
pub fn hash_matches(stored: &[u8], presented_key: &str) -> bool {
    stored.ct_eq(&hash_key(presented_key)).into()
}

/// The display form of a key in lists: first four and last four characters.
pub fn hidden_form(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 12 {
        return "****".to_owned();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}...{tail}")
}

/// The last four characters, which the key list's `name` filter also matches.
pub fn suffix(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    chars[chars.len().saturating_sub(4)..].iter().collect()
}

/// The shortest key `serve --admin-key` / `MISTRAL_ADMIN_API_KEY` accepts: a short key can be
/// guessed, and the generated ones are 32 characters.
pub const MIN_FIXED_KEY_LENGTH: usize = 20;
/// The longest key any request may carry.
pub const MAX_KEY_LENGTH: usize = 256;

/// Why a key chosen by the operator cannot serve as an admin key, if it cannot: too short, too
/// long, or holding a character outside the bearer-token alphabet (letters, digits and
/// `-._~+/`, with `=` only at the end). A key with a space or a newline would start a server
/// that no client can authenticate to. The message never repeats the key.
pub fn fixed_key_problem(key: &str) -> Option<String> {
    let length = key.chars().count();
    if length < MIN_FIXED_KEY_LENGTH {
        return Some(format!(
            "the admin key must be at least {MIN_FIXED_KEY_LENGTH} characters long (this one has \
             {length}); leave it out to get a generated one"
        ));
    }
    if length > MAX_KEY_LENGTH {
        return Some(format!(
            "the admin key must be at most {MAX_KEY_LENGTH} characters long (this one has {length})"
        ));
    }
    let body = key.trim_end_matches('=');
    let stray = body
        .chars()
        .position(|c| !(c.is_ascii_alphanumeric() || "-._~+/".contains(c)));
    stray.map(|at| {
        let what = match body.chars().nth(at) {
            Some(' ') => "a space".to_owned(),
            Some(c) if c.is_control() => "a control character (a pasted line break?)".to_owned(),
            Some('=') => "'=' before the end".to_owned(),
            Some(c) if c.is_ascii_graphic() => format!("'{c}'"),
            _ => "a character outside ASCII".to_owned(),
        };
        format!(
            "the admin key may hold only letters, digits and -._~+/ (with = only at the end); \
             it has {what} at position {}",
            at + 1
        )
    })
}

/// Whether a string could be a key at all; anything else is rejected before a lookup.
pub fn looks_like_key(candidate: &str) -> bool {
    !candidate.is_empty()
        && candidate.len() <= MAX_KEY_LENGTH
        && candidate.chars().all(|c| c.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_are_distinct_alphanumeric_and_hash_stably() {
        let a = generate_key();
        let b = generate_key();
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), KEY_LENGTH);
        assert!(a.expose().chars().all(|c| c.is_ascii_alphanumeric()));
        assert!(hash_matches(&hash_key(a.expose()), a.expose()));
        assert!(!hash_matches(&hash_key(a.expose()), b.expose()));
    }

    #[test]
    fn fixed_keys_must_be_long_tokens() {
        assert_eq!(fixed_key_problem("HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y"), None);
        assert_eq!(fixed_key_problem("abc-def_ghi.jkl~mno+pq/rs=="), None);
        let short = fixed_key_problem("a").unwrap();
        assert!(
            short.contains("at least 20") && short.contains("has 1"),
            "{short}"
        );
        let spaced = fixed_key_problem("HQSxfB7IaJRKNHRv 0e5OAYJNO1h2Ug6Y").unwrap();
        assert!(spaced.contains("a space at position 17"), "{spaced}");
        let newline = fixed_key_problem("HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y\n").unwrap();
        assert!(newline.contains("control character"), "{newline}");
        let inner_pad = fixed_key_problem("HQSxfB7IaJRK=NHRv0e5OAYJNO1h2Ug6Y").unwrap();
        assert!(inner_pad.contains("'=' before the end"), "{inner_pad}");
        for problem in [short, spaced, newline, inner_pad] {
            assert!(!problem.contains("HQSx"), "{problem}");
        }
        assert!(fixed_key_problem(&"a".repeat(257)).is_some());
    }

    #[test]
    fn hidden_form_shows_only_the_ends() {
        assert_eq!(
            hidden_form("HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y"),
            "HQSx...Ug6Y"
        );
        assert_eq!(suffix("HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y"), "Ug6Y");
    }
}
