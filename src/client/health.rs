//! Whether a profile answers: the check behind `mistral-admin profiles`.

use std::fmt;
use std::time::Duration;

use super::error::ClientError;
use super::options::RetryPolicy;
use super::profiles::{KeySource, Profile};
use super::transport::AdminClient;
use crate::api::paths::DEFAULT_BASE_URL;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileStatus {
    /// The key was accepted; the organization's name when the server says it.
    Ok {
        organization: Option<String>,
    },
    Unauthorized(String),
    /// No answer: refused, unresolvable, or nothing within the time allowed.
    Unreachable(String),
    /// An HTTP server answers, but not the Admin API: the role catalog, which every Admin API
    /// serves to any admin key, is not found there or is not JSON. Usually a base URL missing
    /// its `/v1/admin`.
    NotAdminApi,
    /// Anything else, including a key that could not be read.
    Error(String),
    /// The built-in `local` profile: the embedded server only runs with the console or `serve`.
    Embedded,
}

impl fmt::Display for ProfileStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ok { organization: None } => f.write_str("ok"),
            Self::Ok {
                organization: Some(name),
            } => write!(f, "ok (organization {name})"),
            Self::Unauthorized(why) => write!(f, "unauthorized: {why}"),
            Self::Unreachable(why) => write!(f, "unreachable: {why}"),
            Self::NotAdminApi => write!(
                f,
                "no Admin API at this URL: a server answers, but not the Admin API; the base URL \
                 usually ends in /v1/admin, e.g. {DEFAULT_BASE_URL}"
            ),
            Self::Error(why) => write!(f, "error: {why}"),
            Self::Embedded => f.write_str("embedded demo server (runs with the console)"),
        }
    }
}

/// Asks the profile's server for the role catalog (any admin key may read it) with short
/// timeouts and no retries, then for the organization's name where the server has it.
pub async fn check_profile(profile: &Profile, timeout: Duration) -> ProfileStatus {
    if profile.is_local && profile.key_source == KeySource::Embedded {
        return ProfileStatus::Embedded;
    }
    let key = match tokio::time::timeout(timeout * 4, profile.resolve_key()).await {
        Ok(Ok(key)) => key,
        Ok(Err(err)) => return ProfileStatus::Error(err.to_string()),
        Err(_) => return ProfileStatus::Error("the key source did not answer in time".to_owned()),
    };
    let mut config = profile.client_config(key);
    config.connect_timeout = timeout;
    config.request_timeout = timeout;
    config.retry = RetryPolicy::none();
    let client = match AdminClient::new(config) {
        Ok(client) => client,
        Err(err) => return ProfileStatus::Error(err.to_string()),
    };
    match client.roles().await {
        Ok(_) => ProfileStatus::Ok {
            organization: client
                .local_organization()
                .await
                .ok()
                .flatten()
                .map(|org| org.name),
        },
        Err(err) => status_of(err),
    }
}

fn status_of(err: ClientError) -> ProfileStatus {
    match err {
        ClientError::Unauthorized { message } => ProfileStatus::Unauthorized(message),
        ClientError::Forbidden { message } => ProfileStatus::Unauthorized(message),
        ClientError::Unreachable { reason, .. } => ProfileStatus::Unreachable(reason),
        ClientError::Timeout { after, .. } => {
            ProfileStatus::Unreachable(format!("no answer within {} ms", after.as_millis()))
        }
        // `GET /roles` exists on every Admin API; a 404 there ("Role catalog not found" on a
        // status line) or a reply that is not even JSON means something else answers. JSON of
        // the wrong shape is left as it is: that is an Admin API that drifted from the contract.
        ClientError::NotFound { .. } | ClientError::Unexpected { status: 405, .. } => {
            ProfileStatus::NotAdminApi
        }
        ClientError::Undecodable { ref excerpt, .. }
            if !excerpt.trim_start().starts_with(['{', '[']) =>
        {
            ProfileStatus::NotAdminApi
        }
        other => ProfileStatus::Error(other.to_string()),
    }
}
