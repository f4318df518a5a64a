//! What a careless or hostile caller can send: JSON arrays where objects belong, bulk requests
//! past the limits, empty or enormous query values, and contract operations this server does
//! not serve. Each is refused with a 4xx (or 501) that says why, and nothing changes.

use crate::support::harness::Harness;
use mistral_admin::api::Operation;
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

/// pydantic's words for "an array came where an object belongs".
const NOT_AN_OBJECT: &str = "model_attributes_type";

#[tokio::test]
async fn json_arrays_are_refused_where_objects_belong_and_nothing_changes() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let workspace = h.api.create_workspace("Research", admin).await.uuid;
    let limits_before = h.api.get("/spend-limit").await.ok();
    let workspaces_before = h.api.workspaces("").await.total;
    let events_before = h.api.audit("limit=1000").await.len();

    h.api
        .post("/spend-limit", json!([5000]))
        .await
        .invalid_at("body", NOT_AN_OBJECT);
    h.api
        .post(
            "/workspaces",
            json!(["Positional", "made from an array", "🚀", admin, false]),
        )
        .await
        .invalid_at("body", NOT_AN_OBJECT);
    h.api
        .patch(&format!("/workspaces/{workspace}"), json!([]))
        .await
        .invalid_at("body", NOT_AN_OBJECT);
    h.api
        .patch(&format!("/users/{admin}"), json!(["M"]))
        .await
        .invalid_at("body", NOT_AN_OBJECT);
    // Nested objects too: a member given as an array, a user of a bulk create as an array.
    h.api
        .patch(
            &format!("/workspaces/{workspace}/users"),
            json!({"members": [[admin, "workspace_admin"]]}),
        )
        .await
        .invalid_at("body.members.0", NOT_AN_OBJECT);
    h.api
        .post(
            &format!("/workspaces/{workspace}/add-users"),
            json!({"members": [[admin]]}),
        )
        .await
        .invalid_at("body.members.0", NOT_AN_OBJECT);
    h.api
        .post("/users", json!([["eve@acme.example", "Eve", "Doe"]]))
        .await
        .invalid_at("body.0", NOT_AN_OBJECT);

    assert_eq!(h.api.get("/spend-limit").await.ok(), limits_before);
    assert_eq!(h.api.workspaces("").await.total, workspaces_before);
    assert_eq!(h.api.audit("limit=1000").await.len(), events_before);
}

fn addresses(count: usize, domain: &str) -> String {
    (0..count)
        .map(|i| format!("p{i}@{domain}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[tokio::test]
async fn bulk_requests_past_the_limits_are_422s_that_name_the_limit() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let workspace = h.api.create_workspace("Research", admin).await.uuid;

    let reply = h
        .api
        .post(
            "/users-invite",
            json!({"email": addresses(10_001, "many.example")}),
        )
        .await;
    reply.invalid_at("body.email", "too_long");
    assert!(
        reply.text.contains("10000") && reply.text.contains("10001"),
        "{}",
        reply.text
    );
    assert_eq!(h.api.get("/users-invite").await.ok(), json!([]));

    let people: Vec<Value> = (0..10_001)
        .map(
            |i| json!({"email": format!("u{i}@bulk.example"), "first_name": "A", "last_name": "B"}),
        )
        .collect();
    let reply = h.api.post("/users", Value::Array(people)).await;
    reply.invalid_at("body", "too_long");
    assert!(reply.text.contains("10000"), "{}", reply.text);

    let members: Vec<Value> = (0..10_001)
        .map(|_| json!({"user_uuid": Uuid::new_v4()}))
        .collect();
    let members = Value::Array(members);
    for (method, path) in [
        (Method::PATCH, format!("/workspaces/{workspace}/users")),
        (Method::POST, format!("/workspaces/{workspace}/add-users")),
        (
            Method::DELETE,
            format!("/workspaces/{workspace}/remove-users"),
        ),
    ] {
        h.api
            .send(method, &path, Some(&json!({"members": members})))
            .await
            .invalid_at("body.members", "too_long");
    }
    assert_eq!(h.api.get("/users").await.ok()["total"], json!(1));
}

/// `GET /users-invite` has no paging, so what it can return is bounded by how many
/// invitations may be pending at once; the request that would pass the bound sends nothing.
#[tokio::test]
async fn pending_invitations_are_capped_so_their_list_stays_bounded() {
    let h = Harness::start().await;
    for batch in 0..2 {
        let sent = h
            .api
            .post(
                "/users-invite",
                json!({"email": addresses(10_000, &format!("batch{batch}.example"))}),
            )
            .await
            .ok();
        assert_eq!(sent["invited_members_count"], json!(10_000));
    }
    let detail = h
        .api
        .post(
            "/users-invite",
            json!({"email": "late@one.example, later@one.example"}),
        )
        .await
        .detail(409);
    assert!(detail.contains("at most 20000"), "{detail}");
    let pending = h.api.get("/users-invite").await.ok();
    assert_eq!(pending.as_array().map(Vec::len), Some(20_000));
    let late = h.api.get("/users?email=late@one.example").await.ok();
    assert_eq!(late["total"], json!(0), "the refused request sent nothing");
    // Re-sending a pending invitation adds none, so it is still allowed at the cap.
    h.api
        .post("/users-invite", json!({"email": "p7@batch1.example"}))
        .await
        .ok();
}

#[tokio::test]
async fn api_key_limits_beyond_64_bits_are_served_as_the_largest_page() {
    let h = Harness::start().await;
    let keys = h
        .api
        .get("/api-keys?limit=99999999999999999999999")
        .await
        .ok();
    assert_eq!(keys["keys"], json!([]));
}

#[tokio::test]
async fn empty_dates_in_queries_are_refused_not_ignored() {
    let h = Harness::start().await;
    for query in ["before=", "after=", "before=%20"] {
        let name = query.split('=').next().unwrap();
        h.api
            .get(&format!("/audit-logs?{query}"))
            .await
            .invalid_at(&format!("query.{name}"), "datetime_from_date_parsing");
    }
}

/// Every operation of the contract (the table the router mounts from, less the local
/// extensions) is served: none looks like an unknown path or answers 501.
#[tokio::test]
async fn every_contract_operation_is_served() {
    let h = Harness::start().await;
    for operation in Operation::ALL.iter().filter(|op| !op.is_extension()) {
        let (method, path) = (operation.verb().as_str(), operation.template());
        let ids: Vec<Uuid> = operation.parameters().map(|_| Uuid::new_v4()).collect();
        let reply = h
            .api
            .send(
                Method::from_bytes(method.as_bytes()).unwrap(),
                &operation.path(&ids),
                Some(&json!({})),
            )
            .await;
        let unknown_route = reply.status == 405
            || (reply.status == 404 && reply.body == json!({"detail": "Not Found"}));
        assert!(
            !unknown_route,
            "{method} {path}: {} {}",
            reply.status, reply.text
        );
        assert_ne!(reply.status, 501, "{method} {path}: {}", reply.text);
    }
}

/// Names that look the same are the same name: invisible characters (zero-width spaces and
/// joiners, soft hyphens, bidi controls) count for as little as case and accents.
#[tokio::test]
async fn lookalike_workspace_names_are_taken_like_their_plain_twins() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    h.api.create_workspace("Spoof", admin).await;
    for lookalike in [
        "Spo\u{200B}of",
        "Spo\u{00AD}of",
        "Sp\u{200D}oof",
        "\u{202E}Spoof",
        "Spoof\u{2069}",
        "SPÖÖF\u{FEFF}",
    ] {
        let detail = h
            .api
            .post(
                "/workspaces",
                json!({"name": lookalike, "admin_user_id": admin}),
            )
            .await
            .detail(409);
        assert!(
            detail.contains("'Spoof' already exists"),
            "{lookalike:?}: {detail}"
        );
    }
    // Renaming into a lookalike is refused the same way; search sees through them too.
    let other = h.api.create_workspace("Other", admin).await.uuid;
    h.api
        .patch(
            &format!("/workspaces/{other}"),
            json!({"name": "S\u{2060}poof"}),
        )
        .await
        .detail(409);
    let found = h.api.workspaces("search=spo%E2%80%8Bof").await;
    assert_eq!(
        found
            .items
            .iter()
            .map(|w| w.name.as_str())
            .collect::<Vec<_>>(),
        ["Spoof"]
    );
}
