//! Role names in an organization file, checked against the role catalog before anything is
//! planned, and the role lists that requests carry turned back into names.

use crate::api::{RolesOut, WorkspaceMemberSingleIn};
use crate::domain::OrgRole;
use crate::domain::org::Organization;

/// Every role the file names that the organization does not know, one problem each.
pub fn unknown_roles(wanted: &Organization, catalog: &RolesOut) -> Vec<String> {
    let workspace_roles: Vec<&str> = catalog
        .workspace_roles
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    let known_workspace = |role: &String| workspace_roles.contains(&role.as_str());
    let known_org = |role: &String| OrgRole::from_name(role).is_some();
    let mut problems = Vec::new();
    let mut say = |what: String, role: &String, list: &str| {
        problems.push(format!("{what}: no role {role:?}; the roles are {list}"));
    };
    let workspace_list = workspace_roles.join(", ");
    let org_list = OrgRole::ALL.map(|r| r.name()).join(", ");
    for workspace in wanted.workspaces.iter().filter(|w| !w.archived) {
        for (email, roles) in &workspace.members {
            for role in roles.iter().filter(|r| !known_workspace(r)) {
                say(
                    format!("{email} in workspace {:?}", workspace.name),
                    role,
                    &workspace_list,
                );
            }
        }
    }
    for group in &wanted.groups {
        for (place, roles) in &group.workspaces {
            for role in roles.iter().filter(|r| !known_workspace(r)) {
                say(
                    format!("group {:?} in workspace {place:?}", group.name),
                    role,
                    &workspace_list,
                );
            }
        }
        if let Some(role) = group.organization_role.as_ref().filter(|r| !known_org(r)) {
            say(format!("group {:?}", group.name), role, &org_list);
        }
    }
    for person in &wanted.people {
        for role in person.roles.iter().filter(|r| !known_org(r)) {
            say(format!("person {}", person.email), role, &org_list);
        }
    }
    for invitation in &wanted.invitations {
        for role in invitation.roles.iter().filter(|r| !known_org(r)) {
            say(format!("invitation {}", invitation.email), role, &org_list);
        }
    }
    problems
}

/// The role names a member entry of a request gives, by name or by catalog UUID or code.
pub fn entry_roles(entry: &WorkspaceMemberSingleIn, catalog: &RolesOut) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in entry
        .role_names
        .iter()
        .flatten()
        .chain(entry.role_name.iter())
    {
        names.push(name.name().to_owned());
    }
    for value in entry.roles.iter().flatten().chain(entry.role.iter()) {
        names.push(match catalog.workspace_role(value) {
            Some(role) => role.name.clone(),
            None => value.clone(),
        });
    }
    crate::domain::roles::normalize_workspace_role_names(names)
}
