//! Every path of the contract, mounted under both the current (`/v1/admin`) and the older
//! (`/api/admin`) prefix, plus `/v1/models`. Unknown paths answer 404 like FastAPI does.

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{delete, get, patch, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use super::auth::require_admin;
use super::error::ApiError;
use super::handlers::{
    analytics, extensions, groups, keys_billing_audit as misc, models, scim, usage, users,
    workspaces,
};
use super::read_only::refuse_changes;
use super::state::AppState;
use crate::api::paths;

fn admin_routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/users", get(users::list).post(users::create))
        .route(
            "/users/{user_id}",
            get(users::get).patch(users::update).delete(users::delete),
        )
        .route(
            "/users-invite",
            get(users::list_invites).post(users::invite),
        )
        .route("/users-invite/{invite_uuid}", delete(users::delete_invite))
        .route("/roles", get(misc::roles))
        .route(
            "/workspaces",
            get(workspaces::list).post(workspaces::create),
        )
        .route(
            "/workspaces/{workspace_uuid}",
            patch(workspaces::update).delete(workspaces::archive),
        )
        .route(
            "/workspaces/{workspace_uuid}/add-users",
            post(workspaces::add_users),
        )
        .route(
            "/workspaces/{workspace_uuid}/users",
            patch(workspaces::upsert_users),
        )
        .route(
            "/workspaces/{workspace_uuid}/remove-users",
            delete(workspaces::remove_users),
        )
        .route("/api-keys", get(misc::list_keys).post(misc::create_key))
        .route("/api-keys/{key_id}", delete(misc::delete_key))
        .route(
            "/spend-limit",
            get(misc::spend_limit).post(misc::set_spend_limit),
        )
        .route("/audit-logs", get(misc::audit_logs))
        .route("/usage", get(usage::usage))
        .route("/rate-limit", get(usage::rate_limits))
        .route("/scim/sync", post(scim::trigger))
        .route("/scim/sync/{run_id}", get(scim::run))
        .route(
            paths::EXT_SCIM,
            get(scim::directory).patch(scim::update_provider),
        )
        .route(paths::EXT_SCIM_USERS, post(scim::create_user))
        .route(
            "/x-local/scim/users/{user_id}",
            patch(scim::update_user).delete(scim::delete_user),
        )
        .route(paths::EXT_SCIM_GROUPS, post(scim::create_group))
        .route(
            "/x-local/scim/groups/{group_id}",
            patch(scim::update_group).delete(scim::delete_group),
        )
        .merge(group_routes())
        .merge(analytics_routes())
        .route(
            paths::EXT_ORGANIZATION,
            get(extensions::organization).patch(extensions::rename_organization),
        )
        .route(
            "/x-local/workspaces/{workspace_uuid}/settings",
            get(extensions::settings).patch(extensions::update_settings),
        )
        // Layers run outside in, the last added first: the key is checked before anything else.
        .route_layer(from_fn_with_state(state.clone(), refuse_changes))
        .route_layer(from_fn_with_state(state.clone(), require_admin))
}

fn analytics_routes() -> Router<AppState> {
    Router::new()
        .route(paths::VIBE_WORK_BY_USER, get(analytics::work_by_user))
        .route(paths::VIBE_WORK_BY_AGENT, get(analytics::work_by_agent))
        .route(paths::VIBE_WORK_BY_TIME, get(analytics::work_by_time))
        .route(
            paths::VIBE_CODE_BY_WORKSPACE,
            get(analytics::code_by_workspace),
        )
        .route(
            paths::VIBE_CODE_BY_ORGANIZATION,
            get(analytics::code_by_organization),
        )
}

fn group_routes() -> Router<AppState> {
    Router::new()
        .route("/user-groups", get(groups::list).post(groups::create))
        .route(
            "/user-groups/provision-workspace",
            post(groups::provision_workspace),
        )
        .route(
            "/user-groups/{group_uuid}",
            get(groups::get)
                .patch(groups::update)
                .delete(groups::delete),
        )
        .route(
            "/user-groups/{group_uuid}/members",
            get(groups::members)
                .post(groups::add_members)
                .delete(groups::remove_members),
        )
        .route(
            "/user-groups/{group_uuid}/workspaces",
            get(groups::workspaces).post(groups::assign_workspace),
        )
        .route(
            "/user-groups/{group_uuid}/workspaces/{workspace_uuid}",
            patch(groups::update_workspace).delete(groups::unassign_workspace),
        )
        .route(
            "/user-groups/{group_uuid}/organization-role",
            patch(groups::set_organization_role),
        )
        .route(
            "/user-groups/{group_uuid}/nested",
            get(groups::nested).patch(groups::set_nested),
        )
}

pub fn build(state: AppState) -> Router {
    let admin = admin_routes(&state);
    Router::new()
        .nest(paths::ADMIN_PREFIX, admin.clone())
        .nest(paths::LEGACY_ADMIN_PREFIX, admin)
        .route(paths::MODELS, get(models::list))
        .fallback(|| async { ApiError::not_found("Not Found") })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(TraceLayer::new_for_http())
        // A bug must still answer in the contract's error shape rather than drop the connection.
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(ApiError::internal("handler panicked"))
        }))
        .with_state(state)
}
