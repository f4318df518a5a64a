//! User groups: creating, editing and deleting them, their members, nesting one inside
//! another, assigning them to workspaces with roles, their organization role, and
//! provisioning a workspace from a group. Groups owned by the identity provider keep their
//! name, members and existence there; asking to change those is refused before sending.

use uuid::Uuid;

use super::error::ActionError;
use super::plan::{Intent, Plan};
use super::request::Request;
use super::request_groups::GroupRequest;
use super::resolve::name_holder;
use crate::api::{
    AdminUpdateUserGroupIn, AdminUserGroupIn, AdminUserGroupOut, UpdateUserGroupOrganizationRoleIn,
};
use crate::domain::OrgRole;
use crate::domain::text::name_key;

/// A group by UUID or name (ignoring case, accents and surrounding spaces, as the server
/// keeps group names unique).
pub fn group<'a>(
    groups: &'a [AdminUserGroupOut],
    given: &str,
) -> Result<&'a AdminUserGroupOut, ActionError> {
    let id = Uuid::parse_str(given.trim()).ok();
    let key = name_key(given);
    if let Some(found) = groups
        .iter()
        .find(|g| Some(g.uuid) == id || name_key(&g.name) == key)
    {
        return Ok(found);
    }
    Err(ActionError::NotFound {
        what: "group",
        given: given.to_owned(),
        suggestions: groups
            .iter()
            .filter(|g| {
                let folded = name_key(&g.name);
                !key.is_empty() && (folded.contains(&key) || key.contains(&folded))
            })
            .map(|g| g.name.clone())
            .collect(),
    })
}

/// `W` for a group that gives access to workspaces, `O` for the organization.
pub fn target_code(given: &str) -> Result<String, ActionError> {
    match given.trim().to_lowercase().as_str() {
        "w" | "workspace" | "workspaces" => Ok("W".into()),
        "o" | "organization" | "organisation" => Ok("O".into()),
        _ => Err(ActionError::invalid(
            "target",
            format!("{given:?} is not a target: use workspaces (W) or organization (O)"),
        )),
    }
}

pub(super) fn provider_owned(group: &AdminUserGroupOut, what: &str) -> Result<(), ActionError> {
    if group.externally_managed == Some(true) {
        return Err(ActionError::refused(format!(
            "\"{}\" comes from the identity provider, which owns its {what}: change it there",
            group.name
        )));
    }
    Ok(())
}

fn ensure_name_free(
    name: &str,
    groups: &[AdminUserGroupOut],
    except: Option<Uuid>,
) -> Result<(), ActionError> {
    match name_holder(groups, name, except, |g| (g.uuid, &g.name)) {
        Some(existing) => Err(ActionError::refused(format!(
            "A group named \"{}\" already exists",
            existing.name
        ))),
        None => Ok(()),
    }
}

pub(super) fn plan(done: String, summary: String, request: GroupRequest, label: String) -> Plan {
    Plan::single(
        Intent::Group { done },
        summary,
        Request::Group(request),
        label,
    )
}

pub(super) fn nothing(why: String) -> Plan {
    Plan::nothing(Intent::Group { done: why.clone() }, why)
}

/// A new group, optionally nested inside `parents`.
pub fn create(
    name: &str,
    description: Option<&str>,
    target_type: Option<String>,
    parents: &[&AdminUserGroupOut],
    groups: &[AdminUserGroupOut],
) -> Result<Plan, ActionError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ActionError::invalid("name", "A group needs a name"));
    }
    ensure_name_free(name, groups, None)?;
    let body = AdminUserGroupIn {
        name: name.to_owned(),
        description: description.map(str::to_owned),
        target_type,
        parent_group_ids: parents.iter().map(|p| p.uuid).collect(),
    };
    let mut summary = format!("Create the group \"{name}\"");
    if !parents.is_empty() {
        let names: Vec<String> = parents.iter().map(|p| format!("\"{}\"", p.name)).collect();
        summary.push_str(&format!(", nested inside {}", names.join(", ")));
    }
    Ok(plan(
        format!("Created the group \"{name}\""),
        summary,
        GroupRequest::Create { body },
        format!("create the group \"{name}\""),
    ))
}

/// Renames a group or changes its description or target; what is unchanged is not sent.
pub fn edit(
    group: &AdminUserGroupOut,
    name: Option<&str>,
    description: Option<&str>,
    target_type: Option<String>,
    groups: &[AdminUserGroupOut],
) -> Result<Plan, ActionError> {
    let mut body = AdminUpdateUserGroupIn::default();
    let mut what = Vec::new();
    if let Some(name) = name.map(str::trim).filter(|n| *n != group.name) {
        if name.is_empty() {
            return Err(ActionError::invalid("name", "A group needs a name"));
        }
        provider_owned(group, "name")?;
        ensure_name_free(name, groups, Some(group.uuid))?;
        body.name = Some(name.to_owned());
        what.push("name");
    }
    if let Some(text) = description.filter(|d| Some(*d) != group.description.as_deref()) {
        body.description = Some(text.to_owned());
        what.push("description");
    }
    if let Some(code) = target_type.filter(|t| Some(t) != group.target_type.as_ref()) {
        body.target_type = Some(code);
        what.push("target");
    }
    if what.is_empty() {
        return Ok(nothing(format!(
            "Nothing to change: \"{}\" already has these values",
            group.name
        )));
    }
    let after = body.name.clone().unwrap_or_else(|| group.name.clone());
    Ok(plan(
        format!("Saved the group \"{after}\""),
        format!(
            "Change the {} of the group \"{}\"",
            what.join(", "),
            group.name
        ),
        GroupRequest::Update {
            group: group.uuid,
            body,
        },
        format!("save the group \"{}\"", group.name),
    ))
}

/// The organization role every member of the group holds through it.
pub fn set_role(group: &AdminUserGroupOut, role: OrgRole) -> Result<Plan, ActionError> {
    let current = group
        .organization_role
        .as_deref()
        .and_then(OrgRole::parse_any);
    if current == Some(role) {
        return Ok(nothing(format!(
            "Nothing to change: the group \"{}\" already grants {role}",
            group.name
        )));
    }
    let before = current.map_or("no organization role".to_owned(), |r| r.to_string());
    Ok(plan(
        format!("The group \"{}\" now grants {role}", group.name),
        format!(
            "Change the organization role of the group \"{}\": {before} -> {role}",
            group.name
        ),
        GroupRequest::SetOrganizationRole {
            group: group.uuid,
            body: UpdateUserGroupOrganizationRoleIn {
                organization_role: role.code().to_owned(),
            },
        },
        format!("set the organization role of the group \"{}\"", group.name),
    ))
}

pub mod access;
mod access_words;
mod deletion;
mod links;

pub use deletion::{delete, losses};

pub use links::{add_members, assign, nest, provision, remove_members, unassign};

#[cfg(test)]
mod access_tests;
#[cfg(test)]
mod tests;
