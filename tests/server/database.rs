//! The database file as several processes share it: it is in WAL mode, and a write that finds
//! the file locked by another process waits for it, then either succeeds or answers 503 with
//! `Retry-After`, never a 500.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::http::Api;
use crate::support::local_server;
use mistral_admin::server::LocalServer;
use serde_json::json;

async fn file_server(path: &Path) -> (LocalServer, Api) {
    let server = local_server().file(path).start().await;
    let acme = server.create_organization("Acme").await.expect("org");
    let api = Api::new(&server.origin(), Some(acme.admin_key.expose()));
    (server, api)
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shared.sqlite3");
    (dir, path)
}

/// Another process's connection holding the write lock for `hold`, as a long seeding or a
/// second server's transaction would. Returns once the lock is taken.
fn hold_write_lock(path: &Path, hold: Duration) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    let (locked, taken) = mpsc::channel();
    let holder = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&path).expect("second connection");
        conn.execute_batch("BEGIN IMMEDIATE").expect("write lock");
        locked.send(()).expect("test is waiting");
        std::thread::sleep(hold);
        conn.execute_batch("COMMIT").expect("release");
    });
    taken.recv().expect("the lock is taken");
    holder
}

#[tokio::test]
async fn the_database_file_is_in_wal_mode() {
    let (_dir, path) = temp_db();
    let (server, api) = file_server(&path).await;
    api.create_member("wal@example.com").await;
    let conn = rusqlite::Connection::open(&path).expect("open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .expect("journal mode");
    assert_eq!(mode, "wal");
    assert!(path.with_extension("sqlite3-wal").exists(), "WAL file");
    server.shutdown().await;
}

/// The lock wait of the server in the test below: short, so the test does not sit out the
/// default 15 s, and long enough that a loaded machine still orders its steps as planned.
const SHORT_BUSY_TIMEOUT: Duration = Duration::from_secs(2);

#[tokio::test]
async fn a_write_on_a_locked_database_waits_then_answers_503_and_never_500() {
    let (_dir, path) = temp_db();
    let server = local_server()
        .file(&path)
        .busy_timeout(SHORT_BUSY_TIMEOUT)
        .start()
        .await;
    let acme = server.create_organization("Acme").await.expect("org");
    let api = Api::new(&server.origin(), Some(acme.admin_key.expose()));
    let admin = api.create_member("admin@example.com").await;
    // Held past the server's whole wait: the first write gives up with a 503, the second
    // (queued behind it in this process, so its own wait starts when the first gives up) gets
    // the lock once the holder lets go.
    let hold = SHORT_BUSY_TIMEOUT + SHORT_BUSY_TIMEOUT / 2;
    let holder = hold_write_lock(&path, hold);
    let started = Instant::now();

    // Reads do not wait for a writer in WAL mode.
    let listed = api.get("/workspaces").await;
    assert_eq!(listed.status, 200, "{}", listed.text);
    assert!(
        started.elapsed() < SHORT_BUSY_TIMEOUT,
        "reads are not blocked"
    );

    let body = |name: &str| json!({"name": name, "admin_user_id": admin});
    let (first, second) = tokio::join!(
        async {
            let sent = Instant::now();
            (api.post("/workspaces", body("First")).await, sent.elapsed())
        },
        async {
            tokio::time::sleep(Duration::from_millis(300)).await;
            api.post("/workspaces", body("Second")).await
        }
    );
    let (first, waited) = first;
    holder.join().expect("holder thread");

    assert_eq!(first.status, 503, "{}", first.text);
    let detail = first.detail(503);
    assert!(
        detail.contains("another mistral-admin process") && detail.contains("Retry"),
        "{detail}"
    );
    assert!(
        waited >= SHORT_BUSY_TIMEOUT.mul_f64(0.9),
        "the server waited for the lock ({waited:?}) before giving up"
    );
    assert_eq!(first.header("retry-after"), Some("2"));
    assert_eq!(second.status, 200, "{}", second.text);
    let names: Vec<String> = api
        .workspaces("")
        .await
        .items
        .into_iter()
        .map(|w| w.name)
        .collect();
    assert!(names.contains(&"Second".to_owned()) && !names.contains(&"First".to_owned()));
    server.shutdown().await;
}

#[tokio::test]
async fn a_write_waits_longer_than_five_seconds_for_another_process() {
    let (_dir, path) = temp_db();
    let (server, api) = file_server(&path).await;
    // Longer than the 5 s SQLite wait the server used to give up after with a 500.
    let holder = hold_write_lock(&path, Duration::from_secs(7));
    let created = api.create_member("patient@example.com").await;
    holder.join().expect("holder thread");
    assert_eq!(
        api.user(created).await.member.email.as_deref(),
        Some("patient@example.com")
    );
    server.shutdown().await;
}

#[tokio::test]
async fn two_servers_on_one_file_write_side_by_side() {
    let (_dir, path) = temp_db();
    let (one, api) = file_server(&path).await;
    let two = local_server().file(&path).start().await;
    let other = api.clone().with_origin(&two.origin());
    let writes = (0..20).map(|i| {
        let api = if i % 2 == 0 {
            api.clone()
        } else {
            other.clone()
        };
        async move {
            let email = format!("person{i}@example.com");
            let reply = api
                .post(
                    "/users",
                    json!([{"email": email, "first_name": "P", "last_name": "Q"}]),
                )
                .await;
            assert!(
                reply.status == 200 || reply.status == 503,
                "{}: {}",
                reply.status,
                reply.text
            );
            reply.status
        }
    });
    let statuses = futures::future::join_all(writes).await;
    let created = statuses.iter().filter(|s| **s == 200).count() as i64;
    let total = api.get("/users?page_size=100").await.ok()["total"].as_i64();
    // The organization's first admin plus everyone whose request went through.
    assert_eq!(total, Some(created + 1));
    one.shutdown().await;
    two.shutdown().await;
}
