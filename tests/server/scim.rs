//! SCIM sync over real HTTP on the demo seed with a clock that moves only when told: a dry run
//! progresses through its states to a preview and changes nothing; a real run applies what its
//! `sync_config` selects; one run at a time; failures; identity-provider-owned groups are
//! read-only; and the simulated provider's `/x-local/scim` extension.

use crate::support::contract;
use crate::support::http::Api;
use crate::support::local_server;
use mistral_admin::api::*;
use mistral_admin::server::{Clock, LocalServer, Seed};
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

struct Demo {
    server: LocalServer,
    api: Api,
    clock: Clock,
}

async fn demo() -> Demo {
    let clock = Clock::manual(OffsetDateTime::from_unix_timestamp(1_796_484_600).unwrap());
    let server = local_server()
        .seed(Seed::Demo)
        .clock(clock.clone())
        .start()
        .await;
    let api = Api::new(
        &server.origin(),
        Some(server.seeded()[0].admin_key.expose()),
    );
    Demo { server, api, clock }
}

async fn trigger(api: &Api, body: Value) -> Uuid {
    let reply = api.post("/scim/sync", body).await;
    let started = reply.expect(202);
    contract::check("AdminScimSyncTriggerOUT", &started);
    started["run_id"].as_str().unwrap().parse().unwrap()
}

async fn run(api: &Api, id: Uuid) -> AdminScimSyncRunOut {
    let reply = api.get(&format!("/scim/sync/{id}")).await;
    contract::check("AdminScimSyncRunOUT", &reply.body);
    let typed: AdminScimSyncRunOut = reply.typed();
    assert_eq!(serde_json::to_value(&typed).unwrap(), reply.body);
    typed
}

fn names(users: &[ScimSyncUserActionOut]) -> Vec<&str> {
    users.iter().map(|u| u.user.user_name.as_str()).collect()
}

/// A fingerprint of what a sync could change: members, groups and their members.
async fn state(api: &Api) -> (Vec<String>, Vec<(String, i64)>) {
    let users: OrganizationAdminUsersOut = api.get("/users?page_size=1000").await.typed();
    let mut emails: Vec<String> = users.members.into_iter().filter_map(|m| m.email).collect();
    emails.sort();
    let groups: AdminUserGroupsOut = api.get("/user-groups?page_size=100").await.typed();
    let mut out = Vec::new();
    for group in groups.items {
        let members: AdminUserGroupMembersOut = api
            .get(&format!("/user-groups/{}/members", group.uuid))
            .await
            .typed();
        out.push((group.name, members.total));
    }
    (emails, out)
}

#[tokio::test]
async fn a_dry_run_moves_through_its_states_to_a_preview_and_changes_nothing() {
    let d = demo().await;
    let before = state(&d.api).await;
    let id = trigger(&d.api, json!({})).await;
    let pending = run(&d.api, id).await;
    assert_eq!(
        (pending.status.as_str(), pending.dry_run),
        ("PENDING", true)
    );
    assert_eq!((pending.started_at, pending.summary.as_ref()), (None, None));
    // One run at a time: the active one is named, nothing else starts.
    let busy = d.api.post("/scim/sync", json!({"dry_run": true})).await;
    let body = busy.expect(409);
    assert_eq!(body["run_id"], json!(id));
    assert_eq!(body["status"], "PENDING");
    assert!(body["detail"].as_str().unwrap().contains("already active"));
    let active: AdminScimSyncActiveRunOut = serde_json::from_value(body).unwrap();
    assert_eq!(active.run_id, id);

    d.clock.advance(Duration::milliseconds(400));
    let running = run(&d.api, id).await;
    assert_eq!(running.status, "RUNNING");
    assert_eq!(
        running.started_at,
        Some(pending.created_at + Duration::milliseconds(300))
    );
    assert!(
        running.summary.is_some(),
        "the preview is there once planned"
    );
    d.clock.advance(Duration::seconds(2));
    let done = run(&d.api, id).await;
    assert_eq!(done.status, "SUCCESS");
    assert_eq!(
        done.finished_at,
        Some(pending.created_at + Duration::milliseconds(1500))
    );
    let summary = done.summary.unwrap();
    let mut provision = names(&summary.users.provision);
    provision.sort();
    assert_eq!(
        provision,
        [
            "nadia.haddad@northwind.example",
            "tomas.novak@northwind.example"
        ]
    );
    assert_eq!(summary.users.deprovision.len(), 2);
    assert_eq!(summary.groups.create[0].group.group_name, "Sales");
    assert_eq!(
        (
            summary.groups.update[0].group.group_name.as_str(),
            summary.groups.update[0].previous_group_name.as_str()
        ),
        ("Customer Support Agents", "Support Agents")
    );
    assert_eq!(
        summary.groups.delete[0].group.group_name,
        "Contractors 2025"
    );
    let engineering = summary
        .memberships
        .iter()
        .find(|m| m.group.group_name == "Engineering")
        .unwrap();
    assert_eq!(engineering.users_added.len(), 2);
    assert_eq!(engineering.users_removed.len(), 1);
    // Nothing changed, and the organization knows a sync was asked for.
    assert_eq!(state(&d.api).await, before);
    let log = d
        .api
        .audit("event_type=organization.scim_sync.trigger&limit=5")
        .await;
    assert_eq!(log[0].event_metadata["run_id"], id.to_string());
    assert_eq!(log[0].event_metadata["dry_run"], "true");
    // A new run may start now.
    trigger(&d.api, json!({"dry_run": true})).await;
}

#[tokio::test]
async fn a_real_run_applies_what_its_config_selects() {
    let d = demo().await;
    let config = json!({"sync_users": true, "sync_groups": true, "sync_memberships": true,
        "deprovision_users": true, "delete_missing_groups": true});
    let id = trigger(&d.api, json!({"dry_run": false, "sync_config": config})).await;
    d.clock.advance(Duration::seconds(2));
    let done = run(&d.api, id).await;
    assert_eq!(done.status, "SUCCESS", "{:?}", done.error_message);
    assert_eq!(done.sync_config, Some(AdminScimSyncConfig::everything()));
    let summary = done.summary.unwrap();
    let (emails, groups) = state(&d.api).await;
    assert!(emails.contains(&"nadia.haddad@northwind.example".to_owned()));
    assert!(!emails.contains(&"ingrid.solberg@northwind.example".to_owned()));
    assert!(!emails.contains(&"kwame.mensah@northwind.example".to_owned()));
    let group_names: Vec<&str> = groups.iter().map(|(n, _)| n.as_str()).collect();
    assert!(group_names.contains(&"Sales") && group_names.contains(&"Customer Support Agents"));
    assert!(!group_names.contains(&"Contractors 2025") && !group_names.contains(&"Support Agents"));
    assert!(group_names.contains(&"Finance"), "groups managed here stay");
    // The provisioned member carries the provider's id and the summary names them by theirs.
    let nadia = summary
        .users
        .provision
        .iter()
        .find(|u| u.user.user_name.starts_with("nadia"))
        .unwrap();
    let member = d.api.user(nadia.user.uuid.parse().unwrap()).await;
    let directory: LocalScimDirectoryOut = d.api.get("/x-local/scim").await.typed();
    let provider_id = directory
        .users
        .iter()
        .find(|u| u.user_name.starts_with("nadia"))
        .unwrap()
        .id;
    assert_eq!(member.member.oid_id, Some(provider_id));
    let sales = d
        .api
        .get("/user-groups?search=sales")
        .await
        .typed::<AdminUserGroupsOut>();
    assert_eq!(sales.items[0].externally_managed, Some(true));
    let sales_members = groups.iter().find(|(n, _)| n == "Sales").unwrap().1;
    assert_eq!(sales_members, 3);
    // Every change is in the audit log, attributed to the run.
    let changes: Vec<AuditLogOut> = d
        .api
        .audit("actor_type=OTHER&limit=100")
        .await
        .into_iter()
        .filter(|e| e.actor_metadata.contains_key("scim_sync_run_id"))
        .collect();
    let kinds: Vec<&str> = changes.iter().map(|e| e.event_type.as_str()).collect();
    for event in [
        "user.create",
        "user.organization.delete",
        "user_group.create",
        "user_group.update",
        "user_group.delete",
        "user_group.member.add",
        "user_group.member.remove",
    ] {
        assert!(kinds.contains(&event), "{event} in {kinds:?}");
    }
    assert!(
        changes
            .iter()
            .all(|e| e.actor_metadata.get("scim_sync_run_id") == Some(&id.to_string()))
    );
    // Run again: nothing left to do.
    let again = trigger(&d.api, json!({"dry_run": true})).await;
    d.clock.advance(Duration::seconds(2));
    assert!(run(&d.api, again).await.summary.unwrap().is_empty());
}

#[tokio::test]
async fn runs_that_select_little_nothing_or_cannot_reach_the_provider() {
    let d = demo().await;
    d.api
        .post("/scim/sync", json!({"dry_run": false}))
        .await
        .invalid_at("body.sync_config", "missing");
    let users_only = json!({"sync_users": true, "sync_groups": false, "sync_memberships": false});
    let id = trigger(&d.api, json!({"dry_run": false, "sync_config": users_only})).await;
    d.clock.advance(Duration::seconds(2));
    let done = run(&d.api, id).await;
    let summary = done.summary.unwrap();
    assert_eq!(summary.users.provision.len(), 2);
    assert!(summary.users.deprovision.is_empty() && summary.memberships.is_empty());
    assert!(summary.groups.create.is_empty());

    let nothing = json!({"sync_users": false, "sync_groups": false, "sync_memberships": false});
    let id = trigger(&d.api, json!({"dry_run": false, "sync_config": nothing})).await;
    d.clock.advance(Duration::seconds(1));
    assert_eq!(run(&d.api, id).await.status, "SKIPPED");

    d.api
        .patch("/x-local/scim", json!({"reachable": false}))
        .await
        .ok();
    let id = trigger(&d.api, json!({})).await;
    d.clock.advance(Duration::seconds(1));
    let failed = run(&d.api, id).await;
    assert_eq!(failed.status, "FAILED");
    assert_eq!(
        failed.error_message.as_deref(),
        Some("Failed to fetch users from the SCIM provider.")
    );
    assert!(failed.finished_at.is_some() && failed.summary.is_none());
    // Runs are the organization's own.
    let globex = Api::new(
        &d.server.origin(),
        Some(d.server.seeded()[1].admin_key.expose()),
    );
    globex.get(&format!("/scim/sync/{id}")).await.detail(404);
    d.api
        .get(&format!("/scim/sync/{}", Uuid::new_v4()))
        .await
        .detail(404);
    d.api
        .get("/scim/sync/nope")
        .await
        .invalid_at("path.run_id", "uuid_parsing");
    // Globex has an empty provider: a dry run finds nothing to do.
    let theirs = trigger(&globex, json!({})).await;
    d.clock.advance(Duration::seconds(2));
    assert!(run(&globex, theirs).await.summary.unwrap().is_empty());
}

#[tokio::test]
async fn provider_owned_groups_keep_their_name_and_members() {
    let d = demo().await;
    let groups: AdminUserGroupsOut = d.api.get("/user-groups?search=engineering").await.typed();
    let engineering = groups
        .items
        .iter()
        .find(|g| g.name == "Engineering")
        .unwrap();
    assert_eq!(engineering.externally_managed, Some(true));
    let path = format!("/user-groups/{}", engineering.uuid);
    let detail = d.api.patch(&path, json!({"name": "Eng"})).await.detail(409);
    assert!(detail.contains("identity provider"), "{detail}");
    let someone = d.api.get("/users?page_size=1").await.ok()["members"][0]["uuid"].clone();
    d.api
        .post(&format!("{path}/members"), json!({"user_uuids": [someone]}))
        .await
        .detail(409);
    d.api
        .delete_with(&format!("{path}/members"), json!({"user_uuids": [someone]}))
        .await
        .detail(409);
    d.api.delete(&path).await.detail(409);
    // What Mistral owns stays editable: description, assignments, organization role.
    let edited: AdminUserGroupOut = d
        .api
        .patch(
            &path,
            json!({"name": "Engineering", "description": "From the IdP"}),
        )
        .await
        .typed();
    assert_eq!(edited.description.as_deref(), Some("From the IdP"));
    d.api
        .patch(
            &format!("{path}/organization-role"),
            json!({"organization_role": "M"}),
        )
        .await
        .expect(204);
}

#[tokio::test]
async fn the_simulated_provider_is_edited_through_its_extension() {
    let d = demo().await;
    let made = d
        .api
        .post(
            "/x-local/scim/users",
            json!({"userName": "eve@northwind.example", "givenName": "Eve"}),
        )
        .await;
    let user: LocalScimUserOut = serde_json::from_value(made.expect(201)).unwrap();
    assert!(user.active);
    d.api
        .post(
            "/x-local/scim/users",
            json!({"userName": "EVE@northwind.example"}),
        )
        .await
        .detail(409);
    d.api
        .post("/x-local/scim/users", json!({"userName": "not an address"}))
        .await
        .invalid_at("body.userName", "value_error");
    let group: LocalScimGroupOut = serde_json::from_value(
        d.api
            .post(
                "/x-local/scim/groups",
                json!({"displayName": "Interns", "members": [user.id]}),
            )
            .await
            .expect(201),
    )
    .unwrap();
    assert_eq!(group.members, vec![user.id]);
    d.api
        .post(
            "/x-local/scim/groups",
            json!({"displayName": "Ghosts", "members": [Uuid::new_v4()]}),
        )
        .await
        .detail(404);
    let updated: LocalScimUserOut = d
        .api
        .patch(
            &format!("/x-local/scim/users/{}", user.id),
            json!({"active": false}),
        )
        .await
        .typed();
    assert!(!updated.active);
    d.api
        .patch(
            &format!("/x-local/scim/groups/{}", group.id),
            json!({"displayName": "Summer Interns", "members": []}),
        )
        .await
        .ok();
    let directory: LocalScimDirectoryOut = d.api.get("/x-local/scim").await.typed();
    assert!(directory.reachable);
    let interns = directory.groups.iter().find(|g| g.id == group.id).unwrap();
    assert_eq!(
        (interns.display_name.as_str(), interns.members.len()),
        ("Summer Interns", 0)
    );
    d.api
        .delete(&format!("/x-local/scim/users/{}", user.id))
        .await
        .expect(204);
    d.api
        .delete(&format!("/x-local/scim/groups/{}", group.id))
        .await
        .expect(204);
    d.api
        .delete(&format!("/x-local/scim/groups/{}", group.id))
        .await
        .detail(404);
    // The provider is the organization's own.
    let globex = Api::new(
        &d.server.origin(),
        Some(d.server.seeded()[1].admin_key.expose()),
    );
    let theirs: LocalScimDirectoryOut = globex.get("/x-local/scim").await.typed();
    assert!(theirs.users.is_empty() && theirs.groups.is_empty());
    globex
        .patch(
            &format!("/x-local/scim/users/{}", directory.users[0].id),
            json!({"active": false}),
        )
        .await
        .detail(404);
}
