//! User groups: the groups, their members, nesting, workspace assignments, organization role,
//! and provisioning a workspace for a group.

use uuid::Uuid;

use super::error::ClientError;
use super::transport::{AdminClient, Call};
use crate::api::Operation;
use crate::api::{
    AdminAssignUsersToGroupIn, AdminProvisionGroupToWorkspaceIn, AdminUpdateUserGroupIn,
    AdminUserGroupIn, AdminUserGroupMembersOut, AdminUserGroupOut, AdminUserGroupsOut,
    AssignGroupToWorkspaceIn, GroupWorkspaceAssignmentsOut, NestedGroupsOut, SetNestedGroupsIn,
    UpdateGroupWorkspaceAssignmentIn, UpdateUserGroupOrganizationRoleIn,
};
use crate::domain::OrgRole;

impl AdminClient {
    /// `GET /user-groups`: one page (the contract allows at most 100 per page), optionally
    /// filtered by a name substring.
    pub async fn list_groups(
        &self,
        page: u32,
        page_size: u32,
        search: Option<&str>,
    ) -> Result<AdminUserGroupsOut, ClientError> {
        let call = Call::to(Operation::ListGroups, &[], "Page")
            .page(page, page_size)
            .filter("search", search);
        self.send(call).await
    }

    /// `POST /user-groups`.
    pub async fn create_group(
        &self,
        group: &AdminUserGroupIn,
    ) -> Result<AdminUserGroupOut, ClientError> {
        self.send(Call::to(Operation::CreateGroup, &[], "Organization").json(group)?)
            .await
    }

    pub async fn get_group(&self, id: Uuid) -> Result<AdminUserGroupOut, ClientError> {
        self.send(Call::to(Operation::GetGroup, &[id], "User group"))
            .await
    }

    /// `PATCH /user-groups/{id}`: name, description, target type, parents; absent fields stay.
    /// It sets state, so it is retried like a read.
    pub async fn update_group(
        &self,
        id: Uuid,
        update: &AdminUpdateUserGroupIn,
    ) -> Result<AdminUserGroupOut, ClientError> {
        let call = Call::to(Operation::UpdateGroup, &[id], "User group");
        self.send(call.json(update)?.idempotent()).await
    }

    /// `DELETE /user-groups/{id}`: its members lose what it granted.
    pub async fn delete_group(&self, id: Uuid) -> Result<(), ClientError> {
        self.send_unit(Call::to(Operation::DeleteGroup, &[id], "User group"))
            .await
    }

    /// `GET /user-groups/{id}/members`: one page of direct members.
    pub async fn list_group_members(
        &self,
        id: Uuid,
        page: u32,
        page_size: u32,
    ) -> Result<AdminUserGroupMembersOut, ClientError> {
        let call = Call::to(Operation::ListGroupMembers, &[id], "User group").page(page, page_size);
        self.send(call).await
    }

    /// `POST /user-groups/{id}/members`: organization members only.
    pub async fn add_group_members(&self, id: Uuid, users: &[Uuid]) -> Result<(), ClientError> {
        self.send_unit(members_call(Operation::AddGroupMembers, id, users)?)
            .await
    }

    /// `DELETE /user-groups/{id}/members` (a DELETE with a JSON body).
    pub async fn remove_group_members(&self, id: Uuid, users: &[Uuid]) -> Result<(), ClientError> {
        self.send_unit(members_call(Operation::RemoveGroupMembers, id, users)?)
            .await
    }

    /// `GET /user-groups/{id}/workspaces`: one page of workspace assignments (at most 100).
    pub async fn list_group_workspaces(
        &self,
        id: Uuid,
        page: u32,
        page_size: u32,
    ) -> Result<GroupWorkspaceAssignmentsOut, ClientError> {
        let call =
            Call::to(Operation::ListGroupWorkspaces, &[id], "User group").page(page, page_size);
        self.send(call).await
    }

    /// `POST /user-groups/{id}/workspaces`: everyone in the group gains the roles there.
    pub async fn assign_group_to_workspace(
        &self,
        id: Uuid,
        assignment: &AssignGroupToWorkspaceIn,
    ) -> Result<(), ClientError> {
        let call = Call::to(Operation::AssignGroupWorkspace, &[id], "User group");
        self.send_unit(call.json(assignment)?).await
    }

    /// `PATCH /user-groups/{id}/workspaces/{workspace}`: the roles the assignment grants.
    pub async fn update_group_workspace(
        &self,
        id: Uuid,
        workspace: Uuid,
        update: &UpdateGroupWorkspaceAssignmentIn,
    ) -> Result<(), ClientError> {
        let call = Call::to(
            Operation::UpdateGroupWorkspace,
            &[id, workspace],
            "Group assignment",
        );
        self.send_unit(call.json(update)?.idempotent()).await
    }

    /// `DELETE /user-groups/{id}/workspaces/{workspace}`.
    pub async fn remove_group_from_workspace(
        &self,
        id: Uuid,
        workspace: Uuid,
    ) -> Result<(), ClientError> {
        let call = Call::to(
            Operation::UnassignGroupWorkspace,
            &[id, workspace],
            "Group assignment",
        );
        self.send_unit(call).await
    }

    /// `PATCH /user-groups/{id}/organization-role`: sent as the role's legacy code, which every
    /// server understands without a catalog lookup.
    pub async fn set_group_organization_role(
        &self,
        id: Uuid,
        role: OrgRole,
    ) -> Result<(), ClientError> {
        let body = UpdateUserGroupOrganizationRoleIn {
            organization_role: role.code().to_owned(),
        };
        let call = Call::to(Operation::SetGroupOrganizationRole, &[id], "User group");
        self.send_unit(call.json(&body)?.idempotent()).await
    }

    /// `GET /user-groups/{id}/nested`: the groups directly inside this one.
    pub async fn nested_groups(&self, id: Uuid) -> Result<NestedGroupsOut, ClientError> {
        self.send(Call::to(Operation::ListNestedGroups, &[id], "User group"))
            .await
    }

    /// `PATCH /user-groups/{id}/nested`: the full list of groups directly inside this one. A
    /// loop is refused with a conflict that names the group closing it.
    pub async fn set_nested_groups(&self, id: Uuid, children: &[Uuid]) -> Result<(), ClientError> {
        let body = SetNestedGroupsIn {
            child_group_uuids: children.to_vec(),
        };
        let call = Call::to(Operation::SetNestedGroups, &[id], "User group");
        self.send_unit(call.json(&body)?.idempotent()).await
    }

    /// `POST /user-groups/provision-workspace`: the group's members become direct members of
    /// the workspace with one role.
    pub async fn provision_group_workspace(
        &self,
        provision: &AdminProvisionGroupToWorkspaceIn,
    ) -> Result<(), ClientError> {
        let call = Call::to(
            Operation::ProvisionGroupWorkspace,
            &[],
            "Group or workspace",
        );
        self.send_unit(call.json(provision)?).await
    }
}

/// A call that adds users to a group or takes them out: both send the same body.
fn members_call(operation: Operation, group: Uuid, users: &[Uuid]) -> Result<Call, ClientError> {
    let body = AdminAssignUsersToGroupIn {
        user_uuids: users.to_vec(),
    };
    Call::to(operation, &[group], "User group").json(&body)
}
