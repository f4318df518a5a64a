//! Field limits stated by the contract and the documentation, shared by server and TUI.
//!
//! The server turns a [`FieldProblem`] into a 422 entry; the TUI shows the same message next to
//! the field while the user types, so both sides always agree on what is acceptable.

/// `name` of a workspace, and names and emails of users: at most this many characters.
pub const NAME_MAX_CHARS: usize = 255;
/// `description` of a workspace.
pub const DESCRIPTION_MAX_CHARS: usize = 255;
/// `icon` of a workspace: one emoji, at most two characters (Unicode scalar values, as the
/// contract's `maxLength` counts them).
pub const ICON_MAX_CHARS: usize = 2;
/// Active workspaces an organization may have at once.
pub const MAX_ACTIVE_WORKSPACES: usize = 500;
/// Invitations stop being usable this many days after they were sent.
pub const INVITATION_TTL_DAYS: i64 = 7;

/// What is wrong with one value, with the machine-readable kind the server reports in a 422.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub kind: &'static str,
    pub message: String,
}

impl FieldProblem {
    fn too_long(max: usize) -> Self {
        Self {
            kind: "string_too_long",
            message: format!("String should have at most {max} characters"),
        }
    }

    fn blank(what: &str) -> Self {
        Self {
            kind: "string_too_short",
            message: format!("{what} must not be empty"),
        }
    }
}

fn check_length(value: &str, max: usize) -> Result<(), FieldProblem> {
    if value.chars().count() > max {
        Err(FieldProblem::too_long(max))
    } else {
        Ok(())
    }
}

/// A workspace name: required, not only spaces, at most 255 characters.
pub fn workspace_name(value: &str) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        return Err(FieldProblem::blank("Workspace name"));
    }
    check_length(value, NAME_MAX_CHARS)
}

pub fn workspace_description(value: &str) -> Result<(), FieldProblem> {
    check_length(value, DESCRIPTION_MAX_CHARS)
}

/// A workspace icon: empty, or at most two characters.
pub fn workspace_icon(value: &str) -> Result<(), FieldProblem> {
    check_length(value, ICON_MAX_CHARS)
}

/// A person's first or last name in a bulk create: required, at most 255 characters.
pub fn person_name(what: &str, value: &str) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        return Err(FieldProblem::blank(what));
    }
    check_length(value, NAME_MAX_CHARS)
}

/// A plausible email address: one `@`, a non-empty local part, a dotted domain, no spaces.
/// Deliberately simple: the server only needs to tell typos from addresses.
pub fn is_valid_email(value: &str) -> bool {
    if value.chars().count() > NAME_MAX_CHARS || value.chars().any(char::is_whitespace) {
        return false;
    }
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Splits the `email` field of an invitation: addresses separated by commas or newlines,
/// trimmed, empty entries dropped, repeats (ignoring case) kept once.
pub fn split_email_list(value: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    value
        .split([',', '\n', '\r', ';'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .filter(|e| seen.insert(e.to_lowercase()))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_must_be_present_and_short_enough() {
        assert!(workspace_name("Product").is_ok());
        assert_eq!(workspace_name("   ").unwrap_err().kind, "string_too_short");
        assert!(workspace_name(&"é".repeat(255)).is_ok());
        assert_eq!(
            workspace_name(&"é".repeat(256)).unwrap_err().kind,
            "string_too_long"
        );
    }

    #[test]
    fn icons_count_characters_not_bytes() {
        assert!(workspace_icon("").is_ok());
        assert!(workspace_icon("🚀").is_ok());
        assert!(workspace_icon("★").is_ok());
        assert!(workspace_icon("🇫🇷").is_ok());
        assert!(workspace_icon("abc").is_err());
        // A ZWJ sequence is one picture but three characters.
        assert!(workspace_icon("👩‍💻").is_err());
    }

    #[test]
    fn email_lists_split_on_commas_and_newlines() {
        let list = split_email_list("a@x.io, b@x.io\nA@x.io,\r\n c@x.io ,,");
        assert_eq!(list, vec!["a@x.io", "b@x.io", "c@x.io"]);
    }

    #[test]
    fn email_validation_rejects_obvious_typos() {
        assert!(is_valid_email("alice.martin@example.com"));
        assert!(is_valid_email("zoë@exämple.fr"));
        for bad in [
            "",
            "alice",
            "alice@",
            "@example.com",
            "a@b",
            "a b@c.io",
            "a@@b.io",
            "a@b..io",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }
}
