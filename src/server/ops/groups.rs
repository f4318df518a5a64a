//! User groups: listing, creation, edits, deletion and the organization role. Names are unique
//! within an organization (ignoring case and accents). A group that came from the identity
//! provider (SCIM) keeps its name and members there: edits to those here are refused.

use rusqlite::{OptionalExtension, Row, Transaction, params_from_iter};
use uuid::Uuid;

use super::audit::{self, Entry};
use super::checks::{self, UniqueName};
use super::{Listing, Paging, group_nesting};
use super::{Op, uuid_at};
use crate::api::*;
use crate::domain::OrgRole;
use crate::domain::text::fold;
use crate::server::clock::to_micros;
use crate::server::error::{ApiError, ApiResult};

/// A group as stored.
pub struct GroupRow {
    pub uuid: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub target_type: Option<String>,
    pub organization_role: Option<OrgRole>,
    pub external_id: Option<String>,
}

const COLUMNS: &str = "uuid, name, description, target_type, organization_role, external_id";

fn group_row(row: &Row<'_>) -> rusqlite::Result<GroupRow> {
    Ok(GroupRow {
        uuid: uuid_at(row, 0)?,
        name: row.get(1)?,
        description: row.get(2)?,
        target_type: row.get(3)?,
        organization_role: row
            .get::<_, Option<String>>(4)?
            .as_deref()
            .and_then(OrgRole::from_name),
        external_id: row.get(5)?,
    })
}

impl GroupRow {
    pub fn externally_managed(&self) -> bool {
        self.external_id.is_some()
    }

    /// Refuses a change to a field the identity provider owns.
    pub fn ensure_owned_here(&self, what: &str) -> ApiResult<()> {
        if self.externally_managed() {
            Err(ApiError::conflict(format!(
                "Group '{}' is managed by the identity provider (SCIM): its {what} can only be \
                 changed there, then synchronized",
                self.name
            )))
        } else {
            Ok(())
        }
    }

    fn to_out(&self, parents: Vec<Uuid>) -> AdminUserGroupOut {
        AdminUserGroupOut {
            uuid: self.uuid,
            name: self.name.clone(),
            description: self.description.clone(),
            externally_managed: Some(self.externally_managed()),
            target_type: self.target_type.clone(),
            organization_role: self.organization_role.map(|r| r.uuid().to_string()),
            parent_group_ids: parents,
        }
    }
}

fn find(tx: &Transaction<'_>, org: Uuid, group: Uuid) -> ApiResult<Option<GroupRow>> {
    Ok(tx
        .query_row(
            &format!("SELECT {COLUMNS} FROM user_groups WHERE org_uuid = ?1 AND uuid = ?2"),
            [org.to_string(), group.to_string()],
            group_row,
        )
        .optional()?)
}

/// One group of `org`; 404 for anything else, other organizations' groups included.
pub fn load(tx: &Transaction<'_>, org: Uuid, group: Uuid) -> ApiResult<GroupRow> {
    find(tx, org, group)?
        .ok_or_else(|| ApiError::not_found(format!("User group {group} not found")))
}

/// Every one of `groups` must be a group of `org`; the 404 names those that are not.
pub fn load_many(tx: &Transaction<'_>, org: Uuid, groups: &[Uuid]) -> ApiResult<Vec<GroupRow>> {
    let mut found = Vec::new();
    for id in groups {
        found.extend(find(tx, org, *id)?);
    }
    checks::ensure_all_known(
        groups,
        |id| found.iter().any(|row| row.uuid == *id),
        "User groups not found in this organization",
    )?;
    Ok(found)
}

pub fn get(tx: &Transaction<'_>, org: Uuid, group: Uuid) -> ApiResult<AdminUserGroupOut> {
    let row = load(tx, org, group)?;
    let parents = group_nesting::parents_of(tx, group)?;
    Ok(row.to_out(parents))
}

/// `GET /user-groups`: oldest first; `search` is a case- and accent-insensitive substring.
pub fn list(
    tx: &Transaction<'_>,
    org: Uuid,
    search: Option<&str>,
    paging: Paging,
) -> ApiResult<AdminUserGroupsOut> {
    let mut filter = String::from("org_uuid = ?1");
    let mut args: Vec<rusqlite::types::Value> = vec![org.to_string().into()];
    if let Some(search) = search {
        filter.push_str(" AND instr(name_key, ?2) > 0");
        args.push(fold(search).into());
    }
    let listing = Listing {
        columns: COLUMNS,
        from: &format!("user_groups WHERE {filter}"),
        order: "created_at, uuid",
    };
    let (total, rows) = listing.page(tx, params_from_iter(args.iter()), paging, group_row)?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let parents = group_nesting::parents_of(tx, row.uuid)?;
        items.push(row.to_out(parents));
    }
    Ok(AdminUserGroupsOut {
        total,
        items,
        page: paging.page,
        page_size: paging.page_size,
    })
}

/// Group names are unique in an organization, ignoring case and accents.
const NAMES: UniqueName = UniqueName {
    sql: "SELECT name FROM user_groups WHERE org_uuid = ?1 AND name_key = ?2 AND uuid != ?3",
    key: fold,
    taken: |existing, _| {
        format!("A user group named '{existing}' already exists in this organization")
    },
};

/// Empty text means "no description", stored and returned as null.
fn description_of(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// What a new group is made of; SCIM creates groups with an external id.
#[derive(Clone, Copy)]
pub struct NewGroup<'a> {
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub target_type: Option<&'a str>,
    pub external_id: Option<&'a str>,
}

/// Writes a new group's row (its description trimmed, an empty one as null; the name as
/// given), with no check and no audit entry: `insert` checks and records, seeding writes its
/// own history.
pub fn store(
    tx: &Transaction<'_>,
    org: Uuid,
    uuid: Uuid,
    new: &NewGroup<'_>,
    created_at: i64,
) -> ApiResult<()> {
    tx.execute(
        "INSERT INTO user_groups (uuid, org_uuid, name, name_key, description, target_type,
             external_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            uuid.to_string(),
            org.to_string(),
            new.name,
            fold(new.name),
            description_of(new.description),
            new.target_type,
            new.external_id,
            created_at
        ],
    )?;
    Ok(())
}

/// Inserts a group and records it; returns its id.
pub fn insert(op: Op<'_>, new: &NewGroup<'_>) -> ApiResult<Uuid> {
    let name = new.name.trim();
    NAMES.ensure_free(op.tx, op.org, name, None)?;
    let uuid = Uuid::new_v4();
    let trimmed = NewGroup { name, ..*new };
    store(op.tx, op.org, uuid, &trimmed, to_micros(op.now))?;
    let mut entry = Entry::user_group("user_group.create", uuid, name);
    if new.external_id.is_some() {
        entry = entry.detail("source", "scim");
    }
    audit::record(op, entry)?;
    Ok(uuid)
}

/// `POST /user-groups`.
pub fn create(op: Op<'_>, body: &AdminUserGroupIn) -> ApiResult<AdminUserGroupOut> {
    let uuid = insert(
        op,
        &NewGroup {
            name: &body.name,
            description: body.description.as_deref(),
            target_type: body.target_type.as_deref(),
            external_id: None,
        },
    )?;
    if !body.parent_group_ids.is_empty() {
        group_nesting::set_parents(op, uuid, &body.parent_group_ids)?;
    }
    get(op.tx, op.org, uuid)
}

/// Renames a group and records it; SCIM uses this for the provider's renames.
pub fn rename(op: Op<'_>, row: &GroupRow, name: &str) -> ApiResult<()> {
    NAMES.ensure_free(op.tx, op.org, name, Some(row.uuid))?;
    op.tx.execute(
        "UPDATE user_groups SET name = ?1, name_key = ?2 WHERE uuid = ?3",
        [name, &fold(name), &row.uuid.to_string()],
    )?;
    audit::record(
        op,
        Entry::user_group("user_group.update", row.uuid, name)
            .detail("old_name", &row.name)
            .detail("new_name", name),
    )
}

/// `PATCH /user-groups/{group_uuid}`: absent or null fields stay as they are.
pub fn update(
    op: Op<'_>,
    group: Uuid,
    body: &AdminUpdateUserGroupIn,
) -> ApiResult<AdminUserGroupOut> {
    let row = load(op.tx, op.org, group)?;
    if let Some(name) = body.name.as_deref().map(str::trim)
        && name != row.name
    {
        row.ensure_owned_here("name")?;
        rename(op, &row, name)?;
    }
    let mut entry = Entry::new("user_group.update", "USER_GROUP").target("group_uuid", group);
    let mut changed = false;
    if body.description.is_some() {
        let description = description_of(body.description.as_deref());
        if description != row.description {
            op.tx.execute(
                "UPDATE user_groups SET description = ?1 WHERE uuid = ?2",
                rusqlite::params![description, group.to_string()],
            )?;
            entry = entry.detail("new_description", description.unwrap_or_default());
            changed = true;
        }
    }
    if let Some(target) = &body.target_type
        && Some(target) != row.target_type.as_ref()
    {
        op.tx.execute(
            "UPDATE user_groups SET target_type = ?1 WHERE uuid = ?2",
            [target, &group.to_string()],
        )?;
        entry = entry.detail("new_target_type", target);
        changed = true;
    }
    if changed {
        let name = load(op.tx, op.org, group)?.name;
        audit::record(op, entry.target("name", name))?;
    }
    if let Some(parents) = &body.parent_group_ids {
        group_nesting::set_parents(op, group, parents)?;
    }
    get(op.tx, op.org, group)
}

/// Deletes a group and records it: its members lose what it granted, and groups nested inside
/// it become independent of it. SCIM uses this for groups gone from the provider.
pub fn remove(op: Op<'_>, row: &GroupRow) -> ApiResult<()> {
    let assignments: i64 = op.tx.query_row(
        "SELECT COUNT(*) FROM group_workspace_assignments WHERE group_uuid = ?1",
        [row.uuid.to_string()],
        |r| r.get(0),
    )?;
    let members: i64 = op.tx.query_row(
        "SELECT COUNT(*) FROM user_group_members WHERE group_uuid = ?1",
        [row.uuid.to_string()],
        |r| r.get(0),
    )?;
    op.tx.execute(
        "DELETE FROM user_groups WHERE uuid = ?1",
        [row.uuid.to_string()],
    )?;
    audit::record(
        op,
        Entry::user_group("user_group.delete", row.uuid, &row.name)
            .detail("members_removed", members)
            .detail("workspace_assignments_removed", assignments),
    )
}

/// `DELETE /user-groups/{group_uuid}`. A group from the identity provider is deleted there.
pub fn delete(op: Op<'_>, group: Uuid) -> ApiResult<()> {
    let row = load(op.tx, op.org, group)?;
    row.ensure_owned_here("existence")?;
    remove(op, &row)
}

/// `PATCH /user-groups/{group_uuid}/organization-role`.
pub fn set_organization_role(
    op: Op<'_>,
    group: Uuid,
    body: &UpdateUserGroupOrganizationRoleIn,
) -> ApiResult<()> {
    let row = load(op.tx, op.org, group)?;
    let role = OrgRole::from_code_or_uuid(&body.organization_role)
        .ok_or_else(|| ApiError::internal("organization role checked by validation"))?;
    if row.organization_role == Some(role) {
        return Ok(());
    }
    op.tx.execute(
        "UPDATE user_groups SET organization_role = ?1 WHERE uuid = ?2",
        [role.name(), &group.to_string()],
    )?;
    audit::record(
        op,
        Entry::user_group("user_group.update", group, &row.name)
            .detail(
                "old_organization_role",
                row.organization_role.map_or("none", OrgRole::name),
            )
            .detail("new_organization_role", role.name()),
    )
}
