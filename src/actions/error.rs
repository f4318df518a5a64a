//! Why an action cannot be planned: a value the server would refuse, a name that names
//! nothing or more than one thing, or a rule of the organization.

use std::fmt;

use crate::domain::secret_like::{HIDDEN, looks_like_secret};

/// How many candidates a message lists before "and N more".
const CANDIDATES_SHOWN: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    /// A value breaks a rule the server enforces too (`domain::validation`).
    Invalid { field: String, message: String },
    /// Nothing goes by that name; `suggestions` are near matches.
    NotFound {
        what: &'static str,
        given: String,
        suggestions: Vec<String>,
    },
    /// Several things go by that name; the admin must say which. `what` is plural: "people".
    Ambiguous {
        what: &'static str,
        given: String,
        candidates: Vec<String>,
    },
    /// A rule of the organization forbids it (the default workspace, the last admin, ...).
    Refused(String),
}

impl ActionError {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    pub fn refused(reason: impl Into<String>) -> Self {
        Self::Refused(reason.into())
    }
}

/// `a, b, c and 4 more`.
pub fn list_some(items: &[String]) -> String {
    let shown: Vec<&str> = items
        .iter()
        .take(CANDIDATES_SHOWN)
        .map(String::as_str)
        .collect();
    let mut text = shown.join(", ");
    if items.len() > CANDIDATES_SHOWN {
        text.push_str(&format!(" and {} more", items.len() - CANDIDATES_SHOWN));
    }
    text
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid { field, message } => write!(f, "{field}: {message}"),
            Self::NotFound {
                what,
                given,
                suggestions,
            } => {
                // What matches nothing may be a key pasted as the thing to act on (`keys
                // delete <key>`): it is not repeated, or a script's log would keep it.
                if looks_like_secret(given) {
                    write!(f, "no {what} {HIDDEN} (what was given looks like a key)")?;
                } else {
                    write!(f, "no {what} {given:?}")?;
                }
                if !suggestions.is_empty() {
                    write!(f, "; did you mean {}?", list_some(suggestions))?;
                }
                Ok(())
            }
            Self::Ambiguous {
                what,
                given,
                candidates,
            } => write!(
                f,
                "{given:?} is ambiguous: it matches {} ({what}); give one of them exactly, or its UUID",
                list_some(candidates)
            ),
            Self::Refused(reason) => f.write_str(reason),
        }
    }
}

impl std::error::Error for ActionError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_what_was_given_and_the_candidates() {
        let ambiguous = ActionError::Ambiguous {
            what: "people",
            given: "Jane".into(),
            candidates: vec!["Jane Doe <jane@x.io>".into(), "Jane Roe <jroe@x.io>".into()],
        };
        assert_eq!(
            ambiguous.to_string(),
            "\"Jane\" is ambiguous: it matches Jane Doe <jane@x.io>, Jane Roe <jroe@x.io> (people); give one of them exactly, or its UUID"
        );
        let many: Vec<String> = (0..10).map(|i| format!("w{i}")).collect();
        let missing = ActionError::NotFound {
            what: "active workspace",
            given: "w".into(),
            suggestions: many,
        };
        assert!(
            missing
                .to_string()
                .ends_with("did you mean w0, w1, w2, w3, w4, w5, w6, w7 and 2 more?"),
            "{missing}"
        );
    }
}
