//! The organization's spending limit and its audit log.

use super::error::ClientError;
use super::query::AuditQuery;
use super::transport::{AdminClient, Call};
use crate::api::Operation;
use crate::api::{AuditLogOut, LimitsOut, NewUsageLimitIn};

impl AdminClient {
    /// `GET /spend-limit`.
    pub async fn spend_limit(&self) -> Result<LimitsOut, ClientError> {
        self.send(Call::to(Operation::GetSpendLimit, &[], "Spending limit"))
            .await
    }

    /// `POST /spend-limit`: sets the monthly limit (or none).
    pub async fn set_spend_limit(&self, limit: &NewUsageLimitIn) -> Result<LimitsOut, ClientError> {
        self.send(Call::to(Operation::SetSpendLimit, &[], "Spending limit").json(limit)?)
            .await
    }

    /// `GET /audit-logs`: newest first unless the query says otherwise.
    pub async fn audit_logs(&self, query: &AuditQuery) -> Result<Vec<AuditLogOut>, ClientError> {
        let mut call = Call::to(Operation::ListAuditLogs, &[], "Audit log");
        call.query = query.pairs();
        self.send(call).await
    }
}
