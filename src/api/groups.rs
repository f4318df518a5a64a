//! User groups: the groups themselves, their members, the groups nested inside them, their
//! workspace assignments and their organization role.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::datetime::timestamp;
use super::role_fields::role_body;
use crate::domain::WorkspaceRole;

/// What a group gives access to (`UserGroupTargetType`): `W` workspaces, `O` the organization.
pub const GROUP_TARGET_TYPES: [&str; 2] = ["W", "O"];

/// A group as every group endpoint returns it (`AdminUserGroupOut`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminUserGroupOut {
    pub uuid: Uuid,
    pub name: String,
    pub description: Option<String>,
    /// Whether the identity provider (SCIM) owns the group; its owned fields are read-only.
    #[serde(default)]
    pub externally_managed: Option<bool>,
    /// `W` or `O` (see [`GROUP_TARGET_TYPES`]).
    #[serde(default)]
    pub target_type: Option<String>,
    /// The organization role every member of the group holds through it: a role value as
    /// responses carry them (a role UUID from `GET /roles`, or a legacy code).
    #[serde(default)]
    pub organization_role: Option<String>,
    /// The groups this group is directly nested inside.
    #[serde(default)]
    pub parent_group_ids: Vec<Uuid>,
}

/// One page of a group listing whose entries are `items`, with the total and the page the
/// server served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemsPage<T> {
    pub total: i64,
    pub items: Vec<T>,
    pub page: i64,
    pub page_size: i64,
}

/// `GET /user-groups` page (`AdminUserGroupsOut`).
pub type AdminUserGroupsOut = ItemsPage<AdminUserGroupOut>;

/// `POST /user-groups` body (`AdminUserGroupIn`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdminUserGroupIn {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
    /// Groups to nest the new group inside; empty for a top-level group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parent_group_ids: Vec<Uuid>,
}

/// `PATCH /user-groups/{group_uuid}` body (`AdminUpdateUserGroupIn`); absent or null fields stay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdminUpdateUserGroupIn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
    /// The full list of parents; an empty list makes the group top-level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_group_ids: Option<Vec<Uuid>>,
}

/// A member of a group (`AdminUserGroupMemberOut`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminUserGroupMemberOut {
    pub user_uuid: Uuid,
    pub name: Option<String>,
    pub email: Option<String>,
}

/// `GET /user-groups/{group_uuid}/members` page (`AdminUserGroupMembersOut`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminUserGroupMembersOut {
    pub total: i64,
    pub members: Vec<AdminUserGroupMemberOut>,
    pub page: i64,
    pub page_size: i64,
}

/// `POST` and `DELETE /user-groups/{group_uuid}/members` body (`AdminAssignUsersToGroupIn`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdminAssignUsersToGroupIn {
    pub user_uuids: Vec<Uuid>,
}

/// A role inside an assignment (`WorkspaceRoleRef`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceRoleRef {
    pub name: String,
    pub uuid: Uuid,
}

/// One workspace a group is assigned to, with the roles it grants there
/// (`GroupWorkspaceAssignmentOut`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupWorkspaceAssignmentOut {
    pub roles: Vec<WorkspaceRoleRef>,
    /// Deprecated: the principal role's UUID.
    #[serde(default)]
    pub role_uuid: Option<Uuid>,
    /// Deprecated: the principal role's name.
    #[serde(default)]
    pub role_name: Option<String>,
    pub workspace_uuid: Uuid,
    pub workspace_name: String,
    #[serde(with = "timestamp")]
    pub created: OffsetDateTime,
}

/// `GET /user-groups/{group_uuid}/workspaces` page (`GroupWorkspaceAssignmentsOut`).
pub type GroupWorkspaceAssignmentsOut = ItemsPage<GroupWorkspaceAssignmentOut>;

role_body! {
    group;
    /// `POST /user-groups/{group_uuid}/workspaces` body (`AssignGroupToWorkspaceIn`).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct AssignGroupToWorkspaceIn {
        pub workspace_uuid: Uuid,
    }
}

impl AssignGroupToWorkspaceIn {
    /// An assignment naming its roles by name, the form this project's client sends.
    pub fn with_role_names(workspace_uuid: Uuid, roles: &[WorkspaceRole]) -> Self {
        Self {
            role_names: (!roles.is_empty()).then(|| roles.to_vec()),
            roles: None,
            role: None,
            workspace_uuid,
        }
    }
}

role_body! {
    group;
    /// `PATCH /user-groups/{group_uuid}/workspaces/{workspace_uuid}` body
    /// (`UpdateGroupWorkspaceAssignmentIn`).
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct UpdateGroupWorkspaceAssignmentIn {}
}

impl UpdateGroupWorkspaceAssignmentIn {
    pub fn with_role_names(roles: &[WorkspaceRole]) -> Self {
        Self {
            role_names: Some(roles.to_vec()),
            roles: None,
            role: None,
        }
    }
}

/// `PATCH /user-groups/{group_uuid}/organization-role` body
/// (`UpdateUserGroupOrganizationRoleIn`): a legacy code (`A`, `M`, `B`) or a role UUID.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateUserGroupOrganizationRoleIn {
    pub organization_role: String,
}

/// A group in a nesting listing (`NestedGroupRef`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NestedGroupRef {
    pub uuid: Uuid,
    pub name: String,
}

/// `GET /user-groups/{group_uuid}/nested` (`NestedGroupsOut`): the direct children.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NestedGroupsOut {
    pub children: Vec<NestedGroupRef>,
}

/// `PATCH /user-groups/{group_uuid}/nested` body (`SetNestedGroupsIn`): the full list of
/// children.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetNestedGroupsIn {
    pub child_group_uuids: Vec<Uuid>,
}

/// `POST /user-groups/provision-workspace` body (`AdminProvisionGroupToWorkspaceIn`): every
/// member of the group joins the workspace with one role. At most one of the two role fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminProvisionGroupToWorkspaceIn {
    pub user_group_uuid: Uuid,
    pub workspace_uuid: Uuid,
    /// A legacy code (`A`, `M`) or a role UUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_role_name: Option<WorkspaceRole>,
}
