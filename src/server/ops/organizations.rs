//! Organizations: creation (with their default workspace and first admin), the list the server
//! hosts, and the identity extension (`/x-local/organization`) with rename.

use rusqlite::{OptionalExtension, Transaction};
use time::OffsetDateTime;
use uuid::Uuid;

use super::audit::{self, Entry};
use super::{Op, encode_org_roles, encode_workspace_roles, uuid_at};
use crate::api::LocalOrganizationOut;
use crate::domain::text::name_key;
use crate::domain::{OrgRole, WorkspaceRole};
use crate::server::clock::{from_micros, to_micros};
use crate::server::error::{ApiError, ApiResult};

/// The name every organization's default workspace starts with.
pub const DEFAULT_WORKSPACE_NAME: &str = "Default Workspace";

/// What a new organization is made of.
pub struct NewOrganization<'a> {
    pub uuid: Uuid,
    pub name: &'a str,
    pub plan: &'a str,
    pub currency: &'a str,
    pub monthly_limit: Option<i64>,
    pub created_at: OffsetDateTime,
    pub default_workspace: Uuid,
    pub admin: NewAdmin<'a>,
}

pub struct NewAdmin<'a> {
    pub uuid: Uuid,
    pub email: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationSummary {
    pub uuid: Uuid,
    pub name: String,
}

/// Creates the organization, its default workspace, and its first `organization_admin`, who is
/// also the default workspace's admin.
pub fn create(tx: &Transaction<'_>, new: &NewOrganization<'_>) -> ApiResult<()> {
    let at = to_micros(new.created_at);
    let position: i64 = tx.query_row(
        "SELECT COALESCE(MAX(position), 0) + 1 FROM organizations",
        [],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO organizations (uuid, name, plan, currency, monthly_limit, created_at, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![new.uuid.to_string(), new.name, new.plan, new.currency, new.monthly_limit, at, position],
    )?;
    tx.execute(
        "INSERT INTO workspaces (uuid, org_uuid, name, name_key, description, icon, is_default, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, '', 1, ?6)",
        rusqlite::params![
            new.default_workspace.to_string(),
            new.uuid.to_string(),
            DEFAULT_WORKSPACE_NAME,
            name_key(DEFAULT_WORKSPACE_NAME),
            "Every member of the organization belongs here",
            at
        ],
    )?;
    tx.execute(
        "INSERT INTO users (uuid, org_uuid, email, email_key, first_name, last_name, org_roles, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            new.admin.uuid.to_string(),
            new.uuid.to_string(),
            new.admin.email,
            new.admin.email.to_lowercase(),
            new.admin.first_name,
            new.admin.last_name,
            encode_org_roles(&[OrgRole::OrganizationAdmin]),
            at
        ],
    )?;
    tx.execute(
        "INSERT INTO workspace_members (workspace_uuid, user_uuid, roles, added_at) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![
            new.default_workspace.to_string(),
            new.admin.uuid.to_string(),
            encode_workspace_roles(&[WorkspaceRole::WorkspaceAdmin]),
            at
        ],
    )?;
    Ok(())
}

pub fn list(tx: &Transaction<'_>) -> ApiResult<Vec<OrganizationSummary>> {
    let mut stmt = tx.prepare("SELECT uuid, name FROM organizations ORDER BY position")?;
    let rows = stmt.query_map([], |row| {
        Ok(OrganizationSummary {
            uuid: uuid_at(row, 0)?,
            name: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(tx: &Transaction<'_>, org: Uuid) -> ApiResult<LocalOrganizationOut> {
    tx.query_row(
        "SELECT uuid, name, plan, currency, created_at FROM organizations WHERE uuid = ?1",
        [org.to_string()],
        |row| {
            Ok(LocalOrganizationOut {
                uuid: uuid_at(row, 0)?,
                name: row.get(1)?,
                plan: row.get(2)?,
                currency: row.get(3)?,
                created_at: from_micros(row.get(4)?),
            })
        },
    )
    .optional()?
    .ok_or_else(|| ApiError::not_found("Organization not found"))
}

pub fn rename(op: Op<'_>, name: &str) -> ApiResult<LocalOrganizationOut> {
    let before = get(op.tx, op.org)?;
    let name = name.trim();
    if before.name != name {
        op.tx.execute(
            "UPDATE organizations SET name = ?1 WHERE uuid = ?2",
            [name, &op.org.to_string()],
        )?;
        audit::record(
            op,
            Entry::organization("organization.update", op.org)
                .target("name", name)
                .detail("old_name", &before.name)
                .detail("new_name", name),
        )?;
    }
    get(op.tx, op.org)
}

/// The organization's currency and monthly limit (`None`: no limit).
pub fn limit_and_currency(tx: &Transaction<'_>, org: Uuid) -> ApiResult<(Option<i64>, String)> {
    Ok(tx
        .prepare_cached("SELECT monthly_limit, currency FROM organizations WHERE uuid = ?1")?
        .query_row([org.to_string()], |row| Ok((row.get(0)?, row.get(1)?)))?)
}
