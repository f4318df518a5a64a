//! Running a plan: each request in order through the client, stopping at the first failure,
//! with every reply kept so the outcome can say exactly what was done.

use serde_json::Value;

use super::plan::Plan;
use super::request::Request;
use super::request_groups::GroupRequest;
use crate::api::{
    AddOrUpdateUsersToWorkspaceOut, AddUsersToWorkspaceOut, AdminOrganizationMemberOut,
    AdminUserGroupOut, ApiKeyOut, DeleteApiKeyOut, DeleteOut, LimitsOut,
    OrganizationInvitesCreateOut, RemoveWorkspaceMembersOut, WorkspaceEnrichedOut, WorkspaceOut,
    WorkspaceSettingsOut,
};
use crate::client::{AdminClient, ClientError};
use crate::domain::OrgRole;

/// What the server answered to one request.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    WorkspaceCreated(Box<WorkspaceEnrichedOut>),
    WorkspaceUpdated(WorkspaceOut),
    SettingsUpdated(WorkspaceSettingsOut),
    Archived,
    MembersAdded(AddUsersToWorkspaceOut),
    RolesSet(AddOrUpdateUsersToWorkspaceOut),
    MembersRemoved(RemoveWorkspaceMembersOut),
    Invited(OrganizationInvitesCreateOut),
    UserUpdated(Box<AdminOrganizationMemberOut>),
    UserDeleted(DeleteOut),
    InviteDeleted(DeleteOut),
    /// Holds the new key's plaintext; its `Debug` hides it.
    KeyCreated(Box<ApiKeyOut>),
    KeyDeleted(DeleteApiKeyOut),
    SpendLimitSet(Box<LimitsOut>),
    GroupCreated(Box<AdminUserGroupOut>),
    GroupUpdated(Box<AdminUserGroupOut>),
    /// A group change the server answers without a body (members, nesting, assignments,
    /// organization role, provisioning, deletion).
    GroupChanged,
}

impl Reply {
    /// The reply as the server sent it (an archive answers with no body: `null`). A created
    /// key's JSON holds its plaintext: print it only where the key is meant to go.
    pub fn to_json(&self) -> Value {
        let value = match self {
            Self::WorkspaceCreated(out) => serde_json::to_value(out),
            Self::WorkspaceUpdated(out) => serde_json::to_value(out),
            Self::SettingsUpdated(out) => serde_json::to_value(out),
            Self::Archived | Self::GroupChanged => return Value::Null,
            Self::MembersAdded(out) => serde_json::to_value(out),
            Self::RolesSet(out) => serde_json::to_value(out),
            Self::MembersRemoved(out) => serde_json::to_value(out),
            Self::Invited(out) => serde_json::to_value(out),
            Self::UserUpdated(out) => serde_json::to_value(out),
            Self::UserDeleted(out) | Self::InviteDeleted(out) => serde_json::to_value(out),
            Self::KeyCreated(out) => serde_json::to_value(out),
            Self::KeyDeleted(out) => serde_json::to_value(out),
            Self::SpendLimitSet(out) => serde_json::to_value(out),
            Self::GroupCreated(out) | Self::GroupUpdated(out) => serde_json::to_value(out),
        };
        value.unwrap_or(Value::Null)
    }
}

/// Where a run stopped: the index of the step that failed, and why.
#[derive(Debug, Clone)]
pub struct Failure {
    pub step: usize,
    pub error: ClientError,
}

/// The replies of the steps that were done, in order, and the failure that stopped the run.
#[derive(Debug, Clone, Default)]
pub struct Execution {
    pub replies: Vec<Reply>,
    pub failure: Option<Failure>,
}

impl Execution {
    pub fn succeeded(&self) -> bool {
        self.failure.is_none()
    }
}

/// Sends one request.
pub async fn send(client: &AdminClient, request: &Request) -> Result<Reply, ClientError> {
    Ok(match request {
        Request::CreateWorkspace { body } => {
            Reply::WorkspaceCreated(Box::new(client.create_workspace(body).await?))
        }
        Request::UpdateWorkspace { workspace, body } => {
            Reply::WorkspaceUpdated(client.update_workspace(*workspace, body).await?)
        }
        Request::UpdateWorkspaceSettings { workspace, body } => {
            Reply::SettingsUpdated(client.update_workspace_settings(*workspace, body).await?)
        }
        Request::ArchiveWorkspace { workspace } => {
            client.archive_workspace(*workspace).await?;
            Reply::Archived
        }
        Request::AddMembers { workspace, members } => {
            Reply::MembersAdded(client.add_workspace_members(*workspace, members).await?)
        }
        Request::SetMemberRoles { workspace, members } => {
            Reply::RolesSet(client.upsert_workspace_members(*workspace, members).await?)
        }
        Request::RemoveMembers { workspace, users } => {
            Reply::MembersRemoved(client.remove_workspace_members(*workspace, users).await?)
        }
        Request::Invite { body } => Reply::Invited(client.invite_users(body).await?),
        Request::UpdateUser { user, body } => {
            Reply::UserUpdated(Box::new(client.update_user(*user, body).await?))
        }
        Request::DeleteUser { user } => Reply::UserDeleted(client.delete_user(*user).await?),
        Request::DeleteInvite { invite } => {
            Reply::InviteDeleted(client.delete_invite(*invite).await?)
        }
        Request::CreateApiKey { body } => {
            Reply::KeyCreated(Box::new(client.create_api_key(body).await?))
        }
        Request::DeleteApiKey { key } => Reply::KeyDeleted(client.delete_api_key(*key).await?),
        Request::SetSpendLimit { body } => {
            Reply::SpendLimitSet(Box::new(client.set_spend_limit(body).await?))
        }
        Request::Group(group) => send_group(client, group).await?,
    })
}

/// Sends a group request. Creating and updating a group answer with the group; every other
/// group request answers with nothing to keep, so its reply is `GroupChanged`.
async fn send_group(client: &AdminClient, request: &GroupRequest) -> Result<Reply, ClientError> {
    let sent = match request {
        GroupRequest::Create { body } => {
            let created = client.create_group(body).await?;
            return Ok(Reply::GroupCreated(Box::new(created)));
        }
        GroupRequest::Update { group, body } => {
            let updated = client.update_group(*group, body).await?;
            return Ok(Reply::GroupUpdated(Box::new(updated)));
        }
        GroupRequest::Delete { group } => client.delete_group(*group).await,
        GroupRequest::AddMembers { group, users } => client.add_group_members(*group, users).await,
        GroupRequest::RemoveMembers { group, users } => {
            client.remove_group_members(*group, users).await
        }
        GroupRequest::SetNested { group, children } => {
            client.set_nested_groups(*group, children).await
        }
        GroupRequest::Assign { group, body } => {
            client.assign_group_to_workspace(*group, body).await
        }
        GroupRequest::UpdateAssignment {
            group,
            workspace,
            body,
        } => {
            client
                .update_group_workspace(*group, *workspace, body)
                .await
        }
        GroupRequest::Unassign { group, workspace } => {
            client.remove_group_from_workspace(*group, *workspace).await
        }
        GroupRequest::SetOrganizationRole { group, body } => {
            // Plans build this body from an `OrgRole`; a journal edited by hand may not.
            let role = OrgRole::from_code_or_uuid(&body.organization_role).ok_or_else(|| {
                ClientError::Validation {
                    fields: Vec::new(),
                    message: format!("unknown organization role {:?}", body.organization_role),
                }
            })?;
            client.set_group_organization_role(*group, role).await
        }
        GroupRequest::Provision { body } => client.provision_group_workspace(body).await,
    };
    sent.map(|()| Reply::GroupChanged)
}

/// Sends the plan's requests in order and stops at the first that fails: a later step
/// usually depends on an earlier one (the replacement key exists before the old one goes).
pub async fn execute(client: &AdminClient, plan: &Plan) -> Execution {
    let mut execution = Execution::default();
    for (index, step) in plan.steps.iter().enumerate() {
        match send(client, &step.request).await {
            Ok(reply) => execution.replies.push(reply),
            Err(error) => {
                execution.failure = Some(Failure { step: index, error });
                break;
            }
        }
    }
    execution
}
