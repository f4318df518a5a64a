//! Seeds: the demo organizations are realistic and deterministic, a database file is seeded
//! once and never again, a fixed admin key opens the first organization across restarts, and
//! the large seed reaches the documented limits.

use std::time::Instant;

use crate::support::http::Api;
use crate::support::local_server;
use mistral_admin::api::{
    ApiKeysExtendedOut, OrganizationAdminUsersOut, UsageOutJson, WorkspacesOut,
};
use mistral_admin::server::{Database, LocalServer, Seed};
use serde_json::json;

async fn start(database: Database, seed: Seed, admin_key: Option<&str>) -> LocalServer {
    local_server()
        .database(database)
        .seed(seed)
        .admin_key(admin_key)
        .start()
        .await
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3040}'..='\u{30ff}').contains(&c)
}

#[tokio::test]
async fn the_demo_seed_builds_three_realistic_organizations() {
    let server = start(Database::Memory, Seed::Demo, None).await;
    let seeded = server.seeded();
    let names: Vec<&str> = seeded.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        ["Northwind Labs", "Globex Research", "Initech Solutions"]
    );
    assert_eq!(server.organizations().await.unwrap().len(), 3);

    let mut people = Vec::new();
    for org in seeded {
        let api = Api::new(&server.origin(), Some(org.admin_key.expose()));
        let users: OrganizationAdminUsersOut = api.get("/users?page_size=1000").await.typed();
        assert!(users.members.iter().any(|m| m.uuid == org.admin_user_uuid));
        people.extend(users.members.into_iter().filter_map(|m| m.name));
    }
    assert!(
        (35..=45).contains(&people.len()),
        "about 40 people: {}",
        people.len()
    );
    assert!(
        people
            .iter()
            .any(|n| n.chars().any(|c| "éëøåñłżçüö".contains(c))),
        "accents"
    );
    assert!(people.iter().any(|n| n.chars().any(is_cjk)), "CJK");
    assert!(people.iter().any(|n| n.chars().count() > 50), "a long name");

    let api = Api::new(&server.origin(), Some(seeded[0].admin_key.expose()));
    let active: WorkspacesOut = api.get("/workspaces?page_size=100").await.typed();
    let archived: WorkspacesOut = api.get("/workspaces?is_archived=true").await.typed();
    assert_eq!(active.total + archived.total, 8);
    assert_eq!(archived.total, 1);
    assert_eq!(active.items.iter().filter(|w| w.is_default).count(), 1);
    assert!(
        active.items.iter().any(|w| w
            .icon
            .as_deref()
            .is_some_and(|i| i.chars().any(|c| c > '\u{1f000}'))),
        "an emoji icon"
    );
    assert!(
        active
            .items
            .iter()
            .any(|w| w.members_count.unwrap_or(0) > 5)
    );

    let keys: ApiKeysExtendedOut = api.get("/api-keys").await.typed();
    assert!(keys.keys.len() >= 10, "{} keys", keys.keys.len());
    let today = time::OffsetDateTime::now_utc().date();
    assert!(
        keys.keys
            .iter()
            .any(|k| k.expiration_date.is_some_and(|d| d < today)),
        "an expired key"
    );
    assert!(
        keys.keys
            .iter()
            .any(|k| k.workspace_id == Some(archived.items[0].uuid))
    );

    let users: OrganizationAdminUsersOut = api.get("/users?page_size=1000").await.typed();
    assert!(
        users.invites.iter().any(|i| i.expired),
        "an expired invitation"
    );
    assert!(
        users.invites.iter().any(|i| !i.expired),
        "a pending invitation"
    );
    assert!(
        !api.get("/users-invite")
            .await
            .ok()
            .as_array()
            .unwrap()
            .is_empty()
    );

    let history = api.audit("limit=1000&sort=ascending").await;
    assert!(history.len() > 50);
    let span = history.last().unwrap().created_at - history[0].created_at;
    assert!(span.whole_days() >= 28, "a month of history or more");
    let mut kinds: Vec<&str> = history.iter().map(|e| e.event_type.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    for kind in [
        "workspace.create",
        "workspace.member.add",
        "api_key.create",
        "user.create",
        "workspace.delete",
    ] {
        assert!(kinds.contains(&kind), "history holds {kind}");
    }
}

#[tokio::test]
async fn the_demo_seed_is_deterministic() {
    let a = start(Database::Memory, Seed::Demo, None).await;
    let b = start(Database::Memory, Seed::Demo, None).await;
    let ids = |server: &LocalServer| -> Vec<uuid::Uuid> {
        server.seeded().iter().map(|o| o.uuid).collect()
    };
    assert_eq!(ids(&a), ids(&b));
    let users = |server: &LocalServer| {
        let api = Api::new(
            &server.origin(),
            Some(server.seeded()[0].admin_key.expose()),
        );
        async move {
            let list: OrganizationAdminUsersOut = api.get("/users?page_size=1000").await.typed();
            list.members
                .into_iter()
                .map(|m| (m.uuid, m.email))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(users(&a).await, users(&b).await);
}

#[tokio::test]
async fn a_database_file_is_seeded_once_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("local.sqlite");
    let first = start(Database::File(path.clone()), Seed::Demo, None).await;
    assert_eq!(first.seeded().len(), 3);
    // The seeding is in the database file, not also in its write-ahead log.
    let log = path.with_file_name("local.sqlite-wal");
    assert_eq!(std::fs::metadata(&log).map(|m| m.len()).unwrap_or(0), 0);
    let key = first.seeded()[0].admin_key.expose().to_owned();
    let api = Api::new(&first.origin(), Some(&key));
    let admin = first.seeded()[0].admin_user_uuid;
    api.create_workspace("Survives Restarts", admin).await;
    let users_before: OrganizationAdminUsersOut = api.get("/users").await.typed();
    first.shutdown().await;

    let second = start(Database::File(path.clone()), Seed::Demo, None).await;
    assert!(second.seeded().is_empty(), "no reseeding");
    assert_eq!(second.organizations().await.unwrap().len(), 3);
    let api = Api::new(&second.origin(), Some(&key));
    assert_eq!(
        api.workspaces("search=survives").await.total,
        1,
        "the earlier change is kept"
    );
    let users_after: OrganizationAdminUsersOut = api.get("/users").await.typed();
    assert_eq!(users_after.total, users_before.total);
    second.shutdown().await;

    // Whatever seed is asked for, an existing database is left as it is.
    let third = start(Database::File(path), Seed::Large, None).await;
    assert!(third.seeded().is_empty());
    assert_eq!(third.organizations().await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_fixed_admin_key_opens_the_first_organization_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("local.sqlite");
    let key = crate::support::serve_process::random_key();
    let first = start(Database::File(path.clone()), Seed::Demo, Some(&key)).await;
    assert_eq!(first.seeded()[0].admin_key.expose(), key);
    assert_ne!(first.seeded()[1].admin_key.expose(), key);
    let org = Api::new(&first.origin(), Some(&key))
        .get("/x-local/organization")
        .await
        .ok();
    assert_eq!(org["name"], "Northwind Labs");
    first.shutdown().await;

    for fixed in [Some(key.as_str()), None] {
        let again = start(Database::File(path.clone()), Seed::Demo, fixed).await;
        assert!(again.seeded().is_empty());
        let org = Api::new(&again.origin(), Some(&key))
            .get("/x-local/organization")
            .await
            .ok();
        assert_eq!(org["name"], "Northwind Labs", "with fixed key {fixed:?}");
        again.shutdown().await;
    }
    // A different fixed key on an existing database opens the first organization too.
    let other = crate::support::serve_process::random_key();
    let again = start(Database::File(path), Seed::Demo, Some(&other)).await;
    let org = Api::new(&again.origin(), Some(&other))
        .get("/x-local/organization")
        .await
        .ok();
    assert_eq!(org["name"], "Northwind Labs");
}

#[tokio::test]
async fn the_large_seed_reaches_the_documented_limits() {
    let started = Instant::now();
    let server = start(Database::Memory, Seed::Large, None).await;
    println!(
        "Seed::Large took {:.2?} to start (seeding included)",
        started.elapsed()
    );
    assert_eq!(server.seeded().len(), 1);
    let api = Api::new(
        &server.origin(),
        Some(server.seeded()[0].admin_key.expose()),
    );
    let users: OrganizationAdminUsersOut = api.get("/users?page_size=1000&page=3").await.typed();
    assert_eq!(users.total, Some(10_000));
    assert_eq!(users.members.len(), 1000);
    let spread: Vec<usize> = users
        .members
        .iter()
        .map(|m| m.workspaces.as_ref().map_or(0, Vec::len))
        .collect();
    assert!(
        spread.iter().all(|n| *n >= 1),
        "everyone is in the default workspace"
    );
    assert!(
        spread.contains(&1) && spread.iter().any(|n| *n >= 5),
        "a long tail"
    );
    let workspaces = api.workspaces("page_size=1000").await;
    assert_eq!(workspaces.total, 500);
    assert!(
        workspaces
            .items
            .iter()
            .all(|w| w.members_count.unwrap_or(0) >= 1)
    );
    // A year of usage: the month eleven months back has spending, spread over many workspaces.
    let now = time::OffsetDateTime::now_utc();
    let back = now - time::Duration::days(335);
    let old: UsageOutJson = api
        .get(&format!(
            "/usage?year={}&month={}",
            back.year(),
            back.month() as u8
        ))
        .await
        .typed();
    assert!(old.total_amount() > 10_000.0, "{}", old.total_amount());
    assert!(old.amount_by_workspace().len() >= 30);
    // At the cap: one more is refused until one is archived.
    let admin = server.seeded()[0].admin_user_uuid;
    api.post(
        "/workspaces",
        json!({"name": "One Too Many", "admin_user_id": admin}),
    )
    .await
    .detail(409);
    api.delete(&format!("/workspaces/{}", workspaces.items[499].uuid))
        .await
        .expect(204);
    api.create_workspace("One Too Many", admin).await;
}
