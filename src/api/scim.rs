//! On-demand SCIM synchronization: starting a run (`POST /scim/sync`), and following it
//! (`GET /scim/sync/{run_id}`) through its states to a preview or result summary.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::datetime::{timestamp, timestamp_opt};

/// `ScimSyncRunStatus`, in lifecycle order; the last three are final.
pub const SCIM_RUN_STATUSES: [&str; 5] = ["PENDING", "RUNNING", "SUCCESS", "SKIPPED", "FAILED"];

/// Whether a run in this status has ended.
pub fn scim_run_finished(status: &str) -> bool {
    matches!(status, "SUCCESS" | "SKIPPED" | "FAILED")
}

/// What a run synchronizes (`AdminScimSyncConfig`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminScimSyncConfig {
    #[serde(default)]
    pub delete_missing_groups: bool,
    #[serde(default)]
    pub deprovision_users: bool,
    pub sync_users: bool,
    pub sync_groups: bool,
    pub sync_memberships: bool,
}

impl AdminScimSyncConfig {
    /// Everything, removals included.
    pub fn everything() -> Self {
        Self {
            delete_missing_groups: true,
            deprovision_users: true,
            sync_users: true,
            sync_groups: true,
            sync_memberships: true,
        }
    }
}

/// `POST /scim/sync` body (`AdminScimSyncTriggerIN`). `sync_config` is required for a real
/// run and ignored by a dry run, which previews everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminScimSyncTriggerIn {
    #[serde(default = "dry_run_default")]
    pub dry_run: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_config: Option<AdminScimSyncConfig>,
}

fn dry_run_default() -> bool {
    true
}

/// `POST /scim/sync` 202 reply (`AdminScimSyncTriggerOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminScimSyncTriggerOut {
    pub run_id: Uuid,
}

/// `POST /scim/sync` 409 reply while another run is active (`AdminScimSyncActiveRunOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminScimSyncActiveRunOut {
    pub run_id: Uuid,
    pub status: String,
}

/// A user in a summary (`ScimSyncUserRefOut`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncUserRefOut {
    pub uuid: String,
    #[serde(rename = "userName")]
    pub user_name: String,
}

/// A group in a summary (`ScimSyncGroupRefOut`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncGroupRefOut {
    pub uuid: String,
    #[serde(rename = "groupName")]
    pub group_name: String,
}

/// `ScimSyncUserActionOut`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncUserActionOut {
    pub user: ScimSyncUserRefOut,
}

/// `ScimSyncGroupActionOut`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncGroupActionOut {
    pub group: ScimSyncGroupRefOut,
}

/// `ScimSyncGroupUpdateActionOut`: a rename.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncGroupUpdateActionOut {
    pub group: ScimSyncGroupRefOut,
    #[serde(rename = "previous_groupName")]
    pub previous_group_name: String,
}

/// `ScimSyncUsersSummaryOut`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncUsersSummaryOut {
    pub provision: Vec<ScimSyncUserActionOut>,
    pub deprovision: Vec<ScimSyncUserActionOut>,
}

/// `ScimSyncGroupsSummaryOut`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncGroupsSummaryOut {
    pub create: Vec<ScimSyncGroupActionOut>,
    pub update: Vec<ScimSyncGroupUpdateActionOut>,
    pub delete: Vec<ScimSyncGroupActionOut>,
}

/// `ScimSyncMembershipActionOut`: one group's membership changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncMembershipActionOut {
    pub group: ScimSyncGroupRefOut,
    pub users_added: Vec<ScimSyncUserRefOut>,
    pub users_removed: Vec<ScimSyncUserRefOut>,
}

/// `ScimSyncSummaryOut`: what a dry run would do, or what a real run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimSyncSummaryOut {
    pub users: ScimSyncUsersSummaryOut,
    pub groups: ScimSyncGroupsSummaryOut,
    pub memberships: Vec<ScimSyncMembershipActionOut>,
}

impl ScimSyncSummaryOut {
    /// Whether there is nothing to do (or nothing was done).
    pub fn is_empty(&self) -> bool {
        self.users.provision.is_empty()
            && self.users.deprovision.is_empty()
            && self.groups.create.is_empty()
            && self.groups.update.is_empty()
            && self.groups.delete.is_empty()
            && self.memberships.is_empty()
    }
}

/// `GET /scim/sync/{run_id}` (`AdminScimSyncRunOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminScimSyncRunOut {
    pub run_id: Uuid,
    /// One of [`SCIM_RUN_STATUSES`].
    pub status: String,
    pub dry_run: bool,
    pub sync_config: Option<AdminScimSyncConfig>,
    #[serde(with = "timestamp")]
    pub created_at: OffsetDateTime,
    #[serde(with = "timestamp_opt")]
    pub started_at: Option<OffsetDateTime>,
    #[serde(with = "timestamp_opt")]
    pub finished_at: Option<OffsetDateTime>,
    pub summary: Option<ScimSyncSummaryOut>,
    pub error_message: Option<String>,
}
