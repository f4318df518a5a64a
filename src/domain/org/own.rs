//! Someone's own roles, as far as they can be told apart from what groups give: the server
//! reports the two united, so what they hold that no group gives is surely their own, and a
//! role held both ways is taken as the group's (so undo, sending it back as theirs, never
//! widens access). The journal records own roles by these rules, and undo checks and sends
//! them by the same ones, against what groups give when it runs.

use super::grants::Grants;
use super::keys::normalize_org_role_names;
use super::{Change, Organization};
use crate::domain::OrgRole;
use crate::domain::roles::normalize_workspace_role_names;

/// `held` without what `given` gives.
fn not_given(held: &[String], given: &[String]) -> Vec<String> {
    held.iter()
        .filter(|role| !given.contains(role))
        .cloned()
        .collect()
}

/// The workspace roles surely someone's own: what they hold there that no group gives.
pub fn own_in_workspace(held: &[String], given: &[String]) -> Vec<String> {
    normalize_workspace_role_names(not_given(held, given))
}

/// The organization roles surely someone's own. Nobody is in the organization without a role
/// of their own, so when every role they hold may be a group's, the least of them, `member`.
pub fn own_in_organization(held: &[String], given: &[String]) -> Vec<String> {
    let surely_own = not_given(held, given);
    normalize_org_role_names(match surely_own.is_empty() {
        true => vec![OrgRole::Member.name().to_owned()],
        false => surely_own,
    })
}

/// Someone's roles in one place (a workspace, or the organization) as they are now.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnNow {
    /// What they hold in total; `None` when they are not in the workspace.
    pub held: Option<Vec<String>>,
    /// What groups give them there.
    pub given: Vec<String>,
    /// What is surely their own there.
    pub own: Vec<String>,
}

impl OwnNow {
    /// Where `workspace` (none: the organization) is, for `email`, in `now`; `None` when the
    /// workspace is gone or the person is not in the organization.
    pub fn read(
        now: &Organization,
        grants: &Grants,
        workspace: Option<&str>,
        email: &str,
    ) -> Option<Self> {
        let Some(name) = workspace else {
            let held = now.person(email)?.roles.clone();
            let given = granted(grants.in_organization(email));
            let own = own_in_organization(&held, &given);
            return Some(Self {
                held: Some(held),
                given,
                own,
            });
        };
        now.person(email)?;
        let held = now.workspace(name)?.member(email).cloned();
        let given = granted(grants.in_workspace(name, email));
        let own = own_in_workspace(held.as_deref().unwrap_or_default(), &given);
        Some(Self { held, given, own })
    }
}

fn granted(granted: Option<&super::grants::Granted>) -> Vec<String> {
    granted.map(|g| g.roles.clone()).unwrap_or_default()
}

/// A change of someone's own roles, as it is sent to `now`. While they hold what it expects
/// (`before`), it goes as it is: it was worked out against what they hold. When they hold
/// something else, groups changed since (the check let it through because their own roles are
/// as it expects): then what it sends as their own leaves out every role a group gives now,
/// which made their own would outlast the group, and what they hold before and after is what
/// it is now and what it will be with what groups give now.
pub fn as_now(change: Change, now: &Organization) -> Change {
    let Change::SetOwnRoles {
        workspace,
        email,
        before,
        own_before,
        own_after,
        ..
    } = &change
    else {
        return change;
    };
    let grants = Grants::of(now);
    let Some(found) = OwnNow::read(now, &grants, workspace.as_deref(), email) else {
        return change;
    };
    let held = found.held.clone().unwrap_or_default();
    if held == *before {
        return change;
    }
    let (own_after, after) = match workspace {
        Some(_) => {
            let own = own_in_workspace(own_after, &found.given);
            let total = normalize_workspace_role_names([&own[..], &found.given].concat());
            (own, total)
        }
        None => {
            let own = own_in_organization(own_after, &found.given);
            let total = normalize_org_role_names([&own[..], &found.given].concat());
            (own, total)
        }
    };
    Change::SetOwnRoles {
        workspace: workspace.clone(),
        email: email.clone(),
        before: held,
        after,
        own_before: own_before.clone(),
        own_after,
    }
}
