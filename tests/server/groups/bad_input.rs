//! Bad input to the group operations: every problem is a 422 at the field, in FastAPI's shape.

use mistral_admin::api::AdminUserGroupMembersOut;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::support::harness::Harness;

/// Bodies of `POST /user-groups` and the "loc:type" of the 422 each gets; LONG stands for 256
/// characters and ID for a UUID.
#[rustfmt::skip]
const NEW_GROUP_CASES: &[(&str, &str)] = &[
    ("body.name:missing", "{}"),
    ("body.name:string_too_short", r#"{"name": "  "}"#),
    ("body.name:string_too_long", r#"{"name": "LONG"}"#),
    ("body.name:string_pattern_mismatch", r#"{"name": "a\u0007b"}"#),
    ("body.target_type:enum", r#"{"name": "n", "target_type": "X"}"#),
    ("body.description:string_too_long", r#"{"name": "n", "description": "LONG"}"#),
    ("body.parent_group_ids.1:value_error", r#"{"name": "n", "parent_group_ids": ["ID", "ID"]}"#),
    ("body.parent_group_ids.0:uuid_parsing", r#"{"name": "n", "parent_group_ids": ["nope"]}"#),
];

#[tokio::test]
async fn bad_group_input_is_a_422_at_the_field() {
    let h = Harness::start().await;
    let api = &h.api;
    let team = api.create_group("Team").await;
    let id = Uuid::new_v4();
    for (expected, body) in NEW_GROUP_CASES {
        let body = body
            .replace("LONG", &"x".repeat(256))
            .replace("ID", &id.to_string());
        let (loc, kind) = expected.split_once(':').unwrap();
        let body: Value = serde_json::from_str(&body).unwrap();
        api.post("/user-groups", body).await.invalid_at(loc, kind);
    }
    let members = format!("/user-groups/{team}/members");
    api.post(&members, json!({"user_uuids": [id, id]}))
        .await
        .invalid_at("body.user_uuids.1", "value_error");
    api.post(&members, json!({}))
        .await
        .invalid_at("body.user_uuids", "missing");
    let assignments = format!("/user-groups/{team}/workspaces");
    let ws = api.default_workspace().await;
    let with_ws = |extra: &str| -> Value {
        serde_json::from_str(&format!(r#"{{"workspace_uuid": "{ws}"{extra}}}"#)).unwrap()
    };
    for (body, loc, kind) in [
        (
            json!({"role_names": ["dev"]}),
            "body.workspace_uuid",
            "missing",
        ),
        (
            with_ws(r#", "role_names": []"#),
            "body.role_names",
            "too_short",
        ),
        (
            with_ws(r#", "role_names": ["owner"]"#),
            "body.role_names.0",
            "enum",
        ),
        (with_ws(r#", "roles": ["Z"]"#), "body.roles.0", "enum"),
        (
            with_ws(r#", "roles": ["A"], "role": "M""#),
            "body",
            "value_error",
        ),
    ] {
        api.post(&assignments, body).await.invalid_at(loc, kind);
    }
    api.patch(
        &format!("/user-groups/{team}/nested"),
        json!({"child_group_uuids": [id, id]}),
    )
    .await
    .invalid_at("body.child_group_uuids.1", "value_error");
    for query in ["page=0", "page_size=0", "page_size=101", "page=x"] {
        for path in ["/user-groups".to_owned(), assignments.clone()] {
            assert_eq!(
                api.get(&format!("{path}?{query}")).await.status,
                422,
                "{path}?{query}"
            );
        }
    }
    api.get("/user-groups?page_size=101")
        .await
        .invalid_at("query.page_size", "less_than_equal");
    api.get("/user-groups/not-a-uuid")
        .await
        .invalid_at("path.group_uuid", "uuid_parsing");
    api.patch(
        &format!("/user-groups/{team}/workspaces/nope"),
        json!({"role_names": ["dev"]}),
    )
    .await
    .invalid_at("path.workspace_uuid", "uuid_parsing");
    // Members listing has no contract maximum: a large page is served at the server's cap.
    let big: AdminUserGroupMembersOut = api
        .get(&format!("/user-groups/{team}/members?page_size=5000"))
        .await
        .typed();
    assert_eq!(big.page_size, 1000);
}
