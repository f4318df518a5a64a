//! Members, invitations and roles against the real local server.

use std::collections::HashSet;

use mistral_admin::api::{AdminOrganizationMemberUpdate, OrganizationInviteIn};
use mistral_admin::client::ErrorKind;
use mistral_admin::domain::OrgRole;
use uuid::Uuid;

use crate::support::client::{fresh_org, new_member};

fn role_names(roles: &mistral_admin::api::RolesOut, raw: &[String]) -> HashSet<String> {
    raw.iter()
        .map(|v| roles.organization_role(v).expect("known role").name.clone())
        .collect()
}

#[tokio::test]
async fn users_are_created_in_bulk_read_updated_listed_and_deleted() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let created = client
        .create_users(&[
            new_member("ada@acme.test", "Ada", "Lovelace", &[OrgRole::Member]),
            new_member("grace@acme.test", "Grace", "Hopper", &[OrgRole::Member]),
            new_member("not-an-address", "No", "Body", &[OrgRole::Member]),
        ])
        .await
        .unwrap();
    assert_eq!(created.invalid_emails, vec!["not-an-address"]);
    assert_eq!(created.email_to_user_id.len(), 2);
    let ada_id: Uuid = created.email_to_user_id["ada@acme.test"].parse().unwrap();

    let ada = client.get_user(ada_id).await.unwrap();
    assert_eq!(ada.member.email.as_deref(), Some("ada@acme.test"));
    assert_eq!(ada.first_name.as_deref(), Some("Ada"));
    assert_eq!(ada.last_name.as_deref(), Some("Lovelace"));

    let roles = client.roles().await.unwrap();
    let updated = client
        .update_user(
            ada_id,
            &AdminOrganizationMemberUpdate {
                role_names: Some(vec![OrgRole::BillingManager, OrgRole::Member]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        role_names(&roles, &updated.raw_roles),
        HashSet::from(["billing_manager".to_owned(), "member".to_owned()])
    );

    let page = client.list_users(1, 2, None).await.unwrap();
    assert_eq!(page.members.len(), 2);
    assert_eq!(page.total, Some(3), "the admin and the two new members");
    assert_eq!(page.page_size, Some(2));
    let found = client
        .list_users(1, 25, Some("GRACE@acme.test"))
        .await
        .unwrap();
    assert_eq!(found.members.len(), 1);
    assert_eq!(found.members[0].email.as_deref(), Some("grace@acme.test"));

    client.delete_user(ada_id).await.unwrap();
    let err = client.get_user(ada_id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(
        err.to_string(),
        format!("User {ada_id} not found in this organization")
    );
    let err = client.delete_user(ada_id).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn the_last_admin_cannot_be_demoted_and_the_server_says_why() {
    let acme = fresh_org("Acme").await;
    let err = acme
        .client
        .update_user(
            acme.org.admin_user_uuid,
            &AdminOrganizationMemberUpdate {
                role_names: Some(vec![OrgRole::Member]),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().starts_with("Conflict: "), "{err}");
    assert!(err.to_string().to_lowercase().contains("admin"), "{err}");
}

#[tokio::test]
async fn invitations_are_sent_listed_and_withdrawn() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let admin_email = client
        .get_user(acme.org.admin_user_uuid)
        .await
        .unwrap()
        .member
        .email
        .unwrap();
    let sent = client
        .invite_users(&OrganizationInviteIn {
            role_names: Some(vec![OrgRole::Member]),
            email: format!("new1@acme.test, nonsense\nnew2@acme.test,{admin_email}"),
            ..OrganizationInviteIn::default()
        })
        .await
        .unwrap();
    assert_eq!(sent.invalid_emails, vec!["nonsense"]);
    assert_eq!(sent.already_members, vec![admin_email]);

    let invites = client.list_invites().await.unwrap();
    let emails: HashSet<_> = invites.iter().filter_map(|i| i.email.clone()).collect();
    assert_eq!(
        emails,
        HashSet::from(["new1@acme.test".to_owned(), "new2@acme.test".to_owned()])
    );
    let listed = client.list_all_users().await.unwrap();
    assert_eq!(
        listed.invites.len(),
        2,
        "open invitations follow the members"
    );

    let first = invites[0].invite_uuid;
    client.delete_invite(first).await.unwrap();
    assert_eq!(client.list_invites().await.unwrap().len(), 1);
    let err = client.delete_invite(first).await.unwrap_err();
    assert_eq!(err.to_string(), format!("Invitation {first} not found"));
}

#[tokio::test]
async fn the_role_catalog_resolves_uuids_names_and_legacy_codes() {
    let acme = fresh_org("Acme").await;
    let roles = acme.client.roles().await.unwrap();
    let admin = roles.workspace_role("workspace_admin").unwrap();
    assert_eq!(roles.workspace_role(&admin.uuid.to_string()), Some(admin));
    assert_eq!(roles.workspace_role("A"), Some(admin));
    assert_eq!(
        roles.organization_role("B").unwrap().name,
        "billing_manager"
    );
    assert_eq!(roles.organization_roles.len(), 3);
}

#[tokio::test]
async fn the_older_prefix_answers_the_same_and_a_wrong_key_is_unauthorized() {
    let acme = fresh_org("Acme").await;
    let legacy = crate::support::client::test_client(
        &format!("{}/api/admin", acme.server.origin()),
        acme.org.admin_key.expose(),
    );
    assert_eq!(
        legacy.list_all_users().await.unwrap(),
        acme.client.list_all_users().await.unwrap()
    );
    let stranger = crate::support::client::test_client(
        &acme.server.admin_base_url(),
        "sk-not-a-key-of-this-server-000000",
    );
    let err = stranger.roles().await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert!(err.to_string().starts_with("Unauthorized: "), "{err}");
    assert!(!err.to_string().contains("sk-not-a-key"), "{err}");
}
