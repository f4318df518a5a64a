//! `mistral-admin config path`, `config check` and `profiles`, run as the real binary in scratch
//! directories (`MISTRAL_ADMIN_CONFIG_DIR`, `MISTRAL_ADMIN_DATA_DIR`) against the real local
//! server started in this process, a fault server and a closed port.

use std::path::Path;
use std::process::Output;

use mistral_admin::dirs::AppDirs;
use mistral_admin::server::{LocalServer, Seed};

use crate::support::fault_server::closed_port_url;
use crate::support::fault_server::{FaultServer, Reply};

const WRONG_KEY: &str = "sk-not-a-key-of-this-server-0123456789";
/// Mistral's key shape, pasted where it does not belong.
const PASTED_KEY: &str = "HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y";

/// Runs the binary with its files under `root` and only the environment given here.
async fn run(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_mistral-admin"));
    cmd.args(args)
        .env("MISTRAL_ADMIN_CONFIG_DIR", root.join("config"))
        .env("MISTRAL_ADMIN_DATA_DIR", root.join("data"))
        .env_remove("MISTRAL_ADMIN_PROFILE")
        .env_remove("MISTRAL_ADMIN_API_KEY")
        .env_remove("MISTRAL_ADMIN_LOG");
    for (name, value) in env {
        cmd.env(name, value);
    }
    cmd.output().await.expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write_config(root: &Path, body: &str) -> std::path::PathBuf {
    let dirs = AppDirs::under(root);
    std::fs::create_dir_all(&dirs.config_dir).unwrap();
    std::fs::write(dirs.config_file(), body).unwrap();
    dirs.config_file()
}

/// The line of `profiles` output for one profile, found by its name column.
fn row<'a>(stdout: &'a str, name: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.trim_start_matches('*').split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("no row for {name}:\n{stdout}"))
}

async fn local_server() -> (LocalServer, String) {
    let server = crate::support::local_server()
        .seed(Seed::None)
        .start()
        .await;
    let org = server.create_organization("Acme").await.unwrap();
    let key = org.admin_key.expose().to_owned();
    (server, key)
}

#[tokio::test]
async fn config_path_prints_every_path_and_whether_it_exists() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write_config(root, "");
    let out = run(root, &["config", "path"], &[]).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let config = root.join("config");
    let data = root.join("data");
    let expected = [
        ("config file", config.join("config.toml"), "exists"),
        ("keymap", config.join("keymap.toml"), "missing"),
        ("theme", config.join("theme.toml"), "missing"),
        ("config dir", config.clone(), "exists (directory)"),
        ("data dir", data.clone(), "missing"),
        ("local database", data.join("local.sqlite3"), "missing"),
        ("log dir", data.join("logs"), "missing"),
    ];
    assert_eq!(stdout.lines().count(), expected.len(), "{stdout}");
    for ((label, path, state), line) in expected.iter().zip(stdout.lines()) {
        let words: Vec<&str> = line.split("  ").filter(|w| !w.trim().is_empty()).collect();
        assert_eq!(
            words.iter().map(|w| w.trim()).collect::<Vec<_>>(),
            vec![*label, &path.display().to_string(), *state],
            "{stdout}"
        );
    }
}

#[tokio::test]
async fn config_check_reports_a_valid_file_a_missing_one_and_the_first_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let out = run(root, &["config", "check"], &[]).await;
    assert!(out.status.success());
    let config = root.join("config");
    assert_eq!(
        text(&out.stdout),
        format!(
            "{} does not exist: only the built-in `local` profile is available\n\
             {} does not exist: the built-in keymap is used\n\
             {} does not exist: the built-in theme is used\n",
            config.join("config.toml").display(),
            config.join("keymap.toml").display(),
            config.join("theme.toml").display(),
        )
    );

    let file = write_config(
        root,
        "default = \"prod\"\n[profiles.prod]\nkey_env = \"PROD_KEY\"\nread_only = true\n\
         [profiles.lab]\nbase_url = \"http://127.0.0.1:8787/v1/admin\"\nkey_file = \"lab.key\"\n",
    );
    let out = run(root, &["config", "check"], &[]).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!(
            "{} is valid: 2 profile(s): lab, prod\ndefault profile: prod\n",
            file.display()
        )),
        "{stdout}"
    );

    for (body, problem) in [
        (
            "[profiles.prod]\nkey_env = \"PROD_KEY\"\nread_only = \"yes\"\n".to_owned(),
            "line 3, field `profiles.prod.read_only`: invalid type: string \"yes\", expected a boolean"
                .to_owned(),
        ),
        (
            "[profiles.prod]\nkey_env = \"A\"\nbase_url = \"https://api.mistral.ai/v1/admin?x=1\"\n"
                .to_owned(),
            "line 3, field `profiles.prod.base_url`: \"https://api.mistral.ai/v1/admin?x=1\" must not have a query string"
                .to_owned(),
        ),
        (
            format!("[profiles.prod]\nkey_file = \"{PASTED_KEY}\"\n"),
            "line 2, field `profiles.prod.key_file`: looks like a key, not the path of a file"
                .to_owned(),
        ),
    ] {
        write_config(root, &body);
        let out = run(root, &["config", "check"], &[]).await;
        assert!(!out.status.success(), "{body}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with(&format!("mistral-admin: {}, {problem}", file.display())),
            "{stderr}"
        );
        assert!(!stderr.contains(PASTED_KEY) && !text(&out.stdout).contains(PASTED_KEY));
    }
}

#[tokio::test]
async fn config_check_reads_the_keymap_and_the_theme_and_reports_every_broken_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let config = write_config(root, "[profiles.prod]\nkey_env = \"PROD_KEY\"\n");
    let dir = config.parent().unwrap();
    let keymap = dir.join("keymap.toml");
    let theme = dir.join("theme.toml");
    std::fs::write(&keymap, "[workspaces]\narchive_workspace = [\"ctrl-q\"]\n").unwrap();
    std::fs::write(&theme, "[styles]\narchived = { fg = \"darkgray\" }\n").unwrap();
    let out = run(root, &["config", "check"], &[]).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for file in [&keymap, &theme] {
        assert!(
            stdout.contains(&format!("{} is valid", file.display())),
            "{stdout}"
        );
    }

    // Two broken files: both are reported, and the third is still checked.
    std::fs::write(&keymap, "[workspaces]\narchive_workspace = [\"delete\"]\n").unwrap();
    std::fs::write(&theme, "[styles]\narchived = { fg = \"greyish\" }\n").unwrap();
    let out = run(root, &["config", "check"], &[]).await;
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!(
            "{} is valid: 1 profile(s): prod\n",
            config.display()
        )),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("mistral-admin: {}, line 2", keymap.display()))
            && lines[0].contains("easily hit by accident"),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(&format!("mistral-admin: {}, line 2", theme.display()))
            && lines[1].contains("greyish"),
        "{stderr}"
    );
}

#[tokio::test]
async fn profiles_shows_each_status_ok_unauthorized_unreachable_key_error_and_no_admin_api() {
    let (server, key) = local_server().await;
    let html = FaultServer::start().await;
    html.on(
        "GET",
        "/roles",
        vec![Reply::raw(200, "<html><body>Welcome</body></html>")],
    );
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let config = format!(
        "default = \"good\"\n\
         [profiles.good]\nbase_url = \"{admin}\"\nkey_env = \"TEST_GOOD_KEY\"\n\
         [profiles.rejected]\nbase_url = \"{admin}\"\nkey_env = \"TEST_WRONG_KEY\"\nread_only = true\n\
         [profiles.gone]\nbase_url = \"{gone}\"\nkey_env = \"TEST_GOOD_KEY\"\n\
         [profiles.keyless]\nbase_url = \"{admin}\"\nkey_env = \"TEST_UNSET_KEY\"\n\
         [profiles.origin]\nbase_url = \"{origin}\"\nkey_env = \"TEST_GOOD_KEY\"\n\
         [profiles.webpage]\nbase_url = \"{webpage}\"\nkey_env = \"TEST_GOOD_KEY\"\n",
        admin = server.admin_base_url(),
        gone = closed_port_url().await,
        origin = server.origin(),
        webpage = html.origin(),
    );
    let file = write_config(root, &config);
    let out = run(
        root,
        &["profiles", "--timeout", "3"],
        &[("TEST_GOOD_KEY", &key), ("TEST_WRONG_KEY", WRONG_KEY)],
    )
    .await;
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some profiles fail, so the exit code says so: {stdout}{}",
        text(&out.stderr)
    );
    assert!(
        row(&stdout, "NAME").contains("KEY FROM") && row(&stdout, "NAME").ends_with("STATUS"),
        "{stdout}"
    );

    let good = row(&stdout, "good");
    assert!(good.starts_with('*'), "the default is in use: {good}");
    assert!(
        good.contains("env TEST_GOOD_KEY") && good.contains("read-write"),
        "{good}"
    );
    assert!(good.ends_with("ok (organization Acme)"), "{good}");

    let rejected = row(&stdout, "rejected");
    assert!(rejected.contains("read-only"), "{rejected}");
    assert!(rejected.contains("unauthorized: "), "{rejected}");

    assert!(
        row(&stdout, "gone").ends_with("unreachable: connection refused"),
        "{stdout}"
    );
    assert!(
        row(&stdout, "keyless")
            .ends_with("error: Profile `keyless`: environment variable TEST_UNSET_KEY is not set"),
        "{stdout}"
    );
    for name in ["origin", "webpage"] {
        let line = row(&stdout, name);
        assert!(
            line.ends_with(
                "no Admin API at this URL: a server answers, but not the Admin API; the base URL \
                 usually ends in /v1/admin, e.g. https://api.mistral.ai/v1/admin"
            ),
            "{line}"
        );
        assert!(!line.contains("Role catalog"), "{line}");
    }
    assert!(
        row(&stdout, "local").ends_with("embedded demo server (runs with the console)"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(&format!("\nprofiles from {}; * = in use\n", file.display())),
        "{stdout}"
    );
    for secret in [key.as_str(), WRONG_KEY] {
        assert!(!stdout.contains(secret), "a key is shown: {stdout}");
    }

    // Only profiles that answer (and the embedded one): the exit code is 0.
    write_config(
        root,
        &format!(
            "[profiles.good]\nbase_url = \"{}\"\nkey_env = \"TEST_GOOD_KEY\"\n",
            server.admin_base_url()
        ),
    );
    let out = run(
        root,
        &["profiles", "--timeout", "3"],
        &[("TEST_GOOD_KEY", &key)],
    )
    .await;
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        row(&stdout, "good").ends_with("ok (organization Acme)"),
        "{stdout}"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn profiles_refuses_a_config_with_a_pasted_key_and_never_shows_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for (field, line) in [
        (format!("key_file = \"{PASTED_KEY}\""), "key_file"),
        (format!("key_command = \"{PASTED_KEY}\""), "key_command"),
        (
            format!("key_env = \"A\"\nbase_url = \"{PASTED_KEY}\""),
            "base_url",
        ),
    ] {
        let file = write_config(root, &format!("[profiles.acme]\n{field}\n"));
        let out = run(root, &["profiles", "--offline"], &[]).await;
        assert!(!out.status.success(), "{field}");
        let stderr = text(&out.stderr);
        let at_line = if line == "base_url" { 3 } else { 2 };
        assert!(
            stderr.starts_with(&format!(
                "mistral-admin: {}, line {at_line}, field `profiles.acme.{line}`: looks like a key",
                file.display()
            )),
            "{stderr}"
        );
        assert!(!stderr.contains(PASTED_KEY), "{stderr}");
        assert!(!text(&out.stdout).contains(PASTED_KEY));
    }
    // A key inside a command still runs, but the KEY FROM column hides it.
    write_config(
        root,
        &format!("[profiles.acme]\nkey_command = \"printf '%s' {PASTED_KEY}\"\n"),
    );
    let out = run(root, &["profiles", "--offline"], &[]).await;
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        row(&stdout, "acme").contains("command `printf '%s' [hidden]`"),
        "{stdout}"
    );
    assert!(!stdout.contains(PASTED_KEY), "{stdout}");
}
