//! What a group is linked to: its members, the groups it is nested inside, the workspaces
//! it is assigned to, and provisioning a workspace from it.

use uuid::Uuid;

use super::{nothing, plan, provider_owned};
use crate::actions::error::ActionError;
use crate::actions::members::{Person, names};
use crate::actions::outcome::count_of;
use crate::actions::plan::Plan;
use crate::actions::request_groups::GroupRequest;
use crate::api::{
    AdminProvisionGroupToWorkspaceIn, AdminUpdateUserGroupIn, AdminUserGroupMemberOut,
    AdminUserGroupOut, AssignGroupToWorkspaceIn, GroupWorkspaceAssignmentOut, RoleOut,
    UpdateGroupWorkspaceAssignmentIn, WorkspaceOut,
};
use crate::domain::WorkspaceRole;

/// Adds organization members to a group; those already in it are left out, and said so.
pub fn add_members(
    group: &AdminUserGroupOut,
    people: &[Person],
    current: &[AdminUserGroupMemberOut],
) -> Result<Plan, ActionError> {
    change_members(group, people, current, Membership::Join)
}

/// Takes people out of a group; they keep what they hold directly or through other groups.
pub fn remove_members(
    group: &AdminUserGroupOut,
    people: &[Person],
    current: &[AdminUserGroupMemberOut],
) -> Result<Plan, ActionError> {
    change_members(group, people, current, Membership::Leave)
}

/// Which way a change of a group's members goes.
#[derive(Clone, Copy, PartialEq)]
enum Membership {
    Join,
    Leave,
}

/// One plan for either way: the people it applies to are sent in one request, the rest (already
/// in the group when joining, not in it when leaving) are named in a note.
fn change_members(
    group: &AdminUserGroupOut,
    people: &[Person],
    current: &[AdminUserGroupMemberOut],
    way: Membership,
) -> Result<Plan, ActionError> {
    provider_owned(group, "members")?;
    let (inside, outside): (Vec<&Person>, Vec<&Person>) = people
        .iter()
        .partition(|p| current.iter().any(|m| m.user_uuid == p.user_id));
    let g = &group.name;
    let (acting, left_out, left_out_are, verb) = match way {
        Membership::Join => (outside, inside, "already in", "add"),
        Membership::Leave => (inside, outside, "not in", "remove"),
    };
    if acting.is_empty() {
        return Ok(nothing(format!(
            "Nothing to {verb}: {} {left_out_are} \"{g}\"",
            names(&left_out)
        )));
    }
    let count = count_of(acting.len(), "member", "members");
    let users = acting.iter().map(|p| p.user_id).collect();
    let (done, confirm, request, journal) = match way {
        Membership::Join => (
            format!("Added {count} to the group \"{g}\""),
            format!("Add {count} to the group \"{g}\": {}", names(&acting)),
            GroupRequest::AddMembers {
                group: group.uuid,
                users,
            },
            format!("add {count} to the group \"{g}\""),
        ),
        Membership::Leave => (
            format!("Removed {count} from the group \"{g}\""),
            format!(
                "Remove {count} from the group \"{g}\": {}. They lose what it grants unless they hold it otherwise.",
                names(&acting)
            ),
            GroupRequest::RemoveMembers {
                group: group.uuid,
                users,
            },
            format!("remove {count} from the group \"{g}\""),
        ),
    };
    let plan = plan(done, confirm, request, journal);
    Ok(plan.with_note_on(&left_out, |left_out| {
        format!("{} {left_out_are} \"{g}\"", names(left_out))
    }))
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
) -> (
    Option<Vec<crate::domain::WorkspaceRole>>,
    Option<Vec<String>>,
) {
    let entry = crate::actions::roles::member_entry(Uuid::nil(), roles, catalog);
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
                workspace_role_name: Some(role),
            },
        },
        format!(
            "provision \"{}\" from the group \"{}\"",
            workspace.name, group.name
        ),
    ))
}
