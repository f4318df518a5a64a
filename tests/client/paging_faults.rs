//! Paging against a server that clamps page sizes, omits totals, slices keys or serves fewer
//! keys than asked: every entry arrives once, no more than four pages are in flight at a time,
//! and a server that serves whole pages is asked no more than it must be.

use std::time::Duration;

use mistral_admin::api::ApiKeyExtendedOut;
use serde_json::json;
use uuid::Uuid;

use crate::support::client::test_client;
use crate::support::fault_server::{FaultServer, Recorded, Reply};
use crate::support::fixtures;

const KEY: &str = "sk-paging-tests-0123456789abcdef";

/// Serves `total` users, clamping the page size to `clamp` like the local server clamps to 1000.
fn users_handler(total: u32, clamp: u32, report_total: bool) -> Reply {
    Reply::dynamic(move |request| users_page_reply(request, total, clamp, report_total))
}

fn users_page_reply(request: &Recorded, total: u32, clamp: u32, report_total: bool) -> Reply {
    let page: u32 = request.param("page").unwrap().parse().unwrap();
    let asked: u32 = request.param("page_size").unwrap().parse().unwrap();
    let size = asked.min(clamp);
    let start = (page - 1) * size;
    let members = (start..(start + size).min(total))
        .map(|n| fixtures::member(n, None))
        .collect();
    let mut body = fixtures::users_page(members, page as i64, size as i64, total as i64);
    if !report_total {
        body["total"] = serde_json::Value::Null;
    }
    Reply::json(200, body).after(Duration::from_millis(30))
}

#[tokio::test]
async fn every_user_arrives_once_when_the_server_clamps_the_page_size() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/users",
        vec![users_handler(2_345, 100, true)],
    );
    let client = test_client(&server.base_url(), KEY);
    let all = client.list_all_users().await.unwrap();
    assert_eq!(all.members.len(), 2_345);
    let unique: std::collections::HashSet<Uuid> = all.members.iter().map(|m| m.uuid).collect();
    assert_eq!(unique.len(), 2_345);
    assert_eq!(server.count("GET", "/v1/admin/users"), 24);
    // The first page asked for 1000; later pages ask for the size the server said it used.
    let sizes: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.param("page_size").unwrap())
        .collect();
    assert_eq!(sizes[0], "1000");
    assert!(sizes[1..].iter().all(|s| s == "100"), "{sizes:?}");
    let in_flight = server.max_in_flight();
    assert!(
        (2..=4).contains(&in_flight),
        "pages in flight at once: {in_flight}"
    );
}

#[tokio::test]
async fn without_a_total_pages_are_read_until_a_short_one() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/users",
        vec![users_handler(250, 100, false)],
    );
    let client = test_client(&server.base_url(), KEY);
    let all = client.list_all_users().await.unwrap();
    assert_eq!(all.members.len(), 250);
    assert_eq!(server.count("GET", "/v1/admin/users"), 3);
}

#[tokio::test]
async fn workspaces_are_paged_by_total_and_page_size() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/workspaces",
        vec![Reply::dynamic(|request| {
            assert_eq!(request.param("is_archived").as_deref(), Some("true"));
            let page: u32 = request.param("page").unwrap().parse().unwrap();
            let size = 7;
            let items = ((page - 1) * size..(page * size).min(30))
                .map(|n| fixtures::workspace(n + 1, &format!("Archived {n}")))
                .collect();
            Reply::json(
                200,
                fixtures::workspaces_page(items, page as i64, size as i64, 30),
            )
        })],
    );
    let client = test_client(&server.base_url(), KEY);
    let archived = client.list_all_workspaces(true).await.unwrap();
    assert_eq!(archived.len(), 30);
    assert_eq!(archived[29].name, "Archived 29", "pages kept in order");
    assert_eq!(server.count("GET", "/v1/admin/workspaces"), 5);
}

/// One key of the `GET /api-keys` listing, numbered `n`.
fn api_key_json(n: u32) -> serde_json::Value {
    json!({
        "key_id": Uuid::from_u128(n as u128 + 1), "key": null, "name": format!("key {n}"),
        "hidden_key": "****abcd", "created_at": null, "expiration_date": null,
        "actions": {}, "workspace_id": null, "workspace_name": null,
        "created_by": null, "product": null, "last_used": null, "can_delete": true
    })
}

/// Serves `total` keys by `limit` and `offset`, never more than `clamp` at once.
fn api_keys_handler(total: u32, clamp: u32) -> Reply {
    Reply::dynamic(move |request| {
        let limit: u32 = request.param("limit").unwrap().parse().unwrap();
        let offset: u32 = request.param("offset").unwrap().parse().unwrap();
        let end = (offset + limit.min(clamp)).min(total);
        let keys: Vec<serde_json::Value> = (offset..end).map(api_key_json).collect();
        Reply::json(200, json!({ "keys": keys }))
    })
}

fn offsets(server: &FaultServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .map(|r| r.param("offset").unwrap())
        .collect()
}

#[tokio::test]
async fn api_keys_are_read_with_limit_and_offset_until_a_short_page() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/api-keys",
        vec![api_keys_handler(230, 1000)],
    );
    let client = test_client(&server.base_url(), KEY);
    let keys: Vec<ApiKeyExtendedOut> = client.list_all_api_keys().await.unwrap();
    assert_eq!(keys.len(), 230);
    assert_eq!(
        offsets(&server),
        vec!["0", "100", "200"],
        "whole pages, then a short one that ends it: no extra request"
    );
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.param("limit").as_deref() == Some("100"))
    );
}

#[tokio::test]
async fn api_keys_are_all_read_from_a_server_that_serves_shorter_pages_than_asked() {
    let server = FaultServer::start().await;
    server.on("GET", "/v1/admin/api-keys", vec![api_keys_handler(75, 30)]);
    let client = test_client(&server.base_url(), KEY);
    let keys = client.list_all_api_keys().await.unwrap();
    assert_eq!(
        keys.len(),
        75,
        "a page of 30 when 100 were asked is not the end"
    );
    assert_eq!(keys[74].name.as_deref(), Some("key 74"), "in order");
    assert_eq!(
        offsets(&server),
        vec!["0", "30", "60", "75"],
        "each page starts where the keys so far end; an empty page ends it"
    );
}

#[tokio::test]
async fn a_listing_that_fits_one_short_page_is_confirmed_by_one_more_request() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/api-keys",
        vec![api_keys_handler(40, 1000)],
    );
    let client = test_client(&server.base_url(), KEY);
    assert_eq!(client.list_all_api_keys().await.unwrap().len(), 40);
    // Without a total, 40 keys could be all there is or all the server serves at once.
    assert_eq!(offsets(&server), vec!["0", "40"]);

    let empty = FaultServer::start().await;
    empty.on("GET", "/v1/admin/api-keys", vec![api_keys_handler(0, 1000)]);
    let client = test_client(&empty.base_url(), KEY);
    assert!(client.list_all_api_keys().await.unwrap().is_empty());
    assert_eq!(offsets(&empty), vec!["0"]);
}

#[tokio::test]
async fn a_server_that_ignores_the_offset_is_not_asked_forever() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/api-keys",
        vec![Reply::json(
            200,
            json!({ "keys": (0..10).map(api_key_json).collect::<Vec<_>>() }),
        )],
    );
    let client = test_client(&server.base_url(), KEY);
    assert_eq!(client.list_all_api_keys().await.unwrap().len(), 10);
    assert_eq!(
        offsets(&server),
        vec!["0", "10"],
        "a page with nothing new ends it"
    );
}

#[tokio::test]
async fn a_failing_page_fails_the_whole_listing() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/users",
        vec![Reply::dynamic(|request| {
            if request.param("page").as_deref() == Some("3") {
                Reply::detail(403, "Admin API disabled for this organization")
            } else {
                users_page_reply(request, 500, 100, true)
            }
        })],
    );
    let client = test_client(&server.base_url(), KEY);
    let err = client.list_all_users().await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Forbidden: Admin API disabled for this organization"
    );
}

#[tokio::test]
async fn a_small_first_page_is_followed_by_whole_pages_and_nobody_twice() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/users",
        vec![users_handler(2_345, 1_000, true)],
    );
    let client = test_client(&server.base_url(), KEY);
    let first = client.list_users(1, 100, None).await.unwrap();
    let mut seen = Vec::new();
    let mut last = (0, None);
    client
        .walk_users(first, 100, |page| {
            seen.extend(page.members.iter().map(|m| m.uuid));
            last = (page.received, page.total);
        })
        .await
        .unwrap();
    let unique: std::collections::HashSet<Uuid> = seen.iter().copied().collect();
    assert_eq!(seen.len(), 2_345, "every user handed over");
    assert_eq!(unique.len(), 2_345, "none twice");
    assert_eq!(last, (2_345, Some(2_345)));
    // The small page, then whole pages 1 to 3 (page 1 repeats the first 100).
    let sizes: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.param("page_size").unwrap())
        .collect();
    assert_eq!(sizes, ["100", "1000", "1000", "1000"]);
}
