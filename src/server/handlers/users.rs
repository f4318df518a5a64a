//! `/users` and `/users-invite`.

use axum::Json;

use super::{JsonBytes, paging};
use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::{invites, users};
use crate::server::org::Org;
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

pub async fn list_invites(org: Org) -> ApiResult<Json<Vec<OrganizationUserInviteOut>>> {
    org.read_json(move |tx, ctx| invites::list_pending(tx, ctx.org, ctx.now))
        .await
}
