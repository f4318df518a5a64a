//! Routes with two ids in their path (`/user-groups/{group_uuid}/workspaces/{workspace_uuid}`):
//! both parsed, each bad one a 422 at `["path", name]`, as FastAPI reports them.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use uuid::Uuid;

use super::error::ApiError;
use super::extract::parse_uuid;
use crate::api::ValidationError;

/// The route's path ids, in the order the template names them.
pub struct PathIds(pub Uuid, pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for PathIds {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
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
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        match ids[..] {
            [first, second] => Ok(Self(first, second)),
            _ => Err(ApiError::internal("route does not have two path ids")),
        }
    }
}
