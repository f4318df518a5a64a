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

/// Whether a string could be a key at all; anything else is rejected before a lookup.
pub fn looks_like_key(candidate: &str) -> bool {
    !candidate.is_empty()
        && candidate.len() <= 256
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
    fn hidden_form_shows_only_the_ends() {
        assert_eq!(
            hidden_form("HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y"),
            "HQSx...Ug6Y"
        );
        assert_eq!(suffix("HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y"), "Ug6Y");
    }
}
