//! `/spend-limit` and `/audit-logs`: the organization's monthly limit, that every mutation is
//! recorded with the contract's event type and target, and each filter of the audit log.

use crate::support::contract_enums;
use crate::support::harness::Harness;
use mistral_admin::api::{AuditLogOut, LimitsOut};
use serde_json::{Value, json};
use time::Duration;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

#[tokio::test]
async fn the_monthly_limit_is_read_set_and_removed() {
    let h = Harness::start().await;
    let start: LimitsOut = h.api.get("/spend-limit").await.typed();
    assert_eq!(start.limits.currency, "EUR");
    assert!(!start.limits.completion.no_monthly_limit);
    assert_eq!(start.limits.completion.usage_limit, Some(1000.0));
    assert!(!start.limits.completion.monthly_limit_reached);

    let set: LimitsOut = h
        .api
        .post("/spend-limit", json!({"amount": 2500}))
        .await
        .typed();
    assert_eq!(set.limits.completion.usage_limit, Some(2500.0));
    assert_eq!(h.api.get("/spend-limit").await.typed::<LimitsOut>(), set);
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "billing.monthly_limit.updated");
    assert_eq!(event.target_type, "MONTHLY_LIMIT");

    let removed: LimitsOut = h
        .api
        .post(
            "/spend-limit",
            json!({"amount": 0, "no_monthly_limit": true}),
        )
        .await
        .typed();
    assert!(removed.limits.completion.no_monthly_limit);
    assert_eq!(removed.limits.completion.usage_limit, None);

    let events = h.api.audit("limit=1000").await.len();
    h.api
        .post("/spend-limit", json!({"amount": -5}))
        .await
        .invalid_at("body.amount", "greater_than_equal");
    h.api
        .post("/spend-limit", json!({"no_monthly_limit": false}))
        .await
        .invalid_at("body.amount", "missing");
    h.api
        .post("/spend-limit", json!({"amount": "lots"}))
        .await
        .invalid_at("body.amount", "int_type");
    assert_eq!(h.api.audit("limit=1000").await.len(), events);
}

/// A named request (`[method, path, body]`) and the (event type, target type) pairs it records.
type Step<'a> = (&'a str, Value, &'a [(&'a str, &'a str)]);

/// Runs `step` and returns the audit entries it wrote, oldest first.
async fn recorded(h: &Harness, last_id: &mut i64, step: &str) -> Vec<AuditLogOut> {
    let mut entries: Vec<AuditLogOut> = h
        .api
        .audit("limit=1000&sort=ascending")
        .await
        .into_iter()
        .filter(|e| e.log_id > *last_id)
        .collect();
    entries.sort_by_key(|e| e.log_id);
    if let Some(last) = entries.last() {
        *last_id = last.log_id;
    }
    for entry in &entries {
        assert!(
            contract_enums::AUDIT_EVENT_TYPES.contains(&entry.event_type.as_str()),
            "{step}: {} is not a contract event type",
            entry.event_type
        );
        assert_eq!(entry.actor_type, "API_KEY", "{step}");
        assert_eq!(entry.organization_uuid, Some(h.acme.uuid), "{step}");
    }
    entries
}

#[tokio::test]
async fn every_mutation_writes_an_entry_with_the_contracts_event_type() {
    let h = Harness::start().await;
    let api = &h.api;
    let admin = h.acme.admin_user_uuid;
    let mut last = api.last_event().await.log_id;
    let ada = api.create_member("ada@acme.example").await;
    let ws = api.create_workspace("Research", admin).await.uuid;
    let key = api.create_key(ws, admin, "k").await.key_id;
    recorded(&h, &mut last, "setup").await;

    let steps: Vec<Step> = vec![
        (
            "POST /users",
            json!(["POST", "/users", [{"email": "b@acme.example", "first_name": "B", "last_name": "C"}]]),
            &[("user.create", "USER")],
        ),
        (
            "PATCH /users roles",
            json!(["PATCH", format!("/users/{ada}"), {"role_names": ["billing_manager"]}]),
            &[("user.organization.role.update", "USER")],
        ),
        (
            "PATCH /users seats",
            json!(["PATCH", format!("/users/{ada}"), {"subscription_types": ["CHAT"]}]),
            &[("billing.seat.grant", "SUBSCRIPTION")],
        ),
        (
            "POST /users-invite",
            json!(["POST", "/users-invite", {"email": "g@example.com"}]),
            &[("organization.invite.send", "USER")],
        ),
        (
            "POST /users-invite again",
            json!(["POST", "/users-invite", {"email": "g@example.com"}]),
            &[("organization.invite.resend", "USER")],
        ),
        (
            "POST /workspaces",
            json!(["POST", "/workspaces", {"name": "Support", "admin_user_id": ada}]),
            &[
                ("workspace.create", "WORKSPACE"),
                ("workspace.member.add", "WORKSPACE"),
            ],
        ),
        (
            "PATCH /workspaces",
            json!(["PATCH", format!("/workspaces/{ws}"), {"description": "Evals"}]),
            &[("workspace.update", "WORKSPACE")],
        ),
        (
            "add-users",
            json!(["POST", format!("/workspaces/{ws}/add-users"), {"members": [{"user_uuid": ada}]}]),
            &[("workspace.member.add", "WORKSPACE")],
        ),
        (
            "PATCH users",
            json!(["PATCH", format!("/workspaces/{ws}/users"), {"members": [{"user_uuid": ada, "role_names": ["dev"]}]}]),
            &[("workspace.member.role.update", "WORKSPACE")],
        ),
        (
            "remove-users",
            json!(["DELETE", format!("/workspaces/{ws}/remove-users"), {"members": [{"user_uuid": ada}]}]),
            &[("workspace.member.remove", "WORKSPACE")],
        ),
        (
            "POST /api-keys",
            json!(["POST", "/api-keys", {"workspace_uuid": ws, "user_id": admin}]),
            &[("api_key.create", "API_KEY")],
        ),
        (
            "DELETE /api-keys",
            json!(["DELETE", format!("/api-keys/{key}"), null]),
            &[("api_key.delete", "API_KEY")],
        ),
        (
            "POST /spend-limit",
            json!(["POST", "/spend-limit", {"amount": 500}]),
            &[("billing.monthly_limit.updated", "MONTHLY_LIMIT")],
        ),
        (
            "rename organization",
            json!(["PATCH", "/x-local/organization", {"name": "Acme Corp"}]),
            &[("organization.update", "ORGANIZATION")],
        ),
        (
            "key policy",
            json!(["PATCH", format!("/x-local/workspaces/{ws}/settings"), {"members_can_create_api_keys": false}]),
            &[("api_key_policy.update", "API_KEY_POLICY")],
        ),
        (
            "workspace cap",
            json!(["PATCH", format!("/x-local/workspaces/{ws}/settings"), {"monthly_spend_cap": 300}]),
            &[(
                "billing.workspace_monthly_limit.updated",
                "WORKSPACE_MONTHLY_LIMIT",
            )],
        ),
        (
            "limit below a cap",
            json!(["POST", "/spend-limit", {"amount": 200}]),
            &[
                ("billing.monthly_limit.updated", "MONTHLY_LIMIT"),
                (
                    "billing.workspace_monthly_limit.updated",
                    "WORKSPACE_MONTHLY_LIMIT",
                ),
            ],
        ),
        (
            "DELETE /workspaces",
            json!(["DELETE", format!("/workspaces/{ws}"), null]),
            &[("workspace.delete", "WORKSPACE")],
        ),
        (
            "DELETE /users",
            json!(["DELETE", format!("/users/{ada}"), null]),
            &[("user.organization.delete", "USER")],
        ),
    ];
    for (step, request, expected) in steps {
        let method = reqwest::Method::from_bytes(request[0].as_str().unwrap().as_bytes()).unwrap();
        let body = Some(&request[2]).filter(|b| !b.is_null());
        let reply = api.send(method, request[1].as_str().unwrap(), body).await;
        assert!(
            reply.status < 300,
            "{step}: {} {}",
            reply.status,
            reply.text
        );
        let entries = recorded(&h, &mut last, step).await;
        let got: Vec<(&str, &str)> = entries
            .iter()
            .map(|e| (e.event_type.as_str(), e.target_type.as_str()))
            .collect();
        assert_eq!(got, expected, "{step}");
    }
    // Invitation deletion, with its id from the list.
    let invite = api.get("/users-invite").await.ok()[0]["invite_uuid"].clone();
    api.delete(&format!("/users-invite/{}", invite.as_str().unwrap()))
        .await
        .ok();
    let entries = recorded(&h, &mut last, "DELETE /users-invite").await;
    assert_eq!(entries[0].event_type, "organization.invite.revoked");
    assert_eq!(
        entries[0].target_metadata["invite_uuid"],
        invite.as_str().unwrap()
    );
}

#[tokio::test]
async fn audit_filters_combine() {
    let h = Harness::manual_clock().await;
    let admin = h.acme.admin_user_uuid;
    let t0 = h.clock.now();
    for (n, name) in ["Alpha", "Bravo", "Charlie"].into_iter().enumerate() {
        h.clock.advance(Duration::hours(1));
        h.api.create_workspace(name, admin).await;
        h.api.create_member(&format!("user{n}@acme.example")).await;
    }
    let stamp = |hours: i64| {
        (t0 + Duration::minutes(hours * 60 + 30))
            .format(&Rfc3339)
            .unwrap()
    };
    let all = h.api.audit("limit=1000").await;
    assert_eq!(
        all.len(),
        1 + 3 * 3,
        "the key's creation, then three rounds"
    );
    assert!(
        all.windows(2).all(|w| w[0].created_at >= w[1].created_at),
        "newest first"
    );
    let ascending = h.api.audit("limit=1000&sort=ascending").await;
    assert_eq!(ascending.first(), all.last());
    assert_eq!(ascending[0].event_type, "admin_api_key.created");

    let by_actor = h.api.audit("actor_type=OTHER").await;
    assert_eq!(by_actor.len(), 1);
    assert_eq!(by_actor[0].target_type, "ADMIN_API_KEY");
    assert_eq!(h.api.audit("actor_type=API_KEY&limit=100").await.len(), 9);
    assert_eq!(
        h.api
            .audit("actor_type=API_KEY&actor_type=OTHER&limit=100")
            .await
            .len(),
        10
    );
    assert!(h.api.audit("actor_type=HUMAN").await.is_empty());

    let two_kinds = h
        .api
        .audit("event_type=workspace.create&event_type=user.create&limit=100")
        .await;
    assert_eq!(two_kinds.len(), 6);
    assert_eq!(h.api.audit("target_type=USER&limit=100").await.len(), 3);
    assert_eq!(
        h.api.audit("target_type=WORKSPACE&limit=100").await.len(),
        6
    );

    let after = h.api.audit(&format!("after={}&limit=100", stamp(1))).await;
    assert_eq!(after.len(), 6, "the second and third rounds");
    let before = h.api.audit(&format!("before={}&limit=100", stamp(1))).await;
    assert_eq!(before.len(), 4, "the key and the first round");
    let between = h
        .api
        .audit(&format!(
            "after={}&before={}&event_type=user.create",
            stamp(1),
            stamp(2)
        ))
        .await;
    assert_eq!(between.len(), 1);
    assert_eq!(between[0].target_metadata["email"], "user1@acme.example");

    assert_eq!(h.api.audit("limit=2").await, all[..2].to_vec());
    assert!(h.api.audit("limit=0").await.is_empty());
    assert_eq!(
        h.api.audit("limit=3&sort=ascending").await,
        ascending[..3].to_vec()
    );
}

#[tokio::test]
async fn the_audit_limit_defaults_to_20_and_is_capped_at_1000() {
    let h = Harness::start().await;
    let people: Vec<Value> = (0..1005)
        .map(
            |n| json!({"email": format!("p{n}@acme.example"), "first_name": "P", "last_name": "Q"}),
        )
        .collect();
    let created = h.api.post("/users", json!(people)).await.ok();
    assert_eq!(created["email_to_user_id"].as_object().unwrap().len(), 1005);
    assert_eq!(h.api.audit("").await.len(), 20);
    assert_eq!(h.api.audit("limit=5000").await.len(), 1000);
}

#[tokio::test]
async fn audit_filters_are_validated() {
    let h = Harness::start().await;
    let cases = [
        (
            "event_type=workspace.create&event_type=nope",
            "query.event_type.1",
            "enum",
        ),
        ("actor_type=ROBOT", "query.actor_type.0", "enum"),
        ("target_type=PLANET", "query.target_type.0", "enum"),
        ("sort=sideways", "query.sort", "enum"),
        (
            "after=yesterday",
            "query.after",
            "datetime_from_date_parsing",
        ),
        ("limit=-1", "query.limit", "greater_than_equal"),
        ("limit=ten", "query.limit", "int_parsing"),
    ];
    for (query, loc, kind) in cases {
        h.api
            .get(&format!("/audit-logs?{query}"))
            .await
            .invalid_at(loc, kind);
    }
}

#[tokio::test]
async fn seeded_history_is_filtered_by_the_acting_person() {
    let server = crate::support::local_server()
        .seed(mistral_admin::server::Seed::Demo)
        .start()
        .await;
    let org = &server.seeded()[0];
    let api = crate::support::http::Api::new(&server.origin(), Some(org.admin_key.expose()));
    let human = api.audit("actor_type=HUMAN&limit=1000").await;
    assert!(human.len() > 20, "a month of history by people");
    let person: Uuid = human[0].actor_metadata["user_uuid"].parse().unwrap();
    let theirs = api
        .audit(&format!("actor_user_uuid={person}&limit=1000"))
        .await;
    assert!(!theirs.is_empty());
    assert!(
        theirs
            .iter()
            .all(|e| e.actor_metadata["user_uuid"] == person.to_string())
    );
    assert!(theirs.len() < api.audit("limit=1000").await.len());
}
