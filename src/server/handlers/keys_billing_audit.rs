//! `/roles`, `/api-keys`, `/spend-limit` and `/audit-logs`.

use axum::Json;

use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::ops::{api_keys, audit, billing};
use crate::server::org::Org;
use crate::server::query::QueryReader;

/// Audit pages larger than this are served as this.
const MAX_AUDIT_LIMIT: i64 = 1000;
/// `GET /api-keys?limit=` above this is served as this (the reply has no room to say so; a
/// client pages with `offset` until a page comes back short).
const MAX_API_KEY_LIMIT: i64 = 1000;

/// The catalog is the same for every organization, but only an admin key may read it.
pub async fn roles(_org: Org) -> Json<RolesOut> {
    Json(RolesOut::built_in())
}

pub async fn list_keys(org: Org, mut query: QueryReader) -> ApiResult<Json<ApiKeysExtendedOut>> {
    let limit = query.int("limit", 100, 0).min(MAX_API_KEY_LIMIT);
    let offset = query.int("offset", 0, 0);
    let name = query.text("name");
    query.finish()?;
    org.read_json(move |op| api_keys::list(op, name.as_deref(), limit, offset))
        .await
}

pub async fn spend_limit(org: Org) -> ApiResult<Json<LimitsOut>> {
    org.read_json(billing::limits).await
}

pub async fn audit_logs(org: Org, mut query: QueryReader) -> ApiResult<Json<Vec<AuditLogOut>>> {
    let filter = audit::Filter {
        actor_types: query.enum_list("actor_type", &ACTOR_TYPES),
        event_types: query.enum_list("event_type", &EVENT_TYPES),
        target_types: query.enum_list("target_type", &TARGET_TYPES),
        actor_user_uuid: query.text("actor_user_uuid"),
        ascending: query.one_of("sort", &AUDIT_SORTS, "descending") == "ascending",
        after: query.timestamp("after"),
        before: query.timestamp("before"),
        limit: query.int("limit", 20, 0).min(MAX_AUDIT_LIMIT),
    };
    query.finish()?;
    org.read_json(move |op| audit::list(op.tx, op.org, &filter))
        .await
}
