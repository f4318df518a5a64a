//! `/user-groups`: groups, their members, nesting, workspace assignments, organization role,
//! and provisioning a workspace for a group.

use axum::Json;
use axum::http::StatusCode;

use super::{members_paging, within_reach};
use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::Paging;
use crate::server::ops::{group_members, group_nesting, group_workspaces, groups};
use crate::server::org::Org;
use crate::server::path_ids::{PathId, PathIds};
use crate::server::query::QueryReader;

/// The contract's `maximum` for the group listings' `page_size`.
const GROUP_PAGE_SIZE_MAX: i64 = 100;

/// `page` and `page_size` of the group listings, whose contract caps the size: a larger one
/// is a 422 rather than a smaller page.
fn group_paging(query: &mut QueryReader) -> Paging {
    let page = query.int("page", 1, 1);
    let page_size = query.int_in("page_size", 25, 1, GROUP_PAGE_SIZE_MAX);
    within_reach(query, page, page_size)
}

pub async fn list(org: Org, mut query: QueryReader) -> ApiResult<Json<AdminUserGroupsOut>> {
    let paging = group_paging(&mut query);
    let search = query.text("search");
    query.finish()?;
    org.read_json(move |op| groups::list(op.tx, op.org, search.as_deref(), paging))
        .await
}

pub async fn members(
    org: Org,
    PathId(group): PathId,
    mut query: QueryReader,
) -> ApiResult<Json<AdminUserGroupMembersOut>> {
    let paging = members_paging(&mut query);
    query.finish()?;
    org.read_json(move |op| group_members::list(op.tx, op.org, group, paging))
        .await
}

pub async fn workspaces(
    org: Org,
    PathId(group): PathId,
    mut query: QueryReader,
) -> ApiResult<Json<GroupWorkspaceAssignmentsOut>> {
    let paging = group_paging(&mut query);
    query.finish()?;
    org.read_json(move |op| group_workspaces::list(op.tx, op.org, group, paging))
        .await
}

pub async fn assign_workspace(
    org: Org,
    PathId(group): PathId,
    JsonBody(body): JsonBody<AssignGroupToWorkspaceIn>,
) -> ApiResult<StatusCode> {
    org.write(move |op| group_workspaces::assign(op, group, &body))
        .await
        .map(|()| StatusCode::CREATED)
}

pub async fn update_workspace(
    org: Org,
    PathIds(group, workspace): PathIds,
    JsonBody(body): JsonBody<UpdateGroupWorkspaceAssignmentIn>,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |op| group_workspaces::update(op, group, workspace, &body))
        .await
}

pub async fn unassign_workspace(
    org: Org,
    PathIds(group, workspace): PathIds,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |op| group_workspaces::unassign(op, group, workspace))
        .await
}

pub async fn set_nested(
    org: Org,
    PathId(group): PathId,
    JsonBody(body): JsonBody<SetNestedGroupsIn>,
) -> ApiResult<StatusCode> {
    org.write_no_content(move |op| group_nesting::set_children(op, group, &body.child_group_uuids))
        .await
}
