//! `/workspaces`: listing, creation, edits and archiving, with the rules the documentation
//! states about them (default workspace, unique active names, the admin, add-all, archive).

use crate::support::harness::Harness;
use serde_json::json;
use uuid::Uuid;

#[tokio::test]
async fn listing_puts_the_default_first_then_oldest_and_pages() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let mut created = Vec::new();
    for name in ["Alpha", "Bravo", "Charlie"] {
        created.push(h.api.create_workspace(name, admin).await.uuid);
    }
    let all = h.api.workspaces("").await;
    assert_eq!(all.total, 4);
    assert_eq!(
        (all.page, all.page_size, all.object.as_str()),
        (1, 25, "list")
    );
    assert!(all.items[0].is_default);
    assert_eq!(all.items[0].name, "Default Workspace");
    let names: Vec<&str> = all.items[1..].iter().map(|w| w.name.as_str()).collect();
    assert_eq!(names, ["Alpha", "Bravo", "Charlie"]);

    let page2 = h.api.workspaces("page=2&page_size=3").await;
    assert_eq!((page2.total, page2.page, page2.page_size), (4, 2, 3));
    assert_eq!(page2.items.len(), 1);
    assert_eq!(page2.items[0].uuid, created[2]);
    let beyond = h.api.workspaces("page=9&page_size=3").await;
    assert!(beyond.items.is_empty());
    assert_eq!(beyond.total, 4);
    // Page sizes above 1000 are served as 1000 and reported as such.
    let clamped = h.api.workspaces("page_size=5000").await;
    assert_eq!(clamped.page_size, 1000);
    assert_eq!(clamped.items.len(), 4);
}

#[tokio::test]
async fn search_matches_a_name_substring_ignoring_case_and_accents() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    for name in ["Équipe Données", "Data Platform", "Customer Support"] {
        h.api.create_workspace(name, admin).await;
    }
    let names = |list: mistral_admin::api::WorkspacesOut| -> Vec<String> {
        list.items.into_iter().map(|w| w.name).collect()
    };
    assert_eq!(
        names(h.api.workspaces("search=equipe%20DON").await),
        ["Équipe Données"]
    );
    assert_eq!(
        names(h.api.workspaces("search=DATA").await),
        ["Data Platform"]
    );
    let none = h.api.workspaces("search=nothing-like-this").await;
    assert_eq!((none.total, none.items.len()), (0, 0));
    let some = h.api.workspaces("search=o").await;
    assert_eq!(
        some.total, 4,
        "every name holds an o, the default's included"
    );
}

#[tokio::test]
async fn creating_a_workspace_makes_the_admin_user_its_workspace_admin() {
    let h = Harness::start().await;
    let ada = h.api.create_member("ada@acme.example").await;
    let reply = h
        .api
        .post(
            "/workspaces",
            json!({"name": "  Research  ", "description": "Evals", "icon": "🔬", "admin_user_id": ada}),
        )
        .await;
    let created: mistral_admin::api::WorkspaceEnrichedOut = reply.typed();
    assert_eq!(created.name, "Research", "surrounding spaces are trimmed");
    assert_eq!(created.description.as_deref(), Some("Evals"));
    assert_eq!(created.icon.as_deref(), Some("🔬"));
    assert!(!created.is_default);
    assert_eq!(created.members_count, Some(1));
    let roles = h.api.roles().await;
    let admin_role = roles
        .workspace_role("workspace_admin")
        .unwrap()
        .uuid
        .to_string();
    assert_eq!(created.raw_roles, vec![admin_role.clone()]);
    assert_eq!(created.raw_role, admin_role);

    assert_eq!(
        h.api.workspace_roles_of(ada, created.uuid).await,
        Some(vec!["workspace_admin".to_owned()])
    );
    // Nobody else was added: the organization's admin is not a member.
    assert_eq!(
        h.api
            .workspace_roles_of(h.acme.admin_user_uuid, created.uuid)
            .await,
        None
    );
    let listed = h.api.workspaces("search=research").await;
    assert_eq!(listed.items[0].uuid, created.uuid);
    assert_eq!(listed.items[0].members_count, Some(1));
    let event = h.api.audit("event_type=workspace.create").await.remove(0);
    assert_eq!(event.target_type, "WORKSPACE");
    assert_eq!(event.target_metadata["name"], "Research");
    assert_eq!(event.workspace_uuid, Some(created.uuid));
}

#[tokio::test]
async fn add_all_org_members_adds_every_current_member() {
    let h = Harness::start().await;
    let ada = h.api.create_member("ada@acme.example").await;
    let alan = h
        .api
        .create_user("alan@acme.example", &["billing_manager"])
        .await;
    let grace = h.api.create_member("grace@acme.example").await;
    let created = h
        .api
        .post(
            "/workspaces",
            json!({"name": "Everyone", "add_all_org_members": true, "admin_user_id": ada}),
        )
        .await
        .typed::<mistral_admin::api::WorkspaceEnrichedOut>();
    assert_eq!(created.members_count, Some(4));
    assert_eq!(
        h.api.workspace_roles_of(ada, created.uuid).await,
        Some(vec!["workspace_admin".to_owned()])
    );
    for user in [alan, grace, h.acme.admin_user_uuid] {
        assert_eq!(
            h.api.workspace_roles_of(user, created.uuid).await,
            Some(vec!["workspace_contributor".to_owned()]),
            "{user} joined with the default role"
        );
    }
    // Only members at creation time: someone added later is not a member.
    let later = h.api.create_member("later@acme.example").await;
    assert_eq!(h.api.workspace_roles_of(later, created.uuid).await, None);
    let adds = h
        .api
        .audit("event_type=workspace.member.add&limit=100")
        .await;
    assert_eq!(
        adds.iter()
            .filter(|e| e.workspace_uuid == Some(created.uuid))
            .count(),
        4
    );
}

#[tokio::test]
async fn creation_needs_an_existing_member_as_admin() {
    let h = Harness::start().await;
    let stranger = Uuid::new_v4();
    let reply = h
        .api
        .post(
            "/workspaces",
            json!({"name": "Orphan", "admin_user_id": stranger}),
        )
        .await;
    assert!(reply.detail(404).contains(&stranger.to_string()));
    assert_eq!(h.api.workspaces("").await.total, 1, "nothing was created");
    let (_, globex) = h.other_org("Globex").await;
    let globex_admin = globex.get("/users").await.ok()["members"][0]["uuid"].clone();
    h.api
        .post(
            "/workspaces",
            json!({"name": "Orphan", "admin_user_id": globex_admin}),
        )
        .await
        .detail(404);
    h.api
        .post("/workspaces", json!({"name": "No admin"}))
        .await
        .invalid_at("body.admin_user_id", "missing");
    h.api
        .post(
            "/workspaces",
            json!({"admin_user_id": h.acme.admin_user_uuid}),
        )
        .await
        .invalid_at("body.name", "missing");
    assert_eq!(h.api.workspaces("").await.total, 1);
}

#[tokio::test]
async fn updates_change_only_the_given_fields_and_are_audited() {
    let h = Harness::start().await;
    let ws = h
        .api
        .create_workspace("Mobile", h.acme.admin_user_uuid)
        .await;
    let path = format!("/workspaces/{}", ws.uuid);
    let updated: mistral_admin::api::WorkspaceOut = h
        .api
        .patch(&path, json!({"name": "Mobile App", "icon": "📱"}))
        .await
        .typed();
    assert_eq!(updated.name, "Mobile App");
    assert_eq!(updated.icon.as_deref(), Some("📱"));
    assert_eq!(updated.description.as_deref(), Some(""));
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "workspace.update");
    assert_eq!(event.target_type, "WORKSPACE");
    assert_eq!(event.target_metadata["workspace_uuid"], ws.uuid.to_string());
    assert_eq!(event.event_metadata["old_name"], "Mobile");
    assert_eq!(event.event_metadata["new_name"], "Mobile App");

    let same: mistral_admin::api::WorkspaceOut = h
        .api
        .patch(
            &path,
            json!({"description": "iOS and Android", "name": null}),
        )
        .await
        .typed();
    assert_eq!(
        (same.name.as_str(), same.description.as_deref()),
        ("Mobile App", Some("iOS and Android"))
    );
    // An empty edit changes nothing and records nothing.
    let events_before = h.api.audit("limit=1000").await.len();
    h.api.patch(&path, json!({})).await.ok();
    assert_eq!(h.api.audit("limit=1000").await.len(), events_before);
    let listed = h.api.workspaces("search=mobile").await.items.remove(0);
    assert_eq!(listed, same);
    h.api
        .patch(
            &format!("/workspaces/{}", Uuid::new_v4()),
            json!({"name": "x"}),
        )
        .await
        .detail(404);
}

#[tokio::test]
async fn active_names_are_unique_ignoring_case_and_accents() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let first = h.api.create_workspace("Équipe Données", admin).await;
    for clash in ["equipe donnees", "ÉQUIPE DONNÉES", " Equipe Données "] {
        h.api
            .post(
                "/workspaces",
                json!({"name": clash, "admin_user_id": admin}),
            )
            .await
            .detail(409);
    }
    h.api
        .post(
            "/workspaces",
            json!({"name": "default workspace", "admin_user_id": admin}),
        )
        .await
        .detail(409);
    let other = h.api.create_workspace("Other", admin).await;
    h.api
        .patch(
            &format!("/workspaces/{}", other.uuid),
            json!({"name": "EQUIPE données"}),
        )
        .await
        .detail(409);
    // Renaming a workspace to a new spelling of its own name is fine.
    h.api
        .patch(
            &format!("/workspaces/{}", first.uuid),
            json!({"name": "Équipe données"}),
        )
        .await
        .ok();
    // Once archived, its name is free again.
    h.api
        .delete(&format!("/workspaces/{}", first.uuid))
        .await
        .expect(204);
    let reborn = h.api.create_workspace("equipe donnees", admin).await;
    assert_ne!(reborn.uuid, first.uuid);
    assert_eq!(h.api.workspaces("is_archived=true").await.total, 1);
}

#[tokio::test]
async fn an_organization_has_at_most_500_active_workspaces() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    // The default workspace counts: 499 more reach the cap.
    let mut last = None;
    for n in 1..500 {
        let reply = h
            .api
            .post(
                "/workspaces",
                json!({"name": format!("Team {n:03}"), "admin_user_id": admin}),
            )
            .await;
        last = Some(
            reply
                .typed::<mistral_admin::api::WorkspaceEnrichedOut>()
                .uuid,
        );
    }
    assert_eq!(h.api.workspaces("page_size=1").await.total, 500);
    let detail = h
        .api
        .post(
            "/workspaces",
            json!({"name": "Team 500", "admin_user_id": admin}),
        )
        .await
        .detail(409);
    assert!(detail.contains("500"), "{detail}");
    assert_eq!(h.api.workspaces("page_size=1").await.total, 500);
    // Archiving one makes room for one.
    h.api
        .delete(&format!("/workspaces/{}", last.unwrap()))
        .await
        .expect(204);
    h.api.create_workspace("Team 500", admin).await;
    h.api
        .post(
            "/workspaces",
            json!({"name": "Team 501", "admin_user_id": admin}),
        )
        .await
        .detail(409);
}

#[tokio::test]
async fn concurrent_creations_with_one_name_make_one_workspace() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let attempts = (0..20).map(|n| {
        let api = h.api.clone();
        let name = if n % 2 == 0 { "Race" } else { "RACE" };
        async move {
            api.post("/workspaces", json!({"name": name, "admin_user_id": admin}))
                .await
                .status
        }
    });
    let mut statuses = futures::future::join_all(attempts).await;
    statuses.sort();
    assert_eq!(statuses[0], 200);
    assert!(statuses[1..].iter().all(|s| *s == 409), "{statuses:?}");
    assert_eq!(h.api.workspaces("search=race").await.total, 1);
}
