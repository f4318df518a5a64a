//! Workspaces and their membership.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::WorkspaceRole;

/// A workspace the member belongs to, inside a user entry (`MemberWorkspaceInfo`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberWorkspaceInfo {
    pub uuid: Uuid,
    pub name: String,
    pub is_default: bool,
    /// Role values: legacy codes or role UUIDs; resolve them through `GET /roles`.
    pub raw_roles: Vec<String>,
    /// Deprecated: the member's principal role in this workspace.
    pub raw_role: String,
}

/// The monthly spending limit of a workspace (`WorkspaceSpendLimitOUT`); read-only in the API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceSpendLimitOut {
    pub value: Option<f64>,
    pub currency: Option<String>,
    pub no_monthly_limit: Option<bool>,
}

/// A workspace as lists and updates return it (`WorkspaceOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceOut {
    pub uuid: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub icon: Option<String>,
    #[serde(default)]
    pub members_count: Option<i64>,
    #[serde(default)]
    pub spend_limit: Option<WorkspaceSpendLimitOut>,
    pub is_default: bool,
}

/// A workspace as creation returns it (`WorkspaceEnrichedOUT`): the workspace, then the roles
/// its creator holds in it. It reads as the workspace it extends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceEnrichedOut {
    #[serde(flatten)]
    pub workspace: WorkspaceOut,
    pub raw_roles: Vec<String>,
    pub raw_role: String,
}

impl std::ops::Deref for WorkspaceEnrichedOut {
    type Target = WorkspaceOut;

    fn deref(&self) -> &WorkspaceOut {
        &self.workspace
    }
}

/// `GET /workspaces` page (`WorkspacesOut`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspacesOut {
    pub total: i64,
    pub items: Vec<WorkspaceOut>,
    #[serde(default = "list_object")]
    pub object: String,
    pub page: i64,
    pub page_size: i64,
}

fn list_object() -> String {
    "list".to_owned()
}

/// `POST /workspaces` body (`AdminWorkspaceIn`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminWorkspaceIn {
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub icon: String,
    #[serde(default)]
    pub add_all_org_members: bool,
    pub admin_user_id: Uuid,
}

/// `PATCH /workspaces/{workspace_uuid}` body (`UpdateWorkspaceIN`); absent or null leaves a
/// field unchanged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateWorkspaceIn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
}

/// `POST .../add-users` and `PATCH .../users` body (`WorkspaceMemberIN`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceMemberIn {
    #[serde(default)]
    pub members: Option<Vec<WorkspaceMemberSingleIn>>,
}

/// One member to add or update (`WorkspaceMemberSingleIN`). At most one way of naming roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceMemberSingleIn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_names: Option<Vec<WorkspaceRole>>,
    /// Legacy codes (`A`, `M`) or role UUIDs from `GET /roles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_name: Option<WorkspaceRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub user_uuid: Uuid,
}

impl WorkspaceMemberSingleIn {
    /// A member entry naming its roles by name, the form this project's client always sends.
    pub fn with_role_names(user_uuid: Uuid, roles: &[WorkspaceRole]) -> Self {
        Self {
            role_names: (!roles.is_empty()).then(|| roles.to_vec()),
            roles: None,
            role_name: None,
            role: None,
            user_uuid,
        }
    }
}

/// `POST .../add-users` response (`AddUsersToWorkspaceOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddUsersToWorkspaceOut {
    pub added_members_count: i64,
}

/// `PATCH .../users` response (`AddOrUpdateUsersToWorkspaceOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddOrUpdateUsersToWorkspaceOut {
    pub added_members_count: i64,
    pub updated_members_count: i64,
}

/// `DELETE .../remove-users` body (`RemoveWorkspaceMembersIN`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemoveWorkspaceMembersIn {
    pub members: Vec<BaseWorkspaceMemberIn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseWorkspaceMemberIn {
    pub user_uuid: Uuid,
}

/// `DELETE .../remove-users` response (`RemoveWorkspaceMembersOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemoveWorkspaceMembersOut {
    pub deleted_members_count: i64,
    #[serde(default)]
    pub not_deleted_members: Option<Vec<Uuid>>,
}
