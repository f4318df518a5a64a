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
use plain::{created, no_content};

/// The handler of one operation, on its method. The match is exhaustive, so an operation added
/// to the table does not compile until it has a handler. An operation whose glue is only its
/// path id and body gets a handler made from it by `plain`; the others have their own.
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
        Op::GetUser => plain::read_id(method, ops::users::get_user),
        Op::UpdateUser => plain::write_id_body(method, Json, ops::users::update),
        Op::DeleteUser => plain::write_id(method, Json, ops::users::delete),
        Op::ListInvites => on(method, users::list_invites),
        Op::InviteUsers => plain::write_body(method, Json, ops::invites::invite),
        Op::DeleteInvite => plain::write_id(method, Json, ops::invites::delete),
        Op::ListRoles => on(method, misc::roles),
        Op::ListWorkspaces => on(method, workspaces::list),
        Op::CreateWorkspace => plain::write_body(method, Json, ops::workspaces::create),
        Op::UpdateWorkspace => plain::write_id_body(method, Json, ops::workspaces::update),
        Op::ArchiveWorkspace => plain::write_id(method, no_content, ops::workspaces::archive),
        Op::AddWorkspaceMembers => plain::write_id_body(method, Json, ops::members::add),
        Op::UpsertWorkspaceMembers => plain::write_id_body(method, Json, ops::members::upsert),
        Op::RemoveWorkspaceMembers => plain::write_id_body(method, Json, ops::members::remove),
        Op::ListApiKeys => on(method, misc::list_keys),
        Op::CreateApiKey => plain::write_body(method, Json, ops::api_keys::create),
        Op::DeleteApiKey => plain::write_id(method, Json, ops::api_keys::delete),
        Op::GetSpendLimit => on(method, misc::spend_limit),
        Op::SetSpendLimit => plain::write_body(method, Json, ops::billing::set_limit),
        Op::ListAuditLogs => on(method, misc::audit_logs),
        Op::GetUsage => on(method, usage::usage),
        Op::GetRateLimits => plain::read_org(method, ops::usage::rate_limits),
        Op::ListGroups => on(method, groups::list),
        Op::CreateGroup => plain::write_body(method, Json, ops::groups::create),
        Op::ProvisionGroupWorkspace => {
            plain::write_body(method, no_content, ops::group_workspaces::provision)
        }
        Op::GetGroup => plain::read_id(method, ops::groups::get),
        Op::UpdateGroup => plain::write_id_body(method, Json, ops::groups::update),
        Op::DeleteGroup => plain::write_id(method, no_content, ops::groups::delete),
        Op::ListGroupMembers => on(method, groups::members),
        Op::AddGroupMembers => plain::write_id_body(method, no_content, ops::group_members::add),
        Op::RemoveGroupMembers => {
            plain::write_id_body(method, no_content, ops::group_members::remove)
        }
        Op::ListGroupWorkspaces => on(method, groups::workspaces),
        Op::AssignGroupWorkspace => on(method, groups::assign_workspace),
        Op::UpdateGroupWorkspace => on(method, groups::update_workspace),
        Op::UnassignGroupWorkspace => on(method, groups::unassign_workspace),
        Op::SetGroupOrganizationRole => {
            plain::write_id_body(method, no_content, ops::groups::set_organization_role)
        }
        Op::ListNestedGroups => plain::read_id(method, ops::group_nesting::nested),
        Op::SetNestedGroups => on(method, groups::set_nested),
        Op::TriggerScimSync => on(method, scim::trigger),
        // A read that may move the run along, hence a write transaction.
        Op::GetScimSyncRun => plain::write_id(method, Json, ops::scim_sync::get),
        Op::VibeWorkByUser => on(method, analytics::work_by_user),
        Op::VibeWorkByAgent => on(method, analytics::work_by_agent),
        Op::VibeWorkByTime => on(method, analytics::work_by_time),
        Op::VibeCodeByWorkspace => on(method, analytics::code_by_workspace),
        Op::VibeCodeByOrganization => on(method, analytics::code_by_organization),
        Op::GetOrganization => plain::read_org(method, ops::organizations::get),
        Op::RenameOrganization => on(method, extensions::rename_organization),
        Op::GetWorkspaceSettings => plain::read_id(method, ops::workspaces::settings),
        Op::UpdateWorkspaceSettings => {
            plain::write_id_body(method, Json, ops::workspaces::update_settings)
        }
        Op::GetScimDirectory => plain::read_org(method, ops::scim_directory::directory),
        Op::UpdateScimProvider => on(method, scim::update_provider),
        Op::CreateScimUser => plain::write_body(method, created, ops::scim_directory::create_user),
        Op::UpdateScimUser => plain::write_id_body(method, Json, ops::scim_directory::update_user),
        Op::DeleteScimUser => plain::write_id(method, no_content, ops::scim_directory::delete_user),
        Op::CreateScimGroup => {
            plain::write_body(method, created, ops::scim_directory::create_group)
        }
        Op::UpdateScimGroup => {
            plain::write_id_body(method, Json, ops::scim_directory::update_group)
        }
        Op::DeleteScimGroup => {
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
