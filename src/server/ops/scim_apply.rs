//! A real SCIM sync run applying its plan, limited to what its `sync_config` selects, through
//! the same operations the API uses (so every change is checked and written to the audit log,
//! attributed to the run). Returns what was done, with the ids things have now.

use std::collections::HashMap;

use rusqlite::Transaction;
use uuid::Uuid;

use super::groups::{self, NewGroup};
use super::scim_plan::{GroupTarget, Person, Plan};
use super::scim_sync::{group_action, group_ref, group_update_action, user_action, user_ref};
use super::users::{self, NewMember};
use super::{Op, group_members};
use crate::api::*;
use crate::domain::OrgRole;
use crate::server::error::ApiResult;

/// Where the provider's id of a member is kept.
const MEMBER_IDP_ID: &str = "UPDATE users SET oid_id = ?1 WHERE uuid = ?2";

/// Where the provider's id of a group is kept.
const GROUP_IDP_ID: &str = "UPDATE user_groups SET external_id = ?1 WHERE uuid = ?2";

/// Links a member or a group (`update` says which) to the provider's id for it.
fn link(tx: &Transaction<'_>, update: &str, uuid: Uuid, idp_id: Uuid) -> ApiResult<()> {
    tx.execute(update, [idp_id.to_string(), uuid.to_string()])?;
    Ok(())
}

pub fn apply(
    op: Op<'_>,
    plan: &Plan,
    config: &AdminScimSyncConfig,
) -> ApiResult<ScimSyncSummaryOut> {
    let mut done = ScimSyncSummaryOut::default();
    // Members the provider knows by address carry its id from now on.
    for (member, idp_id) in &plan.link {
        link(op.tx, MEMBER_IDP_ID, *member, *idp_id)?;
    }
    let mut provisioned: HashMap<Uuid, Uuid> = HashMap::new();
    if config.sync_users {
        for user in &plan.provision {
            let uuid = Uuid::new_v4();
            users::insert_member(
                op,
                &NewMember {
                    uuid,
                    email: user.user_name.trim(),
                    first_name: user.given_name.as_deref().unwrap_or(""),
                    last_name: user.family_name.as_deref().unwrap_or(""),
                    roles: vec![OrgRole::Member],
                    seats: Vec::new(),
                },
            )?;
            link(op.tx, MEMBER_IDP_ID, uuid, user.id)?;
            provisioned.insert(user.id, uuid);
            done.users
                .provision
                .push(user_action(uuid, &user.user_name));
        }
    }
    let mut created: HashMap<Uuid, Uuid> = HashMap::new();
    if config.sync_groups {
        for group in &plan.create_groups {
            let idp_id = group.id.to_string();
            let uuid = groups::insert(
                op,
                &NewGroup {
                    name: &group.display_name,
                    description: None,
                    target_type: None,
                    external_id: Some(&idp_id),
                },
            )?;
            created.insert(group.id, uuid);
            done.groups
                .create
                .push(group_action(uuid, &group.display_name));
        }
        for (uuid, old_name, group) in &plan.update_groups {
            let row = groups::load(op.tx, op.org, *uuid)?;
            link(op.tx, GROUP_IDP_ID, *uuid, group.id)?;
            if row.name != group.display_name {
                groups::rename(op, &row, group.display_name.trim())?;
            }
            done.groups
                .update
                .push(group_update_action(uuid, old_name, group));
        }
    }
    if config.delete_missing_groups {
        for (uuid, name) in &plan.delete_groups {
            let row = groups::load(op.tx, op.org, *uuid)?;
            groups::remove(op, &row)?;
            done.groups.delete.push(group_action(uuid, name));
        }
    }
    if config.sync_memberships {
        for change in &plan.memberships {
            let (uuid, name) = match &change.group {
                GroupTarget::Existing { uuid, name } => (*uuid, name),
                // A group the provider has but this run did not create has no members to set.
                GroupTarget::Created { idp_id, name } => match created.get(idp_id) {
                    Some(uuid) => (*uuid, name),
                    None => continue,
                },
            };
            let row = groups::load(op.tx, op.org, uuid)?;
            let mut entry = ScimSyncMembershipActionOut {
                group: group_ref(uuid, name),
                users_added: Vec::new(),
                users_removed: Vec::new(),
            };
            for person in &change.added {
                let (member, email) = match person {
                    Person::Member { uuid, email } => (*uuid, email),
                    Person::Provisioned { idp_id, email } => match provisioned.get(idp_id) {
                        Some(uuid) => (*uuid, email),
                        None => continue,
                    },
                };
                group_members::insert(op, &row, member)?;
                entry.users_added.push(user_ref(member, email));
            }
            for (member, email) in &change.removed {
                if group_members::take_out(op, &row, *member)? {
                    entry.users_removed.push(user_ref(*member, email));
                }
            }
            if !entry.users_added.is_empty() || !entry.users_removed.is_empty() {
                done.memberships.push(entry);
            }
        }
    }
    if config.deprovision_users {
        for (member, email) in &plan.deprovision {
            users::delete(op, *member)?;
            done.users.deprovision.push(user_action(*member, email));
        }
    }
    Ok(done)
}
