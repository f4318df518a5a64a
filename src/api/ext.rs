//! The local server's extensions: settings the contract has no endpoint for.
//!
//! The Mistral console lets admins rename the organization and set, per workspace, whether
//! members may create API keys and a monthly spending cap. The Admin API cannot read or write
//! these, so the local server offers them under `/x-local/...` (see `paths`). A real server
//! answers 404 there, and the client reports the extension as unavailable.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::datetime::timestamp;

/// `GET /x-local/organization`: who the admin key belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalOrganizationOut {
    pub uuid: Uuid,
    pub name: String,
    /// The organization's plan as the console names it, e.g. "Enterprise".
    pub plan: String,
    pub currency: String,
    #[serde(with = "timestamp")]
    pub created_at: OffsetDateTime,
}

/// `PATCH /x-local/organization`: rename.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalOrganizationUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// `GET /x-local/workspaces/{uuid}/settings`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceSettingsOut {
    pub workspace_uuid: Uuid,
    /// Whether members (not only admins) may create API keys in this workspace.
    pub members_can_create_api_keys: bool,
    /// Monthly spending cap in whole currency units; `null` means no cap of its own.
    pub monthly_spend_cap: Option<i64>,
    pub currency: String,
    /// The organization's monthly limit, the highest cap allowed; `null` when it has none.
    pub organization_monthly_limit: Option<i64>,
}

/// `PATCH /x-local/workspaces/{uuid}/settings`: absent fields stay; a `null` cap removes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceSettingsUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_can_create_api_keys: Option<bool>,
    #[serde(
        default,
        deserialize_with = "super::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    pub monthly_spend_cap: Option<Option<i64>>,
}
