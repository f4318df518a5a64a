//! `/user-groups`: groups, their members, nesting, workspace assignments, organization role,
//! and provisioning a workspace for a group.

use axum::Json;
use axum::http::StatusCode;

use super::paging;
use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::{group_members, group_nesting, group_workspaces, groups};
use crate::server::org::Org;
use crate::server::path_ids::{PathId, PathIds};
use crate::server::query::QueryReader;

/// The contract's `maximum` for the group listings' `page_size`.
const GROUP_PAGE_SIZE_MAX: i64 = 100;

/// `page` and `page_size` of the group listings, whose contract caps the size: a larger one
/// is a 422 rather than a smaller page.
fn group_paging(query: &mut QueryReader) -> (i64, i64) {
    let page = query.int("page", 1, 1);
    (page, query.int_in("page_size", 25, 1, GROUP_PAGE_SIZE_MAX))
}

pub async fn list(org: Org, mut query: QueryReader) -> ApiResult<Json<AdminUserGroupsOut>> {
    let (page, page_size) = group_paging(&mut query);
    let search = query.text("search");
    query.finish()?;
    org.read_json(move |tx, ctx| groups::list(tx, ctx.org, search.as_deref(), page, page_size))
        .await
}

pub async fn delete(org: Org, PathId(group): PathId) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| groups::delete(tx, ctx, group))
        .await
}

pub async fn members(
    org: Org,
    PathId(group): PathId,
    mut query: QueryReader,
) -> ApiResult<Json<AdminUserGroupMembersOut>> {
    let (page, page_size) = paging(&mut query);
    query.finish()?;
    org.read_json(move |tx, ctx| group_members::list(tx, ctx.org, group, page, page_size))
        .await
}

pub async fn add_members(
    org: Org,
    PathId(group): PathId,
    JsonBody(body): JsonBody<AdminAssignUsersToGroupIn>,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| group_members::add(tx, ctx, group, &body.user_uuids))
        .await
}

pub async fn remove_members(
    org: Org,
    PathId(group): PathId,
    JsonBody(body): JsonBody<AdminAssignUsersToGroupIn>,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| group_members::remove(tx, ctx, group, &body.user_uuids))
        .await
}

pub async fn workspaces(
    org: Org,
    PathId(group): PathId,
    mut query: QueryReader,
) -> ApiResult<Json<GroupWorkspaceAssignmentsOut>> {
    let (page, page_size) = group_paging(&mut query);
    query.finish()?;
    org.read_json(move |tx, ctx| group_workspaces::list(tx, ctx.org, group, page, page_size))
        .await
}

pub async fn assign_workspace(
    org: Org,
    PathId(group): PathId,
    JsonBody(body): JsonBody<AssignGroupToWorkspaceIn>,
) -> ApiResult<StatusCode> {
    org.write(move |tx, ctx| group_workspaces::assign(tx, ctx, group, &body))
        .await
        .map(|()| StatusCode::CREATED)
}

pub async fn update_workspace(
    org: Org,
    PathIds(group, workspace): PathIds,
    JsonBody(body): JsonBody<UpdateGroupWorkspaceAssignmentIn>,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| group_workspaces::update(tx, ctx, group, workspace, &body))
        .await
}

pub async fn unassign_workspace(
    org: Org,
    PathIds(group, workspace): PathIds,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| group_workspaces::unassign(tx, ctx, group, workspace))
        .await
}

pub async fn set_organization_role(
    org: Org,
    PathId(group): PathId,
    JsonBody(body): JsonBody<UpdateUserGroupOrganizationRoleIn>,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| groups::set_organization_role(tx, ctx, group, &body))
        .await
}

pub async fn set_nested(
    org: Org,
    PathId(group): PathId,
    JsonBody(body): JsonBody<SetNestedGroupsIn>,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| {
        group_nesting::set_children(tx, ctx, group, &body.child_group_uuids)
    })
    .await
}

pub async fn provision_workspace(
    org: Org,
    JsonBody(body): JsonBody<AdminProvisionGroupToWorkspaceIn>,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| group_workspaces::provision(tx, ctx, &body))
        .await
}
