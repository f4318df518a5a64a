//! `GET /v1/models`, the inference-side endpoint that shows whether a workspace key works.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelCapabilities {
    #[serde(default)]
    pub completion_chat: bool,
    #[serde(default)]
    pub function_calling: bool,
    #[serde(default)]
    pub reasoning: bool,
    #[serde(default)]
    pub completion_fim: bool,
    #[serde(default)]
    pub fine_tuning: bool,
    #[serde(default)]
    pub vision: bool,
    #[serde(default)]
    pub ocr: bool,
    #[serde(default)]
    pub classification: bool,
    #[serde(default)]
    pub moderation: bool,
    #[serde(default)]
    pub audio: bool,
    #[serde(default)]
    pub audio_transcription: bool,
    #[serde(default)]
    pub audio_transcription_realtime: bool,
    #[serde(default)]
    pub audio_speech: bool,
    #[serde(default)]
    pub unified_resources: bool,
}

/// A model card: `BaseModelCard`, or `FTModelCard` (`type: "fine-tuned"`) whose extra fields
/// (`job`, `root`, `archived`) are then present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelCard {
    pub id: String,
    #[serde(default = "model_object")]
    pub object: String,
    #[serde(default)]
    pub created: i64,
    #[serde(default = "mistralai")]
    pub owned_by: String,
    pub capabilities: ModelCapabilities,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "default_context_length")]
    pub max_context_length: i64,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, with = "super::datetime::timestamp_opt")]
    pub deprecation: Option<time::OffsetDateTime>,
    #[serde(default)]
    pub deprecation_replacement_model: Option<String>,
    #[serde(default)]
    pub default_model_temperature: Option<f64>,
    #[serde(default)]
    pub internal: bool,
    #[serde(rename = "type", default = "base_type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    /// Only on fine-tuned cards, where an absent value means `false` (see
    /// [`is_archived`](Self::is_archived)); base cards have no such field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
}

impl ModelCard {
    /// Whether a fine-tuned model is archived; the contract's default is `false`.
    pub fn is_archived(&self) -> bool {
        self.archived.unwrap_or(false)
    }
}

fn model_object() -> String {
    "model".to_owned()
}

fn base_type() -> String {
    "base".to_owned()
}

// The contract's `default:` values for fields a card may leave out.
fn mistralai() -> String {
    "mistralai".to_owned()
}

fn default_context_length() -> i64 {
    32_768
}

fn list_object() -> String {
    "list".to_owned()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelList {
    #[serde(default = "list_object")]
    pub object: String,
    pub data: Vec<ModelCard>,
}
