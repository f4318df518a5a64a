//! What an action plan changed, as plan engine changes for the journal: each request that
//! succeeded, read against the organization as it was just before (for the values it
//! replaced) and the server's reply (for what it really did). Also which organization a
//! client talks to, so the journal keeps each organization's entries apart.

use sha2::{Digest, Sha256};

use super::execute::Reply;
use super::journal_record_own as own;
use super::org_live::{LiveOrg, Reading};
use super::org_roles::entry_roles;
use super::plan::Plan;
use super::request::Request;
use crate::client::{AdminClient, ClientError};
use crate::domain::org::renames::Renames;
use crate::domain::org::{
    Change, FieldValue, Grants, Group, Invitation, Workspace, WorkspaceField,
};
use crate::domain::{OrgRole, WorkspaceRole};

const KEY_CREATED: &str = "a key cannot be taken back but by deleting it, which is permanent: \
    delete it with `mistral-admin keys delete` if it was a mistake";
const EXPIRED_REPLACED: &str = "the expired one stays gone (undo revokes only the new one)";
const KEY_DELETED: &str = "a deleted key stops working for good; create a new one";

/// The organization a client acts on: its id where the server tells it (the local server),
/// else the base URL with a fingerprint of the key (a one-way hash; an Admin API key belongs
/// to exactly one organization).
pub async fn organization_id(client: &AdminClient) -> Result<String, ClientError> {
    if let Some(org) = client.local_organization().await? {
        return Ok(format!("organization {}", org.uuid));
    }
    let digest = Sha256::digest(client.credential().expose().as_bytes());
    let fingerprint: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("{} key {fingerprint}", client.base_url()))
}

/// What must be read beforehand to record a plan's changes: nothing more than the values
/// its requests replace.
pub fn reading_for(plan: &Plan) -> Reading {
    reading_for_requests(&plan.requests().cloned().collect::<Vec<_>>())
}

/// [`reading_for`] a list of requests (what the console sends).
pub fn reading_for_requests(requests: &[Request]) -> Reading {
    let any = |wanted: fn(&Request) -> bool| requests.iter().any(wanted);
    Reading {
        // A spending limit needs the workspaces too, for the caps it lowers.
        people: any(|r| {
            !matches!(
                r,
                Request::CreateApiKey { .. } | Request::DeleteApiKey { .. }
            )
        }),
        // A lower spending limit lowers the workspace caps above it: their values are kept too.
        settings: any(|r| {
            matches!(
                r,
                Request::UpdateWorkspaceSettings { .. } | Request::SetSpendLimit { .. }
            )
        }),
        // A group may give the people a member change names roles of its own, which the
        // journal keeps apart from theirs.
        groups: any(|r| {
            matches!(
                r,
                Request::Group(_)
                    | Request::AddMembers { .. }
                    | Request::SetMemberRoles { .. }
                    | Request::RemoveMembers { .. }
                    | Request::UpdateUser { .. }
            )
        }),
        spend: any(|r| matches!(r, Request::SetSpendLimit { .. })),
        keys: any(|r| matches!(r, Request::DeleteApiKey { .. })),
    }
}

fn name_of(live: &LiveOrg, id: uuid::Uuid) -> String {
    live.workspace_names
        .get(&id)
        .cloned()
        .unwrap_or(id.to_string())
}

fn group_of(live: &LiveOrg, id: uuid::Uuid) -> Option<&Group> {
    live.group_names.get(&id).and_then(|n| live.model.group(n))
}

fn email_of(live: &LiveOrg, id: uuid::Uuid) -> String {
    live.ids
        .users
        .iter()
        .find(|(_, u)| **u == id)
        .map_or_else(|| id.to_string(), |(e, _)| e.clone())
}

/// A new key as the journal names it: by its name as typed, else as unnamed (never in
/// Rust's `Some(..)` spelling).
fn key_created(name: Option<&str>) -> String {
    match name {
        Some(name) => format!("API key \"{name}\" created"),
        None => "unnamed API key created".to_owned(),
    }
}

fn irreversible(what: String, why: &str) -> Change {
    Change::Irreversible {
        what,
        why: why.to_owned(),
    }
}

/// The changes the done steps of `plan` made (`replies` holds one reply per done step).
pub fn changes_of(plan: &Plan, replies: &[Reply], before: &LiveOrg) -> Vec<Change> {
    let requests: Vec<Request> = plan.requests().cloned().collect();
    changes_sent(&requests, replies, before)
}

/// The changes the first `replies.len()` of `requests` made, one reply each.
pub fn changes_sent(requests: &[Request], replies: &[Reply], before: &LiveOrg) -> Vec<Change> {
    let mut out = Vec::new();
    for (request, reply) in requests.iter().zip(replies) {
        record(request, Some(reply), before, &mut out);
    }
    named_as_they_ran(out)
}

/// `changes` with each one naming a workspace or group as it was called when it ran: a
/// request is read against the organization as it was before them all, so an edit sent after
/// a rename (`workspace edit --name N --spend-cap C`) would otherwise keep the old name, and
/// undo, taking the edit back first, would look for a workspace of that name in vain.
fn named_as_they_ran(changes: Vec<Change>) -> Vec<Change> {
    let mut renames = Renames::default();
    changes
        .into_iter()
        .map(|change| {
            let change = renames.current(&change);
            renames.follow(&change);
            change
        })
        .collect()
}

/// The changes `requests` would make, read against `before` (see [`changes_planned`]).
pub fn changes_requested(requests: &[Request], before: &LiveOrg) -> Vec<Change> {
    let mut out = Vec::new();
    for request in requests {
        record(request, None, before, &mut out);
    }
    named_as_they_ran(out)
}

/// The changes `plan` would make, before anything is sent: what the console stages as a
/// pending plan, shown with the same diff lines and applied by `org_apply`.
pub fn changes_planned(plan: &Plan, before: &LiveOrg) -> Vec<Change> {
    let mut out = Vec::new();
    for step in &plan.steps {
        record(&step.request, None, before, &mut out);
    }
    named_as_they_ran(out)
}

fn record(request: &Request, reply: Option<&Reply>, live: &LiveOrg, out: &mut Vec<Change>) {
    let catalog = &live.ids.catalog;
    let workspace = |id| live.model.workspace(&name_of(live, id));
    match request {
        Request::CreateWorkspace { body } => {
            let admin = email_of(live, body.admin_user_id);
            let mut created = Workspace {
                name: body.name.clone(),
                description: body.description.clone(),
                icon: body.icon.clone(),
                ..Workspace::default()
            };
            created
                .members
                .insert(admin, vec![WorkspaceRole::WorkspaceAdmin.name().to_owned()]);
            out.push(Change::CreateWorkspace { workspace: created });
        }
        Request::UpdateWorkspace {
            workspace: id,
            body,
        } => {
            let Some(now) = workspace(*id) else { return };
            let text = |t: &str| FieldValue::Text(t.to_owned());
            let fields = [
                (
                    WorkspaceField::Description,
                    &now.description,
                    &body.description,
                ),
                (WorkspaceField::Icon, &now.icon, &body.icon),
                (WorkspaceField::Name, &now.name, &body.name),
            ];
            for (field, before, after) in fields {
                if let Some(after) = after.as_deref().filter(|a| *a != before.as_str()) {
                    out.push(Change::EditWorkspace {
                        workspace: now.name.clone(),
                        field,
                        before: text(before),
                        after: text(after),
                    });
                }
            }
        }
        Request::UpdateWorkspaceSettings {
            workspace: id,
            body,
        } => {
            let Some(now) = workspace(*id) else { return };
            if let (Some(before), Some(after)) = (
                now.members_can_create_api_keys,
                body.members_can_create_api_keys,
            ) {
                out.push(Change::EditWorkspace {
                    workspace: now.name.clone(),
                    field: WorkspaceField::MembersCanCreateApiKeys,
                    before: FieldValue::Flag(before),
                    after: FieldValue::Flag(after),
                });
            }
            if let (Some(before), Some(after)) = (now.monthly_spend_cap, body.monthly_spend_cap) {
                out.push(Change::EditWorkspace {
                    workspace: now.name.clone(),
                    field: WorkspaceField::MonthlySpendCap,
                    before: FieldValue::Limit(before),
                    after: FieldValue::Limit(crate::domain::org::Limit::from_option(after)),
                });
            }
        }
        Request::ArchiveWorkspace { workspace: id } => out.push(Change::ArchiveWorkspace {
            workspace: name_of(live, *id),
            explicit: true,
        }),
        Request::AddMembers {
            workspace: id,
            members,
        }
        | Request::SetMemberRoles {
            workspace: id,
            members,
        } => {
            let Some(now) = workspace(*id) else { return };
            let add_only = matches!(request, Request::AddMembers { .. });
            let grants = Grants::of(&live.model);
            for entry in members {
                let email = email_of(live, entry.user_uuid);
                let roles = entry_roles(entry, catalog);
                // Adding leaves whoever belongs already (a group's members too) alone.
                let belongs = now.member(&email).is_some();
                if !(add_only && belongs)
                    && let Some(own) = own::in_workspace(&grants, now, &email, &roles)
                {
                    out.extend(own);
                    continue;
                }
                match now.member(&email) {
                    None => out.push(Change::AddMember {
                        workspace: now.name.clone(),
                        email,
                        roles,
                    }),
                    Some(held) if !add_only && *held != roles => out.push(Change::SetMemberRoles {
                        workspace: now.name.clone(),
                        email,
                        before: held.clone(),
                        after: roles,
                    }),
                    Some(_) => {}
                }
            }
        }
        Request::RemoveMembers {
            workspace: id,
            users,
        } => {
            let Some(now) = workspace(*id) else { return };
            let grants = Grants::of(&live.model);
            for user in users {
                let email = email_of(live, *user);
                if let Some(own) = own::in_workspace(&grants, now, &email, &[]) {
                    out.extend(own);
                    continue;
                }
                if let Some(held) = now.member(&email) {
                    out.push(Change::RemoveMember {
                        workspace: now.name.clone(),
                        email,
                        roles: held.clone(),
                    });
                }
            }
        }
        Request::Invite { body } => {
            // After sending, the reply says which addresses were refused.
            let refused = |a: &str| match reply {
                Some(Reply::Invited(result)) => result
                    .invalid_emails
                    .iter()
                    .chain(&result.already_members)
                    .any(|e| e.eq_ignore_ascii_case(a)),
                _ => live.model.person(a).is_some(),
            };
            let roles: Vec<String> = body
                .role_names
                .iter()
                .flatten()
                .map(|r| r.name().to_owned())
                .collect();
            let places: Vec<String> = body
                .workspace_uuids
                .iter()
                .flatten()
                .map(|w| name_of(live, *w))
                .collect();
            for address in body
                .email
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
            {
                if refused(address) {
                    continue;
                }
                let after = Invitation {
                    email: crate::domain::org::email_key(address),
                    roles: if roles.is_empty() {
                        vec![OrgRole::Member.name().to_owned()]
                    } else {
                        roles.clone()
                    },
                    workspaces: places.clone(),
                };
                // Revoked earlier in the same batch and sent again (a re-invite), it is the
                // same pending invitation with new days: the revocation is no change.
                let revoked_first = out.iter().position(|c| {
                    matches!(c, Change::RevokeInvitation { invitation }
                        if crate::domain::org::email_key(&invitation.email) == after.email)
                });
                if let Some(at) = revoked_first {
                    out.remove(at);
                }
                // A pending invitation takes the new terms: journaled with the old ones, so
                // undo can give them back. Sent again as it was, nothing changed.
                match live.model.invitation(address) {
                    None => out.push(Change::Invite { invitation: after }),
                    Some(before) if !before.same_terms(&after) => {
                        out.push(Change::ReplaceInvitation {
                            before: before.clone(),
                            after,
                        })
                    }
                    Some(_) => {}
                }
            }
        }
        Request::UpdateUser { user, body } => {
            let email = email_of(live, *user);
            let Some(now) = live.model.person(&email) else {
                return;
            };
            let after = crate::domain::org::normalize_org_role_names(
                body.role_names
                    .iter()
                    .flatten()
                    .map(|r| r.name().to_owned())
                    .collect(),
            );
            out.push(
                own::in_organization(&Grants::of(&live.model), &email, &now.roles, &after)
                    .unwrap_or_else(|| Change::SetOrganizationRoles {
                        email,
                        before: now.roles.clone(),
                        after,
                    }),
            );
        }
        Request::DeleteUser { user } => out.push(Change::RemovePerson {
            email: email_of(live, *user),
            explicit: true,
        }),
        Request::DeleteInvite { invite } => {
            let email = live
                .ids
                .invites
                .iter()
                .find(|(_, id)| *id == invite)
                .map(|(e, _)| e.clone());
            if let Some(invitation) = email.and_then(|e| live.model.invitation(&e)) {
                out.push(Change::RevokeInvitation {
                    invitation: invitation.clone(),
                });
            } else if let Some(address) = live.ids.expired_invites.get(invite) {
                let what = format!("expired invitation {address} replaced by a new one");
                out.push(irreversible(what, EXPIRED_REPLACED));
            }
        }
        Request::CreateApiKey { body } => {
            out.push(irreversible(key_created(body.name.as_deref()), KEY_CREATED))
        }
        Request::DeleteApiKey { key } => {
            let name = live.key_names.get(key).cloned();
            let what = format!("API key {} deleted", name.unwrap_or(key.to_string()));
            out.push(irreversible(what, KEY_DELETED))
        }
        Request::SetSpendLimit { body } => {
            if let Some(before) = live.model.monthly_spend_limit {
                let after = if body.no_monthly_limit {
                    None
                } else {
                    Some(body.amount)
                };
                // Before the limit, so that undo, taking changes back newest first, raises
                // the limit before the caps it had lowered.
                if let Some(limit) = after {
                    out.extend(caps_lowered_to(limit, live));
                }
                out.push(Change::SetSpendLimit {
                    before,
                    after: crate::domain::org::Limit::from_option(after),
                });
            }
        }
        Request::Group(group) => super::journal_record_groups::record(group, reply, live, out),
    }
}

/// The workspace caps a new spending limit of `limit` lowers to it (the server keeps every
/// cap at or under the limit), as edits of each workspace's cap. Only where caps were read:
/// they are a local-server setting.
fn caps_lowered_to(limit: i64, live: &LiveOrg) -> Vec<Change> {
    use crate::domain::org::Limit;
    live.model
        .workspaces
        .iter()
        .filter(|w| !w.archived)
        .filter_map(|w| match w.monthly_spend_cap {
            Some(Limit::Amount(cap)) if cap > limit => Some(Change::EditWorkspace {
                workspace: w.name.clone(),
                field: WorkspaceField::MonthlySpendCap,
                before: FieldValue::Limit(Limit::Amount(cap)),
                after: FieldValue::Limit(Limit::Amount(limit)),
            }),
            _ => None,
        })
        .collect()
}

pub(super) fn group_name(live: &LiveOrg, id: uuid::Uuid) -> Option<String> {
    group_of(live, id).map(|g| g.name.clone())
}

pub(super) fn user_email(live: &LiveOrg, id: uuid::Uuid) -> String {
    email_of(live, id)
}

pub(super) fn workspace_name(live: &LiveOrg, id: uuid::Uuid) -> String {
    name_of(live, id)
}

pub(super) fn lost_for_good(what: String, why: &str) -> Change {
    irreversible(what, why)
}

#[cfg(test)]
mod tests {
    use super::key_created;

    #[test]
    fn a_created_key_is_named_as_typed_in_the_journal() {
        assert_eq!(key_created(Some("ETL")), "API key \"ETL\" created");
        assert_eq!(key_created(None), "unnamed API key created");
    }
}
