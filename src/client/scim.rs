//! SCIM sync: starting a run (a dry run previews, a real run applies), following it to its end,
//! and the local server's simulated identity provider (`/x-local/scim`) that runs read from.

use std::time::Duration;

use uuid::Uuid;

use super::error::ClientError;
use super::response::{self, CallContext};
use super::transport::{AdminClient, Call};
use crate::api::*;

const SCIM_PROVIDER: &str = "The simulated identity provider";
/// What a 404 from the simulated provider is about, for the not-found message.
const PROVIDER: &str = "Identity provider";
const PROVIDER_USER: &str = "Identity provider user";
const PROVIDER_GROUP: &str = "Identity provider group";

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
        let mut call = Call::to(Operation::TriggerScimSync, &[], "Organization").json(trigger)?;
        call.answers = &[409];
        let operation = call.operation();
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
        self.send(Call::to(
            Operation::GetScimSyncRun,
            &[run_id],
            "SCIM sync run",
        ))
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

    /// A call to the simulated identity provider, once the server is known to have it.
    async fn provider_call(
        &self,
        operation: Operation,
        ids: &[Uuid],
        subject: &'static str,
    ) -> Result<Call, ClientError> {
        self.extension_call(SCIM_PROVIDER, operation, ids, subject)
            .await
    }

    /// `GET /x-local/scim`: the simulated provider's users and groups.
    pub async fn scim_directory(&self) -> Result<LocalScimDirectoryOut, ClientError> {
        let call = self
            .provider_call(Operation::GetScimDirectory, &[], PROVIDER)
            .await?;
        self.send(call).await
    }

    /// `PATCH /x-local/scim`: whether the provider answers runs.
    pub async fn set_scim_reachable(
        &self,
        reachable: bool,
    ) -> Result<LocalScimDirectoryOut, ClientError> {
        let body = LocalScimProviderUpdate {
            reachable: Some(reachable),
        };
        let call = self
            .provider_call(Operation::UpdateScimProvider, &[], PROVIDER)
            .await?;
        self.send(call.json(&body)?.idempotent()).await
    }

    pub async fn create_scim_user(
        &self,
        user: &LocalScimUserIn,
    ) -> Result<LocalScimUserOut, ClientError> {
        let call = self
            .provider_call(Operation::CreateScimUser, &[], PROVIDER)
            .await?;
        self.send(call.json(user)?).await
    }

    pub async fn update_scim_user(
        &self,
        id: Uuid,
        update: &LocalScimUserUpdate,
    ) -> Result<LocalScimUserOut, ClientError> {
        let call = self
            .provider_call(Operation::UpdateScimUser, &[id], PROVIDER_USER)
            .await?;
        self.send(call.json(update)?.idempotent()).await
    }

    pub async fn delete_scim_user(&self, id: Uuid) -> Result<(), ClientError> {
        let call = self
            .provider_call(Operation::DeleteScimUser, &[id], PROVIDER_USER)
            .await?;
        self.send_unit(call).await
    }

    pub async fn create_scim_group(
        &self,
        group: &LocalScimGroupIn,
    ) -> Result<LocalScimGroupOut, ClientError> {
        let call = self
            .provider_call(Operation::CreateScimGroup, &[], PROVIDER)
            .await?;
        self.send(call.json(group)?).await
    }

    pub async fn update_scim_group(
        &self,
        id: Uuid,
        update: &LocalScimGroupUpdate,
    ) -> Result<LocalScimGroupOut, ClientError> {
        let call = self
            .provider_call(Operation::UpdateScimGroup, &[id], PROVIDER_GROUP)
            .await?;
        self.send(call.json(update)?.idempotent()).await
    }

    pub async fn delete_scim_group(&self, id: Uuid) -> Result<(), ClientError> {
        let call = self
            .provider_call(Operation::DeleteScimGroup, &[id], PROVIDER_GROUP)
            .await?;
        self.send_unit(call).await
    }
}
