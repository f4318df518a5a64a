//! User groups: creating, editing and deleting them, their members, nesting one inside
//! another, assigning them to workspaces with roles, their organization role, and
//! provisioning a workspace from a group. Groups owned by the identity provider keep their
//! name, members and existence there; asking to change those is refused before sending.

use uuid::Uuid;

use super::error::{ActionError, list_some};
use super::members::Person;
use super::outcome::count_of;
use super::plan::{Intent, Plan, Step};
use super::request::Request;
use super::request_groups::GroupRequest;
use crate::api::{
    AdminProvisionGroupToWorkspaceIn, AdminUpdateUserGroupIn, AdminUserGroupIn,
    AdminUserGroupMemberOut, AdminUserGroupOut, AssignGroupToWorkspaceIn,
    GroupWorkspaceAssignmentOut, RoleOut, UpdateGroupWorkspaceAssignmentIn,
    UpdateUserGroupOrganizationRoleIn, WorkspaceOut, WorkspaceRoleName,
};
use crate::domain::text::name_key;
use crate::domain::{OrgRole, WorkspaceRole};

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

fn provider_owned(group: &AdminUserGroupOut, what: &str) -> Result<(), ActionError> {
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
    let key = name_key(name);
    match groups
        .iter()
        .find(|g| Some(g.uuid) != except && name_key(&g.name) == key)
    {
        Some(existing) => Err(ActionError::refused(format!(
            "A group named \"{}\" already exists",
            existing.name
        ))),
        None => Ok(()),
    }
}

fn plan(done: String, summary: String, request: GroupRequest, label: String) -> Plan {
    Plan::new(
        Intent::Group { done },
        summary,
        vec![Step::new(Request::Group(request), label)],
    )
}

fn nothing(why: String) -> Plan {
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

/// Deletes a group for good; its members lose what it granted. Confirmed by its name.
pub fn delete(
    group: &AdminUserGroupOut,
    members: usize,
    assignments: &[GroupWorkspaceAssignmentOut],
) -> Result<Plan, ActionError> {
    provider_owned(group, "existence")?;
    let mut summary = format!(
        "Deleting the group \"{}\" is permanent: its {} lose what it grants",
        group.name,
        count_of(members, "direct member", "direct members")
    );
    if !assignments.is_empty() {
        let places: Vec<String> = assignments
            .iter()
            .map(|a| format!("\"{}\"", a.workspace_name))
            .collect();
        summary.push_str(&format!(" in {}", list_some(&places)));
    }
    if group.organization_role.is_some() {
        summary.push_str(", and its organization role");
    }
    Ok(plan(
        format!("Deleted the group \"{}\"", group.name),
        summary,
        GroupRequest::Delete { group: group.uuid },
        format!("delete the group \"{}\"", group.name),
    )
    .with_confirmation(vec![group.name.clone()]))
}

fn names(people: &[&Person]) -> String {
    list_some(&people.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
}

/// Adds organization members to a group; those already in it are left out, and said so.
pub fn add_members(
    group: &AdminUserGroupOut,
    people: &[Person],
    current: &[AdminUserGroupMemberOut],
) -> Result<Plan, ActionError> {
    provider_owned(group, "members")?;
    let (already, newcomers): (Vec<&Person>, Vec<&Person>) = people
        .iter()
        .partition(|p| current.iter().any(|m| m.user_uuid == p.user_id));
    if newcomers.is_empty() {
        return Ok(nothing(format!(
            "Nothing to add: {} already in \"{}\"",
            names(&already),
            group.name
        )));
    }
    let count = count_of(newcomers.len(), "member", "members");
    let mut plan = plan(
        format!("Added {count} to the group \"{}\"", group.name),
        format!(
            "Add {count} to the group \"{}\": {}",
            group.name,
            names(&newcomers)
        ),
        GroupRequest::AddMembers {
            group: group.uuid,
            users: newcomers.iter().map(|p| p.user_id).collect(),
        },
        format!("add {count} to the group \"{}\"", group.name),
    );
    if !already.is_empty() {
        plan = plan.with_note(format!("{} already in \"{}\"", names(&already), group.name));
    }
    Ok(plan)
}

/// Takes people out of a group; they keep what they hold directly or through other groups.
pub fn remove_members(
    group: &AdminUserGroupOut,
    people: &[Person],
    current: &[AdminUserGroupMemberOut],
) -> Result<Plan, ActionError> {
    provider_owned(group, "members")?;
    let (leaving, strangers): (Vec<&Person>, Vec<&Person>) = people
        .iter()
        .partition(|p| current.iter().any(|m| m.user_uuid == p.user_id));
    if leaving.is_empty() {
        return Ok(nothing(format!(
            "Nothing to remove: {} not in \"{}\"",
            names(&strangers),
            group.name
        )));
    }
    let count = count_of(leaving.len(), "member", "members");
    let mut plan = plan(
        format!("Removed {count} from the group \"{}\"", group.name),
        format!(
            "Remove {count} from the group \"{}\": {}. They lose what it grants unless they hold it otherwise.",
            group.name,
            names(&leaving)
        ),
        GroupRequest::RemoveMembers {
            group: group.uuid,
            users: leaving.iter().map(|p| p.user_id).collect(),
        },
        format!("remove {count} from the group \"{}\"", group.name),
    );
    if !strangers.is_empty() {
        plan = plan.with_note(format!("{} not in \"{}\"", names(&strangers), group.name));
    }
    Ok(plan)
}

/// Nests `child` inside `parent` (its members become members of `parent` too), or with
/// `inside == false` takes it out. The child's full list of parents is sent.
pub fn nest(
    child: &AdminUserGroupOut,
    parent: &AdminUserGroupOut,
    inside: bool,
) -> Result<Plan, ActionError> {
    if child.uuid == parent.uuid {
        return Err(ActionError::refused(format!(
            "\"{}\" cannot be nested inside itself",
            child.name
        )));
    }
    let mut parents = child.parent_group_ids.clone();
    let present = parents.contains(&parent.uuid);
    let pair = format!("\"{}\" inside \"{}\"", child.name, parent.name);
    if present == inside {
        let state = if inside { "already" } else { "not" };
        return Ok(nothing(format!(
            "Nothing to change: {pair} is {state} nested"
        )));
    }
    if inside {
        parents.push(parent.uuid);
    } else {
        parents.retain(|p| *p != parent.uuid);
    }
    let (done, summary) = if inside {
        (
            format!("Nested {pair}"),
            format!(
                "Nest {pair}: its members become members of \"{}\" too",
                parent.name
            ),
        )
    } else {
        (
            format!(
                "\"{}\" is no longer nested inside \"{}\"",
                child.name, parent.name
            ),
            format!("Take \"{}\" out of \"{}\"", child.name, parent.name),
        )
    };
    Ok(plan(
        done,
        summary,
        GroupRequest::Update {
            group: child.uuid,
            body: AdminUpdateUserGroupIn {
                parent_group_ids: Some(parents),
                ..AdminUpdateUserGroupIn::default()
            },
        },
        format!("set the parents of \"{}\"", child.name),
    ))
}

/// The roles of an assignment body: built-in roles by name, else every role by UUID.
fn role_fields(
    roles: &[String],
    catalog: &[RoleOut],
) -> (Option<Vec<WorkspaceRoleName>>, Option<Vec<String>>) {
    let entry = super::roles::member_entry(Uuid::nil(), roles, catalog);
    (entry.role_names, entry.roles)
}

/// Assigns a group to a workspace with `roles`, or changes the roles of its assignment there.
pub fn assign(
    group: &AdminUserGroupOut,
    workspace: &WorkspaceOut,
    roles: &[String],
    assignments: &[GroupWorkspaceAssignmentOut],
    catalog: &[RoleOut],
) -> Result<Plan, ActionError> {
    if roles.is_empty() {
        return Err(ActionError::invalid("role", "choose at least one role"));
    }
    let wanted = crate::domain::roles::normalize_workspace_role_names(roles.to_vec());
    let (role_names, role_ids) = role_fields(&wanted, catalog);
    let pair = format!("\"{}\" in \"{}\"", group.name, workspace.name);
    let listed = wanted.join(", ");
    match assignments
        .iter()
        .find(|a| a.workspace_uuid == workspace.uuid)
    {
        Some(existing) => {
            let held = crate::domain::roles::normalize_workspace_role_names(
                existing.roles.iter().map(|r| r.name.clone()).collect(),
            );
            if held == wanted {
                return Ok(nothing(format!(
                    "Nothing to change: {pair} already grants {listed}"
                )));
            }
            Ok(plan(
                format!("The group {pair} now grants {listed}"),
                format!(
                    "Change what the group {pair} grants: {} -> {listed}",
                    held.join(", ")
                ),
                GroupRequest::UpdateAssignment {
                    group: group.uuid,
                    workspace: workspace.uuid,
                    body: UpdateGroupWorkspaceAssignmentIn {
                        role_names,
                        roles: role_ids,
                        role: None,
                    },
                },
                format!("change the roles of the group {pair}"),
            ))
        }
        None => Ok(plan(
            format!(
                "Assigned the group \"{}\" to \"{}\" as {listed}",
                group.name, workspace.name
            ),
            format!(
                "Assign the group \"{}\" to \"{}\": its members gain {listed} there",
                group.name, workspace.name
            ),
            GroupRequest::Assign {
                group: group.uuid,
                body: AssignGroupToWorkspaceIn {
                    role_names,
                    roles: role_ids,
                    role: None,
                    workspace_uuid: workspace.uuid,
                },
            },
            format!(
                "assign the group \"{}\" to \"{}\"",
                group.name, workspace.name
            ),
        )),
    }
}

/// Ends a group's assignment to a workspace.
pub fn unassign(
    group: &AdminUserGroupOut,
    workspace: &WorkspaceOut,
    assignments: &[GroupWorkspaceAssignmentOut],
) -> Result<Plan, ActionError> {
    if !assignments
        .iter()
        .any(|a| a.workspace_uuid == workspace.uuid)
    {
        return Ok(nothing(format!(
            "Nothing to change: the group \"{}\" is not assigned to \"{}\"",
            group.name, workspace.name
        )));
    }
    Ok(plan(
        format!(
            "The group \"{}\" no longer grants access to \"{}\"",
            group.name, workspace.name
        ),
        format!(
            "Unassign the group \"{}\" from \"{}\": its members lose what it granted there, unless they hold it otherwise",
            group.name, workspace.name
        ),
        GroupRequest::Unassign {
            group: group.uuid,
            workspace: workspace.uuid,
        },
        format!(
            "unassign the group \"{}\" from \"{}\"",
            group.name, workspace.name
        ),
    ))
}

/// Makes every member of the group (nested groups included) a direct member of the
/// workspace with one role: a copy made once, unlike an assignment.
pub fn provision(
    group: &AdminUserGroupOut,
    workspace: &WorkspaceOut,
    role: WorkspaceRole,
) -> Result<Plan, ActionError> {
    Ok(plan(
        format!(
            "Provisioned \"{}\" from the group \"{}\" as {role}",
            workspace.name, group.name
        ),
        format!(
            "Make every member of the group \"{}\" a direct member of \"{}\" as {role} (a one-time copy; later members of the group are not added)",
            group.name, workspace.name
        ),
        GroupRequest::Provision {
            body: AdminProvisionGroupToWorkspaceIn {
                user_group_uuid: group.uuid,
                workspace_uuid: workspace.uuid,
                workspace_role: None,
                workspace_role_name: Some(role.into()),
            },
        },
        format!(
            "provision \"{}\" from the group \"{}\"",
            workspace.name, group.name
        ),
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

#[cfg(test)]
#[path = "groups_tests.rs"]
mod tests;
