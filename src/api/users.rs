//! Organization members, bulk creation, member updates and invitations.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use super::datetime::timestamp;
use super::role_fields::role_body;
use super::workspaces::MemberWorkspaceInfo;

/// A product seat (`PlanType`).
pub type PlanType = String;
pub const PLAN_TYPES: [&str; 5] = ["API", "CHAT", "ON_PREMISE", "LICENSE", "MISTRAL_CODE"];
/// Seats a member update may set.
pub const MEMBER_SEAT_TYPES: [&str; 2] = ["CHAT", "MISTRAL_CODE"];

/// A member of the organization as `GET /users` lists it (`AdminOrganizationMemberOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminOrganizationMemberOut {
    pub uuid: Uuid,
    pub oid_id: Option<Uuid>,
    pub name: Option<String>,
    pub email: Option<String>,
    #[serde(default)]
    pub is_sso_outsider: Option<bool>,
    #[serde(default)]
    pub workspaces: Option<Vec<MemberWorkspaceInfo>>,
    #[serde(default)]
    pub subscriptions: Vec<MemberSubscriptionOut>,
    /// Role values: legacy codes or role UUIDs; resolve them through `GET /roles`.
    pub raw_roles: Vec<String>,
    /// Deprecated: the member's principal role.
    pub raw_role: String,
    #[serde(default)]
    pub subscription_types: Option<Vec<String>>,
    #[serde(with = "timestamp")]
    pub created_at: OffsetDateTime,
}

/// One member in detail (`AdminUserOUT`): the list entry plus first and last name, which
/// follow the entry's fields in the JSON object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminUserOut {
    #[serde(flatten)]
    pub member: AdminOrganizationMemberOut,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

/// A seat assigned to a member (`MemberSubscriptionOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberSubscriptionOut {
    #[serde(rename = "type")]
    pub kind: PlanType,
    #[serde(default)]
    pub plan: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub self_service: Option<bool>,
    #[serde(default)]
    pub member_has_access: Option<bool>,
}

/// One page of `GET /users`: members, then pending invitations (`OrganizationAdminUsersOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationAdminUsersOut {
    pub members: Vec<AdminOrganizationMemberOut>,
    pub invites: Vec<OrganizationInviteOut>,
    pub total: Option<i64>,
    pub page: Option<i64>,
    pub page_size: Option<i64>,
}

role_body! {
    org;
    /// One entry of the `POST /users` body (`OrganizationMemberCreate`).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct OrganizationMemberCreate {
        pub email: String,
        pub first_name: String,
        pub last_name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub subscription_types: Option<Vec<PlanType>>,
    }
}

/// `POST /users` response (`OrganizationUsersCreateOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationUsersCreateOut {
    pub invalid_emails: Vec<String>,
    pub email_to_user_id: BTreeMap<String, String>,
}

role_body! {
    org;
    /// `PATCH /users/{user_id}` body (`AdminOrganizationMemberUpdate`).
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct AdminOrganizationMemberUpdate {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub subscription_types: Option<Vec<String>>,
    }
}

/// `DELETE /users/{id}` and `DELETE /users-invite/{id}` response (`DeleteOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteOut {
    pub message: String,
}

role_body! {
    org;
    /// `POST /users-invite` body (`OrganizationInviteIN`).
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct OrganizationInviteIn {
        /// One address, or several separated by commas or newlines.
        pub email: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub subscription_type: Option<PlanType>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub subscription_types: Option<Vec<PlanType>>,
        #[serde(default)]
        pub subscription_seat_automatic_granting: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub email_language: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub workspace_uuids: Option<Vec<Uuid>>,
    }
}

pub const EMAIL_LANGUAGES: [&str; 9] = ["en", "fr", "es", "de", "it", "pt_br", "pl", "ar", "nl"];

/// A pending invitation inside `GET /users` (`OrganizationInviteOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationInviteOut {
    pub uuid: Uuid,
    pub raw_roles: Vec<String>,
    pub raw_role: String,
    pub email: String,
    pub expired: bool,
    #[serde(with = "timestamp")]
    pub created_at: OffsetDateTime,
    #[serde(default)]
    pub workspace_uuids: Vec<Uuid>,
}

/// `POST /users-invite` response (`OrganizationInvitesCreateOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationInvitesCreateOut {
    pub invalid_emails: Vec<String>,
    pub already_members: Vec<String>,
    #[serde(default)]
    pub invited_members_count: Option<i64>,
}

/// An entry of `GET /users-invite` (`OrganizationUserInviteOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationUserInviteOut {
    pub invite_uuid: Uuid,
    pub email: Option<String>,
    pub roles: Vec<String>,
    pub role: String,
}
