//! The local server's simulated identity provider (`/x-local/scim`), the source a
//! `POST /scim/sync` reads. Each organization has one, empty unless seeded; its users and
//! groups are edited here the way an identity provider's admin would, and a sync then brings
//! the organization in line. Field names follow SCIM's (`userName`, `displayName`...). A real
//! server answers 404 under `/x-local`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A user of the identity provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalScimUserOut {
    pub id: Uuid,
    /// The address the user signs in with; a sync matches members by it.
    #[serde(rename = "userName")]
    pub user_name: String,
    #[serde(rename = "givenName")]
    pub given_name: Option<String>,
    #[serde(rename = "familyName")]
    pub family_name: Option<String>,
    /// An inactive user is deprovisioned by a sync that deprovisions.
    pub active: bool,
}

/// A group of the identity provider, with its members' ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalScimGroupOut {
    pub id: Uuid,
    #[serde(rename = "displayName")]
    pub display_name: String,
    pub members: Vec<Uuid>,
}

/// `GET /x-local/scim`: the whole provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalScimDirectoryOut {
    /// `false` makes every sync run fail as if the provider could not be reached.
    pub reachable: bool,
    pub users: Vec<LocalScimUserOut>,
    pub groups: Vec<LocalScimGroupOut>,
}

/// `PATCH /x-local/scim`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalScimProviderUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reachable: Option<bool>,
}

/// `POST /x-local/scim/users`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalScimUserIn {
    #[serde(rename = "userName")]
    pub user_name: String,
    #[serde(rename = "givenName", default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(
        rename = "familyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub family_name: Option<String>,
    #[serde(default = "active_default")]
    pub active: bool,
}

fn active_default() -> bool {
    true
}

/// `PATCH /x-local/scim/users/{id}`: absent fields stay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalScimUserUpdate {
    #[serde(rename = "userName", default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    #[serde(rename = "givenName", default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(
        rename = "familyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub family_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// `POST /x-local/scim/groups`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalScimGroupIn {
    #[serde(rename = "displayName")]
    pub display_name: String,
    #[serde(default)]
    pub members: Vec<Uuid>,
}

/// `PATCH /x-local/scim/groups/{id}`: absent fields stay; `members` is the full list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalScimGroupUpdate {
    #[serde(
        rename = "displayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<Uuid>>,
}
