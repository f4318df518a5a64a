//! A page of `GET /users` written as JSON straight from the members' rows and the workspaces
//! they reach, without first building the API's structs.
//!
//! Building `AdminOrganizationMemberOut`s for a page of 100 members made thousands of small
//! strings (every workspace name copied per membership, every role UUID formatted into its own
//! `String`) only to copy them once more into the response and free them; the allocator was a
//! fifth of a page's cost. Here each value is written where it already is: names borrowed from
//! the organization's cached workspaces, role UUIDs written from the role. The JSON is the same
//! to the byte as serializing the API's structs (field order, `null`s, escaping), which the
//! tests below check against that path.

use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};
use time::OffsetDateTime;
use uuid::Uuid;

use super::access::Reach;
use super::users::UserRow;
use crate::api::datetime::timestamp;
use crate::api::{MEMBER_SEAT_TYPES, OrganizationInviteOut};
use crate::domain::{OrgRole, WorkspaceRole};

/// One page: its members, then the invitations that fill the rest of it
/// (`OrganizationAdminUsersOut`).
#[derive(serde::Serialize)]
pub struct UsersPage<'a> {
    pub members: Members<'a>,
    pub invites: &'a [OrganizationInviteOut],
    pub total: Option<i64>,
    pub page: Option<i64>,
    pub page_size: Option<i64>,
}

/// Members with the workspaces each reaches, in the order of `rows`.
pub struct Members<'a> {
    pub rows: &'a [UserRow],
    pub reach: &'a std::collections::HashMap<Uuid, Vec<Reach<'a>>>,
}

impl Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for row in self.rows {
            let workspaces = self.reach.get(&row.uuid).map_or(&[][..], Vec::as_slice);
            seq.serialize_element(&Member { row, workspaces })?;
        }
        seq.end()
    }
}

/// One member as `AdminOrganizationMemberOut` serializes.
struct Member<'a> {
    row: &'a UserRow,
    workspaces: &'a [Reach<'a>],
}

impl Serialize for Member<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let row = self.row;
        let mut out = s.serialize_struct("AdminOrganizationMemberOut", 11)?;
        out.serialize_field("uuid", &row.uuid)?;
        out.serialize_field("oid_id", &row.oid_id)?;
        out.serialize_field("name", &row.display_name())?;
        out.serialize_field("email", &row.email)?;
        out.serialize_field("is_sso_outsider", &row.is_sso_outsider)?;
        out.serialize_field("workspaces", self.workspaces)?;
        let subscriptions = Subscriptions {
            user: row.uuid,
            seats: &row.seats,
        };
        out.serialize_field("subscriptions", &subscriptions)?;
        out.serialize_field("raw_roles", &RoleUuids(&row.org_roles, OrgRole::uuid))?;
        let principal = row.org_roles.first().copied().unwrap_or(OrgRole::Member);
        out.serialize_field("raw_role", &principal.uuid())?;
        out.serialize_field("subscription_types", &SeatTypes(&row.seats))?;
        out.serialize_field("created_at", &Timestamp(row.created_at))?;
        out.end()
    }
}

/// A workspace in a member's entry, as `MemberWorkspaceInfo` serializes.
impl Serialize for Reach<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("MemberWorkspaceInfo", 5)?;
        out.serialize_field("uuid", &self.workspace)?;
        out.serialize_field("name", &*self.name)?;
        out.serialize_field("is_default", &self.is_default)?;
        out.serialize_field("raw_roles", &RoleUuids(&self.roles, WorkspaceRole::uuid))?;
        let principal = self
            .roles
            .first()
            .copied()
            .unwrap_or(WorkspaceRole::DEFAULT_FOR_NEW_MEMBER);
        out.serialize_field("raw_role", &principal.uuid())?;
        out.end()
    }
}

/// `raw_roles`: the UUIDs of the roles, in order, each found by the function beside them.
struct RoleUuids<'a, R>(&'a [R], fn(R) -> Uuid);

impl<R: Copy> Serialize for RoleUuids<'_, R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|role| (self.1)(*role)))
    }
}

/// `subscriptions`: one active seat (`MemberSubscriptionOut`) per seat the member holds.
struct Subscriptions<'a> {
    user: Uuid,
    seats: &'a [String],
}

impl Serialize for Subscriptions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.seats.len()))?;
        for seat in self.seats {
            seq.serialize_element(&Subscription {
                kind: seat,
                user: self.user,
            })?;
        }
        seq.end()
    }
}

struct Subscription<'a> {
    kind: &'a str,
    user: Uuid,
}

impl Serialize for Subscription<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("MemberSubscriptionOut", 6)?;
        out.serialize_field("type", self.kind)?;
        out.serialize_field("plan", &None::<&str>)?;
        out.serialize_field("status", "A")?;
        out.serialize_field("user", &self.user)?;
        out.serialize_field("self_service", &false)?;
        out.serialize_field("member_has_access", &true)?;
        out.end()
    }
}

/// `subscription_types`: the seats a member update may set, of those held.
struct SeatTypes<'a>(&'a [String]);

impl Serialize for SeatTypes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .iter()
                .filter(|seat| MEMBER_SEAT_TYPES.contains(&seat.as_str())),
        )
    }
}

/// An instant as the API's `timestamp` writes it.
struct Timestamp(OffsetDateTime);

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        timestamp::serialize(&self.0, s)
    }
}

#[cfg(test)]
mod tests {
    use crate::server::ops::users::{self, ListQuery};
    use crate::server::ops::{Actor, Op, Paging};
    use crate::server::{LocalServer, Seed, ServerOptions};

    /// Every page of every demo organization (names in several scripts, emoji, groups that
    /// add roles and workspaces, seats, SSO outsiders, invitations after the members), in
    /// several page sizes: the JSON written here is the API's structs serialized, to the byte.
    /// Read in a write transaction, where nothing is kept, so each page is built.
    #[tokio::test]
    async fn a_page_is_what_the_api_structs_serialize_to() {
        let server = LocalServer::start(ServerOptions {
            seed: Seed::Demo,
            ..ServerOptions::default()
        })
        .await
        .unwrap();
        let now = server.state.clock.now();
        let orgs = server.organizations().await.unwrap();
        assert!(orgs.len() > 1);
        for org in orgs {
            let org = org.uuid;
            let pages = server
                .state
                .db
                .write(move |tx| {
                    let op = Op {
                        tx,
                        org,
                        actor: &Actor::System,
                        now,
                    };
                    let mut compared = Vec::new();
                    for (page_size, pages, email) in [
                        (100, 1, None),
                        (7, 8, None),
                        (3, 20, None),
                        (10, 1, Some("Camille.Laurent@Northwind.example".to_owned())),
                        (10, 1, Some("new.hire@northwind.example".to_owned())),
                    ] {
                        for page in 1..=pages {
                            let query = ListQuery {
                                email: email.clone(),
                                paging: Paging { page, page_size },
                            };
                            let written = users::list_json(op, &query)?;
                            let typed = users::list(op, &query)?;
                            let serialized = serde_json::to_vec(&typed).unwrap();
                            compared.push((query, written, serialized));
                        }
                    }
                    Ok(compared)
                })
                .await
                .unwrap();
            for (query, written, serialized) in pages {
                assert_eq!(
                    String::from_utf8_lossy(&written),
                    String::from_utf8_lossy(&serialized),
                    "{query:?}"
                );
            }
        }
        server.shutdown().await;
    }
}
