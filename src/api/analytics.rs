//! Vibe analytics: Vibe Work usage by user, by agent and over time, and Vibe Code usage for a
//! workspace or the whole organization. Every query takes a window in Unix seconds.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::datetime::{timestamp, timestamp_opt};

/// The `granularity` values of `by_time_stats`.
pub const VIBE_GRANULARITIES: [&str; 4] = ["hour", "day", "week", "month"];

/// `#[serde(with = "day")]`: a calendar day as `YYYY-MM-DD`.
mod day {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    use crate::api::datetime::{format_date, parse_date};

    pub fn serialize<S: Serializer>(value: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text).ok_or_else(|| serde::de::Error::custom(format!("invalid date {text:?}")))
    }
}

/// `VibeWorkByUserStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeWorkByUserStat {
    pub messages_count: i64,
    pub files_count: i64,
    pub images_count: i64,
    pub spreadsheets_count: i64,
    pub unique_conversations_count: i64,
    pub user_id: String,
    #[serde(with = "timestamp")]
    pub last_message_at: OffsetDateTime,
    pub unique_agents_count: i64,
    pub messages_to_agents_count: i64,
}

/// `VibeWorkByAgentStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeWorkByAgentStat {
    pub messages_count: i64,
    pub files_count: i64,
    pub images_count: i64,
    pub spreadsheets_count: i64,
    pub unique_conversations_count: i64,
    pub agent_id: String,
    #[serde(with = "timestamp")]
    pub last_message_at: OffsetDateTime,
    pub unique_users_count: i64,
}

/// `VibeWorkByTimeStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeWorkByTimeStat {
    pub messages_count: i64,
    pub files_count: i64,
    pub images_count: i64,
    pub spreadsheets_count: i64,
    pub unique_conversations_count: i64,
    #[serde(with = "timestamp_opt")]
    pub time_bucket: Option<OffsetDateTime>,
    pub unique_users_count: i64,
    pub messages_to_agents_count: i64,
    pub unique_agents_count: i64,
}

/// The envelope of the three Vibe Work answers: the window and its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeStatsOut<T> {
    pub start_time: i64,
    pub end_time: i64,
    pub data: Vec<T>,
}

/// `VibeWorkByUserStatsOUT`.
pub type VibeWorkByUserStatsOut = VibeStatsOut<VibeWorkByUserStat>;
/// `VibeWorkByAgentStatsOUT`.
pub type VibeWorkByAgentStatsOut = VibeStatsOut<VibeWorkByAgentStat>;
/// `VibeWorkByTimeStatsOUT`.
pub type VibeWorkByTimeStatsOut = VibeStatsOut<VibeWorkByTimeStat>;

/// `VibeSessionStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeSessionStat {
    #[serde(with = "day")]
    pub day: Date,
    pub nb_sessions: i64,
    pub nb_sessions_cli: i64,
    pub nb_sessions_acp: i64,
    pub nb_sessions_programmatic: i64,
}

/// `VibeUserPromptsStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeUserPromptsStat {
    #[serde(with = "day")]
    pub day: Date,
    pub nb_prompts_total: i64,
    pub nb_prompts_cli: i64,
    pub nb_prompts_acp: i64,
    pub nb_prompts_programmatic: i64,
}

/// `VibeActiveUsersStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeActiveUsersStat {
    #[serde(with = "day")]
    pub day: Date,
    pub nb_active_users_total: i64,
    pub nb_active_users_cli: i64,
    pub nb_active_users_acp: i64,
    pub nb_active_users_programmatic: i64,
}

/// `VibeConsumedTokensStat`: one model's tokens on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeConsumedTokensStat {
    #[serde(with = "day")]
    pub day: Date,
    pub model: String,
    pub cached_tokens: i64,
    pub input_tokens: i64,
    pub output_tokens: i64,
}

/// `VibeToolCallsStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeToolCallsStat {
    #[serde(with = "day")]
    pub day: Date,
    pub total: i64,
    pub status_success: i64,
    pub status_failure: i64,
    pub status_skipped: i64,
    pub approval_ask: i64,
    pub approval_always: i64,
    pub approval_never: i64,
}

/// `VibeToolCallsByNameStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeToolCallsByNameStat {
    #[serde(with = "day")]
    pub day: Date,
    pub tool_name: String,
    pub count: i64,
}

/// `VibeSessionDurationStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeSessionDurationStat {
    #[serde(with = "day")]
    pub day: Date,
    pub total_duration_hours: f64,
}

/// `GET /analytics/vibe/code/usage/by_workspace` (`VibeWorkspaceStatsOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeWorkspaceStatsOut {
    pub start_time: i64,
    pub end_time: i64,
    pub sessions: Vec<VibeSessionStat>,
    pub user_prompts: Vec<VibeUserPromptsStat>,
    pub active_users: Vec<VibeActiveUsersStat>,
    pub consumed_tokens: Vec<VibeConsumedTokensStat>,
    pub tool_calls: Vec<VibeToolCallsStat>,
    pub tool_calls_by_name: Vec<VibeToolCallsByNameStat>,
    pub session_durations: Vec<VibeSessionDurationStat>,
}

/// `VibeNextEditSuggestionStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeNextEditSuggestionStat {
    #[serde(with = "day")]
    pub day: Date,
    pub total_suggestions: i64,
    pub outcome_accepted: i64,
    pub outcome_rejected: i64,
    pub outcome_timeout: i64,
    pub outcome_aborted: i64,
    pub outcome_dismissed: i64,
    pub force_generated_true: i64,
    pub force_generated_false: i64,
    pub surface_widget: i64,
    pub surface_ghost_text: i64,
}

/// `VibeNextEditActiveUsersStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeNextEditActiveUsersStat {
    #[serde(with = "day")]
    pub day: Date,
    pub nb_active_users: i64,
}

/// `VibeNextEditModifiedLOCStat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeNextEditModifiedLocStat {
    #[serde(with = "day")]
    pub day: Date,
    pub lines_inserted: i64,
    pub lines_deleted: i64,
    pub lines_unchanged: i64,
    pub lines_total: i64,
}

/// `GET /analytics/vibe/code/usage/by_organization` (`VibeOrganizationStatsOUT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VibeOrganizationStatsOut {
    pub start_time: i64,
    pub end_time: i64,
    pub next_edit_suggestions: Vec<VibeNextEditSuggestionStat>,
    pub next_edit_active_users: Vec<VibeNextEditActiveUsersStat>,
    pub next_edit_modified_loc: Vec<VibeNextEditModifiedLocStat>,
}
