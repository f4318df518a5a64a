//! The client against a server that misbehaves: slow, failing, rate-limiting, lying about its
//! body, or not there at all. Each case checks the error's kind, its message and how many
//! attempts reached the server.

use std::time::{Duration, Instant};

use mistral_admin::api::{AdminWorkspaceIn, WorkspaceMemberSingleIn};
use mistral_admin::client::{AdminClient, ClientError, ErrorKind, RetryPolicy, WorkspaceQuery};
use mistral_admin::domain::WorkspaceRole;
use serde_json::json;
use uuid::Uuid;

use crate::support::client::{test_client, test_config};
use crate::support::fault_server::closed_port_url;
use crate::support::fault_server::{FaultServer, Reply};
use crate::support::fixtures;

const KEY: &str = "sk-fault-tests-0123456789abcdef";
const ROLES: &str = "/v1/admin/roles";

#[tokio::test]
async fn a_reply_slower_than_the_request_timeout_is_a_timeout() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        ROLES,
        vec![Reply::json(200, fixtures::roles_json()).after(Duration::from_secs(3))],
    );
    let mut config = test_config(&server.base_url(), KEY);
    config.request_timeout = Duration::from_millis(200);
    let client = AdminClient::new(config).unwrap();

    let err = client.roles().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    assert_eq!(err.to_string(), "GET /roles timed out after 200 ms");
    assert_eq!(
        server.count("GET", ROLES),
        1,
        "a timed-out request is not repeated"
    );
}

#[tokio::test]
async fn a_503_then_success_is_retried_and_succeeds() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        ROLES,
        vec![
            Reply::detail(503, "warming up"),
            Reply::json(200, fixtures::roles_json()),
        ],
    );
    let client = test_client(&server.base_url(), KEY);
    let roles = client.roles().await.expect("second attempt succeeds");
    assert_eq!(roles, fixtures::roles());
    assert_eq!(server.count("GET", ROLES), 2);
}

#[tokio::test]
async fn persistent_5xx_gives_up_after_the_allowed_retries() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        ROLES,
        vec![Reply::raw(502, "<html>bad gateway</html>")],
    );
    let client = test_client(&server.base_url(), KEY);
    let err = client.roles().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(
        err.to_string(),
        "Server error 502 on GET /roles: Bad Gateway"
    );
    assert_eq!(
        server.count("GET", ROLES),
        4,
        "one attempt and three retries"
    );
}

#[tokio::test]
async fn a_429_with_retry_after_waits_that_long_then_retries() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        ROLES,
        vec![
            Reply::detail(429, "slow down").with_header("retry-after", "1"),
            Reply::json(200, fixtures::roles_json()),
        ],
    );
    let client = test_client(&server.base_url(), KEY);
    let started = Instant::now();
    client.roles().await.expect("succeeds after waiting");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited only {:?}",
        started.elapsed()
    );
    assert_eq!(server.count("GET", ROLES), 2);
}

#[tokio::test]
async fn a_429_that_persists_surfaces_as_rate_limited_with_the_servers_delay() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        ROLES,
        vec![Reply::detail(429, "slow down").with_header("retry-after", "0")],
    );
    let client = test_client(&server.base_url(), KEY);
    let err = client.roles().await.unwrap_err();
    assert!(
        matches!(err, ClientError::RateLimited { retry_after: Some(d), .. } if d == Duration::ZERO),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "Rate limited by the server; try again in 0 ms"
    );
    assert_eq!(server.count("GET", ROLES), 4);
}

#[tokio::test]
async fn a_500_on_post_surfaces_at_once_without_a_retry() {
    let server = FaultServer::start().await;
    server.on(
        "POST",
        "/v1/admin/workspaces",
        vec![Reply::detail(500, "database is locked")],
    );
    let client = test_client(&server.base_url(), KEY);
    let err = client
        .create_workspace(&AdminWorkspaceIn {
            name: "Research".into(),
            description: String::new(),
            icon: String::new(),
            add_all_org_members: false,
            admin_user_id: Uuid::new_v4(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(
        err.to_string(),
        "Server error 500 on POST /workspaces: database is locked"
    );
    assert_eq!(server.count("POST", "/v1/admin/workspaces"), 1);
}

#[tokio::test]
async fn deletes_are_not_retried_but_the_idempotent_member_upsert_is() {
    let server = FaultServer::start().await;
    let ws = Uuid::new_v4();
    let delete_path = format!("/v1/admin/workspaces/{ws}");
    let upsert_path = format!("/v1/admin/workspaces/{ws}/users");
    server.on("DELETE", &delete_path, vec![Reply::detail(503, "busy")]);
    server.on(
        "PATCH",
        &upsert_path,
        vec![
            Reply::detail(503, "busy"),
            Reply::Close,
            Reply::json(
                200,
                json!({"added_members_count": 1, "updated_members_count": 0}),
            ),
        ],
    );
    let client = test_client(&server.base_url(), KEY);

    let err = client.archive_workspace(ws).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(server.count("DELETE", &delete_path), 1);

    let member = WorkspaceMemberSingleIn::with_role_names(Uuid::new_v4(), &[WorkspaceRole::Dev]);
    let out = client
        .upsert_workspace_members(ws, &[member])
        .await
        .unwrap();
    assert_eq!(out.added_members_count, 1);
    assert_eq!(
        server.count("PATCH", &upsert_path),
        3,
        "503, dropped connection, success"
    );
    let sent: serde_json::Value =
        serde_json::from_str(&server.requests().last().unwrap().body).unwrap();
    assert_eq!(sent["members"][0]["role_names"], json!(["dev"]));
}

#[tokio::test]
async fn garbage_json_is_undecodable_with_a_short_excerpt() {
    let server = FaultServer::start().await;
    let garbage = format!("<html><body>{}</body></html>", "maintenance ".repeat(40));
    server.on("GET", ROLES, vec![Reply::raw(200, &garbage)]);
    server.on(
        "GET",
        "/v1/admin/workspaces",
        vec![Reply::json(200, json!({"total": "many", "items": []}))],
    );
    let client = test_client(&server.base_url(), KEY);

    let err = client.roles().await.unwrap_err();
    let ClientError::Undecodable { excerpt, .. } = &err else {
        panic!("expected Undecodable, got {err:?}");
    };
    assert!(excerpt.starts_with("<html><body>maintenance"), "{excerpt}");
    assert!(
        excerpt.chars().count() <= 81,
        "excerpt is cut short: {excerpt}"
    );
    assert!(excerpt.ends_with('…'));
    let shown = err.to_string();
    assert!(
        shown.starts_with("Unreadable reply to GET /roles: expected value"),
        "{shown}"
    );
    assert_eq!(server.count("GET", ROLES), 1, "a bad body is not retried");

    let err = client
        .list_workspaces(&WorkspaceQuery::active())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Undecodable);
    assert!(
        err.to_string()
            .contains("at total: invalid type: string \"many\""),
        "{err}"
    );
}

#[tokio::test]
async fn connection_refused_is_unreachable_and_names_the_host() {
    let base = closed_port_url().await;
    let host = base
        .trim_start_matches("http://")
        .trim_end_matches("/v1/admin")
        .to_owned();
    let mut config = test_config(&base, KEY);
    config.retry = RetryPolicy {
        max_retries: 1,
        ..crate::support::client::quick_retries(1)
    };
    let client = AdminClient::new(config).unwrap();
    let err = client.roles().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unreachable, "{err:?}");
    assert_eq!(
        err.to_string(),
        format!("Cannot reach {host}: connection refused")
    );
    assert!(err.is_transient());
}

#[tokio::test]
async fn a_401_is_unauthorized_with_the_servers_reason() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        ROLES,
        vec![Reply::detail(401, "Invalid admin API key")],
    );
    let client = test_client(&server.base_url(), KEY);
    let err = client.roles().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(err.to_string(), "Unauthorized: Invalid admin API key");
    assert_eq!(server.count("GET", ROLES), 1, "401 is final");
}

#[tokio::test]
async fn a_422_is_validation_with_the_field_paths() {
    let server = FaultServer::start().await;
    server.on(
        "POST",
        "/v1/admin/workspaces",
        vec![Reply::json(
            422,
            json!({"detail": [
                {"loc": ["body", "name"], "msg": "String should have at most 255 characters", "type": "string_too_long"},
                {"loc": ["body", "icon"], "msg": "String should have at most 2 characters", "type": "string_too_long"}
            ]}),
        )],
    );
    let client = test_client(&server.base_url(), KEY);
    let err = client
        .create_workspace(&AdminWorkspaceIn {
            name: "x".repeat(300),
            description: String::new(),
            icon: "abc".into(),
            add_all_org_members: false,
            admin_user_id: Uuid::new_v4(),
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let paths: Vec<&str> = err.field_errors().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, vec!["name", "icon"]);
    assert_eq!(
        err.to_string(),
        "Invalid name: String should have at most 255 characters (and 1 more)"
    );
}

#[tokio::test]
async fn not_found_and_conflict_use_the_servers_words_or_say_what_was_missing() {
    let server = FaultServer::start().await;
    let ws = Uuid::new_v4();
    server.on(
        "PATCH",
        &format!("/v1/admin/workspaces/{ws}"),
        vec![Reply::detail(404, "Not Found")],
    );
    server.on(
        "POST",
        "/v1/admin/workspaces",
        vec![Reply::detail(
            409,
            "a workspace named Research already exists",
        )],
    );
    let client = test_client(&server.base_url(), KEY);
    let err = client
        .update_workspace(ws, &Default::default())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.to_string(), "Workspace not found");
    let err = client
        .create_workspace(&AdminWorkspaceIn {
            name: "Research".into(),
            description: String::new(),
            icon: String::new(),
            add_all_org_members: false,
            admin_user_id: Uuid::new_v4(),
        })
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Conflict: a workspace named Research already exists"
    );
}

#[tokio::test]
async fn dropping_a_call_closes_its_connection() {
    let server = FaultServer::start().await;
    server.on("GET", ROLES, vec![Reply::Hang]);
    let client = test_client(&server.base_url(), KEY);
    let outcome = tokio::time::timeout(Duration::from_millis(300), client.roles()).await;
    assert!(outcome.is_err(), "the call was still waiting");
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.hangups() == 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(server.hangups(), 1, "the server saw the client hang up");
    assert_eq!(server.count("GET", ROLES), 1);
}

#[tokio::test]
async fn a_read_only_client_reads_but_sends_no_change() {
    let server = FaultServer::start().await;
    server.on("GET", ROLES, vec![Reply::json(200, fixtures::roles_json())]);
    let mut config = test_config(&server.base_url(), KEY);
    config.read_only = true;
    let client = AdminClient::new(config).unwrap();
    client.roles().await.expect("reads work");
    let ws = Uuid::new_v4();
    let err = client.archive_workspace(ws).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ReadOnly);
    assert_eq!(
        err.to_string(),
        format!("Read-only profile: DELETE /workspaces/{ws} was not sent")
    );
    let err = client.rename_organization("x").await.unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::ReadOnly | ErrorKind::ExtensionUnavailable
        ),
        "{err}"
    );
    assert_eq!(
        server
            .requests()
            .iter()
            .filter(|r| r.method != "GET")
            .count(),
        0
    );
}
