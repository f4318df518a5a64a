//! Profiles from `config.toml`: key sources, refusals with clear messages, and the
//! no-config-file path through `MISTRAL_ADMIN_API_KEY` and `--base-url`.

use std::path::{Path, PathBuf};

use mistral_admin::client::config::parse;
use mistral_admin::client::{AuthStyle, ConfigError, KeySource, ProfileSet};
use mistral_admin::dirs::AppDirs;

use crate::support::fault_server::{FaultServer, Reply};
use crate::support::fixtures;

const FILE_KEY: &str = "sk-from-a-private-file-00112233";

fn write_config(dirs: &AppDirs, text: &str) -> PathBuf {
    std::fs::create_dir_all(&dirs.config_dir).unwrap();
    let path = dirs.config_file();
    std::fs::write(&path, text).unwrap();
    path
}

fn write_key(path: &Path, mode: u32) {
    std::fs::write(path, format!("{FILE_KEY}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

fn parse_err(text: &str) -> ConfigError {
    parse(Path::new("/cfg/config.toml"), text).unwrap_err()
}

#[test]
fn a_full_config_parses_into_profiles_after_the_builtin_local() {
    let tmp = tempfile::tempdir().unwrap();
    let dirs = AppDirs::under(tmp.path());
    let path = write_config(
        &dirs,
        r#"
default = "acme-prod"

[profiles.acme-prod]
base_url = "https://api.mistral.ai/v1/admin"
key_env = "ACME_ADMIN_KEY"
read_only = true

[profiles.acme-legacy]
base_url = "https://console.mistral.ai/api/admin/"
key_command = "pass show mistral/acme"
auth = "x-api-key"

[profiles.lab]
base_url = "http://127.0.0.1:8787/v1/admin"
key_file = "lab.key"
"#,
    );
    let set = ProfileSet::load(&dirs).unwrap();
    assert_eq!(set.path.as_deref(), Some(path.as_path()));
    assert_eq!(set.default.as_deref(), Some("acme-prod"));
    assert_eq!(
        set.names(),
        vec!["local", "acme-legacy", "acme-prod", "lab"]
    );
    let prod = set.get("acme-prod").unwrap();
    assert!(prod.read_only && !prod.is_local);
    assert_eq!(prod.key_source, KeySource::Env("ACME_ADMIN_KEY".into()));
    assert_eq!(prod.auth, AuthStyle::Both);
    let legacy = set.get("acme-legacy").unwrap();
    assert_eq!(legacy.base_url, "https://console.mistral.ai/api/admin");
    assert_eq!(legacy.auth, AuthStyle::XApiKey);
    assert_eq!(
        set.get("lab").unwrap().key_source,
        KeySource::File(dirs.config_dir.join("lab.key")),
        "relative key files sit beside the config file"
    );
    assert!(set.get("local").unwrap().is_local);
}

#[test]
fn no_config_file_means_only_the_local_profile() {
    let tmp = tempfile::tempdir().unwrap();
    let set = ProfileSet::load(&AppDirs::under(tmp.path())).unwrap();
    assert_eq!(set.names(), vec!["local"]);
    assert_eq!(set.path, None);
}

#[test]
fn an_inline_key_is_refused_with_how_to_do_it_instead() {
    let err =
        parse_err("[profiles.acme]\nkey_env = \"A\"\napi_key = \"sk-live-secret-value-123456\"\n");
    let shown = err.to_string();
    assert!(
        shown.starts_with("/cfg/config.toml, line 3, field `profiles.acme.api_key`: a key written in the config file is refused"),
        "{shown}"
    );
    assert!(
        shown.contains("key_env") && shown.contains("key_command") && shown.contains("chmod 600")
    );
    assert!(!shown.contains("sk-live-secret"), "{shown}");
    // A key pasted where a variable name belongs is refused without being repeated.
    let err = parse_err("[profiles.acme]\nkey_env = \"sk-live-secret-value-123456\"\n");
    let shown = err.to_string();
    assert!(
        shown.contains(
            "line 2, field `profiles.acme.key_env`: must be the name of an environment variable"
        ),
        "{shown}"
    );
    assert!(!shown.contains("sk-live-secret"), "{shown}");
}

#[test]
fn bad_toml_names_the_line() {
    let err = parse_err("default = \"a\"\n\n[profiles.a\nkey_env = \"A\"\n");
    assert!(
        err.to_string().starts_with("/cfg/config.toml, line 3"),
        "{err}"
    );
    let err = parse_err("[profiles.a]\nkey_env = \"A\"\nread_only = \"yes\"\n");
    assert_eq!(
        err.to_string(),
        "/cfg/config.toml, line 3, field `profiles.a.read_only`: invalid type: string \"yes\", expected a boolean"
    );
}

#[test]
fn unknown_fields_and_bad_values_are_errors_not_ignored() {
    let err = parse_err("[profiles.a]\nkey_env = \"A\"\nreadonly = true\n");
    let shown = err.to_string();
    assert!(
        shown.starts_with(
            "/cfg/config.toml, line 3, field `profiles.a.readonly`: unknown field `readonly`"
        ),
        "{shown}"
    );
    let err = parse_err("defualt = \"a\"\n");
    assert!(
        err.to_string()
            .contains("line 1, field `defualt`: unknown field"),
        "{err}"
    );
    let err = parse_err("[profiles.a]\nkey_env = \"A\"\nauth = \"basic\"\n");
    assert!(
        err.to_string()
            .contains("line 3, field `profiles.a.auth`: unknown auth style"),
        "{err}"
    );
    let err = parse_err("[profiles.a]\nkey_env = \"A\"\nbase_url = \"api.mistral.ai\"\n");
    assert!(
        err.to_string()
            .contains("field `profiles.a.base_url`: \"api.mistral.ai\" must start with https://"),
        "{err}"
    );
    let err = parse_err("[profiles.a]\nkey_env = \"A\"\nkey_file = \"a.key\"\n");
    assert!(
        err.to_string()
            .contains("line 3, field `profiles.a.key_file`: give exactly one of"),
        "{err}"
    );
    let err = parse_err("\n[profiles.a]\nread_only = true\n");
    assert!(
        err.to_string()
            .contains("line 2, field `profiles.a`: no key source"),
        "{err}"
    );
    let err = parse_err("[profiles.local]\nkey_env = \"A\"\n");
    assert!(err.to_string().contains("`local` is reserved"), "{err}");
}

#[test]
fn a_default_or_requested_profile_that_does_not_exist_is_an_error() {
    let err = parse_err("default = \"prod\"\n[profiles.staging]\nkey_env = \"A\"\n");
    assert_eq!(
        err.to_string(),
        "/cfg/config.toml, line 1, field `default`: no profile named `prod` in this file"
    );
    let tmp = tempfile::tempdir().unwrap();
    let dirs = AppDirs::under(tmp.path());
    write_config(&dirs, "[profiles.staging]\nkey_env = \"A\"\n");
    let overrides = mistral_admin::client::profiles::Overrides {
        profile: Some("prod".into()),
        ..Default::default()
    };
    let err = ProfileSet::load_for(&dirs, &overrides).unwrap_err();
    assert_eq!(
        err.to_string(),
        "No profile named `prod`; known profiles: local, staging"
    );
}

#[tokio::test]
async fn each_key_source_yields_the_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dirs = AppDirs::under(tmp.path());
    write_config(
        &dirs,
        r#"
[profiles.from-env]
key_env = "ACME_KEY_FOR_TEST"
[profiles.from-command]
key_command = "printf 'sk-from-command-1234\nlogin: admin\n'"
[profiles.from-file]
key_file = "private.key"
[profiles.failing-command]
key_command = "echo 'vault is sealed' >&2; exit 3"
"#,
    );
    write_key(&dirs.config_dir.join("private.key"), 0o600);
    let set = ProfileSet::load(&dirs).unwrap();

    let env = |name: &str| (name == "ACME_KEY_FOR_TEST").then(|| " sk-from-env-5678 \n".to_owned());
    let key = set
        .get("from-env")
        .unwrap()
        .resolve_key_with(&env)
        .await
        .unwrap();
    assert_eq!(key.expose(), "sk-from-env-5678");
    let err = set
        .get("from-env")
        .unwrap()
        .resolve_key_with(&|_| None)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Profile `from-env`: environment variable ACME_KEY_FOR_TEST is not set"
    );

    let key = set
        .get("from-command")
        .unwrap()
        .resolve_key()
        .await
        .unwrap();
    assert_eq!(
        key.expose(),
        "sk-from-command-1234",
        "first line of the output"
    );
    let err = set
        .get("failing-command")
        .unwrap()
        .resolve_key()
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Profile `failing-command`: key command `echo 'vault is sealed' >&2; exit 3` exited with status 3: vault is sealed"
    );

    let key = set.get("from-file").unwrap().resolve_key().await.unwrap();
    assert_eq!(key.expose(), FILE_KEY);
}

#[cfg(unix)]
#[tokio::test]
async fn a_key_file_others_can_read_is_refused_with_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let dirs = AppDirs::under(tmp.path());
    write_config(&dirs, "[profiles.lab]\nkey_file = \"lab.key\"\n");
    let key_path = dirs.config_dir.join("lab.key");
    write_key(&key_path, 0o644);
    let set = ProfileSet::load(&dirs).unwrap();
    let err = set.get("lab").unwrap().resolve_key().await.unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "Profile `lab`: key file {0} can be read by other users (mode 644); run `chmod 600 {0}` and try again",
            key_path.display()
        )
    );
    write_key(&key_path, 0o640);
    assert!(
        set.get("lab").unwrap().resolve_key().await.is_err(),
        "group-readable too"
    );
    write_key(&key_path, 0o400);
    assert!(set.get("lab").unwrap().resolve_key().await.is_ok());
}

#[tokio::test]
async fn a_profile_connects_with_the_key_from_its_source() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/roles",
        vec![Reply::json(200, fixtures::roles_json())],
    );
    let tmp = tempfile::tempdir().unwrap();
    let dirs = AppDirs::under(tmp.path());
    write_config(
        &dirs,
        &format!(
            "[profiles.lab]\nbase_url = \"{}\"\nkey_file = \"lab.key\"\nauth = \"bearer\"\n",
            server.base_url()
        ),
    );
    write_key(&dirs.config_dir.join("lab.key"), 0o600);
    let set = ProfileSet::load(&dirs).unwrap();
    let client = set.get("lab").unwrap().connect().await.unwrap();
    client.roles().await.unwrap();
    let sent = server.requests().pop().unwrap();
    assert_eq!(
        sent.header("authorization"),
        Some(&*format!("Bearer {FILE_KEY}"))
    );
    assert_eq!(sent.header("x-api-key"), None);
}

/// The binary, with no config file at all, on `MISTRAL_ADMIN_API_KEY` and `--base-url`.
#[tokio::test]
async fn the_env_key_and_base_url_work_without_any_config_file() {
    let server = FaultServer::start().await;
    server.on(
        "GET",
        "/v1/admin/roles",
        vec![Reply::json(200, fixtures::roles_json())],
    );
    let tmp = tempfile::tempdir().unwrap();
    let env_key = "sk-env-only-key-abcdef0123456789";
    let run = |args: Vec<String>, key: Option<&str>| {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_mistral-admin"));
        cmd.args(args)
            .env("MISTRAL_ADMIN_CONFIG_DIR", tmp.path().join("config"))
            .env("MISTRAL_ADMIN_DATA_DIR", tmp.path().join("data"))
            .env_remove("MISTRAL_ADMIN_PROFILE")
            .env_remove("MISTRAL_ADMIN_API_KEY");
        if let Some(key) = key {
            cmd.env("MISTRAL_ADMIN_API_KEY", key);
        }
        cmd.output()
    };
    let out = run(
        vec!["profiles".into(), "--base-url".into(), server.base_url()],
        Some(env_key),
    )
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let env_line = stdout.lines().find(|l| l.contains(" env ")).expect(&stdout);
    assert!(
        env_line.starts_with('*'),
        "the env profile is in use: {stdout}"
    );
    assert!(env_line.contains(&server.base_url()), "{env_line}");
    assert!(env_line.contains("env MISTRAL_ADMIN_API_KEY"), "{env_line}");
    assert!(env_line.trim_end().ends_with("ok"), "{env_line}");
    assert!(!stdout.contains(env_key));
    assert_eq!(
        server.requests()[0].header("x-api-key"),
        Some(env_key),
        "the key came from the environment"
    );

    let out = run(
        vec!["profiles".into(), "--base-url".into(), server.base_url()],
        None,
    )
    .await
    .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--base-url needs the admin key in MISTRAL_ADMIN_API_KEY"),
        "{stderr}"
    );
}
