//! `Retry-After` as an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`): the client waits until
//! then, no longer than its policy allows, exactly as for the seconds form.

use std::time::{Duration, Instant};

use mistral_admin::client::{AdminClient, ClientError, RetryPolicy};
use time::OffsetDateTime;
use time::macros::format_description;

use crate::support::client::test_config;
use crate::support::fault_server::{FaultServer, Reply};
use crate::support::fixtures;

const KEY: &str = "sk-retry-after-0123456789abcdef";
const ROLES: &str = "/v1/admin/roles";

/// The IMF-fixdate `offset` from now, as a server writes it (whole seconds, so the real wait
/// is up to a second shorter than `offset`).
fn http_date(offset: Duration) -> String {
    let at = OffsetDateTime::now_utc() + offset;
    at.format(format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    ))
    .unwrap()
}

/// `GET /roles` answers 429 with `retry_after` as its header, then each of `then` in turn.
fn roles_limited_until(server: &FaultServer, retry_after: &str, then: Vec<Reply>) {
    let mut replies = vec![Reply::detail(429, "slow down").with_header("retry-after", retry_after)];
    replies.extend(then);
    server.on("GET", ROLES, replies);
}

fn client(server: &FaultServer, max_retries: u32, max_retry_after: Duration) -> AdminClient {
    let mut config = test_config(&server.base_url(), KEY);
    config.retry = RetryPolicy {
        max_retries,
        max_retry_after,
        ..crate::support::client::quick_retries(max_retries)
    };
    AdminClient::new(config).unwrap()
}

#[tokio::test]
async fn a_429_with_a_date_waits_until_then_and_retries() {
    let server = FaultServer::start().await;
    roles_limited_until(
        &server,
        &http_date(Duration::from_secs(3)),
        vec![Reply::json(200, fixtures::roles_json())],
    );
    let client = client(&server, 3, Duration::from_secs(10));
    let started = Instant::now();
    client.roles().await.expect("succeeds after waiting");
    let waited = started.elapsed();
    // The date is 3 s away rounded down to the second: between 2 and 3 s. Backoff alone would
    // have waited at most 80 ms.
    assert!(
        waited >= Duration::from_millis(1900),
        "waited only {waited:?}"
    );
    assert!(waited < Duration::from_secs(8), "waited {waited:?}");
    assert_eq!(server.count("GET", ROLES), 2);
}

#[tokio::test]
async fn a_far_date_is_capped_like_the_seconds_form() {
    let server = FaultServer::start().await;
    roles_limited_until(&server, &http_date(Duration::from_secs(3600)), vec![]);
    let client = client(&server, 1, Duration::from_millis(300));
    let started = Instant::now();
    let err = client.roles().await.unwrap_err();
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(280) && waited < Duration::from_secs(5),
        "waited {waited:?}, not the cap of 300 ms"
    );
    assert_eq!(
        server.count("GET", ROLES),
        2,
        "one retry after the capped wait"
    );
    let ClientError::RateLimited {
        retry_after: Some(asked),
        ..
    } = err
    else {
        panic!("expected RateLimited with the server's delay, got {err:?}");
    };
    assert!(
        asked > Duration::from_secs(3500) && asked <= Duration::from_secs(3600),
        "the error says how long the server asked for: {asked:?}"
    );
}

#[tokio::test]
async fn a_date_in_the_past_means_retry_now() {
    let server = FaultServer::start().await;
    roles_limited_until(
        &server,
        "Wed, 21 Oct 2015 07:28:00 GMT",
        vec![Reply::json(200, fixtures::roles_json())],
    );
    let client = client(&server, 3, Duration::from_secs(10));
    let started = Instant::now();
    client.roles().await.expect("succeeds");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(server.count("GET", ROLES), 2);
}
