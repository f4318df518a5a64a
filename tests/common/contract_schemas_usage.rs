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
];
