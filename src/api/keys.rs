//! Workspace API keys as the Admin API manages them.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::datetime::{date_opt, timestamp_opt};

/// `APIKeyProduct`.
pub const API_KEY_PRODUCTS: [&str; 3] = ["API", "Mistral Code", "Vibe"];

/// Whether the viewer may perform one action on a key (`ActionAvailable` /
/// `ActionUnavailable[...]`), told apart by `status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum KeyAction {
    Available,
    Unavailable {
        #[serde(default)]
        reason: Option<String>,
    },
}

/// `APIKeyActions`: an absent action means unavailable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyActions {
    #[serde(default)]
    pub rotate: Option<KeyAction>,
    #[serde(default)]
    pub delete: Option<KeyAction>,
}

/// A key in the organization's list (`APIKeyExtendedOUT`): the key as creation returns it
/// (its plaintext always `null` here), then where it lives and who made it. It reads as the
/// key it extends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyExtendedOut {
    #[serde(flatten)]
    pub api_key: ApiKeyOut,
    pub workspace_id: Option<Uuid>,
    pub workspace_name: Option<String>,
    pub created_by: Option<String>,
    pub product: Option<String>,
    #[serde(with = "date_opt")]
    pub last_used: Option<Date>,
    pub can_delete: Option<bool>,
}

impl std::ops::Deref for ApiKeyExtendedOut {
    type Target = ApiKeyOut;

    fn deref(&self) -> &ApiKeyOut {
        &self.api_key
    }
}

/// `GET /api-keys` response (`APIKeysExtendedOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeysExtendedOut {
    pub keys: Vec<ApiKeyExtendedOut>,
}

/// `POST /api-keys` response (`APIKeyOUT`): the only place the plaintext `key` appears.
/// Its `Debug` hides the plaintext.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyOut {
    pub key_id: Uuid,
    pub key: Option<String>,
    pub name: Option<String>,
    pub hidden_key: String,
    #[serde(with = "timestamp_opt")]
    pub created_at: Option<OffsetDateTime>,
    #[serde(with = "date_opt")]
    pub expiration_date: Option<Date>,
    pub actions: ApiKeyActions,
}

impl std::fmt::Debug for ApiKeyOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKeyOut")
            .field("key_id", &self.key_id)
            .field("key", &self.key.as_ref().map(|_| "<redacted>"))
            .field("name", &self.name)
            .field("hidden_key", &self.hidden_key)
            .field("created_at", &self.created_at)
            .field("expiration_date", &self.expiration_date)
            .field("actions", &self.actions)
            .finish()
    }
}

/// `POST /api-keys` body (`AdminCreateAPIKeyIN`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminCreateApiKeyIn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, with = "date_opt", skip_serializing_if = "Option::is_none")]
    pub expiration: Option<Date>,
    pub workspace_uuid: Uuid,
    pub user_id: Uuid,
}

/// `DELETE /api-keys/{key_id}` response (`DeleteAPIKeyOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteApiKeyOut {
    pub detail: String,
}
