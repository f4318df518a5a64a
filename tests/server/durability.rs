//! Durability: several writers change the organization through a real `serve` process, which
//! is killed with SIGKILL in the middle of their writes. After a restart the database passes
//! SQLite's integrity check and every write that was acknowledged with a 200 is there.

use std::collections::HashSet;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::support::http::Api;
use crate::support::serve_process::{ServeProcess, random_key};
use serde_json::json;

const WRITERS: usize = 6;
/// How long the writers run before the server is killed.
const WRITING: Duration = Duration::from_millis(1500);

fn serve(db: &std::path::Path, key: &str) -> ServeProcess {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_mistral-admin"));
    command
        .arg("serve")
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .env("MISTRAL_ADMIN_API_KEY", key)
        .env("MISTRAL_ADMIN_LOG", "warn");
    ServeProcess::spawn(command, Stdio::null())
}

/// Invites one new address after another until `stop`; returns the addresses the server
/// acknowledged.
async fn write_until(api: Api, writer: usize, stop: Arc<AtomicBool>) -> Vec<String> {
    let mut acknowledged = Vec::new();
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        n += 1;
        let email = format!("w{writer}-{n}@durable.example");
        let Ok(reply) = api
            .try_send(
                reqwest::Method::POST,
                "/users-invite",
                &json!({"email": email}),
            )
            .await
        else {
            break;
        };
        if reply.status == 200 {
            assert_eq!(
                reply.body["invited_members_count"],
                json!(1),
                "{}",
                reply.text
            );
            acknowledged.push(email);
        }
    }
    acknowledged
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_a_sigkill_and_the_database_stays_sound() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("durable.sqlite3");
    let key = random_key();
    let first = serve(&db, &key);
    let api = Api::new(&first.origin, Some(&key));

    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| tokio::spawn(write_until(api.clone(), w, Arc::clone(&stop))))
        .collect();
    tokio::time::sleep(WRITING).await;
    // SIGKILL while the writers are still sending: no shutdown, no checkpoint.
    drop(first);
    stop.store(true, Ordering::Relaxed);
    let mut acknowledged = Vec::new();
    for writer in writers {
        acknowledged.extend(writer.await.expect("writer task"));
    }
    assert!(
        acknowledged.len() >= WRITERS,
        "the writers got only {} writes through",
        acknowledged.len()
    );

    eprintln!(
        "{} writes acknowledged before the SIGKILL",
        acknowledged.len()
    );
    let integrity: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");

    let second = serve(&db, &key);
    let api = Api::new(&second.origin, Some(&key));
    let pending = api.get("/users-invite").await.ok();
    let present: HashSet<&str> = pending
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|i| i["email"].as_str())
        .collect();
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|e| !present.contains(e.as_str()))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged writes were lost, e.g. {:?}",
        lost.len(),
        acknowledged.len(),
        lost.first()
    );
    let again: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(again, "ok");
}
