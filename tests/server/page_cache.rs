//! The listings the server keeps serialized (`GET /users`, `GET /workspaces`) never outlive a
//! change: after each kind of write, and after a write by another server on the same file, the
//! very next read shows it; a page with invitations follows the clock as they expire.

use std::path::Path;

use mistral_admin::api::{OrganizationAdminUsersOut, WorkspacesOut};
use mistral_admin::server::{Clock, LocalServer};
use serde_json::json;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::support::http::Api;
use crate::support::local_server;

const USERS: &str = "/users?page_size=100";
const WORKSPACES: &str = "/workspaces?page_size=50";

async fn acme(server: &LocalServer) -> Api {
    let acme = server.create_organization("Acme").await.expect("org");
    Api::new(&server.origin(), Some(acme.admin_key.expose()))
}

/// The first page of members, read twice: the second read is served from what the first
/// kept, and must say the same to the byte.
async fn members(api: &Api) -> OrganizationAdminUsersOut {
    let first = api.get(USERS).await;
    let again = api.get(USERS).await;
    assert_eq!(
        first.text, again.text,
        "a kept page differs from a built one"
    );
    first.typed()
}

async fn workspaces(api: &Api) -> WorkspacesOut {
    let first = api.get(WORKSPACES).await;
    assert_eq!(first.text, api.get(WORKSPACES).await.text);
    first.typed()
}

/// The names of the workspaces `user` is listed in, on the first page of members.
async fn listed_in(api: &Api, user: Uuid) -> Vec<String> {
    let page = members(api).await;
    let member = page
        .members
        .iter()
        .find(|m| m.uuid == user)
        .expect("listed");
    let workspaces = member.workspaces.clone().unwrap_or_default();
    workspaces.into_iter().map(|w| w.name).collect()
}

async fn raw_roles_of(api: &Api, user: Uuid) -> Vec<String> {
    let page = members(api).await;
    let member = page
        .members
        .iter()
        .find(|m| m.uuid == user)
        .expect("listed");
    member.raw_roles.clone()
}

#[tokio::test]
async fn every_kind_of_change_shows_in_the_next_read() {
    let server = local_server().start().await;
    let api = acme(&server).await;
    let ada = api.create_member("ada@acme.example").await;
    let before = members(&api).await;

    let grace = api.create_member("grace@acme.example").await;
    let after = members(&api).await;
    assert_eq!(after.total, before.total.map(|t| t + 1));
    assert!(after.members.iter().any(|m| m.uuid == grace));

    api.patch(
        &format!("/users/{ada}"),
        json!({"role_names": ["billing_manager"]}),
    )
    .await
    .ok();
    let billing = api
        .roles()
        .await
        .organization_role("billing_manager")
        .unwrap()
        .uuid;
    assert_eq!(raw_roles_of(&api, ada).await, vec![billing.to_string()]);

    let blue = api.create_workspace("Blue", ada).await.uuid;
    assert!(listed_in(&api, ada).await.contains(&"Blue".to_owned()));
    assert!(
        workspaces(&api)
            .await
            .items
            .iter()
            .any(|w| w.name == "Blue")
    );

    api.patch(&format!("/workspaces/{blue}"), json!({"name": "Navy"}))
        .await
        .ok();
    assert!(listed_in(&api, ada).await.contains(&"Navy".to_owned()));
    let listed = workspaces(&api).await;
    assert!(listed.items.iter().any(|w| w.name == "Navy"));

    api.add_members(blue, &[(grace, &["user"])]).await;
    assert!(listed_in(&api, grace).await.contains(&"Navy".to_owned()));
    let navy = workspaces(&api)
        .await
        .items
        .into_iter()
        .find(|w| w.uuid == blue);
    assert_eq!(navy.and_then(|w| w.members_count), Some(2));

    let group = api.create_group("Finance").await;
    api.post(
        &format!("/user-groups/{group}/members"),
        json!({"user_uuids": [grace]}),
    )
    .await
    .expect(204);
    api.patch(
        &format!("/user-groups/{group}/organization-role"),
        json!({"organization_role": "B"}),
    )
    .await
    .expect(204);
    assert!(
        raw_roles_of(&api, grace)
            .await
            .contains(&billing.to_string())
    );

    api.post(
        "/users-invite",
        json!({"email": "kay@example.com", "role": "M"}),
    )
    .await
    .ok();
    let invited = members(&api).await;
    assert!(invited.invites.iter().any(|i| i.email == "kay@example.com"));

    api.delete(&format!("/workspaces/{blue}")).await.expect(204);
    assert!(!listed_in(&api, ada).await.contains(&"Navy".to_owned()));
    assert!(!workspaces(&api).await.items.iter().any(|w| w.uuid == blue));

    api.delete(&format!("/users/{grace}")).await.ok();
    assert!(!members(&api).await.members.iter().any(|m| m.uuid == grace));
    server.shutdown().await;
}

async fn file_server(path: &Path) -> (LocalServer, Api) {
    let server = local_server().file(path).start().await;
    let api = acme(&server).await;
    (server, api)
}

/// The kept pages belong to this process; the generation they are filed under lives in the
/// database, so a change made by another server on the same file is seen at once.
#[tokio::test]
async fn a_change_by_another_server_on_the_file_shows_in_the_next_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shared.sqlite3");
    let (one, api) = file_server(&path).await;
    let ada = api.create_member("ada@acme.example").await;
    let blue = api.create_workspace("Blue", ada).await.uuid;
    assert!(listed_in(&api, ada).await.contains(&"Blue".to_owned()));

    let two = local_server().file(&path).start().await;
    let other = api.clone().with_origin(&two.origin());
    other
        .patch(&format!("/workspaces/{blue}"), json!({"name": "Navy"}))
        .await
        .ok();
    assert!(listed_in(&api, ada).await.contains(&"Navy".to_owned()));
    assert!(
        workspaces(&api)
            .await
            .items
            .iter()
            .any(|w| w.name == "Navy")
    );
    two.shutdown().await;
    one.shutdown().await;
}

/// Whether an invitation has expired depends on the clock, not only on the data, so a page
/// that shows one is built for every request.
#[tokio::test]
async fn an_invitation_on_a_page_expires_with_the_clock() {
    let clock = Clock::manual(OffsetDateTime::from_unix_timestamp(1_796_484_600).unwrap());
    let server = local_server().clock(clock.clone()).start().await;
    let api = acme(&server).await;
    api.post(
        "/users-invite",
        json!({"email": "kay@example.com", "role": "M"}),
    )
    .await
    .ok();
    let expired = |page: OrganizationAdminUsersOut| page.invites[0].expired;
    assert!(!expired(members(&api).await), "a fresh invitation");
    clock.advance(Duration::days(
        mistral_admin::domain::validation::INVITATION_TTL_DAYS,
    ));
    assert!(
        expired(members(&api).await),
        "an invitation past its lifetime"
    );
    server.shutdown().await;
}
