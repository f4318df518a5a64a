//! Every path of the contract, mounted under both the current (`/v1/admin`) and the older
//! (`/api/admin`) prefix, plus `/v1/models`. Contract operations the server does not serve
//! answer 501 (see `unserved`); unknown paths answer 404 like FastAPI does.

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{delete, get, patch, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use super::auth::require_admin;
use super::error::ApiError;
use super::handlers::{extensions, keys_billing_audit as misc, models, users, workspaces};
use super::read_only::refuse_changes;
use super::state::AppState;
use super::unserved;
use crate::api::paths;

fn admin_routes(state: &AppState) -> Router<AppState> {
    let served = Router::new()
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
        .route(
            paths::EXT_ORGANIZATION,
            get(extensions::organization).patch(extensions::rename_organization),
        )
        .route(
            "/x-local/workspaces/{workspace_uuid}/settings",
            get(extensions::settings).patch(extensions::update_settings),
        );
    unserved::mount(served)
        // Layers run outside in, the last added first: the key is checked before anything else.
        .route_layer(from_fn_with_state(state.clone(), refuse_changes))
        .route_layer(from_fn_with_state(state.clone(), require_admin))
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
