//! Roles as actions use them: names checked against the role catalog, the member entry a
//! body carries, and role edits where each role is ticked, unticked or left as each member
//! has it, so editing several members never changes a role nobody touched.

use uuid::Uuid;

use super::error::ActionError;
use super::plan::RoleChange;
use crate::api::{RoleOut, WorkspaceMemberSingleIn};
use crate::domain::roles::normalize_workspace_role_names;
use crate::domain::{OrgRole, WorkspaceRole};

/// A workspace role of the catalog, by name or UUID; returns its name.
pub fn workspace_role(catalog: &[RoleOut], given: &str) -> Result<String, ActionError> {
    let trimmed = given.trim();
    let id = Uuid::parse_str(trimmed).ok();
    catalog
        .iter()
        .find(|r| r.name == trimmed || Some(r.uuid) == id)
        .map(|r| r.name.clone())
        .ok_or_else(|| ActionError::NotFound {
            what: "workspace role",
            given: given.to_owned(),
            suggestions: catalog.iter().map(|r| r.name.clone()).collect(),
        })
}

/// An organization role by name, legacy code or UUID.
pub fn organization_role(given: &str) -> Result<OrgRole, ActionError> {
    OrgRole::parse_any(given.trim()).ok_or_else(|| ActionError::NotFound {
        what: "organization role",
        given: given.to_owned(),
        suggestions: OrgRole::ALL.iter().map(|r| r.name().to_owned()).collect(),
    })
}

/// One member entry of an add or add-or-update body. Built-in roles go by name, which reads
/// well in logs and audit trails; a custom role has no name the contract knows, so then every
/// role goes by its catalog UUID (a body may not mix the two ways).
pub fn member_entry(user: Uuid, roles: &[String], catalog: &[RoleOut]) -> WorkspaceMemberSingleIn {
    let built_in: Option<Vec<WorkspaceRole>> = roles
        .iter()
        .map(|name| {
            let custom = catalog.iter().any(|r| r.name == *name && r.is_custom_role);
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

/// What an edit does to one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleTick {
    On,
    Off,
    /// Each member keeps whether they hold it.
    Keep,
}

/// A member whose roles are being edited, with the role names held now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub user_id: Uuid,
    pub name: String,
    pub roles: Vec<String>,
}

/// "Exactly these roles": the given ones on, every other role of the catalog or of the
/// targets off.
pub fn exactly(
    roles: &[String],
    catalog: &[RoleOut],
    targets: &[Target],
) -> Vec<(String, RoleTick)> {
    let mut names: Vec<String> = catalog.iter().map(|r| r.name.clone()).collect();
    for role in targets.iter().flat_map(|t| &t.roles).chain(roles) {
        if !names.contains(role) {
            names.push(role.clone());
        }
    }
    names
        .into_iter()
        .map(|name| {
            let tick = if roles.contains(&name) {
                RoleTick::On
            } else {
                RoleTick::Off
            };
            (name, tick)
        })
        .collect()
}

/// The roles a member ends up with: roles ticked on, plus those kept that they hold.
pub fn roles_after(held: &[String], ticks: &[(String, RoleTick)]) -> Vec<String> {
    let mut after: Vec<String> = held
        .iter()
        .filter(|role| {
            ticks
                .iter()
                .find(|(name, _)| name == *role)
                .is_none_or(|(_, tick)| *tick != RoleTick::Off)
        })
        .cloned()
        .collect();
    after.extend(
        ticks
            .iter()
            .filter(|(_, tick)| *tick == RoleTick::On)
            .map(|(name, _)| name.clone()),
    );
    normalize_workspace_role_names(after)
}

/// Every target whose roles would change. Nobody may be left without a role: that is what
/// removal is for.
pub fn role_changes(
    targets: &[Target],
    ticks: &[(String, RoleTick)],
) -> Result<Vec<RoleChange>, ActionError> {
    let changes: Vec<RoleChange> = targets
        .iter()
        .filter_map(|t| {
            let before = normalize_workspace_role_names(t.roles.clone());
            let after = roles_after(&t.roles, ticks);
            (before != after).then(|| RoleChange {
                user_id: t.user_id,
                name: t.name.clone(),
                before,
                after,
            })
        })
        .collect();
    if let Some(bare) = changes.iter().find(|c| c.after.is_empty()) {
        return Err(ActionError::refused(format!(
            "{} would have no role here; keep at least one (to take someone out of the workspace, remove them instead)",
            bare.name
        )));
    }
    Ok(changes)
}

/// `Jane Doe: workspace_contributor -> workspace_admin`, as the console's preview words it.
pub fn describe_change(change: &RoleChange) -> String {
    let list = |roles: &[String]| {
        if roles.is_empty() {
            "(none)".to_owned()
        } else {
            roles.join(", ")
        }
    };
    format!(
        "{}: {} -> {}",
        change.name,
        list(&change.before),
        list(&change.after)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::fixtures::catalog;

    fn target(name: &str, roles: &[&str]) -> Target {
        Target {
            user_id: Uuid::from_u128(name.len() as u128),
            name: name.into(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
        }
    }

    fn names(roles: &[&str]) -> Vec<String> {
        roles.iter().map(|r| r.to_string()).collect()
    }

    #[test]
    fn roles_are_found_by_name_or_uuid_and_an_unknown_one_lists_the_catalog() {
        let catalog = catalog().workspace_roles;
        let admin = WorkspaceRole::WorkspaceAdmin;
        assert_eq!(
            workspace_role(&catalog, "workspace_admin").unwrap(),
            "workspace_admin"
        );
        assert_eq!(
            workspace_role(&catalog, &admin.uuid().to_string()).unwrap(),
            "workspace_admin"
        );
        let err = workspace_role(&catalog, "owner").unwrap_err().to_string();
        assert!(
            err.starts_with("no workspace role \"owner\"; did you mean billing, user,"),
            "{err}"
        );
        assert_eq!(organization_role("A").unwrap(), OrgRole::OrganizationAdmin);
        assert!(organization_role("boss").is_err());
    }

    #[test]
    fn a_custom_role_sends_every_role_by_uuid() {
        let catalog = catalog().workspace_roles;
        let user = Uuid::from_u128(5);
        let plain = member_entry(user, &names(&["dev"]), &catalog);
        assert_eq!(plain.role_names, Some(vec![WorkspaceRole::Dev]));
        let custom = member_entry(user, &names(&["dev", "auditor"]), &catalog);
        assert_eq!(custom.role_names, None);
        assert_eq!(
            custom.roles,
            Some(vec![
                WorkspaceRole::Dev.uuid().to_string(),
                Uuid::from_u128(77).to_string()
            ])
        );
    }

    #[test]
    fn built_in_roles_go_by_name_and_a_role_outside_the_catalog_is_kept_as_it_came() {
        let catalog = catalog().workspace_roles;
        let user = Uuid::from_u128(1);
        let entry = member_entry(user, &names(&["dev", "billing"]), &catalog);
        assert_eq!(
            entry.role_names,
            Some(vec![WorkspaceRole::Dev, WorkspaceRole::Billing])
        );
        assert_eq!(entry.roles, None);
        let unlisted = "5a3f0000-0000-0000-0000-000000000001".to_owned();
        let entry = member_entry(user, &["dev".into(), unlisted.clone()], &catalog);
        assert_eq!(
            entry.roles,
            Some(vec![WorkspaceRole::Dev.uuid().to_string(), unlisted]),
            "a role outside the catalog is kept as it came"
        );
    }

    #[test]
    fn ticking_one_role_keeps_the_others_each_member_holds() {
        let targets = [
            target("Jane", &["workspace_admin"]),
            target("Ana", &["dev"]),
        ];
        let ticks = vec![("observability_viewer".to_owned(), RoleTick::On)];
        let changes = role_changes(&targets, &ticks).unwrap();
        assert_eq!(
            changes[0].after,
            names(&["workspace_admin", "observability_viewer"])
        );
        assert_eq!(changes[1].after, names(&["dev", "observability_viewer"]));
        assert_eq!(
            describe_change(&changes[1]),
            "Ana: dev -> dev, observability_viewer"
        );
    }

    #[test]
    fn exactly_these_roles_drop_every_other_and_nobody_is_left_without_one() {
        let catalog = catalog().workspace_roles;
        let targets = [
            target("Jane", &["dev", "workflow_executor"]),
            target("Ana", &["workspace_admin"]),
        ];
        let ticks = exactly(&names(&["workspace_admin"]), &catalog, &targets);
        let changes = role_changes(&targets, &ticks).unwrap();
        assert_eq!(changes.len(), 1, "Ana holds exactly that already");
        assert_eq!(changes[0].after, names(&["workspace_admin"]));
        let off = vec![
            ("dev".to_owned(), RoleTick::Off),
            ("workflow_executor".to_owned(), RoleTick::Off),
        ];
        let err = role_changes(&targets[..1], &off).unwrap_err().to_string();
        assert!(err.starts_with("Jane would have no role here"), "{err}");
    }
}
