//! `/analytics/vibe/...`: Vibe Work by user, agent and time; Vibe Code by workspace and for
//! the organization. Each takes a window of Unix seconds.

use axum::Json;
use rusqlite::Transaction;
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

/// A report whose query is a window and nothing else.
type WindowReport<T> = fn(&Transaction<'_>, Uuid, Window) -> ApiResult<T>;

/// Reads the window, then runs `report` over it for the organization.
async fn over_window<T: Send + 'static>(
    org: Org,
    mut query: QueryReader,
    report: WindowReport<T>,
) -> ApiResult<Json<T>> {
    let window = window(&mut query);
    query.finish()?;
    let window = window.ok_or_else(|| ApiError::internal("a missing window is a 422"))?;
    org.read_json(move |op| report(op.tx, op.org, window)).await
}

pub async fn work_by_user(org: Org, query: QueryReader) -> ApiResult<Json<VibeWorkByUserStatsOut>> {
    over_window(org, query, vibe_work::by_user).await
}

pub async fn work_by_agent(
    org: Org,
    query: QueryReader,
) -> ApiResult<Json<VibeWorkByAgentStatsOut>> {
    over_window(org, query, vibe_work::by_agent).await
}

pub async fn work_by_time(
    org: Org,
    mut query: QueryReader,
) -> ApiResult<Json<VibeWorkByTimeStatsOut>> {
    let window = window(&mut query);
    let granularity = query.one_of("granularity", &VIBE_GRANULARITIES, "day");
    query.finish()?;
    let window = window.ok_or_else(|| ApiError::internal("a missing window is a 422"))?;
    org.read_json(move |op| vibe_work::by_time(op.tx, op.org, window, &granularity))
        .await
}

pub async fn code_by_workspace(
    org: Org,
    mut query: QueryReader,
) -> ApiResult<Json<VibeWorkspaceStatsOut>> {
    let window = window(&mut query);
    // The contract types `workspace_id` as any string: one that names no workspace of this
    // organization, a malformed one included, is not found.
    let workspace = query.text("workspace_id");
    query.finish()?;
    let window = window.ok_or_else(|| ApiError::internal("a missing window is a 422"))?;
    org.read_json(move |op| {
        let workspace = match workspace {
            None => None,
            Some(text) => {
                let not_found = || ApiError::not_found(format!("Workspace {text} not found"));
                let id = Uuid::parse_str(&text).map_err(|_| not_found())?;
                Some(
                    workspaces::load(op.tx, op.org, id)
                        .map_err(|_| not_found())?
                        .uuid,
                )
            }
        };
        vibe_code::by_workspace(op.tx, op.org, window, workspace)
    })
    .await
}

pub async fn code_by_organization(
    org: Org,
    query: QueryReader,
) -> ApiResult<Json<VibeOrganizationStatsOut>> {
    over_window(org, query, vibe_code::by_organization).await
}
