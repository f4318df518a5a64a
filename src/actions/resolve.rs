//! From what the admin typed to what the server knows: workspace names (folded as the
//! server's uniqueness rule folds them), emails and people's names, invitations, API keys.
//! A UUID always works; a name that matches nothing is refused with near matches, and one
//! that matches several things with the candidates.

use uuid::Uuid;

use super::error::ActionError;
use super::members::Person;
use crate::api::{
    AdminOrganizationMemberOut, ApiKeyExtendedOut, OrganizationInviteOut, WorkspaceOut,
};
use crate::client::Directory;
use crate::domain::text::{fold, name_key};

/// The one of `items` other than `except` that already has `name`, names compared as the
/// server keeps them unique ([`name_key`]: "  research " and "Résearch" are one name).
pub fn name_holder<'a, T>(
    items: &'a [T],
    name: &str,
    except: Option<Uuid>,
    id_and_name: impl Fn(&T) -> (Uuid, &str),
) -> Option<&'a T> {
    let key = name_key(name);
    items.iter().find(|item| {
        let (id, name) = id_and_name(item);
        Some(id) != except && name_key(name) == key
    })
}

fn uuid_of(given: &str) -> Option<Uuid> {
    Uuid::parse_str(given.trim()).ok()
}

/// Names that contain what was typed (or are contained in it), ignoring case and accents.
fn near<'a>(given: &str, names: impl Iterator<Item = (&'a str, String)>) -> Vec<String> {
    let wanted = fold(given.trim());
    if wanted.is_empty() {
        return Vec::new();
    }
    names
        .filter(|(name, _)| {
            let folded = fold(name);
            folded.contains(&wanted) || wanted.contains(&folded)
        })
        .map(|(_, label)| label)
        .collect()
}

/// "No `what` `given`", with the near matches among `names` (name, label).
fn not_found<'a>(
    what: &'static str,
    given: &str,
    names: impl Iterator<Item = (&'a str, String)>,
) -> ActionError {
    ActionError::NotFound {
        what,
        given: given.to_owned(),
        suggestions: near(given, names),
    }
}

/// The one thing `given` names among what it `found`: none is refused as `nobody` says,
/// several as ambiguous (`what` plural), each told apart by `describe`.
fn the_one<'a, T>(
    found: Vec<&'a T>,
    given: &str,
    what: &'static str,
    nobody: impl FnOnce() -> ActionError,
    describe: impl Fn(&T) -> String,
) -> Result<&'a T, ActionError> {
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(nobody()),
        many => Err(ActionError::Ambiguous {
            what,
            given: given.to_owned(),
            candidates: many.iter().map(|item| describe(item)).collect(),
        }),
    }
}

/// An active workspace by UUID or name. `archived`, when given, lets the refusal say that the
/// workspace exists but is archived.
pub fn workspace<'a>(
    active: &'a [WorkspaceOut],
    archived: &[WorkspaceOut],
    given: &str,
) -> Result<&'a WorkspaceOut, ActionError> {
    let id = uuid_of(given);
    let key = name_key(given);
    let matches = |w: &WorkspaceOut| Some(w.uuid) == id || name_key(&w.name) == key;
    // Nothing stops a workspace being named with another's UUID: then both match, and neither
    // is picked for the admin.
    let found = active.iter().filter(|w| matches(w)).collect();
    let nobody = || match archived.iter().find(|w| matches(w)) {
        Some(gone) => ActionError::refused(format!(
            "\"{}\" is archived; archived workspaces cannot be changed",
            gone.name
        )),
        None => {
            let names = active.iter().map(|w| (w.name.as_str(), w.name.clone()));
            not_found("active workspace", given, names)
        }
    };
    the_one(found, given, "workspaces", nobody, |w| {
        format!("\"{}\" ({})", w.name, w.uuid)
    })
}

/// How a person is named in messages: `Name <email>`, or the email alone.
pub fn person_label(member: &AdminOrganizationMemberOut) -> String {
    let email = member.email.as_deref().unwrap_or("(no email)");
    match member
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        Some(name) => format!("{name} <{email}>"),
        None => email.to_owned(),
    }
}

/// How a person is named in outcome messages: the email, else the name.
pub fn person_email(member: &AdminOrganizationMemberOut) -> String {
    member
        .email
        .clone()
        .or_else(|| member.name.clone())
        .unwrap_or_else(|| member.uuid.to_string())
}

/// An organization member by UUID, email (ignoring case) or exact name (ignoring case and
/// accents). Someone who is only invited is refused with that reason.
pub fn person<'a>(
    directory: &'a Directory,
    given: &str,
) -> Result<&'a AdminOrganizationMemberOut, ActionError> {
    let trimmed = given.trim();
    if let Some(id) = uuid_of(trimmed) {
        return directory.user(id).ok_or_else(|| ActionError::NotFound {
            what: "organization member with UUID",
            given: given.to_owned(),
            suggestions: Vec::new(),
        });
    }
    let found: Vec<&AdminOrganizationMemberOut> = if trimmed.contains('@') {
        let email = trimmed.to_lowercase();
        directory
            .members()
            .iter()
            .filter(|m| m.email.as_deref().map(str::to_lowercase) == Some(email.clone()))
            .collect()
    } else {
        let name = fold(trimmed);
        directory
            .members()
            .iter()
            .filter(|m| m.name.as_deref().is_some_and(|n| fold(n.trim()) == name))
            .collect()
    };
    let nobody = || {
        if directory
            .invites()
            .iter()
            .any(|i| i.email.eq_ignore_ascii_case(trimmed))
        {
            return ActionError::refused(format!(
                "{trimmed} is invited but not a member yet; they join once they accept the invitation"
            ));
        }
        let names = directory.members().iter().flat_map(|m| {
            let label = person_label(m);
            [m.name.as_deref(), m.email.as_deref()]
                .into_iter()
                .flatten()
                .map(move |text| (text, label.clone()))
        });
        not_found("organization member", given, names).dedup_suggestions()
    };
    the_one(found, given, "people", nobody, person_label)
}

impl ActionError {
    fn dedup_suggestions(mut self) -> Self {
        if let Self::NotFound { suggestions, .. } = &mut self {
            let mut seen = std::collections::HashSet::new();
            suggestions.retain(|s| seen.insert(s.clone()));
        }
        self
    }
}

/// A pending invitation by UUID or email (ignoring case).
pub fn invite<'a>(
    invites: &'a [OrganizationInviteOut],
    given: &str,
) -> Result<&'a OrganizationInviteOut, ActionError> {
    let trimmed = given.trim();
    let id = uuid_of(trimmed);
    let found: Vec<&OrganizationInviteOut> = invites
        .iter()
        .filter(|i| Some(i.uuid) == id || i.email.eq_ignore_ascii_case(trimmed))
        .collect();
    let nobody = || {
        let names = invites.iter().map(|i| (i.email.as_str(), i.email.clone()));
        not_found("pending invitation for", given, names)
    };
    the_one(found, given, "invitations", nobody, |i| {
        format!("{} ({})", i.email, i.uuid)
    })
}

/// Each thing `given` names, found by `find`, in the order first named and once each however
/// often it is named (by name and by UUID, say): what a command that takes a list acts on.
pub fn each<'a, T, K: PartialEq>(
    given: &[String],
    find: impl Fn(&str) -> Result<&'a T, ActionError>,
    id: impl Fn(&T) -> K,
) -> Result<Vec<&'a T>, ActionError> {
    let mut chosen: Vec<&'a T> = Vec::new();
    for text in given {
        let found = find(text)?;
        if !chosen.iter().any(|c| id(c) == id(found)) {
            chosen.push(found);
        }
    }
    Ok(chosen)
}

/// Each organization member `given` names (see [`person`]), once each, as actions name them.
pub fn people(directory: &Directory, given: &[String]) -> Result<Vec<Person>, ActionError> {
    let members = each(given, |text| person(directory, text), |m| m.uuid)?;
    Ok(members
        .into_iter()
        .map(|member| Person {
            user_id: member.uuid,
            name: person_label(member),
        })
        .collect())
}

/// How a key is named in messages: `"ci" (abcd...wxyz)`, or the hidden key alone.
pub fn key_label(key: &ApiKeyExtendedOut) -> String {
    match key.name.as_deref().filter(|n| !n.trim().is_empty()) {
        Some(name) => format!("\"{name}\" ({})", key.hidden_key),
        None => key.hidden_key.clone(),
    }
}

/// What the admin types to confirm a key's deletion: its name, else its hidden form.
pub fn key_confirmation(key: &ApiKeyExtendedOut) -> String {
    key.name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| key.hidden_key.clone())
}

/// An API key by UUID, exact name (ignoring case and accents) or hidden form as listed
/// (`abcd...wxyz`), optionally only among one workspace's keys.
pub fn api_key<'a>(
    keys: &'a [ApiKeyExtendedOut],
    given: &str,
    workspace: Option<Uuid>,
) -> Result<&'a ApiKeyExtendedOut, ActionError> {
    let trimmed = given.trim();
    let id = uuid_of(trimmed);
    let name = fold(trimmed);
    let candidates = keys
        .iter()
        .filter(|k| workspace.is_none() || k.workspace_id == workspace);
    let found: Vec<&ApiKeyExtendedOut> = candidates
        .clone()
        .filter(|k| {
            Some(k.key_id) == id
                || k.hidden_key == trimmed
                || k.name.as_deref().is_some_and(|n| fold(n.trim()) == name)
        })
        .collect();
    let describe = |k: &ApiKeyExtendedOut| {
        format!(
            "{} in \"{}\" ({})",
            key_label(k),
            k.workspace_name.as_deref().unwrap_or("?"),
            k.key_id
        )
    };
    let nobody = || {
        let names = candidates.filter_map(|k| Some((k.name.as_deref()?, key_label(k))));
        not_found("API key", given, names)
    };
    the_one(found, given, "API keys", nobody, describe)
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
