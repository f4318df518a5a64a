//! What the rate-limits view asks for: `GET /rate-limit`.

use crate::client::AdminClient;
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Ask, remote};

/// The organization's rate limits, as rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    pub requests_per_second: i64,
    pub models: Vec<ModelLimit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelLimit {
    pub model: String,
    pub tokens_per_minute: i64,
    pub tokens_per_month: i64,
}

impl Limits {
    pub fn from_api(out: &crate::api::RateLimitsOut) -> Self {
        Self {
            requests_per_second: out.requests_per_second,
            models: out
                .tokens_limits_by_model
                .iter()
                .map(|(model, limits)| ModelLimit {
                    model: model.clone(),
                    tokens_per_minute: limits.tokens_per_minute,
                    tokens_per_month: limits.tokens_per_month,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitsFetch;

impl Ask for LimitsFetch {
    type Answer = Limits;

    fn label(&self) -> &'static str {
        "rate limits"
    }

    async fn ask(self, client: AdminClient) -> Result<Limits, RemoteError> {
        let out = client.rate_limits().await.map_err(remote)?;
        Ok(Limits::from_api(&out))
    }

    #[cfg(test)]
    fn fixture(&self) -> Limits {
        super::tests::limits()
    }
}
