//! A string that must never be shown: API keys and other credentials.
//!
//! `Debug` and `Display` print only a short hint so a key that ends up in a log line, an error
//! message or a panic report cannot be reused. Code that really needs the value calls
//! [`SecretString::expose`], which keeps every such place greppable.

use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The plaintext; call only where the value leaves the process on purpose (an HTTP header,
    /// the one response that creates a key, the one line `serve` prints for a new admin key).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A recognisable but useless fragment: the last four characters of a long value.
    pub fn hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < 16 {
            return "****".to_owned();
        }
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("…{tail}")
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretString({})", self.hint())
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hint())
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl Drop for SecretString {
    fn drop(&mut self) {
        // Overwrite the bytes we own before the allocation is freed; copies made by callers
        // through `expose` are theirs to handle.
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_contain_the_value() {
        let key = SecretString::new("HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y");
        for shown in [
            format!("{key:?}"),
            format!("{key}"),
            format!("{:#?}", Some(&key)),
        ] {
            assert!(
                !shown.contains("HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y"),
                "{shown}"
            );
            assert!(!shown.contains("HQSx"), "{shown}");
        }
        assert_eq!(key.hint(), "…Ug6Y");
        assert_eq!(key.expose(), "HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y");
    }

    #[test]
    fn short_values_show_no_characters_at_all() {
        assert_eq!(SecretString::new("abc").to_string(), "****");
    }
}
