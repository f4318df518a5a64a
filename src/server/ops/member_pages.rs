//! Where a page of `GET /users` starts, found without reading the members before it.
//!
//! The API pages by number (`page`, `page_size`), and SQL's `OFFSET` reaches page 100 by
//! stepping over the 9,900 members before it, so deep pages cost more the deeper they are. Here
//! a page starts from a member's place in the listing order instead (created, then inserted:
//! `created_at, rowid`, which the index `users_in_listing_order` holds), so the database seeks
//! straight to it. To know which member is the 9,901st, the server keeps the sort key of every
//! [`STRIDE`]th member of an organization (its anchors): the page starts at the nearest anchor
//! at or before it, and steps over fewer than [`STRIDE`] members from there.
//!
//! Anchors describe one state of the organization's membership, so they are cached (see
//! `snapshot_cache`) under the organization's `users_version`, which a trigger bumps whenever a
//! member joins or leaves. The cache holds [`CACHED_LISTINGS`] of them, about 12 KB each at
//! 100,000 members.

use rusqlite::Transaction;
use uuid::Uuid;

use super::snapshot_cache::{SnapshotCache, SnapshotKey};
use crate::server::error::ApiResult;

/// One anchor per this many members.
pub const STRIDE: i64 = 128;
/// Membership states whose anchors stay cached, most recently used first.
const CACHED_LISTINGS: usize = 32;

static ANCHORS: SnapshotCache<Vec<Place>> = SnapshotCache::new(CACHED_LISTINGS);

/// A member's place in the listing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub created_at: i64,
    pub rowid: i64,
}

/// The organization's member count and the version of its membership, as stored.
pub struct Membership {
    pub count: i64,
    version: i64,
    database: Vec<u8>,
}

/// Reads the kept count and version in the transaction's snapshot.
pub fn membership(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Membership> {
    let (count, version, database) = tx
        .prepare_cached(
            "SELECT o.users_count, o.users_version, d.id
             FROM organizations o, database_identity d WHERE o.uuid = ?1",
        )?
        .query_row([org.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(Membership {
        count,
        version,
        database,
    })
}

/// Where the member at `offset` (0-based) stands: the place of the nearest anchor at or before
/// it and how many members to step over from there. `None` when the page starts within the
/// first [`STRIDE`] members, where a plain `OFFSET` is as cheap.
pub fn start(
    tx: &Transaction<'_>,
    org: Uuid,
    membership: &Membership,
    offset: i64,
) -> ApiResult<Option<(Place, i64)>> {
    if offset < STRIDE || offset >= membership.count {
        return Ok(None);
    }
    let key = SnapshotKey::new(tx, membership.database.clone(), org, membership.version);
    let anchors = ANCHORS.get_or_build(key, || build(tx, org))?;
    let index = (offset / STRIDE) as usize;
    Ok(anchors
        .get(index)
        .map(|place| (*place, offset - index as i64 * STRIDE)))
}

/// The place of every [`STRIDE`]th member, in order, read from the index alone.
fn build(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Vec<Place>> {
    let mut stmt = tx.prepare_cached(
        "SELECT created_at, rowid FROM users INDEXED BY users_in_listing_order
         WHERE org_uuid = ?1 ORDER BY created_at, rowid",
    )?;
    let mut rows = stmt.query([org.to_string()])?;
    let mut anchors = Vec::new();
    let mut position = 0i64;
    while let Some(row) = rows.next()? {
        if position % STRIDE == 0 {
            anchors.push(Place {
                created_at: row.get(0)?,
                rowid: row.get(1)?,
            });
        }
        position += 1;
    }
    Ok(anchors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::db::Db;

    /// A database holding organization `org` with `n` members created at `base + i`.
    async fn database(org: Uuid, base: i64, n: i64) -> Db {
        let db = Db::open_memory().unwrap();
        db.write(move |tx| {
            tx.execute(
                "INSERT INTO organizations (uuid, name, plan, currency, created_at, position)
                 VALUES (?1, 'Same', 'Enterprise', 'EUR', 0, 0)",
                [org.to_string()],
            )?;
            for i in 0..n {
                tx.execute(
                    "INSERT INTO users (uuid, org_uuid, email, email_key, org_roles, created_at)
                     VALUES (?1, ?2, ?3, ?3, 'member', ?4)",
                    rusqlite::params![
                        Uuid::new_v4().to_string(),
                        org.to_string(),
                        format!("p{i}@x.example"),
                        base + i
                    ],
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
        db
    }

    async fn start_of(db: &Db, org: Uuid, offset: i64) -> Option<(Place, i64)> {
        db.read(move |tx| {
            let membership = membership(tx, org)?;
            start(tx, org, &membership, offset)
        })
        .await
        .unwrap()
    }

    /// Two databases with the same organization (seeds are deterministic) and the same number
    /// of changes never share anchors, and a departure moves every later member's place.
    #[tokio::test]
    async fn anchors_belong_to_one_database_and_one_state_of_it() {
        let org = Uuid::new_v4();
        let (a, b) = (database(org, 0, 300).await, database(org, 1000, 300).await);
        let (place, skip) = start_of(&a, org, 200).await.unwrap();
        assert_eq!((place.created_at, skip), (128, 72));
        let (place, _) = start_of(&b, org, 200).await.unwrap();
        assert_eq!(place.created_at, 1128);
        assert_eq!(
            start_of(&a, org, 100).await,
            None,
            "the first stride needs none"
        );
        assert_eq!(start_of(&a, org, 300).await, None, "past the last member");

        a.write(move |tx| {
            tx.execute("DELETE FROM users WHERE created_at = 5", [])?;
            Ok(())
        })
        .await
        .unwrap();
        let (place, skip) = start_of(&a, org, 200).await.unwrap();
        assert_eq!((place.created_at, skip), (129, 72));
        assert!(ANCHORS.len() <= CACHED_LISTINGS);
    }
}
