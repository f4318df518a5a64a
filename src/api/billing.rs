//! The organization's monthly spending limit.

use serde::{Deserialize, Serialize};

/// `UsageLimits`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsageLimits {
    #[serde(default)]
    pub no_monthly_limit: bool,
    pub monthly_limit_reached: bool,
    #[serde(default)]
    pub usage: Option<f64>,
    #[serde(default)]
    pub vibe_usage: Option<f64>,
    #[serde(default)]
    pub total_usage: Option<f64>,
    #[serde(default)]
    pub usage_limit: Option<f64>,
}

/// `LimitsContext`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LimitsContext {
    pub completion: UsageLimits,
    pub last_payment_failure: bool,
    pub last_payment_failure_protection: Option<bool>,
    pub currency: String,
}

/// `GET`/`POST /spend-limit` response (`LimitsOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LimitsOut {
    pub limits: LimitsContext,
}

/// `POST /spend-limit` body (`NewUsageLimitIN`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewUsageLimitIn {
    pub amount: i64,
    #[serde(default)]
    pub no_monthly_limit: bool,
}
