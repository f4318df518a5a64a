//! Text the server keeps and shows: control characters are refused with a 422 wherever a
//! person's name, an address, or a workspace's name, description or icon is written, and
//! implausible addresses are reported (not stored) by the bulk create and the invitations.

use crate::support::harness::Harness;
use mistral_admin::api::{OrganizationInvitesCreateOut, OrganizationUsersCreateOut};
use serde_json::json;

#[tokio::test]
async fn control_characters_in_workspace_text_are_a_422() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    for (body, loc) in [
        (
            json!({"name": "nul\u{0}x", "admin_user_id": admin}),
            "body.name",
        ),
        (
            json!({"name": "bell\u{7}", "admin_user_id": admin}),
            "body.name",
        ),
        (
            json!({"name": "Ok", "description": "esc \u{1b}[2J", "admin_user_id": admin}),
            "body.description",
        ),
        (
            json!({"name": "Ok", "icon": "\u{9b}", "admin_user_id": admin}),
            "body.icon",
        ),
    ] {
        let reply = h.api.post("/workspaces", body).await;
        reply.invalid_at(loc, "string_pattern_mismatch");
        let msg = reply.body["detail"][0]["msg"].as_str().unwrap();
        assert!(msg.contains("control characters (found U+"), "{msg}");
    }
    let ws = h.api.default_workspace().await;
    h.api
        .patch(&format!("/workspaces/{ws}"), json!({"name": "tab\there"}))
        .await
        .invalid_at("body.name", "string_pattern_mismatch");
    h.api
        .patch(
            &format!("/workspaces/{ws}"),
            json!({"description": "a\u{0}"}),
        )
        .await
        .invalid_at("body.description", "string_pattern_mismatch");
    assert_eq!(h.api.workspaces("").await.total, 1, "nothing was created");
}

#[tokio::test]
async fn control_characters_in_people_and_labels_are_a_422() {
    let h = Harness::start().await;
    let person = |email: &str, first: &str| {
        json!([
            {"email": "fine@example.com", "first_name": "F", "last_name": "G"},
            {"email": email, "first_name": first, "last_name": "L"}
        ])
    };
    h.api
        .post("/users", person("a\u{0}b@x.com", "A"))
        .await
        .invalid_at("body.1.email", "string_pattern_mismatch");
    h.api
        .post("/users", person("ok@x.com", "\u{0}"))
        .await
        .invalid_at("body.1.first_name", "string_pattern_mismatch");
    h.api
        .post(
            "/users",
            json!([{"email": "ok@x.com", "first_name": "A", "last_name": "\u{7f}"}]),
        )
        .await
        .invalid_at("body.0.last_name", "string_pattern_mismatch");
    assert_eq!(
        h.api.get("/users").await.ok()["total"],
        1,
        "nobody was created, the valid entry included"
    );
    h.api
        .post("/users-invite", json!({"email": "x@x.com\u{7}"}))
        .await
        .invalid_at("body.email", "string_pattern_mismatch");
    h.api
        .patch("/x-local/organization", json!({"name": "Acme\u{0}"}))
        .await
        .invalid_at("body.name", "string_pattern_mismatch");
    let ws = h.api.default_workspace().await;
    h.api
        .post(
            "/api-keys",
            json!({"name": "k\u{1b}", "workspace_uuid": ws, "user_id": h.acme.admin_user_uuid}),
        )
        .await
        .invalid_at("body.name", "string_pattern_mismatch");
    // Line breaks and tabs separate the addresses of an invitation; they are not refused.
    let sent: OrganizationInvitesCreateOut = h
        .api
        .post("/users-invite", json!({"email": "a@x.io,\r\nb@x.io\n"}))
        .await
        .typed();
    assert_eq!(sent.invited_members_count, Some(2));
}

const IMPLAUSIBLE: [&str; 8] = [
    ".ada@example.com",
    "ada.@example.com",
    "ada@-example.com",
    "ada@example-.com",
    "Ada <ada@example.com>",
    "\"ada\"@example.com",
    "ada lovelace@example.com",
    "ada@example..com",
];

#[tokio::test]
async fn implausible_addresses_are_reported_not_created() {
    let h = Harness::start().await;
    let entries: Vec<_> = IMPLAUSIBLE
        .iter()
        .chain(["o'brien@example.com"].iter())
        .map(|email| json!({"email": email, "first_name": "A", "last_name": "B"}))
        .collect();
    let created: OrganizationUsersCreateOut = h.api.post("/users", json!(entries)).await.typed();
    assert_eq!(created.invalid_emails, IMPLAUSIBLE);
    assert_eq!(
        created.email_to_user_id.keys().collect::<Vec<_>>(),
        ["o'brien@example.com"]
    );

    for email in IMPLAUSIBLE {
        let sent: OrganizationInvitesCreateOut = h
            .api
            .post("/users-invite", json!({"email": email}))
            .await
            .typed();
        assert_eq!(sent.invalid_emails, [email], "{email}");
        assert_eq!(sent.invited_members_count, Some(0), "{email}");
    }
}
