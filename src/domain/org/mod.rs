//! The organization as a reviewed file describes it, and the plan engine that compares two
//! such descriptions: no I/O, so the same diff serves `export`/`plan`/`apply`, `undo`, and
//! the console's staging (a pending list of the same [`Change`]s).
//!
//! - this module: the description itself ([`Organization`]), keyed by names and emails as a
//!   person reads it (never by UUID), in a stable order so two exports compare byte for byte;
//! - [`change`]: one change between two descriptions, how it reads as a diff line, and its
//!   inverse; [`diff`]: every change from the live organization to the wanted one, with what
//!   the wanted one asks that cannot be done; [`check`]: whether a change still applies to
//!   the organization as it is now (what undo calls a conflict); [`renames`]: a list of
//!   changes that renames something and names it by either name.

mod admins;
pub mod change;
pub mod check;
mod describe;
pub mod diff;
mod diff_groups;
mod grants;
mod index;
mod inverse;
mod keys;
pub mod own;
pub mod renames;
pub mod sections;
mod spend;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use change::{Change, FieldValue, GroupField, Phase, Rename, WorkspaceField};
pub use diff::{Diff, diff, diff_when};
pub use grants::{Deletions, Grants};
pub use keys::{email_key, group_key, normalize_org_role_names, workspace_key};
pub use spend::Limit;

fn is_false(value: &bool) -> bool {
    !*value
}

/// The organization: its workspaces, groups, people and pending invitations. What the file
/// leaves out of a workspace or group (its members, say) is empty, not "unchanged".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The organization's name, for the reader; not applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The organization's monthly spending limit; left out, it is not managed by the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_spend_limit: Option<Limit>,
    #[serde(default)]
    pub workspaces: Vec<Workspace>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub invitations: Vec<Invitation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub icon: String,
    /// The organization's default workspace (every member belongs to it); read only.
    #[serde(default, skip_serializing_if = "is_false")]
    pub default: bool,
    /// Archived for good. Setting it on an active workspace archives it, with
    /// `--allow-destroy`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub archived: bool,
    /// A local-server extension; left out, it is not managed by the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_can_create_api_keys: Option<bool>,
    /// A local-server extension: a number, or "none"; left out, not managed by the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_spend_cap: Option<Limit>,
    /// Each member's email with their workspace roles.
    #[serde(default)]
    pub members: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// `W` (gives access to workspaces) or `O` (to the organization).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
    /// The organization role its members hold through it, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_role: Option<String>,
    /// Owned by the identity provider (its name and members are changed there); read only.
    #[serde(default, skip_serializing_if = "is_false")]
    pub externally_managed: bool,
    /// Delete it, with `--allow-destroy`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub delete: bool,
    /// Direct members, by email.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// The groups it is nested inside, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nested_in: Vec<String>,
    /// Each workspace it is assigned to, with the roles it grants there.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub workspaces: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub email: String,
    /// For the reader; not applied.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Organization roles, by name.
    pub roles: Vec<String>,
    /// Remove them from the organization, with `--allow-destroy`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub remove: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    pub email: String,
    /// Organization roles the invitation gives, by name.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Workspaces they join on accepting, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workspaces: Vec<String>,
}

impl Invitation {
    /// What the invitation gives, in words: `member in "Research", "Sales"`, or `member in
    /// no workspace`. Each workspace is joined with its default role (the API takes no role
    /// per workspace).
    pub fn terms(&self) -> String {
        let roles = if self.roles.is_empty() {
            "(no role)".to_owned()
        } else {
            self.roles.join(", ")
        };
        if self.workspaces.is_empty() {
            format!("{roles} in no workspace")
        } else {
            format!("{roles} in {}", change::quoted(&self.workspaces))
        }
    }

    /// Whether both give the same roles and workspaces, whatever their order.
    pub fn same_terms(&self, other: &Invitation) -> bool {
        let roles = |i: &Invitation| keys::normalize_org_role_names(i.roles.clone());
        let places = |i: &Invitation| {
            let mut keys: Vec<String> = i.workspaces.iter().map(|w| workspace_key(w)).collect();
            keys.sort();
            keys
        };
        roles(self) == roles(other) && places(self) == places(other)
    }
}

impl Organization {
    /// Puts everything in the one order exports are written in: by name or email, roles as
    /// the console lists them, so the same organization always gives the same bytes.
    pub fn normalize(&mut self) {
        use crate::domain::roles::normalize_workspace_role_names;
        for workspace in &mut self.workspaces {
            let members = std::mem::take(&mut workspace.members);
            workspace.members = members
                .into_iter()
                .map(|(email, roles)| (email_key(&email), normalize_workspace_role_names(roles)))
                .collect();
        }
        self.workspaces.sort_by(|a, b| {
            (a.archived, workspace_key(&a.name), &a.name).cmp(&(
                b.archived,
                workspace_key(&b.name),
                &b.name,
            ))
        });
        for group in &mut self.groups {
            for member in &mut group.members {
                *member = email_key(member);
            }
            group.members.sort();
            group.members.dedup();
            group.nested_in.sort_by_key(|n| group_key(n));
            let places = std::mem::take(&mut group.workspaces);
            group.workspaces = places
                .into_iter()
                .map(|(name, roles)| (name, normalize_workspace_role_names(roles)))
                .collect();
        }
        self.groups.sort_by_key(|g| group_key(&g.name));
        for person in &mut self.people {
            person.email = email_key(&person.email);
            person.roles = keys::normalize_org_role_names(std::mem::take(&mut person.roles));
        }
        self.people.sort_by(|a, b| a.email.cmp(&b.email));
        for invitation in &mut self.invitations {
            invitation.email = email_key(&invitation.email);
            invitation.roles =
                keys::normalize_org_role_names(std::mem::take(&mut invitation.roles));
            invitation.workspaces.sort_by_key(|n| workspace_key(n));
        }
        self.invitations.sort_by(|a, b| a.email.cmp(&b.email));
    }

    /// The active workspace of that name (as the server folds names).
    pub fn workspace(&self, name: &str) -> Option<&Workspace> {
        let key = workspace_key(name);
        self.workspaces
            .iter()
            .find(|w| !w.archived && workspace_key(&w.name) == key)
    }

    pub fn group(&self, name: &str) -> Option<&Group> {
        let key = group_key(name);
        self.groups.iter().find(|g| group_key(&g.name) == key)
    }

    pub fn person(&self, email: &str) -> Option<&Person> {
        let key = email_key(email);
        self.people.iter().find(|p| email_key(&p.email) == key)
    }

    pub fn invitation(&self, email: &str) -> Option<&Invitation> {
        let key = email_key(email);
        self.invitations.iter().find(|i| email_key(&i.email) == key)
    }
}

impl Workspace {
    /// A member's roles, by email (ignoring case). Once normalized the members are kept by
    /// [`email_key`], so this is a lookup; before, a scan.
    pub fn member(&self, email: &str) -> Option<&Vec<String>> {
        let key = email_key(email);
        self.members.get(&key).or_else(|| {
            self.members
                .iter()
                .find(|(e, _)| email_key(e) == key)
                .map(|(_, roles)| roles)
        })
    }
}

impl Group {
    pub fn has_member(&self, email: &str) -> bool {
        let key = email_key(email);
        // Normalized, the members are sorted keys.
        self.members.binary_search(&key).is_ok() || self.members.iter().any(|m| email_key(m) == key)
    }

    /// The roles it grants in a workspace, by name (as the server folds names).
    pub fn assignment(&self, workspace: &str) -> Option<&Vec<String>> {
        let key = workspace_key(workspace);
        self.workspaces
            .iter()
            .find(|(name, _)| workspace_key(name) == key)
            .map(|(_, roles)| roles)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_grants;
#[cfg(test)]
mod tests_own;
