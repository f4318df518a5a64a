//! `/user-groups`: groups, their members, nesting, workspace assignments, organization role,
//! and provisioning a workspace for a group.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::{Extension, Json};

use super::MAX_PAGE_SIZE;
use crate::api::*;
use crate::server::auth::AdminAuth;
use crate::server::error::ApiResult;
use crate::server::extract::{JsonBody, PathId};
use crate::server::ops::{group_members, group_nesting, group_workspaces, groups};
use crate::server::path_ids::PathIds;
use crate::server::query::QueryReader;
use crate::server::state::AppState;

/// The contract's `maximum` for the group listings' `page_size`.
const GROUP_PAGE_SIZE_MAX: i64 = 100;

pub async fn list(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<AdminUserGroupsOut>> {
    let mut query = QueryReader::new(q.as_deref());
    let page = query.int("page", 1, 1);
    let page_size = query.int_in("page_size", 25, 1, GROUP_PAGE_SIZE_MAX);
    let search = query.text("search");
    query.finish()?;
    s.db.read(move |tx| groups::list(tx, auth.org, search.as_deref(), page, page_size))
        .await
        .map(Json)
}

pub async fn create(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<AdminUserGroupIn>,
) -> ApiResult<Json<AdminUserGroupOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| groups::create(tx, &ctx, &body))
        .await
        .map(Json)
}

pub async fn get(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
) -> ApiResult<Json<AdminUserGroupOut>> {
    s.db.read(move |tx| groups::get(tx, auth.org, group))
        .await
        .map(Json)
}

pub async fn update(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
    JsonBody(body): JsonBody<AdminUpdateUserGroupIn>,
) -> ApiResult<Json<AdminUserGroupOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| groups::update(tx, &ctx, group, &body))
        .await
        .map(Json)
}

pub async fn delete(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| groups::delete(tx, &ctx, group))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn members(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<AdminUserGroupMembersOut>> {
    let mut query = QueryReader::new(q.as_deref());
    let page = query.int("page", 1, 1);
    let page_size = query.int("page_size", 25, 1).min(MAX_PAGE_SIZE);
    query.finish()?;
    s.db.read(move |tx| group_members::list(tx, auth.org, group, page, page_size))
        .await
        .map(Json)
}

pub async fn add_members(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
    JsonBody(body): JsonBody<AdminAssignUsersToGroupIn>,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| group_members::add(tx, &ctx, group, &body.user_uuids))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn remove_members(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
    JsonBody(body): JsonBody<AdminAssignUsersToGroupIn>,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| group_members::remove(tx, &ctx, group, &body.user_uuids))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn workspaces(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<GroupWorkspaceAssignmentsOut>> {
    let mut query = QueryReader::new(q.as_deref());
    let page = query.int("page", 1, 1);
    let page_size = query.int_in("page_size", 25, 1, GROUP_PAGE_SIZE_MAX);
    query.finish()?;
    s.db.read(move |tx| group_workspaces::list(tx, auth.org, group, page, page_size))
        .await
        .map(Json)
}

pub async fn assign_workspace(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
    JsonBody(body): JsonBody<AssignGroupToWorkspaceIn>,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| group_workspaces::assign(tx, &ctx, group, &body))
        .await?;
    Ok(StatusCode::CREATED)
}

pub async fn update_workspace(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathIds(group, workspace): PathIds,
    JsonBody(body): JsonBody<UpdateGroupWorkspaceAssignmentIn>,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| group_workspaces::update(tx, &ctx, group, workspace, &body))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn unassign_workspace(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathIds(group, workspace): PathIds,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| group_workspaces::unassign(tx, &ctx, group, workspace))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn set_organization_role(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
    JsonBody(body): JsonBody<UpdateUserGroupOrganizationRoleIn>,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| groups::set_organization_role(tx, &ctx, group, &body))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn nested(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
) -> ApiResult<Json<NestedGroupsOut>> {
    s.db.read(move |tx| group_nesting::nested(tx, auth.org, group))
        .await
        .map(Json)
}

pub async fn set_nested(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(group): PathId,
    JsonBody(body): JsonBody<SetNestedGroupsIn>,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| group_nesting::set_children(tx, &ctx, group, &body.child_group_uuids))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn provision_workspace(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<AdminProvisionGroupToWorkspaceIn>,
) -> ApiResult<StatusCode> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| group_workspaces::provision(tx, &ctx, &body))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
