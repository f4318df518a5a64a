//! What the console reads before a change, for the journal to record what the change
//! replaces: only what its requests touch. A role change or removal reads the workspaces and
//! the members it names (not the whole directory, which in a large organization is thousands
//! of people over many pages) and the groups, for what they give those members; a workspace's edit reads the workspaces and, for its settings,
//! that one workspace's; a key's deletion reads the keys for its name. A change that needs
//! more (invitations, groups, the spending limit) reads the organization as the commands do.

use std::collections::HashMap;

use uuid::Uuid;

use crate::actions::Request;
use crate::actions::journal_record::reading_for_requests;
use crate::actions::journal_settle::members_named;
use crate::actions::org_live::{LiveOrg, empty_catalog, group_details, key_name, when};
use crate::api::WorkspaceSettingsOut;
use crate::client::{AdminClient, ClientError, Directory};

/// What a change touches, when all of it can be read on its own.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Touched {
    pub workspaces: bool,
    /// Members by id, each once, in the order named.
    pub users: Vec<Uuid>,
    /// Workspaces whose extension settings the change replaces.
    pub settings: Vec<Uuid>,
    pub keys: bool,
    /// Whether groups are read: a group may give the people a role change names roles of its
    /// own, which the journal keeps apart from theirs.
    pub groups: bool,
}

impl Touched {
    fn user(&mut self, id: Uuid) {
        if !self.users.contains(&id) {
            self.users.push(id);
        }
    }
}

/// What `requests` touch, or `None` when one of them needs the organization read whole
/// (invitations, groups, the spending limit).
pub fn touched(requests: &[Request]) -> Option<Touched> {
    let mut touched = Touched::default();
    for request in requests {
        match request {
            Request::AddMembers { members, .. } | Request::SetMemberRoles { members, .. } => {
                touched.workspaces = true;
                touched.groups = true;
                members.iter().for_each(|m| touched.user(m.user_uuid));
            }
            Request::RemoveMembers { users, .. } => {
                touched.workspaces = true;
                touched.groups = true;
                users.iter().for_each(|u| touched.user(*u));
            }
            Request::UpdateWorkspace { .. } | Request::ArchiveWorkspace { .. } => {
                touched.workspaces = true;
            }
            Request::UpdateWorkspaceSettings { workspace, .. } => {
                touched.workspaces = true;
                touched.settings.push(*workspace);
            }
            Request::UpdateUser { user, .. } => {
                touched.groups = true;
                touched.user(*user);
            }
            Request::DeleteUser { user } => touched.user(*user),
            Request::CreateWorkspace { body } => touched.user(body.admin_user_id),
            Request::CreateApiKey { .. } => {}
            Request::DeleteApiKey { .. } => touched.keys = true,
            Request::Invite { .. }
            | Request::DeleteInvite { .. }
            | Request::SetSpendLimit { .. }
            | Request::Group(_) => return None,
        }
    }
    Some(touched)
}

/// The organization as the journal needs it before `requests` are sent.
pub async fn before(client: &AdminClient, requests: &[Request]) -> Result<LiveOrg, ClientError> {
    match touched(requests) {
        Some(touched) => read(client, &touched).await,
        None => LiveOrg::load(client, reading_for_requests(requests)).await,
    }
}

async fn read(client: &AdminClient, touched: &Touched) -> Result<LiveOrg, ClientError> {
    let named = !touched.users.is_empty();
    let (active, archived, roles, members, keys, settings, groups) = futures::try_join!(
        when(touched.workspaces, client.list_all_workspaces(false)),
        when(touched.workspaces, client.list_all_workspaces(true)),
        async {
            match named {
                true => client.roles().await.map(Some),
                false => Ok(None),
            }
        },
        members_named(client, &touched.users),
        when(touched.keys, client.list_all_api_keys()),
        settings(client, &touched.settings),
        when(touched.groups, group_details(client)),
    )?;
    let roles = roles.unwrap_or_else(empty_catalog);
    let directory = Directory::new(members, Vec::new(), &roles);
    let mut live = LiveOrg::build(&active, &archived, &directory, &groups, &settings);
    live.key_names = keys.iter().map(|k| (k.key_id, key_name(k))).collect();
    live.model.normalize();
    Ok(live)
}

/// One workspace's settings at a time (a settings change names one).
async fn settings(
    client: &AdminClient,
    workspaces: &[Uuid],
) -> Result<HashMap<Uuid, WorkspaceSettingsOut>, ClientError> {
    let mut found = HashMap::new();
    for id in workspaces {
        if let Some(settings) = client.workspace_settings(*id).await? {
            found.insert(*id, settings);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::WorkspaceMemberSingleIn;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn a_role_change_touches_the_workspaces_the_member_it_names_and_the_groups() {
        let entry: WorkspaceMemberSingleIn = serde_json::from_value(serde_json::json!({
            "user_uuid": id(7)
        }))
        .expect("an entry");
        let requests = [Request::SetMemberRoles {
            workspace: id(1),
            members: vec![entry],
        }];
        assert_eq!(
            touched(&requests),
            Some(Touched {
                workspaces: true,
                users: vec![id(7)],
                groups: true,
                ..Touched::default()
            })
        );
        let keys = [Request::DeleteApiKey { key: id(9) }];
        assert_eq!(
            touched(&keys),
            Some(Touched {
                keys: true,
                ..Touched::default()
            })
        );
    }
}
