//! Carries out one call against the Admin API and words the answer as a message.

use crate::client::AdminClient;
use crate::tui::effect::{Call, SaveWorkspace};
use crate::tui::msg::{Change, Outcome, SaveResult};

use super::convert;

pub async fn perform(client: &AdminClient, call: Call) -> Outcome {
    let err = |e: crate::client::ClientError| convert::error(&e);
    match call {
        Call::Organization => Outcome::Organization(client.local_organization().await.map_err(err)),
        Call::Workspaces { archived } => Outcome::Workspaces {
            archived,
            result: client.list_all_workspaces(archived).await.map_err(err),
        },
        Call::People => Outcome::People(
            client
                .load_directory()
                .await
                .map(|d| convert::people(&d))
                .map_err(err),
        ),
        Call::ApiKeys => Outcome::ApiKeys(client.list_all_api_keys().await.map_err(err)),
        Call::WorkspaceSettings(workspace) => Outcome::WorkspaceSettings {
            workspace,
            result: client.workspace_settings(workspace).await.map_err(err),
        },
        Call::SaveWorkspace(save) => Outcome::SavedWorkspace {
            workspace: save.workspace,
            result: save_workspace(client, &save).await,
        },
        Call::AddMembers { workspace, members } => Outcome::Changed(
            client
                .add_workspace_members(workspace, &members)
                .await
                .map(Change::MembersAdded)
                .map_err(err),
        ),
        Call::SetMemberRoles { workspace, members } => Outcome::Changed(
            client
                .upsert_workspace_members(workspace, &members)
                .await
                .map(Change::RolesSet)
                .map_err(err),
        ),
        Call::RemoveMembers { workspace, users } => Outcome::Changed(
            client
                .remove_workspace_members(workspace, &users)
                .await
                .map(Change::MembersRemoved)
                .map_err(err),
        ),
        Call::ArchiveWorkspace(workspace) => Outcome::Changed(
            client
                .archive_workspace(workspace)
                .await
                .map(|()| Change::Archived)
                .map_err(err),
        ),
        Call::CreateWorkspace(body) => Outcome::Changed(
            client
                .create_workspace(&body)
                .await
                .map(|created| Change::Created(Box::new(created)))
                .map_err(err),
        ),
    }
}

/// The workspace's own fields first (the Admin API), then the extension settings; if the
/// second part fails after the first succeeded, the answer says exactly that.
async fn save_workspace(client: &AdminClient, save: &SaveWorkspace) -> SaveResult {
    let workspace = match &save.details {
        Some(details) => match client.update_workspace(save.workspace, details).await {
            Ok(workspace) => Some(workspace),
            Err(e) => return SaveResult::Failed(convert::error(&e)),
        },
        None => None,
    };
    let settings = match &save.settings {
        Some(update) => match client
            .update_workspace_settings(save.workspace, update)
            .await
        {
            Ok(settings) => Some(settings),
            Err(e) => {
                let error = convert::error(&e);
                return match workspace {
                    Some(workspace) => SaveResult::PartlySaved {
                        workspace,
                        settings_error: error,
                    },
                    None => SaveResult::Failed(error),
                };
            }
        },
        None => None,
    };
    SaveResult::Saved {
        workspace,
        settings,
    }
}
