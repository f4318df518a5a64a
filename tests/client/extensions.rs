//! The local server's `/x-local` extensions through the client, and the organization identity
//! a switcher shows.

use mistral_admin::api::WorkspaceSettingsUpdate;
use mistral_admin::client::{ErrorKind, Profile, ProfileStatus, check_profile};
use uuid::Uuid;

use crate::support::client::fresh_org;

#[tokio::test]
async fn the_organization_is_named_and_renamed() {
    let acme = fresh_org("Acme Research").await;
    let client = &acme.client;
    let org = client
        .local_organization()
        .await
        .unwrap()
        .expect("extension");
    assert_eq!(org.name, "Acme Research");
    assert_eq!(org.uuid, acme.org.uuid);
    assert!(client.has_extensions().await.unwrap());

    let renamed = client.rename_organization("Acme Labs").await.unwrap();
    assert_eq!(renamed.name, "Acme Labs");
    assert_eq!(
        client.local_organization().await.unwrap().unwrap().name,
        "Acme Labs"
    );
}

#[tokio::test]
async fn workspace_settings_are_read_and_changed_within_the_organizations_limit() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let default = client.list_all_workspaces(false).await.unwrap()[0].uuid;
    let settings = client
        .workspace_settings(default)
        .await
        .unwrap()
        .expect("extension");
    assert_eq!(settings.workspace_uuid, default);

    let changed = client
        .update_workspace_settings(
            default,
            &WorkspaceSettingsUpdate {
                members_can_create_api_keys: Some(!settings.members_can_create_api_keys),
                monthly_spend_cap: Some(Some(100)),
            },
        )
        .await
        .unwrap();
    assert_eq!(changed.monthly_spend_cap, Some(100));
    assert_eq!(
        changed.members_can_create_api_keys,
        !settings.members_can_create_api_keys
    );
    let workspaces = client.list_all_workspaces(false).await.unwrap();
    let cap = workspaces[0].spend_limit.as_ref().and_then(|s| s.value);
    assert_eq!(cap, Some(100.0), "the cap shows read-only in WorkspaceOUT");

    let limit = changed
        .organization_monthly_limit
        .expect("a fresh org has a limit");
    let err = client
        .update_workspace_settings(
            default,
            &WorkspaceSettingsUpdate {
                members_can_create_api_keys: None,
                monthly_spend_cap: Some(Some(limit + 1)),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(err.field_errors()[0].path, "monthly_spend_cap", "{err}");

    let ghost = Uuid::new_v4();
    let err = client.workspace_settings(ghost).await.unwrap_err();
    assert_eq!(err.to_string(), format!("Workspace {ghost} not found"));
}

#[tokio::test]
async fn a_profile_check_names_the_local_organization() {
    let acme = fresh_org("Acme").await;
    let profile = Profile::embedded(
        "local",
        acme.server.admin_base_url(),
        acme.org.admin_key.clone(),
    );
    assert_eq!(
        check_profile(&profile, std::time::Duration::from_secs(5)).await,
        ProfileStatus::Ok {
            organization: Some("Acme".into())
        }
    );
    let client = profile.connect().await.unwrap();
    assert_eq!(client.base_url(), acme.server.admin_base_url());
}

#[tokio::test]
async fn a_read_only_profile_browses_but_changes_nothing() {
    let acme = fresh_org("Acme").await;
    let mut profile = Profile::embedded(
        "local",
        acme.server.admin_base_url(),
        acme.org.admin_key.clone(),
    );
    profile.read_only = true;
    let client = profile.connect().await.unwrap();
    assert_eq!(client.list_all_users().await.unwrap().members.len(), 1);
    let err = client.rename_organization("Renamed").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ReadOnly, "{err}");
    assert_eq!(
        acme.client
            .local_organization()
            .await
            .unwrap()
            .unwrap()
            .name,
        "Acme"
    );
}
