//! The dialogs that change an organization: Add Members, role edits, member removal, archive
//! confirmation and workspace creation. Each holds what the user chose and typed, and the
//! change it sends; what they share lives here.

pub mod add_members;
pub mod archive;
pub mod create;
pub mod remove;
pub mod roles;

use uuid::Uuid;

use crate::api::WorkspaceMemberSingleIn;
use crate::domain::WorkspaceRole;

use super::people::CatalogRole;
use super::remote::{RemoteError, RequestId};

pub use add_members::AddMembers;
pub use archive::ArchiveDialog;
pub use create::CreateWorkspace;
pub use remove::RemoveMembers;
pub use roles::EditRoles;

/// A dialog's change on its way, and what the server said to the last attempt. While a
/// change is on its way the dialog takes no input, so nothing is sent twice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Submission {
    pub sending: Option<RequestId>,
    pub error: Option<RemoteError>,
}

impl Submission {
    pub fn is_sending(&self) -> bool {
        self.sending.is_some()
    }

    pub fn start(&mut self, id: RequestId) {
        self.sending = Some(id);
        self.error = None;
    }

    pub fn fail(&mut self, error: RemoteError) {
        self.sending = None;
        self.error = Some(error);
    }
}

/// The buttons at the foot of a dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Add,
    Apply,
    Back,
    Remove,
    Archive,
    Create,
    Cancel,
    Ok,
}

impl Button {
    pub fn label(self) -> &'static str {
        match self {
            Self::Add => "Add",
            Self::Apply => "Apply",
            Self::Back => "Back",
            Self::Remove => "Remove",
            Self::Archive => "Archive",
            Self::Create => "Create",
            Self::Cancel => "Cancel",
            Self::Ok => "OK",
        }
    }
}

/// The button `delta` places from `current` in `row`, wrapping around.
pub fn step_button(row: &[Button], current: Button, delta: isize) -> Button {
    let Some(at) = row.iter().position(|b| *b == current) else {
        return row.first().copied().unwrap_or(current);
    };
    let n = row.len() as isize;
    row[(at as isize + delta).rem_euclid(n) as usize]
}

/// One member entry of an add or add-or-update body. Built-in roles go by name, which reads
/// well in logs and audit trails; a custom role has no name the contract knows, so then every
/// role goes by its catalog UUID (a body may not mix the two ways).
pub fn member_entry(
    user: Uuid,
    roles: &[String],
    catalog: &[CatalogRole],
) -> WorkspaceMemberSingleIn {
    let built_in: Option<Vec<WorkspaceRole>> = roles
        .iter()
        .map(|name| {
            let custom = catalog.iter().any(|r| r.name == *name && r.custom);
            WorkspaceRole::from_name(name).filter(|_| !custom)
        })
        .collect();
    let mut entry = WorkspaceMemberSingleIn {
        role_names: None,
        roles: None,
        role_name: None,
        role: None,
        user_uuid: user,
    };
    match built_in {
        Some(names) => entry.role_names = Some(names),
        None => {
            // A role the catalog does not list is kept as the server spelled it (a UUID or
            // a code), so sending it back never drops it.
            entry.roles = Some(
                roles
                    .iter()
                    .map(|name| match catalog.iter().find(|r| r.name == *name) {
                        Some(role) => role.uuid.to_string(),
                        None => name.clone(),
                    })
                    .collect(),
            )
        }
    }
    entry
}

/// "3 members", "1 member".
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Vec<CatalogRole> {
        let mut roles = crate::tui::testing::role_catalog();
        roles.push(CatalogRole {
            name: "auditor".into(),
            uuid: Uuid::from_u128(77),
            description: "Reads the audit log".into(),
            custom: true,
        });
        roles
    }

    #[test]
    fn built_in_roles_go_by_name_and_custom_ones_by_uuid() {
        let user = Uuid::from_u128(1);
        let entry = member_entry(user, &["dev".into(), "billing".into()], &catalog());
        assert_eq!(
            entry.role_names,
            Some(vec![WorkspaceRole::Dev, WorkspaceRole::Billing])
        );
        assert_eq!(entry.roles, None);

        let unlisted = "5a3f0000-0000-0000-0000-000000000001".to_owned();
        let entry = member_entry(user, &["dev".into(), unlisted.clone()], &catalog());
        assert_eq!(
            entry.roles,
            Some(vec![WorkspaceRole::Dev.uuid().to_string(), unlisted]),
            "a role outside the catalog is kept as it came"
        );

        let entry = member_entry(user, &["dev".into(), "auditor".into()], &catalog());
        assert_eq!(entry.role_names, None);
        assert_eq!(
            entry.roles,
            Some(vec![
                WorkspaceRole::Dev.uuid().to_string(),
                Uuid::from_u128(77).to_string()
            ])
        );
    }

    #[test]
    fn buttons_wrap_around() {
        let row = [Button::Cancel, Button::Archive];
        assert_eq!(step_button(&row, Button::Cancel, 1), Button::Archive);
        assert_eq!(step_button(&row, Button::Archive, 1), Button::Cancel);
        assert_eq!(step_button(&row, Button::Cancel, -1), Button::Archive);
    }
}
