//! The organization as the console has it loaded, described the way the plan engine reads a
//! live organization ([`LiveOrg`]), so a request a dialog would send becomes the same
//! [`Change`]s the journal and `plan` use, without asking the server again.

use std::collections::HashMap;

use crate::actions::Request;
use crate::actions::journal_record::changes_requested;
use crate::actions::org_live::{Ids, LiveOrg};
use crate::api::RolesOut;
use crate::domain::org::{
    Change, Limit, Organization, Person, Workspace, email_key, workspace_key,
};
use crate::domain::roles::normalize_workspace_role_names;
use crate::tui::state::{OrgState, Remote};

/// The organization as loaded; `None` until its workspaces and directory have arrived.
pub fn live_of(org: &OrgState) -> Option<LiveOrg> {
    let Remote::Loaded(active) = &org.workspaces.value else {
        return None;
    };
    let Remote::Loaded(people) = &org.people.value else {
        return None;
    };
    let mut model = Organization::default();
    let mut ids = Ids {
        workspaces: HashMap::new(),
        users: HashMap::new(),
        groups: HashMap::new(),
        invites: HashMap::new(),
        catalog: RolesOut {
            workspace_roles: people.workspace_roles.clone(),
            organization_roles: RolesOut::built_in().organization_roles,
        },
    };
    let mut workspace_names = HashMap::new();
    for out in active {
        let mut workspace = Workspace {
            name: out.name.clone(),
            description: out.description.clone().unwrap_or_default(),
            icon: out.icon.clone().unwrap_or_default(),
            default: out.is_default,
            ..Workspace::default()
        };
        if let Some(Remote::Loaded(Some(settings))) =
            org.views.get(&out.uuid).map(|v| &v.settings.value)
        {
            workspace.members_can_create_api_keys = Some(settings.members_can_create_api_keys);
            workspace.monthly_spend_cap = Some(Limit::from_option(settings.monthly_spend_cap));
        }
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
    Some(LiveOrg {
        model,
        ids,
        workspace_names,
        group_names: HashMap::new(),
    })
}

/// The requests the console stages: member role edits, adds, removals and a workspace's
/// settings. Others (creating, archiving) are confirmations of their own and are sent.
pub fn stageable(request: &Request) -> bool {
    matches!(
        request,
        Request::SetMemberRoles { .. }
            | Request::AddMembers { .. }
            | Request::RemoveMembers { .. }
            | Request::UpdateWorkspace { .. }
            | Request::UpdateWorkspaceSettings { .. }
    )
}

/// What `requests` would change in the organization as loaded, or why nothing can be staged.
pub fn staged_changes(org: &OrgState, requests: &[Request]) -> Result<Vec<Change>, String> {
    let live = live_of(org)
        .ok_or("the workspaces and members are still loading; stage again once they are shown")?;
    let changes: Vec<Change> = changes_requested(requests, &live)
        .into_iter()
        .filter(|c| !matches!(c, Change::Irreversible { .. }))
        .collect();
    if changes.is_empty() {
        return Err("nothing would change".to_owned());
    }
    Ok(changes)
}
