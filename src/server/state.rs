//! What every handler shares: the database, the clock, and the session keys.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use uuid::Uuid;

use super::clock::Clock;
use super::credentials;
use super::db::Db;
use super::ops::Actor;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Clock,
    pub sessions: SessionKeys,
    /// Every change is refused (`serve --read-only`).
    pub read_only: bool,
}

/// Admin keys that live only as long as this server process: what the embedded console uses.
/// They are never written to the database, so several consoles on one data directory do not
/// revoke each other's keys, and nothing is left behind when they exit.
#[derive(Clone, Default)]
pub struct SessionKeys {
    by_hash: Arc<RwLock<HashMap<Vec<u8>, SessionKey>>>,
}

#[derive(Clone)]
struct SessionKey {
    org: Uuid,
    actor: Actor,
}

impl SessionKeys {
    pub fn add(&self, org: Uuid, label: &str, key: &crate::domain::SecretString) {
        let actor = Actor::AdminKey {
            id: Uuid::new_v4(),
            label: label.to_owned(),
            hint: key.hint(),
        };
        self.by_hash
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(
                credentials::hash_key(key.expose()),
                SessionKey { org, actor },
            );
    }

    /// The organization and actor of a presented key, if it is a session key.
    pub fn find(&self, presented: &str) -> Option<(Uuid, Actor)> {
        let hash = credentials::hash_key(presented);
        let keys = self.by_hash.read().unwrap_or_else(|p| p.into_inner());
        let (stored, key) = keys.get_key_value(&hash)?;
        credentials::hash_matches(stored, presented).then(|| (key.org, key.actor.clone()))
    }
}
