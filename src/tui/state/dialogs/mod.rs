//! What the dialogs that change members share: the member entry of a request body.

use uuid::Uuid;

use crate::api::{WorkspaceMemberSingleIn, WorkspaceRoleName};
use crate::domain::WorkspaceRole;

use super::people::CatalogRole;

/// One member entry of an add or add-or-update body. Built-in roles go by name, which reads
/// well in logs and audit trails; a custom role has no name the contract knows, so then every
/// role goes by its catalog UUID (a body may not mix the two ways).
pub fn member_entry(
    user: Uuid,
    roles: &[String],
    catalog: &[CatalogRole],
) -> WorkspaceMemberSingleIn {
    let built_in: Option<Vec<WorkspaceRoleName>> = roles
        .iter()
        .map(|name| {
            let custom = catalog.iter().any(|r| r.name == *name && r.custom);
            WorkspaceRole::from_name(name)
                .filter(|_| !custom)
                .map(WorkspaceRoleName::from)
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
            Some(vec![WorkspaceRoleName::Dev, WorkspaceRoleName::Billing])
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
}
