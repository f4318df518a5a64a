//! `/workspaces` and workspace membership.

use axum::Json;
use axum::http::StatusCode;

use super::{JsonBytes, paging};
use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::{members, workspaces};
use crate::server::org::Org;
use crate::server::path_ids::PathId;
use crate::server::query::QueryReader;

/// `GET /workspaces` (`WorkspacesOut`), sent as the JSON the page cache holds.
pub async fn list(org: Org, mut query: QueryReader) -> ApiResult<JsonBytes> {
    let archived = query.boolean("is_archived", false);
    let (page, page_size) = paging(&mut query);
    let list = workspaces::ListQuery {
        archived,
        page,
        page_size,
        search: query.text("search"),
    };
    query.finish()?;
    org.read(move |tx, ctx| workspaces::list_json(tx, ctx.org, &list))
        .await
        .map(JsonBytes)
}

pub async fn archive(org: Org, PathId(id): PathId) -> ApiResult<StatusCode> {
    org.write_no_content(move |tx, ctx| workspaces::archive(tx, ctx, id))
        .await
}

pub async fn add_users(
    org: Org,
    PathId(id): PathId,
    JsonBody(body): JsonBody<WorkspaceMemberIn>,
) -> ApiResult<Json<AddUsersToWorkspaceOut>> {
    let entries = body.members.unwrap_or_default();
    org.write_json(move |tx, ctx| members::add(tx, ctx, id, &entries))
        .await
}

pub async fn upsert_users(
    org: Org,
    PathId(id): PathId,
    JsonBody(body): JsonBody<WorkspaceMemberIn>,
) -> ApiResult<Json<AddOrUpdateUsersToWorkspaceOut>> {
    let entries = body.members.unwrap_or_default();
    org.write_json(move |tx, ctx| members::upsert(tx, ctx, id, &entries))
        .await
}

pub async fn remove_users(
    org: Org,
    PathId(id): PathId,
    JsonBody(body): JsonBody<RemoveWorkspaceMembersIn>,
) -> ApiResult<Json<RemoveWorkspaceMembersOut>> {
    let users: Vec<_> = body.members.iter().map(|m| m.user_uuid).collect();
    org.write_json(move |tx, ctx| members::remove(tx, ctx, id, &users))
        .await
}
