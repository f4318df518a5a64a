//! The roles a member change sends as someone's own where groups give them roles too. The
//! server reports a member's own roles united with what their groups give, and a request sets
//! only their own: sending a group's role as theirs would make it outlast the group. Used by
//! `members set-roles` when it plans, and by the console just before its role editor's change
//! goes (the editor knows the roles each member holds, not where they come from).

use uuid::Uuid;

use super::groups::access::GroupAccess;
use super::org_live::group_access;
use super::org_roles::entry_roles;
use super::outcome::count_of;
use super::plan::Step;
use super::request::Request;
use super::roles::member_entry;
use crate::api::{RoleOut, WorkspaceOut};
use crate::client::{AdminClient, ClientError};

/// Every role `user` holds in `workspace` through groups.
pub fn given_in(access: &GroupAccess, user: Uuid, workspace: Uuid) -> Vec<String> {
    access
        .through(user, workspace)
        .into_iter()
        .flat_map(|(_, roles)| roles)
        .collect()
}

/// The roles of `after` that go as someone's own, where groups give them `given`: not those
/// a group gives (made their own, they would outlast the group, access nobody asked for;
/// the group keeps giving them). None means their own membership ends and groups keep them
/// in, except in the default workspace, which nobody leaves: there all of `after` goes.
pub fn own_roles(after: &[String], given: &[String], default_workspace: bool) -> Vec<String> {
    let own: Vec<String> = after
        .iter()
        .filter(|r| !given.contains(r))
        .cloned()
        .collect();
    match own.is_empty() && default_workspace {
        true => after.to_vec(),
        false => own,
    }
}

/// The requests that give each of `members` (a person and the own roles of
/// [`own_roles`]) those roles in `workspace`: a role change for those left with some, the end
/// of their own membership for those left with none.
pub fn own_role_steps(
    workspace: &WorkspaceOut,
    members: Vec<(Uuid, Vec<String>)>,
    catalog: &[RoleOut],
) -> Vec<Step> {
    let (leaving, staying): (Vec<_>, Vec<_>) =
        members.into_iter().partition(|(_, own)| own.is_empty());
    let name = &workspace.name;
    let mut steps = Vec::new();
    if !staying.is_empty() {
        let counted = count_of(staying.len(), "member", "members");
        steps.push(Step::new(
            Request::SetMemberRoles {
                workspace: workspace.uuid,
                members: staying
                    .iter()
                    .map(|(user, own)| member_entry(*user, own, catalog))
                    .collect(),
            },
            format!("change the roles of {counted} in \"{name}\""),
        ));
    }
    if !leaving.is_empty() {
        let counted = count_of(leaving.len(), "member", "members");
        steps.push(Step::new(
            Request::RemoveMembers {
                workspace: workspace.uuid,
                users: leaving.into_iter().map(|(user, _)| user).collect(),
            },
            format!("end the own membership of {counted} in \"{name}\" (groups keep them in)"),
        ));
    }
    steps
}

/// `requests` with each role change giving its members as their own only what no group gives
/// them ([`own_roles`]): groups, the role catalog and the workspaces are read first, and only
/// when a role change is among them.
pub async fn own_roles_only(
    client: &AdminClient,
    requests: &[Request],
) -> Result<Vec<Request>, ClientError> {
    if !requests
        .iter()
        .any(|r| matches!(r, Request::SetMemberRoles { .. }))
    {
        return Ok(requests.to_vec());
    }
    let (access, catalog, workspaces) = futures::try_join!(
        group_access(client),
        client.roles(),
        client.list_all_workspaces(false)
    )?;
    let mut out = Vec::new();
    for request in requests {
        let Request::SetMemberRoles { workspace, members } = request else {
            out.push(request.clone());
            continue;
        };
        let Some(place) = workspaces.iter().find(|w| w.uuid == *workspace) else {
            // Gone or archived meanwhile: the server says so to the request as it is.
            out.push(request.clone());
            continue;
        };
        let own = members
            .iter()
            .map(|entry| {
                let after = entry_roles(entry, &catalog);
                let given = given_in(&access, entry.user_uuid, place.uuid);
                (entry.user_uuid, own_roles(&after, &given, place.is_default))
            })
            .collect();
        let steps = own_role_steps(place, own, &catalog.workspace_roles);
        out.extend(steps.into_iter().map(|step| step.request));
    }
    Ok(out)
}
