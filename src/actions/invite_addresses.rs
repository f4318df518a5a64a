//! The addresses of an invitation as the admin pastes them: split on commas, semicolons,
//! spaces and line breaks, and each one marked against the organization once (members and
//! open invitations looked up by folded address, not by scanning the directory per address),
//! with the reason an address is not a valid one.

use std::collections::HashSet;

use super::invites::AddressStatus;
use crate::client::Directory;
use crate::domain::validation::is_valid_email;

/// Splits pasted text into addresses: commas, semicolons, whitespace and line breaks all
/// separate; empty entries are dropped and repeats (ignoring case) kept once.
pub fn split_addresses(text: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .filter(|a| seen.insert(a.to_lowercase()))
        .map(str::to_owned)
        .collect()
}

/// Why an address is not a valid one, in the words the admin can act on; `None` when it is.
pub fn invalid_reason(address: &str) -> Option<&'static str> {
    if is_valid_email(address) {
        return None;
    }
    let Some((local, domain)) = address.split_once('@') else {
        return Some("no @");
    };
    Some(if domain.contains('@') {
        "more than one @"
    } else if local.is_empty() {
        "nothing before the @"
    } else if address
        .chars()
        .any(|c| c.is_control() || "<>\"(),;:[]\\".contains(c))
    {
        "holds a quoting character (a pasted display name?)"
    } else if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        "a dot at the start or end of the name, or two in a row"
    } else if !domain.contains('.') {
        "the domain has no dot"
    } else if address.chars().count() > 255 {
        "too long"
    } else {
        "the domain has an empty label or one starting or ending with -"
    })
}

/// The organization's members and open invitations by folded address, built once.
#[derive(Debug, Clone, Default)]
pub struct AddressBook {
    members: HashSet<String>,
    invited: HashSet<String>,
}

impl AddressBook {
    pub fn new(directory: &Directory) -> Self {
        Self {
            members: directory
                .members()
                .iter()
                .filter_map(|m| m.email.as_deref())
                .map(str::to_lowercase)
                .collect(),
            invited: directory
                .invites()
                .iter()
                .filter(|i| !i.expired)
                .map(|i| i.email.to_lowercase())
                .collect(),
        }
    }

    pub fn status(&self, address: &str) -> AddressStatus {
        if !is_valid_email(address) {
            return AddressStatus::Invalid;
        }
        let folded = address.to_lowercase();
        if self.members.contains(&folded) {
            AddressStatus::AlreadyMember
        } else if self.invited.contains(&folded) {
            AddressStatus::AlreadyInvited
        } else {
            AddressStatus::Valid
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_spaces_and_lines_all_separate_and_repeats_go() {
        assert_eq!(
            split_addresses("a@x.io, b@x.io c@x.io\nA@X.io;\r\n d@x.io\t"),
            ["a@x.io", "b@x.io", "c@x.io", "d@x.io"]
        );
    }

    #[test]
    fn each_invalid_address_says_why() {
        assert_eq!(invalid_reason("ada@x.io"), None);
        assert_eq!(invalid_reason("ada.x.io"), Some("no @"));
        assert_eq!(invalid_reason("ada@x"), Some("the domain has no dot"));
        assert_eq!(invalid_reason("a@b@x.io"), Some("more than one @"));
        assert_eq!(
            invalid_reason(".ada@x.io"),
            Some("a dot at the start or end of the name, or two in a row")
        );
    }
}
