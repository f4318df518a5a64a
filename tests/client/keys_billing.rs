//! API keys, the model list, spending limits and the audit log against the real local server.

use mistral_admin::api::{AdminCreateApiKeyIn, AdminWorkspaceIn, NewUsageLimitIn};
use mistral_admin::client::{AuditQuery, ErrorKind};
use mistral_admin::domain::SecretString;
use time::{Duration, OffsetDateTime};

use crate::support::client::fresh_org;

#[tokio::test]
async fn api_keys_are_created_listed_used_and_revoked() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let default = client.list_all_workspaces(false).await.unwrap()[0].uuid;
    let mut created = Vec::new();
    for name in ["ci", "notebook", "batch"] {
        created.push(
            client
                .create_api_key(&AdminCreateApiKeyIn {
                    name: Some(name.into()),
                    expiration: Some((OffsetDateTime::now_utc() + Duration::days(30)).date()),
                    workspace_uuid: default,
                    user_id: acme.org.admin_user_uuid,
                })
                .await
                .unwrap(),
        );
    }
    let ci = &created[0];
    let plaintext = SecretString::new(ci.key.clone().expect("plaintext once"));

    let all = client.list_all_api_keys().await.unwrap();
    assert_eq!(all.len(), 3);
    assert!(
        all.iter().all(|k| k.key.is_none()),
        "lists never carry plaintext"
    );
    let page = client.list_api_keys(2, 1, None).await.unwrap();
    assert_eq!(page.keys.len(), 2);
    let named = client.list_api_keys(100, 0, Some("NOTE")).await.unwrap();
    assert_eq!(named.keys.len(), 1);
    assert_eq!(named.keys[0].name.as_deref(), Some("notebook"));

    let models = client.list_models_with_key(&plaintext).await.unwrap();
    assert!(!models.data.is_empty());
    let err = client
        .list_models_with_key(&acme.org.admin_key)
        .await
        .unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::Unauthorized,
        "an admin key is no inference key"
    );

    client.delete_api_key(ci.key_id).await.unwrap();
    let err = client.list_models_with_key(&plaintext).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    let err = client.delete_api_key(ci.key_id).await.unwrap_err();
    assert_eq!(err.to_string(), format!("API key {} not found", ci.key_id));
    assert_eq!(client.list_all_api_keys().await.unwrap().len(), 2);
}

#[tokio::test]
async fn the_spending_limit_is_read_and_set() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let before = client.spend_limit().await.unwrap();
    assert_eq!(before.limits.currency, "EUR");
    let after = client
        .set_spend_limit(&NewUsageLimitIn {
            amount: 2500,
            no_monthly_limit: false,
        })
        .await
        .unwrap();
    assert_eq!(after.limits.completion.usage_limit, Some(2500.0));
    assert_eq!(client.spend_limit().await.unwrap(), after);
    let unlimited = client
        .set_spend_limit(&NewUsageLimitIn {
            amount: 0,
            no_monthly_limit: true,
        })
        .await
        .unwrap();
    assert!(unlimited.limits.completion.no_monthly_limit);
}

#[tokio::test]
async fn the_audit_log_records_the_clients_changes_and_filters_them() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let started = OffsetDateTime::now_utc() - Duration::seconds(5);
    for name in ["One", "Two"] {
        client
            .create_workspace(&AdminWorkspaceIn {
                name: name.into(),
                description: String::new(),
                icon: String::new(),
                add_all_org_members: false,
                admin_user_id: acme.org.admin_user_uuid,
            })
            .await
            .unwrap();
    }
    client
        .set_spend_limit(&NewUsageLimitIn {
            amount: 10,
            no_monthly_limit: false,
        })
        .await
        .unwrap();

    let creations = client
        .audit_logs(&AuditQuery {
            event_type: vec!["workspace.create".into()],
            after: Some(started),
            sort: Some("ascending".into()),
            ..AuditQuery::default()
        })
        .await
        .unwrap();
    let names: Vec<_> = creations
        .iter()
        .map(|e| {
            e.target_metadata
                .values()
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(creations.len(), 2, "{names:?}");
    assert!(creations.iter().all(|e| e.event_type == "workspace.create"));
    assert!(creations[0].created_at <= creations[1].created_at);

    let both = client
        .audit_logs(&AuditQuery {
            event_type: vec![
                "workspace.create".into(),
                "billing.monthly_limit.updated".into(),
            ],
            limit: Some(2),
            ..AuditQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(both.len(), 2);
    assert_eq!(
        both[0].event_type, "billing.monthly_limit.updated",
        "newest first"
    );
}
