//! Groups nested inside groups. A nested (child) group's members are members of its parent
//! too, so the nesting must never loop back on itself: a change that would close a loop is
//! refused with a 409 that names the group closing it and the path around.

use std::collections::{HashMap, VecDeque};

use rusqlite::Transaction;
use uuid::Uuid;

use super::audit::{self, Entry};
use super::groups::{self, GroupRow};
use super::{Op, encode_list, ids_of, uuid_at};
use crate::api::{NestedGroupRef, NestedGroupsOut};
use crate::server::error::{ApiError, ApiResult};

/// The groups `group` is directly nested inside, oldest first.
pub fn parents_of(tx: &Transaction<'_>, group: Uuid) -> ApiResult<Vec<Uuid>> {
    ids_of(
        tx,
        "SELECT n.parent_uuid FROM user_group_nesting n JOIN user_groups g ON g.uuid = n.parent_uuid
         WHERE n.child_uuid = ?1 ORDER BY g.created_at, g.uuid",
        [group.to_string()],
    )
}

fn children_of(tx: &Transaction<'_>, group: Uuid) -> ApiResult<Vec<(Uuid, String)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT g.uuid, g.name FROM user_group_nesting n JOIN user_groups g ON g.uuid = n.child_uuid
         WHERE n.parent_uuid = ?1 ORDER BY g.created_at, g.uuid",
    )?;
    let rows = stmt.query_map([group.to_string()], |row| {
        Ok((uuid_at(row, 0)?, row.get(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// `GET /user-groups/{group_uuid}/nested`: the direct children.
pub fn nested(tx: &Transaction<'_>, org: Uuid, group: Uuid) -> ApiResult<NestedGroupsOut> {
    groups::load(tx, org, group)?;
    Ok(NestedGroupsOut {
        children: children_of(tx, group)?
            .into_iter()
            .map(|(uuid, name)| NestedGroupRef { uuid, name })
            .collect(),
    })
}

/// The chain of nesting from `from` down to `to` (both included), if `to` is nested inside
/// `from` at any depth.
fn path_down(tx: &Transaction<'_>, from: Uuid, to: Uuid) -> ApiResult<Option<Vec<Uuid>>> {
    let mut came_from: HashMap<Uuid, Uuid> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    while let Some(current) = queue.pop_front() {
        if current == to {
            let mut path = vec![to];
            let mut at = to;
            while let Some(prev) = came_from.get(&at) {
                path.push(*prev);
                at = *prev;
            }
            path.reverse();
            return Ok(Some(path));
        }
        for (child, _) in children_of(tx, current)? {
            if child != from && !came_from.contains_key(&child) {
                came_from.insert(child, current);
                queue.push_back(child);
            }
        }
    }
    Ok(None)
}

fn name_of(tx: &Transaction<'_>, group: Uuid) -> ApiResult<String> {
    Ok(tx.query_row(
        "SELECT name FROM user_groups WHERE uuid = ?1",
        [group.to_string()],
        |r| r.get(0),
    )?)
}

/// Refuses to nest `child` inside `parent` when that would close a loop.
fn ensure_no_loop(tx: &Transaction<'_>, child: &GroupRow, parent: &GroupRow) -> ApiResult<()> {
    if child.uuid == parent.uuid {
        return Err(ApiError::conflict(format!(
            "Group '{}' cannot be nested inside itself",
            child.name
        )));
    }
    let Some(path) = path_down(tx, child.uuid, parent.uuid)? else {
        return Ok(());
    };
    let mut names = Vec::with_capacity(path.len() + 1);
    for id in &path {
        names.push(format!("'{}'", name_of(tx, *id)?));
    }
    names.push(format!("'{}'", child.name));
    Err(ApiError::conflict(format!(
        "Nesting '{}' inside '{}' would make a loop: '{}' is already nested inside '{}' ({})",
        child.name,
        parent.name,
        parent.name,
        child.name,
        names.join(" > ")
    )))
}

/// Records a changed list of parents or children; `keys` name the old and new lists.
fn record(
    op: Op<'_>,
    group: &GroupRow,
    keys: [&'static str; 2],
    old: &[Uuid],
    new: &[Uuid],
) -> ApiResult<()> {
    audit::record(
        op,
        Entry::user_group("user_group.update", group.uuid, &group.name)
            .detail(keys[0], encode_list(old))
            .detail(keys[1], encode_list(new)),
    )
}

/// Makes `parents` the full list of groups `group` is nested inside.
pub fn set_parents(op: Op<'_>, group: Uuid, parents: &[Uuid]) -> ApiResult<()> {
    let row = groups::load(op.tx, op.org, group)?;
    let wanted = groups::load_many(op.tx, op.org, parents)?;
    for parent in &wanted {
        ensure_no_loop(op.tx, &row, parent)?;
    }
    let old = parents_of(op.tx, group)?;
    let mut new: Vec<Uuid> = wanted.iter().map(|p| p.uuid).collect();
    if sorted(&old) == sorted(&new) {
        return Ok(());
    }
    replace_links(op.tx, group, Side::Child, &new)?;
    new = parents_of(op.tx, group)?;
    record(
        op,
        &row,
        ["old_parent_group_ids", "new_parent_group_ids"],
        &old,
        &new,
    )
}

/// `PATCH /user-groups/{group_uuid}/nested`: makes `children` the full list of groups nested
/// directly inside `group`.
pub fn set_children(op: Op<'_>, group: Uuid, children: &[Uuid]) -> ApiResult<()> {
    let row = groups::load(op.tx, op.org, group)?;
    let wanted = groups::load_many(op.tx, op.org, children)?;
    for child in &wanted {
        ensure_no_loop(op.tx, child, &row)?;
    }
    let old: Vec<Uuid> = children_of(op.tx, group)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let new: Vec<Uuid> = wanted.iter().map(|c| c.uuid).collect();
    if sorted(&old) == sorted(&new) {
        return Ok(());
    }
    replace_links(op.tx, group, Side::Parent, &new)?;
    record(
        op,
        &row,
        ["old_child_group_uuids", "new_child_group_uuids"],
        &old,
        &new,
    )
}

/// Which end of its nesting links a group stands at.
#[derive(Clone, Copy)]
enum Side {
    Parent,
    Child,
}

/// Replaces every link where `group` stands at `side` with links to `others`, which stand
/// at the other end.
fn replace_links(tx: &Transaction<'_>, group: Uuid, side: Side, others: &[Uuid]) -> ApiResult<()> {
    let (own, other) = match side {
        Side::Parent => ("parent_uuid", "child_uuid"),
        Side::Child => ("child_uuid", "parent_uuid"),
    };
    tx.execute(
        &format!("DELETE FROM user_group_nesting WHERE {own} = ?1"),
        [group.to_string()],
    )?;
    let mut insert = tx.prepare(&format!(
        "INSERT INTO user_group_nesting ({own}, {other}) VALUES (?1, ?2)"
    ))?;
    for id in others {
        insert.execute([group.to_string(), id.to_string()])?;
    }
    Ok(())
}

fn sorted(ids: &[Uuid]) -> Vec<Uuid> {
    let mut out = ids.to_vec();
    out.sort();
    out
}
