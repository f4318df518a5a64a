//! Effective access: what a member holds directly, united with what every group they belong to
//! grants. Membership of a group is transitive through nesting: the members of a group nested
//! inside another are members of the outer group too, and receive its grants.
//!
//! Only active workspaces count; an archived workspace grants nothing, whoever is assigned.

use std::borrow::Cow;
use std::collections::HashMap;

use rusqlite::types::FromSql;
use rusqlite::{OptionalExtension, Transaction, params_from_iter};
use uuid::Uuid;

use super::active_workspaces::ActiveWorkspaces;
use super::{
    decode_workspace_roles, ids_of, placeholders, text_at, uuid_at, workspace_role_values,
};
use crate::api::MemberWorkspaceInfo;
use crate::domain::{OrgRole, WorkspaceRole, roles};
use crate::server::error::ApiResult;

/// Rows queried per statement, under SQLite's limit on bound parameters.
const CHUNK: usize = 500;

/// Runs a query over `ids` a chunk at a time: `sql(n)` is the query for a chunk of `n` ids, its
/// `?`s filled with them, and each row it returns, an id and a value, goes to `each`.
pub fn for_each_by_chunks<T: FromSql>(
    tx: &Transaction<'_>,
    ids: &[Uuid],
    sql: impl Fn(usize) -> String,
    mut each: impl FnMut(Uuid, T),
) -> ApiResult<()> {
    for chunk in ids.chunks(CHUNK) {
        let mut stmt = tx.prepare_cached(&sql(chunk.len()))?;
        let rows = stmt.query_map(params_from_iter(chunk.iter().map(Uuid::to_string)), |row| {
            Ok((uuid_at(row, 0)?, row.get::<_, T>(1)?))
        })?;
        for row in rows {
            let (id, value) = row?;
            each(id, value);
        }
    }
    Ok(())
}

/// The groups each of `?`-listed users belongs to, directly or through nesting, as a CTE named
/// `mine(user_uuid, g)`.
fn groups_of_users_cte(n: usize) -> String {
    format!(
        "WITH RECURSIVE mine(user_uuid, g) AS (
             SELECT user_uuid, group_uuid FROM user_group_members WHERE user_uuid IN ({})
             UNION
             SELECT mine.user_uuid, n.parent_uuid
             FROM mine JOIN user_group_nesting n ON n.child_uuid = mine.g
         )",
        placeholders(n)
    )
}

/// One workspace a user reaches: direct and group grants merged once [`effective_reach`] is
/// done. The name is borrowed from the organization's active workspaces where it can be, so a
/// page of members copies no workspace name.
pub struct Reach<'a> {
    pub workspace: Uuid,
    pub name: Cow<'a, str>,
    pub is_default: bool,
    created_at: i64,
    pub roles: Vec<WorkspaceRole>,
}

impl Reach<'_> {
    /// The entry of a member's `workspaces` as the API types it.
    pub fn info(&self) -> MemberWorkspaceInfo {
        let (raw_roles, raw_role) = workspace_role_values(&self.roles);
        MemberWorkspaceInfo {
            uuid: self.workspace,
            name: self.name.clone().into_owned(),
            is_default: self.is_default,
            raw_roles,
            raw_role,
        }
    }
}

/// Whether anyone in `org` belongs to a group. When nobody does (most organizations, and the
/// measuring seeds), a page of members skips the group lookups, which are half its queries.
pub fn org_has_group_members(tx: &Transaction<'_>, org: Uuid) -> ApiResult<bool> {
    Ok(tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM user_groups g
                            JOIN user_group_members m ON m.group_uuid = g.uuid
                            WHERE g.org_uuid = ?1)",
        )?
        .query_row([org.to_string()], |r| r.get(0))?)
}

/// Every active workspace of `active` each user reaches, with the union of direct and group
/// roles (group roles only when `through_groups`), normalized, the default workspace first,
/// then oldest first: the `workspaces` of `GET /users`.
pub fn effective_reach<'a>(
    tx: &Transaction<'_>,
    active: &'a ActiveWorkspaces,
    users: &[Uuid],
    through_groups: bool,
) -> ApiResult<HashMap<Uuid, Vec<Reach<'a>>>> {
    let mut reach: HashMap<Uuid, Vec<Reach<'a>>> = HashMap::with_capacity(users.len());
    for chunk in users.chunks(CHUNK) {
        direct_reach(tx, active, chunk, &mut reach)?;
        if through_groups {
            group_reach(tx, chunk, &mut reach)?;
        }
    }
    for list in reach.values_mut() {
        list.sort_by(|a, b| {
            (!a.is_default, a.created_at, a.workspace).cmp(&(
                !b.is_default,
                b.created_at,
                b.workspace,
            ))
        });
        for r in list.iter_mut() {
            r.roles = roles::normalize_workspace_roles(std::mem::take(&mut r.roles));
        }
    }
    Ok(reach)
}

/// Adds the active workspaces `users` reach through their groups, merging the roles of a
/// workspace they also reach another way.
fn group_reach(
    tx: &Transaction<'_>,
    users: &[Uuid],
    reach: &mut HashMap<Uuid, Vec<Reach<'_>>>,
) -> ApiResult<()> {
    let via_groups = format!(
        "{} SELECT mine.user_uuid, w.uuid, w.name, w.is_default, w.created_at, a.roles
         FROM mine JOIN group_workspace_assignments a ON a.group_uuid = mine.g
         JOIN workspaces w ON w.uuid = a.workspace_uuid
         WHERE w.archived_at IS NULL",
        groups_of_users_cte(users.len())
    );
    let mut stmt = tx.prepare_cached(&via_groups)?;
    let rows = stmt.query_map(params_from_iter(users.iter().map(Uuid::to_string)), |row| {
        Ok((
            uuid_at(row, 0)?,
            Reach {
                workspace: uuid_at(row, 1)?,
                name: Cow::Owned(row.get(2)?),
                is_default: row.get(3)?,
                created_at: row.get(4)?,
                roles: decode_workspace_roles(text_at(row, 5)?),
            },
        ))
    })?;
    for row in rows {
        let (user, next) = row?;
        let list = reach.entry(user).or_default();
        match list.iter_mut().find(|r| r.workspace == next.workspace) {
            Some(known) => known.roles.extend(next.roles),
            None => list.push(next),
        }
    }
    Ok(())
}

/// Adds the active workspaces `users` are direct members of, named from `active` (memberships of
/// archived workspaces are not in it), read from the membership index alone.
fn direct_reach<'a>(
    tx: &Transaction<'_>,
    active: &'a ActiveWorkspaces,
    users: &[Uuid],
    reach: &mut HashMap<Uuid, Vec<Reach<'a>>>,
) -> ApiResult<()> {
    let sql = format!(
        "SELECT user_uuid, workspace_uuid, roles FROM workspace_members WHERE user_uuid IN ({})",
        placeholders(users.len())
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(users.iter().map(Uuid::to_string)))?;
    while let Some(row) = rows.next()? {
        let workspace = uuid_at(row, 1)?;
        let Some(listed) = active.get(&workspace) else {
            continue;
        };
        reach.entry(uuid_at(row, 0)?).or_default().push(Reach {
            workspace,
            name: Cow::Borrowed(&listed.name),
            is_default: listed.is_default,
            created_at: listed.created_at,
            roles: decode_workspace_roles(text_at(row, 2)?),
        });
    }
    Ok(())
}

/// The organization roles each user holds through their groups.
pub fn group_org_roles(
    tx: &Transaction<'_>,
    users: &[Uuid],
) -> ApiResult<HashMap<Uuid, Vec<OrgRole>>> {
    let mut out: HashMap<Uuid, Vec<OrgRole>> = HashMap::new();
    let sql = |n| {
        format!(
            "{} SELECT DISTINCT mine.user_uuid, gr.organization_role
             FROM mine JOIN user_groups gr ON gr.uuid = mine.g
             WHERE gr.organization_role IS NOT NULL",
            groups_of_users_cte(n)
        )
    };
    for_each_by_chunks(tx, users, sql, |user, role: String| {
        if let Some(role) = OrgRole::from_name(&role) {
            out.entry(user).or_default().push(role);
        }
    })?;
    Ok(out)
}

/// Everyone who is a member of `group`, directly or through a group nested inside it.
pub fn effective_members(tx: &Transaction<'_>, group: Uuid) -> ApiResult<Vec<Uuid>> {
    ids_of(
        tx,
        "WITH RECURSIVE tree(g) AS (
             SELECT ?1
             UNION
             SELECT n.child_uuid FROM user_group_nesting n JOIN tree ON n.parent_uuid = tree.g
         )
         SELECT DISTINCT m.user_uuid FROM user_group_members m JOIN tree ON m.group_uuid = tree.g
         JOIN users u ON u.uuid = m.user_uuid
         ORDER BY u.created_at, u.uuid",
        [group.to_string()],
    )
}

/// Whether `user` reaches `workspace` through any group.
pub fn has_group_access(tx: &Transaction<'_>, user: Uuid, workspace: Uuid) -> ApiResult<bool> {
    let sql = format!(
        "{} SELECT 1 FROM mine JOIN group_workspace_assignments a ON a.group_uuid = mine.g
         WHERE a.workspace_uuid = ? LIMIT 1",
        groups_of_users_cte(1)
    );
    Ok(tx
        .prepare_cached(&sql)?
        .exists([user.to_string(), workspace.to_string()])?)
}

/// Whether `user` reaches `workspace` at all: directly or through a group.
pub fn has_access(tx: &Transaction<'_>, user: Uuid, workspace: Uuid) -> ApiResult<bool> {
    let direct = tx
        .query_row(
            "SELECT 1 FROM workspace_members WHERE workspace_uuid = ?1 AND user_uuid = ?2",
            [workspace.to_string(), user.to_string()],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    Ok(direct || has_group_access(tx, user, workspace)?)
}

/// For each of `workspaces`, how many people reach it only through groups (not directly): what
/// `members_count` adds to the direct members.
pub fn group_only_member_counts(
    tx: &Transaction<'_>,
    workspaces: &[Uuid],
) -> ApiResult<HashMap<Uuid, i64>> {
    let mut out = HashMap::new();
    let sql = |n| {
        format!(
            "WITH RECURSIVE tree(workspace, g) AS (
                 SELECT workspace_uuid, group_uuid FROM group_workspace_assignments
                 WHERE workspace_uuid IN ({})
                 UNION
                 SELECT tree.workspace, n.child_uuid
                 FROM tree JOIN user_group_nesting n ON n.parent_uuid = tree.g
             )
             SELECT tree.workspace, COUNT(DISTINCT m.user_uuid)
             FROM tree JOIN user_group_members m ON m.group_uuid = tree.g
             WHERE NOT EXISTS (SELECT 1 FROM workspace_members d
                               WHERE d.workspace_uuid = tree.workspace AND d.user_uuid = m.user_uuid)
             GROUP BY tree.workspace",
            placeholders(n)
        )
    };
    for_each_by_chunks(tx, workspaces, sql, |workspace, count: i64| {
        out.insert(workspace, count);
    })?;
    Ok(out)
}
