//! `/users-invite`: sending to several addresses, what is reported rather than refused,
//! re-sending, deletion, and expiry after seven days (with a manual clock).

use crate::support::harness::Harness;
use mistral_admin::api::{
    OrganizationAdminUsersOut, OrganizationInvitesCreateOut, OrganizationUserInviteOut,
};
use serde_json::json;
use time::Duration;
use uuid::Uuid;

async fn pending(h: &Harness) -> Vec<OrganizationUserInviteOut> {
    h.api.get("/users-invite").await.typed()
}

#[tokio::test]
async fn one_request_invites_several_addresses_and_reports_the_rest() {
    let h = Harness::start().await;
    h.api.create_member("ada@acme.example").await;
    let sent: OrganizationInvitesCreateOut = h
        .api
        .post(
            "/users-invite",
            json!({
                "email": "grace@example.com, katherine@example.com\nnot-an-address;ADA@acme.example\r\nGrace@example.com",
                "role": "M",
            }),
        )
        .await
        .typed();
    assert_eq!(sent.invalid_emails, ["not-an-address"]);
    assert_eq!(sent.already_members, ["ADA@acme.example"]);
    assert_eq!(sent.invited_members_count, Some(2), "repeats count once");
    let list = pending(&h).await;
    let mut emails: Vec<_> = list.iter().filter_map(|i| i.email.clone()).collect();
    emails.sort();
    assert_eq!(emails, ["grace@example.com", "katherine@example.com"]);
    let roles = h.api.roles().await;
    let member = roles.organization_role("member").unwrap().uuid.to_string();
    assert!(
        list.iter()
            .all(|i| i.roles == [member.clone()] && i.role == member)
    );
    let sends = h.api.audit("event_type=organization.invite.send").await;
    assert_eq!(sends.len(), 2);
    assert!(sends.iter().all(|e| e.target_type == "USER"));
    // Nothing valid at all is still a 200 that says so.
    let nothing: OrganizationInvitesCreateOut = h
        .api
        .post(
            "/users-invite",
            json!({"email": "nope, admin@acme.example"}),
        )
        .await
        .typed();
    assert_eq!(nothing.invalid_emails, ["nope"]);
    assert_eq!(nothing.already_members, ["admin@acme.example"]);
    assert_eq!(nothing.invited_members_count, Some(0));
}

#[tokio::test]
async fn invitations_appear_in_the_user_list_with_their_roles_and_workspaces() {
    let h = Harness::start().await;
    let ws = h
        .api
        .create_workspace("Research", h.acme.admin_user_uuid)
        .await
        .uuid;
    h.api
        .post(
            "/users-invite",
            json!({"email": "marie@example.com", "role_names": ["billing_manager"], "workspace_uuids": [ws], "email_language": "fr"}),
        )
        .await
        .ok();
    let users: OrganizationAdminUsersOut = h.api.get("/users").await.typed();
    assert_eq!(users.members.len(), 1);
    let invite = &users.invites[0];
    assert_eq!(invite.email, "marie@example.com");
    assert!(!invite.expired);
    assert_eq!(invite.workspace_uuids, [ws]);
    let roles = h.api.roles().await;
    assert_eq!(
        invite.raw_roles,
        [roles
            .organization_role("billing_manager")
            .unwrap()
            .uuid
            .to_string()]
    );
    assert_eq!(pending(&h).await[0].invite_uuid, invite.uuid);
    // Unknown workspaces are refused and nothing is sent.
    h.api
        .post(
            "/users-invite",
            json!({"email": "x@example.com", "workspace_uuids": [Uuid::new_v4()]}),
        )
        .await
        .detail(404);
    assert_eq!(pending(&h).await.len(), 1);
}

#[tokio::test]
async fn inviting_a_pending_address_again_resends_the_same_invitation() {
    let h = Harness::manual_clock().await;
    h.api
        .post("/users-invite", json!({"email": "grace@example.com"}))
        .await
        .ok();
    let first = pending(&h).await.remove(0);
    h.clock.advance(Duration::days(5));
    h.api
        .post(
            "/users-invite",
            json!({"email": "GRACE@example.com", "role": "B"}),
        )
        .await
        .ok();
    let list = pending(&h).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].invite_uuid, first.invite_uuid);
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "organization.invite.resend");
    // Re-sending restarts the seven days.
    h.clock.advance(Duration::days(6));
    assert_eq!(pending(&h).await.len(), 1);
}

#[tokio::test]
async fn invitations_expire_after_seven_days() {
    let h = Harness::manual_clock().await;
    h.api
        .post("/users-invite", json!({"email": "grace@example.com"}))
        .await
        .ok();
    h.clock.advance(Duration::days(7) - Duration::minutes(1));
    assert_eq!(
        pending(&h).await.len(),
        1,
        "still valid just before seven days"
    );
    let users: OrganizationAdminUsersOut = h.api.get("/users").await.typed();
    assert!(!users.invites[0].expired);

    h.clock.advance(Duration::minutes(1));
    assert!(
        pending(&h).await.is_empty(),
        "expired ones leave GET /users-invite"
    );
    let users: OrganizationAdminUsersOut = h.api.get("/users").await.typed();
    assert_eq!(users.total, Some(2));
    assert_eq!(users.invites.len(), 1);
    assert!(users.invites[0].expired, "and are flagged in GET /users");

    // A new invitation to the same address is a fresh one, not a re-send.
    h.api
        .post("/users-invite", json!({"email": "grace@example.com"}))
        .await
        .ok();
    assert_eq!(
        h.api.last_event().await.event_type,
        "organization.invite.send"
    );
    let fresh = pending(&h).await;
    assert_eq!(fresh.len(), 1);
    assert_ne!(fresh[0].invite_uuid, users.invites[0].uuid);
}

#[tokio::test]
async fn deleting_an_invitation_revokes_it() {
    let h = Harness::start().await;
    h.api
        .post("/users-invite", json!({"email": "grace@example.com"}))
        .await
        .ok();
    let invite = pending(&h).await.remove(0).invite_uuid;
    let deleted = h
        .api
        .delete(&format!("/users-invite/{invite}"))
        .await
        .typed::<mistral_admin::api::DeleteOut>();
    assert!(!deleted.message.is_empty());
    assert!(pending(&h).await.is_empty());
    let users: OrganizationAdminUsersOut = h.api.get("/users").await.typed();
    assert!(users.invites.is_empty());
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "organization.invite.revoked");
    assert_eq!(event.target_metadata["invite_uuid"], invite.to_string());
    h.api
        .delete(&format!("/users-invite/{invite}"))
        .await
        .detail(404);
    h.api
        .delete(&format!("/users-invite/{}", Uuid::new_v4()))
        .await
        .detail(404);
}

#[tokio::test]
async fn adding_an_invited_address_directly_closes_its_invitation() {
    let h = Harness::start().await;
    h.api
        .post("/users-invite", json!({"email": "grace@example.com"}))
        .await
        .ok();
    h.api.create_member("Grace@Example.com").await;
    assert!(pending(&h).await.is_empty());
    let users: OrganizationAdminUsersOut = h.api.get("/users").await.typed();
    assert_eq!((users.members.len(), users.invites.len()), (2, 0));
    let revoked = h.api.audit("event_type=organization.invite.revoked").await;
    assert_eq!(revoked.len(), 1);
}

#[tokio::test]
async fn invitations_into_unknown_or_archived_workspaces_are_refused_and_send_nothing() {
    let h = Harness::start().await;
    let space = h
        .api
        .create_workspace("Pilot", h.acme.admin_user_uuid)
        .await;
    let unknown = Uuid::new_v4();
    h.api
        .post(
            "/users-invite",
            json!({"email": "grace@example.com", "workspace_uuids": [unknown]}),
        )
        .await
        .detail(404);
    h.api
        .delete(&format!("/workspaces/{}", space.uuid))
        .await
        .expect(204);
    let refused = h
        .api
        .post(
            "/users-invite",
            json!({"email": "grace@example.com", "workspace_uuids": [space.uuid]}),
        )
        .await
        .detail(409);
    assert!(refused.contains("archived"), "{refused}");
    assert!(pending(&h).await.is_empty());
}

#[tokio::test]
async fn invitations_sent_together_keep_the_order_they_were_given_in() {
    let h = Harness::start().await;
    let addresses: Vec<String> = (0..12)
        .map(|n| format!("person{n:02}@example.com"))
        .collect();
    h.api
        .post("/users-invite", json!({"email": addresses.join(",")}))
        .await
        .ok();
    let listed: Vec<String> = pending(&h)
        .await
        .into_iter()
        .filter_map(|i| i.email)
        .collect();
    assert_eq!(listed, addresses);
    let page: OrganizationAdminUsersOut = h.api.get("/users?page_size=100").await.typed();
    let in_users: Vec<String> = page.invites.into_iter().map(|i| i.email).collect();
    assert_eq!(in_users, addresses);
}
