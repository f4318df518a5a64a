//! `/users` and `/users-invite`.

use axum::Json;

use super::{JsonBytes, paging};
use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::{invites, users};
use crate::server::org::Org;
use crate::server::path_ids::PathId;
use crate::server::query::QueryReader;

/// `GET /users` (`OrganizationAdminUsersOUT`), sent as the JSON the page cache holds.
pub async fn list(org: Org, mut query: QueryReader) -> ApiResult<JsonBytes> {
    let (page, page_size) = paging(&mut query);
    let list = users::ListQuery {
        email: query.text("email"),
        page,
        page_size,
    };
    query.finish()?;
    org.read(move |tx, ctx| users::list_json(tx, ctx.org, &list, ctx.now))
        .await
        .map(JsonBytes)
}

pub async fn create(
    org: Org,
    JsonBody(body): JsonBody<Vec<OrganizationMemberCreate>>,
) -> ApiResult<Json<OrganizationUsersCreateOut>> {
    org.write_json(move |tx, ctx| users::create_many(tx, ctx, &body))
        .await
}

pub async fn get(org: Org, PathId(user): PathId) -> ApiResult<Json<AdminUserOut>> {
    org.read_json(move |tx, ctx| users::get_user(tx, ctx.org, user))
        .await
}

pub async fn update(
    org: Org,
    PathId(user): PathId,
    JsonBody(body): JsonBody<AdminOrganizationMemberUpdate>,
) -> ApiResult<Json<AdminOrganizationMemberOut>> {
    org.write_json(move |tx, ctx| users::update(tx, ctx, user, &body))
        .await
}

pub async fn delete(org: Org, PathId(user): PathId) -> ApiResult<Json<DeleteOut>> {
    org.write_json(move |tx, ctx| users::delete(tx, ctx, user))
        .await
}

pub async fn invite(
    org: Org,
    JsonBody(body): JsonBody<OrganizationInviteIn>,
) -> ApiResult<Json<OrganizationInvitesCreateOut>> {
    org.write_json(move |tx, ctx| invites::invite(tx, ctx, &body))
        .await
}

pub async fn list_invites(org: Org) -> ApiResult<Json<Vec<OrganizationUserInviteOut>>> {
    org.read_json(move |tx, ctx| invites::list_pending(tx, ctx.org, ctx.now))
        .await
}

pub async fn delete_invite(org: Org, PathId(invite): PathId) -> ApiResult<Json<DeleteOut>> {
    org.write_json(move |tx, ctx| invites::delete(tx, ctx, invite))
        .await
}
