//! `/scim/sync` and the simulated identity provider under `/x-local/scim`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::{scim_directory, scim_sync};
use crate::server::org::Org;
use crate::server::state::AppState;

/// A little after a run is due to end, so that the wake-up finds it due.
const WAKE_MARGIN: std::time::Duration = std::time::Duration::from_millis(50);

/// `POST /scim/sync`: 202 with the new run, or 409 with the run already active. The 409 body
/// is the contract's `AdminScimSyncActiveRunOUT` plus the usual `detail`, so it reads like every
/// other refusal too.
pub async fn trigger(
    State(s): State<AppState>,
    org: Org,
    JsonBody(body): JsonBody<AdminScimSyncTriggerIn>,
) -> ApiResult<Response> {
    let org_id = org.id();
    let outcome = org.write(move |op| scim_sync::trigger(op, &body)).await?;
    Ok(match outcome {
        scim_sync::Trigger::Started(started) => {
            wake_when_due(&s, org_id);
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

pub async fn update_provider(
    org: Org,
    JsonBody(body): JsonBody<LocalScimProviderUpdate>,
) -> ApiResult<Json<LocalScimDirectoryOut>> {
    org.write_json(move |op| {
        if let Some(reachable) = body.reachable {
            scim_directory::set_reachable(op.tx, op.org, reachable)?;
        }
        scim_directory::directory(op.tx, op.org)
    })
    .await
}
