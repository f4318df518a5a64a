//! `/scim/sync` and the simulated identity provider under `/x-local/scim`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::json;

use crate::api::*;
use crate::server::auth::AdminAuth;
use crate::server::error::ApiResult;
use crate::server::extract::{JsonBody, PathId};
use crate::server::ops::{scim_directory, scim_sync};
use crate::server::state::AppState;

/// A little after a run is due to end, so that the wake-up finds it due.
const WAKE_MARGIN: std::time::Duration = std::time::Duration::from_millis(50);

/// `POST /scim/sync`: 202 with the new run, or 409 with the run already active. The 409 body
/// is the contract's `AdminScimSyncActiveRunOUT` plus the usual `detail`, so it reads like every
/// other refusal too.
pub async fn trigger(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<AdminScimSyncTriggerIn>,
) -> ApiResult<Response> {
    let ctx = auth.ctx(s.clock.now());
    let outcome =
        s.db.write(move |tx| scim_sync::trigger(tx, &ctx, &body))
            .await?;
    Ok(match outcome {
        scim_sync::Trigger::Started(started) => {
            wake_when_due(&s, auth.org);
            (StatusCode::ACCEPTED, Json(started)).into_response()
        }
        scim_sync::Trigger::Active(active) => {
            let detail = format!(
                "A SCIM synchronization run is already active ({}, {}); wait for it to end",
                active.run_id, active.status
            );
            let body = json!({"run_id": active.run_id, "status": active.status, "detail": detail});
            (StatusCode::CONFLICT, Json(body)).into_response()
        }
    })
}

/// Ends the run when it is due even if nobody asks about it, so a real run's changes happen
/// on time. Runs follow the server's clock: with a clock that stands still (tests), they move
/// only when it does and someone looks.
fn wake_when_due(state: &AppState, org: uuid::Uuid) {
    let (db, clock) = (state.db.clone(), state.clock.clone());
    let due = scim_sync::PENDING_FOR + scim_sync::RUNNING_FOR;
    let wait = std::time::Duration::try_from(due).unwrap_or_default() + WAKE_MARGIN;
    tokio::spawn(async move {
        tokio::time::sleep(wait).await;
        let now = clock.now();
        if let Err(err) = db.write(move |tx| scim_sync::advance(tx, org, now)).await {
            tracing::warn!(?err, "a SCIM sync run could not be brought up to date");
        }
    });
}

/// `GET /scim/sync/{run_id}`. A read that may move the run along, hence a write transaction.
pub async fn run(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(run_id): PathId,
) -> ApiResult<Json<AdminScimSyncRunOut>> {
    let now = s.clock.now();
    s.db.write(move |tx| scim_sync::get(tx, auth.org, run_id, now))
        .await
        .map(Json)
}

pub async fn directory(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
) -> ApiResult<Json<LocalScimDirectoryOut>> {
    s.db.read(move |tx| scim_directory::directory(tx, auth.org))
        .await
        .map(Json)
}

pub async fn update_provider(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<LocalScimProviderUpdate>,
) -> ApiResult<Json<LocalScimDirectoryOut>> {
    s.db.write(move |tx| {
        if let Some(reachable) = body.reachable {
            scim_directory::set_reachable(tx, auth.org, reachable)?;
        }
        scim_directory::directory(tx, auth.org)
    })
    .await
    .map(Json)
}

pub async fn create_user(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<LocalScimUserIn>,
) -> ApiResult<(StatusCode, Json<LocalScimUserOut>)> {
    let now = s.clock.now();
    let user =
        s.db.write(move |tx| scim_directory::create_user(tx, auth.org, &body, now))
            .await?;
    Ok((StatusCode::CREATED, Json(user)))
}

pub async fn update_user(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<LocalScimUserUpdate>,
) -> ApiResult<Json<LocalScimUserOut>> {
    s.db.write(move |tx| scim_directory::update_user(tx, auth.org, id, &body))
        .await
        .map(Json)
}

pub async fn delete_user(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
) -> ApiResult<StatusCode> {
    s.db.write(move |tx| scim_directory::delete_user(tx, auth.org, id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn create_group(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<LocalScimGroupIn>,
) -> ApiResult<(StatusCode, Json<LocalScimGroupOut>)> {
    let now = s.clock.now();
    let group =
        s.db.write(move |tx| scim_directory::create_group(tx, auth.org, &body, now))
            .await?;
    Ok((StatusCode::CREATED, Json(group)))
}

pub async fn update_group(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<LocalScimGroupUpdate>,
) -> ApiResult<Json<LocalScimGroupOut>> {
    s.db.write(move |tx| scim_directory::update_group(tx, auth.org, id, &body))
        .await
        .map(Json)
}

pub async fn delete_group(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(id): PathId,
) -> ApiResult<StatusCode> {
    s.db.write(move |tx| scim_directory::delete_group(tx, auth.org, id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
