//! Rate limits (`GET /rate-limit`) and usage with its cost (`GET /usage`).
//!
//! The contract leaves each usage entry free-form (`models.{model}.{group}` is a list of
//! objects). They are kept as JSON objects, so whatever a server puts there survives; the
//! helpers below read the fields the local server writes (`workspace_id`, `value`, `amount`,
//! see docs/local-server.md) and count an entry without them as nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::OffsetDateTime;
use uuid::Uuid;

use super::datetime::timestamp;

/// `ApiZone`.
pub const API_ZONES: [&str; 3] = ["global", "us", "eu"];
/// `ServiceTier`.
pub const SERVICE_TIERS: [&str; 2] = ["standard", "priority"];

/// Token limits of one model (`TokenLimitsByModel`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenLimitsByModel {
    pub tokens_per_minute: i64,
    pub tokens_per_month: i64,
}

/// `GET /rate-limit` (`RateLimitsOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateLimitsOut {
    pub requests_per_second: i64,
    pub tokens_limits_by_model: BTreeMap<String, TokenLimitsByModel>,
}

/// One usage entry as it came; see the module's note.
pub type UsageEntry = Map<String, Value>;

/// Usage grouped by model, then by billing group (`BasicModelUsageDataJSON`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BasicModelUsageData {
    pub models: BTreeMap<String, BTreeMap<String, Vec<UsageEntry>>>,
}

/// `LibrariesAPIUsageDataJSON`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LibrariesApiUsageData {
    pub pages: BasicModelUsageData,
    pub tokens: BasicModelUsageData,
    pub audio_seconds: BasicModelUsageData,
}

/// `FineTuningDataJSON`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FineTuningData {
    pub training: BTreeMap<String, BTreeMap<String, Vec<UsageEntry>>>,
    pub storage: BTreeMap<String, i64>,
}

/// `VibeCodeUsageDataJSON`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VibeCodeUsageData {
    pub completion: BasicModelUsageData,
    pub ocr: BasicModelUsageData,
    pub connectors: BasicModelUsageData,
    pub audio: BasicModelUsageData,
    pub audio_characters: BasicModelUsageData,
}

/// A unit price (`PriceData`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceData {
    /// `LagoEventType`, e.g. `api_tokens`.
    pub event_type: Option<String>,
    pub billing_metric: String,
    pub billing_group: String,
    /// One of [`API_ZONES`].
    pub api_zone: String,
    /// One of [`SERVICE_TIERS`].
    pub service_tier: String,
    /// A number, or a decimal written as a string.
    pub price: Value,
}

/// `GET /usage` (`UsageOUTJSON`): one month of usage and its cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsageOutJson {
    pub completion: BasicModelUsageData,
    pub ocr: BasicModelUsageData,
    pub connectors: BasicModelUsageData,
    pub libraries_api: LibrariesApiUsageData,
    pub fine_tuning: FineTuningData,
    pub audio: BasicModelUsageData,
    pub audio_characters: BasicModelUsageData,
    /// Legacy; always 0 (Vibe usage is in `vibe_code`).
    pub vibe_usage: f64,
    pub vibe_code: VibeCodeUsageData,
    pub chat: BasicModelUsageData,
    #[serde(with = "timestamp")]
    pub date: OffsetDateTime,
    pub previous_month: Option<String>,
    pub next_month: Option<String>,
    #[serde(with = "timestamp")]
    pub start_date: OffsetDateTime,
    #[serde(with = "timestamp")]
    pub end_date: OffsetDateTime,
    pub currency: Option<String>,
    pub currency_symbol: Option<String>,
    pub prices: Option<Vec<PriceData>>,
}

/// A number in an entry, whether written as a number or as a decimal string.
fn number(entry: &UsageEntry, key: &str) -> Option<f64> {
    match entry.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

impl BasicModelUsageData {
    /// Every entry with its model and billing group.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str, &UsageEntry)> {
        self.models.iter().flat_map(|(model, groups)| {
            groups.iter().flat_map(move |(group, entries)| {
                entries
                    .iter()
                    .map(move |e| (model.as_str(), group.as_str(), e))
            })
        })
    }
}

/// What one entry costs (`amount`) and where it was spent (`workspace_id`).
pub fn entry_amount(entry: &UsageEntry) -> f64 {
    number(entry, "amount").unwrap_or(0.0)
}

pub fn entry_workspace(entry: &UsageEntry) -> Option<Uuid> {
    entry
        .get("workspace_id")
        .and_then(Value::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
}

impl UsageOutJson {
    /// Every category that holds model entries, by the name the contract gives it.
    pub fn categories(&self) -> Vec<(&'static str, &BasicModelUsageData)> {
        vec![
            ("completion", &self.completion),
            ("chat", &self.chat),
            ("ocr", &self.ocr),
            ("connectors", &self.connectors),
            ("audio", &self.audio),
            ("audio_characters", &self.audio_characters),
            ("libraries_api.pages", &self.libraries_api.pages),
            ("libraries_api.tokens", &self.libraries_api.tokens),
            (
                "libraries_api.audio_seconds",
                &self.libraries_api.audio_seconds,
            ),
            ("vibe_code.completion", &self.vibe_code.completion),
            ("vibe_code.ocr", &self.vibe_code.ocr),
            ("vibe_code.connectors", &self.vibe_code.connectors),
            ("vibe_code.audio", &self.vibe_code.audio),
            (
                "vibe_code.audio_characters",
                &self.vibe_code.audio_characters,
            ),
        ]
    }

    /// Every entry of every category (fine-tuning training included), with its category and
    /// model.
    pub fn all_entries(&self) -> Vec<(&'static str, &str, &UsageEntry)> {
        let mut out: Vec<(&'static str, &str, &UsageEntry)> = self
            .categories()
            .into_iter()
            .flat_map(|(category, data)| {
                data.entries()
                    .map(move |(model, _, entry)| (category, model, entry))
            })
            .collect();
        for (model, groups) in &self.fine_tuning.training {
            for entry in groups.values().flatten() {
                out.push(("fine_tuning.training", model.as_str(), entry));
            }
        }
        out
    }

    /// The month's total cost.
    pub fn total_amount(&self) -> f64 {
        self.all_entries()
            .iter()
            .map(|(_, _, e)| entry_amount(e))
            .sum()
    }

    /// The month's cost per workspace; entries without a workspace are left out.
    pub fn amount_by_workspace(&self) -> BTreeMap<Uuid, f64> {
        let mut out = BTreeMap::new();
        for (_, _, entry) in self.all_entries() {
            if let Some(workspace) = entry_workspace(entry) {
                *out.entry(workspace).or_insert(0.0) += entry_amount(entry);
            }
        }
        out
    }

    /// The month's cost per model, across categories.
    pub fn amount_by_model(&self) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        for (_, model, entry) in self.all_entries() {
            *out.entry(model.to_owned()).or_insert(0.0) += entry_amount(entry);
        }
        out
    }
}
