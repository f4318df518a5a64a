//! Vibe analytics: Vibe Work by user, agent and time; Vibe Code by workspace and for the
//! organization.

use time::OffsetDateTime;
use uuid::Uuid;

use super::error::ClientError;
use super::transport::{AdminClient, Call};
use crate::api::paths;
use crate::api::{
    VibeOrganizationStatsOut, VibeWorkByAgentStatsOut, VibeWorkByTimeStatsOut,
    VibeWorkByUserStatsOut, VibeWorkspaceStatsOut,
};

/// The window every analytics query covers: from `start` (included) to `end` (excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VibeWindow {
    pub start: OffsetDateTime,
    pub end: OffsetDateTime,
}

impl VibeWindow {
    /// The `days` days up to `end`.
    pub fn days_before(end: OffsetDateTime, days: i64) -> Self {
        Self {
            start: end - time::Duration::days(days),
            end,
        }
    }

    fn call(&self, path: &str) -> Call {
        Call::get(path, "Analytics")
            .query("start_time", self.start.unix_timestamp())
            .query("end_time", self.end.unix_timestamp())
    }
}

impl AdminClient {
    /// `GET /analytics/vibe/work/usage/by_user_stats`: only people with activity are listed.
    pub async fn vibe_work_by_user(
        &self,
        window: &VibeWindow,
    ) -> Result<VibeWorkByUserStatsOut, ClientError> {
        self.send(window.call(paths::VIBE_WORK_BY_USER)).await
    }

    /// `GET /analytics/vibe/work/usage/by_agent_stats`.
    pub async fn vibe_work_by_agent(
        &self,
        window: &VibeWindow,
    ) -> Result<VibeWorkByAgentStatsOut, ClientError> {
        self.send(window.call(paths::VIBE_WORK_BY_AGENT)).await
    }

    /// `GET /analytics/vibe/work/usage/by_time_stats`; `granularity` is `hour`, `day` (the
    /// server's default), `week` or `month`.
    pub async fn vibe_work_by_time(
        &self,
        window: &VibeWindow,
        granularity: Option<&str>,
    ) -> Result<VibeWorkByTimeStatsOut, ClientError> {
        let mut call = window.call(paths::VIBE_WORK_BY_TIME);
        if let Some(granularity) = granularity {
            call = call.query("granularity", granularity);
        }
        self.send(call).await
    }

    /// `GET /analytics/vibe/code/usage/by_workspace`: one workspace, or all of them.
    pub async fn vibe_code_by_workspace(
        &self,
        window: &VibeWindow,
        workspace: Option<Uuid>,
    ) -> Result<VibeWorkspaceStatsOut, ClientError> {
        let mut call = window.call(paths::VIBE_CODE_BY_WORKSPACE);
        if let Some(workspace) = workspace {
            call = call.query("workspace_id", workspace);
        }
        self.send(call).await
    }

    /// `GET /analytics/vibe/code/usage/by_organization`: next-edit suggestions.
    pub async fn vibe_code_by_organization(
        &self,
        window: &VibeWindow,
    ) -> Result<VibeOrganizationStatsOut, ClientError> {
        self.send(window.call(paths::VIBE_CODE_BY_ORGANIZATION))
            .await
    }
}
