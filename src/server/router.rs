//! Every operation of the table in `api::operations`, mounted under both the current
//! (`/v1/admin`) and the older (`/api/admin`) prefix, plus `/v1/models`. Unknown paths answer
//! 404 like FastAPI does.

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{MethodFilter, MethodRouter, get, on};
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
use crate::api::{Operation, Verb};

/// The handler of one operation, on its method. The match is exhaustive, so an operation added
/// to the table does not compile until it has a handler.
fn endpoint(operation: Operation) -> MethodRouter<AppState> {
    use Operation as Op;
    let method = match operation.verb() {
        Verb::Get => MethodFilter::GET,
        Verb::Post => MethodFilter::POST,
        Verb::Patch => MethodFilter::PATCH,
        Verb::Delete => MethodFilter::DELETE,
    };
    match operation {
        Op::ListUsers => on(method, users::list),
        Op::CreateUsers => on(method, users::create),
        Op::GetUser => on(method, users::get),
        Op::UpdateUser => on(method, users::update),
        Op::DeleteUser => on(method, users::delete),
        Op::ListInvites => on(method, users::list_invites),
        Op::InviteUsers => on(method, users::invite),
        Op::DeleteInvite => on(method, users::delete_invite),
        Op::ListRoles => on(method, misc::roles),
        Op::ListWorkspaces => on(method, workspaces::list),
        Op::CreateWorkspace => on(method, workspaces::create),
        Op::UpdateWorkspace => on(method, workspaces::update),
        Op::ArchiveWorkspace => on(method, workspaces::archive),
        Op::AddWorkspaceMembers => on(method, workspaces::add_users),
        Op::UpsertWorkspaceMembers => on(method, workspaces::upsert_users),
        Op::RemoveWorkspaceMembers => on(method, workspaces::remove_users),
        Op::ListApiKeys => on(method, misc::list_keys),
        Op::CreateApiKey => on(method, misc::create_key),
        Op::DeleteApiKey => on(method, misc::delete_key),
        Op::GetSpendLimit => on(method, misc::spend_limit),
        Op::SetSpendLimit => on(method, misc::set_spend_limit),
        Op::ListAuditLogs => on(method, misc::audit_logs),
        Op::GetUsage => on(method, usage::usage),
        Op::GetRateLimits => on(method, usage::rate_limits),
        Op::ListGroups => on(method, groups::list),
        Op::CreateGroup => on(method, groups::create),
        Op::ProvisionGroupWorkspace => on(method, groups::provision_workspace),
        Op::GetGroup => on(method, groups::get),
        Op::UpdateGroup => on(method, groups::update),
        Op::DeleteGroup => on(method, groups::delete),
        Op::ListGroupMembers => on(method, groups::members),
        Op::AddGroupMembers => on(method, groups::add_members),
        Op::RemoveGroupMembers => on(method, groups::remove_members),
        Op::ListGroupWorkspaces => on(method, groups::workspaces),
        Op::AssignGroupWorkspace => on(method, groups::assign_workspace),
        Op::UpdateGroupWorkspace => on(method, groups::update_workspace),
        Op::UnassignGroupWorkspace => on(method, groups::unassign_workspace),
        Op::SetGroupOrganizationRole => on(method, groups::set_organization_role),
        Op::ListNestedGroups => on(method, groups::nested),
        Op::SetNestedGroups => on(method, groups::set_nested),
        Op::TriggerScimSync => on(method, scim::trigger),
        Op::GetScimSyncRun => on(method, scim::run),
        Op::VibeWorkByUser => on(method, analytics::work_by_user),
        Op::VibeWorkByAgent => on(method, analytics::work_by_agent),
        Op::VibeWorkByTime => on(method, analytics::work_by_time),
        Op::VibeCodeByWorkspace => on(method, analytics::code_by_workspace),
        Op::VibeCodeByOrganization => on(method, analytics::code_by_organization),
        Op::GetOrganization => on(method, extensions::organization),
        Op::RenameOrganization => on(method, extensions::rename_organization),
        Op::GetWorkspaceSettings => on(method, extensions::settings),
        Op::UpdateWorkspaceSettings => on(method, extensions::update_settings),
        Op::GetScimDirectory => on(method, scim::directory),
        Op::UpdateScimProvider => on(method, scim::update_provider),
        Op::CreateScimUser => on(method, scim::create_user),
        Op::UpdateScimUser => on(method, scim::update_user),
        Op::DeleteScimUser => on(method, scim::delete_user),
        Op::CreateScimGroup => on(method, scim::create_group),
        Op::UpdateScimGroup => on(method, scim::update_group),
        Op::DeleteScimGroup => on(method, scim::delete_group),
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
