//! `/usage`, which reads its month and filters from the query (`/rate-limit` is `plain`).

use axum::Json;
use time::Month;

use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::ops::{usage, workspaces};
use crate::server::org::Org;
use crate::server::query::QueryReader;

/// Years a usage report may ask for.
const YEARS: (i64, i64) = (2000, 9999);

pub async fn usage(org: Org, mut query: QueryReader) -> ApiResult<Json<UsageOutJson>> {
    let now = org.now();
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
    org.read_json(move |op| {
        if let Some(workspace) = report.workspace {
            workspaces::load(op.tx, op.org, workspace)?;
        }
        usage::report(op, &report)
    })
    .await
}
