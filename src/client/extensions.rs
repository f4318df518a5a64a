//! The local server's `/x-local` extensions, and how the client copes when a server lacks them.
//!
//! A real Mistral server answers 404 on these paths. The client learns this once, from
//! `GET /x-local/organization` (which always exists where the extensions do), remembers it,
//! and from then on reads return `Ok(None)` and writes `ExtensionUnavailable` without asking.
//! Knowing that the extensions exist also lets a later 404 on a workspace's settings mean what
//! it says: that workspace does not exist.

use uuid::Uuid;

use super::error::ClientError;
use super::transport::{AdminClient, Call};
use crate::api::Operation;
use crate::api::{
    LocalOrganizationOut, LocalOrganizationUpdate, WorkspaceSettingsOut, WorkspaceSettingsUpdate,
};

const RENAME_ORGANIZATION: &str = "Renaming the organization";
const WORKSPACE_SETTINGS: &str = "Workspace settings";

/// Whether an error says the path does not exist on this server at all.
fn is_missing_route(error: &ClientError) -> bool {
    matches!(error, ClientError::NotFound { .. })
        || matches!(error, ClientError::Unexpected { status: 405, .. })
}

impl AdminClient {
    /// The organization the admin key belongs to; `Ok(None)` when the server lacks the
    /// extension (then the profile's name stands for the organization).
    pub async fn local_organization(&self) -> Result<Option<LocalOrganizationOut>, ClientError> {
        if self.extensions_known() == Some(false) {
            return Ok(None);
        }
        match self
            .send(Call::to(Operation::GetOrganization, &[], "Organization"))
            .await
        {
            Ok(org) => {
                self.set_extensions(true);
                Ok(Some(org))
            }
            Err(error) if is_missing_route(&error) => {
                self.set_extensions(false);
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    /// Whether the server has the extensions, asking it if nobody has yet.
    pub async fn has_extensions(&self) -> Result<bool, ClientError> {
        match self.extensions_known() {
            Some(known) => Ok(known),
            None => Ok(self.local_organization().await?.is_some()),
        }
    }

    /// A call of one of the extensions, or `ExtensionUnavailable` naming `feature` (and
    /// nothing sent) when the server lacks them.
    pub(crate) async fn extension_call(
        &self,
        feature: &'static str,
        operation: Operation,
        ids: &[Uuid],
        subject: &'static str,
    ) -> Result<Call, ClientError> {
        if self.has_extensions().await? {
            Ok(Call::to(operation, ids, subject))
        } else {
            Err(ClientError::ExtensionUnavailable { feature })
        }
    }

    pub async fn rename_organization(
        &self,
        name: &str,
    ) -> Result<LocalOrganizationOut, ClientError> {
        let body = LocalOrganizationUpdate {
            name: Some(name.to_owned()),
        };
        let call = self
            .extension_call(
                RENAME_ORGANIZATION,
                Operation::RenameOrganization,
                &[],
                "Organization",
            )
            .await?
            .json(&body)?;
        self.send(call).await.map_err(|error| {
            if is_missing_route(&error) {
                ClientError::ExtensionUnavailable {
                    feature: RENAME_ORGANIZATION,
                }
            } else {
                error
            }
        })
    }

    /// A workspace's console settings; `Ok(None)` when the server lacks the extension.
    pub async fn workspace_settings(
        &self,
        id: Uuid,
    ) -> Result<Option<WorkspaceSettingsOut>, ClientError> {
        if !self.has_extensions().await? {
            return Ok(None);
        }
        self.send(Call::to(
            Operation::GetWorkspaceSettings,
            &[id],
            "Workspace",
        ))
        .await
        .map(Some)
    }

    pub async fn update_workspace_settings(
        &self,
        id: Uuid,
        update: &WorkspaceSettingsUpdate,
    ) -> Result<WorkspaceSettingsOut, ClientError> {
        let settings = Operation::UpdateWorkspaceSettings;
        let call = self
            .extension_call(WORKSPACE_SETTINGS, settings, &[id], "Workspace")
            .await?;
        self.send(call.json(update)?).await
    }
}
