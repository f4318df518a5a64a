//! SCIM sync: starting a run (a dry run previews, a real run applies), following it to its end,
//! and the local server's simulated identity provider (`/x-local/scim`) that runs read from.

use std::time::Duration;

use reqwest::Method;
use uuid::Uuid;

use super::error::ClientError;
use super::response::{self, CallContext};
use super::transport::{AdminClient, Call};
use crate::api::paths;
use crate::api::*;

const SCIM_PROVIDER: &str = "The simulated identity provider";

/// What `POST /scim/sync` did.
#[derive(Debug, Clone, PartialEq)]
pub enum ScimSyncStart {
    /// A new run, to follow with [`AdminClient::scim_sync_run`].
    Started(Uuid),
    /// Another run was already active (409); nothing was started. Follow that one instead.
    AlreadyActive(AdminScimSyncActiveRunOut),
}

impl AdminClient {
    /// `POST /scim/sync`. Never repeated automatically: each call may start a run.
    pub async fn trigger_scim_sync(
        &self,
        trigger: &AdminScimSyncTriggerIn,
    ) -> Result<ScimSyncStart, ClientError> {
        let mut call = Call::new(Method::POST, paths::SCIM_SYNC, "Organization").json(trigger)?;
        call.answers = &[409];
        let operation = format!("POST {}", paths::SCIM_SYNC);
        let (status, body) = self.exchange_status(call).await?;
        let ctx = CallContext {
            operation: &operation,
            subject: "",
            credential: self.credential(),
        };
        if status.as_u16() == 409 {
            return response::decode(&ctx, &body).map(ScimSyncStart::AlreadyActive);
        }
        let started: AdminScimSyncTriggerOut = response::decode(&ctx, &body)?;
        Ok(ScimSyncStart::Started(started.run_id))
    }

    /// `GET /scim/sync/{run_id}`: the run's state, and its preview or result once built.
    pub async fn scim_sync_run(&self, run_id: Uuid) -> Result<AdminScimSyncRunOut, ClientError> {
        self.send(Call::get(paths::scim_sync_run(run_id), "SCIM sync run"))
            .await
    }

    /// Polls a run every `every` until it has ended, and returns it; dropping the future stops
    /// polling.
    pub async fn wait_for_scim_sync(
        &self,
        run_id: Uuid,
        every: Duration,
    ) -> Result<AdminScimSyncRunOut, ClientError> {
        loop {
            let run = self.scim_sync_run(run_id).await?;
            if scim_run_finished(&run.status) {
                return Ok(run);
            }
            tokio::time::sleep(every).await;
        }
    }

    async fn require_scim_provider(&self) -> Result<(), ClientError> {
        if self.has_extensions().await? {
            Ok(())
        } else {
            Err(ClientError::ExtensionUnavailable {
                feature: SCIM_PROVIDER,
            })
        }
    }

    /// `GET /x-local/scim`: the simulated provider's users and groups.
    pub async fn scim_directory(&self) -> Result<LocalScimDirectoryOut, ClientError> {
        self.require_scim_provider().await?;
        self.send(Call::get(paths::EXT_SCIM, "Identity provider"))
            .await
    }

    /// `PATCH /x-local/scim`: whether the provider answers runs.
    pub async fn set_scim_reachable(
        &self,
        reachable: bool,
    ) -> Result<LocalScimDirectoryOut, ClientError> {
        self.require_scim_provider().await?;
        let body = LocalScimProviderUpdate {
            reachable: Some(reachable),
        };
        let call = Call::new(Method::PATCH, paths::EXT_SCIM, "Identity provider").json(&body)?;
        self.send(call.idempotent()).await
    }

    pub async fn create_scim_user(
        &self,
        user: &LocalScimUserIn,
    ) -> Result<LocalScimUserOut, ClientError> {
        self.require_scim_provider().await?;
        let call = Call::new(Method::POST, paths::EXT_SCIM_USERS, "Identity provider");
        self.send(call.json(user)?).await
    }

    pub async fn update_scim_user(
        &self,
        id: Uuid,
        update: &LocalScimUserUpdate,
    ) -> Result<LocalScimUserOut, ClientError> {
        self.require_scim_provider().await?;
        let call = Call::new(
            Method::PATCH,
            paths::ext_scim_user(id),
            "Identity provider user",
        );
        self.send(call.json(update)?.idempotent()).await
    }

    pub async fn delete_scim_user(&self, id: Uuid) -> Result<(), ClientError> {
        self.require_scim_provider().await?;
        let call = Call::new(
            Method::DELETE,
            paths::ext_scim_user(id),
            "Identity provider user",
        );
        self.send_unit(call).await
    }

    pub async fn create_scim_group(
        &self,
        group: &LocalScimGroupIn,
    ) -> Result<LocalScimGroupOut, ClientError> {
        self.require_scim_provider().await?;
        let call = Call::new(Method::POST, paths::EXT_SCIM_GROUPS, "Identity provider");
        self.send(call.json(group)?).await
    }

    pub async fn update_scim_group(
        &self,
        id: Uuid,
        update: &LocalScimGroupUpdate,
    ) -> Result<LocalScimGroupOut, ClientError> {
        self.require_scim_provider().await?;
        let call = Call::new(
            Method::PATCH,
            paths::ext_scim_group(id),
            "Identity provider group",
        );
        self.send(call.json(update)?.idempotent()).await
    }

    pub async fn delete_scim_group(&self, id: Uuid) -> Result<(), ClientError> {
        self.require_scim_provider().await?;
        let call = Call::new(
            Method::DELETE,
            paths::ext_scim_group(id),
            "Identity provider group",
        );
        self.send_unit(call).await
    }
}
