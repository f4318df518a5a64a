//! `/analytics/vibe/...`: Vibe Work by user, agent and time; Vibe Code by workspace and for
//! the organization. Each takes a window of Unix seconds.

use axum::Json;
use axum::extract::RawQuery;
use uuid::Uuid;

use crate::api::*;
use crate::server::error::{ApiError, ApiResult};
use crate::server::ops::vibe_work::Window;
use crate::server::ops::{vibe_code, vibe_work, workspaces};
use crate::server::org::Org;
use crate::server::query::QueryReader;

/// Unix seconds a window may span: from 1970 to the end of year 9999, the instants a date can
/// be written for.
const LATEST: i64 = 253_402_300_799;

/// Reads `start_time` and `end_time`; both required, in range, and in order.
fn window(query: &mut QueryReader) -> Option<Window> {
    let start = query.required_int("start_time");
    let end = query.required_int("end_time");
    let (start, end) = (start?, end?);
    for (name, value) in [("start_time", start), ("end_time", end)] {
        if !(0..=LATEST).contains(&value) {
            query.reject(
                name,
                "value_error",
                &format!("Value error, {name} must be between 0 and {LATEST} (Unix seconds)"),
            );
            return None;
        }
    }
    if end <= start {
        query.reject(
            "end_time",
            "value_error",
            "Value error, end_time must be after start_time",
        );
        return None;
    }
    Some(Window { start, end })
}

/// The window of a query that carries nothing else.
fn window_only(q: Option<&str>) -> ApiResult<Window> {
    let mut query = QueryReader::new(q);
    let window = window(&mut query);
    query.finish()?;
    window.ok_or_else(|| ApiError::internal("a missing window is reported as a 422"))
}

pub async fn work_by_user(
    org: Org,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<VibeWorkByUserStatsOut>> {
    let window = window_only(q.as_deref())?;
    org.read(move |tx, ctx| vibe_work::by_user(tx, ctx.org, window))
        .await
        .map(Json)
}

pub async fn work_by_agent(
    org: Org,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<VibeWorkByAgentStatsOut>> {
    let window = window_only(q.as_deref())?;
    org.read(move |tx, ctx| vibe_work::by_agent(tx, ctx.org, window))
        .await
        .map(Json)
}

pub async fn work_by_time(
    org: Org,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<VibeWorkByTimeStatsOut>> {
    let mut query = QueryReader::new(q.as_deref());
    let window = window(&mut query);
    let granularity = query.one_of("granularity", &VIBE_GRANULARITIES, "day");
    query.finish()?;
    let window = window.ok_or_else(|| ApiError::internal("a missing window is a 422"))?;
    org.read(move |tx, ctx| vibe_work::by_time(tx, ctx.org, window, &granularity))
        .await
        .map(Json)
}

pub async fn code_by_workspace(
    org: Org,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<VibeWorkspaceStatsOut>> {
    let mut query = QueryReader::new(q.as_deref());
    let window = window(&mut query);
    // The contract types `workspace_id` as any string: one that names no workspace of this
    // organization, a malformed one included, is not found.
    let workspace = query.text("workspace_id");
    query.finish()?;
    let window = window.ok_or_else(|| ApiError::internal("a missing window is a 422"))?;
    org.read(move |tx, ctx| {
        let workspace = match workspace {
            None => None,
            Some(text) => {
                let not_found = || ApiError::not_found(format!("Workspace {text} not found"));
                let id = Uuid::parse_str(&text).map_err(|_| not_found())?;
                Some(
                    workspaces::load(tx, ctx.org, id)
                        .map_err(|_| not_found())?
                        .uuid,
                )
            }
        };
        vibe_code::by_workspace(tx, ctx.org, window, workspace)
    })
    .await
    .map(Json)
}

pub async fn code_by_organization(
    org: Org,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<VibeOrganizationStatsOut>> {
    let window = window_only(q.as_deref())?;
    org.read(move |tx, ctx| vibe_code::by_organization(tx, ctx.org, window))
        .await
        .map(Json)
}
