//! The client's methods for user groups, usage and rate limits, SCIM sync and Vibe analytics,
//! against the real local server, plus the retry rules they share with every other method,
//! against a fault-injecting one.

use mistral_admin::api::*;
use mistral_admin::client::{ErrorKind, ScimSyncStart, UsageQuery, VibeWindow};
use mistral_admin::domain::{OrgRole, WorkspaceRole};
use serde_json::json;
use uuid::Uuid;

use crate::support::client::test_client;
use crate::support::client::{Org, fresh_org, new_member};
use crate::support::fault_server::{FaultServer, Reply};

const KEY: &str = "sk-fault-tests-0123456789abcdef";

async fn people(acme: &Org, count: usize) -> Vec<Uuid> {
    let entries: Vec<_> = (0..count)
        .map(|i| {
            new_member(
                &format!("g{i}@acme.test"),
                "G",
                &i.to_string(),
                &[OrgRole::Member],
            )
        })
        .collect();
    let created = acme.client.create_users(&entries).await.unwrap();
    (0..count)
        .map(|i| {
            created.email_to_user_id[&format!("g{i}@acme.test")]
                .parse()
                .unwrap()
        })
        .collect()
}

fn new_group(name: &str) -> AdminUserGroupIn {
    AdminUserGroupIn {
        name: name.to_owned(),
        ..AdminUserGroupIn::default()
    }
}

#[tokio::test]
async fn groups_members_nesting_and_assignments_through_the_client() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let team = client.create_group(&new_group("Team")).await.unwrap();
    let sub = client
        .create_group(&AdminUserGroupIn {
            name: "Sub".into(),
            description: Some("inside Team".into()),
            target_type: Some("W".into()),
            parent_group_ids: vec![team.uuid],
        })
        .await
        .unwrap();
    assert_eq!(sub.parent_group_ids, vec![team.uuid]);
    assert_eq!(client.get_group(sub.uuid).await.unwrap(), sub);
    let renamed = client
        .update_group(
            team.uuid,
            &AdminUpdateUserGroupIn {
                name: Some("Core Team".into()),
                ..AdminUpdateUserGroupIn::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "Core Team");

    let ids = people(&acme, 3).await;
    client
        .add_group_members(team.uuid, &ids[..2])
        .await
        .unwrap();
    client.add_group_members(sub.uuid, &ids[2..]).await.unwrap();
    client
        .remove_group_members(team.uuid, &ids[1..2])
        .await
        .unwrap();
    let members = client.list_all_group_members(team.uuid).await.unwrap();
    assert_eq!(
        members.iter().map(|m| m.user_uuid).collect::<Vec<_>>(),
        vec![ids[0]]
    );
    let nested = client.nested_groups(team.uuid).await.unwrap();
    assert_eq!(nested.children[0].uuid, sub.uuid);

    let ws = acme.client.list_all_workspaces(false).await.unwrap()[0].uuid;
    client
        .assign_group_to_workspace(
            team.uuid,
            &AssignGroupToWorkspaceIn::with_role_names(ws, &[WorkspaceRole::Dev]),
        )
        .await
        .unwrap();
    client
        .update_group_workspace(
            team.uuid,
            ws,
            &UpdateGroupWorkspaceAssignmentIn::with_role_names(&[WorkspaceRole::WorkspaceAdmin]),
        )
        .await
        .unwrap();
    let assignments = client.list_all_group_workspaces(team.uuid).await.unwrap();
    assert_eq!(assignments.len(), 1);
    assert_eq!(assignments[0].roles[0].name, "workspace_admin");
    // The nested member holds the role, as the directory shows it.
    let directory = client.load_directory().await.unwrap();
    let held = directory
        .workspace_members(ws)
        .into_iter()
        .find(|m| m.user.uuid == ids[2])
        .map(|m| m.roles)
        .expect("the nested member is listed in the workspace");
    assert!(held.contains(&"workspace_admin".to_owned()), "{held:?}");

    client
        .set_group_organization_role(team.uuid, OrgRole::BillingManager)
        .await
        .unwrap();
    let catalog = client.roles().await.unwrap();
    let role = client.get_group(team.uuid).await.unwrap().organization_role;
    assert_eq!(
        role.as_deref()
            .and_then(|r| catalog.organization_role(r))
            .map(|r| r.name.as_str()),
        Some("billing_manager")
    );

    // A loop is a conflict naming the group that closes it.
    let err = client
        .set_nested_groups(sub.uuid, &[team.uuid])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("'Core Team'"), "{err}");

    client
        .provision_group_workspace(&AdminProvisionGroupToWorkspaceIn {
            user_group_uuid: sub.uuid,
            workspace_uuid: ws,
            workspace_role: None,
            workspace_role_name: Some(WorkspaceRole::User),
        })
        .await
        .unwrap();
    client
        .remove_group_from_workspace(team.uuid, ws)
        .await
        .unwrap();
    client.set_nested_groups(team.uuid, &[]).await.unwrap();
    client.delete_group(sub.uuid).await.unwrap();
    let err = client.get_group(sub.uuid).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert_eq!(client.list_all_groups().await.unwrap().len(), 1);
}

#[tokio::test]
async fn every_group_is_listed_across_pages() {
    let acme = fresh_org("Acme").await;
    for n in 0..230 {
        acme.client
            .create_group(&new_group(&format!("Group {n:03}")))
            .await
            .unwrap();
    }
    let all = acme.client.list_all_groups().await.unwrap();
    assert_eq!(all.len(), 230);
    assert_eq!(all[229].name, "Group 229");
    let page = acme
        .client
        .list_groups(3, 100, Some("group 2"))
        .await
        .unwrap();
    assert_eq!(page.total, 30, "Group 200 to Group 229");
    assert!(page.items.is_empty(), "page 3 of 30 at 100 a page");
}

#[tokio::test]
async fn group_changes_follow_the_retry_rules() {
    let server = FaultServer::start().await;
    let group = Uuid::new_v4();
    let patch = format!("/v1/admin/user-groups/{group}");
    let members = format!("/v1/admin/user-groups/{group}/members");
    let body = json!({"uuid": group, "name": "G", "description": null,
        "externally_managed": false, "target_type": null, "organization_role": null,
        "parent_group_ids": []});
    server.on(
        "PATCH",
        &patch,
        vec![Reply::detail(503, "busy"), Reply::json(200, body)],
    );
    server.on("POST", &members, vec![Reply::detail(503, "busy")]);
    let client = test_client(&server.base_url(), KEY);
    let updated = client
        .update_group(group, &AdminUpdateUserGroupIn::default())
        .await
        .expect("a PATCH that sets state is retried");
    assert_eq!(updated.name, "G");
    assert_eq!(server.count("PATCH", &patch), 2);
    let err = client
        .add_group_members(group, &[Uuid::new_v4()])
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(server.count("POST", &members), 1, "a POST is not repeated");
}

#[tokio::test]
async fn usage_and_rate_limits_through_the_client() {
    let server = crate::support::local_server()
        .seed(mistral_admin::server::Seed::Demo)
        .start()
        .await;
    let client = test_client(
        &server.admin_base_url(),
        server.seeded()[0].admin_key.expose(),
    );
    let now = time::OffsetDateTime::now_utc();
    let month = client
        .usage(&UsageQuery::month(now.year(), now.month() as u8))
        .await
        .unwrap();
    assert_eq!(month.currency.as_deref(), Some("EUR"));
    let workspaces = client.list_all_workspaces(false).await.unwrap();
    let research = workspaces.iter().find(|w| w.name == "Research").unwrap();
    let one = client
        .usage(&UsageQuery {
            workspace_id: Some(research.uuid),
            ..UsageQuery::default()
        })
        .await
        .unwrap();
    assert!(
        one.amount_by_workspace()
            .keys()
            .all(|w| *w == research.uuid)
    );
    let limits = client.spend_limit().await.unwrap();
    let counted = limits.limits.completion.total_usage.unwrap();
    assert!(
        (counted - month.total_amount()).abs() < 1e-3,
        "{counted} vs {}",
        month.total_amount()
    );
    let err = client
        .usage(&UsageQuery {
            api_zone: Some("mars".into()),
            ..UsageQuery::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.field_errors()[0].path, "api_zone");
    let rates = client.rate_limits().await.unwrap();
    assert_eq!(rates.requests_per_second, 50);
    assert!(
        rates
            .tokens_limits_by_model
            .contains_key("mistral-large-latest")
    );
}

#[tokio::test]
async fn scim_runs_through_the_client_from_the_simulated_provider() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let ada = client
        .create_scim_user(&LocalScimUserIn {
            user_name: "ada@acme.test".into(),
            given_name: Some("Ada".into()),
            family_name: Some("Lovelace".into()),
            active: true,
        })
        .await
        .unwrap();
    client
        .create_scim_group(&LocalScimGroupIn {
            display_name: "Analysts".into(),
            members: vec![ada.id],
        })
        .await
        .unwrap();
    let dry = AdminScimSyncTriggerIn {
        dry_run: true,
        sync_config: None,
    };
    let ScimSyncStart::Started(first) = client.trigger_scim_sync(&dry).await.unwrap() else {
        panic!("the first run starts");
    };
    // While it runs, another is refused and the active one named.
    match client.trigger_scim_sync(&dry).await.unwrap() {
        ScimSyncStart::AlreadyActive(active) => assert_eq!(active.run_id, first),
        other => panic!("expected the active run, got {other:?}"),
    }
    let every = std::time::Duration::from_millis(50);
    let preview = client.wait_for_scim_sync(first, every).await.unwrap();
    assert_eq!(preview.status, "SUCCESS");
    let summary = preview.summary.unwrap();
    assert_eq!(summary.users.provision[0].user.user_name, "ada@acme.test");
    assert_eq!(summary.groups.create[0].group.group_name, "Analysts");
    assert_eq!(
        client.list_all_groups().await.unwrap().len(),
        0,
        "a dry run changes nothing"
    );

    let real = AdminScimSyncTriggerIn {
        dry_run: false,
        sync_config: Some(AdminScimSyncConfig::everything()),
    };
    let ScimSyncStart::Started(second) = client.trigger_scim_sync(&real).await.unwrap() else {
        panic!("the real run starts");
    };
    let done = client.wait_for_scim_sync(second, every).await.unwrap();
    assert_eq!(done.status, "SUCCESS");
    let groups = client.list_all_groups().await.unwrap();
    assert_eq!(groups[0].externally_managed, Some(true));
    let members = client.list_all_group_members(groups[0].uuid).await.unwrap();
    assert_eq!(members[0].email.as_deref(), Some("ada@acme.test"));
    client.set_scim_reachable(false).await.unwrap();
    assert!(!client.scim_directory().await.unwrap().reachable);
}

#[tokio::test]
async fn a_scim_trigger_reads_the_409_and_is_never_repeated() {
    let server = FaultServer::start().await;
    let active = Uuid::new_v4();
    server.on(
        "POST",
        "/v1/admin/scim/sync",
        vec![
            Reply::json(
                409,
                json!({"run_id": active, "status": "RUNNING", "detail": "busy"}),
            ),
            Reply::detail(503, "try later"),
        ],
    );
    let client = test_client(&server.base_url(), KEY);
    let body = AdminScimSyncTriggerIn {
        dry_run: true,
        sync_config: None,
    };
    let first = client.trigger_scim_sync(&body).await.unwrap();
    assert_eq!(
        first,
        ScimSyncStart::AlreadyActive(AdminScimSyncActiveRunOut {
            run_id: active,
            status: "RUNNING".into()
        })
    );
    let err = client.trigger_scim_sync(&body).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    assert_eq!(
        server.count("POST", "/v1/admin/scim/sync"),
        2,
        "one attempt each"
    );
}

#[tokio::test]
async fn vibe_analytics_through_the_client() {
    let server = crate::support::local_server()
        .seed(mistral_admin::server::Seed::Demo)
        .start()
        .await;
    let client = test_client(
        &server.admin_base_url(),
        server.seeded()[0].admin_key.expose(),
    );
    let window = VibeWindow::days_before(time::OffsetDateTime::now_utc(), 28);
    let users = client.vibe_work_by_user(&window).await.unwrap();
    assert!(!users.data.is_empty());
    let agents = client.vibe_work_by_agent(&window).await.unwrap();
    assert!(!agents.data.is_empty());
    let weeks = client
        .vibe_work_by_time(&window, Some("week"))
        .await
        .unwrap();
    assert!((4..=6).contains(&weeks.data.len()), "{}", weeks.data.len());
    let total: i64 = users.data.iter().map(|u| u.messages_count).sum();
    assert_eq!(
        weeks.data.iter().map(|w| w.messages_count).sum::<i64>(),
        total
    );
    let code = client.vibe_code_by_workspace(&window, None).await.unwrap();
    assert!(!code.sessions.is_empty());
    let org = client.vibe_code_by_organization(&window).await.unwrap();
    assert!(!org.next_edit_suggestions.is_empty());
    let err = client
        .vibe_code_by_workspace(&window, Some(Uuid::new_v4()))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let backwards = VibeWindow {
        start: window.end,
        end: window.start,
    };
    let err = client.vibe_work_by_user(&backwards).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.field_errors()[0].path, "end_time");
}
