//! Replies the client must not trust: one far larger than any page (declared or streamed) is
//! refused with a clear error before it fills memory, and a connection that the server drops
//! is reported as closed, never as a timeout.

use std::time::{Duration, Instant};

use mistral_admin::client::{ErrorKind, MAX_RESPONSE_BYTES};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::support::client::test_client;

const KEY: &str = "sk-oversize-tests-0123456789abcdef";

/// How a scripted raw server answers each connection.
#[derive(Clone, Copy)]
enum Script {
    /// A 200 declaring a body past the cap.
    Declared,
    /// A 200 with no length, streaming JSON until the client goes away.
    Streamed,
    /// Half a reply, then the connection is closed.
    HalfThenClose,
    /// Half a reply, then the connection is reset.
    HalfThenReset,
}

/// A server that answers every connection by `script`; returns its admin base URL.
async fn raw_server(script: Script) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let mut request = [0u8; 8192];
                let _ = stream.read(&mut request).await;
                let head = match script {
                    Script::Declared => format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                        MAX_RESPONSE_BYTES + 1
                    ),
                    Script::Streamed => "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n".to_owned(),
                    Script::HalfThenClose | Script::HalfThenReset => "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"monthly".to_owned(),
                };
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                match script {
                    Script::Declared | Script::Streamed => {
                        let chunk = vec![b' '; 1 << 20];
                        // Stops when the client hangs up.
                        while stream.write_all(&chunk).await.is_ok() {}
                    }
                    Script::HalfThenClose => {}
                    Script::HalfThenReset => {
                        let _ = stream.set_zero_linger();
                    }
                }
            });
        }
    });
    format!("http://{addr}/v1/admin")
}

#[tokio::test]
async fn a_reply_past_the_size_cap_is_refused_whether_declared_or_streamed() {
    for script in [Script::Declared, Script::Streamed] {
        let client = test_client(&raw_server(script).await, KEY);
        let err = client.spend_limit().await.unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.contains("GET /spend-limit") && shown.contains("larger than 32 MiB"),
            "{shown}"
        );
        assert_eq!(err.kind(), ErrorKind::Undecodable, "{err:?}");
    }
}

#[tokio::test]
async fn a_dropped_connection_is_reported_as_closed_not_as_a_timeout() {
    for script in [Script::HalfThenClose, Script::HalfThenReset] {
        let base = raw_server(script).await;
        let client = test_client(&base, KEY);
        let started = Instant::now();
        let err = client.spend_limit().await.unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.contains("was closed before GET /spend-limit got its reply"),
            "{shown}"
        );
        assert!(!shown.contains("timed out"), "{shown}");
        assert_eq!(err.kind(), ErrorKind::Unreachable);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "it did not wait for the request timeout"
        );
    }
}
