//! Archiving (`DELETE /workspaces/{id}`) and the default workspace: archiving is permanent,
//! moves the workspace to the archived listing, refuses later changes, and stops every key of
//! the workspace at once; the default workspace can be neither archived nor left.

use crate::support::harness::Harness;
use serde_json::json;
use uuid::Uuid;

#[tokio::test]
async fn the_default_workspace_cannot_be_archived() {
    let h = Harness::start().await;
    let default = h.api.default_workspace().await;
    let events = h.api.audit("limit=1000").await.len();
    let detail = h
        .api
        .delete(&format!("/workspaces/{default}"))
        .await
        .detail(409);
    assert!(detail.to_lowercase().contains("default"), "{detail}");
    let list = h.api.workspaces("").await;
    assert!(list.items.iter().any(|w| w.uuid == default && w.is_default));
    assert_eq!(h.api.workspaces("is_archived=true").await.total, 0);
    assert_eq!(h.api.audit("limit=1000").await.len(), events);
}

#[tokio::test]
async fn members_cannot_be_removed_from_the_default_workspace() {
    let h = Harness::start().await;
    let default = h.api.default_workspace().await;
    let ada = h.api.create_member("ada@acme.example").await;
    assert_eq!(
        h.api.workspace_roles_of(ada, default).await,
        Some(vec!["workspace_contributor".to_owned()]),
        "every new member joins the default workspace"
    );
    let detail = h
        .api
        .delete_with(
            &format!("/workspaces/{default}/remove-users"),
            json!({"members": [{"user_uuid": ada}]}),
        )
        .await
        .detail(409);
    assert!(detail.to_lowercase().contains("default"), "{detail}");
    assert!(h.api.workspace_roles_of(ada, default).await.is_some());
    assert_eq!(h.api.member_count(default, false).await, 2);
    // Roles in the default workspace can still change.
    let changed = h
        .api
        .patch(
            &format!("/workspaces/{default}/users"),
            json!({"members": [{"user_uuid": ada, "role_names": ["dev"]}]}),
        )
        .await
        .ok();
    assert_eq!(changed["updated_members_count"], 1);
}

/// A workspace with a member and two keys that work, as the archive tests start from.
async fn workspace_with_keys(h: &Harness) -> (Uuid, Uuid, Vec<String>) {
    let ada = h.api.create_member("ada@acme.example").await;
    let ws = h.api.create_workspace("Legal Review", ada).await.uuid;
    h.api
        .add_members(ws, &[(h.acme.admin_user_uuid, &["user"])])
        .await;
    let mut keys = Vec::new();
    for (owner, name) in [(ada, "analyzer"), (h.acme.admin_user_uuid, "scripts")] {
        let key = h.api.create_key(ws, owner, name).await.key.unwrap();
        crate::support::http::key_client(&h.server.origin(), &key)
            .models()
            .await
            .ok();
        keys.push(key);
    }
    (ws, ada, keys)
}

#[tokio::test]
async fn archiving_stops_every_key_of_the_workspace_at_once() {
    let h = Harness::start().await;
    let (ws, ada, keys) = workspace_with_keys(&h).await;
    // A key of another workspace keeps working.
    let default = h.api.default_workspace().await;
    let elsewhere = h
        .api
        .create_key(default, ada, "elsewhere")
        .await
        .key
        .unwrap();

    let reply = h.api.delete(&format!("/workspaces/{ws}")).await;
    assert_eq!(reply.status, 204, "{}", reply.text);
    assert!(reply.text.is_empty(), "204 has no body");
    for key in &keys {
        let detail = crate::support::http::key_client(&h.server.origin(), key)
            .models()
            .await
            .detail(401);
        assert!(detail.contains("archived"), "{detail}");
    }
    crate::support::http::key_client(&h.server.origin(), &elsewhere)
        .models()
        .await
        .ok();
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "workspace.delete");
    assert_eq!(event.target_type, "WORKSPACE");
    assert_eq!(event.target_metadata["workspace_uuid"], ws.to_string());
    assert_eq!(event.workspace_uuid, Some(ws));
}

#[tokio::test]
async fn an_archived_workspace_moves_to_the_archived_listing() {
    let h = Harness::start().await;
    let (ws, ada, _) = workspace_with_keys(&h).await;
    h.api.delete(&format!("/workspaces/{ws}")).await.expect(204);

    let active = h.api.workspaces("").await;
    assert!(active.items.iter().all(|w| w.uuid != ws));
    assert_eq!(active.total, 1);
    let archived = h.api.workspaces("is_archived=true").await;
    assert_eq!(archived.total, 1, "archived only, the default is not there");
    assert_eq!(archived.items[0].uuid, ws);
    assert_eq!(archived.items[0].name, "Legal Review");
    assert_eq!(
        archived.items[0].members_count,
        Some(2),
        "it keeps its count"
    );
    // Its members no longer see it among their workspaces; search does not find it as active.
    assert_eq!(h.api.workspace_roles_of(ada, ws).await, None);
    assert_eq!(h.api.workspaces("search=legal").await.total, 0);
    assert_eq!(
        h.api
            .workspaces("search=legal&is_archived=true")
            .await
            .total,
        1
    );
    // Its keys stay listed (they belong to the history) but no longer work.
    let keys = h.api.get("/api-keys").await.ok();
    assert_eq!(keys["keys"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn archiving_is_permanent_and_refuses_every_later_change() {
    let h = Harness::start().await;
    let (ws, ada, _) = workspace_with_keys(&h).await;
    let grace = h.api.create_member("grace@acme.example").await;
    h.api.delete(&format!("/workspaces/{ws}")).await.expect(204);
    let events = h.api.audit("limit=1000").await.len();

    h.api.delete(&format!("/workspaces/{ws}")).await.detail(409);
    h.api
        .patch(&format!("/workspaces/{ws}"), json!({"name": "Revived"}))
        .await
        .detail(409);
    let one = json!({"members": [{"user_uuid": grace}]});
    h.api
        .post(&format!("/workspaces/{ws}/add-users"), one.clone())
        .await
        .detail(409);
    h.api
        .patch(&format!("/workspaces/{ws}/users"), one)
        .await
        .detail(409);
    h.api
        .delete_with(
            &format!("/workspaces/{ws}/remove-users"),
            json!({"members": [{"user_uuid": ada}]}),
        )
        .await
        .detail(409);
    h.api
        .post("/api-keys", json!({"workspace_uuid": ws, "user_id": ada}))
        .await
        .detail(409);
    h.api
        .patch(
            &format!("/x-local/workspaces/{ws}/settings"),
            json!({"members_can_create_api_keys": false}),
        )
        .await
        .detail(409);
    // No restore path exists, and nothing above changed anything.
    assert_eq!(h.api.audit("limit=1000").await.len(), events);
    let archived = h.api.workspaces("is_archived=true").await;
    assert_eq!(archived.items[0].name, "Legal Review");
    assert_eq!(archived.items[0].members_count, Some(2));
    assert_eq!(h.api.workspace_roles_of(grace, ws).await, None);
}

#[tokio::test]
async fn archiving_an_unknown_workspace_is_404() {
    let h = Harness::start().await;
    h.api
        .delete(&format!("/workspaces/{}", Uuid::new_v4()))
        .await
        .detail(404);
    h.api
        .delete("/workspaces/not-a-uuid")
        .await
        .invalid_at("path.workspace_uuid", "uuid_parsing");
}

#[tokio::test]
async fn an_archived_workspace_grants_nothing_through_groups_and_refuses_assignments() {
    let h = Harness::start().await;
    let api = &h.api;
    let ws = api.create_workspace("Old", h.acme.admin_user_uuid).await;
    let person = api.create_member("p@acme.example").await;
    let team = api.create_group("Team").await;
    let assignments = format!("/user-groups/{team}/workspaces");
    api.post(
        &format!("/user-groups/{team}/members"),
        json!({"user_uuids": [person]}),
    )
    .await
    .expect(204);
    api.post(
        &assignments,
        json!({"workspace_uuid": ws.uuid, "role_names": ["dev"]}),
    )
    .await
    .expect(201);
    api.delete(&format!("/workspaces/{}", ws.uuid))
        .await
        .expect(204);
    assert_eq!(api.workspace_roles_of(person, ws.uuid).await, None);
    assert_eq!(api.get(&assignments).await.ok()["total"], 0);
    api.patch(
        &format!("{assignments}/{}", ws.uuid),
        json!({"role_names": ["user"]}),
    )
    .await
    .detail(409);
    api.delete(&format!("{assignments}/{}", ws.uuid))
        .await
        .detail(409);
}
