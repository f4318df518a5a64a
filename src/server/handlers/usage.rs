//! `/usage` and `/rate-limit`.

use axum::extract::{RawQuery, State};
use axum::{Extension, Json};
use time::Month;

use crate::api::*;
use crate::server::auth::AdminAuth;
use crate::server::error::ApiResult;
use crate::server::ops::{usage, workspaces};
use crate::server::query::QueryReader;
use crate::server::state::AppState;

/// Years a usage report may ask for.
const YEARS: (i64, i64) = (2000, 9999);

pub async fn usage(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<UsageOutJson>> {
    let now = s.clock.now();
    let mut query = QueryReader::new(q.as_deref());
    let month = query.int_in("month", i64::from(now.month() as u8), 1, 12);
    let year = query.int_in("year", i64::from(now.year()), YEARS.0, YEARS.1);
    let workspace = query.uuid("workspace_id");
    let api_zone = query
        .text("api_zone")
        .map(|_| query.one_of("api_zone", &API_ZONES, ""));
    query.finish()?;
    let report = usage::UsageQuery {
        year: year as i32,
        month: Month::try_from(month as u8).unwrap_or(Month::January),
        workspace,
        api_zone,
    };
    s.db.read(move |tx| {
        if let Some(workspace) = report.workspace {
            workspaces::load(tx, auth.org, workspace)?;
        }
        usage::report(tx, auth.org, &report, now)
    })
    .await
    .map(Json)
}

pub async fn rate_limits(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
) -> ApiResult<Json<RateLimitsOut>> {
    s.db.read(move |tx| usage::rate_limits(tx, auth.org))
        .await
        .map(Json)
}
