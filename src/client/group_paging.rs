//! Every page of the group listings: groups, a group's members, a group's workspace
//! assignments, read by the loop every counted listing shares (see `pages`).

use uuid::Uuid;

use super::error::ClientError;
use super::pages::all_pages;
use super::transport::AdminClient;
use crate::api::{AdminUserGroupMemberOut, AdminUserGroupOut, GroupWorkspaceAssignmentOut};

/// The contract's largest `page_size` for the group listings.
const GROUP_PAGE_SIZE: u32 = 100;

impl AdminClient {
    /// Every group of the organization.
    pub async fn list_all_groups(&self) -> Result<Vec<AdminUserGroupOut>, ClientError> {
        all_pages(
            GROUP_PAGE_SIZE,
            |page, size| self.list_groups(page, size, None),
            |g| g.uuid,
        )
        .await
    }

    /// Every direct member of a group.
    pub async fn list_all_group_members(
        &self,
        id: Uuid,
    ) -> Result<Vec<AdminUserGroupMemberOut>, ClientError> {
        all_pages(
            GROUP_PAGE_SIZE,
            |page, size| self.list_group_members(id, page, size),
            |m| m.user_uuid,
        )
        .await
    }

    /// Every workspace a group is assigned to.
    pub async fn list_all_group_workspaces(
        &self,
        id: Uuid,
    ) -> Result<Vec<GroupWorkspaceAssignmentOut>, ClientError> {
        all_pages(
            GROUP_PAGE_SIZE,
            |page, size| self.list_group_workspaces(id, page, size),
            |a| a.workspace_uuid,
        )
        .await
    }
}
