//! Pages of the organization listings (`GET /users`, `GET /workspaces`) kept serialized, ready
//! to send, for the state of the data they were made from.
//!
//! Consoles and scripts ask for the same first pages again and again (every start, every
//! refresh), and building a page of 100 members with their workspaces costs far more than
//! sending it. A page is filed under the database's `generation`, which triggers move on with
//! every change the API can make, in any process (migration 0009), plus which listing and
//! which page it is. A request reads the generation in its own transaction, so it finds only a
//! page made from exactly the data it would read itself: the next read after any change builds
//! its page afresh, and kept pages of older generations are simply never asked for again.
//!
//! As with every snapshot cache, only read-only connections keep pages (see `snapshot_cache`).
//! A page whose content depends on the clock (invitations turn expired) is served but not
//! kept, and so is a very large one, which keeps the cache within [`CACHED_PAGES`] times
//! [`LARGEST_KEPT`] bytes.

use axum::body::Bytes;
use rusqlite::Transaction;
use serde::Serialize;
use uuid::Uuid;

use super::snapshot_cache::{SnapshotCache, SnapshotKey};
use crate::server::error::{ApiError, ApiResult};

/// Pages kept, most recently used first.
const CACHED_PAGES: usize = 32;
/// A page larger than this (a page of 1,000 members is about a megabyte) is not kept.
const LARGEST_KEPT: usize = 256 * 1024;

/// Which listing a page is of, with everything its request asks that shapes the page.
#[derive(PartialEq, Eq)]
pub enum PageOf {
    Users(super::users::ListQuery),
    Workspaces(super::workspaces::ListQuery),
}

/// Which page of which listing, in which state of which organization.
#[derive(PartialEq, Eq)]
struct PageKey {
    snapshot: SnapshotKey,
    page: PageOf,
}

static PAGES: SnapshotCache<Bytes, PageKey> = SnapshotCache::new(CACHED_PAGES);

/// The JSON of one page: kept from an earlier request over the same data, or made by `build`,
/// which also tells whether what it made may be kept: not when the page says more than the
/// data does (the clock).
pub fn json_page(
    tx: &Transaction<'_>,
    org: Uuid,
    page: PageOf,
    build: impl FnOnce() -> ApiResult<(Vec<u8>, bool)>,
) -> ApiResult<Bytes> {
    let (database, generation): (Vec<u8>, i64) = tx
        .prepare_cached("SELECT id, generation FROM database_identity")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let key =
        SnapshotKey::new(tx, database, org, generation).map(|snapshot| PageKey { snapshot, page });
    let kept = PAGES.get_or_build_if(key, || {
        let (json, may_keep) = build()?;
        let keep = may_keep && json.len() <= LARGEST_KEPT;
        Ok((Bytes::from(json), keep))
    })?;
    Ok(Bytes::clone(&kept))
}

/// `value` as JSON, written into a buffer made `capacity` bytes large up front: a page that
/// fits never moves while it is written.
pub fn to_json(value: &impl Serialize, capacity: usize) -> ApiResult<Vec<u8>> {
    let mut json = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut json, value)
        .map_err(|err| ApiError::internal(format!("serializing a page: {err}")))?;
    Ok(json)
}
