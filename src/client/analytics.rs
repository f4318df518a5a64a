//! Vibe analytics: Vibe Work by user, agent and time; Vibe Code by workspace and for the
//! organization.

use time::OffsetDateTime;
use uuid::Uuid;

use super::error::ClientError;
use super::transport::{AdminClient, Call};
use crate::api::Operation;
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

    fn call(&self, operation: Operation) -> Call {
        Call::to(operation, &[], "Analytics")
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
        self.send(window.call(Operation::VibeWorkByUser)).await
    }

    /// `GET /analytics/vibe/work/usage/by_agent_stats`.
    pub async fn vibe_work_by_agent(
        &self,
        window: &VibeWindow,
    ) -> Result<VibeWorkByAgentStatsOut, ClientError> {
        self.send(window.call(Operation::VibeWorkByAgent)).await
    }

    /// `GET /analytics/vibe/work/usage/by_time_stats`; `granularity` is `hour`, `day` (the
    /// server's default), `week` or `month`.
    pub async fn vibe_work_by_time(
        &self,
        window: &VibeWindow,
        granularity: Option<&str>,
    ) -> Result<VibeWorkByTimeStatsOut, ClientError> {
        let call = window.call(Operation::VibeWorkByTime);
        self.send(call.query_some("granularity", granularity)).await
    }

    /// `GET /analytics/vibe/code/usage/by_workspace`: one workspace, or all of them.
    pub async fn vibe_code_by_workspace(
        &self,
        window: &VibeWindow,
        workspace: Option<Uuid>,
    ) -> Result<VibeWorkspaceStatsOut, ClientError> {
        let call = window.call(Operation::VibeCodeByWorkspace);
        self.send(call.query_some("workspace_id", workspace)).await
    }

    /// `GET /analytics/vibe/code/usage/by_organization`: next-edit suggestions.
    pub async fn vibe_code_by_organization(
        &self,
        window: &VibeWindow,
    ) -> Result<VibeOrganizationStatsOut, ClientError> {
        self.send(window.call(Operation::VibeCodeByOrganization))
            .await
    }
}
