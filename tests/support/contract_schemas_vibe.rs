//! The contract's response schemas for Vibe analytics, in the form of `contract_schemas.rs`.

use super::contract::{Nested, Schema, schema};

pub const SCHEMAS: &[Schema] = &[
    Schema {
        required: &[
            "day",
            "nb_active_users_total",
            "nb_active_users_cli",
            "nb_active_users_acp",
            "nb_active_users_programmatic",
        ],
        ..schema(
            "VibeActiveUsersStat",
            &[
                "day",
                "nb_active_users_total",
                "nb_active_users_cli",
                "nb_active_users_acp",
                "nb_active_users_programmatic",
            ],
        )
    },
    Schema {
        required: &[
            "day",
            "model",
            "cached_tokens",
            "input_tokens",
            "output_tokens",
        ],
        ..schema(
            "VibeConsumedTokensStat",
            &[
                "day",
                "model",
                "cached_tokens",
                "input_tokens",
                "output_tokens",
            ],
        )
    },
    Schema {
        required: &["day", "nb_active_users"],
        ..schema("VibeNextEditActiveUsersStat", &["day", "nb_active_users"])
    },
    Schema {
        required: &[
            "day",
            "lines_inserted",
            "lines_deleted",
            "lines_unchanged",
            "lines_total",
        ],
        ..schema(
            "VibeNextEditModifiedLOCStat",
            &[
                "day",
                "lines_inserted",
                "lines_deleted",
                "lines_unchanged",
                "lines_total",
            ],
        )
    },
    Schema {
        required: &[
            "day",
            "total_suggestions",
            "outcome_accepted",
            "outcome_rejected",
            "outcome_timeout",
            "outcome_aborted",
            "outcome_dismissed",
            "force_generated_true",
            "force_generated_false",
            "surface_widget",
            "surface_ghost_text",
        ],
        ..schema(
            "VibeNextEditSuggestionStat",
            &[
                "day",
                "total_suggestions",
                "outcome_accepted",
                "outcome_rejected",
                "outcome_timeout",
                "outcome_aborted",
                "outcome_dismissed",
                "force_generated_true",
                "force_generated_false",
                "surface_widget",
                "surface_ghost_text",
            ],
        )
    },
    Schema {
        required: &[
            "start_time",
            "end_time",
            "next_edit_suggestions",
            "next_edit_active_users",
            "next_edit_modified_loc",
        ],
        nested: &[
            (
                "next_edit_suggestions",
                Nested::Object("VibeNextEditSuggestionStat"),
            ),
            (
                "next_edit_active_users",
                Nested::Object("VibeNextEditActiveUsersStat"),
            ),
            (
                "next_edit_modified_loc",
                Nested::Object("VibeNextEditModifiedLOCStat"),
            ),
        ],
        ..schema(
            "VibeOrganizationStatsOUT",
            &[
                "start_time",
                "end_time",
                "next_edit_suggestions",
                "next_edit_active_users",
                "next_edit_modified_loc",
            ],
        )
    },
    Schema {
        required: &["day", "total_duration_hours"],
        ..schema("VibeSessionDurationStat", &["day", "total_duration_hours"])
    },
    Schema {
        required: &[
            "day",
            "nb_sessions",
            "nb_sessions_cli",
            "nb_sessions_acp",
            "nb_sessions_programmatic",
        ],
        ..schema(
            "VibeSessionStat",
            &[
                "day",
                "nb_sessions",
                "nb_sessions_cli",
                "nb_sessions_acp",
                "nb_sessions_programmatic",
            ],
        )
    },
    Schema {
        required: &["day", "tool_name", "count"],
        ..schema("VibeToolCallsByNameStat", &["day", "tool_name", "count"])
    },
    Schema {
        required: &[
            "day",
            "total",
            "status_success",
            "status_failure",
            "status_skipped",
            "approval_ask",
            "approval_always",
            "approval_never",
        ],
        ..schema(
            "VibeToolCallsStat",
            &[
                "day",
                "total",
                "status_success",
                "status_failure",
                "status_skipped",
                "approval_ask",
                "approval_always",
                "approval_never",
            ],
        )
    },
    Schema {
        required: &[
            "day",
            "nb_prompts_total",
            "nb_prompts_cli",
            "nb_prompts_acp",
            "nb_prompts_programmatic",
        ],
        ..schema(
            "VibeUserPromptsStat",
            &[
                "day",
                "nb_prompts_total",
                "nb_prompts_cli",
                "nb_prompts_acp",
                "nb_prompts_programmatic",
            ],
        )
    },
    Schema {
        required: &[
            "messages_count",
            "files_count",
            "images_count",
            "spreadsheets_count",
            "unique_conversations_count",
            "agent_id",
            "last_message_at",
            "unique_users_count",
        ],
        ..schema(
            "VibeWorkByAgentStat",
            &[
                "messages_count",
                "files_count",
                "images_count",
                "spreadsheets_count",
                "unique_conversations_count",
                "agent_id",
                "last_message_at",
                "unique_users_count",
            ],
        )
    },
    Schema {
        required: &["start_time", "end_time", "data"],
        nested: &[("data", Nested::Object("VibeWorkByAgentStat"))],
        ..schema(
            "VibeWorkByAgentStatsOUT",
            &["start_time", "end_time", "data"],
        )
    },
    Schema {
        required: &[
            "messages_count",
            "files_count",
            "images_count",
            "spreadsheets_count",
            "unique_conversations_count",
            "time_bucket",
            "unique_users_count",
            "messages_to_agents_count",
            "unique_agents_count",
        ],
        ..schema(
            "VibeWorkByTimeStat",
            &[
                "messages_count",
                "files_count",
                "images_count",
                "spreadsheets_count",
                "unique_conversations_count",
                "time_bucket",
                "unique_users_count",
                "messages_to_agents_count",
                "unique_agents_count",
            ],
        )
    },
    Schema {
        required: &["start_time", "end_time", "data"],
        nested: &[("data", Nested::Object("VibeWorkByTimeStat"))],
        ..schema(
            "VibeWorkByTimeStatsOUT",
            &["start_time", "end_time", "data"],
        )
    },
    Schema {
        required: &[
            "messages_count",
            "files_count",
            "images_count",
            "spreadsheets_count",
            "unique_conversations_count",
            "user_id",
            "last_message_at",
            "unique_agents_count",
            "messages_to_agents_count",
        ],
        ..schema(
            "VibeWorkByUserStat",
            &[
                "messages_count",
                "files_count",
                "images_count",
                "spreadsheets_count",
                "unique_conversations_count",
                "user_id",
                "last_message_at",
                "unique_agents_count",
                "messages_to_agents_count",
            ],
        )
    },
    Schema {
        required: &["start_time", "end_time", "data"],
        nested: &[("data", Nested::Object("VibeWorkByUserStat"))],
        ..schema(
            "VibeWorkByUserStatsOUT",
            &["start_time", "end_time", "data"],
        )
    },
    Schema {
        required: &[
            "start_time",
            "end_time",
            "sessions",
            "user_prompts",
            "active_users",
            "consumed_tokens",
            "tool_calls",
            "tool_calls_by_name",
            "session_durations",
        ],
        nested: &[
            ("sessions", Nested::Object("VibeSessionStat")),
            ("user_prompts", Nested::Object("VibeUserPromptsStat")),
            ("active_users", Nested::Object("VibeActiveUsersStat")),
            ("consumed_tokens", Nested::Object("VibeConsumedTokensStat")),
            ("tool_calls", Nested::Object("VibeToolCallsStat")),
            (
                "tool_calls_by_name",
                Nested::Object("VibeToolCallsByNameStat"),
            ),
            (
                "session_durations",
                Nested::Object("VibeSessionDurationStat"),
            ),
        ],
        ..schema(
            "VibeWorkspaceStatsOUT",
            &[
                "start_time",
                "end_time",
                "sessions",
                "user_prompts",
                "active_users",
                "consumed_tokens",
                "tool_calls",
                "tool_calls_by_name",
                "session_durations",
            ],
        )
    },
];
