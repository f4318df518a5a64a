//! The organization as the console has it loaded, described the way the plan engine reads a
//! live organization ([`LiveOrg`]), so a request a dialog would send becomes the same
//! [`Change`]s the journal and `plan` use, without asking the server again. Groups come
//! from the `:groups` view's load (made on the async runner, like every fetch): group changes
//! are made there, from what it shows.

use std::collections::HashMap;

use crate::actions::Request;
use crate::actions::journal_record::changes_requested;
use crate::actions::org_live::{Ids, LiveOrg, described_group, described_workspace};
use crate::actions::request_groups::GroupRequest;
use crate::api::RolesOut;
use crate::domain::org::{Change, Organization, Person, email_key, group_key, workspace_key};
use crate::domain::roles::normalize_workspace_role_names;
use crate::tui::state::{OrgState, Remote};
use crate::tui::views::groups::Groups;

/// The organization as loaded, with `groups` when the `:groups` view has them; `None` until
/// its workspaces and directory have arrived.
pub fn live_of(org: &OrgState, groups: Option<&Groups>) -> Option<LiveOrg> {
    let Remote::Loaded(active) = &org.workspaces.value else {
        return None;
    };
    let Remote::Loaded(people) = &org.people.value else {
        return None;
    };
    let mut model = Organization::default();
    let mut ids = Ids::new(RolesOut {
        workspace_roles: people.workspace_roles.clone(),
        organization_roles: RolesOut::built_in().organization_roles,
    });
    let mut workspace_names = HashMap::new();
    for out in active {
        let settings = match org.views.get(&out.uuid).map(|v| &v.settings.value) {
            Some(Remote::Loaded(Some(settings))) => Some(settings),
            _ => None,
        };
        let mut workspace = described_workspace(out, false, settings);
        for person in &people.persons {
            if let Some((_, roles)) = person.memberships.iter().find(|(w, _)| *w == out.uuid) {
                workspace.members.insert(
                    email_key(&person.email),
                    normalize_workspace_role_names(roles.to_vec()),
                );
            }
        }
        model.workspaces.push(workspace);
        ids.workspaces.insert(workspace_key(&out.name), out.clone());
        workspace_names.insert(out.uuid, out.name.clone());
    }
    for person in &people.persons {
        ids.users.insert(email_key(&person.email), person.user_id);
        model.people.push(Person {
            email: email_key(&person.email),
            name: person.name.to_string(),
            roles: person.org_roles.to_vec(),
            remove: false,
        });
    }
    let mut group_names = HashMap::new();
    if let Some(groups) = groups {
        let emails: HashMap<_, _> = people
            .persons
            .iter()
            .map(|p| (p.user_id, email_key(&p.email)))
            .collect();
        let email_of = |id: uuid::Uuid| emails.get(&id).cloned().unwrap_or(id.to_string());
        group_names = groups
            .entries
            .iter()
            .map(|e| (e.group.uuid, e.group.name.clone()))
            .collect();
        for entry in &groups.entries {
            ids.groups
                .insert(group_key(&entry.group.name), entry.group.uuid);
            model.groups.push(described_group(
                &entry.group,
                &entry.members,
                &entry.assignments,
                &email_of,
                &group_names,
            ));
        }
    }
    model.normalize();
    Some(LiveOrg {
        model,
        ids,
        workspace_names,
        group_names,
        key_names: HashMap::new(),
        renames: Default::default(),
    })
}

/// The requests the console stages: member role edits, adds, removals, a workspace's
/// settings, and every group change but provisioning (a one-time copy the plan engine cannot
/// express). Others (creating, archiving, keys, invitations...) are refused while staging.
pub fn stageable(request: &Request) -> bool {
    match request {
        Request::SetMemberRoles { .. }
        | Request::AddMembers { .. }
        | Request::RemoveMembers { .. }
        | Request::UpdateWorkspace { .. }
        | Request::UpdateWorkspaceSettings { .. } => true,
        Request::Group(group) => !matches!(group, GroupRequest::Provision { .. }),
        _ => false,
    }
}

/// What a request that cannot be staged would do, for the refusal ("... to archive a
/// workspace").
pub fn unstaged_intent(request: &Request) -> &'static str {
    match request {
        Request::CreateWorkspace { .. } => "create a workspace",
        Request::ArchiveWorkspace { .. } => "archive a workspace",
        Request::Invite { .. } => "send invitations",
        Request::UpdateUser { .. } => "change organization roles",
        Request::DeleteUser { .. } => "remove someone from the organization",
        Request::DeleteInvite { .. } => "revoke an invitation",
        Request::CreateApiKey { .. } => "create an API key",
        Request::DeleteApiKey { .. } => "delete an API key",
        Request::SetSpendLimit { .. } => "set the spending limit",
        Request::Group(GroupRequest::Provision { .. }) => "provision a workspace from a group",
        _ => "send this change",
    }
}

/// What `requests` would change in the organization as loaded, or why nothing can be staged.
pub fn staged_changes(
    org: &OrgState,
    groups: Option<&Groups>,
    requests: &[Request],
) -> Result<Vec<Change>, String> {
    let live = live_of(org, groups)
        .ok_or("the workspaces and members are still loading; stage again once they are shown")?;
    if groups.is_none() && requests.iter().any(|r| matches!(r, Request::Group(_))) {
        return Err("the groups are still loading; stage again once :groups shows them".into());
    }
    let changes: Vec<Change> = changes_requested(requests, &live)
        .into_iter()
        .filter(|c| !matches!(c, Change::Irreversible { .. }))
        .collect();
    if changes.is_empty() {
        return Err("nothing would change".to_owned());
    }
    Ok(changes)
}
