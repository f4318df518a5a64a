//! The UUIDs in a route's path (`{workspace_uuid}`, or `{group_uuid}` and `{workspace_uuid}`):
//! all parsed, each bad one a 422 at `["path", name]`, as FastAPI reports them.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use uuid::Uuid;

use super::error::ApiError;
use crate::api::ValidationError;

/// The single id of a route such as `/workspaces/{workspace_uuid}`.
pub struct PathId(pub Uuid);

/// The two ids of a route such as `/user-groups/{group_uuid}/workspaces/{workspace_uuid}`, in
/// the order the template names them.
pub struct PathIds(pub Uuid, pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match path_ids(parts, state).await?[..] {
            [id] => Ok(Self(id)),
            _ => Err(ApiError::internal("route does not have one path id")),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PathIds {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match path_ids(parts, state).await?[..] {
            [first, second] => Ok(Self(first, second)),
            _ => Err(ApiError::internal("route does not have two path ids")),
        }
    }
}

/// Every path parameter as a UUID, or a 422 naming each one that is not.
async fn path_ids<S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<Vec<Uuid>, ApiError> {
    let params = RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|_| {
            ApiError::invalid(
                vec!["path".into()],
                "string_type",
                "Path parameters must be valid UTF-8",
            )
        })?;
    let mut ids = Vec::new();
    let mut errors = Vec::new();
    for (name, value) in params.iter() {
        match parse_uuid(value) {
            Some(id) => ids.push(id),
            None => errors.push(ValidationError::new(
                vec!["path".into(), name.into()],
                "uuid_parsing",
                "Input should be a valid UUID, invalid character or length",
            )),
        }
    }
    if errors.is_empty() {
        Ok(ids)
    } else {
        Err(ApiError::Validation(errors))
    }
}

pub fn parse_uuid(text: &str) -> Option<Uuid> {
    Uuid::parse_str(text.trim()).ok()
}
