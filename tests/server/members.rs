//! Workspace membership: `POST .../add-users`, `PATCH .../users` (add or update, how roles
//! change) and `DELETE .../remove-users`; only organization members can join, and a request
//! that names anyone else adds nobody.

use crate::support::harness::Harness;
use serde_json::json;
use uuid::Uuid;

struct Team {
    h: Harness,
    ws: Uuid,
    ada: Uuid,
    alan: Uuid,
    grace: Uuid,
}

async fn team() -> Team {
    let h = Harness::start().await;
    let ada = h.api.create_member("ada@acme.example").await;
    let alan = h.api.create_member("alan@acme.example").await;
    let grace = h.api.create_member("grace@acme.example").await;
    let ws = h.api.create_workspace("Research", ada).await.uuid;
    Team {
        h,
        ws,
        ada,
        alan,
        grace,
    }
}

fn names(roles: &[&str]) -> Option<Vec<String>> {
    Some(roles.iter().map(|r| r.to_string()).collect())
}

#[tokio::test]
async fn add_users_adds_newcomers_with_their_roles_or_the_default_role() {
    let t = team().await;
    let path = format!("/workspaces/{}/add-users", t.ws);
    let added =
        t.h.api
            .post(
                &path,
                json!({"members": [
                    {"user_uuid": t.alan, "role_names": ["dev", "observability_viewer"]},
                    {"user_uuid": t.grace},
                ]}),
            )
            .await
            .typed::<mistral_admin::api::AddUsersToWorkspaceOut>();
    assert_eq!(added.added_members_count, 2);
    let api = &t.h.api;
    assert_eq!(
        api.workspace_roles_of(t.alan, t.ws).await,
        names(&["dev", "observability_viewer"])
    );
    assert_eq!(
        api.workspace_roles_of(t.grace, t.ws).await,
        names(&["workspace_contributor"])
    );
    assert_eq!(api.member_count(t.ws, false).await, 3);
    let event = api.last_event().await;
    assert_eq!(event.event_type, "workspace.member.add");
    assert_eq!(event.target_type, "WORKSPACE");
    assert_eq!(event.workspace_uuid, Some(t.ws));

    // Existing members are left as they are and not counted.
    let again = api
        .post(
            &path,
            json!({"members": [{"user_uuid": t.ada, "role_names": ["user"]}, {"user_uuid": t.alan}]}),
        )
        .await
        .ok();
    assert_eq!(again["added_members_count"], 0);
    assert_eq!(
        api.workspace_roles_of(t.ada, t.ws).await,
        names(&["workspace_admin"])
    );
}

#[tokio::test]
async fn only_organization_members_can_be_added_and_a_wrong_id_adds_nobody() {
    let t = team().await;
    let api = &t.h.api;
    let stranger = Uuid::new_v4();
    let (_, globex) = t.h.other_org("Globex").await;
    let outsider: Uuid = globex.get("/users").await.ok()["members"][0]["uuid"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let events = api.audit("limit=1000").await.len();
    for wrong in [stranger, outsider] {
        for (method, suffix) in [("POST", "add-users"), ("PATCH", "users")] {
            let body = json!({"members": [
                {"user_uuid": t.alan, "role_names": ["dev"]},
                {"user_uuid": wrong},
                {"user_uuid": t.grace},
            ]});
            let path = format!("/workspaces/{}/{suffix}", t.ws);
            let reply = match method {
                "POST" => api.post(&path, body).await,
                _ => api.patch(&path, body).await,
            };
            let detail = reply.detail(404);
            assert!(
                detail.contains(&wrong.to_string()),
                "the detail names {wrong}: {detail}"
            );
        }
    }
    assert_eq!(api.workspace_roles_of(t.alan, t.ws).await, None);
    assert_eq!(api.workspace_roles_of(t.grace, t.ws).await, None);
    assert_eq!(api.member_count(t.ws, false).await, 1);
    assert_eq!(
        api.audit("limit=1000").await.len(),
        events,
        "nothing recorded"
    );
}

#[tokio::test]
async fn upsert_adds_newcomers_and_changes_roles_idempotently() {
    let t = team().await;
    let api = &t.h.api;
    let path = format!("/workspaces/{}/users", t.ws);
    t.h.api.add_members(t.ws, &[(t.alan, &["user"])]).await;
    let body = json!({"members": [
        {"user_uuid": t.alan, "role_names": ["dev"]},
        {"user_uuid": t.grace, "role_names": ["billing"]},
    ]});
    let first = api
        .patch(&path, body.clone())
        .await
        .typed::<mistral_admin::api::AddOrUpdateUsersToWorkspaceOut>();
    assert_eq!(
        (first.added_members_count, first.updated_members_count),
        (1, 1)
    );
    assert_eq!(api.workspace_roles_of(t.alan, t.ws).await, names(&["dev"]));
    assert_eq!(
        api.workspace_roles_of(t.grace, t.ws).await,
        names(&["billing"])
    );
    let update = api
        .audit("event_type=workspace.member.role.update")
        .await
        .remove(0);
    assert_eq!(update.target_type, "WORKSPACE");
    assert_eq!(update.event_metadata["user_uuid"], t.alan.to_string());

    let events = api.audit("limit=1000").await.len();
    let repeat = api.patch(&path, body).await.ok();
    assert_eq!(
        repeat,
        json!({"added_members_count": 0, "updated_members_count": 0})
    );
    assert_eq!(api.audit("limit=1000").await.len(), events);

    // A member listed without roles keeps theirs.
    let kept = api
        .patch(&path, json!({"members": [{"user_uuid": t.alan}]}))
        .await
        .ok();
    assert_eq!(kept["updated_members_count"], 0);
    assert_eq!(api.workspace_roles_of(t.alan, t.ws).await, names(&["dev"]));
}

#[tokio::test]
async fn roles_can_be_named_by_name_code_or_uuid() {
    let t = team().await;
    let api = &t.h.api;
    let roles = api.roles().await;
    let uuid_of = |name: &str| roles.workspace_role(name).unwrap().uuid.to_string();
    let path = format!("/workspaces/{}/users", t.ws);
    let cases = [
        (json!({"roles": ["A"]}), vec!["workspace_admin"]),
        (json!({"roles": ["M"]}), vec!["workspace_contributor"]),
        (
            json!({"roles": [uuid_of("cloud_user"), uuid_of("dev")]}),
            vec!["dev", "cloud_user"],
        ),
        (
            json!({"role_name": "mistral_code_user"}),
            vec!["mistral_code_user"],
        ),
        (
            json!({"role": uuid_of("workflow_executor")}),
            vec!["workflow_executor"],
        ),
        (json!({"role": "A"}), vec!["workspace_admin"]),
        (
            json!({"role_names": ["user", "workspace_admin", "user"]}),
            vec!["workspace_admin", "user"],
        ),
    ];
    for (fields, expected) in cases {
        let mut entry = fields.clone();
        entry["user_uuid"] = json!(t.alan);
        api.patch(&path, json!({"members": [entry]})).await.ok();
        assert_eq!(
            api.workspace_roles_of(t.alan, t.ws).await,
            names(&expected),
            "after {fields}"
        );
    }
    // raw_role is the highest of the roles.
    let info = api.user(t.alan).await.member.workspaces.unwrap();
    let entry = info.iter().find(|w| w.uuid == t.ws).unwrap();
    assert_eq!(entry.raw_role, uuid_of("workspace_admin"));
}

#[tokio::test]
async fn remove_users_removes_members_and_reports_the_others() {
    let t = team().await;
    let api = &t.h.api;
    api.add_members(t.ws, &[(t.alan, &[]), (t.grace, &["dev"])])
        .await;
    let stranger = Uuid::new_v4();
    let removed = api
        .delete_with(
            &format!("/workspaces/{}/remove-users", t.ws),
            json!({"members": [{"user_uuid": t.alan}, {"user_uuid": stranger}, {"user_uuid": t.grace}]}),
        )
        .await
        .typed::<mistral_admin::api::RemoveWorkspaceMembersOut>();
    assert_eq!(removed.deleted_members_count, 2);
    assert_eq!(removed.not_deleted_members, Some(vec![stranger]));
    assert_eq!(api.workspace_roles_of(t.alan, t.ws).await, None);
    assert_eq!(api.workspace_roles_of(t.grace, t.ws).await, None);
    assert_eq!(api.member_count(t.ws, false).await, 1);
    // They stay in the organization and in the default workspace.
    let default = api.default_workspace().await;
    assert!(api.workspace_roles_of(t.alan, default).await.is_some());
    let removals = api.audit("event_type=workspace.member.remove").await;
    assert_eq!(removals.len(), 2);
    assert!(removals.iter().all(|e| e.target_type == "WORKSPACE"));
    // Removing again reports both as not removed.
    let again = api
        .delete_with(
            &format!("/workspaces/{}/remove-users", t.ws),
            json!({"members": [{"user_uuid": t.alan}]}),
        )
        .await
        .ok();
    assert_eq!(again["deleted_members_count"], 0);
    assert_eq!(again["not_deleted_members"], json!([t.alan]));
}

#[tokio::test]
async fn membership_of_an_unknown_workspace_is_404() {
    let t = team().await;
    let missing = Uuid::new_v4();
    let one = json!({"members": [{"user_uuid": t.alan}]});
    let api = &t.h.api;
    api.post(&format!("/workspaces/{missing}/add-users"), one.clone())
        .await
        .detail(404);
    api.patch(&format!("/workspaces/{missing}/users"), one.clone())
        .await
        .detail(404);
    api.delete_with(&format!("/workspaces/{missing}/remove-users"), one)
        .await
        .detail(404);
}

#[tokio::test]
async fn a_member_body_names_each_user_once_and_roles_one_way() {
    let t = team().await;
    let api = &t.h.api;
    let path = format!("/workspaces/{}/add-users", t.ws);
    api.post(
        &path,
        json!({"members": [{"user_uuid": t.alan}, {"user_uuid": t.alan}]}),
    )
    .await
    .invalid_at("body.members.1.user_uuid", "value_error");
    api.post(
        &path,
        json!({"members": [{"user_uuid": t.alan, "role_names": ["dev"], "roles": ["A"]}]}),
    )
    .await
    .invalid_at("body.members.0", "value_error");
    api.post(
        &path,
        json!({"members": [{"user_uuid": t.alan, "role_names": []}]}),
    )
    .await
    .invalid_at("body.members.0.role_names", "too_short");
    api.post(
        &path,
        json!({"members": [{"user_uuid": t.alan, "roles": []}]}),
    )
    .await
    .invalid_at("body.members.0.roles", "too_short");
    api.post(
        &path,
        json!({"members": [{"user_uuid": t.alan, "role_names": ["owner"]}]}),
    )
    .await
    .invalid_at("body.members.0.role_names.0", "enum");
    api.post(
        &path,
        json!({"members": [{"user_uuid": t.alan, "roles": ["B"]}]}),
    )
    .await
    .invalid_at("body.members.0.roles.0", "enum");
    api.post(&path, json!({"members": [{"role_names": ["dev"]}]}))
        .await
        .invalid_at("body.members.0.user_uuid", "missing");
    assert_eq!(api.member_count(t.ws, false).await, 1, "nothing was added");
    // An empty or absent list is a no-op, not an error.
    assert_eq!(
        api.post(&path, json!({"members": []})).await.ok()["added_members_count"],
        0
    );
    assert_eq!(
        api.post(&path, json!({})).await.ok()["added_members_count"],
        0
    );
}

#[tokio::test]
async fn workspace_roles_are_independent_of_organization_roles() {
    let t = team().await;
    let api = &t.h.api;
    // A plain member administers a workspace; an organization admin is only a user there.
    api.add_members(t.ws, &[(t.h.acme.admin_user_uuid, &["user"])])
        .await;
    assert_eq!(api.org_roles_of(t.ada).await, ["member"]);
    assert_eq!(
        api.workspace_roles_of(t.ada, t.ws).await,
        names(&["workspace_admin"])
    );
    assert_eq!(
        api.workspace_roles_of(t.h.acme.admin_user_uuid, t.ws).await,
        names(&["user"])
    );
    // Changing one kind of role leaves the other alone.
    api.patch(
        &format!("/users/{}", t.ada),
        json!({"role_names": ["organization_admin"]}),
    )
    .await
    .ok();
    assert_eq!(
        api.workspace_roles_of(t.ada, t.ws).await,
        names(&["workspace_admin"])
    );
    api.patch(
        &format!("/workspaces/{}/users", t.ws),
        json!({"members": [{"user_uuid": t.ada, "role_names": ["billing"]}]}),
    )
    .await
    .ok();
    assert_eq!(api.org_roles_of(t.ada).await, ["organization_admin"]);
    assert_eq!(
        api.workspace_roles_of(t.ada, t.ws).await,
        names(&["billing"])
    );
}
