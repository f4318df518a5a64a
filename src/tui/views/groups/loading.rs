//! What the groups view asks for: every group, then each group's direct members and
//! workspace assignments (`GET /user-groups`, `.../members`, `.../workspaces`, every page).

use std::sync::Arc;

use uuid::Uuid;

use crate::actions::groups::access::GroupAccess;
use crate::api::{AdminUserGroupMemberOut, AdminUserGroupOut, GroupWorkspaceAssignmentOut};
use crate::client::AdminClient;
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Ask, remote};

/// One group with what it links to.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupEntry {
    pub group: AdminUserGroupOut,
    pub members: Vec<AdminUserGroupMemberOut>,
    pub assignments: Vec<GroupWorkspaceAssignmentOut>,
}

impl GroupEntry {
    /// Owned by the identity provider: its name, members and existence are changed there.
    pub fn from_provider(&self) -> bool {
        self.group.externally_managed == Some(true)
    }

    pub fn member_ids(&self) -> Vec<Uuid> {
        self.members.iter().map(|m| m.user_uuid).collect()
    }
}

/// Every group of the organization, oldest first as the server lists them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Groups {
    pub entries: Vec<GroupEntry>,
}

impl Groups {
    pub fn get(&self, id: Uuid) -> Option<&GroupEntry> {
        self.entries.iter().find(|e| e.group.uuid == id)
    }

    pub fn all(&self) -> Vec<AdminUserGroupOut> {
        self.entries.iter().map(|e| e.group.clone()).collect()
    }

    pub fn name_of(&self, id: Uuid) -> String {
        self.get(id)
            .map_or_else(|| id.to_string(), |e| e.group.name.clone())
    }

    /// Access through groups as these listings show it, for the previews.
    pub fn access(&self) -> GroupAccess {
        let members: Vec<Vec<Uuid>> = self.entries.iter().map(GroupEntry::member_ids).collect();
        GroupAccess::new(
            self.entries
                .iter()
                .zip(&members)
                .map(|(e, m)| (&e.group, m.as_slice(), e.assignments.as_slice())),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupsFetch;

impl Ask for GroupsFetch {
    type Answer = Arc<Groups>;

    fn label(&self) -> &'static str {
        "groups"
    }

    async fn ask(self, client: AdminClient) -> Result<Arc<Groups>, RemoteError> {
        let groups = client.list_all_groups().await.map_err(remote)?;
        let mut entries = Vec::with_capacity(groups.len());
        for group in groups {
            let members = client
                .list_all_group_members(group.uuid)
                .await
                .map_err(remote)?;
            let assignments = client
                .list_all_group_workspaces(group.uuid)
                .await
                .map_err(remote)?;
            entries.push(GroupEntry {
                group,
                members,
                assignments,
            });
        }
        Ok(Arc::new(Groups { entries }))
    }

    #[cfg(test)]
    fn fixture(&self) -> Arc<Groups> {
        Arc::new(super::tests::groups())
    }
}
