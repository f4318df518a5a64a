//! Errors as the API reports them, in the FastAPI shape Mistral's services use.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::api::{Detail, ErrorBody, LocItem, ValidationError};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    Unauthorized(String),
    NotFound(String),
    MethodNotAllowed,
    Conflict(String),
    PayloadTooLarge(String),
    Validation(Vec<ValidationError>),
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
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn body(&self) -> ErrorBody {
        let detail = match self {
            Self::Unauthorized(m)
            | Self::NotFound(m)
            | Self::Conflict(m)
            | Self::PayloadTooLarge(m) => Detail::Message(m.clone()),
            Self::MethodNotAllowed => Detail::Message("Method Not Allowed".into()),
            Self::Validation(items) => Detail::Validation(items.clone()),
            Self::Internal(_) => Detail::Message("Internal Server Error".into()),
        };
        ErrorBody { detail }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(err: rusqlite::Error) -> Self {
        Self::Internal(format!("database: {err}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Self::Internal(reason) = &self {
            tracing::error!(%reason, "request failed inside the server");
        }
        let mut response = (self.status(), Json(self.body())).into_response();
        if matches!(self, Self::Unauthorized(_)) {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
