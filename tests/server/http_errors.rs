//! Errors that come from the HTTP layer rather than a handler (a URL or head too long, a head
//! that does not parse, methods no route has) and numbers JSON can hold but an integer field
//! cannot: each is answered with a `{"detail": ...}` body like every other error.

use crate::support::harness::Harness;
use reqwest::Method;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Sends `request` as raw bytes and returns the status and the parsed body of the reply.
async fn raw_exchange(origin: &str, request: &[u8]) -> (u16, Value) {
    let addr = origin.strip_prefix("http://").expect("http origin");
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream.write_all(request).await.expect("send");
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).await.expect("reply");
    let text = String::from_utf8(reply).expect("UTF-8 reply");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/json"),
        "{head}"
    );
    let body = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    (status, body)
}

#[track_caller]
fn assert_detail(body: &Value) -> &str {
    let object = body.as_object().expect("an object");
    assert_eq!(object.len(), 1, "{body}");
    let detail = object["detail"].as_str().expect("detail is a string");
    assert!(!detail.is_empty());
    detail
}

#[tokio::test]
async fn a_url_too_long_is_414_with_a_detail() {
    let h = Harness::start().await;
    let key = h.acme.admin_key.expose();
    let long = "a".repeat(100_000);
    // Sent by hand: HTTP clients (reqwest included) refuse to build such a URL at all.
    for path in [
        format!("/v1/admin/users/{long}"),
        format!("/api/admin/workspaces?search={long}"),
    ] {
        let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nx-api-key: {key}\r\n\r\n");
        let (status, body) = raw_exchange(&h.server.origin(), request.as_bytes()).await;
        assert_eq!(status, 414, "{body}");
        assert!(assert_detail(&body).contains("65534"), "{body}");
    }
    // The server is unharmed, and a long URL under the limit is an ordinary 422.
    h.api
        .get(&format!("/users/{}", "a".repeat(60_000)))
        .await
        .invalid_at("path.user_id", "uuid_parsing");
    h.api.get("/roles").await.ok();
}

#[tokio::test]
async fn a_head_too_large_or_malformed_is_answered_with_a_detail() {
    let h = Harness::start().await;
    // More headers than the server reads.
    let mut request = b"GET /v1/admin/roles HTTP/1.1\r\nHost: x\r\n".to_vec();
    for i in 0..200 {
        request.extend_from_slice(format!("x-filler-{i}: {i}\r\n").as_bytes());
    }
    request.extend_from_slice(b"\r\n");
    let (status, body) = raw_exchange(&h.server.origin(), &request).await;
    assert_eq!(status, 431, "{body}");
    assert_detail(&body);

    for malformed in [
        &b"GET /v1/admin/roles HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"[..],
        b"GET /v1/admin/roles HTTP/9.9\r\nHost: x\r\n\r\n",
        b"G\x01T /v1/admin/roles HTTP/1.1\r\nHost: x\r\n\r\n",
    ] {
        let (status, body) = raw_exchange(&h.server.origin(), malformed).await;
        assert_eq!(
            status,
            400,
            "{}: {body}",
            String::from_utf8_lossy(malformed)
        );
        assert_detail(&body);
    }
    h.api.get("/roles").await.ok();
}

#[tokio::test]
async fn methods_no_route_has_are_405_with_a_detail() {
    let h = Harness::start().await;
    for method in ["OPTIONS", "TRACE", "PUT", "FROBNICATE"] {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let reply = h.api.send(method.clone(), "/workspaces", None).await;
        assert_eq!(
            reply.expect(405),
            json!({"detail": "Method Not Allowed"}),
            "{method}"
        );
    }
    // An unknown path is 404 whatever the method.
    let reply = h.api.send(Method::OPTIONS, "/nothing-here", None).await;
    assert_eq!(reply.expect(404), json!({"detail": "Not Found"}));
}

#[tokio::test]
async fn whole_numbers_too_big_for_an_integer_are_out_of_range() {
    let h = Harness::start().await;
    for amount in ["99999999999999999999", "9223372036854775808", "-1e30"] {
        let reply = h
            .api
            .send_raw(
                Method::POST,
                &h.api.url("/spend-limit"),
                format!(r#"{{"amount":{amount}}}"#).into_bytes(),
                &[("content-type", b"application/json")],
            )
            .await;
        reply.invalid_at("body.amount", "int_parsing_size");
        let msg = reply.body["detail"][0]["msg"].as_str().unwrap();
        assert!(
            msg.contains("out of range") && !msg.contains("fractional"),
            "{amount}: {msg}"
        );
    }
    h.api
        .post("/spend-limit", json!({"amount": 12.5}))
        .await
        .invalid_at("body.amount", "int_from_float");
}
