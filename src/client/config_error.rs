//! What can be wrong with the configuration: the file, a profile, or a profile's key source.
//!
//! Messages name the file, the line and the field where there is one, and say how to fix the
//! problem. None of them ever contains a key: every part that came from the user (a profile
//! name, a field name, a value, a path) passes through [`redact_secrets`] when shown, since a
//! key pasted in the wrong place is exactly what ends up there.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::secret_like::redact_secrets;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A problem at a place in `config.toml`.
    #[error("{}", redact_secrets(&located(file, *line, field.as_deref(), message)))]
    File {
        file: PathBuf,
        line: Option<usize>,
        /// The dotted path of the field, e.g. `profiles.acme.read_only`.
        field: Option<String>,
        message: String,
    },
    #[error("Cannot read {}: {}", shown_path(file), redact_secrets(reason))]
    Unreadable { file: PathBuf, reason: String },
    #[error(
        "No profile named `{}`; known profiles: {}",
        redact_secrets(name),
        redact_secrets(&known.join(", "))
    )]
    UnknownProfile { name: String, known: Vec<String> },
    /// The profile's key could not be obtained from where its key source points.
    #[error("Profile `{}`: {}", redact_secrets(profile), redact_secrets(message))]
    Key { profile: String, message: String },
    /// Anything else: bad command-line combination, malformed base URL.
    #[error("{}", redact_secrets(.0))]
    Invalid(String),
}

fn shown_path(file: &Path) -> String {
    redact_secrets(&file.display().to_string())
}

fn located(file: &Path, line: Option<usize>, field: Option<&str>, message: &str) -> String {
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

    #[test]
    fn a_key_in_a_name_or_a_field_is_never_shown() {
        let key = "sk-Zx81PqLm02VbNc93XyTr";
        let errors = [
            ConfigError::UnknownProfile {
                name: key.into(),
                known: vec!["local".into(), key.into()],
            },
            ConfigError::File {
                file: PathBuf::from("/home/a/config.toml"),
                line: Some(2),
                field: Some(format!("profiles.{key}")),
                message: format!("unknown field `{key}`"),
            },
            ConfigError::key(key, format!("cannot read {key}")),
            ConfigError::Invalid(format!("base URL {key:?} is not a URL")),
        ];
        for err in errors {
            let shown = err.to_string();
            assert!(
                !shown.contains(key) && shown.contains("[hidden]"),
                "{shown}"
            );
        }
    }
}
