//! The local extensions under `/x-local`: the organization's identity and rename, and the
//! workspace settings the contract cannot write (API-key creation by members, monthly cap).

use crate::support::contract;
use crate::support::harness::Harness;
use crate::support::http::PREFIXES;
use mistral_admin::api::{LocalOrganizationOut, WorkspaceOut, WorkspaceSettingsOut};
use serde_json::json;
use uuid::Uuid;

#[tokio::test]
async fn the_organization_can_be_read_and_renamed() {
    let h = Harness::start().await;
    for prefix in PREFIXES {
        let api = h.api.clone().with_prefix(prefix);
        let reply = api.get("/x-local/organization").await;
        contract::check_object("x-local:Organization", &reply.ok());
        let org: LocalOrganizationOut = reply.typed();
        assert_eq!(org.uuid, h.acme.uuid);
        assert_eq!(
            (org.name.as_str(), org.plan.as_str(), org.currency.as_str()),
            ("Acme", "Enterprise", "EUR")
        );
    }
    let renamed: LocalOrganizationOut = h
        .api
        .patch(
            "/x-local/organization",
            json!({"name": "  Acme Corporation "}),
        )
        .await
        .typed();
    assert_eq!(renamed.name, "Acme Corporation");
    let read: LocalOrganizationOut = h.api.get("/x-local/organization").await.typed();
    assert_eq!(read, renamed);
    let names: Vec<String> = h
        .server
        .organizations()
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect();
    assert_eq!(names, ["Acme Corporation"]);
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "organization.update");
    assert_eq!(event.target_type, "ORGANIZATION");
    assert_eq!(event.event_metadata["old_name"], "Acme");
    assert_eq!(event.event_metadata["new_name"], "Acme Corporation");

    let events = h.api.audit("limit=1000").await.len();
    h.api
        .patch("/x-local/organization", json!({"name": "   "}))
        .await
        .invalid_at("body.name", "string_too_short");
    h.api
        .patch("/x-local/organization", json!({"name": "x".repeat(256)}))
        .await
        .invalid_at("body.name", "string_too_long");
    h.api
        .patch("/x-local/organization", json!({"name": 7}))
        .await
        .invalid_at("body.name", "string_type");
    // Same name, or nothing at all: no change, no entry.
    h.api
        .patch("/x-local/organization", json!({"name": "Acme Corporation"}))
        .await
        .ok();
    h.api.patch("/x-local/organization", json!({})).await.ok();
    assert_eq!(h.api.audit("limit=1000").await.len(), events);
}

async fn settings(h: &Harness, ws: Uuid) -> WorkspaceSettingsOut {
    let reply = h
        .api
        .get(&format!("/x-local/workspaces/{ws}/settings"))
        .await;
    contract::check_object("x-local:WorkspaceSettings", &reply.ok());
    reply.typed()
}

#[tokio::test]
async fn workspace_settings_are_read_and_written() {
    let h = Harness::start().await;
    let ws = h
        .api
        .create_workspace("Research", h.acme.admin_user_uuid)
        .await
        .uuid;
    let path = format!("/x-local/workspaces/{ws}/settings");
    let start = settings(&h, ws).await;
    assert_eq!(start.workspace_uuid, ws);
    assert!(start.members_can_create_api_keys);
    assert_eq!(start.monthly_spend_cap, None);
    assert_eq!(start.currency, "EUR");
    assert_eq!(start.organization_monthly_limit, Some(1000));

    let changed: WorkspaceSettingsOut = h
        .api
        .patch(
            &path,
            json!({"members_can_create_api_keys": false, "monthly_spend_cap": 400}),
        )
        .await
        .typed();
    assert!(!changed.members_can_create_api_keys);
    assert_eq!(changed.monthly_spend_cap, Some(400));
    assert_eq!(settings(&h, ws).await, changed);
    let events = h.api.audit("limit=2").await;
    let kinds: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e.event_type.as_str(), e.target_type.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                "billing.workspace_monthly_limit.updated",
                "WORKSPACE_MONTHLY_LIMIT"
            ),
            ("api_key_policy.update", "API_KEY_POLICY"),
        ]
    );
    // The cap also shows, read-only, as the contract's spend_limit.
    let listed: WorkspaceOut = h.api.workspaces("search=research").await.items.remove(0);
    let limit = listed.spend_limit.unwrap();
    assert_eq!(
        (limit.value, limit.no_monthly_limit),
        (Some(400.0), Some(false))
    );
    assert_eq!(limit.currency.as_deref(), Some("EUR"));

    // Through the contract the cap is read-only: PATCH /workspaces ignores spend_limit.
    h.api
        .patch(
            &format!("/workspaces/{ws}"),
            json!({"spend_limit": {"value": 5, "currency": "EUR", "no_monthly_limit": false}}),
        )
        .await
        .ok();
    assert_eq!(settings(&h, ws).await.monthly_spend_cap, Some(400));

    // null removes the cap; an absent field stays as it is.
    let removed: WorkspaceSettingsOut = h
        .api
        .patch(&path, json!({"monthly_spend_cap": null}))
        .await
        .typed();
    assert_eq!(removed.monthly_spend_cap, None);
    assert!(!removed.members_can_create_api_keys);
    let listed: WorkspaceOut = h.api.workspaces("search=research").await.items.remove(0);
    assert_eq!(listed.spend_limit.unwrap().no_monthly_limit, Some(true));
}

#[tokio::test]
async fn a_cap_cannot_exceed_the_organizations_limit() {
    let h = Harness::start().await;
    let ws = h
        .api
        .create_workspace("Research", h.acme.admin_user_uuid)
        .await
        .uuid;
    let path = format!("/x-local/workspaces/{ws}/settings");
    let events = h.api.audit("limit=1000").await.len();
    h.api
        .patch(&path, json!({"monthly_spend_cap": 1001}))
        .await
        .invalid_at("body.monthly_spend_cap", "less_than_equal");
    h.api
        .patch(&path, json!({"monthly_spend_cap": -1}))
        .await
        .invalid_at("body.monthly_spend_cap", "greater_than_equal");
    h.api
        .patch(&path, json!({"monthly_spend_cap": 2.5}))
        .await
        .validation();
    h.api
        .patch(&path, json!({"members_can_create_api_keys": "no"}))
        .await
        .invalid_at("body.members_can_create_api_keys", "bool_type");
    assert_eq!(h.api.audit("limit=1000").await.len(), events);
    assert_eq!(settings(&h, ws).await.monthly_spend_cap, None);
    h.api
        .patch(&path, json!({"monthly_spend_cap": 1000}))
        .await
        .ok();
    // Without an organization limit, any cap goes.
    h.api
        .post(
            "/spend-limit",
            json!({"amount": 0, "no_monthly_limit": true}),
        )
        .await
        .ok();
    let free: WorkspaceSettingsOut = h
        .api
        .patch(&path, json!({"monthly_spend_cap": 1_000_000}))
        .await
        .typed();
    assert_eq!(free.organization_monthly_limit, None);
    assert_eq!(free.monthly_spend_cap, Some(1_000_000));
}

#[tokio::test]
async fn lowering_the_organizations_limit_lowers_caps_above_it() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let high = h.api.create_workspace("High", admin).await.uuid;
    let low = h.api.create_workspace("Low", admin).await.uuid;
    let none = h.api.create_workspace("None", admin).await.uuid;
    for (ws, cap) in [(high, 900), (low, 100)] {
        h.api
            .patch(
                &format!("/x-local/workspaces/{ws}/settings"),
                json!({"monthly_spend_cap": cap}),
            )
            .await
            .ok();
    }
    h.api
        .post("/spend-limit", json!({"amount": 300}))
        .await
        .ok();
    assert_eq!(settings(&h, high).await.monthly_spend_cap, Some(300));
    assert_eq!(settings(&h, low).await.monthly_spend_cap, Some(100));
    assert_eq!(settings(&h, none).await.monthly_spend_cap, None);
    assert_eq!(
        settings(&h, high).await.organization_monthly_limit,
        Some(300)
    );
    let lowered = h
        .api
        .audit("event_type=billing.workspace_monthly_limit.updated")
        .await;
    assert_eq!(
        lowered[0].target_metadata["workspace_uuid"],
        high.to_string()
    );
    assert_eq!(lowered[0].event_metadata["new_cap"], "300");
}

#[tokio::test]
async fn settings_of_archived_unknown_or_foreign_workspaces() {
    let h = Harness::start().await;
    let ws = h
        .api
        .create_workspace("Old", h.acme.admin_user_uuid)
        .await
        .uuid;
    let path = format!("/x-local/workspaces/{ws}/settings");
    h.api
        .patch(&path, json!({"monthly_spend_cap": 50}))
        .await
        .ok();
    h.api.delete(&format!("/workspaces/{ws}")).await.expect(204);
    // Still readable, no longer writable.
    assert_eq!(settings(&h, ws).await.monthly_spend_cap, Some(50));
    h.api
        .patch(&path, json!({"monthly_spend_cap": 10}))
        .await
        .detail(409);
    h.api
        .patch(&path, json!({"members_can_create_api_keys": false}))
        .await
        .detail(409);
    assert_eq!(settings(&h, ws).await.monthly_spend_cap, Some(50));
    let missing = format!("/x-local/workspaces/{}/settings", Uuid::new_v4());
    h.api.get(&missing).await.detail(404);
    h.api.patch(&missing, json!({})).await.detail(404);
    let (_, globex) = h.other_org("Globex").await;
    globex.get(&path).await.detail(404);
}
