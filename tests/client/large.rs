//! Paging over thousands of people against the real local server.

use std::collections::HashSet;

use mistral_admin::domain::OrgRole;
use mistral_admin::server::Seed;
use uuid::Uuid;

use crate::support::client::test_client;
use crate::support::client::{fresh_org, new_member};
use crate::support::local_server;

#[tokio::test]
async fn three_thousand_users_created_in_bulk_are_all_listed_once() {
    let acme = fresh_org("Acme").await;
    let people: Vec<_> = (0..3_000)
        .map(|i| {
            new_member(
                &format!("person{i}@acme.test"),
                "Person",
                &i.to_string(),
                &[OrgRole::Member],
            )
        })
        .collect();
    let created = acme.client.create_users(&people).await.unwrap();
    assert!(created.invalid_emails.is_empty());
    assert_eq!(created.email_to_user_id.len(), 3_000);

    let all = acme.client.list_all_users().await.unwrap();
    assert_eq!(all.members.len(), 3_001, "3,000 people and the admin");
    let unique: HashSet<Uuid> = all.members.iter().map(|m| m.uuid).collect();
    assert_eq!(unique.len(), 3_001);
    let expected: HashSet<Uuid> = created
        .email_to_user_id
        .values()
        .map(|id| id.parse().unwrap())
        .chain([acme.org.admin_user_uuid])
        .collect();
    assert_eq!(unique, expected);

    let directory = acme.client.load_directory().await.unwrap();
    let default = acme.client.list_all_workspaces(false).await.unwrap()[0].uuid;
    assert_eq!(
        directory.member_count(default),
        3_001,
        "everyone is in the default workspace"
    );
}

#[tokio::test]
async fn the_large_seed_lists_ten_thousand_users_and_five_hundred_workspaces() {
    let server = local_server().seed(Seed::Large).start().await;
    let org = &server.seeded()[0];
    let client = test_client(&server.admin_base_url(), org.admin_key.expose());

    let all = client.list_all_users().await.unwrap();
    let unique: HashSet<Uuid> = all.members.iter().map(|m| m.uuid).collect();
    assert_eq!(unique.len(), all.members.len());
    assert!(all.members.len() >= 10_000, "{}", all.members.len());
    let first = client.list_users(1, 1000, None).await.unwrap();
    assert_eq!(
        (all.members.len() + all.invites.len()) as i64,
        first.total.unwrap(),
        "everything the total counts arrived"
    );

    let workspaces = client.list_all_workspaces(false).await.unwrap();
    assert_eq!(workspaces.len(), 500);
    let ids: HashSet<Uuid> = workspaces.iter().map(|w| w.uuid).collect();
    assert_eq!(ids.len(), 500);
}
