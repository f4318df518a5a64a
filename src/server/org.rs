//! The extractor every admin handler starts from: the organization the request's key opened,
//! who acts, the instant the request happens at, and the database to act in. A handler then
//! reads its input and runs one operation, with no authentication or clock code of its own.

use axum::Json;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use time::OffsetDateTime;
use uuid::Uuid;

use super::auth::AdminAuth;
use super::db::Db;
use super::error::{ApiError, ApiResult};
use super::ops::{Op, OpCtx};
use super::state::AppState;

/// The work of one request: run once, in its transaction, on the database's thread.
pub trait Work<T>: FnOnce(Op<'_>) -> ApiResult<T> + Send + 'static {}

impl<T, F> Work<T> for F where F: FnOnce(Op<'_>) -> ApiResult<T> + Send + 'static {}

/// An authenticated admin request's organization. The clock is read once, as the request
/// arrives, so everything one request records carries the same instant.
pub struct Org {
    ctx: OpCtx,
    db: Db,
}

impl FromRequestParts<AppState> for Org {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        // `require_admin` runs before every admin route; without it there is no one to act for.
        let auth = parts
            .extensions
            .get::<AdminAuth>()
            .ok_or_else(|| ApiError::internal("admin route mounted without its key check"))?;
        Ok(Self {
            ctx: auth.ctx(state.clock.now()),
            db: state.db.clone(),
        })
    }
}

impl Org {
    pub fn id(&self) -> Uuid {
        self.ctx.org
    }

    /// The instant of this request, for defaults that depend on the date.
    pub fn now(&self) -> OffsetDateTime {
        self.ctx.now
    }

    /// Runs `work` in one read transaction of this organization.
    pub async fn read<T: Send + 'static>(self, work: impl Work<T>) -> ApiResult<T> {
        let ctx = self.ctx;
        self.db.read(move |tx| work(ctx.in_tx(tx))).await
    }

    /// Runs `work` in one write transaction, committed only if it succeeds.
    pub async fn write<T: Send + 'static>(self, work: impl Work<T>) -> ApiResult<T> {
        let ctx = self.ctx;
        self.db.write(move |tx| work(ctx.in_tx(tx))).await
    }

    /// [`read`](Self::read), answering with what `work` returns as the JSON body: what most
    /// reads of the contract do.
    pub async fn read_json<T: Send + 'static>(self, work: impl Work<T>) -> ApiResult<Json<T>> {
        self.read(work).await.map(Json)
    }

    /// [`write`](Self::write), answering with what `work` returns as the JSON body.
    pub async fn write_json<T: Send + 'static>(self, work: impl Work<T>) -> ApiResult<Json<T>> {
        self.write(work).await.map(Json)
    }

    /// [`write`](Self::write) of a change whose answer has no body: 204.
    pub async fn write_no_content(self, work: impl Work<()>) -> ApiResult<StatusCode> {
        self.write(work).await.map(|()| StatusCode::NO_CONTENT)
    }
}
