//! A server with only the contract (a real Mistral server): the `/x-local` extensions answer
//! 404, and everything the contract offers still works.

use mistral_admin::api::{Operation, WorkspaceSettingsUpdate};
use mistral_admin::client::{AdminClient, KeySource};
use mistral_admin::client::{
    AuthStyle, ClientError, ErrorKind, Profile, ProfileStatus, check_profile,
};
use mistral_admin::domain::SecretString;
use serde_json::json;
use std::time::Duration;
use uuid::Uuid;

use crate::support::client::{test_client, test_config};
use crate::support::fault_server::{FaultServer, Reply};
use crate::support::fixtures;

const KEY: &str = "sk-contract-only-0123456789abcdef";

/// A fault server that answers the contract's reads like a small organization.
async fn contract_only_server() -> FaultServer {
    let server = FaultServer::start().await;
    let default_ws = fixtures::workspace(0, "Default Workspace");
    let research = fixtures::workspace(1, "Research");
    let members = vec![
        fixtures::member(1, Some(&default_ws)),
        fixtures::member(2, Some(&research)),
        fixtures::member(3, None),
    ];
    server.on(
        "GET",
        "/v1/admin/roles",
        vec![Reply::json(200, fixtures::roles_json())],
    );
    server.on(
        "GET",
        "/v1/admin/users",
        vec![Reply::json(200, fixtures::users_page(members, 1, 1000, 3))],
    );
    server.on(
        "GET",
        "/v1/admin/workspaces",
        vec![Reply::json(
            200,
            fixtures::workspaces_page(vec![default_ws, research], 1, 1000, 2),
        )],
    );
    server
}

#[tokio::test]
async fn extension_reads_are_none_and_writes_say_unavailable() {
    let server = contract_only_server().await;
    let client = test_client(&server.base_url(), KEY);

    assert_eq!(client.local_organization().await.unwrap(), None);
    let ws = Uuid::new_v4();
    assert_eq!(client.workspace_settings(ws).await.unwrap(), None);

    let err = client.rename_organization("Acme").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ExtensionUnavailable);
    assert_eq!(
        err.to_string(),
        "Renaming the organization is not available on this server (it is a local-server extension)"
    );
    let err = client
        .update_workspace_settings(
            ws,
            &WorkspaceSettingsUpdate {
                members_can_create_api_keys: Some(true),
                monthly_spend_cap: None,
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ClientError::ExtensionUnavailable { .. }),
        "{err:?}"
    );

    // The absence is learnt once; later calls do not ask again.
    let probes = server.count(
        "GET",
        &format!("/v1/admin{}", Operation::GetOrganization.path(&[])),
    );
    assert_eq!(probes, 1);
    let settings_path = format!("/v1/admin{}", Operation::GetWorkspaceSettings.path(&[ws]));
    assert_eq!(server.count("GET", &settings_path), 0);
    assert_eq!(server.count("PATCH", &settings_path), 0);
}

#[tokio::test]
async fn the_contract_still_works_fully_without_the_extensions() {
    let server = contract_only_server().await;
    let client = test_client(&server.base_url(), KEY);
    assert_eq!(client.local_organization().await.unwrap(), None);

    let directory = client.load_directory().await.unwrap();
    assert_eq!(directory.members().len(), 3);
    let research = fixtures::workspace(1, "Research").uuid;
    let in_research = directory.workspace_members(research);
    assert_eq!(in_research.len(), 1);
    assert_eq!(in_research[0].roles, vec!["workspace_contributor"]);
    assert_eq!(directory.non_members_of(research).len(), 2);
    assert_eq!(
        directory.org_roles(in_research[0].user.uuid),
        vec!["member"]
    );

    let workspaces = client.list_all_workspaces(false).await.unwrap();
    assert_eq!(workspaces.len(), 2);
}

#[tokio::test]
async fn a_server_with_the_extensions_names_the_organization() {
    let server = contract_only_server().await;
    server.on(
        "GET",
        "/v1/admin/x-local/organization",
        vec![Reply::json(
            200,
            json!({"uuid": Uuid::nil(), "name": "Acme", "plan": "Enterprise", "currency": "EUR",
                   "created_at": "2025-01-01T00:00:00Z"}),
        )],
    );
    let client = test_client(&server.base_url(), KEY);
    let org = client
        .local_organization()
        .await
        .unwrap()
        .expect("extension present");
    assert_eq!(org.name, "Acme");
    // With the extension known to exist, a 404 on a workspace's settings means the workspace.
    let err = client.workspace_settings(Uuid::nil()).await.unwrap_err();
    assert_eq!(err.to_string(), "Workspace not found");
}

#[tokio::test]
async fn auth_headers_follow_the_configured_style() {
    let server = contract_only_server().await;
    for (style, bearer, x_api_key) in [
        (AuthStyle::Both, true, true),
        (AuthStyle::Bearer, true, false),
        (AuthStyle::XApiKey, false, true),
    ] {
        let mut config = test_config(&server.base_url(), KEY);
        config.auth = style;
        AdminClient::new(config).unwrap().roles().await.unwrap();
        let sent = server.requests().pop().unwrap();
        assert_eq!(
            sent.header("authorization").map(str::to_owned),
            bearer.then(|| format!("Bearer {KEY}")),
            "{style:?}"
        );
        assert_eq!(
            sent.header("x-api-key"),
            x_api_key.then_some(KEY),
            "{style:?}"
        );
        assert!(
            sent.header("user-agent")
                .unwrap()
                .starts_with("mistral-admin/")
        );
    }
}

#[tokio::test]
async fn the_older_console_base_url_works_the_same() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/api/admin/roles",
        vec![Reply::json(200, fixtures::roles_json())],
    );
    let client = test_client(&format!("{}/api/admin/", server.origin()), KEY);
    assert_eq!(client.base_url(), format!("{}/api/admin", server.origin()));
    assert_eq!(client.roles().await.unwrap(), fixtures::roles());
}

#[tokio::test]
async fn profile_checks_report_ok_unauthorized_unreachable_and_key_errors() {
    let server = contract_only_server().await;
    server.on(
        "GET",
        "/v1/admin/roles",
        vec![Reply::detail(401, "Invalid key")],
    );
    let profile = |name: &str, base_url: String, key: KeySource| Profile {
        name: name.to_owned(),
        base_url,
        key_source: key,
        auth: AuthStyle::Both,
        read_only: false,
        is_local: false,
    };
    let timeout = Duration::from_millis(500);
    let rejected = profile(
        "rejected",
        server.base_url(),
        KeySource::Provided(SecretString::new(KEY)),
    );
    assert_eq!(
        check_profile(&rejected, timeout).await,
        ProfileStatus::Unauthorized("Invalid key".into())
    );

    let good_server = contract_only_server().await;
    let good = profile(
        "good",
        good_server.base_url(),
        KeySource::Provided(SecretString::new(KEY)),
    );
    assert_eq!(
        check_profile(&good, timeout).await,
        ProfileStatus::Ok { organization: None }
    );

    let gone = profile(
        "gone",
        crate::support::fault_server::closed_port_url().await,
        KeySource::Provided(SecretString::new(KEY)),
    );
    assert_eq!(
        check_profile(&gone, timeout).await.to_string(),
        "unreachable: connection refused"
    );

    let keyless = profile(
        "keyless",
        server.base_url(),
        KeySource::Env("MISTRAL_ADMIN_TEST_SURELY_UNSET_VARIABLE".into()),
    );
    assert_eq!(
        check_profile(&keyless, timeout).await.to_string(),
        "error: Profile `keyless`: environment variable MISTRAL_ADMIN_TEST_SURELY_UNSET_VARIABLE is not set"
    );
    assert_eq!(
        check_profile(&Profile::builtin_local(), timeout).await,
        ProfileStatus::Embedded
    );
}
