//! The organization's people: their organization roles, and removing someone from the
//! organization (offboarding) with the API keys they own.

use std::collections::HashMap;

use uuid::Uuid;

use super::error::{ActionError, list_some};
use super::outcome::count_of;
use super::plan::{Intent, Plan, Step};
use super::request::Request;
use super::resolve::{key_label, person_email};
use crate::api::{AdminOrganizationMemberOut, AdminOrganizationMemberUpdate, ApiKeyExtendedOut};
use crate::client::Directory;
use crate::domain::OrgRole;
use crate::domain::roles::normalize_org_roles;

/// Whether anyone but `user` holds `organization_admin`.
fn other_admins(directory: &Directory, user: Uuid) -> bool {
    directory.members().iter().any(|m| {
        m.uuid != user
            && directory
                .org_roles(m.uuid)
                .iter()
                .any(|r| r == OrgRole::OrganizationAdmin.name())
    })
}

fn is_admin(directory: &Directory, user: Uuid) -> bool {
    directory
        .org_roles(user)
        .iter()
        .any(|r| r == OrgRole::OrganizationAdmin.name())
}

/// Sets a person's organization roles. The last `organization_admin` keeps that role: the
/// server refuses it too, and the plan says why before anything is sent.
///
/// Organization roles a group gives (`through`: each group with its role) stay the group's:
/// only the others are sent as the person's own (made theirs, a group's role would outlast
/// the group), and `member` when none is left, since nobody is in the organization without a
/// role of their own. What they will hold in total is what the plan and outcome say, and a
/// note names each group's role.
pub fn set_roles(
    person: &AdminOrganizationMemberOut,
    roles: &[OrgRole],
    directory: &Directory,
    through: &[(String, String)],
) -> Result<Plan, ActionError> {
    if roles.is_empty() {
        return Err(ActionError::invalid(
            "role",
            "choose at least one organization role",
        ));
    }
    let email = person_email(person);
    let before = directory.org_roles(person.uuid);
    let roles = normalize_org_roles(roles.to_vec());
    let given: Vec<&str> = through.iter().map(|(_, role)| role.as_str()).collect();
    let mut own: Vec<OrgRole> = roles
        .iter()
        .copied()
        .filter(|r| !given.contains(&r.name()))
        .collect();
    if own.is_empty() {
        own.push(OrgRole::Member);
    }
    let held_in_total: Vec<OrgRole> = own
        .iter()
        .copied()
        .chain(given.iter().filter_map(|r| OrgRole::from_name(r)))
        .collect();
    let after: Vec<String> = normalize_org_roles(held_in_total)
        .iter()
        .map(|r| r.name().to_owned())
        .collect();
    let intent = Intent::SetOrganizationRoles {
        email: email.clone(),
        before: before.clone(),
        after: after.clone(),
    };
    if before == after {
        let mut why = format!(
            "Nothing to change: {email} already has the roles {}",
            after.join(", ")
        );
        for (group, role) in through {
            why.push_str(&format!(
                "; {role} through the group \"{group}\", which only a change of the group takes away"
            ));
        }
        return Ok(Plan::nothing(intent, why));
    }
    if is_admin(directory, person.uuid)
        && !roles.contains(&OrgRole::OrganizationAdmin)
        && !other_admins(directory, person.uuid)
    {
        return Err(ActionError::refused(format!(
            "{email} is the last organization_admin; make someone else an admin first"
        )));
    }
    let body = AdminOrganizationMemberUpdate {
        role_names: Some(own.clone()),
        ..AdminOrganizationMemberUpdate::default()
    };
    let summary = format!(
        "Change the organization roles of {email}: {} -> {}",
        before.join(", "),
        after.join(", ")
    );
    let plan = Plan::single(
        intent,
        summary,
        Request::UpdateUser {
            user: person.uuid,
            body,
        },
        format!("change the organization roles of {email}"),
    );
    Ok(with_group_roles(plan, &email, through))
}

/// `plan` with a note for each organization role `email` holds through a group.
fn with_group_roles(mut plan: Plan, email: &str, through: &[(String, String)]) -> Plan {
    for (group, role) in through {
        plan = plan.with_note(format!(
            "{email} keeps {role} through the group \"{group}\", not as their own (if it was also their own, it is the group's only from now on): take them out of the group or change its role to end it"
        ));
    }
    plan
}

/// Removes a person from the organization and every workspace, for good; with
/// `delete_keys`, the API keys they own go in the same run. Confirmed by typing their email.
pub fn remove(
    person: &AdminOrganizationMemberOut,
    directory: &Directory,
    owned_keys: &[&ApiKeyExtendedOut],
    delete_keys: bool,
) -> Result<Plan, ActionError> {
    let email = person_email(person);
    if is_admin(directory, person.uuid) && !other_admins(directory, person.uuid) {
        return Err(ActionError::refused(format!(
            "{email} is the last organization_admin and cannot be removed from the organization; make someone else an admin first"
        )));
    }
    let memberships: Vec<String> = person
        .workspaces
        .iter()
        .flatten()
        .map(|w| {
            let roles: Vec<String> = directory
                .workspace_members(w.uuid)
                .into_iter()
                .find(|m| m.user.uuid == person.uuid)
                .map(|m| m.roles)
                .unwrap_or_default();
            format!("{} ({})", w.name, roles.join(", "))
        })
        .collect();
    let labels: Vec<String> = owned_keys.iter().map(|k| key_label(k)).collect();
    let mut summary = format!("Removing {email} from the organization is permanent: ");
    summary.push_str(&if memberships.is_empty() {
        "they belong to no workspace".to_owned()
    } else {
        format!("they lose {}", memberships.join(", "))
    });
    if !labels.is_empty() {
        summary.push_str(&if delete_keys {
            format!("; their API keys are deleted: {}", list_some(&labels))
        } else {
            let verb = if labels.len() == 1 { "keeps" } else { "keep" };
            format!(
                "; {} they own {verb} working: {}",
                count_of(labels.len(), "API key", "API keys"),
                list_some(&labels)
            )
        });
    }
    let mut steps = vec![Step::new(
        Request::DeleteUser { user: person.uuid },
        format!("remove {email} from the organization"),
    )];
    let mut deleted = Vec::new();
    if delete_keys {
        for (key, label) in owned_keys.iter().zip(&labels) {
            steps.push(Step::new(
                Request::DeleteApiKey { key: key.key_id },
                format!("delete API key {label}"),
            ));
            deleted.push(label.clone());
        }
    }
    let intent = Intent::RemovePerson {
        email: email.clone(),
        workspaces: memberships.len(),
        keys: deleted,
    };
    Ok(Plan::new(intent, summary, steps).with_confirmation(vec![email]))
}

/// The API keys a person owns (see [`super::keys::owner`]).
pub fn owned_keys<'a>(
    person: &AdminOrganizationMemberOut,
    keys: &'a [ApiKeyExtendedOut],
    owners: &HashMap<Uuid, Uuid>,
) -> Vec<&'a ApiKeyExtendedOut> {
    owned_by(person.uuid, person.email.as_deref(), keys, owners)
}

/// The API keys the member `person` (whose email is `email`) owns: those the audit log says
/// are theirs, and those it says nothing of that they created. The same as asking
/// [`super::keys::owner`] of each key, without the whole directory (emails are unique in an
/// organization, so the member a creator's email names is this one or another).
pub fn owned_by<'a>(
    person: Uuid,
    email: Option<&str>,
    keys: &'a [ApiKeyExtendedOut],
    owners: &HashMap<Uuid, Uuid>,
) -> Vec<&'a ApiKeyExtendedOut> {
    keys.iter()
        .filter(|k| match owners.get(&k.key_id) {
            Some(owner) => *owner == person,
            None => k
                .created_by
                .as_deref()
                .zip(email)
                .is_some_and(|(creator, email)| creator.eq_ignore_ascii_case(email)),
        })
        .collect()
}

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
