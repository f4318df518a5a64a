//! Checks several resources make the same way: a name not yet taken among an organization's
//! rows ([`UniqueName`]), and a list of ids that must all be known (the 404 names the ones that are not).

use std::collections::HashSet;

use rusqlite::{OptionalExtension, Transaction};
use uuid::Uuid;

use super::access::for_each_by_chunks;
use super::placeholders;
use crate::server::error::{ApiError, ApiResult};

/// A kind of row whose names are unique within an organization (groups, active workspaces,
/// the identity provider's user names): how to find a clash and how to word the 409.
pub struct UniqueName {
    /// Selects the name already held by a competing row, with `?1` the organization, `?2` the
    /// name's key and `?3` the row being renamed (so a row never clashes with itself; empty
    /// when creating).
    pub sql: &'static str,
    /// The key two names clash on (folded case and accents, or lower case).
    pub key: fn(&str) -> String,
    /// The 409's detail, from the name already held and the one asked for.
    pub taken: fn(existing: &str, wanted: &str) -> String,
}

impl UniqueName {
    /// `Ok` when no other row of `org` holds `name`; otherwise the 409.
    pub fn ensure_free(
        &self,
        tx: &Transaction<'_>,
        org: Uuid,
        name: &str,
        except: Option<Uuid>,
    ) -> ApiResult<()> {
        let except = except.map(|u| u.to_string()).unwrap_or_default();
        let existing: Option<String> = tx
            .query_row(
                self.sql,
                [org.to_string(), (self.key)(name), except],
                |row| row.get(0),
            )
            .optional()?;
        match existing {
            Some(existing) => Err(ApiError::conflict((self.taken)(&existing, name))),
            None => Ok(()),
        }
    }
}

/// `Ok` when every one of `wanted` is `known`; otherwise a 404 whose detail is `what`, a
/// colon, and the unknown ids in the order they were asked for.
pub fn ensure_all_known(
    wanted: &[Uuid],
    known: impl Fn(&Uuid) -> bool,
    what: &str,
) -> ApiResult<()> {
    let missing: Vec<String> = wanted
        .iter()
        .filter(|id| !known(id))
        .map(Uuid::to_string)
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(ApiError::not_found(format!(
            "{what}: {}",
            missing.join(", ")
        )))
    }
}

/// Every one of `users` must be a member of `org`; the 404 says what they could not join.
/// Only organization members can join a group or a workspace.
pub fn ensure_org_members(
    tx: &Transaction<'_>,
    org: Uuid,
    users: &[Uuid],
    joining: &str,
) -> ApiResult<()> {
    let found = org_members_among(tx, org, users)?;
    ensure_all_known(
        users,
        |u| found.contains(u),
        &format!("Not members of this organization (only organization members can join {joining})"),
    )
}

/// The members of `org` among `users`: each of them found is checked for its organization.
fn org_members_among(tx: &Transaction<'_>, org: Uuid, users: &[Uuid]) -> ApiResult<HashSet<Uuid>> {
    let org = org.to_string();
    let mut found = HashSet::new();
    for_each_by_chunks(
        tx,
        users,
        |n| {
            format!(
                "SELECT uuid, org_uuid FROM users WHERE uuid IN ({})",
                placeholders(n)
            )
        },
        |user, user_org: String| {
            if user_org == org {
                found.insert(user);
            }
        },
    )?;
    Ok(found)
}
