//! Workspace membership: add, add-or-update (how roles change), and remove. Only people who
//! are already organization members can join a workspace, and the change is immediate.

use std::collections::HashMap;

use rusqlite::Transaction;
use uuid::Uuid;

use super::audit::{self, Entry};
use super::checks;
use super::workspaces::{self, WorkspaceRow};
use super::{Op, decode_workspace_roles, encode_workspace_roles, uuid_at};
use crate::api::*;
use crate::domain::WorkspaceRole;
use crate::server::clock::to_micros;
use crate::server::error::{ApiError, ApiResult};
use crate::server::validate::requested_roles;

/// Adds one member and records it.
pub fn insert(
    op: Op<'_>,
    workspace: Uuid,
    workspace_name: &str,
    user: Uuid,
    roles: &[WorkspaceRole],
) -> ApiResult<()> {
    op.tx.prepare_cached(
        "INSERT INTO workspace_members (workspace_uuid, user_uuid, roles, added_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(rusqlite::params![
        workspace.to_string(),
        user.to_string(),
        encode_workspace_roles(roles),
        to_micros(op.now)
    ])?;
    audit::record(op, added_entry(workspace, workspace_name, user, roles))
}

/// The audit entry of a member added to a workspace with `roles`; the API and the seeds'
/// history record it alike.
pub fn added_entry(workspace: Uuid, name: &str, user: Uuid, roles: &[WorkspaceRole]) -> Entry {
    Entry::workspace("workspace.member.add", workspace, name)
        .detail("user_uuid", user)
        .detail("roles", encode_workspace_roles(roles))
        .in_workspace(workspace)
}

/// Changes the roles of one member of `workspace` from `old` to `new` and records it; direct
/// edits and provisioning a group's members both change roles this way.
pub fn set_roles(
    op: Op<'_>,
    workspace: &WorkspaceRow,
    user: Uuid,
    old: &[WorkspaceRole],
    new: &[WorkspaceRole],
) -> ApiResult<()> {
    // Cached: a group's provisioning and a bulk update call this once per member.
    op.tx
        .prepare_cached(
            "UPDATE workspace_members SET roles = ?1 WHERE workspace_uuid = ?2 AND user_uuid = ?3",
        )?
        .execute([
            encode_workspace_roles(new),
            workspace.uuid.to_string(),
            user.to_string(),
        ])?;
    audit::record(
        op,
        Entry::workspace(
            "workspace.member.role.update",
            workspace.uuid,
            &workspace.name,
        )
        .detail("user_uuid", user)
        .detail("old_roles", encode_workspace_roles(old))
        .detail("new_roles", encode_workspace_roles(new))
        .in_workspace(workspace.uuid),
    )
}

/// The members of `workspace` and each one's roles, read in one query.
pub fn current_roles(
    tx: &Transaction<'_>,
    workspace: Uuid,
) -> ApiResult<HashMap<Uuid, Vec<WorkspaceRole>>> {
    let mut stmt = tx.prepare_cached(
        "SELECT user_uuid, roles FROM workspace_members WHERE workspace_uuid = ?1",
    )?;
    let rows = stmt.query_map([workspace.to_string()], |row| {
        Ok((
            uuid_at(row, 0)?,
            decode_workspace_roles(&row.get::<_, String>(1)?),
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn open_for_changes(
    op: Op<'_>,
    workspace: Uuid,
    entries: &[WorkspaceMemberSingleIn],
) -> ApiResult<WorkspaceRow> {
    let row = workspaces::load_active(op.tx, op.org, workspace)?;
    let users: Vec<Uuid> = entries.iter().map(|e| e.user_uuid).collect();
    checks::ensure_org_members(op.tx, op.org, &users, "a workspace")?;
    Ok(row)
}

/// What a batch of entries does to people who are already members.
#[derive(PartialEq)]
enum Existing {
    /// Leaves them as they are.
    Keep,
    /// Gives them the roles their entry asks for, when those differ.
    SetRoles,
}

/// What a batch of entries did: newcomers added, members whose roles changed.
#[derive(Default)]
struct Applied {
    added: i64,
    updated: i64,
}

/// Adds the entries' newcomers, with the roles they ask for or a new member's default, and
/// treats existing members as `existing` says.
fn apply(
    op: Op<'_>,
    workspace: Uuid,
    body: &WorkspaceMemberIn,
    existing: Existing,
) -> ApiResult<Applied> {
    let entries = body.members.as_deref().unwrap_or_default();
    let row = open_for_changes(op, workspace, entries)?;
    let members = current_roles(op.tx, workspace)?;
    let mut applied = Applied::default();
    for entry in entries {
        let requested = requested_roles(entry);
        match members.get(&entry.user_uuid) {
            None => {
                let roles =
                    requested.unwrap_or_else(|| vec![WorkspaceRole::DEFAULT_FOR_NEW_MEMBER]);
                insert(op, workspace, &row.name, entry.user_uuid, &roles)?;
                applied.added += 1;
            }
            Some(old) if existing == Existing::SetRoles => {
                let Some(new) = requested.filter(|new| new != old) else {
                    continue;
                };
                set_roles(op, &row, entry.user_uuid, old, &new)?;
                applied.updated += 1;
            }
            Some(_) => {}
        }
    }
    Ok(applied)
}

/// `POST .../add-users`: adds the people who are not members yet; existing members are left
/// as they are (changing roles is the job of `PATCH .../users`).
pub fn add(
    op: Op<'_>,
    workspace: Uuid,
    body: &WorkspaceMemberIn,
) -> ApiResult<AddUsersToWorkspaceOut> {
    let applied = apply(op, workspace, body, Existing::Keep)?;
    Ok(AddUsersToWorkspaceOut {
        added_members_count: applied.added,
    })
}

/// `PATCH .../users`: adds newcomers and sets the roles of existing members. Idempotent: an
/// entry that asks for the roles a member already has changes nothing and is not counted.
pub fn upsert(
    op: Op<'_>,
    workspace: Uuid,
    body: &WorkspaceMemberIn,
) -> ApiResult<AddOrUpdateUsersToWorkspaceOut> {
    let applied = apply(op, workspace, body, Existing::SetRoles)?;
    Ok(AddOrUpdateUsersToWorkspaceOut {
        added_members_count: applied.added,
        updated_members_count: applied.updated,
    })
}

/// `DELETE .../remove-users`. Never from the default workspace, which every member belongs to.
/// Removes direct memberships; people who were not members, or who keep access through a group,
/// are reported in `not_deleted_members`, and only those who lost access are counted.
pub fn remove(
    op: Op<'_>,
    workspace: Uuid,
    body: &RemoveWorkspaceMembersIn,
) -> ApiResult<RemoveWorkspaceMembersOut> {
    let row = workspaces::load_active(op.tx, op.org, workspace)?;
    if row.is_default {
        return Err(ApiError::conflict(
            "Members cannot be removed from the default workspace; remove them from the organization instead",
        ));
    }
    let mut deleted = 0;
    let mut not_deleted = Vec::new();
    for user in body.members.iter().map(|m| m.user_uuid) {
        let changed = op.tx.execute(
            "DELETE FROM workspace_members WHERE workspace_uuid = ?1 AND user_uuid = ?2",
            [workspace.to_string(), user.to_string()],
        )?;
        if changed > 0 {
            audit::record(
                op,
                Entry::workspace("workspace.member.remove", workspace, &row.name)
                    .detail("user_uuid", user)
                    .in_workspace(workspace),
            )?;
        }
        if changed == 0 || super::access::has_group_access(op.tx, user, workspace)? {
            not_deleted.push(user);
        } else {
            deleted += 1;
        }
    }
    Ok(RemoveWorkspaceMembersOut {
        deleted_members_count: deleted,
        not_deleted_members: Some(not_deleted),
    })
}
