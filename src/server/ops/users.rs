//! Organization members: the paged list (members, then invitations), one member in detail,
//! bulk creation, role and seat updates, and removal from the organization.

use std::collections::{BTreeMap, HashMap};

use axum::body::Bytes;
use rusqlite::{OptionalExtension, Row, Transaction};
use time::OffsetDateTime;
use uuid::Uuid;

use super::access::{self, Reach};
use super::active_workspaces::{self, ActiveWorkspaces};
use super::audit::{self, Entry};
use super::member_json::{Members, UsersPage};
use super::{
    Op, decode_list, decode_org_roles, encode_list, encode_org_roles, encode_workspace_roles,
    opt_uuid_at, org_role_values, text_at, uuid_at,
};
use super::{Paging, member_pages, page_cache};
use crate::api::*;
use crate::domain::validation::is_valid_email;
use crate::domain::{OrgRole, WorkspaceRole};
use crate::server::clock::{from_micros, to_micros};
use crate::server::error::{ApiError, ApiResult};
use crate::server::ops::invites;

/// A member as stored, with the roles their groups add once [`gather`] has run.
pub struct UserRow {
    pub uuid: Uuid,
    pub email: String,
    first_name: Option<String>,
    last_name: Option<String>,
    pub oid_id: Option<Uuid>,
    pub is_sso_outsider: Option<bool>,
    pub org_roles: Vec<OrgRole>,
    pub seats: Vec<String>,
    pub created_at: OffsetDateTime,
}

const USER_COLUMNS: &str =
    "uuid, email, first_name, last_name, oid_id, is_sso_outsider, org_roles, seats, created_at";

fn user_row(row: &Row<'_>) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        uuid: uuid_at(row, 0)?,
        email: row.get(1)?,
        first_name: row.get(2)?,
        last_name: row.get(3)?,
        oid_id: opt_uuid_at(row, 4)?,
        is_sso_outsider: row.get(5)?,
        org_roles: decode_org_roles(text_at(row, 6)?),
        seats: decode_list(text_at(row, 7)?),
        created_at: from_micros(row.get(8)?),
    })
}

impl UserRow {
    pub fn display_name(&self) -> Option<String> {
        let full = format!(
            "{} {}",
            self.first_name.as_deref().unwrap_or(""),
            self.last_name.as_deref().unwrap_or("")
        );
        let full = full.trim();
        (!full.is_empty()).then(|| full.to_owned())
    }

    fn into_member(self, workspaces: Vec<MemberWorkspaceInfo>) -> AdminOrganizationMemberOut {
        let (raw_roles, raw_role) = org_role_values(&self.org_roles);
        let subscriptions = self
            .seats
            .iter()
            .map(|seat| MemberSubscriptionOut {
                kind: seat.clone(),
                plan: None,
                status: Some("A".into()),
                user: Some(self.uuid.to_string()),
                self_service: Some(false),
                member_has_access: Some(true),
            })
            .collect();
        let seat_types: Vec<String> = self
            .seats
            .iter()
            .filter(|s| MEMBER_SEAT_TYPES.contains(&s.as_str()))
            .cloned()
            .collect();
        AdminOrganizationMemberOut {
            uuid: self.uuid,
            oid_id: self.oid_id,
            name: self.display_name(),
            email: Some(self.email),
            is_sso_outsider: self.is_sso_outsider,
            workspaces: Some(workspaces),
            subscriptions,
            raw_roles,
            raw_role,
            subscription_types: Some(seat_types),
            created_at: self.created_at,
        }
    }
}

/// What responses add to the rows of `org`'s members: the roles their groups grant, merged
/// into `org_roles`, and the active workspaces each reaches (of `active`), default first, direct
/// and group roles united. Archived workspaces are left out: their members lost access when
/// they were archived.
fn gather<'a>(
    tx: &Transaction<'_>,
    org: Uuid,
    active: &'a ActiveWorkspaces,
    rows: &mut [UserRow],
) -> ApiResult<HashMap<Uuid, Vec<Reach<'a>>>> {
    if rows.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.uuid).collect();
    let in_groups = access::org_has_group_members(tx, org)?;
    let reach = access::effective_reach(tx, active, &ids, in_groups)?;
    if in_groups {
        let mut group_roles = access::group_org_roles(tx, &ids)?;
        for r in rows {
            // Responses show what a member holds in total: their own roles and their groups'.
            if let Some(extra) = group_roles.remove(&r.uuid) {
                r.org_roles.extend(extra);
                r.org_roles =
                    crate::domain::roles::normalize_org_roles(std::mem::take(&mut r.org_roles));
            }
        }
    }
    Ok(reach)
}

/// Members of `org` as the API types them (see [`gather`]).
fn members_from_rows(
    tx: &Transaction<'_>,
    org: Uuid,
    mut rows: Vec<UserRow>,
) -> ApiResult<Vec<AdminOrganizationMemberOut>> {
    let active = active_workspaces::of(tx, org)?;
    let mut reach = gather(tx, org, &active, &mut rows)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let reached = reach.remove(&r.uuid).unwrap_or_default();
            r.into_member(reached.iter().map(Reach::info).collect())
        })
        .collect())
}

/// Which page of `GET /users`, as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub email: Option<String>,
    pub paging: Paging,
}

/// `GET /users` as the JSON it answers with, kept between requests while nothing changes (see
/// `page_cache`). A page that shows invitations is not kept: they expire as time passes.
pub fn list_json(op: Op<'_>, query: &ListQuery) -> ApiResult<Bytes> {
    let page = page_cache::PageOf::Users(query.clone());
    page_cache::json_page(op.tx, op.org, page, || {
        let mut listed = list_rows(op.tx, op.org, query, op.now)?;
        let active = active_workspaces::of(op.tx, op.org)?;
        let reach = gather(op.tx, op.org, &active, &mut listed.members)?;
        let json = page_cache::to_json(
            &UsersPage {
                members: Members {
                    rows: &listed.members,
                    reach: &reach,
                },
                invites: &listed.invites,
                total: Some(listed.total),
                page: Some(query.paging.page),
                page_size: Some(query.paging.page_size),
            },
            listed.members.len() * JSON_PER_MEMBER,
        )?;
        Ok((json, listed.invites.is_empty()))
    })
}

/// About what one member of a page takes in JSON (a member of the large seed: 1.1 KB), so the
/// response is written into one buffer instead of one that grows, copying, as it fills.
const JSON_PER_MEMBER: usize = 1536;

/// One page of `GET /users` as read, before what responses add to members.
struct ListedRows {
    members: Vec<UserRow>,
    invites: Vec<OrganizationInviteOut>,
    /// Members and invitations, all pages together.
    total: i64,
}

/// `GET /users` as the API types it: the same page as [`list_json`] writes.
#[cfg(test)]
pub fn list(op: Op<'_>, query: &ListQuery) -> ApiResult<OrganizationAdminUsersOut> {
    let listed = list_rows(op.tx, op.org, query, op.now)?;
    Ok(OrganizationAdminUsersOut {
        members: members_from_rows(op.tx, op.org, listed.members)?,
        invites: listed.invites,
        total: Some(listed.total),
        page: Some(query.paging.page),
        page_size: Some(query.paging.page_size),
    })
}

/// One page over members (oldest first) followed by pending invitations.
fn list_rows(
    tx: &Transaction<'_>,
    org: Uuid,
    query: &ListQuery,
    now: OffsetDateTime,
) -> ApiResult<ListedRows> {
    let ListQuery { email, paging } = query;
    let page_size = paging.page_size;
    let email_key = email.as_deref().map(str::to_lowercase);
    let offset = paging.first_row();
    let (member_total, members) = match &email_key {
        Some(key) => filtered_page(tx, org, key, offset, page_size)?,
        None => whole_page(tx, org, offset, page_size)?,
    };
    let invite_total = invites::count_open(tx, org, email_key.as_deref())?;
    let room = page_size - members.len() as i64;
    let invite_offset = (offset - member_total).max(0);
    let invites = if room > 0 {
        invites::open_page(tx, org, email_key.as_deref(), invite_offset, room, now)?
    } else {
        Vec::new()
    };
    Ok(ListedRows {
        members,
        invites,
        total: member_total + invite_total,
    })
}

/// The members of one page of the whole listing, and how many members there are: the kept
/// count, and a page that starts from its place in the order rather than counting up to it.
fn whole_page(
    tx: &Transaction<'_>,
    org: Uuid,
    offset: i64,
    page_size: i64,
) -> ApiResult<(i64, Vec<UserRow>)> {
    let membership = member_pages::membership(tx, org)?;
    if offset >= membership.count {
        return Ok((membership.count, Vec::new()));
    }
    let rows = match member_pages::start(tx, org, &membership, offset)? {
        Some((place, skip)) => {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT {USER_COLUMNS} FROM users INDEXED BY users_in_listing_order
                 WHERE org_uuid = ?1 AND (created_at > ?2 OR (created_at = ?2 AND rowid >= ?3))
                 ORDER BY created_at, rowid LIMIT ?4 OFFSET ?5"
            ))?;
            stmt.query_map(
                rusqlite::params![
                    org.to_string(),
                    place.created_at,
                    place.rowid,
                    page_size,
                    skip
                ],
                user_row,
            )?
            .collect::<Result<_, _>>()?
        }
        None => {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT {USER_COLUMNS} FROM users INDEXED BY users_in_listing_order
                 WHERE org_uuid = ?1 ORDER BY created_at, rowid LIMIT ?2 OFFSET ?3"
            ))?;
            stmt.query_map(
                rusqlite::params![org.to_string(), page_size, offset],
                user_row,
            )?
            .collect::<Result<_, _>>()?
        }
    };
    Ok((membership.count, rows))
}

/// The members of one page of `?email=`: at most one member, so counting is cheap.
fn filtered_page(
    tx: &Transaction<'_>,
    org: Uuid,
    email_key: &str,
    offset: i64,
    page_size: i64,
) -> ApiResult<(i64, Vec<UserRow>)> {
    let total: i64 = tx
        .prepare_cached("SELECT COUNT(*) FROM users WHERE org_uuid = ?1 AND email_key = ?2")?
        .query_row([org.to_string(), email_key.to_owned()], |r| r.get(0))?;
    if offset >= total {
        return Ok((total, Vec::new()));
    }
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {USER_COLUMNS} FROM users WHERE org_uuid = ?1 AND email_key = ?2
         ORDER BY created_at, rowid LIMIT ?3 OFFSET ?4"
    ))?;
    let rows = stmt
        .query_map(
            rusqlite::params![org.to_string(), email_key, page_size, offset],
            user_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok((total, rows))
}

fn load_row(tx: &Transaction<'_>, org: Uuid, user: Uuid) -> ApiResult<UserRow> {
    tx.query_row(
        &format!("SELECT {USER_COLUMNS} FROM users WHERE org_uuid = ?1 AND uuid = ?2"),
        [org.to_string(), user.to_string()],
        user_row,
    )
    .optional()?
    .ok_or_else(|| ApiError::not_found(format!("User {user} not found in this organization")))
}

pub fn get_member(
    tx: &Transaction<'_>,
    org: Uuid,
    user: Uuid,
) -> ApiResult<AdminOrganizationMemberOut> {
    let row = load_row(tx, org, user)?;
    Ok(members_from_rows(tx, org, vec![row])?.remove(0))
}

/// `GET /users/{user_id}`.
pub fn get_user(tx: &Transaction<'_>, org: Uuid, user: Uuid) -> ApiResult<AdminUserOut> {
    let row = load_row(tx, org, user)?;
    let (first_name, last_name) = (row.first_name.clone(), row.last_name.clone());
    let member = members_from_rows(tx, org, vec![row])?.remove(0);
    Ok(AdminUserOut {
        member,
        first_name,
        last_name,
    })
}

/// Whether an address already belongs to a member of `org`.
pub fn email_taken(tx: &Transaction<'_>, org: Uuid, email: &str) -> ApiResult<bool> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM users WHERE org_uuid = ?1 AND email_key = ?2")?
        .exists([org.to_string(), email.to_lowercase()])?)
}

/// The email of `user`, a member of `org`; 404 for anyone else.
pub fn member_email(tx: &Transaction<'_>, org: Uuid, user: Uuid) -> ApiResult<String> {
    tx.query_row(
        "SELECT email FROM users WHERE org_uuid = ?1 AND uuid = ?2",
        [org.to_string(), user.to_string()],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| ApiError::not_found(format!("User {user} not found in this organization")))
}

pub fn default_workspace(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Uuid> {
    tx.query_row(
        "SELECT uuid FROM workspaces WHERE org_uuid = ?1 AND is_default = 1",
        [org.to_string()],
        |row| uuid_at(row, 0),
    )
    .optional()?
    .ok_or_else(|| ApiError::internal("organization has no default workspace"))
}

/// A person to add directly as a member.
pub struct NewMember<'a> {
    pub uuid: Uuid,
    pub email: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub roles: Vec<OrgRole>,
    pub seats: Vec<String>,
}

/// Inserts a member and places them in the default workspace, which every member belongs to.
pub fn insert_member(op: Op<'_>, member: &NewMember<'_>) -> ApiResult<()> {
    let at = to_micros(op.now);
    op.tx.prepare_cached(
        "INSERT INTO users (uuid, org_uuid, email, email_key, first_name, last_name, org_roles, seats, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(rusqlite::params![
        member.uuid.to_string(),
        op.org.to_string(),
        member.email,
        member.email.to_lowercase(),
        member.first_name,
        member.last_name,
        encode_org_roles(&member.roles),
        encode_list(&member.seats),
        at
    ])?;
    let default = default_workspace(op.tx, op.org)?;
    op.tx.prepare_cached(
        "INSERT INTO workspace_members (workspace_uuid, user_uuid, roles, added_at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(rusqlite::params![
        default.to_string(),
        member.uuid.to_string(),
        encode_workspace_roles(&[WorkspaceRole::DEFAULT_FOR_NEW_MEMBER]),
        at
    ])?;
    invites::close_for_new_member(op, member.email)?;
    audit::record(
        op,
        Entry::user("user.create", member.uuid, member.email)
            .detail("roles", encode_org_roles(&member.roles)),
    )
}

/// `POST /users`: creates every valid, new address; reports the others as invalid.
pub fn create_many(
    op: Op<'_>,
    entries: &[OrganizationMemberCreate],
) -> ApiResult<OrganizationUsersCreateOut> {
    let mut invalid_emails = Vec::new();
    let mut email_to_user_id = BTreeMap::new();
    for entry in entries {
        let email = entry.email.trim();
        if !is_valid_email(email) || email_taken(op.tx, op.org, email)? {
            invalid_emails.push(entry.email.clone());
            continue;
        }
        let roles = crate::server::validate::requested_roles(&entry.org_role_fields())
            .unwrap_or_else(|| vec![OrgRole::Member]);
        let member = NewMember {
            uuid: Uuid::new_v4(),
            email,
            first_name: entry.first_name.trim(),
            last_name: entry.last_name.trim(),
            roles,
            seats: entry.subscription_types.clone().unwrap_or_default(),
        };
        insert_member(op, &member)?;
        email_to_user_id.insert(entry.email.clone(), member.uuid.to_string());
    }
    Ok(OrganizationUsersCreateOut {
        invalid_emails,
        email_to_user_id,
    })
}

fn other_admins(tx: &Transaction<'_>, org: Uuid, user: Uuid) -> ApiResult<i64> {
    Ok(tx.query_row(
        "SELECT COUNT(*) FROM users WHERE org_uuid = ?1 AND uuid != ?2
         AND (',' || org_roles || ',') LIKE '%,organization_admin,%'",
        [org.to_string(), user.to_string()],
        |r| r.get(0),
    )?)
}

/// `PATCH /users/{user_id}`: organization roles and product seats.
pub fn update(
    op: Op<'_>,
    user: Uuid,
    body: &AdminOrganizationMemberUpdate,
) -> ApiResult<AdminOrganizationMemberOut> {
    let row = load_row(op.tx, op.org, user)?;
    if let Some(roles) = crate::server::validate::requested_roles(&body.org_role_fields())
        && roles != row.org_roles
    {
        let loses_admin = row.org_roles.contains(&OrgRole::OrganizationAdmin)
            && !roles.contains(&OrgRole::OrganizationAdmin);
        if loses_admin && other_admins(op.tx, op.org, user)? == 0 {
            return Err(ApiError::conflict(format!(
                "{} is the last organization_admin; make someone else an admin first",
                row.email
            )));
        }
        op.tx.execute(
            "UPDATE users SET org_roles = ?1 WHERE uuid = ?2",
            [encode_org_roles(&roles), user.to_string()],
        )?;
        audit::record(
            op,
            Entry::user("user.organization.role.update", user, &row.email)
                .detail("old_roles", encode_org_roles(&row.org_roles))
                .detail("new_roles", encode_org_roles(&roles)),
        )?;
    }
    if let Some(seats) = &body.subscription_types {
        let mut seats = seats.clone();
        seats.sort();
        seats.dedup();
        let kept: Vec<String> = row
            .seats
            .iter()
            .filter(|s| !MEMBER_SEAT_TYPES.contains(&s.as_str()))
            .cloned()
            .chain(seats.iter().cloned())
            .collect();
        op.tx.execute(
            "UPDATE users SET seats = ?1 WHERE uuid = ?2",
            [encode_list(&kept), user.to_string()],
        )?;
        for seat in MEMBER_SEAT_TYPES {
            let had = row.seats.iter().any(|s| s == seat);
            let has = seats.iter().any(|s| s == seat);
            if had != has {
                let event = if has {
                    "billing.seat.grant"
                } else {
                    "billing.seat.revoke"
                };
                audit::record(
                    op,
                    Entry::new(event, "SUBSCRIPTION")
                        .target("user_uuid", user)
                        .target("email", &row.email)
                        .detail("seat", seat),
                )?;
            }
        }
    }
    get_member(op.tx, op.org, user)
}

/// `DELETE /users/{user_id}`: the member leaves the organization and every workspace. Keys
/// and workspaces they created stay.
pub fn delete(op: Op<'_>, user: Uuid) -> ApiResult<DeleteOut> {
    let row = load_row(op.tx, op.org, user)?;
    if row.org_roles.contains(&OrgRole::OrganizationAdmin)
        && other_admins(op.tx, op.org, user)? == 0
    {
        return Err(ApiError::conflict(format!(
            "{} is the last organization_admin and cannot be removed from the organization",
            row.email
        )));
    }
    let memberships: i64 = op.tx.query_row(
        "SELECT COUNT(*) FROM workspace_members WHERE user_uuid = ?1",
        [user.to_string()],
        |r| r.get(0),
    )?;
    op.tx
        .execute("DELETE FROM users WHERE uuid = ?1", [user.to_string()])?;
    audit::record(
        op,
        Entry::user("user.organization.delete", user, &row.email)
            .detail("workspace_memberships_removed", memberships),
    )?;
    Ok(DeleteOut {
        message: "Organization member deleted successfully".into(),
    })
}
