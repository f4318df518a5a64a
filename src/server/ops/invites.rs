//! Invitations to join the organization: sending (several addresses at once), the pending
//! list, deletion, and expiry after seven days.

use rusqlite::{OptionalExtension, Row, Transaction, params_from_iter};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::audit::{self, Entry};
use super::{
    Op, decode_list, decode_org_roles, encode_list, encode_org_roles, org_role_values, uuid_at,
};
use crate::api::*;
use crate::domain::OrgRole;
use crate::domain::validation::{
    INVITATION_TTL_DAYS, MAX_PENDING_INVITATIONS, is_valid_email, split_email_list,
};
use crate::server::clock::{from_micros, to_micros};
use crate::server::error::{ApiError, ApiResult};
use crate::server::ops::users::email_taken;

struct InviteRow {
    uuid: Uuid,
    email: String,
    roles: Vec<OrgRole>,
    workspaces: Vec<Uuid>,
    created_at: OffsetDateTime,
}

impl InviteRow {
    /// The invitation as a page of `GET /users` lists it, flagged when expired at `now`.
    fn into_listed(self, now: OffsetDateTime) -> OrganizationInviteOut {
        let (raw_roles, raw_role) = org_role_values(&self.roles);
        OrganizationInviteOut {
            uuid: self.uuid,
            raw_roles,
            raw_role,
            email: self.email,
            expired: is_expired(self.created_at, now),
            created_at: self.created_at,
            workspace_uuids: self.workspaces,
        }
    }

    /// The invitation as `GET /users-invite` lists it.
    fn into_pending(self) -> OrganizationUserInviteOut {
        let (roles, role) = org_role_values(&self.roles);
        OrganizationUserInviteOut {
            invite_uuid: self.uuid,
            email: Some(self.email),
            roles,
            role,
        }
    }
}

const COLUMNS: &str = "uuid, email, org_roles, workspace_uuids, created_at";

fn invite_row(row: &Row<'_>) -> rusqlite::Result<InviteRow> {
    Ok(InviteRow {
        uuid: uuid_at(row, 0)?,
        email: row.get(1)?,
        roles: decode_org_roles(&row.get::<_, String>(2)?),
        workspaces: decode_list(&row.get::<_, String>(3)?)
            .iter()
            .filter_map(|w| Uuid::parse_str(w).ok())
            .collect(),
        created_at: from_micros(row.get(4)?),
    })
}

fn ttl() -> Duration {
    Duration::days(INVITATION_TTL_DAYS)
}

/// Whether an invitation sent at `created_at` can no longer be used at `now`.
pub fn is_expired(created_at: OffsetDateTime, now: OffsetDateTime) -> bool {
    now - created_at >= ttl()
}

fn email_clause(email_key: Option<&str>) -> (&'static str, Vec<rusqlite::types::Value>) {
    match email_key {
        Some(key) => (" AND email_key = ?2", vec![key.to_owned().into()]),
        None => ("", vec![]),
    }
}

fn count_sql(email_clause: &str) -> String {
    format!(
        "SELECT COUNT(*) FROM invitations WHERE org_uuid = ?1 AND closed_at IS NULL{email_clause}"
    )
}

/// The limit and offset are the last two parameters, so the statement is prepared once.
fn page_sql(email_clause: &str) -> String {
    format!(
        "SELECT {COLUMNS} FROM invitations WHERE org_uuid = ?1 AND closed_at IS NULL{email_clause}
         ORDER BY created_at, rowid LIMIT ? OFFSET ?"
    )
}

/// The usable invitation of one address, if any (`?3`: the oldest creation time still valid).
const PENDING_FOR_ADDRESS: &str = "SELECT uuid FROM invitations
    WHERE org_uuid = ?1 AND email_key = ?2 AND closed_at IS NULL AND created_at > ?3";

/// Every open invitation of one address, expired ones included.
const OPEN_FOR_ADDRESS: &str =
    "SELECT uuid FROM invitations WHERE org_uuid = ?1 AND email_key = ?2 AND closed_at IS NULL";

/// Invitations not yet deleted or turned into a membership, expired ones included.
pub fn count_open(tx: &Transaction<'_>, org: Uuid, email_key: Option<&str>) -> ApiResult<i64> {
    let (clause, extra) = email_clause(email_key);
    let mut args: Vec<rusqlite::types::Value> = vec![org.to_string().into()];
    args.extend(extra);
    Ok(tx
        .prepare_cached(&count_sql(clause))?
        .query_row(params_from_iter(args), |r| r.get(0))?)
}

/// The invitations part of a `GET /users` page, flagged when expired.
pub fn open_page(
    tx: &Transaction<'_>,
    org: Uuid,
    email_key: Option<&str>,
    offset: i64,
    limit: i64,
    now: OffsetDateTime,
) -> ApiResult<Vec<OrganizationInviteOut>> {
    let (clause, extra) = email_clause(email_key);
    let mut args: Vec<rusqlite::types::Value> = vec![org.to_string().into()];
    args.extend(extra);
    args.extend([limit.into(), offset.into()]);
    let mut stmt = tx.prepare_cached(&page_sql(clause))?;
    let rows = stmt.query_map(params_from_iter(args), invite_row)?;
    let listed = rows.map(|row| row.map(|row| row.into_listed(now)));
    Ok(listed.collect::<Result<_, _>>()?)
}

/// `GET /users-invite`: invitations that can still be accepted.
pub fn list_pending(op: Op<'_>) -> ApiResult<Vec<OrganizationUserInviteOut>> {
    let oldest_valid = to_micros(op.now - ttl());
    let mut stmt = op.tx.prepare(&format!(
        "SELECT {COLUMNS} FROM invitations WHERE org_uuid = ?1 AND closed_at IS NULL AND created_at > ?2
         ORDER BY created_at, rowid"
    ))?;
    let rows = stmt.query_map(
        rusqlite::params![op.org.to_string(), oldest_valid],
        invite_row,
    )?;
    let pending = rows.map(|row| row.map(InviteRow::into_pending));
    Ok(pending.collect::<Result<_, _>>()?)
}

/// `POST /users-invite`. Bad addresses and existing members are reported, not refused. An
/// address that already has a usable invitation gets that invitation sent again.
pub fn invite(op: Op<'_>, body: &OrganizationInviteIn) -> ApiResult<OrganizationInvitesCreateOut> {
    let workspaces = body.workspace_uuids.clone().unwrap_or_default();
    for workspace in &workspaces {
        // Unknown: 404; archived: 409, as for every other change to an archived workspace.
        crate::server::ops::workspaces::load_active(op.tx, op.org, *workspace)?;
    }
    let roles = crate::server::validate::requested_roles(&body.org_role_fields())
        .unwrap_or_else(|| vec![OrgRole::Member]);
    let seats: Vec<String> = body
        .subscription_types
        .clone()
        .or_else(|| body.subscription_type.clone().map(|s| vec![s]))
        .unwrap_or_default();
    let mut result = OrganizationInvitesCreateOut {
        invalid_emails: Vec::new(),
        already_members: Vec::new(),
        invited_members_count: Some(0),
    };
    for email in split_email_list(&body.email) {
        if !is_valid_email(&email) {
            result.invalid_emails.push(email);
            continue;
        }
        if email_taken(op.tx, op.org, &email)? {
            result.already_members.push(email);
            continue;
        }
        let pending: Option<Uuid> = op
            .tx
            .query_row(
                PENDING_FOR_ADDRESS,
                rusqlite::params![
                    op.org.to_string(),
                    email.to_lowercase(),
                    to_micros(op.now - ttl())
                ],
                |row| uuid_at(row, 0),
            )
            .optional()?;
        let (uuid, event) = match pending {
            Some(uuid) => {
                op.tx.execute(
                    "UPDATE invitations SET created_at = ?1, org_roles = ?2, workspace_uuids = ?3, seats = ?4, language = ?5 WHERE uuid = ?6",
                    rusqlite::params![
                        to_micros(op.now),
                        encode_org_roles(&roles),
                        encode_list(&workspaces),
                        encode_list(&seats),
                        body.email_language,
                        uuid.to_string()
                    ],
                )?;
                (uuid, "organization.invite.resend")
            }
            None => {
                let uuid = Uuid::new_v4();
                insert(
                    op.tx,
                    op.org,
                    uuid,
                    &email,
                    &roles,
                    &workspaces,
                    &seats,
                    body.email_language.as_deref(),
                    op.now,
                )?;
                (uuid, "organization.invite.send")
            }
        };
        audit::record(
            op,
            Entry::new(event, "USER")
                .target("invite_uuid", uuid)
                .target("email", &email)
                .detail("roles", encode_org_roles(&roles)),
        )?;
        *result.invited_members_count.get_or_insert(0) += 1;
    }
    // Checked after the fact, in the same transaction: a refusal rolls every address back.
    let pending: i64 = op.tx.query_row(
        "SELECT COUNT(*) FROM invitations WHERE org_uuid = ?1 AND closed_at IS NULL AND created_at > ?2",
        rusqlite::params![op.org.to_string(), to_micros(op.now - ttl())],
        |row| row.get(0),
    )?;
    if pending > MAX_PENDING_INVITATIONS {
        return Err(ApiError::conflict(format!(
            "This would leave {pending} invitations pending; an organization may have at most \
             {MAX_PENDING_INVITATIONS} at once. Nothing was sent: delete invitations that are \
             no longer needed, or wait for them to expire."
        )));
    }
    Ok(result)
}

#[allow(clippy::too_many_arguments)]
pub fn insert(
    tx: &Transaction<'_>,
    org: Uuid,
    uuid: Uuid,
    email: &str,
    roles: &[OrgRole],
    workspaces: &[Uuid],
    seats: &[String],
    language: Option<&str>,
    at: OffsetDateTime,
) -> ApiResult<()> {
    tx.execute(
        "INSERT INTO invitations (uuid, org_uuid, email, email_key, org_roles, workspace_uuids, seats, language, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            uuid.to_string(),
            org.to_string(),
            email,
            email.to_lowercase(),
            encode_org_roles(roles),
            encode_list(workspaces),
            encode_list(seats),
            language,
            to_micros(at)
        ],
    )?;
    Ok(())
}

/// `DELETE /users-invite/{invite_uuid}`.
pub fn delete(op: Op<'_>, invite: Uuid) -> ApiResult<DeleteOut> {
    let email: String = op
        .tx
        .query_row(
            "SELECT email FROM invitations WHERE org_uuid = ?1 AND uuid = ?2 AND closed_at IS NULL",
            [op.org.to_string(), invite.to_string()],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("Invitation {invite} not found")))?;
    close(op, invite, &email, None)?;
    Ok(DeleteOut {
        message: "Organization invitation deleted successfully".into(),
    })
}

/// A person added directly no longer needs their invitation: close it, and say why.
pub fn close_for_new_member(op: Op<'_>, email: &str) -> ApiResult<()> {
    let mut stmt = op.tx.prepare(OPEN_FOR_ADDRESS)?;
    let open: Vec<Uuid> = stmt
        .query_map([op.org.to_string(), email.to_lowercase()], |row| {
            uuid_at(row, 0)
        })?
        .collect::<Result<_, _>>()?;
    for invite in open {
        close(
            op,
            invite,
            email,
            Some("the address was added as a member directly"),
        )?;
    }
    Ok(())
}

/// Closes one invitation and records why (a deletion, unless `reason` says otherwise).
fn close(op: Op<'_>, invite: Uuid, email: &str, reason: Option<&str>) -> ApiResult<()> {
    op.tx.execute(
        "UPDATE invitations SET closed_at = ?1 WHERE uuid = ?2",
        rusqlite::params![to_micros(op.now), invite.to_string()],
    )?;
    let mut entry = Entry::new("organization.invite.revoked", "USER")
        .target("invite_uuid", invite)
        .target("email", email);
    if let Some(reason) = reason {
        entry = entry.detail("reason", reason);
    }
    audit::record(op, entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::db::Db;

    /// How SQLite runs `sql`: the `detail` column of `EXPLAIN QUERY PLAN`, one step a line.
    fn plan(tx: &Transaction<'_>, sql: &str) -> String {
        let mut stmt = tx.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        // The plan does not depend on the values; NULLs fill the parameters.
        let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
        let steps = stmt
            .query_map(params_from_iter(nulls), |row| row.get::<_, String>(3))
            .unwrap();
        steps.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    /// Every lookup of invitations by address goes through the address index instead of
    /// scanning the organization's open invitations (which made bulk invitations quadratic).
    #[tokio::test]
    async fn lookups_by_address_use_the_address_index() {
        let db = Db::open_memory().unwrap();
        let clause = email_clause(Some("a@x.io")).0;
        let plans = db
            .read(move |tx| {
                Ok([
                    PENDING_FOR_ADDRESS.to_owned(),
                    OPEN_FOR_ADDRESS.to_owned(),
                    count_sql(clause),
                    page_sql(clause),
                ]
                .map(|sql| (plan(tx, &sql), sql)))
            })
            .await
            .unwrap();
        for (plan, sql) in plans {
            assert!(
                plan.contains("INDEX invitations_by_email (org_uuid=? AND email_key=?"),
                "{sql}\n{plan}"
            );
        }
    }
}
