//! `/workspaces` and workspace membership.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::{Extension, Json};

use super::MAX_PAGE_SIZE;
use crate::api::*;
use crate::server::auth::AdminAuth;
use crate::server::error::ApiResult;
use crate::server::extract::{JsonBody, PathId};
use crate::server::ops::{members, workspaces};
use crate::server::query::QueryReader;
use crate::server::state::AppState;

pub async fn list(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<WorkspacesOut>> {
    let mut query = QueryReader::new(q.as_deref());
    let list = workspaces::ListQuery {
        archived: query.boolean("is_archived", false),
        page: query.int("page", 1, 1),
        page_size: query.int("page_size", 25, 1).min(MAX_PAGE_SIZE),
        search: query.text("search"),
    };
    query.finish()?;
    s.db.read(move |tx| workspaces::list(tx, auth.org, &list))
        .await
        .map(Json)
}

pub async fn create(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<AdminWorkspaceIn>,
) -> ApiResult<Json<WorkspaceEnrichedOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| workspaces::create(tx, &ctx, &body))
        .await
        .map(Json)
}

pub async fn update(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<UpdateWorkspaceIn>,
) -> ApiResult<Json<WorkspaceOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| workspaces::update(tx, &ctx, id, &body))
        .await
        .map(Json)
}

pub async fn archive(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| workspaces::archive(tx, &ctx, id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn add_users(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<WorkspaceMemberIn>,
) -> ApiResult<Json<AddUsersToWorkspaceOut>> {
    let ctx = auth.ctx(s.clock.now());
    let entries = body.members.unwrap_or_default();
    s.db.write(move |tx| members::add(tx, &ctx, id, &entries))
        .await
        .map(Json)
}

pub async fn upsert_users(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<WorkspaceMemberIn>,
) -> ApiResult<Json<AddOrUpdateUsersToWorkspaceOut>> {
    let ctx = auth.ctx(s.clock.now());
    let entries = body.members.unwrap_or_default();
    s.db.write(move |tx| members::upsert(tx, &ctx, id, &entries))
        .await
        .map(Json)
}

pub async fn remove_users(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<RemoveWorkspaceMembersIn>,
) -> ApiResult<Json<RemoveWorkspaceMembersOut>> {
    let ctx = auth.ctx(s.clock.now());
    let users: Vec<_> = body.members.iter().map(|m| m.user_uuid).collect();
    s.db.write(move |tx| members::remove(tx, &ctx, id, &users))
        .await
        .map(Json)
}
