//! How a client connects: base URL, credential, auth headers, timeouts, retries, user agent.

use std::time::Duration;

use crate::api::paths::DEFAULT_BASE_URL;
use crate::domain::SecretString;

/// Which headers carry the admin key. The contract declares a bearer token while Mistral's
/// written guides send `x-api-key`; sending both works with either kind of gateway.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AuthStyle {
    #[default]
    Both,
    Bearer,
    XApiKey,
}

impl AuthStyle {
    /// The spelling used in `config.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Both => "both",
            Self::Bearer => "bearer",
            Self::XApiKey => "x-api-key",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [Self::Both, Self::Bearer, Self::XApiKey]
            .into_iter()
            .find(|style| style.as_str() == value)
    }

    pub fn sends_bearer(self) -> bool {
        matches!(self, Self::Both | Self::Bearer)
    }

    pub fn sends_x_api_key(self) -> bool {
        matches!(self, Self::Both | Self::XApiKey)
    }
}

/// When and how often a failed call is tried again. Only calls that are safe to repeat are
/// retried (reads, and the idempotent add-or-update of workspace members).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Further attempts after the first; 0 disables retries.
    pub max_retries: u32,
    /// The first backoff; each later one doubles, up to `max_delay`.
    pub base_delay: Duration,
    pub max_delay: Duration,
    /// The longest wait a server's `Retry-After` can impose before the client gives up waiting
    /// and retries anyway; a console should not sit silent for minutes.
    pub max_retry_after: Duration,
}

impl RetryPolicy {
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(4),
            max_retry_after: Duration::from_secs(10),
        }
    }
}

/// Everything an [`AdminClient`](super::AdminClient) needs. `Debug` shows only a hint of the key.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// The Admin API base, e.g. `https://api.mistral.ai/v1/admin`; paths are appended to it.
    pub base_url: String,
    pub credential: SecretString,
    pub auth: AuthStyle,
    pub connect_timeout: Duration,
    /// The whole exchange, from sending the request to reading the last byte of the body.
    pub request_timeout: Duration,
    pub retry: RetryPolicy,
    pub user_agent: String,
    /// Refuse every call that could change something, before it leaves the process. The console
    /// also disables such actions; this makes a read-only profile safe even if one slips through.
    pub read_only: bool,
}

impl ClientConfig {
    pub fn new(base_url: impl Into<String>, credential: SecretString) -> Self {
        Self {
            base_url: base_url.into(),
            credential,
            auth: AuthStyle::default(),
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            user_agent: default_user_agent(),
            read_only: false,
        }
    }

    /// Mistral's hosted Admin API.
    pub fn mistral(credential: SecretString) -> Self {
        Self::new(DEFAULT_BASE_URL, credential)
    }
}

pub fn default_user_agent() -> String {
    format!("mistral-admin/{}", env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_styles_round_trip_through_their_config_spelling() {
        for style in [AuthStyle::Both, AuthStyle::Bearer, AuthStyle::XApiKey] {
            assert_eq!(AuthStyle::parse(style.as_str()), Some(style));
        }
        assert_eq!(AuthStyle::parse("basic"), None);
        assert!(AuthStyle::Both.sends_bearer() && AuthStyle::Both.sends_x_api_key());
        assert!(!AuthStyle::Bearer.sends_x_api_key());
        assert!(!AuthStyle::XApiKey.sends_bearer());
    }

    #[test]
    fn debug_of_a_config_hides_the_key() {
        let config = ClientConfig::mistral(SecretString::new("sk-live-0123456789abcdefXYZW"));
        let shown = format!("{config:?}");
        assert!(!shown.contains("0123456789"), "{shown}");
        assert!(shown.contains("api.mistral.ai"));
    }
}
