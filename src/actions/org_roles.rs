//! Role names in an organization file, checked against the role catalog before anything is
//! planned, and the role lists that requests carry turned back into names.

use crate::api::{RolesOut, WorkspaceMemberSingleIn};
use crate::domain::OrgRole;
use crate::domain::org::Organization;

/// The role names one kind of holder may hold, and how a problem lists them.
struct Known<'a> {
    names: Vec<&'a str>,
    list: String,
}

impl<'a> Known<'a> {
    fn new(names: Vec<&'a str>) -> Self {
        let list = names.join(", ");
        Self { names, list }
    }
}

/// Every role the file names that the organization does not know, one problem each.
pub fn unknown_roles(wanted: &Organization, catalog: &RolesOut) -> Vec<String> {
    let workspace_roles = Known::new(
        catalog
            .workspace_roles
            .iter()
            .map(|r| r.name.as_str())
            .collect(),
    );
    let org_roles = Known::new(OrgRole::ALL.map(|r| r.name()).to_vec());
    let mut problems = Vec::new();
    // One holder's roles (a member, a group's workspace, a person...), checked against what
    // that kind of holder may hold; the holder is named only when a role is unknown.
    let mut check = |what: &dyn Fn() -> String, roles: &[String], known: &Known| {
        for role in roles.iter().filter(|r| !known.names.contains(&r.as_str())) {
            problems.push(format!(
                "{}: no role {role:?}; the roles are {}",
                what(),
                known.list
            ));
        }
    };
    for workspace in wanted.workspaces.iter().filter(|w| !w.archived) {
        for (email, roles) in &workspace.members {
            let what = || format!("{email} in workspace {:?}", workspace.name);
            check(&what, roles, &workspace_roles);
        }
    }
    for group in &wanted.groups {
        for (place, roles) in &group.workspaces {
            let what = || format!("group {:?} in workspace {place:?}", group.name);
            check(&what, roles, &workspace_roles);
        }
        let what = || format!("group {:?}", group.name);
        check(&what, group.organization_role.as_slice(), &org_roles);
    }
    for person in &wanted.people {
        let what = || format!("person {}", person.email);
        check(&what, &person.roles, &org_roles);
    }
    for invitation in &wanted.invitations {
        let what = || format!("invitation {}", invitation.email);
        check(&what, &invitation.roles, &org_roles);
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
