//! Workspaces: listing (active or archived), creation, edits, archiving, and the settings
//! extension (API-key creation by members, monthly spending cap).

use axum::body::Bytes;
use rusqlite::{OptionalExtension, Row, Transaction, params_from_iter};
use uuid::Uuid;

use super::audit::{self, Entry};
use super::checks::UniqueName;
use super::organizations::limit_and_currency;
use super::{Op, Paging, ids_of, page_cache, uuid_at, workspace_role_values};
use crate::api::*;
use crate::domain::WorkspaceRole;
use crate::domain::text::{fold, name_key};
use crate::domain::validation::MAX_ACTIVE_WORKSPACES;
use crate::server::clock::to_micros;
use crate::server::error::{ApiError, ApiResult};

/// A workspace as stored, with what responses derive from it.
pub struct WorkspaceRow {
    pub uuid: Uuid,
    pub name: String,
    pub description: String,
    pub icon: String,
    pub is_default: bool,
    pub archived: bool,
    pub members_count: i64,
    pub members_can_create_api_keys: bool,
    pub monthly_spend_cap: Option<i64>,
}

/// `direct_members_count` is kept by triggers as memberships come and go (migration 0008), so
/// a listing reads it rather than counting each workspace's members.
const COLUMNS: &str =
    "w.uuid, w.name, w.description, w.icon, w.is_default, w.archived_at IS NOT NULL,
    w.direct_members_count, w.members_can_create_api_keys, w.monthly_spend_cap";

fn workspace_row(row: &Row<'_>) -> rusqlite::Result<WorkspaceRow> {
    Ok(WorkspaceRow {
        uuid: uuid_at(row, 0)?,
        name: row.get(1)?,
        description: row.get(2)?,
        icon: row.get(3)?,
        is_default: row.get(4)?,
        archived: row.get(5)?,
        members_count: row.get(6)?,
        members_can_create_api_keys: row.get(7)?,
        monthly_spend_cap: row.get(8)?,
    })
}

impl WorkspaceRow {
    pub fn to_out(&self, currency: &str) -> WorkspaceOut {
        WorkspaceOut {
            uuid: self.uuid,
            name: self.name.clone(),
            description: Some(self.description.clone()),
            icon: Some(self.icon.clone()),
            members_count: Some(self.members_count),
            spend_limit: Some(WorkspaceSpendLimitOut {
                value: self.monthly_spend_cap.map(|c| c as f64),
                currency: Some(currency.to_owned()),
                no_monthly_limit: Some(self.monthly_spend_cap.is_none()),
            }),
            is_default: self.is_default,
        }
    }

    /// Refuses changes to an archived workspace, which is permanent and read-only.
    fn ensure_active(&self) -> ApiResult<()> {
        if self.archived {
            Err(ApiError::conflict(format!(
                "Workspace '{}' is archived; archived workspaces cannot be changed",
                self.name
            )))
        } else {
            Ok(())
        }
    }
}

/// Adds to each row's direct member count the people who reach the workspace only through a
/// group, so `members_count` counts everyone with access.
fn count_group_members(tx: &Transaction<'_>, rows: &mut [WorkspaceRow]) -> ApiResult<()> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.uuid).collect();
    let extra = super::access::group_only_member_counts(tx, &ids)?;
    for row in rows {
        row.members_count += extra.get(&row.uuid).copied().unwrap_or(0);
    }
    Ok(())
}

/// One workspace of `org`, archived or not; 404 for anything else, other organizations' included.
pub fn load(tx: &Transaction<'_>, org: Uuid, workspace: Uuid) -> ApiResult<WorkspaceRow> {
    let row = tx
        .query_row(
            &format!("SELECT {COLUMNS} FROM workspaces w WHERE w.org_uuid = ?1 AND w.uuid = ?2"),
            [org.to_string(), workspace.to_string()],
            workspace_row,
        )
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("Workspace {workspace} not found")))?;
    let mut rows = [row];
    count_group_members(tx, &mut rows)?;
    let [row] = rows;
    Ok(row)
}

/// [`load`] for a change: an archived workspace is refused (409), as it takes no changes.
pub fn load_active(tx: &Transaction<'_>, org: Uuid, workspace: Uuid) -> ApiResult<WorkspaceRow> {
    let row = load(tx, org, workspace)?;
    row.ensure_active()?;
    Ok(row)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub archived: bool,
    pub search: Option<String>,
    pub paging: Paging,
}

/// `GET /workspaces` as the JSON it answers with, kept between requests while nothing changes
/// (see `page_cache`).
pub fn list_json(tx: &Transaction<'_>, org: Uuid, query: &ListQuery) -> ApiResult<Bytes> {
    let page = page_cache::PageOf::Workspaces(query.clone());
    page_cache::json_page(tx, org, page, || {
        let listed = list(tx, org, query)?;
        let json = page_cache::to_json(&listed, listed.items.len() * JSON_PER_WORKSPACE)?;
        Ok((json, true))
    })
}

/// About what one workspace of a page takes in JSON (350 bytes in the large seed), so the
/// response is written into one buffer of the right size.
const JSON_PER_WORKSPACE: usize = 512;

/// `GET /workspaces`: the default workspace first, then oldest first.
pub fn list(tx: &Transaction<'_>, org: Uuid, query: &ListQuery) -> ApiResult<WorkspacesOut> {
    let (_, currency) = limit_and_currency(tx, org)?;
    let archived = if query.archived {
        "IS NOT NULL"
    } else {
        "IS NULL"
    };
    let mut filter = format!("w.org_uuid = ?1 AND w.archived_at {archived}");
    let mut args: Vec<rusqlite::types::Value> = vec![org.to_string().into()];
    if let Some(search) = &query.search {
        filter.push_str(" AND instr(w.name_key, ?2) > 0");
        args.push(fold(search).into());
    }
    let total: i64 = tx
        .prepare_cached(&format!("SELECT COUNT(*) FROM workspaces w WHERE {filter}"))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    let Paging { page, page_size } = query.paging;
    args.extend([page_size.into(), query.paging.first_row().into()]);
    let sql = format!(
        "SELECT {COLUMNS} FROM workspaces w WHERE {filter}
         ORDER BY w.is_default DESC, w.created_at, w.uuid LIMIT ? OFFSET ?"
    );
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut rows: Vec<WorkspaceRow> = stmt
        .query_map(params_from_iter(args.iter()), workspace_row)?
        .collect::<Result<_, _>>()?;
    count_group_members(tx, &mut rows)?;
    let items = rows.iter().map(|w| w.to_out(&currency)).collect();
    Ok(WorkspacesOut {
        total,
        items,
        object: "list".into(),
        page,
        page_size,
    })
}

/// Active workspaces' names are unique in an organization; archived ones keep theirs.
const NAMES: UniqueName = UniqueName {
    sql: "SELECT name FROM workspaces
          WHERE org_uuid = ?1 AND name_key = ?2 AND archived_at IS NULL AND uuid != ?3",
    key: name_key,
    taken: |existing, _| {
        format!("An active workspace named '{existing}' already exists in this organization")
    },
};

/// `POST /workspaces`.
pub fn create(op: Op<'_>, body: &AdminWorkspaceIn) -> ApiResult<WorkspaceEnrichedOut> {
    let name = body.name.trim();
    NAMES.ensure_free(op.tx, op.org, name, None)?;
    let active: i64 = op.tx.query_row(
        "SELECT COUNT(*) FROM workspaces WHERE org_uuid = ?1 AND archived_at IS NULL",
        [op.org.to_string()],
        |r| r.get(0),
    )?;
    if active >= MAX_ACTIVE_WORKSPACES as i64 {
        return Err(ApiError::conflict(format!(
            "The organization already has {MAX_ACTIVE_WORKSPACES} active workspaces, the most allowed; archive one first"
        )));
    }
    super::users::member_email(op.tx, op.org, body.admin_user_id)?;
    let uuid = Uuid::new_v4();
    op.tx.execute(
        "INSERT INTO workspaces (uuid, org_uuid, name, name_key, description, icon, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![
            uuid.to_string(),
            op.org.to_string(),
            name,
            name_key(name),
            body.description,
            body.icon,
            to_micros(op.now)
        ],
    )?;
    audit::record(
        op,
        Entry::workspace("workspace.create", uuid, name).in_workspace(uuid),
    )?;
    let admin_roles = [WorkspaceRole::WorkspaceAdmin];
    super::members::insert(op, uuid, name, body.admin_user_id, &admin_roles)?;
    if body.add_all_org_members {
        let everyone = ids_of(
            op.tx,
            "SELECT uuid FROM users WHERE org_uuid = ?1 AND uuid != ?2 ORDER BY created_at",
            [op.org.to_string(), body.admin_user_id.to_string()],
        )?;
        for user in everyone {
            super::members::insert(
                op,
                uuid,
                name,
                user,
                &[WorkspaceRole::DEFAULT_FOR_NEW_MEMBER],
            )?;
        }
    }
    let (_, currency) = limit_and_currency(op.tx, op.org)?;
    let out = load(op.tx, op.org, uuid)?.to_out(&currency);
    let (raw_roles, raw_role) = workspace_role_values(&admin_roles);
    Ok(WorkspaceEnrichedOut {
        workspace: out,
        raw_roles,
        raw_role,
    })
}

/// `PATCH /workspaces/{workspace_uuid}`: absent or null fields stay as they are.
pub fn update(op: Op<'_>, workspace: Uuid, body: &UpdateWorkspaceIn) -> ApiResult<WorkspaceOut> {
    let row = load_active(op.tx, op.org, workspace)?;
    let mut entry = Entry::new("workspace.update", "WORKSPACE")
        .target("workspace_uuid", workspace)
        .in_workspace(workspace);
    let mut changed = false;
    if let Some(name) = body.name.as_deref().map(str::trim)
        && name != row.name
    {
        NAMES.ensure_free(op.tx, op.org, name, Some(workspace))?;
        op.tx.execute(
            "UPDATE workspaces SET name = ?1, name_key = ?2 WHERE uuid = ?3",
            [name, &name_key(name), &workspace.to_string()],
        )?;
        entry = entry.detail("old_name", &row.name).detail("new_name", name);
        changed = true;
    }
    for (column, value, old) in [
        ("description", &body.description, &row.description),
        ("icon", &body.icon, &row.icon),
    ] {
        if let Some(value) = value
            && value != old
        {
            op.tx.execute(
                &format!("UPDATE workspaces SET {column} = ?1 WHERE uuid = ?2"),
                [value, &workspace.to_string()],
            )?;
            entry = entry.detail(
                if column == "icon" {
                    "new_icon"
                } else {
                    "new_description"
                },
                value,
            );
            changed = true;
        }
    }
    if changed {
        let name = body
            .name
            .as_deref()
            .map(str::trim)
            .unwrap_or(&row.name)
            .to_owned();
        audit::record(op, entry.target("name", name))?;
    }
    let (_, currency) = limit_and_currency(op.tx, op.org)?;
    Ok(load(op.tx, op.org, workspace)?.to_out(&currency))
}

/// `DELETE /workspaces/{workspace_uuid}`: archives, permanently. Its members lose access and its
/// API keys stop working at once (both are checked against `archived_at`).
pub fn archive(op: Op<'_>, workspace: Uuid) -> ApiResult<()> {
    let row = load(op.tx, op.org, workspace)?;
    if row.is_default {
        return Err(ApiError::conflict(
            "The default workspace cannot be archived",
        ));
    }
    if row.archived {
        return Err(ApiError::conflict(format!(
            "Workspace '{}' is already archived",
            row.name
        )));
    }
    op.tx.execute(
        "UPDATE workspaces SET archived_at = ?1 WHERE uuid = ?2",
        rusqlite::params![to_micros(op.now), workspace.to_string()],
    )?;
    let keys: i64 = op.tx.query_row(
        "SELECT COUNT(*) FROM api_keys WHERE workspace_uuid = ?1 AND deleted_at IS NULL",
        [workspace.to_string()],
        |r| r.get(0),
    )?;
    audit::record(
        op,
        Entry::workspace("workspace.delete", workspace, &row.name)
            .detail("members_losing_access", row.members_count)
            .detail("api_keys_disabled", keys)
            .in_workspace(workspace),
    )
}

/// `GET /x-local/workspaces/{id}/settings`.
pub fn settings(
    tx: &Transaction<'_>,
    org: Uuid,
    workspace: Uuid,
) -> ApiResult<WorkspaceSettingsOut> {
    let row = load(tx, org, workspace)?;
    let (limit, currency) = limit_and_currency(tx, org)?;
    Ok(WorkspaceSettingsOut {
        workspace_uuid: row.uuid,
        members_can_create_api_keys: row.members_can_create_api_keys,
        monthly_spend_cap: row.monthly_spend_cap,
        currency,
        organization_monthly_limit: limit,
    })
}

/// `PATCH /x-local/workspaces/{id}/settings`. A cap may not exceed the organization's limit.
pub fn update_settings(
    op: Op<'_>,
    workspace: Uuid,
    body: &WorkspaceSettingsUpdate,
) -> ApiResult<WorkspaceSettingsOut> {
    let row = load_active(op.tx, op.org, workspace)?;
    let (limit, currency) = limit_and_currency(op.tx, op.org)?;
    if let Some(allowed) = body.members_can_create_api_keys
        && allowed != row.members_can_create_api_keys
    {
        op.tx.execute(
            "UPDATE workspaces SET members_can_create_api_keys = ?1 WHERE uuid = ?2",
            rusqlite::params![allowed, workspace.to_string()],
        )?;
        audit::record(
            op,
            Entry::new("api_key_policy.update", "API_KEY_POLICY")
                .target("workspace_uuid", workspace)
                .target("name", &row.name)
                .detail("members_can_create_api_keys", allowed)
                .in_workspace(workspace),
        )?;
    }
    if let Some(cap) = body.monthly_spend_cap
        && cap != row.monthly_spend_cap
    {
        if let (Some(cap), Some(limit)) = (cap, limit)
            && cap > limit
        {
            return Err(ApiError::invalid(
                crate::loc!["body", "monthly_spend_cap"],
                "less_than_equal",
                format!(
                    "The cap cannot exceed the organization's monthly limit of {limit} {currency}"
                ),
            ));
        }
        set_cap(op, &row, cap, &currency)?;
    }
    settings(op.tx, op.org, workspace)
}

/// Sets a workspace's cap and records it; also used when the organization's limit drops
/// below an existing cap.
pub fn set_cap(op: Op<'_>, row: &WorkspaceRow, cap: Option<i64>, currency: &str) -> ApiResult<()> {
    op.tx.execute(
        "UPDATE workspaces SET monthly_spend_cap = ?1 WHERE uuid = ?2",
        rusqlite::params![cap, row.uuid.to_string()],
    )?;
    audit::record(
        op,
        Entry::new(
            "billing.workspace_monthly_limit.updated",
            "WORKSPACE_MONTHLY_LIMIT",
        )
        .target("workspace_uuid", row.uuid)
        .target("name", &row.name)
        .amounts(
            ("old_cap", row.monthly_spend_cap),
            ("new_cap", cap),
            currency,
        )
        .in_workspace(row.uuid),
    )
}
