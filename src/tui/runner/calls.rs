//! Carries out one call against the Admin API and words the answer as a message.

use crate::client::AdminClient;
use crate::tui::effect::{Call, SaveWorkspace};
use crate::tui::msg::{Outcome, SaveResult};

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
