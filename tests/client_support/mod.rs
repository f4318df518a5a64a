//! Test helpers for the client's tests: a small fault-injecting HTTP server, and fixtures.

#![allow(dead_code)]

pub mod fault_server;
pub mod fixtures;
pub mod local;

#[allow(unused_imports)]
pub use fault_server::{FaultServer, Recorded, Reply};

use std::time::Duration;

use mistral_admin::client::{AdminClient, ClientConfig, RetryPolicy};
use mistral_admin::domain::SecretString;

/// A key that is easy to find in any output it should never appear in.
pub const CANARY_KEY: &str = "sk-canary-7f3a9c1e5b2d4f6a8c0e";

/// Retries fast enough for tests: a few tens of milliseconds between attempts.
pub fn quick_retries(max_retries: u32) -> RetryPolicy {
    RetryPolicy {
        max_retries,
        base_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(80),
        max_retry_after: Duration::from_secs(2),
    }
}

/// A client for `base_url` with short timeouts and quick retries.
pub fn test_client(base_url: &str, key: &str) -> AdminClient {
    AdminClient::new(test_config(base_url, key)).expect("client")
}

pub fn test_config(base_url: &str, key: &str) -> ClientConfig {
    let mut config = ClientConfig::new(base_url, SecretString::new(key));
    config.connect_timeout = Duration::from_millis(500);
    config.request_timeout = Duration::from_secs(5);
    config.retry = quick_retries(3);
    config
}
