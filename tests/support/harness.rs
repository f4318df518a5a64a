//! The server tests' starting point: a fresh local server holding one organization, "Acme",
//! and an [`Api`] client holding its admin key.

use mistral_admin::server::{Clock, LocalServer, SeededOrganization};
use time::OffsetDateTime;

use super::http::Api;
use super::local_server;

/// A server with one fresh organization, "Acme", and a client holding its admin key.
pub struct Harness {
    pub server: LocalServer,
    pub acme: SeededOrganization,
    pub api: Api,
    pub clock: Clock,
}

impl Harness {
    pub async fn start() -> Self {
        Self::with_clock(Clock::system()).await
    }

    /// A harness whose time only moves when the test calls `clock.advance(..)`.
    pub async fn manual_clock() -> Self {
        let start = OffsetDateTime::from_unix_timestamp(1_780_000_000).expect("valid instant");
        Self::with_clock(Clock::manual(start)).await
    }

    pub async fn with_clock(clock: Clock) -> Self {
        let server = local_server().clock(clock.clone()).start().await;
        let acme = server
            .create_organization("Acme")
            .await
            .expect("organization is created");
        let api = Api::new(&server.origin(), Some(acme.admin_key.expose()));
        Self {
            server,
            acme,
            api,
            clock,
        }
    }

    /// Another organization on the same server, with a client holding its own admin key.
    pub async fn other_org(&self, name: &str) -> (SeededOrganization, Api) {
        let org = self
            .server
            .create_organization(name)
            .await
            .expect("organization is created");
        let api = self.api_with_key(org.admin_key.expose());
        (org, api)
    }

    /// A client with another key; it shares the harness's connection pool.
    pub fn api_with_key(&self, key: &str) -> Api {
        self.api.clone().with_key(Some(key))
    }

    pub fn anonymous(&self) -> Api {
        self.api.clone().with_key(None)
    }
}
