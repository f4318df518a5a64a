//! The API's rules and storage, one module per resource, plus the checks they share
//! (`checks`) and, here, the column codecs and [`Listing`] for paged reads. Every function here
//! runs inside the single transaction of one request (see `db`), so a request's changes, audit
//! entries included, land together or not at all.

pub mod access;
pub mod active_workspaces;
pub mod admin_keys;
pub mod api_keys;
pub mod audit;
pub mod billing;
pub mod checks;
pub mod group_members;
pub mod group_nesting;
pub mod group_workspaces;
pub mod groups;
pub mod invites;
pub mod member_json;
pub mod member_pages;
pub mod members;
pub mod meters;
pub mod organizations;
pub mod page_cache;
pub mod scim_apply;
pub mod scim_directory;
pub mod scim_plan;
pub mod scim_sync;
pub mod snapshot_cache;
pub mod usage;
pub mod users;
pub mod vibe_code;
pub mod vibe_work;
pub mod workspaces;

use rusqlite::types::Type;
use rusqlite::{Params, Row, Transaction};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::{OrgRole, WorkspaceRole};
use crate::server::error::ApiResult;

/// Who is acting, for the audit log.
#[derive(Debug, Clone)]
pub enum Actor {
    /// An Admin API key; the label and hint identify it without revealing it.
    AdminKey {
        id: Uuid,
        label: String,
        hint: String,
    },
    /// A person, as seeded history records them.
    User { uuid: Uuid, email: String },
    /// The server itself (seeding, expiry).
    System,
    /// A SCIM sync run applying the identity provider's state.
    ScimSync { run_id: Uuid },
}

/// What a request brings to its operations before their transaction starts: the organization
/// the key belongs to, who is acting, and the instant the request happens at. [`OpCtx::in_tx`]
/// makes of it, inside the transaction, the [`Op`] the operations take.
#[derive(Debug, Clone)]
pub struct OpCtx {
    pub org: Uuid,
    pub actor: Actor,
    pub now: OffsetDateTime,
}

/// What an operation run for a request works with, as one value: the request's transaction
/// and its [`OpCtx`] (the organization, who acts, and when). Changes take it, and so do reads
/// that depend on the request's instant; other reads take the transaction and the
/// organization alone, so that changes can run them too.
#[derive(Debug, Clone, Copy)]
pub struct Op<'a> {
    pub tx: &'a Transaction<'a>,
    pub org: Uuid,
    pub actor: &'a Actor,
    pub now: OffsetDateTime,
}

impl OpCtx {
    /// This context acting in `tx`.
    pub fn in_tx<'a>(&'a self, tx: &'a Transaction<'_>) -> Op<'a> {
        Op {
            tx,
            org: self.org,
            actor: &self.actor,
            now: self.now,
        }
    }
}

/// Reads a UUID stored as text, straight from the row (no copy of the text).
pub fn uuid_at(row: &Row<'_>, index: usize) -> rusqlite::Result<Uuid> {
    opt_uuid_at(row, index)?.ok_or(rusqlite::Error::InvalidColumnType(
        index,
        String::new(),
        Type::Null,
    ))
}

/// A text column read where it lies in the row, without copying it.
pub fn text_at<'r>(row: &'r Row<'_>, index: usize) -> rusqlite::Result<&'r str> {
    Ok(row.get_ref(index)?.as_str()?)
}

pub fn opt_uuid_at(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<Uuid>> {
    let Some(text) = row.get_ref(index)?.as_str_or_null()? else {
        return Ok(None);
    };
    Uuid::parse_str(text)
        .map(Some)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

pub fn encode_org_roles(roles: &[OrgRole]) -> String {
    roles.iter().map(|r| r.name()).collect::<Vec<_>>().join(",")
}

pub fn decode_org_roles(text: &str) -> Vec<OrgRole> {
    text.split(',').filter_map(OrgRole::from_name).collect()
}

pub fn encode_workspace_roles(roles: &[WorkspaceRole]) -> String {
    roles.iter().map(|r| r.name()).collect::<Vec<_>>().join(",")
}

pub fn decode_workspace_roles(text: &str) -> Vec<WorkspaceRole> {
    text.split(',')
        .filter_map(WorkspaceRole::from_name)
        .collect()
}

/// Role values as responses carry them (`raw_roles`, `raw_role`): the roles' UUIDs, and the
/// first of them (`default` when there is none).
fn role_values(uuids: impl Iterator<Item = Uuid>, default: Uuid) -> (Vec<String>, String) {
    let values: Vec<String> = uuids.map(|uuid| uuid.to_string()).collect();
    let first = values
        .first()
        .cloned()
        .unwrap_or_else(|| default.to_string());
    (values, first)
}

/// [`role_values`] of organization roles; no role reads as a plain member.
pub fn org_role_values(roles: &[OrgRole]) -> (Vec<String>, String) {
    role_values(roles.iter().map(|r| r.uuid()), OrgRole::Member.uuid())
}

/// [`role_values`] of workspace roles; no role reads as a new member's default.
pub fn workspace_role_values(roles: &[WorkspaceRole]) -> (Vec<String>, String) {
    let default = WorkspaceRole::DEFAULT_FOR_NEW_MEMBER;
    role_values(roles.iter().map(|r| r.uuid()), default.uuid())
}

/// Comma-separated lists of simple tokens (seats, ids).
pub fn encode_list<T: ToString>(items: &[T]) -> String {
    items.iter().map(T::to_string).collect::<Vec<_>>().join(",")
}

pub fn decode_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The ids `sql` selects in its first column, in the order it gives them. Most lists of
/// members, parents or runs are read this way, with `params` filling the query's `?`s.
pub fn ids_of(tx: &Transaction<'_>, sql: &str, params: impl Params) -> ApiResult<Vec<Uuid>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |row| uuid_at(row, 0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// `?, ?, ?` for an `IN (...)` clause of `n` values.
pub fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// Which page of a listing a request asks for, as the API numbers them: `page` counted from 1,
/// each of `page_size` rows. Replies echo both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: i64,
    pub page_size: i64,
}

impl Paging {
    /// The offset of the page's first row.
    pub fn first_row(self) -> i64 {
        (self.page - 1).saturating_mul(self.page_size)
    }
}

/// A listing read one page at a time, with the total it has in all.
pub struct Listing<'a> {
    /// What each row shows: `SELECT {columns}`.
    pub columns: &'a str,
    /// The joins and the filter: `FROM {from}`; the parameters given to [`Listing::page`] fill it.
    pub from: &'a str,
    /// `ORDER BY {order}`: stable, so that pages neither repeat nor skip a row.
    pub order: &'a str,
}

impl Listing<'_> {
    /// How many rows there are in all, and those of the page `paging` asks for, each read by
    /// `read`.
    pub fn page<T>(
        &self,
        tx: &Transaction<'_>,
        params: impl Params + Clone,
        paging: Paging,
        read: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> ApiResult<(i64, Vec<T>)> {
        let Self {
            columns,
            from,
            order,
        } = self;
        let total: i64 = tx.query_row(
            &format!("SELECT COUNT(*) FROM {from}"),
            params.clone(),
            |r| r.get(0),
        )?;
        if paging.page < 1 {
            // A page before the first (a listing that sets no smallest page) holds no rows;
            // its negative offset would be read by SQLite as 0, serving page 1 under its number.
            return Ok((total, Vec::new()));
        }
        let (page_size, offset) = (paging.page_size, paging.first_row());
        let mut stmt = tx.prepare(&format!(
            "SELECT {columns} FROM {from} ORDER BY {order} LIMIT {page_size} OFFSET {offset}"
        ))?;
        let rows = stmt.query_map(params, read)?.collect::<Result<_, _>>()?;
        Ok((total, rows))
    }
}
