//! A group's workspace assignments (a live grant: everyone in the group holds the assigned
//! roles in the workspace for as long as they are in the group and the group is assigned), and
//! provisioning (a one-time copy: the group's members become direct members of a workspace).

use rusqlite::{OptionalExtension, Transaction};
use uuid::Uuid;

use super::audit::{self, Entry};
use super::workspaces::{self, WorkspaceRow};
use super::{
    Listing, Op, Paging, access, decode_workspace_roles, encode_workspace_roles, groups, members,
    uuid_at,
};
use crate::api::*;
use crate::domain::{WorkspaceRole, roles};
use crate::server::clock::{from_micros, to_micros};
use crate::server::error::{ApiError, ApiResult};
use crate::server::validate::requested_roles;
use crate::server::validate_groups::requested_provision_role;

/// `GET /user-groups/{group_uuid}/workspaces`: assignments to active workspaces, oldest first.
pub fn list(
    tx: &Transaction<'_>,
    org: Uuid,
    group: Uuid,
    paging: Paging,
) -> ApiResult<GroupWorkspaceAssignmentsOut> {
    groups::load(tx, org, group)?;
    let listing = Listing {
        columns: "w.uuid, w.name, a.roles, a.created_at",
        from: "group_workspace_assignments a JOIN workspaces w ON w.uuid = a.workspace_uuid
               WHERE a.group_uuid = ?1 AND w.archived_at IS NULL",
        order: "a.created_at, w.uuid",
    };
    let (total, items) = listing.page(tx, [group.to_string()], paging, |row| {
        let roles = decode_workspace_roles(&row.get::<_, String>(2)?);
        let principal = roles.first().copied();
        Ok(GroupWorkspaceAssignmentOut {
            roles: roles
                .iter()
                .map(|r| WorkspaceRoleRef {
                    name: r.name().to_owned(),
                    uuid: r.uuid(),
                })
                .collect(),
            role_uuid: principal.map(WorkspaceRole::uuid),
            role_name: principal.map(|r| r.name().to_owned()),
            workspace_uuid: uuid_at(row, 0)?,
            workspace_name: row.get(1)?,
            created: from_micros(row.get(3)?),
        })
    })?;
    Ok(GroupWorkspaceAssignmentsOut {
        total,
        items,
        page: paging.page,
        page_size: paging.page_size,
    })
}

fn assigned_roles(
    tx: &Transaction<'_>,
    group: Uuid,
    workspace: Uuid,
) -> ApiResult<Option<Vec<WorkspaceRole>>> {
    Ok(tx
        .query_row(
            "SELECT roles FROM group_workspace_assignments WHERE group_uuid = ?1 AND workspace_uuid = ?2",
            [group.to_string(), workspace.to_string()],
            |row| row.get::<_, String>(0),
        )
        .optional()?
        .map(|text| decode_workspace_roles(&text)))
}

/// The group and the active workspace a change concerns.
fn open(op: Op<'_>, group: Uuid, workspace: Uuid) -> ApiResult<(groups::GroupRow, WorkspaceRow)> {
    let group = groups::load(op.tx, op.org, group)?;
    let workspace = workspaces::load_active(op.tx, op.org, workspace)?;
    Ok((group, workspace))
}

fn not_assigned(group: &groups::GroupRow, workspace: &WorkspaceRow) -> ApiError {
    ApiError::not_found(format!(
        "Group '{}' is not assigned to workspace '{}'",
        group.name, workspace.name
    ))
}

fn entry(event: &'static str, group: &groups::GroupRow, workspace: &WorkspaceRow) -> Entry {
    Entry::user_group(event, group.uuid, &group.name)
        .detail("workspace_uuid", workspace.uuid)
        .detail("workspace_name", &workspace.name)
        .in_workspace(workspace.uuid)
}

/// `POST /user-groups/{group_uuid}/workspaces`. A group is assigned to a workspace once; its
/// roles change with `PATCH`.
pub fn assign(op: Op<'_>, group: Uuid, body: &AssignGroupToWorkspaceIn) -> ApiResult<()> {
    let (group, workspace) = open(op, group, body.workspace_uuid)?;
    if assigned_roles(op.tx, group.uuid, workspace.uuid)?.is_some() {
        return Err(ApiError::conflict(format!(
            "Group '{}' is already assigned to workspace '{}'; change its roles with PATCH",
            group.name, workspace.name
        )));
    }
    let roles = requested_roles(&body.role_fields())
        .unwrap_or_else(|| vec![WorkspaceRole::DEFAULT_FOR_NEW_MEMBER]);
    op.tx.execute(
        "INSERT INTO group_workspace_assignments (group_uuid, workspace_uuid, roles, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![
            group.uuid.to_string(),
            workspace.uuid.to_string(),
            encode_workspace_roles(&roles),
            to_micros(op.now)
        ],
    )?;
    audit::record(
        op,
        entry("user_group.workspace.provision", &group, &workspace)
            .detail("roles", encode_workspace_roles(&roles)),
    )
}

/// `PATCH /user-groups/{group_uuid}/workspaces/{workspace_uuid}`: a body naming no roles
/// changes nothing.
pub fn update(
    op: Op<'_>,
    group: Uuid,
    workspace: Uuid,
    body: &UpdateGroupWorkspaceAssignmentIn,
) -> ApiResult<()> {
    let (group, workspace) = open(op, group, workspace)?;
    let old = assigned_roles(op.tx, group.uuid, workspace.uuid)?
        .ok_or_else(|| not_assigned(&group, &workspace))?;
    let Some(new) = requested_roles(&body.role_fields()).filter(|new| *new != old) else {
        return Ok(());
    };
    op.tx.execute(
        "UPDATE group_workspace_assignments SET roles = ?1 WHERE group_uuid = ?2 AND workspace_uuid = ?3",
        [encode_workspace_roles(&new), group.uuid.to_string(), workspace.uuid.to_string()],
    )?;
    audit::record(
        op,
        entry("user_group.workspace.update", &group, &workspace)
            .detail("old_roles", encode_workspace_roles(&old))
            .detail("new_roles", encode_workspace_roles(&new)),
    )
}

/// `DELETE /user-groups/{group_uuid}/workspaces/{workspace_uuid}`: the group's members lose
/// what it granted there (direct memberships stay).
pub fn unassign(op: Op<'_>, group: Uuid, workspace: Uuid) -> ApiResult<()> {
    let (group, workspace) = open(op, group, workspace)?;
    let old = assigned_roles(op.tx, group.uuid, workspace.uuid)?
        .ok_or_else(|| not_assigned(&group, &workspace))?;
    op.tx.execute(
        "DELETE FROM group_workspace_assignments WHERE group_uuid = ?1 AND workspace_uuid = ?2",
        [group.uuid.to_string(), workspace.uuid.to_string()],
    )?;
    audit::record(
        op,
        entry("user_group.workspace.deprovision", &group, &workspace)
            .detail("roles", encode_workspace_roles(&old)),
    )
}

/// `POST /user-groups/provision-workspace`: every member of the group (nested groups
/// included) becomes a direct member of the workspace holding the role. Existing members keep
/// their roles and gain this one; nobody loses anything.
pub fn provision(op: Op<'_>, body: &AdminProvisionGroupToWorkspaceIn) -> ApiResult<()> {
    let (group, workspace) = open(op, body.user_group_uuid, body.workspace_uuid)?;
    let role = requested_provision_role(body);
    let (mut added, mut updated) = (0, 0);
    // Read once before the loop: `effective_members` lists each person once (nested groups
    // may reach them twice), so no one is seen again after being added or updated here.
    let existing = members::current_roles(op.tx, workspace.uuid)?;
    for user in access::effective_members(op.tx, group.uuid)? {
        match existing.get(&user) {
            None => {
                members::insert(op, workspace.uuid, &workspace.name, user, &[role])?;
                added += 1;
            }
            Some(old) if !old.contains(&role) => {
                let mut new = old.clone();
                new.push(role);
                let new = roles::normalize_workspace_roles(new);
                members::set_roles(op, &workspace, user, old, &new)?;
                updated += 1;
            }
            Some(_) => {}
        }
    }
    audit::record(
        op,
        entry("user_group.workspace.provision", &group, &workspace)
            .detail("mode", "direct_members")
            .detail("role", role.name())
            .detail("members_added", added)
            .detail("members_updated", updated),
    )
}
