//! Workspaces and their members.

use uuid::Uuid;

use super::error::ClientError;
use super::query::WorkspaceQuery;
use super::transport::{AdminClient, Call};
use crate::api::Operation;
use crate::api::{
    AddOrUpdateUsersToWorkspaceOut, AddUsersToWorkspaceOut, AdminWorkspaceIn,
    BaseWorkspaceMemberIn, RemoveWorkspaceMembersIn, RemoveWorkspaceMembersOut, UpdateWorkspaceIn,
    WorkspaceEnrichedOut, WorkspaceMemberIn, WorkspaceMemberSingleIn, WorkspaceOut, WorkspacesOut,
};

impl AdminClient {
    /// `GET /workspaces`: one page, active or archived.
    pub async fn list_workspaces(
        &self,
        query: &WorkspaceQuery,
    ) -> Result<WorkspacesOut, ClientError> {
        let mut call = Call::to(Operation::ListWorkspaces, &[], "Page");
        call.query = query.pairs();
        self.send(call).await
    }

    /// `POST /workspaces`: `admin_user_id` becomes the new workspace's admin.
    pub async fn create_workspace(
        &self,
        workspace: &AdminWorkspaceIn,
    ) -> Result<WorkspaceEnrichedOut, ClientError> {
        self.send(Call::to(Operation::CreateWorkspace, &[], "Organization").json(workspace)?)
            .await
    }

    /// `PATCH /workspaces/{id}`: name, description, icon; absent fields stay.
    pub async fn update_workspace(
        &self,
        id: Uuid,
        update: &UpdateWorkspaceIn,
    ) -> Result<WorkspaceOut, ClientError> {
        self.send(Call::to(Operation::UpdateWorkspace, &[id], "Workspace").json(update)?)
            .await
    }

    /// `DELETE /workspaces/{id}`: archives it, for good.
    pub async fn archive_workspace(&self, id: Uuid) -> Result<(), ClientError> {
        self.send_unit(Call::to(Operation::ArchiveWorkspace, &[id], "Workspace"))
            .await
    }

    /// `POST /workspaces/{id}/add-users`: organization members only.
    pub async fn add_workspace_members(
        &self,
        id: Uuid,
        members: &[WorkspaceMemberSingleIn],
    ) -> Result<AddUsersToWorkspaceOut, ClientError> {
        self.send(members_call(Operation::AddWorkspaceMembers, id, members)?)
            .await
    }

    /// `PATCH /workspaces/{id}/users`: adds or updates; how a member's role changes. It sets
    /// state rather than adding to it, so it is retried like a read.
    pub async fn upsert_workspace_members(
        &self,
        id: Uuid,
        members: &[WorkspaceMemberSingleIn],
    ) -> Result<AddOrUpdateUsersToWorkspaceOut, ClientError> {
        let call = members_call(Operation::UpsertWorkspaceMembers, id, members)?;
        self.send(call.idempotent()).await
    }

    /// `DELETE /workspaces/{id}/remove-users` (a DELETE with a JSON body).
    pub async fn remove_workspace_members(
        &self,
        id: Uuid,
        users: &[Uuid],
    ) -> Result<RemoveWorkspaceMembersOut, ClientError> {
        let body = RemoveWorkspaceMembersIn {
            members: users
                .iter()
                .map(|&user_uuid| BaseWorkspaceMemberIn { user_uuid })
                .collect(),
        };
        let call = Call::to(Operation::RemoveWorkspaceMembers, &[id], "Workspace");
        self.send(call.json(&body)?).await
    }
}

/// A call that adds members to a workspace or sets their roles: both send the same body.
fn members_call(
    operation: Operation,
    workspace: Uuid,
    members: &[WorkspaceMemberSingleIn],
) -> Result<Call, ClientError> {
    let body = WorkspaceMemberIn {
        members: Some(members.to_vec()),
    };
    Call::to(operation, &[workspace], "Workspace").json(&body)
}
