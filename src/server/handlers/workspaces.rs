//! `/workspaces` and workspace membership.

use axum::Json;

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
    let paging = paging(&mut query);
    let list = workspaces::ListQuery {
        archived,
        paging,
        search: query.text("search"),
    };
    query.finish()?;
    org.read(move |op| workspaces::list_json(op.tx, op.org, &list))
        .await
        .map(JsonBytes)
}

pub async fn add_users(
    org: Org,
    PathId(id): PathId,
    JsonBody(body): JsonBody<WorkspaceMemberIn>,
) -> ApiResult<Json<AddUsersToWorkspaceOut>> {
    let entries = body.members.unwrap_or_default();
    org.write_json(move |op| members::add(op, id, &entries))
        .await
}

pub async fn upsert_users(
    org: Org,
    PathId(id): PathId,
    JsonBody(body): JsonBody<WorkspaceMemberIn>,
) -> ApiResult<Json<AddOrUpdateUsersToWorkspaceOut>> {
    let entries = body.members.unwrap_or_default();
    org.write_json(move |op| members::upsert(op, id, &entries))
        .await
}

pub async fn remove_users(
    org: Org,
    PathId(id): PathId,
    JsonBody(body): JsonBody<RemoveWorkspaceMembersIn>,
) -> ApiResult<Json<RemoveWorkspaceMembersOut>> {
    let users: Vec<_> = body.members.iter().map(|m| m.user_uuid).collect();
    org.write_json(move |op| members::remove(op, id, &users))
        .await
}
