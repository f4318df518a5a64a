//! The simulated identity provider of each organization (`/x-local/scim`): its users, its
//! groups with their members, and whether it answers. Changes here are the provider's, not
//! Mistral's, so they are not written to the audit log; a sync brings them over.

use rusqlite::{OptionalExtension, Transaction};
use uuid::Uuid;

use super::checks::{self, UniqueName};
use super::{Op, ids_of, uuid_at};
use crate::api::*;
use crate::server::clock::to_micros;
use crate::server::error::{ApiError, ApiResult};

/// Whether the provider answers; `true` until switched off.
pub fn reachable(tx: &Transaction<'_>, org: Uuid) -> ApiResult<bool> {
    Ok(tx
        .query_row(
            "SELECT reachable FROM scim_providers WHERE org_uuid = ?1",
            [org.to_string()],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(true))
}

pub fn set_reachable(tx: &Transaction<'_>, org: Uuid, value: bool) -> ApiResult<()> {
    tx.execute(
        "INSERT INTO scim_providers (org_uuid, reachable) VALUES (?1, ?2)
         ON CONFLICT (org_uuid) DO UPDATE SET reachable = excluded.reachable",
        rusqlite::params![org.to_string(), value],
    )?;
    Ok(())
}

pub fn users(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Vec<LocalScimUserOut>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, user_name, given_name, family_name, active FROM scim_users
         WHERE org_uuid = ?1 ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([org.to_string()], |row| {
        Ok(LocalScimUserOut {
            id: uuid_at(row, 0)?,
            user_name: row.get(1)?,
            given_name: row.get(2)?,
            family_name: row.get(3)?,
            active: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn members_of(tx: &Transaction<'_>, group: Uuid) -> ApiResult<Vec<Uuid>> {
    ids_of(
        tx,
        "SELECT m.user_id FROM scim_group_members m JOIN scim_users u ON u.id = m.user_id
         WHERE m.group_id = ?1 ORDER BY u.created_at, u.id",
        [group.to_string()],
    )
}

pub fn groups(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Vec<LocalScimGroupOut>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, display_name FROM scim_groups WHERE org_uuid = ?1 ORDER BY created_at, id",
    )?;
    let heads: Vec<(Uuid, String)> = stmt
        .query_map([org.to_string()], |row| Ok((uuid_at(row, 0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    heads
        .into_iter()
        .map(|(id, display_name)| {
            Ok(LocalScimGroupOut {
                id,
                display_name,
                members: members_of(tx, id)?,
            })
        })
        .collect()
}

/// `GET /x-local/scim`.
pub fn directory(tx: &Transaction<'_>, org: Uuid) -> ApiResult<LocalScimDirectoryOut> {
    Ok(LocalScimDirectoryOut {
        reachable: reachable(tx, org)?,
        users: users(tx, org)?,
        groups: groups(tx, org)?,
    })
}

fn user(tx: &Transaction<'_>, org: Uuid, id: Uuid) -> ApiResult<LocalScimUserOut> {
    users(tx, org)?
        .into_iter()
        .find(|u| u.id == id)
        .ok_or_else(|| ApiError::not_found(format!("Identity provider user {id} not found")))
}

fn group(tx: &Transaction<'_>, org: Uuid, id: Uuid) -> ApiResult<LocalScimGroupOut> {
    groups(tx, org)?
        .into_iter()
        .find(|g| g.id == id)
        .ok_or_else(|| ApiError::not_found(format!("Identity provider group {id} not found")))
}

/// The provider's user names are unique in an organization, ignoring case.
const USER_NAMES: UniqueName = UniqueName {
    sql: "SELECT user_name FROM scim_users
          WHERE org_uuid = ?1 AND user_name_key = ?2 AND id != ?3",
    key: str::to_lowercase,
    taken: |_, wanted| format!("The identity provider already has a user named {wanted}"),
};

/// Inserts a user with a chosen id; seeding and `POST /x-local/scim/users` use it.
pub fn insert_user(
    tx: &Transaction<'_>,
    org: Uuid,
    id: Uuid,
    body: &LocalScimUserIn,
    at: time::OffsetDateTime,
) -> ApiResult<()> {
    let user_name = body.user_name.trim();
    USER_NAMES.ensure_free(tx, org, user_name, None)?;
    tx.prepare_cached(
        "INSERT INTO scim_users (id, org_uuid, user_name, user_name_key, given_name, family_name,
             active, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(rusqlite::params![
        id.to_string(),
        org.to_string(),
        user_name,
        user_name.to_lowercase(),
        body.given_name,
        body.family_name,
        body.active,
        to_micros(at)
    ])?;
    Ok(())
}

pub fn create_user(op: Op<'_>, body: &LocalScimUserIn) -> ApiResult<LocalScimUserOut> {
    let id = Uuid::new_v4();
    insert_user(op.tx, op.org, id, body, op.now)?;
    user(op.tx, op.org, id)
}

pub fn update_user(
    op: Op<'_>,
    id: Uuid,
    body: &LocalScimUserUpdate,
) -> ApiResult<LocalScimUserOut> {
    user(op.tx, op.org, id)?;
    if let Some(name) = body.user_name.as_deref().map(str::trim) {
        USER_NAMES.ensure_free(op.tx, op.org, name, Some(id))?;
        op.tx.execute(
            "UPDATE scim_users SET user_name = ?1, user_name_key = ?2 WHERE id = ?3",
            [name, &name.to_lowercase(), &id.to_string()],
        )?;
    }
    for (column, value) in [
        ("given_name", &body.given_name),
        ("family_name", &body.family_name),
    ] {
        if let Some(value) = value {
            op.tx.execute(
                &format!("UPDATE scim_users SET {column} = ?1 WHERE id = ?2"),
                [value, &id.to_string()],
            )?;
        }
    }
    if let Some(active) = body.active {
        op.tx.execute(
            "UPDATE scim_users SET active = ?1 WHERE id = ?2",
            rusqlite::params![active, id.to_string()],
        )?;
    }
    user(op.tx, op.org, id)
}

pub fn delete_user(op: Op<'_>, id: Uuid) -> ApiResult<()> {
    user(op.tx, op.org, id)?;
    op.tx
        .execute("DELETE FROM scim_users WHERE id = ?1", [id.to_string()])?;
    Ok(())
}

/// Every one of `members` must be a user of this provider; the 404 names the others.
fn ensure_provider_users(tx: &Transaction<'_>, org: Uuid, members: &[Uuid]) -> ApiResult<()> {
    let known: Vec<Uuid> = users(tx, org)?.into_iter().map(|u| u.id).collect();
    checks::ensure_all_known(
        members,
        |m| known.contains(m),
        "Not users of the identity provider",
    )
}

fn set_members(tx: &Transaction<'_>, group: Uuid, members: &[Uuid]) -> ApiResult<()> {
    tx.execute(
        "DELETE FROM scim_group_members WHERE group_id = ?1",
        [group.to_string()],
    )?;
    for member in members {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO scim_group_members (group_id, user_id) VALUES (?1, ?2)",
        )?
        .execute([group.to_string(), member.to_string()])?;
    }
    Ok(())
}

/// Inserts a group with a chosen id; seeding and `POST /x-local/scim/groups` use it.
pub fn insert_group(
    tx: &Transaction<'_>,
    org: Uuid,
    id: Uuid,
    body: &LocalScimGroupIn,
    at: time::OffsetDateTime,
) -> ApiResult<()> {
    ensure_provider_users(tx, org, &body.members)?;
    tx.execute(
        "INSERT INTO scim_groups (id, org_uuid, display_name, created_at) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![
            id.to_string(),
            org.to_string(),
            body.display_name.trim(),
            to_micros(at)
        ],
    )?;
    set_members(tx, id, &body.members)
}

pub fn create_group(op: Op<'_>, body: &LocalScimGroupIn) -> ApiResult<LocalScimGroupOut> {
    let id = Uuid::new_v4();
    insert_group(op.tx, op.org, id, body, op.now)?;
    group(op.tx, op.org, id)
}

pub fn update_group(
    op: Op<'_>,
    id: Uuid,
    body: &LocalScimGroupUpdate,
) -> ApiResult<LocalScimGroupOut> {
    group(op.tx, op.org, id)?;
    if let Some(name) = &body.display_name {
        op.tx.execute(
            "UPDATE scim_groups SET display_name = ?1 WHERE id = ?2",
            [name.trim(), &id.to_string()],
        )?;
    }
    if let Some(members) = &body.members {
        ensure_provider_users(op.tx, op.org, members)?;
        set_members(op.tx, id, members)?;
    }
    group(op.tx, op.org, id)
}

pub fn delete_group(op: Op<'_>, id: Uuid) -> ApiResult<()> {
    group(op.tx, op.org, id)?;
    op.tx
        .execute("DELETE FROM scim_groups WHERE id = ?1", [id.to_string()])?;
    Ok(())
}
