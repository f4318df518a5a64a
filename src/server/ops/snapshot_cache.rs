//! A small cache of what one state of an organization's data determines, shared by the
//! requests of this process.
//!
//! An entry is filed under the database's identity (a random id made by migration 0008, and the
//! file's path), the organization, and a version that triggers bump whenever the data it
//! describes changes, in any process. So an entry never changes and is never wrong: a request
//! reads the current version in its own transaction and finds the entry made for exactly that
//! state, or builds it. Entries of older versions are simply no longer asked for, and the
//! least recently used go once the cache holds its capacity.
//!
//! Only read-only connections use it: a write transaction may see its own changes under a new
//! version and then roll back, and what it saw must never be filed under a version that a
//! later, different change will reach. Writes build what they need afresh.

use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::Transaction;
use uuid::Uuid;

use crate::server::error::ApiResult;

/// Which state of which organization of which database an entry describes.
#[derive(Clone, PartialEq, Eq)]
pub struct SnapshotKey {
    database: Vec<u8>,
    path: String,
    org: Uuid,
    version: i64,
}

impl SnapshotKey {
    /// The key of `org` at `version` in the database `tx` reads, whose identity is `database`;
    /// `None` on a connection that can write.
    pub fn new(tx: &Transaction<'_>, database: Vec<u8>, org: Uuid, version: i64) -> Option<Self> {
        let read_only = tx.is_readonly(rusqlite::MAIN_DB).unwrap_or(false);
        read_only.then(|| Self {
            database,
            path: tx.path().unwrap_or_default().to_owned(),
            org,
            version,
        })
    }
}

/// At most `capacity` entries, most recently used first. `K` is what names an entry: a
/// [`SnapshotKey`], or one with more beside it (which page of a listing).
pub struct SnapshotCache<V, K = SnapshotKey> {
    capacity: usize,
    entries: Mutex<Vec<(K, Arc<V>)>>,
}

impl<V, K: PartialEq> SnapshotCache<V, K> {
    pub const fn new(capacity: usize) -> Self {
        Self {
            capacity,
            entries: Mutex::new(Vec::new()),
        }
    }

    /// The entry for `key`, built by `build` if there is none; without a key, built afresh and
    /// not kept.
    pub fn get_or_build(
        &self,
        key: Option<K>,
        build: impl FnOnce() -> ApiResult<V>,
    ) -> ApiResult<Arc<V>> {
        self.get_or_build_if(key, || build().map(|value| (value, true)))
    }

    /// [`get_or_build`](Self::get_or_build) where `build` also says whether what it built may
    /// be kept (a value that depends on more than the key describes may not).
    pub fn get_or_build_if(
        &self,
        key: Option<K>,
        build: impl FnOnce() -> ApiResult<(V, bool)>,
    ) -> ApiResult<Arc<V>> {
        let Some(key) = key else {
            return build().map(|(value, _)| Arc::new(value));
        };
        if let Some(found) = self.take_to_front(&key) {
            return Ok(found);
        }
        let (built, keep) = build()?;
        let built = Arc::new(built);
        if !keep {
            return Ok(built);
        }
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.retain(|(k, _)| *k != key);
        entries.insert(0, (key, Arc::clone(&built)));
        entries.truncate(self.capacity);
        Ok(built)
    }

    fn take_to_front(&self, key: &K) -> Option<Arc<V>> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let at = entries.iter().position(|(k, _)| k == key)?;
        let entry = entries.remove(at);
        let value = Arc::clone(&entry.1);
        entries.insert(0, entry);
        Some(value)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}
