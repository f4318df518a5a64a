//! Workspaces and their members against the real local server.

use mistral_admin::api::{AdminWorkspaceIn, UpdateWorkspaceIn, WorkspaceMemberSingleIn};
use mistral_admin::client::{ErrorKind, WorkspaceQuery};
use mistral_admin::domain::{OrgRole, WorkspaceRole};
use uuid::Uuid;

use crate::support::client::{Org, fresh_org, new_member};

fn new_workspace(name: &str, admin: Uuid) -> AdminWorkspaceIn {
    AdminWorkspaceIn {
        name: name.to_owned(),
        description: format!("{name} team"),
        icon: "🔬".to_owned(),
        add_all_org_members: false,
        admin_user_id: admin,
    }
}

async fn add_people(acme: &Org, count: usize) -> Vec<Uuid> {
    let people: Vec<_> = (0..count)
        .map(|i| {
            new_member(
                &format!("p{i}@acme.test"),
                "P",
                &i.to_string(),
                &[OrgRole::Member],
            )
        })
        .collect();
    let created = acme.client.create_users(&people).await.unwrap();
    (0..count)
        .map(|i| {
            created.email_to_user_id[&format!("p{i}@acme.test")]
                .parse()
                .unwrap()
        })
        .collect()
}

#[tokio::test]
async fn workspaces_are_created_listed_searched_updated_and_archived() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let research = client
        .create_workspace(&new_workspace("Research", acme.org.admin_user_uuid))
        .await
        .unwrap();
    assert_eq!(research.name, "Research");
    assert_eq!(research.icon.as_deref(), Some("🔬"));
    assert!(!research.is_default);
    client
        .create_workspace(&new_workspace("Résumés", acme.org.admin_user_uuid))
        .await
        .unwrap();

    let all = client.list_all_workspaces(false).await.unwrap();
    assert_eq!(all.len(), 3);
    assert!(all[0].is_default, "the default workspace comes first");
    let found = client
        .list_workspaces(&WorkspaceQuery {
            search: Some("resume".into()),
            ..WorkspaceQuery::active()
        })
        .await
        .unwrap();
    assert_eq!(found.items.len(), 1);
    assert_eq!(found.items[0].name, "Résumés");
    let page = client
        .list_workspaces(&WorkspaceQuery {
            page: Some(2),
            page_size: Some(2),
            ..WorkspaceQuery::active()
        })
        .await
        .unwrap();
    assert_eq!((page.total, page.items.len(), page.page), (3, 1, 2));

    let renamed = client
        .update_workspace(
            research.uuid,
            &UpdateWorkspaceIn {
                name: Some("Research & Development".into()),
                ..UpdateWorkspaceIn::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "Research & Development");
    assert_eq!(
        renamed.description.as_deref(),
        Some("Research team"),
        "left alone"
    );

    client.archive_workspace(research.uuid).await.unwrap();
    let archived = client.list_all_workspaces(true).await.unwrap();
    assert_eq!(archived.len(), 1);
    assert_eq!(archived[0].uuid, research.uuid);
    assert_eq!(client.list_all_workspaces(false).await.unwrap().len(), 2);

    let err = client.archive_workspace(research.uuid).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    let default = all[0].uuid;
    let err = client.archive_workspace(default).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
}

#[tokio::test]
async fn the_servers_refusals_arrive_as_specific_errors() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    client
        .create_workspace(&new_workspace("Research", acme.org.admin_user_uuid))
        .await
        .unwrap();
    let err = client
        .create_workspace(&new_workspace("research", acme.org.admin_user_uuid))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert_eq!(
        err.to_string(),
        "Conflict: An active workspace named 'Research' already exists in this organization"
    );

    let mut too_long = new_workspace(&"x".repeat(256), acme.org.admin_user_uuid);
    too_long.icon = "abc".into();
    too_long.description = String::new();
    let err = client.create_workspace(&too_long).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let mut paths: Vec<_> = err.field_errors().iter().map(|f| f.path.clone()).collect();
    paths.sort();
    assert_eq!(paths, vec!["icon", "name"]);

    let ghost = Uuid::new_v4();
    let err = client
        .update_workspace(ghost, &UpdateWorkspaceIn::default())
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), format!("Workspace {ghost} not found"));
}

#[tokio::test]
async fn members_are_added_upserted_and_removed() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let people = add_people(&acme, 3).await;
    let ws = client
        .create_workspace(&new_workspace("Research", acme.org.admin_user_uuid))
        .await
        .unwrap();

    let added = client
        .add_workspace_members(
            ws.uuid,
            &[
                WorkspaceMemberSingleIn::with_role_names(people[0], &[WorkspaceRole::Dev]),
                WorkspaceMemberSingleIn::with_role_names(people[1], &[]),
            ],
        )
        .await
        .unwrap();
    assert_eq!(added.added_members_count, 2);

    let upserted = client
        .upsert_workspace_members(
            ws.uuid,
            &[
                WorkspaceMemberSingleIn::with_role_names(
                    people[0],
                    &[WorkspaceRole::WorkspaceAdmin],
                ),
                WorkspaceMemberSingleIn::with_role_names(people[2], &[WorkspaceRole::User]),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        (upserted.added_members_count, upserted.updated_members_count),
        (1, 1)
    );

    let directory = client.load_directory().await.unwrap();
    let mut roles: Vec<(Uuid, Vec<String>)> = directory
        .workspace_members(ws.uuid)
        .into_iter()
        .map(|m| (m.user.uuid, m.roles))
        .collect();
    roles.sort();
    let mut expected = vec![
        (acme.org.admin_user_uuid, vec!["workspace_admin".to_owned()]),
        (people[0], vec!["workspace_admin".to_owned()]),
        (people[1], vec!["workspace_contributor".to_owned()]),
        (people[2], vec!["user".to_owned()]),
    ];
    expected.sort();
    assert_eq!(roles, expected);

    let stranger = Uuid::new_v4();
    let removed = client
        .remove_workspace_members(ws.uuid, &[people[1], stranger])
        .await
        .unwrap();
    assert_eq!(removed.deleted_members_count, 1);
    assert_eq!(removed.not_deleted_members, Some(vec![stranger]));

    let err = client
        .add_workspace_members(
            ws.uuid,
            &[WorkspaceMemberSingleIn::with_role_names(stranger, &[])],
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.to_string().contains(&stranger.to_string()), "{err}");

    let default = client.list_all_workspaces(false).await.unwrap()[0].uuid;
    let err = client
        .remove_workspace_members(default, &[people[0]])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
}
