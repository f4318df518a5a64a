//! Member and organization role changes of someone a group also gives roles to, as the
//! journal keeps them. The server reports a person's own roles united with what their groups
//! give, and a request sets only their own; journaled as totals, undo would send the roles a
//! group gave as the person's own, and they would outlast the group. So where a group gives
//! roles, the change is kept as own roles: before, what is surely their own (what they held
//! that no group gives: a role both held and given is taken as the group's, so undo never
//! widens access); after, what was sent.

use crate::domain::org::own::{own_in_organization, own_in_workspace};
use crate::domain::org::{Change, Grants, Workspace, normalize_org_role_names};
use crate::domain::roles::normalize_workspace_role_names;

/// `own` with what `given` gives.
fn with_given(own: &[String], given: &[String]) -> Vec<String> {
    own.iter().chain(given).cloned().collect()
}

/// What a group gives `email` in `workspace` now, if anything.
fn given_in(grants: &Grants, workspace: &Workspace, email: &str) -> Option<Vec<String>> {
    grants
        .in_workspace(&workspace.name, email)
        .map(|granted| granted.roles.clone())
        .filter(|roles| !roles.is_empty())
}

/// The change of `email`'s own roles in `workspace` to `sent` (none: their own membership
/// ended), when a group gives them roles there: `Some(None)` when their own roles stay as they
/// were, `None` when no group gives them anything there (the change is an ordinary one).
/// `grants` are what groups gave before the request, worked out once for all it names.
pub fn in_workspace(
    grants: &Grants,
    workspace: &Workspace,
    email: &str,
    sent: &[String],
) -> Option<Option<Change>> {
    let given = given_in(grants, workspace, email)?;
    let held = workspace.member(email).cloned().unwrap_or_default();
    let own_before = own_in_workspace(&held, &given);
    let own_after = normalize_workspace_role_names(sent.to_vec());
    if own_before == own_after {
        return Some(None);
    }
    Some(Some(Change::SetOwnRoles {
        workspace: Some(workspace.name.clone()),
        email: email.to_owned(),
        before: normalize_workspace_role_names(held),
        after: normalize_workspace_role_names(with_given(&own_after, &given)),
        own_before,
        own_after,
    }))
}

/// The change of `email`'s own organization roles from `held` (in total) to `sent`, when a
/// group gives them an organization role; `None` when none does. When every role they hold
/// may be a group's, `member` is taken as their own before (see [`own_in_organization`]):
/// undo gives back no more.
pub fn in_organization(
    grants: &Grants,
    email: &str,
    held: &[String],
    sent: &[String],
) -> Option<Change> {
    let given = grants
        .in_organization(email)
        .map(|granted| granted.roles.clone())
        .filter(|roles| !roles.is_empty())?;
    let own_before = own_in_organization(held, &given);
    let own_after = normalize_org_role_names(sent.to_vec());
    Some(Change::SetOwnRoles {
        workspace: None,
        email: email.to_owned(),
        before: normalize_org_role_names(held.to_vec()),
        after: normalize_org_role_names(with_given(&own_after, &given)),
        own_before,
        own_after,
    })
}
