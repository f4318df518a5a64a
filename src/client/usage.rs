//! Usage with its cost, and rate limits.

use uuid::Uuid;

use super::error::ClientError;
use super::query::present;
use super::transport::{AdminClient, Call};
use crate::api::Operation;
use crate::api::{RateLimitsOut, UsageOutJson};

/// `GET /usage` parameters: a month (the current one when absent) and optional filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsageQuery {
    /// 1 to 12.
    pub month: Option<u8>,
    pub year: Option<i32>,
    pub workspace_id: Option<Uuid>,
    /// `global`, `us` or `eu`.
    pub api_zone: Option<String>,
}

impl UsageQuery {
    /// One month of one year.
    pub fn month(year: i32, month: u8) -> Self {
        Self {
            month: Some(month),
            year: Some(year),
            ..Self::default()
        }
    }

    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        present([
            ("month", self.month.map(|month| month.to_string())),
            ("year", self.year.map(|year| year.to_string())),
            ("workspace_id", self.workspace_id.map(|w| w.to_string())),
            ("api_zone", self.api_zone.clone()),
        ])
    }
}

impl AdminClient {
    /// `GET /usage`: one month's usage and cost, per model and category.
    pub async fn usage(&self, query: &UsageQuery) -> Result<UsageOutJson, ClientError> {
        let mut call = Call::to(Operation::GetUsage, &[], "Usage");
        call.query = query.pairs();
        self.send(call).await
    }

    /// `GET /rate-limit`: requests per second and tokens per model.
    pub async fn rate_limits(&self) -> Result<RateLimitsOut, ClientError> {
        self.send(Call::to(Operation::GetRateLimits, &[], "Rate limits"))
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_set_is_sent() {
        assert!(UsageQuery::default().pairs().is_empty());
        let workspace = Uuid::nil();
        let query = UsageQuery {
            workspace_id: Some(workspace),
            api_zone: Some("eu".into()),
            ..UsageQuery::month(2026, 11)
        };
        assert_eq!(
            query.pairs(),
            vec![
                ("month", "11".to_owned()),
                ("year", "2026".to_owned()),
                ("workspace_id", workspace.to_string()),
                ("api_zone", "eu".to_owned()),
            ]
        );
    }
}
