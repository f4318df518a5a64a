//! One request that changes the organization, as data: what a plan sends, what `--dry-run`
//! prints and what a journal can keep. Reads are not here; only changes are planned.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::request_groups::GroupRequest;
use crate::api::{
    AdminCreateApiKeyIn, AdminOrganizationMemberUpdate, AdminWorkspaceIn, NewUsageLimitIn,
    Operation, OrganizationInviteIn, UpdateWorkspaceIn, WorkspaceMemberSingleIn,
    WorkspaceSettingsUpdate,
};

/// A change the Admin API (or the local server's extension) is asked to make. Bodies are the
/// contract's own types, so what is printed is byte for byte what is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// `POST /workspaces`.
    CreateWorkspace { body: AdminWorkspaceIn },
    /// `PATCH /workspaces/{id}`: name, description, icon.
    UpdateWorkspace {
        workspace: Uuid,
        body: UpdateWorkspaceIn,
    },
    /// `PATCH /x-local/workspaces/{id}/settings`: the local server's extension settings.
    UpdateWorkspaceSettings {
        workspace: Uuid,
        body: WorkspaceSettingsUpdate,
    },
    /// `DELETE /workspaces/{id}`: archives, for good.
    ArchiveWorkspace { workspace: Uuid },
    /// `POST /workspaces/{id}/add-users`.
    AddMembers {
        workspace: Uuid,
        members: Vec<WorkspaceMemberSingleIn>,
    },
    /// `PATCH /workspaces/{id}/users`: sets the roles of these members.
    SetMemberRoles {
        workspace: Uuid,
        members: Vec<WorkspaceMemberSingleIn>,
    },
    /// `DELETE /workspaces/{id}/remove-users`.
    RemoveMembers { workspace: Uuid, users: Vec<Uuid> },
    /// `POST /users-invite`.
    Invite { body: OrganizationInviteIn },
    /// `PATCH /users/{id}`: organization roles.
    UpdateUser {
        user: Uuid,
        body: AdminOrganizationMemberUpdate,
    },
    /// `DELETE /users/{id}`: leaves the organization and every workspace.
    DeleteUser { user: Uuid },
    /// `DELETE /users-invite/{id}`.
    DeleteInvite { invite: Uuid },
    /// `POST /api-keys`: the reply holds the new key's plaintext, once.
    CreateApiKey { body: AdminCreateApiKeyIn },
    /// `DELETE /api-keys/{id}`: the key stops working at once.
    DeleteApiKey { key: Uuid },
    /// `POST /spend-limit`.
    SetSpendLimit { body: NewUsageLimitIn },
    /// A change to a user group.
    Group(GroupRequest),
}

/// A request as HTTP: method, path below the base URL, and JSON body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HttpRequest {
    pub method: &'static str,
    pub path: String,
    pub body: Option<Value>,
}

impl Request {
    /// The operation of the contract this request is, and the ids its path names, in order.
    pub fn operation(&self) -> (Operation, Vec<Uuid>) {
        use Operation as Op;
        match self {
            Self::CreateWorkspace { .. } => (Op::CreateWorkspace, Vec::new()),
            Self::UpdateWorkspace { workspace, .. } => (Op::UpdateWorkspace, vec![*workspace]),
            Self::UpdateWorkspaceSettings { workspace, .. } => {
                (Op::UpdateWorkspaceSettings, vec![*workspace])
            }
            Self::ArchiveWorkspace { workspace } => (Op::ArchiveWorkspace, vec![*workspace]),
            Self::AddMembers { workspace, .. } => (Op::AddWorkspaceMembers, vec![*workspace]),
            Self::SetMemberRoles { workspace, .. } => {
                (Op::UpsertWorkspaceMembers, vec![*workspace])
            }
            Self::RemoveMembers { workspace, .. } => (Op::RemoveWorkspaceMembers, vec![*workspace]),
            Self::Invite { .. } => (Op::InviteUsers, Vec::new()),
            Self::UpdateUser { user, .. } => (Op::UpdateUser, vec![*user]),
            Self::DeleteUser { user } => (Op::DeleteUser, vec![*user]),
            Self::DeleteInvite { invite } => (Op::DeleteInvite, vec![*invite]),
            Self::CreateApiKey { .. } => (Op::CreateApiKey, Vec::new()),
            Self::DeleteApiKey { key } => (Op::DeleteApiKey, vec![*key]),
            Self::SetSpendLimit { .. } => (Op::SetSpendLimit, Vec::new()),
            Self::Group(group) => group.operation(),
        }
    }

    pub fn method(&self) -> &'static str {
        self.operation().0.verb().as_str()
    }

    /// The path below the Admin API's base URL.
    pub fn path(&self) -> String {
        let (operation, ids) = self.operation();
        operation.path(&ids)
    }

    /// The JSON body exactly as the client sends it; `None` for requests without one.
    pub fn body(&self) -> Option<Value> {
        let value = match self {
            Self::CreateWorkspace { body } => serde_json::to_value(body),
            Self::UpdateWorkspace { body, .. } => serde_json::to_value(body),
            Self::UpdateWorkspaceSettings { body, .. } => serde_json::to_value(body),
            Self::AddMembers { members, .. } | Self::SetMemberRoles { members, .. } => {
                serde_json::to_value(crate::api::WorkspaceMemberIn {
                    members: Some(members.clone()),
                })
            }
            Self::RemoveMembers { users, .. } => {
                serde_json::to_value(crate::api::RemoveWorkspaceMembersIn {
                    members: users
                        .iter()
                        .map(|&user_uuid| crate::api::BaseWorkspaceMemberIn { user_uuid })
                        .collect(),
                })
            }
            Self::Invite { body } => serde_json::to_value(body),
            Self::UpdateUser { body, .. } => serde_json::to_value(body),
            Self::CreateApiKey { body } => serde_json::to_value(body),
            Self::SetSpendLimit { body } => serde_json::to_value(body),
            Self::Group(group) => return group.body(),
            Self::ArchiveWorkspace { .. }
            | Self::DeleteUser { .. }
            | Self::DeleteInvite { .. }
            | Self::DeleteApiKey { .. } => return None,
        };
        // The contract's types always serialize; a failure here would be a bug in them.
        value.ok()
    }

    pub fn http(&self) -> HttpRequest {
        HttpRequest {
            method: self.method(),
            path: self.path(),
            body: self.body(),
        }
    }

    /// Whether the server keeps no way back: archiving, removing someone from the
    /// organization, deleting a key or a group.
    pub fn is_irreversible(&self) -> bool {
        match self {
            Self::Group(group) => group.is_irreversible(),
            other => matches!(
                other,
                Self::ArchiveWorkspace { .. } | Self::DeleteUser { .. } | Self::DeleteApiKey { .. }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_request_prints_as_the_http_call_it_becomes() {
        let workspace = Uuid::from_u128(7);
        let user = Uuid::from_u128(9);
        let remove = Request::RemoveMembers {
            workspace,
            users: vec![user],
        };
        let http = remove.http();
        assert_eq!(http.method, "DELETE");
        assert_eq!(http.path, format!("/workspaces/{workspace}/remove-users"));
        assert_eq!(
            http.body,
            Some(json!({"members": [{"user_uuid": user.to_string()}]}))
        );
        let archive = Request::ArchiveWorkspace { workspace };
        assert_eq!(archive.http().body, None);
        assert!(archive.is_irreversible() && !remove.is_irreversible());
    }

    #[test]
    fn requests_round_trip_through_their_journal_form() {
        let request = Request::SetSpendLimit {
            body: NewUsageLimitIn {
                amount: 500,
                no_monthly_limit: false,
            },
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(
            text,
            r#"{"op":"set_spend_limit","body":{"amount":500,"no_monthly_limit":false}}"#
        );
        assert_eq!(serde_json::from_str::<Request>(&text).unwrap(), request);
    }
}
