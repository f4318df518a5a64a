//! The keys under which the file's names are compared: emails ignoring case, workspace and
//! group names as the server keeps them unique (ignoring case, accents and surrounding
//! spaces), and organization roles in the console's order.

use crate::domain::OrgRole;
use crate::domain::text::name_key;

/// An email as compared: trimmed and lower-cased.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A workspace name as the server's uniqueness rule folds it.
pub fn workspace_key(name: &str) -> String {
    name_key(name)
}

/// A group name as the server's uniqueness rule folds it.
pub fn group_key(name: &str) -> String {
    name_key(name)
}

/// Organization role names, highest first, unknown names after them alphabetically, once.
pub fn normalize_org_role_names(mut names: Vec<String>) -> Vec<String> {
    for name in &mut names {
        *name = name.trim().to_owned();
    }
    names.sort_by_key(|name| {
        let rank = OrgRole::from_name(name).map_or(u8::MAX, OrgRole::precedence);
        (rank, name.clone())
    });
    names.dedup();
    names
}
