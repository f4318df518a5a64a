//! `/roles`, `/api-keys`, `/spend-limit` and `/audit-logs`.

use axum::extract::{RawQuery, State};
use axum::{Extension, Json};

use crate::api::*;
use crate::domain::{OrgRole, WorkspaceRole};
use crate::server::auth::AdminAuth;
use crate::server::error::ApiResult;
use crate::server::extract::{JsonBody, PathId};
use crate::server::ops::{api_keys, audit, billing};
use crate::server::query::QueryReader;
use crate::server::state::AppState;

/// Audit pages larger than this are served as this.
const MAX_AUDIT_LIMIT: i64 = 1000;
/// `GET /api-keys?limit=` above this is served as this (the reply has no room to say so; a
/// client pages with `offset` until a page comes back short).
const MAX_API_KEY_LIMIT: i64 = 1000;

pub async fn roles(Extension(_auth): Extension<AdminAuth>) -> Json<RolesOut> {
    let role = |name: &str, uuid, description: &str| RoleOut {
        name: name.to_owned(),
        uuid,
        description: description.to_owned(),
        is_custom_role: false,
    };
    Json(RolesOut {
        workspace_roles: WorkspaceRole::ALL
            .iter()
            .map(|r| role(r.name(), r.uuid(), r.description()))
            .collect(),
        organization_roles: OrgRole::ALL
            .iter()
            .map(|r| role(r.name(), r.uuid(), r.description()))
            .collect(),
    })
}

pub async fn list_keys(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<ApiKeysExtendedOut>> {
    let mut query = QueryReader::new(q.as_deref());
    let limit = query.int("limit", 100, 0).min(MAX_API_KEY_LIMIT);
    let offset = query.int("offset", 0, 0);
    let name = query.text("name");
    query.finish()?;
    let now = s.clock.now();
    s.db.read(move |tx| api_keys::list(tx, auth.org, name.as_deref(), limit, offset, now))
        .await
        .map(Json)
}

pub async fn create_key(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<AdminCreateApiKeyIn>,
) -> ApiResult<Json<ApiKeyOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| api_keys::create(tx, &ctx, &body))
        .await
        .map(Json)
}

pub async fn delete_key(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    PathId(key): PathId,
) -> ApiResult<Json<DeleteApiKeyOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| api_keys::delete(tx, &ctx, key))
        .await
        .map(Json)
}

pub async fn spend_limit(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
) -> ApiResult<Json<LimitsOut>> {
    let now = s.clock.now();
    s.db.read(move |tx| billing::limits(tx, auth.org, now))
        .await
        .map(Json)
}

pub async fn set_spend_limit(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    JsonBody(body): JsonBody<NewUsageLimitIn>,
) -> ApiResult<Json<LimitsOut>> {
    let ctx = auth.ctx(s.clock.now());
    s.db.write(move |tx| billing::set_limit(tx, &ctx, &body))
        .await
        .map(Json)
}

pub async fn audit_logs(
    State(s): State<AppState>,
    Extension(auth): Extension<AdminAuth>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Vec<AuditLogOut>>> {
    let mut query = QueryReader::new(q.as_deref());
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
    s.db.read(move |tx| audit::list(tx, auth.org, &filter))
        .await
        .map(Json)
}
