//! What can be wrong with the configuration: the file, a profile, or a profile's key source.
//!
//! Messages name the file, the line and the field where there is one, and say how to fix the
//! problem. None of them ever contains a key.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A problem at a place in `config.toml`.
    #[error("{}", located(file, *line, field.as_deref(), message))]
    File {
        file: PathBuf,
        line: Option<usize>,
        /// The dotted path of the field, e.g. `profiles.acme.read_only`.
        field: Option<String>,
        message: String,
    },
    #[error("Cannot read {}: {reason}", file.display())]
    Unreadable { file: PathBuf, reason: String },
    #[error("No profile named `{name}`; known profiles: {}", known.join(", "))]
    UnknownProfile { name: String, known: Vec<String> },
    /// The profile's key could not be obtained from where its key source points.
    #[error("Profile `{profile}`: {message}")]
    Key { profile: String, message: String },
    /// Anything else: bad command-line combination, malformed base URL.
    #[error("{0}")]
    Invalid(String),
}

fn located(
    file: &std::path::Path,
    line: Option<usize>,
    field: Option<&str>,
    message: &str,
) -> String {
    let mut out = file.display().to_string();
    if let Some(line) = line {
        out.push_str(&format!(", line {line}"));
    }
    if let Some(field) = field.filter(|f| !f.is_empty()) {
        out.push_str(&format!(", field `{field}`"));
    }
    out.push_str(": ");
    out.push_str(message);
    out
}

impl ConfigError {
    pub fn key(profile: &str, message: impl fmt::Display) -> Self {
        Self::Key {
            profile: profile.to_owned(),
            message: message.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_errors_name_file_line_and_field() {
        let err = ConfigError::File {
            file: PathBuf::from("/home/a/.config/mistral-admin/config.toml"),
            line: Some(7),
            field: Some("profiles.acme.read_only".into()),
            message: "expected true or false".into(),
        };
        assert_eq!(
            err.to_string(),
            "/home/a/.config/mistral-admin/config.toml, line 7, field `profiles.acme.read_only`: expected true or false"
        );
    }
}
