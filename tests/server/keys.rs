//! `/api-keys`: creation (the plaintext once), the organization's list with its filters,
//! deletion, expiry, and whether a key works, as `GET /v1/models` shows it.

use crate::support::harness::Harness;
use mistral_admin::api::{ApiKeyOut, ApiKeysExtendedOut};
use serde_json::json;
use time::Duration;
use uuid::Uuid;

async fn keys(h: &Harness, query: &str) -> ApiKeysExtendedOut {
    h.api.get(&format!("/api-keys?{query}")).await.typed()
}

#[tokio::test]
async fn a_new_key_is_shown_once_and_listed_masked() {
    let h = Harness::start().await;
    let ada = h.api.create_member("ada@acme.example").await;
    let ws = h.api.create_workspace("Research", ada).await.uuid;
    let created: ApiKeyOut = h
        .api
        .post(
            "/api-keys",
            json!({"name": "Eval harness", "workspace_uuid": ws, "user_id": ada}),
        )
        .await
        .typed();
    let plaintext = created
        .key
        .clone()
        .expect("the creating response carries the key");
    assert_eq!(plaintext.len(), 32);
    let masked = format!("{}...{}", &plaintext[..4], &plaintext[28..]);
    assert_eq!(created.hidden_key, masked);
    assert_eq!(created.name.as_deref(), Some("Eval harness"));
    assert_eq!(created.expiration_date, None);

    let list = keys(&h, "").await;
    assert_eq!(list.keys.len(), 1);
    let listed = &list.keys[0];
    assert_eq!(listed.key_id, created.key_id);
    assert_eq!(listed.key, None, "the plaintext is never listed");
    assert_eq!(listed.hidden_key, masked);
    assert_eq!(listed.workspace_id, Some(ws));
    assert_eq!(listed.workspace_name.as_deref(), Some("Research"));
    assert_eq!(listed.product.as_deref(), Some("API"));
    assert_eq!(listed.last_used, None);
    assert!(!h.api.get("/api-keys").await.text.contains(&plaintext));

    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "api_key.create");
    assert_eq!(event.target_type, "API_KEY");
    assert_eq!(
        event.target_metadata["api_key_id"],
        created.key_id.to_string()
    );
    assert_eq!(event.workspace_uuid, Some(ws));
    let audit_text = h.api.get("/audit-logs?limit=1000").await.text;
    assert!(
        !audit_text.contains(&plaintext),
        "the audit log never holds a key"
    );

    // Using it is recorded as the day it was last used.
    crate::support::http::key_client(&h.server.origin(), &plaintext)
        .models()
        .await
        .ok();
    assert!(keys(&h, "").await.keys[0].last_used.is_some());
}

#[tokio::test]
async fn the_list_is_newest_first_and_filters_by_name_or_last_four_characters() {
    let h = Harness::manual_clock().await;
    let admin = h.acme.admin_user_uuid;
    let default = h.api.default_workspace().await;
    let mut made = Vec::new();
    for name in ["Production", "Staging", "Ünïcode bot"] {
        made.push(h.api.create_key(default, admin, name).await);
        h.clock.advance(Duration::seconds(1));
    }
    let names: Vec<_> = keys(&h, "")
        .await
        .keys
        .into_iter()
        .map(|k| k.api_key.name.unwrap())
        .collect();
    assert_eq!(names, ["Ünïcode bot", "Staging", "Production"]);
    let page = keys(&h, "limit=1&offset=1").await;
    assert_eq!(page.keys.len(), 1);
    assert_eq!(page.keys[0].key_id, made[1].key_id);
    assert!(keys(&h, "offset=3").await.keys.is_empty());
    assert_eq!(keys(&h, "name=STAG").await.keys[0].key_id, made[1].key_id);
    assert_eq!(
        keys(&h, "name=unicode").await.keys[0].key_id,
        made[2].key_id
    );
    let plaintext = made[0].key.clone().unwrap();
    let suffix = &plaintext[plaintext.len() - 4..];
    let by_suffix = keys(&h, &format!("name={suffix}")).await;
    assert!(by_suffix.keys.iter().any(|k| k.key_id == made[0].key_id));
    assert!(keys(&h, "name=nothing-matches").await.keys.is_empty());
}

#[tokio::test]
async fn deleting_a_key_stops_it_at_once() {
    let h = Harness::start().await;
    let default = h.api.default_workspace().await;
    let key = h
        .api
        .create_key(default, h.acme.admin_user_uuid, "temp")
        .await;
    let client = crate::support::http::key_client(&h.server.origin(), key.key.as_deref().unwrap());
    client.models().await.ok();
    let deleted = h
        .api
        .delete(&format!("/api-keys/{}", key.key_id))
        .await
        .typed::<mistral_admin::api::DeleteApiKeyOut>();
    assert!(!deleted.detail.is_empty());
    client.models().await.detail(401);
    assert!(keys(&h, "").await.keys.is_empty());
    let event = h.api.last_event().await;
    assert_eq!(event.event_type, "api_key.delete");
    assert_eq!(event.target_metadata["api_key_id"], key.key_id.to_string());
    h.api
        .delete(&format!("/api-keys/{}", key.key_id))
        .await
        .detail(404);
    // A key's workspace and expiration cannot change: there is no operation to do it.
    for method in [
        reqwest::Method::PATCH,
        reqwest::Method::PUT,
        reqwest::Method::GET,
    ] {
        let reply = h
            .api
            .send(
                method,
                &format!("/api-keys/{}", key.key_id),
                Some(&json!({"workspace_uuid": default})),
            )
            .await;
        reply.detail(405);
    }
    h.api
        .delete(&format!("/api-keys/{}", Uuid::new_v4()))
        .await
        .detail(404);
}

#[tokio::test]
async fn a_key_needs_a_member_of_an_active_workspace_of_the_organization() {
    let h = Harness::start().await;
    let ada = h.api.create_member("ada@acme.example").await;
    let ws = h
        .api
        .create_workspace("Research", h.acme.admin_user_uuid)
        .await
        .uuid;
    let detail = h
        .api
        .post("/api-keys", json!({"workspace_uuid": ws, "user_id": ada}))
        .await
        .detail(409);
    assert!(detail.contains("not a member"), "{detail}");
    h.api
        .post(
            "/api-keys",
            json!({"workspace_uuid": ws, "user_id": Uuid::new_v4()}),
        )
        .await
        .detail(404);
    h.api
        .post(
            "/api-keys",
            json!({"workspace_uuid": Uuid::new_v4(), "user_id": ada}),
        )
        .await
        .detail(404);
    h.api
        .post("/api-keys", json!({"workspace_uuid": ws}))
        .await
        .invalid_at("body.user_id", "missing");
    h.api
        .post(
            "/api-keys",
            json!({"workspace_uuid": ws, "user_id": ada, "name": "n".repeat(256)}),
        )
        .await
        .invalid_at("body.name", "string_too_long");
    assert!(keys(&h, "").await.keys.is_empty());
}

#[tokio::test]
async fn a_key_works_until_its_expiration_date_passes() {
    let h = Harness::manual_clock().await;
    let default = h.api.default_workspace().await;
    let today = h.clock.now().date();
    let tomorrow = today + Duration::days(1);
    let created: ApiKeyOut = h
        .api
        .post(
            "/api-keys",
            json!({"workspace_uuid": default, "user_id": h.acme.admin_user_uuid, "expiration": tomorrow.to_string()}),
        )
        .await
        .typed();
    assert_eq!(created.expiration_date, Some(tomorrow));
    let client =
        crate::support::http::key_client(&h.server.origin(), created.key.as_deref().unwrap());
    client.models().await.ok();
    h.clock.advance(Duration::days(1));
    client.models().await.ok();
    h.clock.advance(Duration::days(1));
    let detail = client.models().await.detail(401);
    assert!(detail.contains("expired"), "{detail}");
    // The list says why it can no longer be rotated.
    let listed = keys(&h, "").await.keys.remove(0);
    assert_eq!(
        listed.actions.rotate,
        Some(mistral_admin::api::KeyAction::Unavailable {
            reason: Some("key_expired".into())
        })
    );
    // An expiration date must lie in the future.
    let today = h.clock.now().date();
    for date in [today, today - Duration::days(3)] {
        h.api
            .post(
                "/api-keys",
                json!({"workspace_uuid": default, "user_id": h.acme.admin_user_uuid, "expiration": date.to_string()}),
            )
            .await
            .invalid_at("body.expiration", "value_error");
    }
    h.api
        .post(
            "/api-keys",
            json!({"workspace_uuid": default, "user_id": h.acme.admin_user_uuid, "expiration": "31/12/2030"}),
        )
        .await
        .validation();
}

#[tokio::test]
async fn keys_are_stored_only_as_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let server = crate::support::local_server()
        .file(&dir.path().join("keys.sqlite"))
        .start()
        .await;
    let org = server.create_organization("Acme").await.unwrap();
    let api = crate::support::http::Api::new(&server.origin(), Some(org.admin_key.expose()));
    let default = api.default_workspace().await;
    let workspace_key = api
        .create_key(default, org.admin_user_uuid, "k")
        .await
        .key
        .unwrap();
    let console = server.issue_admin_key(org.uuid, "console").await.unwrap();
    let secrets = [
        workspace_key,
        org.admin_key.expose().to_owned(),
        console.expose().to_owned(),
    ];
    server.shutdown().await;
    let mut files = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        files += 1;
        for secret in &secrets {
            let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!found, "a key is stored in plaintext");
        }
    }
    assert!(files >= 1);
}
