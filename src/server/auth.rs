//! Who is calling. Admin paths need an Admin API key, bound to one organization, sent as
//! `Authorization: Bearer KEY` or `x-api-key: KEY`; `/v1/models` needs a workspace key. Each
//! kind of key is refused where the other belongs.

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;
use uuid::Uuid;

use super::credentials::looks_like_key;
use super::error::ApiError;
use super::ops::{Actor, OpCtx, admin_keys, api_keys};
use super::state::AppState;

/// The caller of an admin path, once authenticated.
#[derive(Debug, Clone)]
pub struct AdminAuth {
    pub org: Uuid,
    pub actor: Actor,
}

impl AdminAuth {
    pub fn ctx(&self, now: OffsetDateTime) -> OpCtx {
        OpCtx {
            org: self.org,
            actor: self.actor.clone(),
            now,
        }
    }
}

/// The one value of a header that may be sent several times, or a 401 when the copies
/// disagree: picking the first would silently authenticate the request with a key that a
/// proxy or a script's defaults added, not necessarily the one the sender meant. Identical
/// copies are harmless.
fn single_value(headers: &HeaderMap, name: &str) -> Result<Option<String>, ApiError> {
    let mut values = headers
        .get_all(name)
        .iter()
        .map(|v| v.to_str().map(|t| t.trim().to_owned()).unwrap_or_default());
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.any(|other| other != first) {
        return Err(ApiError::unauthorized(format!(
            "Several {name} headers carry different values; send the API key once"
        )));
    }
    Ok(Some(first))
}

/// The key a request carries. When both headers are present they must agree, and so must
/// repeated copies of either, so that a request is never silently authenticated as someone
/// other than the sender meant.
pub fn presented_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let bearer = single_value(headers, "authorization")?.and_then(|v| {
        let (scheme, token) = v.split_once(' ')?;
        scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| token.trim().to_owned())
    });
    let header_key = single_value(headers, "x-api-key")?;
    let key = match (bearer, header_key) {
        (Some(a), Some(b)) if a != b => {
            return Err(ApiError::unauthorized(
                "The Authorization and x-api-key headers carry different keys",
            ));
        }
        (Some(a), _) => Some(a),
        (None, b) => b,
    };
    match key {
        Some(k) if !looks_like_key(&k) => Err(ApiError::unauthorized("Invalid API key")),
        other => Ok(other),
    }
}

const MISSING: &str = "Missing API key: send it as 'Authorization: Bearer KEY' or 'x-api-key: KEY'";

/// Middleware for every admin route: resolves the Admin API key to its organization.
pub async fn require_admin(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let key = match presented_key(request.headers()) {
        Ok(Some(key)) => key,
        Ok(None) => return ApiError::unauthorized(MISSING).into_response(),
        Err(err) => return err.into_response(),
    };
    if let Some((org, actor)) = state.sessions.find(&key) {
        request.extensions_mut().insert(AdminAuth { org, actor });
        return next.run(request).await;
    }
    let now = state.clock.now();
    let verdict = state
        .db
        .read(move |tx| {
            Ok(match admin_keys::lookup(tx, &key)? {
                admin_keys::Lookup::Valid { org, actor } => Ok(AdminAuth { org, actor }),
                admin_keys::Lookup::Revoked => Err(ApiError::unauthorized(
                    "This Admin API key has been revoked",
                )),
                admin_keys::Lookup::Unknown => match api_keys::check(tx, &key, now)? {
                    api_keys::KeyCheck::Unknown => Err(ApiError::unauthorized("Invalid API key")),
                    _ => Err(ApiError::unauthorized(
                        "A workspace API key cannot be used on the Admin API; use an Admin API key",
                    )),
                },
            })
        })
        .await;
    match verdict {
        Ok(Ok(auth)) => {
            request.extensions_mut().insert(auth);
            next.run(request).await
        }
        Ok(Err(err)) | Err(err) => err.into_response(),
    }
}
