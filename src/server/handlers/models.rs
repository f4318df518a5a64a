//! `GET /v1/models`: what a workspace API key can reach. The local server has no models to run;
//! this endpoint exists so that whether a key works (or stopped working) can be observed.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;

use crate::api::{ModelCapabilities, ModelCard, ModelList};
use crate::server::auth::presented_key;
use crate::server::error::{ApiError, ApiResult};
use crate::server::ops::{admin_keys, api_keys, usage};
use crate::server::state::AppState;

fn catalog() -> Vec<ModelCard> {
    let card = |id: &str, context: i64, vision: bool, fim: bool| ModelCard {
        id: id.to_owned(),
        object: "model".into(),
        created: 1_735_689_600,
        owned_by: "mistralai".into(),
        capabilities: ModelCapabilities {
            completion_chat: true,
            function_calling: true,
            completion_fim: fim,
            vision,
            ..ModelCapabilities::default()
        },
        name: Some(id.to_owned()),
        description: None,
        max_context_length: context,
        aliases: Vec::new(),
        deprecation: None,
        deprecation_replacement_model: None,
        default_model_temperature: None,
        internal: false,
        kind: "base".into(),
        job: None,
        root: None,
        archived: None,
    };
    vec![
        card("mistral-large-latest", 131_072, true, false),
        card("mistral-medium-latest", 131_072, true, false),
        card("mistral-small-latest", 131_072, true, false),
        card("codestral-latest", 262_144, false, true),
    ]
}

pub async fn list(State(s): State<AppState>, headers: HeaderMap) -> ApiResult<Json<ModelList>> {
    let key = presented_key(&headers)?.ok_or_else(|| ApiError::unauthorized("Missing API key"))?;
    let now = s.clock.now();
    let read_only = s.read_only;
    s.db.write(move |tx| match api_keys::check(tx, &key, now)? {
        // A read-only server records nothing, not even when a key was last used.
        api_keys::KeyCheck::Valid { .. } if read_only => Ok(()),
        api_keys::KeyCheck::Valid { key_id, .. } => {
            api_keys::mark_used(tx, key_id, now)?;
            usage::record_call(tx, key_id, now)
        }
        api_keys::KeyCheck::Expired => Err(ApiError::unauthorized("API key expired")),
        api_keys::KeyCheck::WorkspaceArchived => Err(ApiError::unauthorized(
            "API key disabled: its workspace has been archived",
        )),
        api_keys::KeyCheck::Unknown => match admin_keys::lookup(tx, &key)? {
            admin_keys::Lookup::Unknown => Err(ApiError::unauthorized("Invalid API key")),
            _ => Err(ApiError::unauthorized(
                "An Admin API key cannot be used for inference; use a workspace API key",
            )),
        },
    })
    .await?;
    Ok(Json(ModelList {
        object: "list".into(),
        data: catalog(),
    }))
}
