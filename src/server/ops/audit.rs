//! Writing and reading the audit log. Every mutation records what happened, to what, and who
//! did it, in the same transaction as the change itself.

use std::collections::BTreeMap;

use rusqlite::{Transaction, params_from_iter};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Actor, Op, opt_uuid_at};
use crate::api::AuditLogOut;
use crate::server::clock::{from_micros, to_micros};
use crate::server::error::ApiResult;

/// One entry to record. Metadata values are strings, as the contract's maps are.
pub struct Entry {
    pub event_type: &'static str,
    pub target_type: &'static str,
    pub target: Vec<(&'static str, String)>,
    pub details: Vec<(&'static str, String)>,
    pub workspace: Option<Uuid>,
}

impl Entry {
    pub fn new(event_type: &'static str, target_type: &'static str) -> Self {
        Self {
            event_type,
            target_type,
            target: Vec::new(),
            details: Vec::new(),
            workspace: None,
        }
    }

    /// An entry about the organization itself, which the log names by its uuid.
    pub fn organization(event_type: &'static str, org: Uuid) -> Self {
        Self::new(event_type, "ORGANIZATION").target("organization_uuid", org)
    }

    /// An entry about a user group, which the log names by its uuid and name.
    pub fn user_group(event_type: &'static str, group: Uuid, name: impl ToString) -> Self {
        Self::new(event_type, "USER_GROUP")
            .target("group_uuid", group)
            .target("name", name)
    }

    /// An entry about a workspace, which the log names by its uuid and name.
    pub fn workspace(event_type: &'static str, workspace: Uuid, name: impl ToString) -> Self {
        Self::new(event_type, "WORKSPACE")
            .target("workspace_uuid", workspace)
            .target("name", name)
    }

    /// An entry about an organization member, which the log names by its uuid and email.
    pub fn user(event_type: &'static str, user: Uuid, email: impl ToString) -> Self {
        Self::new(event_type, "USER")
            .target("user_uuid", user)
            .target("email", email)
    }

    pub fn target(mut self, key: &'static str, value: impl ToString) -> Self {
        self.target.push((key, value.to_string()));
        self
    }

    pub fn detail(mut self, key: &'static str, value: impl ToString) -> Self {
        self.details.push((key, value.to_string()));
        self
    }

    /// The details of a changed spending limit or cap: the old and the new amount, each under
    /// its key (`none` where there is no limit), and the currency they are in.
    pub fn amounts(
        self,
        (old_key, old): (&'static str, Option<i64>),
        (new_key, new): (&'static str, Option<i64>),
        currency: &str,
    ) -> Self {
        let amount = |value: Option<i64>| value.map_or("none".into(), |v| v.to_string());
        self.detail(old_key, amount(old))
            .detail(new_key, amount(new))
            .detail("currency", currency)
    }

    pub fn in_workspace(mut self, workspace: Uuid) -> Self {
        self.workspace = Some(workspace);
        self
    }
}

fn to_json(pairs: &[(&'static str, String)]) -> String {
    let map: BTreeMap<&str, &str> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".into())
}

fn actor_columns(actor: &Actor) -> (&'static str, Option<String>, String) {
    match actor {
        Actor::AdminKey { id, label, hint } => (
            "API_KEY",
            None,
            to_json(&[
                ("api_key_id", id.to_string()),
                ("api_key_name", label.clone()),
                ("api_key_hint", hint.clone()),
            ]),
        ),
        Actor::User { uuid, email } => (
            "HUMAN",
            Some(uuid.to_string()),
            to_json(&[("user_uuid", uuid.to_string()), ("email", email.clone())]),
        ),
        Actor::System => (
            "OTHER",
            None,
            to_json(&[("name", "mistral-admin local server".into())]),
        ),
        Actor::ScimSync { run_id } => (
            "OTHER",
            None,
            to_json(&[
                ("name", "SCIM synchronization".into()),
                ("scim_sync_run_id", run_id.to_string()),
            ]),
        ),
    }
}

pub fn record(op: Op<'_>, entry: Entry) -> ApiResult<()> {
    record_at(op.tx, op.org, op.actor, op.now, entry)
}

/// Records an entry at a chosen time and actor; seeding uses this to write history.
pub fn record_at(
    tx: &Transaction<'_>,
    org: Uuid,
    actor: &Actor,
    at: OffsetDateTime,
    entry: Entry,
) -> ApiResult<()> {
    let (actor_type, actor_user, actor_metadata) = actor_columns(actor);
    tx.prepare_cached(
        "INSERT INTO audit_logs (org_uuid, created_at, actor_type, actor_user_uuid, actor_metadata,
             event_type, event_metadata, target_type, target_metadata, workspace_uuid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(rusqlite::params![
        org.to_string(),
        to_micros(at),
        actor_type,
        actor_user,
        actor_metadata,
        entry.event_type,
        to_json(&entry.details),
        entry.target_type,
        to_json(&entry.target),
        entry.workspace.map(|w| w.to_string()),
    ])?;
    Ok(())
}

/// The filters of `GET /audit-logs`.
#[derive(Debug, Default)]
pub struct Filter {
    pub actor_types: Vec<String>,
    pub event_types: Vec<String>,
    pub target_types: Vec<String>,
    pub actor_user_uuid: Option<String>,
    pub ascending: bool,
    pub after: Option<OffsetDateTime>,
    pub before: Option<OffsetDateTime>,
    pub limit: i64,
}

pub fn list(tx: &Transaction<'_>, org: Uuid, filter: &Filter) -> ApiResult<Vec<AuditLogOut>> {
    let mut sql = String::from(
        "SELECT log_id, created_at, actor_type, actor_metadata, event_type, event_metadata,
                target_type, target_metadata, org_uuid, workspace_uuid
         FROM audit_logs WHERE org_uuid = ?",
    );
    let mut args: Vec<rusqlite::types::Value> = vec![org.to_string().into()];
    for (column, values) in [
        ("actor_type", &filter.actor_types),
        ("event_type", &filter.event_types),
        ("target_type", &filter.target_types),
    ] {
        if !values.is_empty() {
            sql.push_str(&format!(
                " AND {column} IN ({})",
                super::placeholders(values.len())
            ));
            args.extend(values.iter().map(|v| v.clone().into()));
        }
    }
    if let Some(user) = &filter.actor_user_uuid {
        sql.push_str(" AND lower(actor_user_uuid) = lower(?)");
        args.push(user.clone().into());
    }
    if let Some(after) = filter.after {
        sql.push_str(" AND created_at > ?");
        args.push(to_micros(after).into());
    }
    if let Some(before) = filter.before {
        sql.push_str(" AND created_at < ?");
        args.push(to_micros(before).into());
    }
    let order = if filter.ascending { "ASC" } else { "DESC" };
    sql.push_str(&format!(
        " ORDER BY created_at {order}, log_id {order} LIMIT ?"
    ));
    args.push(filter.limit.into());

    let mut stmt = tx.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |row| {
        let map = |index: usize| -> rusqlite::Result<BTreeMap<String, String>> {
            let text: String = row.get(index)?;
            Ok(serde_json::from_str(&text).unwrap_or_default())
        };
        Ok(AuditLogOut {
            log_id: row.get(0)?,
            created_at: from_micros(row.get(1)?),
            actor_type: row.get(2)?,
            actor_metadata: map(3)?,
            event_type: row.get(4)?,
            event_metadata: map(5)?,
            target_type: row.get(6)?,
            target_metadata: map(7)?,
            organization_uuid: opt_uuid_at(row, 8)?,
            workspace_uuid: opt_uuid_at(row, 9)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
