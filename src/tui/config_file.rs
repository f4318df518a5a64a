//! Readable errors for the TOML files a user may edit (keymap, theme): file, line and value.

use std::fmt;
use std::path::PathBuf;

/// Where a setting came from: the built-in asset or a file in the user's config directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    BuiltIn(&'static str),
    File(PathBuf),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BuiltIn(name) => write!(f, "built-in {name}"),
            Self::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// One problem in a settings file, precise enough for the user to fix it without guessing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {problem}", line.map(|l| format!(", line {l}")).unwrap_or_default())]
pub struct ConfigFileError {
    pub file: Source,
    /// 1-based line of the offending value, when the parser could tell.
    pub line: Option<usize>,
    pub problem: String,
}

impl ConfigFileError {
    pub fn at(source: &Source, text: &str, offset: Option<usize>, problem: String) -> Self {
        Self {
            file: source.clone(),
            line: offset.map(|o| line_of(text, o)),
            problem,
        }
    }

    /// A TOML syntax or shape error, with the parser's own position.
    pub fn from_toml(source: &Source, text: &str, err: &toml::de::Error) -> Self {
        Self::at(
            source,
            text,
            err.span().map(|s| s.start),
            err.message().trim().to_owned(),
        )
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_from_one() {
        let text = "a = 1\nb = 2\nc = 3\n";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 6), 2);
        assert_eq!(line_of(text, 12), 3);
        assert_eq!(line_of(text, 999), 4);
    }

    #[test]
    fn the_message_names_file_and_line() {
        let err = ConfigFileError {
            file: Source::File("/home/a/keymap.toml".into()),
            line: Some(3),
            problem: "unknown action \"fly\"".into(),
        };
        assert_eq!(
            err.to_string(),
            "/home/a/keymap.toml, line 3: unknown action \"fly\""
        );
    }
}
