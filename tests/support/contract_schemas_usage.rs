//! The contract's response schemas for rate limits, usage, SCIM sync and Vibe analytics, in the
//! form of `contract_schemas.rs`. Usage entries are free-form in the contract and not checked.

use super::contract::{Nested, Schema, schema};

const BASIC: Nested = Nested::Object("BasicModelUsageDataJSON");
const LAGO_EVENT_TYPES: &[&str] = &[
    "api_tokens",
    "api_pages",
    "api_audio_seconds",
    "api_audio_characters",
    "api_connectors",
    "api_libraries_tokens",
    "api_libraries_pages",
    "api_libraries_audio",
    "deployment_tokens",
    "gpu_hour",
    "reserved_instance",
    "vibe_tokens",
    "vibe_connectors",
    "vibe_pages",
    "vibe_audio_seconds",
    "vibe_audio_characters",
];
const USAGE_PROPERTIES: &[&str] = &[
    "completion",
    "ocr",
    "connectors",
    "libraries_api",
    "fine_tuning",
    "audio",
    "audio_characters",
    "vibe_usage",
    "vibe_code",
    "chat",
    "date",
    "previous_month",
    "next_month",
    "start_date",
    "end_date",
    "currency",
    "currency_symbol",
    "prices",
];
const SCIM_STATUSES: &[&str] = &["PENDING", "RUNNING", "SUCCESS", "SKIPPED", "FAILED"];
const SCIM_RUN: &[&str] = &[
    "run_id",
    "status",
    "dry_run",
    "sync_config",
    "created_at",
    "started_at",
    "finished_at",
    "summary",
    "error_message",
];
const VIBE_CODE: &[&str] = &[
    "completion",
    "ocr",
    "connectors",
    "audio",
    "audio_characters",
];

pub const SCHEMAS: &[Schema] = &[
    Schema {
        required: &["requests_per_second", "tokens_limits_by_model"],
        nested: &[(
            "tokens_limits_by_model",
            Nested::MapOf("TokenLimitsByModel"),
        )],
        ..schema(
            "RateLimitsOUT",
            &["requests_per_second", "tokens_limits_by_model"],
        )
    },
    Schema {
        required: &["tokens_per_minute", "tokens_per_month"],
        ..schema(
            "TokenLimitsByModel",
            &["tokens_per_minute", "tokens_per_month"],
        )
    },
    Schema {
        required: USAGE_PROPERTIES,
        nested: &[
            ("completion", BASIC),
            ("ocr", BASIC),
            ("connectors", BASIC),
            ("libraries_api", Nested::Object("LibrariesAPIUsageDataJSON")),
            ("fine_tuning", Nested::Object("FineTuningDataJSON")),
            ("audio", BASIC),
            ("audio_characters", BASIC),
            ("vibe_code", Nested::Object("VibeCodeUsageDataJSON")),
            ("chat", BASIC),
            ("prices", Nested::Object("PriceData")),
        ],
        ..schema("UsageOUTJSON", USAGE_PROPERTIES)
    },
    Schema {
        required: &["models"],
        ..schema("BasicModelUsageDataJSON", &["models"])
    },
    Schema {
        required: &["pages", "tokens", "audio_seconds"],
        nested: &[
            ("pages", BASIC),
            ("tokens", BASIC),
            ("audio_seconds", BASIC),
        ],
        ..schema(
            "LibrariesAPIUsageDataJSON",
            &["pages", "tokens", "audio_seconds"],
        )
    },
    Schema {
        required: &["training", "storage"],
        ..schema("FineTuningDataJSON", &["training", "storage"])
    },
    Schema {
        required: VIBE_CODE,
        nested: &[
            ("completion", BASIC),
            ("ocr", BASIC),
            ("connectors", BASIC),
            ("audio", BASIC),
            ("audio_characters", BASIC),
        ],
        ..schema("VibeCodeUsageDataJSON", VIBE_CODE)
    },
    Schema {
        required: &[
            "event_type",
            "billing_metric",
            "billing_group",
            "api_zone",
            "service_tier",
            "price",
        ],
        enums: &[
            ("event_type", LAGO_EVENT_TYPES),
            ("api_zone", &["global", "us", "eu"]),
            ("service_tier", &["standard", "priority"]),
        ],
        ..schema(
            "PriceData",
            &[
                "event_type",
                "billing_metric",
                "billing_group",
                "api_zone",
                "service_tier",
                "price",
            ],
        )
    },
    Schema {
        required: &["run_id"],
        ..schema("AdminScimSyncTriggerOUT", &["run_id"])
    },
    Schema {
        required: &["run_id", "status"],
        enums: &[("status", SCIM_STATUSES)],
        ..schema("AdminScimSyncActiveRunOUT", &["run_id", "status"])
    },
    Schema {
        required: SCIM_RUN,
        enums: &[("status", SCIM_STATUSES)],
        nested: &[
            ("sync_config", Nested::Object("AdminScimSyncConfig")),
            ("summary", Nested::Object("ScimSyncSummaryOut")),
        ],
        ..schema("AdminScimSyncRunOUT", SCIM_RUN)
    },
    Schema {
        required: &["sync_users", "sync_groups", "sync_memberships"],
        ..schema(
            "AdminScimSyncConfig",
            &[
                "delete_missing_groups",
                "deprovision_users",
                "sync_users",
                "sync_groups",
                "sync_memberships",
            ],
        )
    },
    Schema {
        required: &["users", "groups", "memberships"],
        nested: &[
            ("users", Nested::Object("ScimSyncUsersSummaryOut")),
            ("groups", Nested::Object("ScimSyncGroupsSummaryOut")),
            ("memberships", Nested::Object("ScimSyncMembershipActionOut")),
        ],
        ..schema("ScimSyncSummaryOut", &["users", "groups", "memberships"])
    },
    Schema {
        required: &["provision", "deprovision"],
        nested: &[
            ("provision", Nested::Object("ScimSyncUserActionOut")),
            ("deprovision", Nested::Object("ScimSyncUserActionOut")),
        ],
        ..schema("ScimSyncUsersSummaryOut", &["provision", "deprovision"])
    },
    Schema {
        required: &["create", "update", "delete"],
        nested: &[
            ("create", Nested::Object("ScimSyncGroupActionOut")),
            ("update", Nested::Object("ScimSyncGroupUpdateActionOut")),
            ("delete", Nested::Object("ScimSyncGroupActionOut")),
        ],
        ..schema("ScimSyncGroupsSummaryOut", &["create", "update", "delete"])
    },
    Schema {
        required: &["group", "users_added", "users_removed"],
        nested: &[
            ("group", Nested::Object("ScimSyncGroupRefOut")),
            ("users_added", Nested::Object("ScimSyncUserRefOut")),
            ("users_removed", Nested::Object("ScimSyncUserRefOut")),
        ],
        ..schema(
            "ScimSyncMembershipActionOut",
            &["group", "users_added", "users_removed"],
        )
    },
    Schema {
        required: &["user"],
        nested: &[("user", Nested::Object("ScimSyncUserRefOut"))],
        ..schema("ScimSyncUserActionOut", &["user"])
    },
    Schema {
        required: &["group"],
        nested: &[("group", Nested::Object("ScimSyncGroupRefOut"))],
        ..schema("ScimSyncGroupActionOut", &["group"])
    },
    Schema {
        required: &["group", "previous_groupName"],
        nested: &[("group", Nested::Object("ScimSyncGroupRefOut"))],
        ..schema(
            "ScimSyncGroupUpdateActionOut",
            &["group", "previous_groupName"],
        )
    },
    Schema {
        required: &["uuid", "userName"],
        ..schema("ScimSyncUserRefOut", &["uuid", "userName"])
    },
    Schema {
        required: &["uuid", "groupName"],
        ..schema("ScimSyncGroupRefOut", &["uuid", "groupName"])
    },
];
