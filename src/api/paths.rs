//! Where each operation lives. Admin paths are relative to a base such as
//! `https://api.mistral.ai/v1/admin`; the local server mounts them under both prefixes.

use uuid::Uuid;

/// The current prefix of the Admin API.
pub const ADMIN_PREFIX: &str = "/v1/admin";
/// The older prefix, documented until mid 2026; paths after it are identical.
pub const LEGACY_ADMIN_PREFIX: &str = "/api/admin";
/// The inference-side model list, authenticated by a workspace API key.
pub const MODELS: &str = "/v1/models";

pub const DEFAULT_BASE_URL: &str = "https://api.mistral.ai/v1/admin";
pub const LEGACY_BASE_URL: &str = "https://console.mistral.ai/api/admin";

pub const USERS: &str = "/users";
pub const USERS_INVITE: &str = "/users-invite";
pub const ROLES: &str = "/roles";
pub const WORKSPACES: &str = "/workspaces";
pub const API_KEYS: &str = "/api-keys";
pub const SPEND_LIMIT: &str = "/spend-limit";
pub const AUDIT_LOGS: &str = "/audit-logs";
pub const USER_GROUPS: &str = "/user-groups";
pub const PROVISION_GROUP_WORKSPACE: &str = "/user-groups/provision-workspace";
pub const RATE_LIMIT: &str = "/rate-limit";
pub const USAGE: &str = "/usage";
pub const SCIM_SYNC: &str = "/scim/sync";
pub const VIBE_WORK_BY_USER: &str = "/analytics/vibe/work/usage/by_user_stats";
pub const VIBE_WORK_BY_AGENT: &str = "/analytics/vibe/work/usage/by_agent_stats";
pub const VIBE_WORK_BY_TIME: &str = "/analytics/vibe/work/usage/by_time_stats";
pub const VIBE_CODE_BY_WORKSPACE: &str = "/analytics/vibe/code/usage/by_workspace";
pub const VIBE_CODE_BY_ORGANIZATION: &str = "/analytics/vibe/code/usage/by_organization";

pub fn user(user_id: Uuid) -> String {
    format!("/users/{user_id}")
}

pub fn invite(invite_uuid: Uuid) -> String {
    format!("/users-invite/{invite_uuid}")
}

pub fn workspace(workspace_uuid: Uuid) -> String {
    format!("/workspaces/{workspace_uuid}")
}

pub fn workspace_add_users(workspace_uuid: Uuid) -> String {
    format!("/workspaces/{workspace_uuid}/add-users")
}

pub fn workspace_users(workspace_uuid: Uuid) -> String {
    format!("/workspaces/{workspace_uuid}/users")
}

pub fn workspace_remove_users(workspace_uuid: Uuid) -> String {
    format!("/workspaces/{workspace_uuid}/remove-users")
}

pub fn api_key(key_id: Uuid) -> String {
    format!("/api-keys/{key_id}")
}

pub fn user_group(group_uuid: Uuid) -> String {
    format!("/user-groups/{group_uuid}")
}

pub fn user_group_members(group_uuid: Uuid) -> String {
    format!("/user-groups/{group_uuid}/members")
}

pub fn user_group_workspaces(group_uuid: Uuid) -> String {
    format!("/user-groups/{group_uuid}/workspaces")
}

pub fn user_group_workspace(group_uuid: Uuid, workspace_uuid: Uuid) -> String {
    format!("/user-groups/{group_uuid}/workspaces/{workspace_uuid}")
}

pub fn user_group_organization_role(group_uuid: Uuid) -> String {
    format!("/user-groups/{group_uuid}/organization-role")
}

pub fn user_group_nested(group_uuid: Uuid) -> String {
    format!("/user-groups/{group_uuid}/nested")
}

pub fn scim_sync_run(run_id: Uuid) -> String {
    format!("/scim/sync/{run_id}")
}

/// The local server's own extensions live under this segment, apart from the contract's paths,
/// so that nobody mistakes them for part of Mistral's API. A real server answers 404 there.
pub const EXTENSION_SEGMENT: &str = "/x-local";
pub const EXT_ORGANIZATION: &str = "/x-local/organization";

/// The simulated identity provider that `POST /scim/sync` reads from.
pub const EXT_SCIM: &str = "/x-local/scim";
pub const EXT_SCIM_USERS: &str = "/x-local/scim/users";
pub const EXT_SCIM_GROUPS: &str = "/x-local/scim/groups";

pub fn ext_scim_user(id: Uuid) -> String {
    format!("/x-local/scim/users/{id}")
}

pub fn ext_scim_group(id: Uuid) -> String {
    format!("/x-local/scim/groups/{id}")
}

pub fn ext_workspace_settings(workspace_uuid: Uuid) -> String {
    format!("/x-local/workspaces/{workspace_uuid}/settings")
}

/// The URL of `GET /v1/models` on the same host as an admin base URL.
pub fn models_url_for(admin_base_url: &str) -> String {
    let trimmed = admin_base_url.trim_end_matches('/');
    let host = trimmed
        .strip_suffix(ADMIN_PREFIX)
        .or_else(|| trimmed.strip_suffix(LEGACY_ADMIN_PREFIX))
        .unwrap_or(trimmed);
    format!("{host}{MODELS}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_live_beside_the_admin_prefix() {
        assert_eq!(
            models_url_for("http://127.0.0.1:8787/v1/admin"),
            "http://127.0.0.1:8787/v1/models"
        );
        assert_eq!(models_url_for("http://h/api/admin/"), "http://h/v1/models");
    }
}
