//! `mistral-admin serve` under the conditions that used to break it: two processes seeding a
//! new database at once, a busy port, weak keys, `--read-only`, output that is not a terminal;
//! and the files it makes are the user's alone.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::http::Api;
use crate::support::serve_process::{ServeProcess, random_key};
use serde_json::json;

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mistral-admin"));
    command
        .env_remove("MISTRAL_ADMIN_API_KEY")
        .env_remove("MISTRAL_ADMIN_PROFILE")
        .env("MISTRAL_ADMIN_LOG", "warn");
    command
}

fn serve_on(db: &Path) -> Command {
    let mut command = binary();
    command
        .arg("serve")
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(db);
    command
}

fn organizations_in(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("the database opens");
    conn.query_row("SELECT COUNT(*) FROM organizations", [], |r| r.get(0))
        .expect("organizations are counted")
}

/// Two `serve` processes started together on one new database both come up; one seeds (and
/// prints the keys), the other finds the seed and keeps it. Several rounds, since the race
/// was lost only some of the time.
#[test]
fn two_servers_started_together_on_a_new_database_both_come_up_with_one_seed() {
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shared.sqlite3");
        let logs = [dir.path().join("a.log"), dir.path().join("b.log")];
        let started = std::thread::scope(|scope| {
            let runs: Vec<_> = logs
                .iter()
                .map(|log| {
                    let command = serve_on(&db);
                    let stderr = Stdio::from(std::fs::File::create(log).unwrap());
                    scope.spawn(move || ServeProcess::spawn(command, stderr))
                })
                .collect();
            runs.into_iter().map(|run| run.join()).collect::<Vec<_>>()
        });
        let mut servers = Vec::new();
        for (run, log) in started.into_iter().zip(&logs) {
            match run {
                Ok(server) => servers.push(server),
                Err(_) => panic!(
                    "round {round}: a server did not come up:\n{}",
                    std::fs::read_to_string(log).unwrap()
                ),
            }
        }
        let seeded: Vec<bool> = servers
            .iter()
            .map(|s| {
                s.banner
                    .iter()
                    .any(|l| l.contains("Admin API keys (shown once"))
            })
            .collect();
        assert_eq!(
            seeded.iter().filter(|s| **s).count(),
            1,
            "round {round}: exactly one server seeds: {:?}",
            servers.iter().map(|s| &s.banner).collect::<Vec<_>>()
        );
        let other = &servers[seeded.iter().position(|s| !s).unwrap()];
        assert!(
            other
                .banner
                .iter()
                .any(|l| l.contains("existing data kept (3 organizations)")),
            "{:?}",
            other.banner
        );
        assert_eq!(organizations_in(&db), 3, "round {round}");
    }
}

/// A port that is taken stops `serve` before it touches the database, so the first start
/// that does get a port is the one that seeds and prints the keys.
#[test]
fn a_busy_port_stops_serve_before_it_seeds() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite3");
    let out = binary()
        .arg("serve")
        .args(["--addr", &format!("127.0.0.1:{port}"), "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot listen on"), "{stderr}");
    assert!(
        !db.exists(),
        "the database was created before the port was known to be free"
    );
    drop(taken);

    let serve = ServeProcess::spawn(serve_on(&db), Stdio::null());
    assert!(
        serve
            .banner
            .iter()
            .any(|l| l.contains("Admin API keys (shown once")),
        "{:?}",
        serve.banner
    );
}

fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = binary();
    command.args(args).envs(env.iter().copied());
    command.output().unwrap()
}

#[test]
fn weak_or_unusable_admin_keys_are_refused_without_being_shown() {
    let cases = [
        ("short-key-1234", "at least 20 characters"),
        ("HQSxfB7IaJRKNHRv 0e5OAYJNO1h2Ug6Y", "a space"),
        ("HQSxfB7IaJRKNHRv0e5OAYJN\"O1h2Ug6Y", "letters, digits"),
    ];
    for (key, says) in cases {
        let by_flag = run(
            &[
                "serve",
                "--memory",
                "--addr",
                "127.0.0.1:0",
                "--admin-key",
                key,
            ],
            &[],
        );
        let by_env = run(
            &["serve", "--memory", "--addr", "127.0.0.1:0"],
            &[("MISTRAL_ADMIN_API_KEY", key)],
        );
        for out in [by_flag, by_env] {
            assert!(!out.status.success(), "{key:?} was accepted");
            let stderr = String::from_utf8_lossy(&out.stderr);
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(stderr.contains(says), "{key:?}: {stderr}");
            assert!(
                !stderr.contains(key) && !stdout.contains(key),
                "{stderr}{stdout}"
            );
            assert!(!stdout.contains("Local Mistral Admin API"), "{stdout}");
        }
    }
}

#[tokio::test]
async fn read_only_serve_refuses_every_change_with_403() {
    let key = random_key();
    let serve = ServeProcess::start(&["--memory", "--read-only", "--admin-key", &key]);
    assert!(
        serve.banner.iter().any(|l| l.contains("read-only")),
        "{:?}",
        serve.banner
    );
    let api = Api::new(&serve.origin, Some(&key));
    let before = api.workspaces("").await;
    let default = before.items.iter().find(|w| w.is_default).unwrap().uuid;
    let admin = api.get("/users").await.ok()["members"][0]["id"].clone();
    let events_before = api.audit("limit=1000").await.len();
    let changes = [
        api.post(
            "/workspaces",
            json!({"name": "New", "admin_user_id": admin}),
        )
        .await,
        api.patch(
            &format!("/workspaces/{default}"),
            json!({"description": "x"}),
        )
        .await,
        api.delete(&format!("/workspaces/{default}")).await,
        api.post("/users-invite", json!({"email": "new@example.com"}))
            .await,
        api.post("/spend-limit", json!({"amount": 1})).await,
        api.patch("/x-local/organization", json!({"name": "Renamed"}))
            .await,
    ];
    for reply in changes {
        let detail = reply.detail(403);
        assert!(detail.contains("--read-only"), "{detail}");
    }
    // A bad key is still a 401, and reads work.
    Api::new(&serve.origin, Some(&random_key()))
        .post("/workspaces", json!({}))
        .await
        .detail(401);
    let after = api.workspaces("").await;
    assert_eq!(after.total, before.total);
    assert_eq!(
        api.get("/x-local/organization").await.ok()["name"],
        "Northwind Labs"
    );
    assert_eq!(
        api.audit("limit=1000").await.len(),
        events_before,
        "nothing was recorded"
    );
}

fn help(args: &[&str]) -> String {
    let out = run(args, &[]);
    assert!(out.status.success(), "{args:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn each_command_lists_only_the_options_it_uses() {
    let serve = help(&["serve", "--help"]);
    for meaningless in ["--profile", "--base-url", "--no-color"] {
        assert!(
            !serve.contains(meaningless),
            "serve --help offers {meaningless}:\n{serve}"
        );
    }
    assert!(
        serve.contains("--read-only") && serve.contains("--header-timeout"),
        "{serve}"
    );
    let profiles = help(&["profiles", "--help"]);
    assert!(
        profiles.contains("--profile") && !profiles.contains("--no-color"),
        "{profiles}"
    );
    let admin_key = help(&["admin-key", "--help"]);
    assert!(!admin_key.contains("--read-only"), "{admin_key}");
    let console = help(&["--help"]);
    for option in ["--profile", "--base-url", "--read-only", "--no-color"] {
        assert!(console.contains(option), "{console}");
    }
    assert!(help(&["tui", "--help"]).contains("--no-color"));

    let misplaced = run(&["serve", "--profile", "acme", "--memory"], &[]);
    assert!(!misplaced.status.success());
    assert!(String::from_utf8_lossy(&misplaced.stderr).contains("--profile"));
    // The profile variable belongs to the console; it does not stop other commands.
    let with_env = run(&["serve", "--help"], &[("MISTRAL_ADMIN_PROFILE", "acme")]);
    assert!(with_env.status.success());
}

/// `serve --memory` with its log (stderr) written to `log` at `level`, `NO_COLOR` unset.
fn serve_logging_to(log: &Path, level: &str) -> ServeProcess {
    let mut command = binary();
    command
        .arg("serve")
        .args(["--memory", "--addr", "127.0.0.1:0"])
        .env("MISTRAL_ADMIN_LOG", level)
        .env_remove("NO_COLOR");
    ServeProcess::spawn(command, Stdio::from(std::fs::File::create(log).unwrap()))
}

/// Logs that go to a file or a pipe carry no colour codes.
#[test]
fn serve_writes_no_colour_codes_when_its_output_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("serve.log");
    let serve = serve_logging_to(&log, "info");
    let banner = serve.banner.join("\n");
    drop(serve);
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("local Admin API listening"), "{logged}");
    assert!(!logged.contains('\u{1b}'), "{logged:?}");
    assert!(!banner.contains('\u{1b}'), "{banner:?}");
}

/// A key pasted into a query string reaches the request log hidden, even at trace level,
/// while the rest of the URI stays readable.
#[test]
fn a_key_in_a_query_string_is_hidden_in_the_request_log() {
    use std::io::{Read, Write};
    const PASTED: &str = "q7Tz0LmWv3XbR9kPa2YcN5dHs8GfJ4eU";
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("serve.log");
    let serve = serve_logging_to(&log, "trace");
    let address = serve.origin.trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "GET /v1/admin/workspaces?page=0&api_key={PASTED} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 401"), "{reply}");
    drop(serve);
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("/v1/admin/workspaces?page=0&api_key=[hidden]"),
        "{logged}"
    );
    assert!(!logged.contains(&PASTED[..12]), "{logged}");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_and_its_journals_are_private_in_a_private_directory() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("new").join("data");
    let db = data.join("admin.sqlite3");
    let key = random_key();
    let mut command = serve_on(&db);
    command.args(["--admin-key", &key]);
    let serve = ServeProcess::spawn(command, Stdio::null());
    // A write, so that the WAL holds something.
    Api::new(&serve.origin, Some(&key))
        .post("/users-invite", json!({"email": "new@example.com"}))
        .await
        .ok();
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&dir.path().join("new")), 0o700);
    for file in ["admin.sqlite3", "admin.sqlite3-wal", "admin.sqlite3-shm"] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
}
