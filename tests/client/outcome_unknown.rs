//! A change whose connection breaks after the request went out, or whose reply never comes, may
//! have been made: the client says so ("No answer ... may or may not have been made") instead
//! of "Cannot reach", and does not repeat it. A read whose connection is closed says so, and
//! is retried; changes that never left keep the plain "Cannot reach".

use std::time::Duration;

use mistral_admin::api::{AdminWorkspaceIn, WorkspaceMemberSingleIn};
use mistral_admin::client::{AdminClient, ClientError, ErrorKind};
use mistral_admin::domain::WorkspaceRole;
use uuid::Uuid;

use crate::support::client::{test_client, test_config};
use crate::support::fault_server::closed_port_url;
use crate::support::fault_server::{FaultServer, Reply};

const KEY: &str = "sk-outcome-tests-0123456789abcdef";

fn new_workspace() -> AdminWorkspaceIn {
    AdminWorkspaceIn {
        name: "Research".into(),
        description: String::new(),
        icon: String::new(),
        add_all_org_members: false,
        admin_user_id: Uuid::new_v4(),
    }
}

fn host_of(server: &FaultServer) -> String {
    server.origin().trim_start_matches("http://").to_owned()
}

fn assert_outcome_unknown(err: &ClientError, host: &str, operation: &str) {
    assert_eq!(err.kind(), ErrorKind::OutcomeUnknown, "{err:?}");
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("No answer from {host} to {operation} (")),
        "{shown}"
    );
    assert!(
        shown.ends_with(
            "): the change may or may not have been made; reload to check before trying again"
        ),
        "{shown}"
    );
    assert!(!shown.contains("Cannot reach"), "{shown}");
    assert!(!err.is_transient(), "repeating it blindly could act twice");
}

#[tokio::test]
async fn a_post_whose_connection_closes_after_the_request_is_an_unknown_outcome() {
    let server = FaultServer::start().await;
    // The fault server reads the whole request, then closes the socket without a word.
    server.on("POST", "/v1/admin/workspaces", vec![Reply::Close]);
    let client = test_client(&server.base_url(), KEY);
    let err = client.create_workspace(&new_workspace()).await.unwrap_err();
    assert_outcome_unknown(&err, &host_of(&server), "POST /workspaces");
    assert!(
        err.to_string()
            .contains("(connection closed before message completed)"),
        "{err}"
    );
    assert_eq!(
        server.count("POST", "/v1/admin/workspaces"),
        1,
        "not sent again"
    );
    assert!(
        server.requests()[0].body.contains("Research"),
        "the request did reach the server"
    );
}

#[tokio::test]
async fn a_delete_whose_connection_closes_is_an_unknown_outcome_too() {
    let server = FaultServer::start().await;
    let id = Uuid::new_v4();
    let path = format!("/v1/admin/api-keys/{id}");
    server.on("DELETE", &path, vec![Reply::Close]);
    let client = test_client(&server.base_url(), KEY);
    let err = client.delete_api_key(id).await.unwrap_err();
    assert_outcome_unknown(&err, &host_of(&server), &format!("DELETE /api-keys/{id}"));
    assert_eq!(server.count("DELETE", &path), 1);
}

#[tokio::test]
async fn a_post_that_times_out_is_an_unknown_outcome_not_a_plain_timeout() {
    let server = FaultServer::start().await;
    server.on("POST", "/v1/admin/workspaces", vec![Reply::Hang]);
    let mut config = test_config(&server.base_url(), KEY);
    config.request_timeout = Duration::from_millis(200);
    let client = AdminClient::new(config).unwrap();
    let err = client.create_workspace(&new_workspace()).await.unwrap_err();
    assert_outcome_unknown(&err, &host_of(&server), "POST /workspaces");
    assert!(
        err.to_string().contains("(no reply within 200 ms)"),
        "{err}"
    );
    assert_eq!(server.count("POST", "/v1/admin/workspaces"), 1);
}

#[tokio::test]
async fn an_idempotent_change_is_retried_and_then_reported_as_unknown() {
    let server = FaultServer::start().await;
    let ws = Uuid::new_v4();
    let path = format!("/v1/admin/workspaces/{ws}/users");
    server.on("PATCH", &path, vec![Reply::Close]);
    let client = test_client(&server.base_url(), KEY);
    let member = WorkspaceMemberSingleIn::with_role_names(Uuid::new_v4(), &[WorkspaceRole::Dev]);
    let err = client
        .upsert_workspace_members(ws, &[member])
        .await
        .unwrap_err();
    assert_outcome_unknown(
        &err,
        &host_of(&server),
        &format!("PATCH /workspaces/{ws}/users"),
    );
    assert_eq!(
        server.count("PATCH", &path),
        4,
        "safe to repeat: one attempt and three retries"
    );
}

#[tokio::test]
async fn reads_that_lose_their_connection_say_so_and_changes_that_never_left_say_cannot_reach() {
    let server = FaultServer::start().await;
    server.on("GET", "/v1/admin/roles", vec![Reply::Close]);
    let client = test_client(&server.base_url(), KEY);
    let err = client.roles().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unreachable, "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "The connection to {} was closed before GET /roles got its reply",
            host_of(&server)
        )
    );
    assert!(err.is_transient());
    assert_eq!(
        server.count("GET", "/v1/admin/roles"),
        4,
        "reads are retried"
    );

    // Connection refused: nothing was sent, so nothing can have changed.
    let gone = test_client(&closed_port_url().await, KEY);
    let err = gone.create_workspace(&new_workspace()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unreachable, "{err:?}");
    assert!(err.to_string().ends_with(": connection refused"), "{err}");
}
