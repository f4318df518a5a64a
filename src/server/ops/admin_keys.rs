//! Admin API keys: issued by the server's owner (at seeding, by `serve`, or for the embedded
//! console), never by the API itself; stored only as hashes.

use rusqlite::{OptionalExtension, Transaction};
use time::OffsetDateTime;
use uuid::Uuid;

use super::audit::{self, Entry};
use super::{Actor, uuid_at};
use crate::domain::SecretString;
use crate::server::clock::to_micros;
use crate::server::credentials;
use crate::server::error::{ApiError, ApiResult};

/// An entry about an admin key, which the log names by its id, label and hint (never the key).
fn key_entry(event_type: &'static str, id: Uuid, label: &str, hint: &str) -> Entry {
    Entry::new(event_type, "ADMIN_API_KEY")
        .target("api_key_id", id)
        .target("api_key_name", label)
        .target("api_key_hint", hint)
}

/// Issues a new key for `org`, revoking earlier keys that carry the same label, so that
/// re-issuing (a restart of the embedded console, `serve --admin-key`) never piles up keys.
pub fn issue(
    tx: &Transaction<'_>,
    org: Uuid,
    label: &str,
    key: &SecretString,
    at: OffsetDateTime,
) -> ApiResult<Uuid> {
    let mut stmt = tx.prepare(
        "SELECT id, hint FROM admin_keys WHERE org_uuid = ?1 AND label = ?2 AND revoked_at IS NULL",
    )?;
    let earlier: Vec<(Uuid, String)> = stmt
        .query_map([org.to_string(), label.to_owned()], |row| {
            Ok((uuid_at(row, 0)?, row.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    drop(stmt);
    for (id, hint) in earlier {
        tx.execute(
            "UPDATE admin_keys SET revoked_at = ?1 WHERE id = ?2",
            rusqlite::params![to_micros(at), id.to_string()],
        )?;
        audit::record_at(
            tx,
            org,
            &Actor::System,
            at,
            key_entry("admin_api_key.delete", id, label, &hint),
        )?;
    }
    let id = Uuid::new_v4();
    let hint = key.hint();
    let inserted = tx.execute(
        "INSERT INTO admin_keys (id, org_uuid, label, key_hash, hint, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (key_hash) DO NOTHING",
        rusqlite::params![
            id.to_string(),
            org.to_string(),
            label,
            credentials::hash_key(key.expose()),
            &hint,
            to_micros(at)
        ],
    )?;
    if inserted == 0 {
        return Err(ApiError::conflict("That admin key is already in use"));
    }
    audit::record_at(
        tx,
        org,
        &Actor::System,
        at,
        key_entry("admin_api_key.created", id, label, &hint),
    )?;
    Ok(id)
}

/// Revokes every live key of `org` with this label; returns how many.
pub fn revoke(
    tx: &Transaction<'_>,
    org: Uuid,
    label: &str,
    at: OffsetDateTime,
) -> ApiResult<usize> {
    Ok(tx.execute(
        "UPDATE admin_keys SET revoked_at = ?1 WHERE org_uuid = ?2 AND label = ?3 AND revoked_at IS NULL",
        rusqlite::params![to_micros(at), org.to_string(), label],
    )?)
}

/// What an admin key presented on a request resolves to.
pub enum Lookup {
    Valid { org: Uuid, actor: Actor },
    Revoked,
    Unknown,
}

pub fn lookup(tx: &Transaction<'_>, presented: &str) -> ApiResult<Lookup> {
    let hash = credentials::hash_key(presented);
    let row = tx
        .prepare_cached(
            "SELECT id, org_uuid, label, hint, revoked_at, key_hash FROM admin_keys WHERE key_hash = ?1",
        )?
        .query_row(
            [&hash],
            |row| {
                Ok((
                    uuid_at(row, 0)?,
                    uuid_at(row, 1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, Option<i64>>(4)?,
                    row.get::<_, Vec<u8>>(5)?,
                ))
            },
        )
        .optional()?;
    Ok(match row {
        Some((_, _, _, _, _, stored)) if !credentials::hash_matches(&stored, presented) => {
            Lookup::Unknown
        }
        Some((_, _, _, _, Some(_), _)) => Lookup::Revoked,
        Some((id, org, label, hint, None, _)) => Lookup::Valid {
            org,
            actor: Actor::AdminKey { id, label, hint },
        },
        None => Lookup::Unknown,
    })
}
