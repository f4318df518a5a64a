//! The local server's own extensions under `/x-local`: organization identity and rename, and
//! the workspace settings the contract cannot express.

use axum::extract::State;
use axum::{Extension, Json};

use crate::api::*;
use crate::server::auth::AdminAuth;
use crate::server::error::ApiResult;
use crate::server::extract::{JsonBody, PathId};
use crate::server::ops::{organizations, workspaces};
use crate::server::state::AppState;

pub async fn organization(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
) -> ApiResult<Json<LocalOrganizationOut>> {
    s.db.read(move |tx| organizations::get(tx, auth.org))
        .await
        .map(Json)
}

pub async fn rename_organization(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<LocalOrganizationUpdate>,
) -> ApiResult<Json<LocalOrganizationOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| match &body.name {
        Some(name) => organizations::rename(tx, &ctx, name),
        None => organizations::get(tx, ctx.org),
    })
    .await
    .map(Json)
}

pub async fn settings(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
) -> ApiResult<Json<WorkspaceSettingsOut>> {
    s.db.read(move |tx| workspaces::settings(tx, auth.org, id))
        .await
        .map(Json)
}

pub async fn update_settings(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<WorkspaceSettingsUpdate>,
) -> ApiResult<Json<WorkspaceSettingsOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| workspaces::update_settings(tx, &ctx, id, &body))
        .await
        .map(Json)
}
