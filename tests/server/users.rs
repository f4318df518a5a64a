//! `/users`: the paged list (members, then invitations), bulk creation, one member in detail,
//! role and seat changes, removal, and the rules about the last organization admin and about
//! what removing a member takes with it.

use crate::support::harness::Harness;
use mistral_admin::api::{AdminOrganizationMemberOut, OrganizationAdminUsersOut};
use serde_json::json;
use uuid::Uuid;

#[tokio::test]
async fn bulk_creation_creates_valid_new_addresses_and_reports_the_rest() {
    let h = Harness::start().await;
    let created = h
        .api
        .post(
            "/users",
            json!([
                {"email": "ada@acme.example", "first_name": "Ada", "last_name": "Lovelace", "role_names": ["organization_admin"]},
                {"email": "alan@acme.example", "first_name": "Alan", "last_name": "Turing", "roles": ["B"], "subscription_types": ["CHAT"]},
                {"email": "not-an-address", "first_name": "X", "last_name": "Y"},
                {"email": "ADMIN@acme.example", "first_name": "Dup", "last_name": "Licate"},
            ]),
        )
        .await
        .typed::<mistral_admin::api::OrganizationUsersCreateOut>();
    assert_eq!(
        created.invalid_emails,
        ["not-an-address", "ADMIN@acme.example"]
    );
    assert_eq!(created.email_to_user_id.len(), 2);
    let ada: Uuid = created.email_to_user_id["ada@acme.example"]
        .parse()
        .unwrap();
    let alan: Uuid = created.email_to_user_id["alan@acme.example"]
        .parse()
        .unwrap();

    let detail = h.api.user(ada).await;
    assert_eq!(detail.member.email.as_deref(), Some("ada@acme.example"));
    assert_eq!(detail.member.name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(
        (detail.first_name.as_deref(), detail.last_name.as_deref()),
        (Some("Ada"), Some("Lovelace"))
    );
    assert_eq!(h.api.org_roles_of(ada).await, ["organization_admin"]);
    assert_eq!(h.api.org_roles_of(alan).await, ["billing_manager"]);
    let alan_detail = h.api.user(alan).await;
    assert_eq!(
        alan_detail.member.subscription_types,
        Some(vec!["CHAT".to_owned()])
    );
    assert_eq!(alan_detail.member.subscriptions[0].kind, "CHAT");
    // Every new member joins the default workspace as workspace_contributor.
    let default = h.api.default_workspace().await;
    assert_eq!(
        h.api.workspace_roles_of(alan, default).await,
        Some(vec!["workspace_contributor".to_owned()])
    );
    let creations = h.api.audit("event_type=user.create").await;
    assert_eq!(creations.len(), 2);
    assert!(creations.iter().all(|e| e.target_type == "USER"));
    assert_eq!(creations[0].target_metadata["user_uuid"], alan.to_string());
    assert_eq!(h.api.member_count(default, false).await, 3);
}

#[tokio::test]
async fn the_list_pages_over_members_then_invitations() {
    let h = Harness::start().await;
    let mut members = vec![h.acme.admin_user_uuid];
    for n in 0..4 {
        members.push(h.api.create_member(&format!("m{n}@acme.example")).await);
    }
    // Separate requests: invitations sent together share a timestamp, so have no set order.
    for email in ["i0@acme.example", "i1@acme.example"] {
        h.api
            .post("/users-invite", json!({"email": email}))
            .await
            .ok();
    }
    let all: OrganizationAdminUsersOut = h.api.get("/users").await.typed();
    assert_eq!(all.total, Some(7));
    assert_eq!((all.page, all.page_size), (Some(1), Some(25)));
    let ids: Vec<Uuid> = all.members.iter().map(|m| m.uuid).collect();
    assert_eq!(ids, members, "oldest first");
    assert_eq!(all.invites.len(), 2);
    assert!(all.invites.iter().all(|i| !i.expired));

    let page2: OrganizationAdminUsersOut = h.api.get("/users?page=2&page_size=3").await.typed();
    assert_eq!(page2.total, Some(7));
    assert_eq!(page2.members.len(), 2, "members 4 and 5");
    assert_eq!(page2.invites.len(), 1, "then the first invitation");
    assert_eq!(page2.invites[0].email, "i0@acme.example");
    let page3: OrganizationAdminUsersOut = h.api.get("/users?page=3&page_size=3").await.typed();
    assert!(page3.members.is_empty());
    assert_eq!(page3.invites[0].email, "i1@acme.example");
    let clamped: OrganizationAdminUsersOut = h.api.get("/users?page_size=99999").await.typed();
    assert_eq!(clamped.page_size, Some(1000));
}

#[tokio::test]
async fn the_email_filter_is_an_exact_case_insensitive_match() {
    let h = Harness::start().await;
    let ada = h.api.create_member("Ada.Lovelace@acme.example").await;
    h.api.create_member("ada@acme.example").await;
    let found: OrganizationAdminUsersOut = h
        .api
        .get("/users?email=ada.lovelace%40ACME.example")
        .await
        .typed();
    assert_eq!(found.total, Some(1));
    assert_eq!(found.members[0].uuid, ada);
    let none: OrganizationAdminUsersOut = h.api.get("/users?email=lovelace").await.typed();
    assert_eq!((none.total, none.members.len()), (Some(0), 0));
    h.api
        .post("/users-invite", json!({"email": "guest@acme.example"}))
        .await
        .ok();
    let invited: OrganizationAdminUsersOut =
        h.api.get("/users?email=GUEST@acme.example").await.typed();
    assert_eq!((invited.members.len(), invited.invites.len()), (0, 1));
}

#[tokio::test]
async fn roles_and_seats_change_through_patch() {
    let h = Harness::start().await;
    let alan = h.api.create_member("alan@acme.example").await;
    let path = format!("/users/{alan}");
    let roles = h.api.roles().await;
    let org_uuid = |name: &str| roles.organization_role(name).unwrap().uuid.to_string();
    let updated: AdminOrganizationMemberOut = h
        .api
        .patch(&path, json!({"role_names": ["member", "billing_manager"]}))
        .await
        .typed();
    assert_eq!(
        updated.raw_roles,
        [org_uuid("billing_manager"), org_uuid("member")]
    );
    assert_eq!(
        updated.raw_role,
        org_uuid("billing_manager"),
        "the highest role"
    );
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "user.organization.role.update");
    assert_eq!(event.target_type, "USER");
    assert_eq!(event.target_metadata["user_uuid"], alan.to_string());

    for (fields, expected) in [
        (json!({"roles": ["A"]}), vec!["organization_admin"]),
        (json!({"role": "M"}), vec!["member"]),
        (
            json!({"role_name": "billing_manager"}),
            vec!["billing_manager"],
        ),
        (
            json!({"roles": [org_uuid("organization_admin")]}),
            vec!["organization_admin"],
        ),
    ] {
        h.api.patch(&path, fields.clone()).await.ok();
        assert_eq!(h.api.org_roles_of(alan).await, expected, "after {fields}");
    }

    let seated: AdminOrganizationMemberOut = h
        .api
        .patch(
            &path,
            json!({"subscription_types": ["MISTRAL_CODE", "CHAT"]}),
        )
        .await
        .typed();
    let mut seats = seated.subscription_types.clone().unwrap();
    seats.sort();
    assert_eq!(seats, ["CHAT", "MISTRAL_CODE"]);
    assert_eq!(h.api.audit("event_type=billing.seat.grant").await.len(), 2);
    h.api
        .patch(&path, json!({"subscription_types": ["CHAT"]}))
        .await
        .ok();
    let revoke = h.api.audit("event_type=billing.seat.revoke").await;
    assert_eq!(revoke.len(), 1);
    assert_eq!(revoke[0].target_type, "SUBSCRIPTION");
    assert_eq!(
        h.api.user(alan).await.member.subscription_types,
        Some(vec!["CHAT".to_owned()])
    );
}

#[tokio::test]
async fn the_last_organization_admin_can_be_neither_demoted_nor_removed() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let path = format!("/users/{admin}");
    let events = h.api.audit("limit=1000").await.len();
    h.api
        .patch(&path, json!({"role_names": ["member"]}))
        .await
        .detail(409);
    h.api
        .patch(&path, json!({"role_names": ["billing_manager"]}))
        .await
        .detail(409);
    h.api.delete(&path).await.detail(409);
    assert_eq!(h.api.org_roles_of(admin).await, ["organization_admin"]);
    assert_eq!(h.api.audit("limit=1000").await.len(), events);

    // With a second admin, the first one can step down, and then the second is the last.
    let second = h
        .api
        .create_user("second@acme.example", &["organization_admin"])
        .await;
    h.api
        .patch(&path, json!({"role_names": ["member"]}))
        .await
        .ok();
    assert_eq!(h.api.org_roles_of(admin).await, ["member"]);
    h.api.delete(&format!("/users/{second}")).await.detail(409);
    h.api
        .patch(&format!("/users/{second}"), json!({"roles": ["M"]}))
        .await
        .detail(409);
    // Keeping the admin role while adding another is not a demotion.
    h.api
        .patch(
            &format!("/users/{second}"),
            json!({"role_names": ["organization_admin", "billing_manager"]}),
        )
        .await
        .ok();
}

#[tokio::test]
async fn removing_a_member_removes_their_memberships_and_keeps_their_keys() {
    let h = Harness::start().await;
    let ada = h.api.create_member("ada@acme.example").await;
    let ws = h
        .api
        .create_workspace("Research", h.acme.admin_user_uuid)
        .await
        .uuid;
    let other = h.api.create_workspace("Support", ada).await.uuid;
    h.api.add_members(ws, &[(ada, &["dev"])]).await;
    let key = h.api.create_key(ws, ada, "ada's key").await;
    let default = h.api.default_workspace().await;
    assert_eq!(h.api.member_count(ws, false).await, 2);

    let deleted = h
        .api
        .delete(&format!("/users/{ada}"))
        .await
        .typed::<mistral_admin::api::DeleteOut>();
    assert!(!deleted.message.is_empty());
    h.api.get(&format!("/users/{ada}")).await.detail(404);
    assert_eq!(h.api.member_count(ws, false).await, 1);
    assert_eq!(h.api.member_count(default, false).await, 1);
    assert_eq!(
        h.api.member_count(other, false).await,
        0,
        "the workspace they made stays"
    );
    let users: OrganizationAdminUsersOut = h.api.get("/users").await.typed();
    assert!(users.members.iter().all(|m| m.uuid != ada));
    // The key they owned still exists.
    let keys = h.api.get("/api-keys").await.ok();
    assert_eq!(keys["keys"][0]["key_id"], json!(key.key_id));
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "user.organization.delete");
    assert_eq!(event.target_metadata["user_uuid"], ada.to_string());
    // The address can be used again.
    h.api.create_member("ada@acme.example").await;
}

#[tokio::test]
async fn unknown_users_are_404() {
    let h = Harness::start().await;
    let missing = Uuid::new_v4();
    h.api.get(&format!("/users/{missing}")).await.detail(404);
    h.api
        .patch(
            &format!("/users/{missing}"),
            json!({"role_names": ["member"]}),
        )
        .await
        .detail(404);
    h.api.delete(&format!("/users/{missing}")).await.detail(404);
}

#[tokio::test]
async fn an_address_repeated_in_one_request_is_created_once() {
    let h = Harness::start().await;
    let created = h
        .api
        .post(
            "/users",
            json!([
                {"email": "ada@acme.example", "first_name": "Ada", "last_name": "L"},
                {"email": "ADA@acme.example", "first_name": "Ada", "last_name": "Again"},
            ]),
        )
        .await
        .typed::<mistral_admin::api::OrganizationUsersCreateOut>();
    assert_eq!(created.email_to_user_id.len(), 1);
    assert_eq!(created.invalid_emails, ["ADA@acme.example"]);
    let users: OrganizationAdminUsersOut = h.api.get("/users").await.typed();
    assert_eq!(users.members.len(), 2);
}
