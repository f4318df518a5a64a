//! Pages of `GET /users` at any depth hold exactly the members that one long page holds at
//! the same positions, also after people join and leave (the server finds where a deep page
//! starts from a cached description of the order, which must follow every change), and the
//! counts it keeps (`total`, `members_count`) and what members' listings say of their
//! workspaces follow every change too.

use mistral_admin::api::OrganizationAdminUsersOut;
use serde_json::json;
use uuid::Uuid;

use crate::support::harness::Harness;
use crate::support::http::Api;

/// Creates `n` members in one request: they share one creation instant, so only the order
/// they were inserted in tells them apart.
async fn create_people(api: &Api, tag: &str, n: usize) -> Vec<Uuid> {
    let body: Vec<_> = (0..n)
        .map(|i| json!({"email": format!("{tag}{i}@acme.example"), "first_name": tag, "last_name": format!("{i}")}))
        .collect();
    let out: mistral_admin::api::OrganizationUsersCreateOut =
        api.post("/users", json!(body)).await.typed();
    (0..n)
        .map(|i| {
            out.email_to_user_id[&format!("{tag}{i}@acme.example")]
                .parse()
                .unwrap()
        })
        .collect()
}

async fn page(api: &Api, page: usize, size: usize) -> OrganizationAdminUsersOut {
    api.get(&format!("/users?page={page}&page_size={size}"))
        .await
        .typed()
}

/// Every member and invitation in order, read in pages of `size`.
async fn read_in_pages(api: &Api, size: usize) -> Vec<String> {
    let mut seen = Vec::new();
    for number in 1.. {
        let got = page(api, number, size).await;
        let served = got.members.len() + got.invites.len();
        seen.extend(got.members.iter().map(|m| m.uuid.to_string()));
        seen.extend(got.invites.iter().map(|i| format!("invite {}", i.uuid)));
        if served < size {
            break;
        }
    }
    seen
}

/// The same, in one page.
async fn read_at_once(api: &Api) -> (Vec<String>, i64) {
    let got = page(api, 1, 1000).await;
    let mut all: Vec<String> = got.members.iter().map(|m| m.uuid.to_string()).collect();
    all.extend(got.invites.iter().map(|i| format!("invite {}", i.uuid)));
    (all, got.total.unwrap())
}

/// The workspaces a page of members lists for `person`.
async fn listed_names(api: &Api, person: Uuid) -> Vec<String> {
    let got = page(api, 1, 100).await;
    let member = got.members.iter().find(|m| m.uuid == person).unwrap();
    member
        .workspaces
        .iter()
        .flatten()
        .map(|w| w.name.clone())
        .collect()
}

async fn pages_agree(api: &Api, expected_members: usize) {
    let (all, total) = read_at_once(api).await;
    assert_eq!(total as usize, all.len());
    assert_eq!(
        all.iter().filter(|e| !e.starts_with("invite")).count(),
        expected_members
    );
    for size in [7, 100, 128, 129, 300] {
        assert_eq!(read_in_pages(api, size).await, all, "pages of {size}");
    }
}

#[tokio::test]
async fn deep_pages_hold_what_one_long_page_holds_through_joins_and_departures() {
    let h = Harness::start().await;
    let first = create_people(&h.api, "early", 450).await;
    h.api
        .post(
            "/users-invite",
            json!({"email": "later@acme.example, again@acme.example"}),
        )
        .await
        .expect(200);
    pages_agree(&h.api, 451).await;

    // Departures from the middle and the start, then newcomers: deep pages shift accordingly.
    for gone in [first[0], first[200], first[201], first[333]] {
        h.api.delete(&format!("/users/{gone}")).await.expect(200);
    }
    pages_agree(&h.api, 447).await;
    create_people(&h.api, "late", 130).await;
    pages_agree(&h.api, 577).await;

    // A page past the members starts with the invitations, and one past everything is empty.
    let tail = page(&h.api, 2, 577).await;
    assert!(tail.members.is_empty());
    assert_eq!(tail.invites.len(), 2);
    assert!(page(&h.api, 40, 100).await.members.is_empty());
}

#[tokio::test]
async fn kept_counts_follow_every_change() {
    let h = Harness::start().await;
    let default = h.api.default_workspace().await;
    let people = create_people(&h.api, "p", 20).await;
    let team = h.api.create_workspace("Team", people[0]).await.uuid;
    h.api
        .add_members(team, &[(people[1], &["user"]), (people[2], &[])])
        .await;
    assert_eq!(h.api.member_count(default, false).await, 21);
    assert_eq!(h.api.member_count(team, false).await, 3);

    // Leaving the organization takes every membership with it (a cascade in the database).
    h.api
        .delete(&format!("/users/{}", people[1]))
        .await
        .expect(200);
    assert_eq!(h.api.member_count(default, false).await, 20);
    assert_eq!(h.api.member_count(team, false).await, 2);
    h.api
        .delete_with(
            &format!("/workspaces/{team}/remove-users"),
            json!({"members": [{"user_uuid": people[2]}]}),
        )
        .await
        .expect(200);
    assert_eq!(h.api.member_count(team, false).await, 1);
    assert_eq!(page(&h.api, 1, 1).await.total, Some(20));

    // What members' listings say of a workspace follows its renaming and archiving at once
    // (the server keeps the active workspaces of an organization in memory between changes).
    assert!(
        listed_names(&h.api, people[0])
            .await
            .contains(&"Team".to_owned())
    );
    h.api
        .patch(
            &format!("/workspaces/{team}"),
            json!({"name": "Renamed Team"}),
        )
        .await
        .expect(200);
    assert!(
        listed_names(&h.api, people[0])
            .await
            .contains(&"Renamed Team".to_owned())
    );
    h.api
        .delete(&format!("/workspaces/{team}"))
        .await
        .expect(204);
    assert_eq!(listed_names(&h.api, people[0]).await, ["Default Workspace"]);

    // Another organization's changes touch nothing here.
    let (_, other) = h.other_org("Other").await;
    create_people(&other, "o", 5).await;
    assert_eq!(page(&h.api, 1, 1).await.total, Some(20));
    assert_eq!(page(&other, 1, 1).await.total, Some(6));
}
