//! The local server's own extensions under `/x-local`: organization identity and rename, and
//! the workspace settings the contract cannot express.

use axum::Json;

use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::{organizations, workspaces};
use crate::server::org::Org;
use crate::server::path_ids::PathId;

pub async fn organization(org: Org) -> ApiResult<Json<LocalOrganizationOut>> {
    org.read_json(move |tx, ctx| organizations::get(tx, ctx.org))
        .await
}

pub async fn rename_organization(
    org: Org,
    JsonBody(body): JsonBody<LocalOrganizationUpdate>,
) -> ApiResult<Json<LocalOrganizationOut>> {
    org.write_json(move |tx, ctx| match &body.name {
        Some(name) => organizations::rename(tx, ctx, name),
        None => organizations::get(tx, ctx.org),
    })
    .await
}

pub async fn settings(org: Org, PathId(id): PathId) -> ApiResult<Json<WorkspaceSettingsOut>> {
    org.read_json(move |tx, ctx| workspaces::settings(tx, ctx.org, id))
        .await
}

pub async fn update_settings(
    org: Org,
    PathId(id): PathId,
    JsonBody(body): JsonBody<WorkspaceSettingsUpdate>,
) -> ApiResult<Json<WorkspaceSettingsOut>> {
    org.write_json(move |tx, ctx| workspaces::update_settings(tx, ctx, id, &body))
        .await
}
