//! User groups over real HTTP: creation, listing, edits and deletion; members; nesting and the
//! loops it must refuse; workspace assignments and what members gain through them, as
//! `GET /users` shows it; the organization role; provisioning; the audit log; and the
//! contract's shapes for every group response.

mod bad_input;

use crate::support::contract;
use crate::support::harness::Harness;
use crate::support::http::Api;
use mistral_admin::api::*;
use serde_json::json;
use uuid::Uuid;

async fn group(api: &Api, id: Uuid) -> AdminUserGroupOut {
    let reply = api.get(&format!("/user-groups/{id}")).await;
    contract::check("AdminUserGroupOut", &reply.body);
    reply.typed()
}

async fn add_to_group(api: &Api, group: Uuid, users: &[Uuid]) {
    api.post(
        &format!("/user-groups/{group}/members"),
        json!({"user_uuids": users}),
    )
    .await
    .expect(204);
}

/// Assigns a group with role names (none: the server's default role).
async fn assign(api: &Api, group: Uuid, workspace: Uuid, roles: &[&str]) {
    let mut body = json!({"workspace_uuid": workspace});
    if !roles.is_empty() {
        body["role_names"] = json!(roles);
    }
    api.post(&format!("/user-groups/{group}/workspaces"), body)
        .await
        .expect(201);
}

async fn nest(api: &Api, parent: Uuid, children: &[Uuid]) -> crate::support::http::Reply {
    api.patch(
        &format!("/user-groups/{parent}/nested"),
        json!({"child_group_uuids": children}),
    )
    .await
}

#[tokio::test]
async fn groups_are_created_listed_edited_and_deleted() {
    let h = Harness::start().await;
    let api = &h.api;
    let made = api
        .post(
            "/user-groups",
            json!({"name": "Platform Team", "description": "Runs the platform", "target_type": "W"}),
        )
        .await;
    contract::check("AdminUserGroupOut", &made.body);
    let made: AdminUserGroupOut = made.typed();
    assert_eq!(made.name, "Platform Team");
    assert_eq!(made.description.as_deref(), Some("Runs the platform"));
    assert_eq!(made.target_type.as_deref(), Some("W"));
    assert_eq!(made.externally_managed, Some(false));
    assert_eq!(made.organization_role, None);
    assert!(made.parent_group_ids.is_empty());
    assert_eq!(group(api, made.uuid).await, made);

    for n in 0..4 {
        api.create_group(&format!("Équipe {n}")).await;
    }
    let page: AdminUserGroupsOut = api.get("/user-groups?page=2&page_size=2").await.typed();
    contract::check("AdminUserGroupsOut", &api.get("/user-groups").await.body);
    assert_eq!((page.total, page.page, page.page_size), (5, 2, 2));
    assert_eq!(page.items[0].name, "Équipe 1", "oldest first");
    let found: AdminUserGroupsOut = api.get("/user-groups?search=EQUIPE%203").await.typed();
    assert_eq!(found.items.len(), 1, "search ignores case and accents");
    assert_eq!(found.items[0].name, "Équipe 3");

    // Names are unique, ignoring case and accents.
    let clash = api
        .post("/user-groups", json!({"name": "equipe 2"}))
        .await
        .detail(409);
    assert!(clash.contains("Équipe 2"), "{clash}");
    let renamed: AdminUserGroupOut = api
        .patch(
            &format!("/user-groups/{}", made.uuid),
            json!({"name": "Platform", "description": "", "target_type": "O"}),
        )
        .await
        .typed();
    assert_eq!(renamed.name, "Platform");
    assert_eq!(renamed.description, None, "an empty description clears it");
    assert_eq!(renamed.target_type.as_deref(), Some("O"));
    let untouched: AdminUserGroupOut = api
        .patch(&format!("/user-groups/{}", made.uuid), json!({}))
        .await
        .typed();
    assert_eq!(untouched, renamed, "absent fields stay as they are");

    api.delete(&format!("/user-groups/{}", made.uuid))
        .await
        .expect(204);
    api.get(&format!("/user-groups/{}", made.uuid))
        .await
        .detail(404);
    api.delete(&format!("/user-groups/{}", made.uuid))
        .await
        .detail(404);
    let events: Vec<String> = api
        .audit("target_type=USER_GROUP&sort=ascending&limit=100")
        .await
        .into_iter()
        .map(|e| e.event_type)
        .collect();
    assert_eq!(
        events.first().map(String::as_str),
        Some("user_group.create")
    );
    assert!(events.contains(&"user_group.update".to_owned()));
    assert_eq!(events.last().map(String::as_str), Some("user_group.delete"));
}

#[tokio::test]
async fn members_are_added_listed_and_removed() {
    let h = Harness::start().await;
    let api = &h.api;
    let team = api.create_group("Team").await;
    let people: Vec<Uuid> = people(api, 3).await;
    add_to_group(api, team, &people).await;
    add_to_group(api, team, &people[..1]).await; // already there: nothing changes
    let listed = api.get(&format!("/user-groups/{team}/members")).await;
    contract::check("AdminUserGroupMembersOut", &listed.body);
    let listed: AdminUserGroupMembersOut = listed.typed();
    assert_eq!(listed.total, 3);
    assert_eq!(
        listed
            .members
            .iter()
            .map(|m| m.user_uuid)
            .collect::<Vec<_>>(),
        people
    );
    assert_eq!(listed.members[0].name.as_deref(), Some("Test Person"));
    assert_eq!(
        listed.members[0].email.as_deref(),
        Some("person0@acme.example")
    );
    let second: AdminUserGroupMembersOut = api
        .get(&format!("/user-groups/{team}/members?page=2&page_size=2"))
        .await
        .typed();
    assert_eq!(second.members.len(), 1);
    // The contract sets this listing no smallest page, as it does the others: a page before
    // the first is answered under its own number, with the total and no rows (not page 1's).
    for before_first in [0, -3] {
        let page = api
            .get(&format!(
                "/user-groups/{team}/members?page={before_first}&page_size=2"
            ))
            .await;
        contract::check("AdminUserGroupMembersOut", &page.body);
        let page: AdminUserGroupMembersOut = page.typed();
        assert_eq!(
            (page.page, page.total, page.members.len()),
            (before_first, 3, 0)
        );
    }
    api.get(&format!(
        "/user-groups/{team}/members?page=-99999999999999999999"
    ))
    .await
    .invalid_at("query.page", "greater_than_equal");

    // Someone who is not a member of the organization: 404 naming them, nothing added.
    let stranger = Uuid::new_v4();
    let detail = api
        .post(
            &format!("/user-groups/{team}/members"),
            json!({"user_uuids": [people[0], stranger]}),
        )
        .await
        .detail(404);
    assert!(detail.contains(&stranger.to_string()), "{detail}");
    api.delete_with(
        &format!("/user-groups/{team}/members"),
        json!({"user_uuids": [people[1], stranger]}),
    )
    .await
    .expect(204);
    let after: AdminUserGroupMembersOut = api
        .get(&format!("/user-groups/{team}/members"))
        .await
        .typed();
    assert_eq!(after.total, 2);
    let adds = api
        .audit("event_type=user_group.member.add&limit=100")
        .await;
    assert_eq!(adds.len(), 3);
    let removes = api
        .audit("event_type=user_group.member.remove&limit=100")
        .await;
    assert_eq!(removes.len(), 1);
    assert_eq!(
        removes[0].event_metadata["user_uuid"],
        people[1].to_string()
    );
    // Leaving the organization leaves its groups too.
    api.delete(&format!("/users/{}", people[0])).await.ok();
    let after: AdminUserGroupMembersOut = api
        .get(&format!("/user-groups/{team}/members"))
        .await
        .typed();
    assert_eq!(after.total, 1);
}

async fn people(api: &Api, n: usize) -> Vec<Uuid> {
    let mut out = Vec::new();
    for i in 0..n {
        out.push(api.create_member(&format!("person{i}@acme.example")).await);
    }
    out
}

#[tokio::test]
async fn nesting_is_listed_both_ways_and_loops_are_refused_by_name() {
    let h = Harness::start().await;
    let api = &h.api;
    let company = api.create_group("Company").await;
    let engineering = api.create_group("Engineering").await;
    let backend = api.create_group("Backend").await;
    nest(api, company, &[engineering]).await.expect(204);
    // A new group can start inside another.
    let made: AdminUserGroupOut = api
        .post(
            "/user-groups",
            json!({"name": "Payments", "parent_group_ids": [backend]}),
        )
        .await
        .typed();
    assert_eq!(made.parent_group_ids, vec![backend]);
    let moved: AdminUserGroupOut = api
        .patch(
            &format!("/user-groups/{backend}"),
            json!({"parent_group_ids": [engineering]}),
        )
        .await
        .typed();
    assert_eq!(moved.parent_group_ids, vec![engineering]);
    let nested = api.get(&format!("/user-groups/{engineering}/nested")).await;
    contract::check("NestedGroupsOut", &nested.body);
    let nested: NestedGroupsOut = nested.typed();
    assert_eq!(nested.children.len(), 1);
    assert_eq!(
        (nested.children[0].uuid, nested.children[0].name.as_str()),
        (backend, "Backend")
    );

    // Company > Engineering > Backend > Payments: Company inside Payments closes a loop.
    let detail = api
        .patch(
            &format!("/user-groups/{company}"),
            json!({"parent_group_ids": [made.uuid]}),
        )
        .await
        .detail(409);
    assert!(
        detail.contains("'Payments' is already nested inside 'Company'"),
        "{detail}"
    );
    assert!(
        detail.contains("'Company' > 'Engineering' > 'Backend' > 'Payments' > 'Company'"),
        "{detail}"
    );
    let detail = nest(api, made.uuid, &[engineering]).await.detail(409);
    assert!(detail.contains("'Payments'"), "{detail}");
    let detail = nest(api, backend, &[backend]).await.detail(409);
    assert!(detail.contains("inside itself"), "{detail}");
    // Nothing moved.
    assert!(group(api, company).await.parent_group_ids.is_empty());
    // Unknown groups: 404 naming them; an empty list removes every child.
    let ghost = Uuid::new_v4();
    let detail = nest(api, company, &[ghost]).await.detail(404);
    assert!(detail.contains(&ghost.to_string()));
    nest(api, engineering, &[]).await.expect(204);
    assert!(group(api, backend).await.parent_group_ids.is_empty());
    // Deleting a parent frees its children.
    api.delete(&format!("/user-groups/{company}"))
        .await
        .expect(204);
    assert!(group(api, engineering).await.parent_group_ids.is_empty());
}

#[tokio::test]
async fn assignments_grant_roles_to_members_and_nested_members() {
    let h = Harness::start().await;
    let api = &h.api;
    let ws = api
        .create_workspace("Research", h.acme.admin_user_uuid)
        .await;
    let people = people(api, 3).await;
    let (direct, grouped, nested_member) = (people[0], people[1], people[2]);
    api.add_members(ws.uuid, &[(direct, &["dev"])]).await;
    let before = api.member_count(ws.uuid, false).await;
    let team = api.create_group("Research Team").await;
    let interns = api.create_group("Interns").await;
    add_to_group(api, team, &[direct, grouped]).await;
    add_to_group(api, interns, &[nested_member]).await;
    nest(api, team, &[interns]).await.expect(204);
    assign(api, team, ws.uuid, &["workspace_admin"]).await;

    // Direct and group roles unite; nested members gain the group's roles too.
    let roles = |user| api.workspace_roles_of(user, ws.uuid);
    assert_eq!(
        roles(direct).await,
        Some(vec!["workspace_admin".into(), "dev".into()])
    );
    assert_eq!(roles(grouped).await, Some(vec!["workspace_admin".into()]));
    assert_eq!(
        roles(nested_member).await,
        Some(vec!["workspace_admin".into()])
    );
    assert_eq!(api.member_count(ws.uuid, false).await, before + 2);

    let listed = api.get(&format!("/user-groups/{team}/workspaces")).await;
    contract::check("GroupWorkspaceAssignmentsOut", &listed.body);
    let listed: GroupWorkspaceAssignmentsOut = listed.typed();
    assert_eq!(listed.total, 1);
    let entry = &listed.items[0];
    assert_eq!(
        (entry.workspace_uuid, entry.workspace_name.as_str()),
        (ws.uuid, "Research")
    );
    assert_eq!(entry.roles[0].name, "workspace_admin");
    assert_eq!(entry.role_name.as_deref(), Some("workspace_admin"));
    let catalog = api.roles().await;
    assert_eq!(
        Some(entry.roles[0].uuid),
        catalog.workspace_role("workspace_admin").map(|r| r.uuid)
    );

    // A second assignment to the same workspace is refused; roles change with PATCH.
    api.post(
        &format!("/user-groups/{team}/workspaces"),
        json!({"workspace_uuid": ws.uuid}),
    )
    .await
    .detail(409);
    api.patch(
        &format!("/user-groups/{team}/workspaces/{}", ws.uuid),
        json!({"roles": ["M"]}),
    )
    .await
    .expect(204);
    assert_eq!(
        roles(grouped).await,
        Some(vec!["workspace_contributor".into()])
    );
    // Keys can be made for someone who reaches the workspace only through a group.
    api.create_key(ws.uuid, nested_member, "through a group")
        .await;
    // Removing them directly cannot take away what the group grants: they are reported.
    let removed = api
        .delete_with(
            &format!("/workspaces/{}/remove-users", ws.uuid),
            json!({"members": [{"user_uuid": grouped}, {"user_uuid": direct}]}),
        )
        .await
        .ok();
    assert_eq!(removed["deleted_members_count"], 0);
    assert_eq!(removed["not_deleted_members"], json!([grouped, direct]));
    assert_eq!(
        roles(direct).await,
        Some(vec!["workspace_contributor".into()]),
        "the direct dev role went, the group's role stays"
    );

    api.delete(&format!("/user-groups/{team}/workspaces/{}", ws.uuid))
        .await
        .expect(204);
    for user in [direct, grouped, nested_member] {
        assert_eq!(roles(user).await, None, "the group's grant is gone");
    }
    api.delete(&format!("/user-groups/{team}/workspaces/{}", ws.uuid))
        .await
        .detail(404);
    // Unknown workspaces are not found; an assignment without roles grants the default one.
    let unknown = json!({"workspace_uuid": Uuid::new_v4()});
    api.post(&format!("/user-groups/{team}/workspaces"), unknown)
        .await
        .detail(404);
    assign(api, team, ws.uuid, &[]).await;
    assert_eq!(
        roles(grouped).await,
        Some(vec!["workspace_contributor".into()])
    );
    let events: Vec<String> = api
        .audit("target_type=USER_GROUP&limit=100")
        .await
        .into_iter()
        .map(|e| e.event_type)
        .collect();
    for event in [
        "user_group.workspace.provision",
        "user_group.workspace.update",
        "user_group.workspace.deprovision",
    ] {
        assert!(events.contains(&event.to_owned()), "{event} in {events:?}");
    }
}

#[tokio::test]
async fn a_groups_organization_role_reaches_its_members() {
    let h = Harness::start().await;
    let api = &h.api;
    let person = api.create_member("p@acme.example").await;
    let finance = api.create_group("Finance").await;
    let payroll = api.create_group("Payroll").await;
    nest(api, finance, &[payroll]).await.expect(204);
    add_to_group(api, payroll, &[person]).await;
    let billing = api
        .roles()
        .await
        .organization_role("billing_manager")
        .unwrap()
        .uuid;
    for value in [billing.to_string(), "B".to_owned()] {
        api.patch(
            &format!("/user-groups/{finance}/organization-role"),
            json!({"organization_role": value}),
        )
        .await
        .expect(204);
    }
    assert_eq!(
        group(api, finance).await.organization_role,
        Some(billing.to_string())
    );
    assert_eq!(
        api.org_roles_of(person).await,
        vec!["billing_manager", "member"]
    );
    // The direct roles are what a PATCH of the user sets; the group's role stays on top.
    let patched = api
        .patch(
            &format!("/users/{person}"),
            json!({"role_names": ["member"]}),
        )
        .await
        .ok();
    assert_eq!(patched["raw_roles"].as_array().unwrap().len(), 2);
    let events = api.audit("event_type=user_group.update&limit=10").await;
    assert_eq!(
        events.len(),
        2,
        "setting the same role twice is recorded once"
    );
    assert_eq!(
        events[0].event_metadata["new_organization_role"],
        "billing_manager"
    );
    api.patch(
        &format!("/user-groups/{finance}/organization-role"),
        json!({"organization_role": "owner"}),
    )
    .await
    .invalid_at("body.organization_role", "enum");
    api.delete(&format!("/user-groups/{finance}"))
        .await
        .expect(204);
    assert_eq!(api.org_roles_of(person).await, vec!["member"]);
}

#[tokio::test]
async fn provisioning_copies_members_into_a_workspace() {
    let h = Harness::start().await;
    let api = &h.api;
    let ws = api.create_workspace("Launch", h.acme.admin_user_uuid).await;
    let people = people(api, 3).await;
    api.add_members(ws.uuid, &[(people[0], &["dev"])]).await;
    let team = api.create_group("Launch Team").await;
    let helpers = api.create_group("Helpers").await;
    add_to_group(api, team, &people[..2]).await;
    add_to_group(api, helpers, &people[2..]).await;
    nest(api, team, &[helpers]).await.expect(204);
    api.post(
        "/user-groups/provision-workspace",
        json!({"user_group_uuid": team, "workspace_uuid": ws.uuid, "workspace_role_name": "user"}),
    )
    .await
    .expect(204);
    assert_eq!(
        api.workspace_roles_of(people[0], ws.uuid).await,
        Some(vec!["user".into(), "dev".into()]),
        "existing members keep their roles and gain this one"
    );
    for person in &people[1..] {
        assert_eq!(
            api.workspace_roles_of(*person, ws.uuid).await,
            Some(vec!["user".into()])
        );
    }
    // They are direct members now: leaving the group changes nothing.
    api.delete_with(
        &format!("/user-groups/{team}/members"),
        json!({"user_uuids": [people[1]]}),
    )
    .await
    .expect(204);
    assert!(api.workspace_roles_of(people[1], ws.uuid).await.is_some());
    let provision = api
        .audit("event_type=user_group.workspace.provision&limit=1")
        .await;
    assert_eq!(provision[0].event_metadata["members_added"], "2");
    assert_eq!(provision[0].event_metadata["members_updated"], "1");
    // Both role fields at once, or an unknown value: 422, nothing done.
    let both = json!({"user_group_uuid": team, "workspace_uuid": ws.uuid,
        "workspace_role": "A", "workspace_role_name": "user"});
    api.post("/user-groups/provision-workspace", both)
        .await
        .invalid_at("body", "value_error");
    let unknown =
        json!({"user_group_uuid": team, "workspace_uuid": ws.uuid, "workspace_role": "Z"});
    api.post("/user-groups/provision-workspace", unknown)
        .await
        .invalid_at("body.workspace_role", "enum");
}
