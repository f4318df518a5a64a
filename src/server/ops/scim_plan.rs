//! What a SCIM sync would change: the identity provider's users and groups compared with the
//! organization's members and groups.
//!
//! - Users: an active provider user whose address is not a member is provisioned; a member the
//!   provider knows (by address, or by the id a sync recorded in `oid_id`) who is inactive there
//!   or gone from it is deprovisioned. Members the provider never knew, and organization admins,
//!   are left alone: a sync never removes the people who administer it.
//! - Groups: a provider group without a counterpart is created; one whose name matches a group
//!   managed here is adopted (reported as an update); a renamed one is renamed; a group that
//!   came from the provider and left it is deleted.
//! - Memberships: each provider group's active members, as its counterpart's direct members.

use std::collections::{HashMap, HashSet};

use rusqlite::Transaction;
use uuid::Uuid;

use super::{decode_org_roles, ids_of, opt_uuid_at, scim_directory, uuid_at};
use crate::api::{LocalScimGroupOut, LocalScimUserOut};
use crate::domain::OrgRole;
use crate::server::error::ApiResult;

/// A member as the plan sees them.
#[derive(Debug, Clone)]
pub struct Member {
    pub uuid: Uuid,
    pub email: String,
    pub oid_id: Option<Uuid>,
    pub is_admin: bool,
}

/// A person a membership change names: a member, or a provider user about to be provisioned.
#[derive(Debug, Clone, PartialEq)]
pub enum Person {
    Member { uuid: Uuid, email: String },
    Provisioned { idp_id: Uuid, email: String },
}

/// The group a membership change is for: one that exists here, or one about to be created.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupTarget {
    Existing { uuid: Uuid, name: String },
    Created { idp_id: Uuid, name: String },
}

#[derive(Debug, Clone)]
pub struct MembershipChange {
    pub group: GroupTarget,
    pub added: Vec<Person>,
    pub removed: Vec<(Uuid, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Members matched by address who do not yet carry the provider's id.
    pub link: Vec<(Uuid, Uuid)>,
    pub provision: Vec<LocalScimUserOut>,
    pub deprovision: Vec<(Uuid, String)>,
    pub create_groups: Vec<LocalScimGroupOut>,
    /// (group here, its name here, provider group): adopted or renamed.
    pub update_groups: Vec<(Uuid, String, LocalScimGroupOut)>,
    pub delete_groups: Vec<(Uuid, String)>,
    pub memberships: Vec<MembershipChange>,
}

pub fn members(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Vec<Member>> {
    let mut stmt = tx.prepare_cached(
        "SELECT uuid, email, oid_id, org_roles FROM users WHERE org_uuid = ?1 ORDER BY created_at, uuid",
    )?;
    let rows = stmt.query_map([org.to_string()], |row| {
        Ok(Member {
            uuid: uuid_at(row, 0)?,
            email: row.get(1)?,
            oid_id: opt_uuid_at(row, 2)?,
            is_admin: decode_org_roles(&row.get::<_, String>(3)?)
                .contains(&OrgRole::OrganizationAdmin),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A group here: id, name, the provider's id if it came from there, direct members.
struct Local {
    uuid: Uuid,
    name: String,
    external: Option<Uuid>,
    members: Vec<Uuid>,
}

fn local_groups(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Vec<Local>> {
    let mut stmt = tx.prepare_cached(
        "SELECT uuid, name, external_id FROM user_groups WHERE org_uuid = ?1 ORDER BY created_at, uuid",
    )?;
    let heads: Vec<(Uuid, String, Option<String>)> = stmt
        .query_map([org.to_string()], |row| {
            Ok((uuid_at(row, 0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (uuid, name, external) in heads {
        let members = ids_of(
            tx,
            "SELECT m.user_uuid FROM user_group_members m JOIN users u ON u.uuid = m.user_uuid
             WHERE m.group_uuid = ?1 ORDER BY u.created_at, u.uuid",
            [uuid.to_string()],
        )?;
        out.push(Local {
            uuid,
            name,
            external: external.as_deref().and_then(|e| Uuid::parse_str(e).ok()),
            members,
        });
    }
    Ok(out)
}

/// Builds the plan from the provider's and the organization's current state.
pub fn build(tx: &Transaction<'_>, org: Uuid) -> ApiResult<Plan> {
    let idp_users = scim_directory::users(tx, org)?;
    let idp_groups = scim_directory::groups(tx, org)?;
    let people = members(tx, org)?;
    let mut plan = Plan::default();

    let by_email: HashMap<String, &Member> =
        people.iter().map(|m| (m.email.to_lowercase(), m)).collect();
    let idp_by_id: HashMap<Uuid, &LocalScimUserOut> = idp_users.iter().map(|u| (u.id, u)).collect();
    for user in &idp_users {
        match by_email.get(&user.user_name.to_lowercase()) {
            Some(member) if member.oid_id != Some(user.id) => {
                plan.link.push((member.uuid, user.id))
            }
            Some(_) => {}
            None if user.active => plan.provision.push(user.clone()),
            None => {}
        }
    }
    for member in &people {
        let known = idp_users
            .iter()
            .find(|u| u.user_name.eq_ignore_ascii_case(&member.email))
            .or_else(|| member.oid_id.and_then(|id| idp_by_id.get(&id).copied()));
        let gone = match known {
            Some(user) => !user.active,
            None => member.oid_id.is_some(),
        };
        if gone && !member.is_admin {
            plan.deprovision.push((member.uuid, member.email.clone()));
        }
    }
    let leaving: HashSet<Uuid> = plan.deprovision.iter().map(|(u, _)| *u).collect();

    let locals = local_groups(tx, org)?;
    for group in &idp_groups {
        let linked = locals.iter().find(|l| l.external == Some(group.id));
        let same_name = || {
            locals
                .iter()
                .find(|l| l.external.is_none() && l.name.eq_ignore_ascii_case(&group.display_name))
        };
        let target = match linked.or_else(same_name) {
            Some(local) => {
                if local.external.is_none() || local.name != group.display_name {
                    plan.update_groups
                        .push((local.uuid, local.name.clone(), group.clone()));
                }
                GroupTarget::Existing {
                    uuid: local.uuid,
                    name: group.display_name.clone(),
                }
            }
            None => {
                plan.create_groups.push(group.clone());
                GroupTarget::Created {
                    idp_id: group.id,
                    name: group.display_name.clone(),
                }
            }
        };
        let current: &[Uuid] = match &target {
            GroupTarget::Existing { uuid, .. } => locals
                .iter()
                .find(|l| l.uuid == *uuid)
                .map_or(&[], |l| l.members.as_slice()),
            GroupTarget::Created { .. } => &[],
        };
        let mut wanted: Vec<Person> = Vec::new();
        for id in &group.members {
            let Some(user) = idp_by_id.get(id).filter(|u| u.active) else {
                continue;
            };
            match by_email.get(&user.user_name.to_lowercase()) {
                Some(member) => wanted.push(Person::Member {
                    uuid: member.uuid,
                    email: member.email.clone(),
                }),
                None => wanted.push(Person::Provisioned {
                    idp_id: user.id,
                    email: user.user_name.clone(),
                }),
            }
        }
        let added: Vec<Person> = wanted
            .iter()
            .filter(|p| match p {
                Person::Member { uuid, .. } => !current.contains(uuid),
                Person::Provisioned { .. } => true,
            })
            .cloned()
            .collect();
        let kept: HashSet<Uuid> = wanted
            .iter()
            .filter_map(|p| match p {
                Person::Member { uuid, .. } => Some(*uuid),
                Person::Provisioned { .. } => None,
            })
            .collect();
        let removed: Vec<(Uuid, String)> = current
            .iter()
            .filter(|u| !kept.contains(u) && !leaving.contains(u))
            .filter_map(|u| people.iter().find(|m| m.uuid == *u))
            .map(|m| (m.uuid, m.email.clone()))
            .collect();
        if !added.is_empty() || !removed.is_empty() {
            plan.memberships.push(MembershipChange {
                group: target,
                added,
                removed,
            });
        }
    }
    for local in &locals {
        if let Some(external) = local.external
            && !idp_groups.iter().any(|g| g.id == external)
        {
            plan.delete_groups.push((local.uuid, local.name.clone()));
        }
    }
    Ok(plan)
}
