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
    let paging = paging(&mut query);
    let list = users::ListQuery {
        email: query.text("email"),
        paging,
    };
    query.finish()?;
    org.read(move |op| users::list_json(op, &list))
        .await
        .map(JsonBytes)
}

pub async fn create(
    org: Org,
    JsonBody(body): JsonBody<Vec<OrganizationMemberCreate>>,
) -> ApiResult<Json<OrganizationUsersCreateOut>> {
    org.write_json(move |op| users::create_many(op, &body))
        .await
}

pub async fn list_invites(org: Org) -> ApiResult<Json<Vec<OrganizationUserInviteOut>>> {
    org.read_json(invites::list_pending).await
}
