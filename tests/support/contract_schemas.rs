//! The contract's response schemas, copied from Mistral's published schema: for each one, its
//! `properties` and `required` lists, which properties hold nested objects, and which hold
//! enum values. Two local extensions (documented in docs/local-server.md) are listed at the end.

use super::contract::{Nested, Schema, schema};
use super::contract_enums as enums;

/// Every property of `ModelCapabilities`, all booleans that default to `false`.
pub const MODEL_CAPABILITIES: &[&str] = &[
    "completion_chat",
    "function_calling",
    "reasoning",
    "completion_fim",
    "fine_tuning",
    "vision",
    "ocr",
    "classification",
    "moderation",
    "audio",
    "audio_transcription",
    "audio_transcription_realtime",
    "audio_speech",
    "unified_resources",
];

const MEMBER_PROPERTIES: &[&str] = &[
    "uuid",
    "oid_id",
    "name",
    "email",
    "is_sso_outsider",
    "workspaces",
    "subscriptions",
    "raw_roles",
    "raw_role",
    "subscription_types",
    "created_at",
];
const MEMBER_REQUIRED: &[&str] = &[
    "uuid",
    "oid_id",
    "name",
    "email",
    "raw_roles",
    "raw_role",
    "created_at",
];
const MEMBER_NESTED: &[(&str, Nested)] = &[
    ("workspaces", Nested::Object("MemberWorkspaceInfo")),
    ("subscriptions", Nested::Object("MemberSubscriptionOUT")),
];
const ORG_ROLE_ENUMS: &[(&str, &[&str])] = &[
    ("raw_roles", ORG_ROLE_VALUES),
    ("raw_role", ORG_ROLE_VALUES),
    ("subscription_types", enums::MEMBER_SEAT_TYPES),
];
const ORG_ROLE_VALUES: &[&str] = &[
    "A",
    "M",
    "B",
    "0d48f530-095c-43fe-8aea-6673bcacabe6",
    "c955f4e1-9477-43f0-8349-6fbc629fccc9",
    "7bde5959-d676-47d2-b779-35b64323d278",
];
const WORKSPACE_ROLE_VALUES: &[&str] = &[
    "A",
    "M",
    "d7ea77c5-9260-41d0-ab26-52b5add3ee56",
    "48436751-ee56-44bd-8a2d-712233977821",
    "375cd0db-3bbe-4b79-80f3-954ccf04f3d1",
    "578584f1-4319-4c88-9948-38a5184483b6",
    "d79b3027-4eb2-4521-8722-825acfee7d8b",
    "252a0825-40b9-4b98-be80-7658956f13e9",
    "17aa61c5-1c61-477e-a40a-e52c8ccd74b9",
    "b23cd6e0-91cd-4a8a-9869-b30366bf3966",
    "731eb2be-a74f-4070-b797-35bf7009e553",
    "ff86d432-7f27-47f8-b02f-b5c102ef6a55",
    "0f9acbf6-93b5-42c7-a227-fc7652755f65",
];
/// `WorkspaceEnrichedOUT.raw_roles` may also carry organization role UUIDs.
const ENRICHED_ROLE_VALUES: &[&str] = &[
    "A",
    "M",
    "d7ea77c5-9260-41d0-ab26-52b5add3ee56",
    "48436751-ee56-44bd-8a2d-712233977821",
    "375cd0db-3bbe-4b79-80f3-954ccf04f3d1",
    "578584f1-4319-4c88-9948-38a5184483b6",
    "d79b3027-4eb2-4521-8722-825acfee7d8b",
    "252a0825-40b9-4b98-be80-7658956f13e9",
    "17aa61c5-1c61-477e-a40a-e52c8ccd74b9",
    "b23cd6e0-91cd-4a8a-9869-b30366bf3966",
    "731eb2be-a74f-4070-b797-35bf7009e553",
    "ff86d432-7f27-47f8-b02f-b5c102ef6a55",
    "0f9acbf6-93b5-42c7-a227-fc7652755f65",
    "0d48f530-095c-43fe-8aea-6673bcacabe6",
    "c955f4e1-9477-43f0-8349-6fbc629fccc9",
    "7bde5959-d676-47d2-b779-35b64323d278",
];
const WORKSPACE_PROPERTIES: &[&str] = &[
    "uuid",
    "name",
    "description",
    "icon",
    "members_count",
    "spend_limit",
    "is_default",
];
const ENRICHED_PROPERTIES: &[&str] = &[
    "uuid",
    "name",
    "description",
    "icon",
    "members_count",
    "spend_limit",
    "is_default",
    "raw_roles",
    "raw_role",
];
const KEY_PROPERTIES: &[&str] = &[
    "key_id",
    "key",
    "name",
    "hidden_key",
    "created_at",
    "expiration_date",
    "actions",
];
const EXTENDED_KEY_PROPERTIES: &[&str] = &[
    "key_id",
    "key",
    "name",
    "hidden_key",
    "created_at",
    "expiration_date",
    "actions",
    "workspace_id",
    "workspace_name",
    "created_by",
    "product",
    "last_used",
    "can_delete",
];

pub static SCHEMAS: &[Schema] = &[
    Schema {
        required: MEMBER_REQUIRED,
        nested: MEMBER_NESTED,
        enums: ORG_ROLE_ENUMS,
        non_empty: &["raw_roles"],
        ..schema("AdminOrganizationMemberOUT", MEMBER_PROPERTIES)
    },
    Schema {
        required: &[
            "uuid",
            "oid_id",
            "name",
            "email",
            "raw_roles",
            "raw_role",
            "created_at",
            "first_name",
            "last_name",
        ],
        nested: MEMBER_NESTED,
        enums: ORG_ROLE_ENUMS,
        non_empty: &["raw_roles"],
        ..schema(
            "AdminUserOUT",
            &[
                "uuid",
                "oid_id",
                "name",
                "email",
                "is_sso_outsider",
                "workspaces",
                "subscriptions",
                "raw_roles",
                "raw_role",
                "subscription_types",
                "created_at",
                "first_name",
                "last_name",
            ],
        )
    },
    Schema {
        required: &["uuid", "name", "is_default", "raw_roles", "raw_role"],
        enums: &[
            ("raw_roles", WORKSPACE_ROLE_VALUES),
            ("raw_role", WORKSPACE_ROLE_VALUES),
        ],
        non_empty: &["raw_roles"],
        ..schema(
            "MemberWorkspaceInfo",
            &["uuid", "name", "is_default", "raw_roles", "raw_role"],
        )
    },
    Schema {
        required: &["type"],
        enums: &[
            ("type", enums::PLAN_TYPES),
            ("status", enums::SUBSCRIPTION_STATUSES),
        ],
        ..schema(
            "MemberSubscriptionOUT",
            &[
                "type",
                "plan",
                "status",
                "user",
                "self_service",
                "member_has_access",
            ],
        )
    },
    Schema {
        required: &["members", "invites", "total", "page", "page_size"],
        nested: &[
            ("members", Nested::Object("AdminOrganizationMemberOUT")),
            ("invites", Nested::Object("OrganizationInviteOUT")),
        ],
        ..schema(
            "OrganizationAdminUsersOUT",
            &["members", "invites", "total", "page", "page_size"],
        )
    },
    Schema {
        required: &[
            "uuid",
            "raw_roles",
            "raw_role",
            "email",
            "expired",
            "created_at",
        ],
        enums: &[
            ("raw_roles", ORG_ROLE_VALUES),
            ("raw_role", ORG_ROLE_VALUES),
        ],
        non_empty: &["raw_roles"],
        ..schema(
            "OrganizationInviteOUT",
            &[
                "uuid",
                "raw_roles",
                "raw_role",
                "email",
                "expired",
                "created_at",
                "workspace_uuids",
            ],
        )
    },
    Schema {
        required: &["invite_uuid", "email", "roles", "role"],
        enums: &[("roles", ORG_ROLE_VALUES), ("role", ORG_ROLE_VALUES)],
        non_empty: &["roles"],
        ..schema(
            "OrganizationUserInviteOUT",
            &["invite_uuid", "email", "roles", "role"],
        )
    },
    Schema {
        required: &["invalid_emails", "already_members"],
        ..schema(
            "OrganizationInvitesCreateOUT",
            &["invalid_emails", "already_members", "invited_members_count"],
        )
    },
    Schema {
        required: &["invalid_emails", "email_to_user_id"],
        nested: &[("email_to_user_id", Nested::StringMap)],
        ..schema(
            "OrganizationUsersCreateOUT",
            &["invalid_emails", "email_to_user_id"],
        )
    },
    Schema {
        required: &["message"],
        ..schema("DeleteOUT", &["message"])
    },
    Schema {
        required: &["workspace_roles", "organization_roles"],
        nested: &[
            ("workspace_roles", Nested::Object("RoleOut")),
            ("organization_roles", Nested::Object("RoleOut")),
        ],
        ..schema("RolesOut", &["workspace_roles", "organization_roles"])
    },
    Schema {
        required: &["name", "uuid", "description", "is_custom_role"],
        ..schema(
            "RoleOut",
            &["name", "uuid", "description", "is_custom_role"],
        )
    },
    Schema {
        required: &["total", "items", "page", "page_size"],
        nested: &[("items", Nested::Object("WorkspaceOUT"))],
        enums: &[("object", enums::API_OBJECT_TYPES)],
        ..schema(
            "WorkspacesOut",
            &["total", "items", "object", "page", "page_size"],
        )
    },
    Schema {
        required: &["uuid", "name", "description", "icon", "is_default"],
        nested: &[("spend_limit", Nested::Object("WorkspaceSpendLimitOUT"))],
        ..schema("WorkspaceOUT", WORKSPACE_PROPERTIES)
    },
    Schema {
        required: &[
            "uuid",
            "name",
            "description",
            "icon",
            "is_default",
            "raw_roles",
            "raw_role",
        ],
        nested: &[("spend_limit", Nested::Object("WorkspaceSpendLimitOUT"))],
        enums: &[
            ("raw_roles", ENRICHED_ROLE_VALUES),
            ("raw_role", ENRICHED_ROLE_VALUES),
        ],
        non_empty: &["raw_roles"],
        ..schema("WorkspaceEnrichedOUT", ENRICHED_PROPERTIES)
    },
    Schema {
        required: &["value", "currency", "no_monthly_limit"],
        ..schema(
            "WorkspaceSpendLimitOUT",
            &["value", "currency", "no_monthly_limit"],
        )
    },
    Schema {
        required: &["added_members_count"],
        ..schema("AddUsersToWorkspaceOUT", &["added_members_count"])
    },
    Schema {
        required: &["added_members_count", "updated_members_count"],
        ..schema(
            "AddOrUpdateUsersToWorkspaceOUT",
            &["added_members_count", "updated_members_count"],
        )
    },
    Schema {
        required: &["deleted_members_count"],
        ..schema(
            "RemoveWorkspaceMembersOUT",
            &["deleted_members_count", "not_deleted_members"],
        )
    },
    Schema {
        required: &["keys"],
        nested: &[("keys", Nested::Object("APIKeyExtendedOUT"))],
        ..schema("APIKeysExtendedOUT", &["keys"])
    },
    Schema {
        required: EXTENDED_KEY_PROPERTIES,
        nested: &[("actions", Nested::Object("APIKeyActions"))],
        enums: &[("product", enums::API_KEY_PRODUCTS)],
        ..schema("APIKeyExtendedOUT", EXTENDED_KEY_PROPERTIES)
    },
    Schema {
        required: KEY_PROPERTIES,
        nested: &[("actions", Nested::Object("APIKeyActions"))],
        ..schema("APIKeyOUT", KEY_PROPERTIES)
    },
    Schema {
        nested: &[
            (
                "rotate",
                Nested::Action("ActionUnavailable_RotateUnavailableReason_"),
            ),
            (
                "delete",
                Nested::Action("ActionUnavailable_DeleteUnavailableReason_"),
            ),
        ],
        ..schema("APIKeyActions", &["rotate", "delete"])
    },
    Schema {
        enums: &[("status", &["available"])],
        ..schema("ActionAvailable", &["status"])
    },
    Schema {
        enums: &[
            ("status", &["unavailable"]),
            ("reason", enums::ROTATE_UNAVAILABLE_REASONS),
        ],
        ..schema(
            "ActionUnavailable_RotateUnavailableReason_",
            &["status", "reason"],
        )
    },
    Schema {
        enums: &[
            ("status", &["unavailable"]),
            ("reason", enums::DELETE_UNAVAILABLE_REASONS),
        ],
        ..schema(
            "ActionUnavailable_DeleteUnavailableReason_",
            &["status", "reason"],
        )
    },
    Schema {
        required: &["detail"],
        ..schema("DeleteAPIKeyOUT", &["detail"])
    },
    Schema {
        required: &["limits"],
        nested: &[("limits", Nested::Object("LimitsContext"))],
        ..schema("LimitsOUT", &["limits"])
    },
    Schema {
        required: &[
            "completion",
            "last_payment_failure",
            "last_payment_failure_protection",
            "currency",
        ],
        nested: &[("completion", Nested::Object("UsageLimits"))],
        ..schema(
            "LimitsContext",
            &[
                "completion",
                "last_payment_failure",
                "last_payment_failure_protection",
                "currency",
            ],
        )
    },
    Schema {
        required: &["monthly_limit_reached"],
        ..schema(
            "UsageLimits",
            &[
                "no_monthly_limit",
                "monthly_limit_reached",
                "usage",
                "vibe_usage",
                "total_usage",
                "usage_limit",
            ],
        )
    },
    Schema {
        required: &[
            "created_at",
            "actor_type",
            "actor_metadata",
            "event_type",
            "event_metadata",
            "target_type",
            "target_metadata",
            "log_id",
        ],
        nested: &[
            ("actor_metadata", Nested::StringMap),
            ("event_metadata", Nested::StringMap),
            ("target_metadata", Nested::StringMap),
        ],
        enums: &[
            ("actor_type", enums::ACTOR_TYPES),
            ("event_type", enums::AUDIT_EVENT_TYPES),
            ("target_type", enums::TARGET_TYPES),
        ],
        ..schema(
            "AuditLogOut",
            &[
                "created_at",
                "actor_type",
                "actor_metadata",
                "event_type",
                "event_metadata",
                "target_type",
                "target_metadata",
                "log_id",
                "organization_uuid",
                "workspace_uuid",
            ],
        )
    },
    Schema {
        required: &["loc", "msg", "type"],
        ..schema("ValidationError", &["loc", "msg", "type", "input", "ctx"])
    },
    Schema {
        nested: &[("detail", Nested::Object("ValidationError"))],
        ..schema("HTTPValidationError", &["detail"])
    },
    Schema {
        nested: &[("data", Nested::Object("BaseModelCard"))],
        ..schema("ModelList", &["object", "data"])
    },
    Schema {
        required: &["id", "capabilities"],
        nested: &[("capabilities", Nested::Object("ModelCapabilities"))],
        enums: &[("type", &["base"])],
        ..schema(
            "BaseModelCard",
            &[
                "id",
                "object",
                "created",
                "owned_by",
                "capabilities",
                "name",
                "description",
                "max_context_length",
                "aliases",
                "deprecation",
                "deprecation_replacement_model",
                "default_model_temperature",
                "internal",
                "type",
            ],
        )
    },
    schema("ModelCapabilities", MODEL_CAPABILITIES),
    // The local extensions, as docs/local-server.md describes them (not part of the contract).
    Schema {
        required: &["uuid", "name", "plan", "currency", "created_at"],
        ..schema(
            "x-local:Organization",
            &["uuid", "name", "plan", "currency", "created_at"],
        )
    },
    Schema {
        required: &[
            "workspace_uuid",
            "members_can_create_api_keys",
            "monthly_spend_cap",
            "currency",
            "organization_monthly_limit",
        ],
        ..schema(
            "x-local:WorkspaceSettings",
            &[
                "workspace_uuid",
                "members_can_create_api_keys",
                "monthly_spend_cap",
                "currency",
                "organization_monthly_limit",
            ],
        )
    },
];
