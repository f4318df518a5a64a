//! Handlers made from an operation alone, for the routes whose HTTP glue is nothing but this:
//! read the path's id and the body (if the route has them), run the operation in one
//! transaction, answer with its result. Reads answer 200 with it as JSON; a change says how it
//! answers ([`Json`], [`created`] or [`no_content`]). The operation's signature says what to
//! read; the router pairs each such route with its operation. Routes that read a query or
//! reshape the body before the operation keep a handler of their own.

use axum::Json;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{MethodFilter, MethodRouter, on};
use rusqlite::Transaction;
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::Op;
use crate::server::org::Org;
use crate::server::path_ids::PathId;
use crate::server::state::AppState;
use crate::server::validate::Validate;

/// What a request body must be: JSON of a type the contract's limits are checked on, moved to
/// the database's thread with the work.
pub trait Body: DeserializeOwned + Validate + Send + 'static {}

impl<B: DeserializeOwned + Validate + Send + 'static> Body for B {}

/// What an operation's result must be to be answered as JSON from the database's thread.
pub trait Reply: Serialize + Send + 'static {}

impl<T: Serialize + Send + 'static> Reply for T {}

/// How a change answers with its operation's result: [`Json`] (200 with the result),
/// [`created`] or [`no_content`].
pub type Answer<T, R> = fn(T) -> R;

/// 201 with what the change created.
pub fn created<T>(value: T) -> (StatusCode, Json<T>) {
    (StatusCode::CREATED, Json(value))
}

/// 204: the change has nothing to answer with.
pub fn no_content((): ()) -> StatusCode {
    StatusCode::NO_CONTENT
}

/// A read of the organization itself, or of something it has one of (`GET /rate-limit`).
pub fn read_org<T: Reply>(
    method: MethodFilter,
    operation: fn(&Transaction<'_>, Uuid) -> ApiResult<T>,
) -> MethodRouter<AppState> {
    on(method, move |org: Org| async move {
        org.read_json(move |op| operation(op.tx, op.org)).await
    })
}

/// A read of the one resource of the organization that the path's id names.
pub fn read_id<T: Reply>(
    method: MethodFilter,
    operation: fn(&Transaction<'_>, Uuid, Uuid) -> ApiResult<T>,
) -> MethodRouter<AppState> {
    on(method, move |org: Org, PathId(id): PathId| async move {
        org.read_json(move |op| operation(op.tx, op.org, id)).await
    })
}

/// A change the body describes, such as a creation (`POST /workspaces`).
pub fn write_body<B: Body, T: Send + 'static, R: IntoResponse + 'static>(
    method: MethodFilter,
    answer: Answer<T, R>,
    operation: fn(Op<'_>, &B) -> ApiResult<T>,
) -> MethodRouter<AppState> {
    on(
        method,
        move |org: Org, JsonBody(body): JsonBody<B>| async move {
            org.write(move |op| operation(op, &body)).await.map(answer)
        },
    )
}

/// A change to the resource the path's id names that needs nothing more, such as a deletion.
pub fn write_id<T: Send + 'static, R: IntoResponse + 'static>(
    method: MethodFilter,
    answer: Answer<T, R>,
    operation: fn(Op<'_>, Uuid) -> ApiResult<T>,
) -> MethodRouter<AppState> {
    on(method, move |org: Org, PathId(id): PathId| async move {
        org.write(move |op| operation(op, id)).await.map(answer)
    })
}

/// A change the body describes to the resource the path's id names (`PATCH .../{id}`).
pub fn write_id_body<B: Body, T: Send + 'static, R: IntoResponse + 'static>(
    method: MethodFilter,
    answer: Answer<T, R>,
    operation: fn(Op<'_>, Uuid, &B) -> ApiResult<T>,
) -> MethodRouter<AppState> {
    on(
        method,
        move |org: Org, PathId(id): PathId, JsonBody(body): JsonBody<B>| async move {
            org.write(move |op| operation(op, id, &body))
                .await
                .map(answer)
        },
    )
}
