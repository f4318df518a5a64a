//! Operations of Mistral's Admin API contract that this local server does not serve yet.
//!
//! Each answers 501 with a detail naming the operation, so a script rehearsed here learns at
//! once that the local server lacks it, rather than reading a bare 404 as "that group or run
//! does not exist". The list is also in docs/local-server.md (a test keeps the two equal);
//! an entry leaves both when its operation is served.

use axum::Router;
use axum::http::Method;
use axum::routing::{MethodFilter, on};

use super::error::ApiError;
use super::state::AppState;

/// A contract operation that the local server does not implement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnservedOperation {
    pub method: &'static str,
    /// The path after the admin prefix, with the contract's parameter names.
    pub path: &'static str,
    /// The contract's summary of the operation.
    pub summary: &'static str,
}

const fn op(method: &'static str, path: &'static str, summary: &'static str) -> UnservedOperation {
    UnservedOperation {
        method,
        path,
        summary,
    }
}

/// Every contract operation under the admin prefix that gets a 501, in the contract's order.
pub const UNSERVED: &[UnservedOperation] = &[
    op("GET", "/rate-limit", "Get Rate Limits"),
    op("GET", "/usage", "Get Usage"),
    op(
        "GET",
        "/analytics/vibe/work/usage/by_user_stats",
        "Usage by user",
    ),
    op(
        "GET",
        "/analytics/vibe/work/usage/by_agent_stats",
        "Usage by agent",
    ),
    op(
        "GET",
        "/analytics/vibe/work/usage/by_time_stats",
        "Usage over time",
    ),
    op(
        "GET",
        "/analytics/vibe/code/usage/by_workspace",
        "Usage by workspace",
    ),
    op(
        "GET",
        "/analytics/vibe/code/usage/by_organization",
        "Usage by organization",
    ),
    op("GET", "/user-groups", "Get User Groups"),
    op("POST", "/user-groups", "Create User Group"),
    op(
        "POST",
        "/user-groups/provision-workspace",
        "Provision Group To Workspace",
    ),
    op("GET", "/user-groups/{group_uuid}", "Get User Group"),
    op("PATCH", "/user-groups/{group_uuid}", "Update User Group"),
    op("DELETE", "/user-groups/{group_uuid}", "Delete User Group"),
    op(
        "GET",
        "/user-groups/{group_uuid}/members",
        "Get User Group Members",
    ),
    op(
        "POST",
        "/user-groups/{group_uuid}/members",
        "Assign Users To Group",
    ),
    op(
        "DELETE",
        "/user-groups/{group_uuid}/members",
        "Remove Users From Group",
    ),
    op(
        "GET",
        "/user-groups/{group_uuid}/workspaces",
        "Get Group Workspace Assignments",
    ),
    op(
        "POST",
        "/user-groups/{group_uuid}/workspaces",
        "Assign Group To Workspace",
    ),
    op(
        "PATCH",
        "/user-groups/{group_uuid}/workspaces/{workspace_uuid}",
        "Update Group Workspace Assignment",
    ),
    op(
        "DELETE",
        "/user-groups/{group_uuid}/workspaces/{workspace_uuid}",
        "Remove Group From Workspace",
    ),
    op(
        "PATCH",
        "/user-groups/{group_uuid}/organization-role",
        "Update User Group Organization Role",
    ),
    op(
        "GET",
        "/user-groups/{group_uuid}/nested",
        "Get Nested Groups Admin",
    ),
    op(
        "PATCH",
        "/user-groups/{group_uuid}/nested",
        "Set Nested Groups Admin",
    ),
    op("POST", "/scim/sync", "Trigger Scim Sync"),
    op("GET", "/scim/sync/{run_id}", "Get Scim Sync Run"),
];

impl UnservedOperation {
    /// What the 501 says.
    pub fn detail(&self) -> String {
        format!(
            "Not Implemented: {} {} ({}) is part of Mistral's Admin API, but this local server \
             does not serve it yet (see docs/local-server.md)",
            self.method, self.path, self.summary
        )
    }

    fn filter(&self) -> MethodFilter {
        let method = Method::from_bytes(self.method.as_bytes()).unwrap_or(Method::GET);
        MethodFilter::try_from(method).unwrap_or(MethodFilter::GET)
    }
}

/// `router` with a 501 route for every unserved operation (mounted with the admin routes, so
/// a caller without a valid key still gets the 401 first).
pub fn mount(mut router: Router<AppState>) -> Router<AppState> {
    for operation in UNSERVED {
        let detail = operation.detail();
        router = router.route(
            operation.path,
            on(operation.filter(), move || {
                let detail = detail.clone();
                async move { ApiError::NotImplemented(detail) }
            }),
        );
    }
    router
}
