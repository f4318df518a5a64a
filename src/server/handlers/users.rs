//! `/users` and `/users-invite`.

use axum::extract::{RawQuery, State};
use axum::{Extension, Json};

use super::MAX_PAGE_SIZE;
use crate::api::*;
use crate::server::auth::AdminAuth;
use crate::server::error::ApiResult;
use crate::server::extract::{JsonBody, PathId};
use crate::server::ops::{invites, users};
use crate::server::query::QueryReader;
use crate::server::state::AppState;

pub async fn list(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<OrganizationAdminUsersOut>> {
    let mut query = QueryReader::new(q.as_deref());
    let page = query.int("page", 1, 1);
    let page_size = query.int("page_size", 25, 1).min(MAX_PAGE_SIZE);
    let email = query.text("email");
    query.finish()?;
    let now = s.clock.now();
    s.db.read(move |tx| users::list(tx, auth.org, email.as_deref(), page, page_size, now))
        .await
        .map(Json)
}

pub async fn create(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<Vec<OrganizationMemberCreate>>,
) -> ApiResult<Json<OrganizationUsersCreateOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| users::create_many(tx, &ctx, &body))
        .await
        .map(Json)
}

pub async fn get(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(user): PathId,
) -> ApiResult<Json<AdminUserOut>> {
    s.db.read(move |tx| users::get_user(tx, auth.org, user))
        .await
        .map(Json)
}

pub async fn update(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(user): PathId,
    JsonBody(body): JsonBody<AdminOrganizationMemberUpdate>,
) -> ApiResult<Json<AdminOrganizationMemberOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| users::update(tx, &ctx, user, &body))
        .await
        .map(Json)
}

pub async fn delete(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(user): PathId,
) -> ApiResult<Json<DeleteOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| users::delete(tx, &ctx, user))
        .await
        .map(Json)
}

pub async fn invite(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<OrganizationInviteIn>,
) -> ApiResult<Json<OrganizationInvitesCreateOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| invites::invite(tx, &ctx, &body))
        .await
        .map(Json)
}

pub async fn list_invites(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
) -> ApiResult<Json<Vec<OrganizationUserInviteOut>>> {
    let now = s.clock.now();
    s.db.read(move |tx| invites::list_pending(tx, auth.org, now))
        .await
        .map(Json)
}

pub async fn delete_invite(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(invite): PathId,
) -> ApiResult<Json<DeleteOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| invites::delete(tx, &ctx, invite))
        .await
        .map(Json)
}
