//! Slow and numerous clients: connections that dribble their headers or sit idle are closed
//! at the header deadline while everyone else is served, a request head past 400 KB is a 431,
//! and a server at its descriptor limit keeps accepting once connections close instead of
//! failing every `accept`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::serve_process::ServeProcess;
use mistral_admin::server::{ConnectionLimits, LocalServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Short enough for a test, long enough that a loaded machine serves a normal request well
/// within it.
const DEADLINE: Duration = Duration::from_secs(2);
const DRIBBLERS: usize = 200;

async fn server_with_deadline(deadline: Duration) -> (LocalServer, String) {
    let server = crate::support::local_server()
        .limits(ConnectionLimits {
            header_timeout: deadline,
            ..ConnectionLimits::default()
        })
        .start()
        .await;
    let org = server.create_organization("Acme").await.expect("org");
    let key = org.admin_key.expose().to_owned();
    (server, key)
}

/// Sends a request line, then one header byte every 100 ms until the server closes the
/// connection; returns how long after connecting that happened.
async fn dribble(addr: std::net::SocketAddr) -> Duration {
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    stream
        .write_all(b"GET /v1/admin/workspaces HTTP/1.1\r\nHost: x\r\n")
        .await
        .expect("request line");
    let mut byte = [0u8; 1];
    loop {
        if stream.write_all(b"x").await.is_err() {
            return started.elapsed();
        }
        // A closed connection reads as EOF (or a reset); a live one times out here.
        match tokio::time::timeout(Duration::from_millis(100), stream.read(&mut byte)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return started.elapsed(),
            Ok(Ok(_)) => panic!("the server answered a request whose head never ended"),
            Err(_) => {}
        }
        if started.elapsed() > DEADLINE * 10 {
            panic!(
                "a dribbling connection was still open after {:?}",
                started.elapsed()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dribbling_connections_are_closed_at_the_deadline_while_others_are_served() {
    let (server, key) = server_with_deadline(DEADLINE).await;
    let addr = server.addr();
    let dribblers: Vec<_> = (0..DRIBBLERS)
        .map(|_| tokio::spawn(dribble(addr)))
        .collect();
    // Let every dribbler connect and start sending before the normal request.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let client = reqwest::Client::new();
    let started = Instant::now();
    let reply = client
        .get(format!("{}/workspaces", server.admin_base_url()))
        .header("x-api-key", &key)
        .send()
        .await
        .expect("a normal request is answered");
    let waited = started.elapsed();
    assert_eq!(reply.status(), 200);
    assert!(
        waited < Duration::from_secs(1),
        "a normal request took {waited:?} beside {DRIBBLERS} dribbling connections"
    );

    for dribbler in dribblers {
        let open_for = dribbler.await.expect("dribbler task");
        assert!(
            open_for >= DEADLINE - Duration::from_millis(200),
            "closed before the deadline, after {open_for:?}"
        );
    }
}

#[tokio::test]
async fn idle_keep_alive_and_silent_connections_are_closed_at_the_deadline() {
    let (server, key) = server_with_deadline(Duration::from_millis(500)).await;
    // One complete request, then silence on the same connection.
    let mut used = TcpStream::connect(server.addr()).await.unwrap();
    let request = format!("GET /v1/admin/roles HTTP/1.1\r\nHost: x\r\nx-api-key: {key}\r\n\r\n");
    used.write_all(request.as_bytes()).await.unwrap();
    // A connection that never sends a byte.
    let mut silent = TcpStream::connect(server.addr()).await.unwrap();

    let mut reply = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(10), used.read_to_end(&mut reply))
        .await
        .expect("the idle keep-alive connection is closed");
    assert!(closed.is_ok());
    let text = String::from_utf8_lossy(&reply);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    let mut nothing = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), silent.read_to_end(&mut nothing))
        .await
        .expect("the silent connection is closed")
        .ok();
    assert!(nothing.is_empty());
}

#[tokio::test]
async fn a_request_head_over_400_kb_is_a_431_with_a_detail() {
    let (server, key) = server_with_deadline(Duration::from_secs(10)).await;
    let client = reqwest::Client::new();
    let url = format!("{}/roles", server.admin_base_url());
    for size in [500_000, 410_000] {
        let reply = client
            .get(&url)
            .header("x-api-key", &key)
            .header("x-padding", "a".repeat(size))
            .send()
            .await
            .expect("an answer");
        assert_eq!(reply.status(), 431, "a {size}-byte header");
        let body: serde_json::Value = reply.json().await.expect("a JSON body");
        assert!(
            body["detail"]
                .as_str()
                .is_some_and(|d| d.contains("too large"))
        );
    }
    let fine = client
        .get(&url)
        .header("x-api-key", &key)
        .header("x-padding", "a".repeat(300_000))
        .send()
        .await
        .expect("an answer");
    assert_eq!(fine.status(), 200);
}

/// `serve` with `ulimit -n 128`: more idle connections than descriptors. The cap keeps the
/// server below the limit, so `accept` never fails with "Too many open files"; the idle ones
/// are closed at the deadline and a normal request then gets its turn.
#[tokio::test]
async fn at_the_descriptor_limit_the_server_waits_for_room_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("serve.log");
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -n 128 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_mistral-admin"))
        .args([
            "serve",
            "--memory",
            "--addr",
            "127.0.0.1:0",
            "--header-timeout",
            "1",
        ])
        .env("MISTRAL_ADMIN_LOG", "info")
        .env_remove("MISTRAL_ADMIN_API_KEY");
    let serve = ServeProcess::spawn(command, Stdio::from(std::fs::File::create(&log).unwrap()));
    let key = serve
        .banner
        .iter()
        .find_map(|line| line.trim().strip_prefix("Northwind Labs"))
        .map(|rest| rest.trim().to_owned())
        .expect("the banner shows Northwind's key");
    let addr = serve.origin.trim_start_matches("http://").to_owned();

    let mut idle = Vec::new();
    for _ in 0..200 {
        idle.push(TcpStream::connect(&addr).await.expect("connects"));
    }

    let started = Instant::now();
    let reply = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
        .get(format!("{}/v1/admin/roles", serve.origin))
        .header("x-api-key", &key)
        .send()
        .await
        .expect("the server answers once idle connections close");
    assert_eq!(reply.status(), 200, "after {:?}", started.elapsed());
    drop(idle);

    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        !logged.contains("Too many open files"),
        "accept failed for want of descriptors:\n{logged}"
    );
    assert!(logged.contains("connection cap reached"), "{logged}");
}
