//! An organization's active workspaces as members' listings name them, held in memory for one
//! state of its workspaces.
//!
//! A page of `GET /users` names the workspace of each of its members' memberships: looking
//! each one up in the database cost a B-tree search per membership, the largest part of the
//! page. A workspace's name, whether it is the default, when it was made and whether it is
//! archived change rarely, so they are read once per state of the organization's workspaces
//! (`workspaces_version`, bumped by triggers when one is created, renamed or archived) and
//! cached (see `snapshot_cache`): at most [`CACHED_ORGANIZATIONS`] organizations, at most 500
//! active workspaces each.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Transaction;
use uuid::Uuid;

use super::snapshot_cache::{SnapshotCache, SnapshotKey};
use super::uuid_at;
use crate::server::error::ApiResult;

/// States of organizations' workspaces kept.
const CACHED_ORGANIZATIONS: usize = 16;

/// What a member's listing says of a workspace they reach.
pub struct Listed {
    pub name: String,
    pub is_default: bool,
    pub created_at: i64,
}

pub type ActiveWorkspaces = HashMap<Uuid, Listed>;

static ACTIVE: SnapshotCache<ActiveWorkspaces> = SnapshotCache::new(CACHED_ORGANIZATIONS);

/// The active workspaces of `org`, as of this transaction.
pub fn of(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Arc<ActiveWorkspaces>> {
    let (version, database) = tx
        .prepare_cached(
            "SELECT o.workspaces_version, d.id
             FROM organizations o, database_identity d WHERE o.uuid = ?1",
        )?
        .query_row([org.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let key = SnapshotKey::new(tx, database, org, version);
    ACTIVE.get_or_build(key, || {
        let mut stmt = tx.prepare_cached(
            "SELECT uuid, name, is_default, created_at FROM workspaces
             WHERE org_uuid = ?1 AND archived_at IS NULL",
        )?;
        let rows = stmt.query_map([org.to_string()], |row| {
            Ok((
                uuid_at(row, 0)?,
                Listed {
                    name: row.get(1)?,
                    is_default: row.get(2)?,
                    created_at: row.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    })
}
