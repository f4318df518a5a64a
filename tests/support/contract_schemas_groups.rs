//! The contract's response schemas for user groups, in the form of `contract_schemas.rs`.

use super::contract::{Nested, Schema, schema};

const GROUP_PROPERTIES: &[&str] = &[
    "uuid",
    "name",
    "description",
    "externally_managed",
    "target_type",
    "organization_role",
    "parent_group_ids",
];
const ORG_ROLE_VALUES: &[&str] = &[
    "A",
    "M",
    "B",
    "0d48f530-095c-43fe-8aea-6673bcacabe6",
    "c955f4e1-9477-43f0-8349-6fbc629fccc9",
    "7bde5959-d676-47d2-b779-35b64323d278",
];
const PAGE: &[&str] = &["total", "items", "page", "page_size"];

pub const SCHEMAS: &[Schema] = &[
    Schema {
        required: &["uuid", "name", "description"],
        enums: &[
            ("target_type", &["W", "O"]),
            ("organization_role", ORG_ROLE_VALUES),
        ],
        ..schema("AdminUserGroupOut", GROUP_PROPERTIES)
    },
    Schema {
        required: PAGE,
        nested: &[("items", Nested::Object("AdminUserGroupOut"))],
        ..schema("AdminUserGroupsOut", PAGE)
    },
    Schema {
        required: &["user_uuid", "name", "email"],
        ..schema("AdminUserGroupMemberOut", &["user_uuid", "name", "email"])
    },
    Schema {
        required: &["total", "members", "page", "page_size"],
        nested: &[("members", Nested::Object("AdminUserGroupMemberOut"))],
        ..schema(
            "AdminUserGroupMembersOut",
            &["total", "members", "page", "page_size"],
        )
    },
    Schema {
        required: &["name", "uuid"],
        ..schema("WorkspaceRoleRef", &["name", "uuid"])
    },
    Schema {
        required: &["roles", "workspace_uuid", "workspace_name", "created"],
        nested: &[("roles", Nested::Object("WorkspaceRoleRef"))],
        ..schema(
            "GroupWorkspaceAssignmentOut",
            &[
                "roles",
                "role_uuid",
                "role_name",
                "workspace_uuid",
                "workspace_name",
                "created",
            ],
        )
    },
    Schema {
        required: PAGE,
        nested: &[("items", Nested::Object("GroupWorkspaceAssignmentOut"))],
        ..schema("GroupWorkspaceAssignmentsOut", PAGE)
    },
    Schema {
        required: &["uuid", "name"],
        ..schema("NestedGroupRef", &["uuid", "name"])
    },
    Schema {
        required: &["children"],
        nested: &[("children", Nested::Object("NestedGroupRef"))],
        ..schema("NestedGroupsOut", &["children"])
    },
];
