//! The requests that change user groups, as data: a group itself, its members, the groups
//! nested in it, its workspace assignments, its organization role, and provisioning.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::api::{
    AdminAssignUsersToGroupIn, AdminProvisionGroupToWorkspaceIn, AdminUpdateUserGroupIn,
    AdminUserGroupIn, AssignGroupToWorkspaceIn, SetNestedGroupsIn,
    UpdateGroupWorkspaceAssignmentIn, UpdateUserGroupOrganizationRoleIn,
};

/// A change to a group. Bodies are the contract's own types, as for [`super::Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "group_op", rename_all = "snake_case")]
pub enum GroupRequest {
    /// `POST /user-groups`.
    Create { body: AdminUserGroupIn },
    /// `PATCH /user-groups/{id}`: name, description, target type, parents.
    Update {
        group: Uuid,
        body: AdminUpdateUserGroupIn,
    },
    /// `DELETE /user-groups/{id}`: its members lose what it granted, for good.
    Delete { group: Uuid },
    /// `POST /user-groups/{id}/members`.
    AddMembers { group: Uuid, users: Vec<Uuid> },
    /// `DELETE /user-groups/{id}/members`.
    RemoveMembers { group: Uuid, users: Vec<Uuid> },
    /// `PATCH /user-groups/{id}/nested`: the full list of groups directly inside it.
    SetNested { group: Uuid, children: Vec<Uuid> },
    /// `POST /user-groups/{id}/workspaces`.
    Assign {
        group: Uuid,
        body: AssignGroupToWorkspaceIn,
    },
    /// `PATCH /user-groups/{id}/workspaces/{workspace}`: the roles an assignment grants.
    UpdateAssignment {
        group: Uuid,
        workspace: Uuid,
        body: UpdateGroupWorkspaceAssignmentIn,
    },
    /// `DELETE /user-groups/{id}/workspaces/{workspace}`.
    Unassign { group: Uuid, workspace: Uuid },
    /// `PATCH /user-groups/{id}/organization-role`.
    SetOrganizationRole {
        group: Uuid,
        body: UpdateUserGroupOrganizationRoleIn,
    },
    /// `POST /user-groups/provision-workspace`: a one-time copy of the members.
    Provision {
        body: AdminProvisionGroupToWorkspaceIn,
    },
}

impl GroupRequest {
    /// The operation of the contract this request is, and the ids its path names, in order.
    pub fn operation(&self) -> (crate::api::Operation, Vec<Uuid>) {
        use crate::api::Operation as Op;
        match self {
            Self::Create { .. } => (Op::CreateGroup, Vec::new()),
            Self::Update { group, .. } => (Op::UpdateGroup, vec![*group]),
            Self::Delete { group } => (Op::DeleteGroup, vec![*group]),
            Self::AddMembers { group, .. } => (Op::AddGroupMembers, vec![*group]),
            Self::RemoveMembers { group, .. } => (Op::RemoveGroupMembers, vec![*group]),
            Self::SetNested { group, .. } => (Op::SetNestedGroups, vec![*group]),
            Self::Assign { group, .. } => (Op::AssignGroupWorkspace, vec![*group]),
            Self::UpdateAssignment {
                group, workspace, ..
            } => (Op::UpdateGroupWorkspace, vec![*group, *workspace]),
            Self::Unassign { group, workspace } => {
                (Op::UnassignGroupWorkspace, vec![*group, *workspace])
            }
            Self::SetOrganizationRole { group, .. } => (Op::SetGroupOrganizationRole, vec![*group]),
            Self::Provision { .. } => (Op::ProvisionGroupWorkspace, Vec::new()),
        }
    }

    pub fn body(&self) -> Option<Value> {
        let users = |users: &[Uuid]| {
            serde_json::to_value(AdminAssignUsersToGroupIn {
                user_uuids: users.to_vec(),
            })
        };
        let value = match self {
            Self::Create { body } => serde_json::to_value(body),
            Self::Update { body, .. } => serde_json::to_value(body),
            Self::AddMembers { users: u, .. } | Self::RemoveMembers { users: u, .. } => users(u),
            Self::SetNested { children, .. } => serde_json::to_value(SetNestedGroupsIn {
                child_group_uuids: children.clone(),
            }),
            Self::Assign { body, .. } => serde_json::to_value(body),
            Self::UpdateAssignment { body, .. } => serde_json::to_value(body),
            Self::SetOrganizationRole { body, .. } => serde_json::to_value(body),
            Self::Provision { body } => serde_json::to_value(body),
            Self::Delete { .. } | Self::Unassign { .. } => return None,
        };
        value.ok()
    }

    /// Deleting a group cannot be taken back: its grants go with it, and a group made again
    /// is another group.
    pub fn is_irreversible(&self) -> bool {
        matches!(self, Self::Delete { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn group_requests_print_as_their_http_calls() {
        let group = Uuid::from_u128(3);
        let user = Uuid::from_u128(4);
        let remove = GroupRequest::RemoveMembers {
            group,
            users: vec![user],
        };
        let request = crate::actions::Request::Group(remove.clone());
        assert_eq!(request.method(), "DELETE");
        assert_eq!(request.path(), format!("/user-groups/{group}/members"));
        assert_eq!(
            remove.body(),
            Some(json!({"user_uuids": [user.to_string()]}))
        );
        let delete = GroupRequest::Delete { group };
        assert!(delete.is_irreversible() && !remove.is_irreversible());
        assert_eq!(delete.body(), None);
        let text = serde_json::to_string(&delete).unwrap();
        assert_eq!(serde_json::from_str::<GroupRequest>(&text).unwrap(), delete);
    }
}
