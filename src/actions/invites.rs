//! Invitations to the organization: each address marked before anything is sent (valid,
//! invalid, already a member, already invited), and revoking pending invitations.

use uuid::Uuid;

use super::error::{ActionError, list_some};
use super::invite_addresses::AddressBook;
use super::outcome::count_of;
use super::plan::{Intent, Plan, Step};
use super::request::Request;
use crate::api::{OrganizationInviteIn, OrganizationInviteOut};
use crate::client::Directory;
use crate::domain::OrgRole;
use crate::domain::roles::normalize_org_roles;
use crate::domain::validation::{email_list_text, is_valid_email, split_email_list};

/// What becomes of one address of an invitation, known before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressStatus {
    Valid,
    Invalid,
    AlreadyMember,
    /// A usable invitation exists; the server sends it again with the new roles.
    AlreadyInvited,
}

pub fn address_status(directory: &Directory, address: &str) -> AddressStatus {
    if !is_valid_email(address) {
        return AddressStatus::Invalid;
    }
    let same = |email: &str| email.eq_ignore_ascii_case(address);
    if directory
        .members()
        .iter()
        .any(|m| m.email.as_deref().is_some_and(same))
    {
        AddressStatus::AlreadyMember
    } else if directory
        .invites()
        .iter()
        .any(|i| !i.expired && same(&i.email))
    {
        AddressStatus::AlreadyInvited
    } else {
        AddressStatus::Valid
    }
}

/// An invitation as the admin describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Invitation {
    /// As typed: each entry may hold several addresses separated by commas or line breaks.
    pub addresses: Vec<String>,
    /// Organization roles; none means `member`.
    pub roles: Vec<OrgRole>,
    /// Workspaces joined on acceptance: (id, name).
    pub workspaces: Vec<(Uuid, String)>,
    pub language: Option<String>,
}

/// Invites every valid address that is not a member yet; the others are named in the plan
/// and in the outcome with the reason.
pub fn invite(invitation: &Invitation, directory: &Directory) -> Result<Plan, ActionError> {
    let typed = invitation.addresses.join("\n");
    email_list_text(&typed).map_err(|p| ActionError::invalid("email", p.message))?;
    let mut sending = Vec::new();
    let mut skipped = Vec::new();
    let mut resent = Vec::new();
    let book = AddressBook::new(directory);
    for address in split_email_list(&typed) {
        match book.status(&address) {
            AddressStatus::Valid => sending.push(address),
            AddressStatus::AlreadyInvited => {
                resent.push(address.clone());
                sending.push(address);
            }
            AddressStatus::Invalid => skipped.push(format!("{address} (not a valid address)")),
            AddressStatus::AlreadyMember => skipped.push(format!("{address} (already a member)")),
        }
    }
    let intent = Intent::Invite {
        addresses: sending.clone(),
        skipped: skipped.clone(),
    };
    if sending.is_empty() {
        let why = if skipped.is_empty() {
            "Nobody to invite: give at least one email address".to_owned()
        } else {
            format!("Nobody to invite: {}", skipped.join(", "))
        };
        return Ok(Plan::nothing(intent, why));
    }
    let roles = normalize_org_roles(if invitation.roles.is_empty() {
        vec![OrgRole::Member]
    } else {
        invitation.roles.clone()
    });
    let body = OrganizationInviteIn {
        role_names: Some(roles.clone()),
        email: sending.join("\n"),
        email_language: invitation.language.clone(),
        workspace_uuids: (!invitation.workspaces.is_empty())
            .then(|| invitation.workspaces.iter().map(|(id, _)| *id).collect()),
        ..OrganizationInviteIn::default()
    };
    let role_names: Vec<&str> = roles.iter().map(|r| r.name()).collect();
    let mut summary = format!(
        "Invite {} as {}: {}",
        count_of(sending.len(), "person", "people"),
        role_names.join(", "),
        list_some(&sending)
    );
    if !invitation.workspaces.is_empty() {
        let names: Vec<String> = invitation
            .workspaces
            .iter()
            .map(|(_, name)| format!("\"{name}\""))
            .collect();
        summary.push_str(&format!(", joining {} on acceptance", names.join(", ")));
    }
    let plan = Plan::single(
        intent,
        summary,
        Request::Invite { body },
        format!("invite {}", count_of(sending.len(), "person", "people")),
    );
    Ok(plan
        .with_note_on(&resent, |resent| {
            format!(
                "{} already invited: the invitation is sent again",
                list_some(resent)
            )
        })
        .with_note_on(&skipped, |skipped| {
            format!("not invited: {}", skipped.join(", "))
        }))
}

/// Withdraws pending invitations; the addresses can be invited again.
pub fn revoke_invites(invites: &[&OrganizationInviteOut]) -> Result<Plan, ActionError> {
    let emails: Vec<String> = invites.iter().map(|i| i.email.clone()).collect();
    let summary = match emails.as_slice() {
        [] => {
            return Err(ActionError::invalid(
                "invitation",
                "name at least one invitation",
            ));
        }
        [one] => format!("Revoke the invitation of {one}"),
        many => format!(
            "Revoke {}: {}",
            count_of(many.len(), "invitation", "invitations"),
            list_some(many)
        ),
    };
    let steps = invites
        .iter()
        .map(|i| {
            Step::new(
                Request::DeleteInvite { invite: i.uuid },
                format!("revoke the invitation of {}", i.email),
            )
        })
        .collect();
    Ok(Plan::new(Intent::RevokeInvites { emails }, summary, steps))
}

/// Sends an invitation again: the API has no resend, so the old one is withdrawn and the same
/// address invited anew with the same organization roles and workspaces, as one plan.
pub fn reinvite(old: &OrganizationInviteOut, directory: &Directory) -> Result<Plan, ActionError> {
    let catalog = directory.role_catalog();
    let roles: Vec<OrgRole> = old
        .raw_roles
        .iter()
        .filter_map(|value| {
            let name = catalog
                .organization_role(value)
                .map_or(value.as_str(), |r| r.name.as_str());
            OrgRole::from_name(name)
        })
        .collect();
    let roles = normalize_org_roles(if roles.is_empty() {
        vec![OrgRole::Member]
    } else {
        roles
    });
    let email = old.email.clone();
    let body = OrganizationInviteIn {
        role_names: Some(roles),
        email: email.clone(),
        workspace_uuids: (!old.workspace_uuids.is_empty()).then(|| old.workspace_uuids.clone()),
        ..OrganizationInviteIn::default()
    };
    let summary = format!(
        "Invite {email} again: the old invitation is revoked and a new one sent (it expires in 7 days)"
    );
    Ok(Plan::new(
        Intent::Invite {
            addresses: vec![email.clone()],
            skipped: Vec::new(),
        },
        summary,
        vec![
            Step::new(
                Request::DeleteInvite { invite: old.uuid },
                format!("revoke the old invitation of {email}"),
            ),
            Step::new(Request::Invite { body }, format!("invite {email} again")),
        ],
    ))
}

#[cfg(test)]
#[path = "invites_tests.rs"]
mod tests;
