//! The direct members of a group: listing, adding and removing. Only organization members can
//! join a group; the members of groups nested inside it are not listed here (see
//! `access::effective_members`).

use rusqlite::Transaction;
use uuid::Uuid;

use super::audit::{self, Entry};
use super::groups::{self, GroupRow};
use super::{Listing, Op, Paging, checks, uuid_at};
use crate::api::*;
use crate::server::clock::to_micros;
use crate::server::error::ApiResult;

/// `GET /user-groups/{group_uuid}/members`: by when they joined the organization.
pub fn list(
    tx: &Transaction<'_>,
    org: Uuid,
    group: Uuid,
    paging: Paging,
) -> ApiResult<AdminUserGroupMembersOut> {
    groups::load(tx, org, group)?;
    let listing = Listing {
        columns: "u.uuid, u.first_name, u.last_name, u.email",
        from: "user_group_members m JOIN users u ON u.uuid = m.user_uuid WHERE m.group_uuid = ?1",
        order: "u.created_at, u.uuid",
    };
    let (total, members) = listing.page(tx, [group.to_string()], paging, |row| {
        let first: Option<String> = row.get(1)?;
        let last: Option<String> = row.get(2)?;
        let full = format!(
            "{} {}",
            first.as_deref().unwrap_or(""),
            last.as_deref().unwrap_or("")
        );
        let full = full.trim();
        Ok(AdminUserGroupMemberOut {
            user_uuid: uuid_at(row, 0)?,
            name: (!full.is_empty()).then(|| full.to_owned()),
            email: row.get(3)?,
        })
    })?;
    Ok(AdminUserGroupMembersOut {
        total,
        members,
        page: paging.page,
        page_size: paging.page_size,
    })
}

fn is_member(tx: &Transaction<'_>, group: Uuid, user: Uuid) -> ApiResult<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT 1 FROM user_group_members WHERE group_uuid = ?1 AND user_uuid = ?2",
        )?
        .exists([group.to_string(), user.to_string()])?)
}

/// Adds one member and records it; SCIM uses this for the provider's memberships.
pub fn insert(op: Op<'_>, group: &GroupRow, user: Uuid) -> ApiResult<()> {
    op.tx
        .prepare_cached(
            "INSERT INTO user_group_members (group_uuid, user_uuid, added_at) VALUES (?1, ?2, ?3)",
        )?
        .execute(rusqlite::params![
            group.uuid.to_string(),
            user.to_string(),
            to_micros(op.now)
        ])?;
    audit::record(
        op,
        Entry::user_group("user_group.member.add", group.uuid, &group.name)
            .detail("user_uuid", user),
    )
}

/// Removes one member and records it, if they were one; says whether they were.
pub fn take_out(op: Op<'_>, group: &GroupRow, user: Uuid) -> ApiResult<bool> {
    let removed = op
        .tx
        .prepare_cached("DELETE FROM user_group_members WHERE group_uuid = ?1 AND user_uuid = ?2")?
        .execute([group.uuid.to_string(), user.to_string()])?;
    if removed == 0 {
        return Ok(false);
    }
    audit::record(
        op,
        Entry::user_group("user_group.member.remove", group.uuid, &group.name)
            .detail("user_uuid", user),
    )?;
    Ok(true)
}

/// `POST /user-groups/{group_uuid}/members`: people already in the group are left as they are.
pub fn add(op: Op<'_>, group: Uuid, body: &AdminAssignUsersToGroupIn) -> ApiResult<()> {
    let users = &body.user_uuids;
    let row = groups::load(op.tx, op.org, group)?;
    row.ensure_owned_here("members")?;
    checks::ensure_org_members(op.tx, op.org, users, "a group")?;
    for user in users {
        if !is_member(op.tx, group, *user)? {
            insert(op, &row, *user)?;
        }
    }
    Ok(())
}

/// `DELETE /user-groups/{group_uuid}/members`: people who are not members are ignored.
pub fn remove(op: Op<'_>, group: Uuid, body: &AdminAssignUsersToGroupIn) -> ApiResult<()> {
    let row = groups::load(op.tx, op.org, group)?;
    row.ensure_owned_here("members")?;
    for user in &body.user_uuids {
        take_out(op, &row, *user)?;
    }
    Ok(())
}
