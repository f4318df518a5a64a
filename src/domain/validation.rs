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
/// Addresses one `POST /users-invite` may hold: each costs a few lookups and writes inside
/// one transaction, which holds every organization's writes until it ends.
pub const MAX_ADDRESSES_PER_INVITATION: usize = 10_000;
/// Items one list in a request body may hold (`POST /users`, the `members` of a workspace
/// change), for the same reason.
pub const MAX_ITEMS_PER_REQUEST: usize = 10_000;
/// Invitations an organization may have pending (sent and not expired) at once: the bound on
/// what `GET /users-invite`, which has no paging, returns.
pub const MAX_PENDING_INVITATIONS: i64 = 20_000;

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

/// The first control character in `value` (C0, DEL or C1) that `allowed` does not excuse.
fn control_char(value: &str, allowed: &[char]) -> Option<char> {
    value
        .chars()
        .find(|c| c.is_control() && !allowed.contains(c))
}

/// Free text shown to people (names, descriptions) must hold no control characters: a NUL or
/// a terminal escape sequence is never meant, and would corrupt the console's screen and
/// anything else that prints the value.
pub fn no_control_chars(what: &str, value: &str) -> Result<(), FieldProblem> {
    no_control_chars_but(what, value, &[])
}

fn no_control_chars_but(what: &str, value: &str, allowed: &[char]) -> Result<(), FieldProblem> {
    match control_char(value, allowed) {
        None => Ok(()),
        Some(c) => Err(FieldProblem {
            kind: "string_pattern_mismatch",
            message: format!(
                "{what} must not contain control characters (found U+{:04X})",
                u32::from(c)
            ),
        }),
    }
}

/// A workspace name: required, not only spaces, no control characters, at most 255
/// characters.
pub fn workspace_name(value: &str) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        return Err(FieldProblem::blank("Workspace name"));
    }
    no_control_chars("Workspace name", value)?;
    check_length(value, NAME_MAX_CHARS)
}

/// A user group's name: the same rules as a workspace name.
pub fn group_name(value: &str) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        return Err(FieldProblem::blank("Group name"));
    }
    no_control_chars("Group name", value)?;
    check_length(value, NAME_MAX_CHARS)
}

pub fn workspace_description(value: &str) -> Result<(), FieldProblem> {
    no_control_chars("Description", value)?;
    check_length(value, DESCRIPTION_MAX_CHARS)
}

/// A workspace icon: empty, or at most two characters.
pub fn workspace_icon(value: &str) -> Result<(), FieldProblem> {
    no_control_chars("Icon", value)?;
    check_length(value, ICON_MAX_CHARS)
}

/// A person's first or last name in a bulk create: required, no control characters, at most
/// 255 characters.
pub fn person_name(what: &str, value: &str) -> Result<(), FieldProblem> {
    if value.trim().is_empty() {
        return Err(FieldProblem::blank(what));
    }
    no_control_chars(what, value)?;
    check_length(value, NAME_MAX_CHARS)
}

/// Text that names something (a person's name, an API key, the organization): no control
/// characters, at most 255 characters; may be empty.
pub fn label(what: &str, value: &str) -> Result<(), FieldProblem> {
    no_control_chars(what, value)?;
    check_length(value, NAME_MAX_CHARS)
}

/// One email address as a request carries it: no control characters. Whether it is a
/// plausible address is [`is_valid_email`]'s question, answered in the reply instead.
pub fn email_text(value: &str) -> Result<(), FieldProblem> {
    no_control_chars("Email address", value)
}

/// The `email` field of an invitation: several addresses separated by commas or line breaks,
/// so tabs and line breaks are allowed there, and no other control character.
pub fn email_list_text(value: &str) -> Result<(), FieldProblem> {
    no_control_chars_but("Email addresses", value, &['\t', '\n', '\r'])
}

/// Characters an address can only hold inside quotes, which nobody types into an admin tool;
/// seeing one means a display name or list was pasted (`Ada <ada@x.io>`, `"a"@x.io`).
const EMAIL_SPECIALS: &[char] = &['<', '>', '"', '(', ')', ',', ';', ':', '[', ']', '\\'];

/// A plausible email address: one `@`; a local part without leading, trailing or doubled dots;
/// a domain of at least two dot-separated labels, none empty or starting or ending with `-`;
/// no spaces, control characters or quoting specials. Deliberately simple: the server only
/// needs to tell typos from addresses.
pub fn is_valid_email(value: &str) -> bool {
    if value.chars().count() > NAME_MAX_CHARS
        || value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || EMAIL_SPECIALS.contains(&c))
    {
        return false;
    }
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && !domain.contains('@')
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
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
            ".alice@example.com",
            "alice.@example.com",
            "al..ice@example.com",
            "alice@-example.com",
            "alice@example-.com",
            "alice@example.-com",
            "alice@.example.com",
            "alice@example.com.",
            "Alice <alice@example.com>",
            "<alice@example.com>",
            "\"alice\"@example.com",
            "alice@exa mple.com",
            "a\u{0}b@x.com",
            "x@x.com\u{7}",
            "a\u{85}b@x.com",
        ] {
            assert!(!is_valid_email(bad), "{bad:?}");
        }
        for good in [
            "o'brien@example.com",
            "a+tag@sub.example-corp.io",
            "a-b@x.io",
        ] {
            assert!(is_valid_email(good), "{good}");
        }
    }

    #[test]
    fn control_characters_are_refused_with_a_readable_message() {
        let problem = workspace_name("nul\u{0}x").unwrap_err();
        assert_eq!(problem.kind, "string_pattern_mismatch");
        assert_eq!(
            problem.message,
            "Workspace name must not contain control characters (found U+0000)"
        );
        assert!(workspace_description("bell\u{7}").is_err());
        assert!(workspace_description("esc \u{1b}[2J").is_err());
        assert!(workspace_icon("\u{9b}").is_err());
        assert!(person_name("First name", "\u{0}").is_err());
        assert!(label("Name", "tab\there").is_err());
        assert!(email_text("a\u{0}b@x.com").is_err());
        // Line breaks separate addresses in an invitation; other controls do not.
        assert!(email_list_text("a@x.io,\r\nb@x.io\tc@x.io").is_ok());
        assert!(email_list_text("x@x.com\u{7}").is_err());
        // Ordinary text, accents and emoji included, is fine.
        assert!(workspace_name("Équipe 🚀 R&D").is_ok());
    }
}
