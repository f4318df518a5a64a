//! No key material in Debug output, error messages or the log file, even when a server echoes
//! the key back or a call fails in every way it can. The log file is the app's own: written by
//! the real logger setup in a process of its own, at trace level.

use std::path::PathBuf;
use std::time::Duration;

use mistral_admin::api::AdminCreateApiKeyIn;
use mistral_admin::client::{
    AdminClient, AuthStyle, ClientConfig, ClientError, KeySource, Profile, ProfileSet,
};
use mistral_admin::dirs::AppDirs;
use mistral_admin::domain::SecretString;
use serde_json::json;
use uuid::Uuid;

use crate::support::client::{CANARY_KEY, test_config};
use crate::support::fault_server::closed_port_url;
use crate::support::fault_server::{FaultServer, Reply};
use crate::support::{fixtures, test_path};

/// A workspace key the server hands out, which must not be logged either.
const CREATED_KEY: &str = "sk-created-workspace-key-99887766";
const WORKSPACE_KEY: &str = "sk-workspace-canary-55443322aa";

fn assert_clean(what: &str, text: &str) {
    for secret in [CANARY_KEY, CREATED_KEY, WORKSPACE_KEY, &CANARY_KEY[..12]] {
        assert!(!text.contains(secret), "{what} leaks a key: {text}");
    }
}

/// Makes every kind of call, successful and failing, against a server that echoes the key
/// back in every way it can; returns the server (to see what it received) and the errors.
async fn make_every_kind_of_call() -> (FaultServer, Vec<ClientError>) {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/roles",
        vec![Reply::json(200, fixtures::roles_json())],
    );
    // A misbehaving server that echoes the key back in every way it can.
    server.on(
        "GET",
        "/v1/admin/users",
        vec![Reply::detail(401, &format!("key {CANARY_KEY} is revoked"))],
    );
    server.on(
        "POST",
        "/v1/admin/workspaces",
        vec![Reply::json(
            422,
            fixtures::validation_error(
                &[json!("body"), json!(CANARY_KEY)],
                &format!("bad {CANARY_KEY}"),
            ),
        )],
    );
    server.on(
        "GET",
        "/v1/admin/workspaces",
        vec![Reply::raw(
            200,
            &format!("not json, your key is {CANARY_KEY}"),
        )],
    );
    server.on(
        "GET",
        "/v1/admin/spend-limit",
        vec![Reply::detail(503, &format!("upstream said {CANARY_KEY}"))],
    );
    server.on(
        "POST",
        "/v1/admin/api-keys",
        vec![Reply::json(
            200,
            json!({"key_id": Uuid::nil(), "key": CREATED_KEY, "name": "ci", "hidden_key": "****7766",
                   "created_at": null, "expiration_date": null, "actions": {}}),
        )],
    );
    server.on(
        "GET",
        "/v1/models",
        vec![Reply::detail(401, "bad workspace key")],
    );
    server.on(
        "GET",
        "/v1/admin/audit-logs",
        vec![Reply::json(200, json!([])).after(Duration::from_secs(2))],
    );

    let client = AdminClient::new(test_config(&server.base_url(), CANARY_KEY)).unwrap();
    client.roles().await.expect("a successful call");
    let created = client
        .create_api_key(&AdminCreateApiKeyIn {
            name: Some("ci".into()),
            expiration: None,
            workspace_uuid: Uuid::nil(),
            user_id: Uuid::nil(),
        })
        .await
        .unwrap();
    assert_eq!(created.key.as_deref(), Some(CREATED_KEY));
    assert_clean("Debug of a created key", &format!("{created:?}"));

    let mut errors = vec![
        client.list_users(1, 10, None).await.unwrap_err(),
        client
            .create_workspace(&mistral_admin::api::AdminWorkspaceIn {
                name: "x".into(),
                description: String::new(),
                icon: String::new(),
                add_all_org_members: false,
                admin_user_id: Uuid::nil(),
            })
            .await
            .unwrap_err(),
        client.list_all_workspaces(false).await.unwrap_err(),
        client.spend_limit().await.unwrap_err(),
        client
            .list_models_with_key(&SecretString::new(WORKSPACE_KEY))
            .await
            .unwrap_err(),
    ];
    let mut short = test_config(&server.base_url(), CANARY_KEY);
    short.request_timeout = Duration::from_millis(100);
    errors.push(
        AdminClient::new(short)
            .unwrap()
            .audit_logs(&Default::default())
            .await
            .unwrap_err(),
    );
    let gone = AdminClient::new(test_config(&closed_port_url().await, CANARY_KEY)).unwrap();
    errors.push(gone.roles().await.unwrap_err());
    errors.push(
        AdminClient::new(ClientConfig::new(
            "ftp://example.com",
            SecretString::new(CANARY_KEY),
        ))
        .unwrap_err(),
    );
    errors.push(
        AdminClient::new(ClientConfig::new(
            "https://example.com",
            SecretString::new(format!("{CANARY_KEY}\n")),
        ))
        .unwrap_err(),
    );

    (server, errors)
}

#[tokio::test]
async fn calls_that_succeed_and_fail_leave_no_key_in_error_messages() {
    let (server, errors) = make_every_kind_of_call().await;
    assert_eq!(errors.len(), 9);
    for err in &errors {
        assert_clean("an error message", &err.to_string());
        assert_clean("an error's Debug", &format!("{err:?}"));
        for field in err.field_errors() {
            assert_clean("a field error", &field.to_string());
        }
    }
    // The server really received the key, so the checks above are not vacuous.
    let sent = server.requests();
    assert!(
        sent.iter()
            .any(|r| r.header("x-api-key") == Some(CANARY_KEY))
    );
    assert!(
        sent.iter()
            .any(|r| r.header("authorization") == Some(&*format!("Bearer {WORKSPACE_KEY}")))
    );
}

/// Set only in the process [`the_apps_log_file_holds_no_key_even_at_trace_level`] starts.
const CHILD_ENV: &str = "MISTRAL_ADMIN_TEST_LOGGING_CHILD";
const CHILD_TEST: &str = "every_kind_of_call_through_the_apps_real_logger";

/// The app's own logger (`tui::logging::init`: the daily `mistral-admin.log` file in the data
/// directory, filtered by `MISTRAL_ADMIN_LOG`) installs a process-wide subscriber, so it runs in
/// a process of its own: this test binary again, running only [`CHILD_TEST`] (by its full
/// name, module included).
#[tokio::test]
async fn the_apps_log_file_holds_no_key_even_at_trace_level() {
    let tmp = tempfile::tempdir().unwrap();
    let child_test = test_path(module_path!(), CHILD_TEST);
    let out = tokio::process::Command::new(std::env::current_exe().unwrap())
        .args([child_test.as_str(), "--exact", "--ignored", "--nocapture"])
        .env(CHILD_ENV, "1")
        .env(
            mistral_admin::dirs::CONFIG_DIR_ENV,
            tmp.path().join("config"),
        )
        .env(mistral_admin::dirs::DATA_DIR_ENV, tmp.path().join("data"))
        .env(mistral_admin::tui::logging::LOG_ENV, "trace")
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("1 passed"), "the child test ran: {stdout}");
    assert_clean("the child's output", &format!("{stdout}{stderr}"));

    let log_dir = AppDirs::under(tmp.path()).log_dir();
    let files: Vec<PathBuf> = std::fs::read_dir(&log_dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("mistral-admin.log."),
        "the daily file: {name}"
    );
    let logged = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        logged.contains("admin api request"),
        "requests are logged: {logged}"
    );
    assert!(
        logged.contains("path=/roles") && logged.contains("status=200"),
        "{logged}"
    );
    assert!(logged.contains("status=401"), "{logged}");
    assert!(logged.contains("admin api request failed"), "{logged}");
    assert!(logged.contains(" TRACE "), "trace level is on: {logged}");
    assert_clean("the log file", &logged);
}

#[tokio::test]
#[ignore = "run by the_apps_log_file_holds_no_key_even_at_trace_level, in a process of its own"]
async fn every_kind_of_call_through_the_apps_real_logger() {
    assert!(
        std::env::var_os(CHILD_ENV).is_some(),
        "installs a process-wide logger: run only as the child of \
         the_apps_log_file_holds_no_key_even_at_trace_level"
    );
    let dirs = AppDirs::discover().unwrap();
    let guard =
        mistral_admin::tui::logging::init(&dirs.log_dir()).expect("the app's logger starts");
    let (_server, errors) = make_every_kind_of_call().await;
    assert_eq!(errors.len(), 9);
    // Flushes the non-blocking writer into the file.
    drop(guard);
}

#[test]
fn debug_of_clients_configs_profiles_and_sources_hides_the_key() {
    let key = SecretString::new(CANARY_KEY);
    let mut config = ClientConfig::new("https://api.mistral.ai/v1/admin", key.clone());
    config.auth = AuthStyle::Bearer;
    assert_clean("ClientConfig", &format!("{config:?} {config:#?}"));
    let client = AdminClient::new(config).unwrap();
    assert_clean("AdminClient", &format!("{client:?} {client:#?}"));

    let profile = Profile::embedded("local", "http://127.0.0.1:1/v1/admin", key.clone());
    assert_clean("Profile", &format!("{profile:?} {profile:#?}"));
    assert_clean(
        "KeySource",
        &format!("{} {:?}", profile.key_source, profile.key_source),
    );
    let set = ProfileSet {
        profiles: vec![profile, Profile::builtin_local()],
        default: None,
        path: None,
    };
    assert_clean("ProfileSet", &format!("{set:?}"));
    assert_clean("KeySource::Provided", &KeySource::Provided(key).to_string());
}
