//! Every operation of the table in `api::operations`, mounted under both the current
//! (`/v1/admin`) and the older (`/api/admin`) prefix, plus `/v1/models`. Unknown paths answer
//! 404 like FastAPI does.

use axum::middleware::from_fn_with_state;
use axum::routing::{MethodFilter, MethodRouter, get, on};
use axum::{Json, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use super::auth::require_admin;
use super::error::ApiError;
use super::handlers::{
    analytics, extensions, groups, keys_billing_audit as misc, models, plain, scim, usage, users,
    workspaces,
};
use super::ops;
use super::read_only::refuse_changes;
use super::state::AppState;
use crate::api::paths;
use crate::api::{Operation, Verb};
use crate::domain::secret_like::redact_secrets;
use plain::{created, no_content};

/// The handler of one operation, on its method. The match is exhaustive, so an operation added
/// to the table does not compile until it has a handler. An operation whose glue is only its
/// path id and body gets a handler made from it by `plain`; the others have their own.
fn endpoint(operation: Operation) -> MethodRouter<AppState> {
    let method = match operation.verb() {
        Verb::Get => MethodFilter::GET,
        Verb::Post => MethodFilter::POST,
        Verb::Patch => MethodFilter::PATCH,
        Verb::Delete => MethodFilter::DELETE,
    };
    match operation {
        Operation::ListUsers => on(method, users::list),
        Operation::CreateUsers => on(method, users::create),
        Operation::GetUser => plain::read_id(method, ops::users::get_user),
        Operation::UpdateUser => plain::write_id_body(method, Json, ops::users::update),
        Operation::DeleteUser => plain::write_id(method, Json, ops::users::delete),
        Operation::ListInvites => on(method, users::list_invites),
        Operation::InviteUsers => plain::write_body(method, Json, ops::invites::invite),
        Operation::DeleteInvite => plain::write_id(method, Json, ops::invites::delete),
        Operation::ListRoles => on(method, misc::roles),
        Operation::ListWorkspaces => on(method, workspaces::list),
        Operation::CreateWorkspace => plain::write_body(method, Json, ops::workspaces::create),
        Operation::UpdateWorkspace => plain::write_id_body(method, Json, ops::workspaces::update),
        Operation::ArchiveWorkspace => {
            plain::write_id(method, no_content, ops::workspaces::archive)
        }
        Operation::AddWorkspaceMembers => plain::write_id_body(method, Json, ops::members::add),
        Operation::UpsertWorkspaceMembers => {
            plain::write_id_body(method, Json, ops::members::upsert)
        }
        Operation::RemoveWorkspaceMembers => {
            plain::write_id_body(method, Json, ops::members::remove)
        }
        Operation::ListApiKeys => on(method, misc::list_keys),
        Operation::CreateApiKey => plain::write_body(method, Json, ops::api_keys::create),
        Operation::DeleteApiKey => plain::write_id(method, Json, ops::api_keys::delete),
        Operation::GetSpendLimit => on(method, misc::spend_limit),
        Operation::SetSpendLimit => plain::write_body(method, Json, ops::billing::set_limit),
        Operation::ListAuditLogs => on(method, misc::audit_logs),
        Operation::GetUsage => on(method, usage::usage),
        Operation::GetRateLimits => plain::read_org(method, ops::usage::rate_limits),
        Operation::ListGroups => on(method, groups::list),
        Operation::CreateGroup => plain::write_body(method, Json, ops::groups::create),
        Operation::ProvisionGroupWorkspace => {
            plain::write_body(method, no_content, ops::group_workspaces::provision)
        }
        Operation::GetGroup => plain::read_id(method, ops::groups::get),
        Operation::UpdateGroup => plain::write_id_body(method, Json, ops::groups::update),
        Operation::DeleteGroup => plain::write_id(method, no_content, ops::groups::delete),
        Operation::ListGroupMembers => on(method, groups::members),
        Operation::AddGroupMembers => {
            plain::write_id_body(method, no_content, ops::group_members::add)
        }
        Operation::RemoveGroupMembers => {
            plain::write_id_body(method, no_content, ops::group_members::remove)
        }
        Operation::ListGroupWorkspaces => on(method, groups::workspaces),
        Operation::AssignGroupWorkspace => on(method, groups::assign_workspace),
        Operation::UpdateGroupWorkspace => on(method, groups::update_workspace),
        Operation::UnassignGroupWorkspace => on(method, groups::unassign_workspace),
        Operation::SetGroupOrganizationRole => {
            plain::write_id_body(method, no_content, ops::groups::set_organization_role)
        }
        Operation::ListNestedGroups => plain::read_id(method, ops::group_nesting::nested),
        Operation::SetNestedGroups => on(method, groups::set_nested),
        Operation::TriggerScimSync => on(method, scim::trigger),
        // A read that may move the run along, hence a write transaction.
        Operation::GetScimSyncRun => plain::write_id(method, Json, ops::scim_sync::get),
        Operation::VibeWorkByUser => on(method, analytics::work_by_user),
        Operation::VibeWorkByAgent => on(method, analytics::work_by_agent),
        Operation::VibeWorkByTime => on(method, analytics::work_by_time),
        Operation::VibeCodeByWorkspace => on(method, analytics::code_by_workspace),
        Operation::VibeCodeByOrganization => on(method, analytics::code_by_organization),
        Operation::GetOrganization => plain::read_org(method, ops::organizations::get),
        Operation::RenameOrganization => on(method, extensions::rename_organization),
        Operation::GetWorkspaceSettings => plain::read_id(method, ops::workspaces::settings),
        Operation::UpdateWorkspaceSettings => {
            plain::write_id_body(method, Json, ops::workspaces::update_settings)
        }
        Operation::GetScimDirectory => plain::read_org(method, ops::scim_directory::directory),
        Operation::UpdateScimProvider => on(method, scim::update_provider),
        Operation::CreateScimUser => {
            plain::write_body(method, created, ops::scim_directory::create_user)
        }
        Operation::UpdateScimUser => {
            plain::write_id_body(method, Json, ops::scim_directory::update_user)
        }
        Operation::DeleteScimUser => {
            plain::write_id(method, no_content, ops::scim_directory::delete_user)
        }
        Operation::CreateScimGroup => {
            plain::write_body(method, created, ops::scim_directory::create_group)
        }
        Operation::UpdateScimGroup => {
            plain::write_id_body(method, Json, ops::scim_directory::update_group)
        }
        Operation::DeleteScimGroup => {
            plain::write_id(method, no_content, ops::scim_directory::delete_group)
        }
    }
}

fn admin_routes(state: &AppState) -> Router<AppState> {
    // Operations that share a template share its route: axum merges their methods.
    Operation::ALL
        .iter()
        .fold(Router::new(), |router, &operation| {
            router.route(operation.template(), endpoint(operation))
        })
        // Layers run outside in, the last added first: the key is checked before anything else.
        .route_layer(from_fn_with_state(state.clone(), refuse_changes))
        .route_layer(from_fn_with_state(state.clone(), require_admin))
}

/// The span a request is logged under: its method and its URI with anything that looks like a
/// key hidden. The Admin API takes keys in headers only, but a key pasted into a query string
/// (`?api_key=…`) must not reach the log either.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let uri = redact_secrets(&request.uri().to_string());
    tracing::debug_span!("request", method = %request.method(), uri = %uri)
}

pub fn build(state: AppState) -> Router {
    let admin = admin_routes(&state);
    Router::new()
        .nest(paths::ADMIN_PREFIX, admin.clone())
        .nest(paths::LEGACY_ADMIN_PREFIX, admin)
        .route(paths::MODELS, get(models::list))
        .fallback(|| async { ApiError::not_found("Not Found") })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        // A bug must still answer in the contract's error shape rather than drop the connection.
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(ApiError::internal("handler panicked"))
        }))
        .with_state(state)
}
