//! What the SCIM view asks for: starting a run (`POST /scim/sync`, a dry run or a real one)
//! and following it (`GET /scim/sync/{run_id}`), gently: each poll waits a moment first, and
//! closing the view cancels the one on its way.

use std::time::Duration;

use uuid::Uuid;

use crate::api::{AdminScimSyncConfig, AdminScimSyncRunOut, AdminScimSyncTriggerIn};
use crate::client::{AdminClient, ScimSyncStart};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Ask, Ending, remote};

/// How long a poll waits before asking again.
pub const POLL_EVERY: Duration = Duration::from_millis(400);

/// `POST /scim/sync`: never repeated by itself, since each call may start a run.
#[derive(Debug, Clone, PartialEq)]
pub struct StartFetch {
    pub dry_run: bool,
}

impl Ask for StartFetch {
    type Answer = ScimSyncStart;

    fn label(&self) -> &'static str {
        if self.dry_run {
            "starting a dry run"
        } else {
            "starting the sync"
        }
    }

    fn change(&self) -> Option<&'static str> {
        (!self.dry_run).then_some("run the SCIM sync")
    }

    /// A real run, once asked for, runs on the server whatever the console does: ctrl-c lets
    /// the request finish so that the run it started is followed and shown, rather than left
    /// running unseen. A dry run changes nothing and is simply abandoned.
    fn ending(&self) -> Ending {
        if self.dry_run {
            Ending::Dropped
        } else {
            Ending::Finishes
        }
    }

    async fn ask(self, client: AdminClient) -> Result<ScimSyncStart, RemoteError> {
        let trigger = AdminScimSyncTriggerIn {
            dry_run: self.dry_run,
            // A real run applies what it selects; the view's preview covered everything.
            sync_config: Some(AdminScimSyncConfig::everything()),
        };
        client.trigger_scim_sync(&trigger).await.map_err(remote)
    }

    #[cfg(test)]
    fn fixture(&self) -> ScimSyncStart {
        ScimSyncStart::Started(super::tests::RUN)
    }
}

/// `GET /scim/sync/{run_id}`, after waiting `after`.
#[derive(Debug, Clone, PartialEq)]
pub struct PollFetch {
    pub run: Uuid,
    pub after: Duration,
}

impl Ask for PollFetch {
    type Answer = AdminScimSyncRunOut;

    fn label(&self) -> &'static str {
        "SCIM run"
    }

    async fn ask(self, client: AdminClient) -> Result<AdminScimSyncRunOut, RemoteError> {
        tokio::time::sleep(self.after).await;
        client.scim_sync_run(self.run).await.map_err(remote)
    }

    #[cfg(test)]
    fn fixture(&self) -> AdminScimSyncRunOut {
        super::tests::finished_run(self.run)
    }
}

/// Whether a run has ended (its status will not change again).
pub fn finished(run: &AdminScimSyncRunOut) -> bool {
    matches!(run.status.as_str(), "SUCCESS" | "FAILED" | "SKIPPED")
}
