//! The real local server for the client's tests: in memory, on a free port of 127.0.0.1.

use mistral_admin::api::{OrgRoleName, OrganizationMemberCreate};
use mistral_admin::client::AdminClient;
use mistral_admin::server::{
    Clock, Database, LocalServer, Seed, SeededOrganization, ServerOptions,
};

use super::test_client;

/// A server holding one fresh organization (a default workspace and one admin), and a client
/// holding its admin key.
pub struct Org {
    pub server: LocalServer,
    pub org: SeededOrganization,
    pub client: AdminClient,
}

pub async fn start(seed: Seed) -> LocalServer {
    LocalServer::start(ServerOptions {
        addr: "127.0.0.1:0".parse().unwrap(),
        database: Database::Memory,
        seed,
        admin_key: None,
        clock: Clock::system(),
        ..ServerOptions::default()
    })
    .await
    .expect("local server starts")
}

pub async fn fresh_org(name: &str) -> Org {
    let server = start(Seed::None).await;
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
    roles: &[OrgRoleName],
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
