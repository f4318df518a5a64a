//! Errors as the API reports them, in the FastAPI shape Mistral's services use.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::api::{Detail, ErrorBody, LocItem, ValidationError};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    Unauthorized(String),
    /// A change refused because the server runs with `--read-only`.
    Forbidden(String),
    NotFound(String),
    MethodNotAllowed,
    Conflict(String),
    PayloadTooLarge(String),
    Validation(Vec<ValidationError>),
    /// The database is locked by another process for longer than the server waits: a 503 with
    /// `Retry-After`, because the same request will most likely succeed a moment later.
    Unavailable(String),
    /// A fault of the server itself; the detail sent to the caller stays generic.
    Internal(String),
}

impl ApiError {
    pub fn unauthorized(msg: impl Into<String>) -> Self {
        Self::Unauthorized(msg.into())
    }

    pub fn not_found(msg: impl Into<String>) -> Self {
        Self::NotFound(msg.into())
    }

    pub fn conflict(msg: impl Into<String>) -> Self {
        Self::Conflict(msg.into())
    }

    pub fn internal(msg: impl Into<String>) -> Self {
        Self::Internal(msg.into())
    }

    /// A single 422 entry.
    pub fn invalid(loc: Vec<LocItem>, kind: &str, msg: impl Into<String>) -> Self {
        Self::Validation(vec![ValidationError::new(loc, kind, msg)])
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> ErrorBody {
        let detail = match self {
            Self::Unauthorized(m)
            | Self::Forbidden(m)
            | Self::NotFound(m)
            | Self::Conflict(m)
            | Self::PayloadTooLarge(m)
            | Self::Unavailable(m) => Detail::Message(m.clone()),
            Self::MethodNotAllowed => Detail::Message("Method Not Allowed".into()),
            Self::Validation(items) => Detail::Validation(items.clone()),
            Self::Internal(_) => Detail::Message("Internal Server Error".into()),
        };
        ErrorBody { detail }
    }
}

/// Seconds a caller is asked to wait after a 503.
pub const RETRY_AFTER_SECS: u64 = 2;

/// What a caller is told when another process holds the database.
pub const DATABASE_BUSY: &str = "The database is in use by another mistral-admin process (the \
console's embedded server, `mistral-admin serve` or `mistral-admin admin-key` on the same file) \
and stayed locked; nothing was changed. Retry in a moment.";

impl From<rusqlite::Error> for ApiError {
    fn from(err: rusqlite::Error) -> Self {
        if is_busy(&err) {
            tracing::warn!(%err, "the database stayed locked by another connection");
            return Self::Unavailable(DATABASE_BUSY.to_owned());
        }
        Self::Internal(format!("database: {err}"))
    }
}

/// SQLITE_BUSY (another connection holds the lock) or SQLITE_LOCKED (a conflict inside this
/// process), with any extended code.
pub fn is_busy(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

impl ApiError {
    /// A one-line description, for errors that end a command rather than a request.
    pub fn message(&self) -> String {
        match self.body().detail {
            Detail::Message(m) => match self {
                Self::Internal(reason) => reason.clone(),
                _ => m,
            },
            Detail::Validation(items) => items
                .iter()
                .map(|i| format!("{}: {}", i.field_path(), i.msg))
                .collect::<Vec<_>>()
                .join("; "),
            Detail::Other(value) => value.to_string(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Self::Internal(reason) = &self {
            tracing::error!(%reason, "request failed inside the server");
        }
        let mut response = (self.status(), Json(self.body())).into_response();
        match self {
            Self::Unauthorized(_) => {
                response.headers_mut().insert(
                    axum::http::header::WWW_AUTHENTICATE,
                    axum::http::HeaderValue::from_static("Bearer"),
                );
            }
            Self::Unavailable(_) => {
                response.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from(RETRY_AFTER_SECS),
                );
            }
            _ => {}
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
