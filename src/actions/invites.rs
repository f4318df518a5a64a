//! Invitations to the organization: each address marked before anything is sent (valid,
//! invalid, already a member, already invited), the pending invitations an invitation
//! replaces (what each gives now and will give), and revoking pending invitations.

use uuid::Uuid;

use super::error::{ActionError, list_some};
use super::invite_addresses::AddressBook;
use super::outcome::count_of;
use super::plan::{Intent, Plan, Step};
use super::request::Request;
use crate::api::{OrganizationInviteIn, OrganizationInviteOut};
use crate::client::Directory;
use crate::domain::OrgRole;
use crate::domain::org::{self, email_key, normalize_org_role_names};
use crate::domain::roles::normalize_org_roles;
use crate::domain::validation::{email_list_text, is_valid_email, split_email_list};

/// What becomes of one address of an invitation, known before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressStatus {
    Valid,
    Invalid,
    AlreadyMember,
    /// A usable invitation exists; the server sends it again, with the new roles and
    /// workspaces in place of its own.
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

/// A pending invitation that an invitation replaces: what it gives now and what it will give
/// (the server keeps one invitation per address and gives it the new roles and workspaces).
#[derive(Debug, Clone, PartialEq)]
pub struct Replaced {
    pub before: org::Invitation,
    pub after: org::Invitation,
}

impl Replaced {
    /// `jane@x.io: member in "Research" -> billing_manager in no workspace`.
    pub fn describe(&self) -> String {
        format!(
            "{}: {} -> {}",
            self.before.email,
            self.before.terms(),
            self.after.terms()
        )
    }
}

/// The organization roles an invitation gives: those chosen, else `member`.
fn roles_given(invitation: &Invitation) -> Vec<OrgRole> {
    normalize_org_roles(if invitation.roles.is_empty() {
        vec![OrgRole::Member]
    } else {
        invitation.roles.clone()
    })
}

/// A workspace's name: from `known` (id, name), else the invitation's own, else a member's
/// listing of it, else its id.
fn workspace_name(
    id: Uuid,
    known: &[(Uuid, String)],
    invitation: &Invitation,
    directory: &Directory,
) -> String {
    let listed = || {
        directory
            .members()
            .iter()
            .flat_map(|m| m.workspaces.iter().flatten())
            .find(|w| w.uuid == id)
            .map(|w| w.name.clone())
    };
    known
        .iter()
        .chain(&invitation.workspaces)
        .find(|(w, _)| *w == id)
        .map(|(_, name)| name.clone())
        .or_else(listed)
        .unwrap_or_else(|| format!("archived or unknown workspace {}", id.simple()))
}

/// What a pending invitation gives now, by name.
fn pending_terms(
    old: &OrganizationInviteOut,
    directory: &Directory,
    known: &[(Uuid, String)],
    invitation: &Invitation,
) -> org::Invitation {
    let catalog = directory.role_catalog();
    let roles = old
        .raw_roles
        .iter()
        .map(|value| match catalog.organization_role(value) {
            Some(role) => role.name.clone(),
            None => {
                OrgRole::parse_any(value).map_or_else(|| value.clone(), |r| r.name().to_owned())
            }
        })
        .collect();
    org::Invitation {
        email: email_key(&old.email),
        roles: normalize_org_role_names(roles),
        workspaces: old
            .workspace_uuids
            .iter()
            .map(|w| workspace_name(*w, known, invitation, directory))
            .collect(),
    }
}

/// Every pending invitation that `invitation` would give other roles or workspaces, in the
/// order the addresses were given; `known` names the workspaces (id, name).
pub fn replacements(
    invitation: &Invitation,
    directory: &Directory,
    known: &[(Uuid, String)],
) -> Vec<Replaced> {
    let typed = invitation.addresses.join("\n");
    let roles: Vec<String> = roles_given(invitation)
        .iter()
        .map(|r| r.name().to_owned())
        .collect();
    let places: Vec<String> = invitation
        .workspaces
        .iter()
        .map(|(_, n)| n.clone())
        .collect();
    let book = AddressBook::new(directory);
    split_email_list(&typed)
        .into_iter()
        .filter(|a| book.status(a) == AddressStatus::AlreadyInvited)
        .filter_map(|address| {
            let old = directory
                .invites()
                .iter()
                .find(|i| !i.expired && i.email.eq_ignore_ascii_case(&address))?;
            let before = pending_terms(old, directory, known, invitation);
            let after = org::Invitation {
                email: before.email.clone(),
                roles: roles.clone(),
                workspaces: places.clone(),
            };
            (!before.same_terms(&after)).then_some(Replaced { before, after })
        })
        .collect()
}

/// Invites every valid address that is not a member yet; the others are named in the plan
/// and in the outcome with the reason. Each pending invitation it replaces is named in a
/// note with what it gives now and will give; `known` names the workspaces (id, name).
pub fn invite(
    invitation: &Invitation,
    directory: &Directory,
    known: &[(Uuid, String)],
) -> Result<Plan, ActionError> {
    invite_replacing(invitation, directory, known).map(|(plan, _)| plan)
}

/// [`invite`], with the pending invitations it replaces as [`replacements`] gives them:
/// worked out once, for the plan's notes and for a preview that lists them.
pub fn invite_replacing(
    invitation: &Invitation,
    directory: &Directory,
    known: &[(Uuid, String)],
) -> Result<(Plan, Vec<Replaced>), ActionError> {
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
    let typos = skipped.iter().any(|s| s.ends_with("(not a valid address)"));
    if sending.is_empty() && typos {
        // A mistyped address is a refusal, not "nothing needed changing": a script must see it.
        return Err(ActionError::invalid(
            "email",
            format!("Nobody to invite: {}", skipped.join(", ")),
        ));
    }
    if sending.is_empty() {
        let why = if skipped.is_empty() {
            "Nobody to invite: give at least one email address".to_owned()
        } else {
            format!("Nobody to invite: {}", skipped.join(", "))
        };
        return Ok((Plan::nothing(intent, why), Vec::new()));
    }
    let roles = roles_given(invitation);
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
    let replaced = replacements(invitation, directory, known);
    let unchanged: Vec<String> = resent
        .into_iter()
        .filter(|a| !replaced.iter().any(|r| r.before.email == email_key(a)))
        .collect();
    let mut plan = Plan::single(
        intent,
        summary,
        Request::Invite { body },
        format!("invite {}", count_of(sending.len(), "person", "people")),
    );
    for one in &replaced {
        plan = plan.with_note(format!(
            "{} has a pending invitation, which this one replaces: {} -> {}",
            one.before.email,
            one.before.terms(),
            one.after.terms()
        ));
    }
    let plan = plan
        .with_note_on(&unchanged, |unchanged| {
            format!(
                "{} already invited with these roles and workspaces: the invitation is sent again",
                list_some(unchanged)
            )
        })
        .with_note_on(&skipped, |skipped| {
            format!("not invited: {}", skipped.join(", "))
        });
    Ok((plan, replaced))
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

/// Sends invitations again: the API has no resend, so each old invitation is withdrawn and the
/// same address invited anew with the same organization roles and workspaces, all as one plan.
/// The API does not report an invitation's email language, so the new email is in `language`
/// when given, else in the server's default.
pub fn reinvite(
    olds: &[&OrganizationInviteOut],
    language: Option<&str>,
    directory: &Directory,
) -> Result<Plan, ActionError> {
    let emails: Vec<String> = olds.iter().map(|old| old.email.clone()).collect();
    let summary = match emails.as_slice() {
        [] => {
            return Err(ActionError::invalid(
                "invitation",
                "name at least one invitation",
            ));
        }
        [one] => format!(
            "Invite {one} again: the old invitation is revoked and a new one sent (it expires in 7 days)"
        ),
        many => format!(
            "Invite {} again: {}; each old invitation is revoked and a new one sent (they expire in 7 days)",
            count_of(many.len(), "person", "people"),
            list_some(many)
        ),
    };
    let steps = olds
        .iter()
        .flat_map(|old| sent_again(old, language, directory))
        .collect();
    Ok(Plan::new(
        Intent::Invite {
            addresses: emails,
            skipped: Vec::new(),
        },
        summary,
        steps,
    ))
}

/// What resending the expired invitations does when none has expired: nothing.
pub fn nothing_expired() -> Plan {
    Plan::new(
        Intent::Invite {
            addresses: Vec::new(),
            skipped: Vec::new(),
        },
        "No invitation has expired: nothing to send again",
        Vec::new(),
    )
}

/// Withdrawing one invitation and sending its terms again.
fn sent_again(
    old: &OrganizationInviteOut,
    language: Option<&str>,
    directory: &Directory,
) -> [Step; 2] {
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
    let email = &old.email;
    let body = OrganizationInviteIn {
        role_names: Some(roles),
        email: email.clone(),
        workspace_uuids: (!old.workspace_uuids.is_empty()).then(|| old.workspace_uuids.clone()),
        email_language: language.map(str::to_owned),
        ..OrganizationInviteIn::default()
    };
    [
        Step::new(
            Request::DeleteInvite { invite: old.uuid },
            format!("revoke the old invitation of {email}"),
        ),
        Step::new(Request::Invite { body }, format!("invite {email} again")),
    ]
}

#[cfg(test)]
#[path = "invites_tests.rs"]
mod tests;
