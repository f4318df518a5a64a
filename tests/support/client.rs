//! The client's side of the tests: an `AdminClient` with short timeouts and quick retries,
//! a fresh organization on the local server with such a client, and a member entry for
//! `POST /users`.

use std::time::Duration;

use mistral_admin::api::OrganizationMemberCreate;
use mistral_admin::client::{AdminClient, ClientConfig, RetryPolicy};
use mistral_admin::domain::{OrgRole, SecretString};
use mistral_admin::server::{LocalServer, SeededOrganization};

use super::local_server;

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

/// A server holding one fresh organization (a default workspace and one admin), and a client
/// holding its admin key.
pub struct Org {
    pub server: LocalServer,
    pub org: SeededOrganization,
    pub client: AdminClient,
}

pub async fn fresh_org(name: &str) -> Org {
    let server = local_server().start().await;
    let org = server
        .create_organization(name)
        .await
        .expect("organization");
    let client = test_client(&server.admin_base_url(), org.admin_key.expose());
    Org {
        server,
        org,
        client,
    }
}

/// A new member entry for `POST /users`.
pub fn new_member(
    email: &str,
    first: &str,
    last: &str,
    roles: &[OrgRole],
) -> OrganizationMemberCreate {
    OrganizationMemberCreate {
        role_names: Some(roles.to_vec()),
        roles: None,
        role_name: None,
        role: None,
        email: email.to_owned(),
        first_name: first.to_owned(),
        last_name: last.to_owned(),
        subscription_types: None,
    }
}

/// The pending invitation of `email`: its organization roles by name and its workspaces' ids.
pub async fn pending_invitation(
    client: &AdminClient,
    email: &str,
) -> (Vec<String>, Vec<uuid::Uuid>) {
    let directory = client.load_directory().await.expect("directory");
    let invite = directory
        .invites()
        .iter()
        .find(|i| i.email == email && !i.expired)
        .expect("a pending invitation");
    let catalog = directory.role_catalog();
    let roles = invite
        .raw_roles
        .iter()
        .filter_map(|r| catalog.organization_role(r).map(|r| r.name.clone()))
        .collect();
    (roles, invite.workspace_uuids.clone())
}
