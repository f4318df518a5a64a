//! Workspace API keys: the organization's list, creation (the plaintext is returned once),
//! deletion, and the check `GET /v1/models` makes when a key is presented.

use rusqlite::{OptionalExtension, Row, Transaction};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::audit::{self, Entry};
use super::{Actor, Op, uuid_at};
use crate::api::datetime::{format_date, parse_date};
use crate::api::*;
use crate::domain::key_expiry;
use crate::domain::text::Needle;
use crate::server::clock::{from_micros, to_micros};
use crate::server::credentials;
use crate::server::error::{ApiError, ApiResult};

struct KeyRow {
    key_id: Uuid,
    name: Option<String>,
    hidden_key: String,
    suffix: String,
    product: String,
    created_by: Option<String>,
    created_at: OffsetDateTime,
    expiration_date: Option<Date>,
    last_used: Option<Date>,
    workspace_id: Uuid,
    workspace_name: String,
}

const COLUMNS: &str =
    "k.key_id, k.name, k.hidden_key, k.key_suffix, k.product, k.created_by, k.created_at,
    k.expiration_date, k.last_used, k.workspace_uuid, w.name";

fn key_row(row: &Row<'_>) -> rusqlite::Result<KeyRow> {
    let date = |index: usize| -> rusqlite::Result<Option<Date>> {
        Ok(row
            .get::<_, Option<String>>(index)?
            .as_deref()
            .and_then(parse_date))
    };
    Ok(KeyRow {
        key_id: uuid_at(row, 0)?,
        name: row.get(1)?,
        hidden_key: row.get(2)?,
        suffix: row.get(3)?,
        product: row.get(4)?,
        created_by: row.get(5)?,
        created_at: from_micros(row.get(6)?),
        expiration_date: date(7)?,
        last_used: date(8)?,
        workspace_id: uuid_at(row, 9)?,
        workspace_name: row.get(10)?,
    })
}

fn actions(expiration: Option<Date>, today: Date) -> ApiKeyActions {
    // There is no rotate operation in the Admin API; an expired key reports the more specific
    // reason, as the contract's precedence (key state before permission) asks.
    let reason = if key_expiry::is_expired(expiration, today) {
        "key_expired"
    } else {
        "not_allowed"
    };
    ApiKeyActions {
        rotate: Some(KeyAction::Unavailable {
            reason: Some(reason.into()),
        }),
        delete: Some(KeyAction::Available),
    }
}

impl KeyRow {
    fn into_out(self, today: Date) -> ApiKeyExtendedOut {
        ApiKeyExtendedOut {
            api_key: ApiKeyOut {
                key_id: self.key_id,
                key: None,
                name: self.name,
                hidden_key: self.hidden_key,
                created_at: Some(self.created_at),
                expiration_date: self.expiration_date,
                actions: actions(self.expiration_date, today),
            },
            workspace_id: Some(self.workspace_id),
            workspace_name: Some(self.workspace_name),
            created_by: self.created_by,
            product: Some(self.product),
            last_used: self.last_used,
            can_delete: Some(true),
        }
    }
}

/// `GET /api-keys`: newest first; `name` matches a name substring or the key's last four
/// characters, ignoring case and accents.
pub fn list(
    op: Op<'_>,
    name: Option<&str>,
    limit: i64,
    offset: i64,
) -> ApiResult<ApiKeysExtendedOut> {
    let mut stmt = op.tx.prepare(&format!(
        "SELECT {COLUMNS} FROM api_keys k JOIN workspaces w ON w.uuid = k.workspace_uuid
         WHERE k.org_uuid = ?1 AND k.deleted_at IS NULL ORDER BY k.created_at DESC, k.key_id"
    ))?;
    let rows: Vec<KeyRow> = stmt
        .query_map([op.org.to_string()], key_row)?
        .collect::<Result<_, _>>()?;
    // The name asked for, folded once rather than once per key.
    let needle = name.map(Needle::new);
    let keys = rows
        .into_iter()
        .filter(|k| match &needle {
            None => true,
            Some(q) => k.name.as_deref().is_some_and(|n| q.found_in(n)) || q.is_all_of(&k.suffix),
        })
        .skip(offset as usize)
        .take(limit as usize)
        .map(|k| k.into_out(op.now.date()))
        .collect();
    Ok(ApiKeysExtendedOut { keys })
}

fn creator(actor: &Actor) -> String {
    match actor {
        Actor::AdminKey { label, hint, .. } => format!("Admin API key {label} ({hint})"),
        Actor::User { email, .. } => email.clone(),
        Actor::System => "mistral-admin local server".into(),
        Actor::ScimSync { .. } => "SCIM synchronization".into(),
    }
}

/// `POST /api-keys`: a key for one member in one active workspace.
pub fn create(op: Op<'_>, body: &AdminCreateApiKeyIn) -> ApiResult<ApiKeyOut> {
    let workspace = super::workspaces::load_active(op.tx, op.org, body.workspace_uuid)?;
    let owner_email = super::users::member_email(op.tx, op.org, body.user_id)?;
    let is_member = super::access::has_access(op.tx, body.user_id, body.workspace_uuid)?;
    if !is_member {
        return Err(ApiError::conflict(format!(
            "{owner_email} is not a member of workspace '{}'; add them to it first",
            workspace.name
        )));
    }
    if let Some(expiration) = body.expiration
        && expiration <= op.now.date()
    {
        return Err(ApiError::invalid(
            crate::loc!["body", "expiration"],
            "value_error",
            "Value error, the expiration date must be in the future",
        ));
    }
    let key = credentials::generate_key();
    let key_id = Uuid::new_v4();
    let hidden_key = credentials::hidden_form(key.expose());
    let created_by = creator(op.actor);
    insert(
        op.tx,
        &InsertKey {
            key_id,
            org: op.org,
            workspace: body.workspace_uuid,
            owner: body.user_id,
            name: body.name.as_deref(),
            plaintext: key.expose(),
            created_by: &created_by,
            created_at: op.now,
            expiration: body.expiration,
        },
    )?;
    audit::record(
        op,
        Entry::new("api_key.create", "API_KEY")
            .target("api_key_id", key_id)
            .target("name", body.name.clone().unwrap_or_default())
            .target("hidden_key", &hidden_key)
            .detail("owner_user_uuid", body.user_id)
            .in_workspace(body.workspace_uuid),
    )?;
    Ok(ApiKeyOut {
        key_id,
        key: Some(key.expose().to_owned()),
        name: body.name.clone(),
        hidden_key,
        created_at: Some(op.now),
        expiration_date: body.expiration,
        actions: actions(body.expiration, op.now.date()),
    })
}

pub struct InsertKey<'a> {
    pub key_id: Uuid,
    pub org: Uuid,
    pub workspace: Uuid,
    pub owner: Uuid,
    pub name: Option<&'a str>,
    pub plaintext: &'a str,
    pub created_by: &'a str,
    pub created_at: OffsetDateTime,
    pub expiration: Option<Date>,
}

/// Stores a key by its hash; the plaintext goes no further than this call.
pub fn insert(tx: &Transaction<'_>, key: &InsertKey<'_>) -> ApiResult<()> {
    tx.prepare_cached(
        "INSERT INTO api_keys (key_id, org_uuid, workspace_uuid, owner_uuid, name, key_hash, hidden_key, key_suffix,
             created_by, created_at, expiration_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(rusqlite::params![
        key.key_id.to_string(),
        key.org.to_string(),
        key.workspace.to_string(),
        key.owner.to_string(),
        key.name,
        credentials::hash_key(key.plaintext),
        credentials::hidden_form(key.plaintext),
        credentials::suffix(key.plaintext),
        key.created_by,
        to_micros(key.created_at),
        key.expiration.map(format_date),
    ])?;
    Ok(())
}

/// `DELETE /api-keys/{key_id}`: the key stops working at once.
pub fn delete(op: Op<'_>, key_id: Uuid) -> ApiResult<DeleteApiKeyOut> {
    let found: Option<(Option<String>, String, Uuid)> = op.tx
        .query_row(
            "SELECT name, hidden_key, workspace_uuid FROM api_keys WHERE org_uuid = ?1 AND key_id = ?2 AND deleted_at IS NULL",
            [op.org.to_string(), key_id.to_string()],
            |row| Ok((row.get(0)?, row.get(1)?, uuid_at(row, 2)?)),
        )
        .optional()?;
    let (name, hidden_key, workspace) =
        found.ok_or_else(|| ApiError::not_found(format!("API key {key_id} not found")))?;
    op.tx.execute(
        "UPDATE api_keys SET deleted_at = ?1 WHERE key_id = ?2",
        rusqlite::params![to_micros(op.now), key_id.to_string()],
    )?;
    audit::record(
        op,
        Entry::new("api_key.delete", "API_KEY")
            .target("api_key_id", key_id)
            .target("name", name.unwrap_or_default())
            .target("hidden_key", hidden_key)
            .in_workspace(workspace),
    )?;
    Ok(DeleteApiKeyOut {
        detail: "API key deleted successfully".into(),
    })
}

/// Why a presented workspace key does not work, or which workspace it opens.
pub enum KeyCheck {
    Valid { key_id: Uuid },
    Expired,
    WorkspaceArchived,
    Unknown,
}

/// The check behind `GET /v1/models`. It changes nothing; see [`mark_used`].
pub fn check(tx: &Transaction<'_>, presented: &str, now: OffsetDateTime) -> ApiResult<KeyCheck> {
    let found: Option<(Uuid, Vec<u8>, Option<String>, bool)> = tx
        .query_row(
            "SELECT k.key_id, k.key_hash, k.expiration_date, w.archived_at IS NOT NULL
             FROM api_keys k JOIN workspaces w ON w.uuid = k.workspace_uuid
             WHERE k.key_hash = ?1 AND k.deleted_at IS NULL",
            [credentials::hash_key(presented)],
            |row| Ok((uuid_at(row, 0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .optional()?;
    let Some((key_id, hash, expiration, archived)) = found else {
        return Ok(KeyCheck::Unknown);
    };
    if !credentials::hash_matches(&hash, presented) {
        return Ok(KeyCheck::Unknown);
    }
    if archived {
        return Ok(KeyCheck::WorkspaceArchived);
    }
    if key_expiry::is_expired(expiration.as_deref().and_then(parse_date), now.date()) {
        return Ok(KeyCheck::Expired);
    }
    Ok(KeyCheck::Valid { key_id })
}

/// Records the day a key was last used, as `last_used` reports it.
pub fn mark_used(tx: &Transaction<'_>, key_id: Uuid, now: OffsetDateTime) -> ApiResult<()> {
    tx.execute(
        "UPDATE api_keys SET last_used = ?1 WHERE key_id = ?2",
        [format_date(now.date()), key_id.to_string()],
    )?;
    Ok(())
}
