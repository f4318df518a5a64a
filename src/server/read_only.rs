//! `serve --read-only`: every request that would change something is refused with 403 and a
//! detail saying why, before its handler runs; reads are served as usual.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::state::AppState;

/// What a refused change is told.
pub const READ_ONLY_DETAIL: &str = "This local server runs with --read-only: changes are \
refused and nothing was changed. Restart it without --read-only to make changes.";

/// Whether a request with this method may change something: everything but reads.
pub fn is_change(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Middleware for the admin routes (after authentication, so an unknown key still gets 401).
pub async fn refuse_changes(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if state.read_only && is_change(req.method()) {
        return ApiError::Forbidden(READ_ONLY_DETAIL.to_owned()).into_response();
    }
    next.run(req).await
}
