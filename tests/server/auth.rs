//! The authentication matrix: every admin route, under both prefixes, refuses a missing,
//! malformed, unknown, revoked or workspace key with 401, and answers another organization's
//! key with 404 on the first organization's ids. Also: which key works on `/v1/models`, both
//! auth headers, and conflicting headers.

use crate::support::harness::Harness;
use crate::support::http::{Api, Auth, PREFIXES};
use crate::support::routes::{self, Fixture};
use reqwest::Method;
use serde_json::json;

/// Sends `route` with the fixture's path and body through `api`.
async fn call(api: &Api, fixture: &Fixture, route: &routes::Route) -> crate::support::http::Reply {
    let path = fixture.path(route);
    api.send(route.method.clone(), &path, fixture.body(route).as_ref())
        .await
}

async fn audit_count(api: &Api) -> usize {
    api.audit("limit=1000").await.len()
}

#[tokio::test]
async fn every_admin_route_refuses_requests_without_a_valid_admin_key() {
    let h = Harness::start().await;
    let (fixture, workspace_key) = Fixture::create(&h.api, h.acme.admin_user_uuid).await;
    let revoked = h
        .server
        .issue_admin_key(h.acme.uuid, "ops script")
        .await
        .unwrap();
    assert_eq!(
        h.server
            .revoke_admin_keys(h.acme.uuid, "ops script")
            .await
            .unwrap(),
        1
    );
    let before = audit_count(&h.api).await;

    let unknown = "Zq8RkV1mN3pL5tX7wY9bC2dF4gH6jK0a".to_owned();
    let bad_keys: [(&str, Option<String>); 5] = [
        ("no key", None),
        ("malformed key", Some("not a key!".to_owned())),
        ("unknown key", Some(unknown)),
        ("workspace key", Some(workspace_key.clone())),
        ("revoked admin key", Some(revoked.expose().to_owned())),
    ];
    let mut checked = 0;
    for prefix in PREFIXES {
        for route in routes::all() {
            for (what, key) in &bad_keys {
                for auth in [Auth::Bearer, Auth::XApiKey] {
                    let api = h
                        .anonymous()
                        .with_prefix(prefix)
                        .with_key(key.as_deref())
                        .with_auth(auth);
                    let reply = call(&api, &fixture, &route).await;
                    let context = format!(
                        "{what} ({auth:?}) on {} {prefix}{}",
                        route.method, route.template
                    );
                    assert_eq!(reply.status, 401, "{context}: {}", reply.text);
                    let detail = reply.detail(401);
                    if let Some(key) = key.as_deref().filter(|k| k.len() > 8) {
                        assert!(
                            !detail.contains(key),
                            "{context}: the key leaks into the error"
                        );
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 2 * 60 * 5 * 2);
    assert_eq!(
        audit_count(&h.api).await,
        before,
        "refused requests changed nothing"
    );
    // The workspace key itself still works where it belongs.
    crate::support::http::key_client(&h.server.origin(), &workspace_key)
        .models()
        .await
        .ok();
}

#[tokio::test]
async fn another_organizations_key_gets_404_on_the_first_organizations_ids() {
    let h = Harness::start().await;
    let (fixture, _) = Fixture::create(&h.api, h.acme.admin_user_uuid).await;
    let (_, globex) = h.other_org("Globex").await;
    let acme_before = audit_count(&h.api).await;

    let mut checked = 0;
    for prefix in PREFIXES {
        for route in routes::all().iter().filter(|r| r.names_ids) {
            for auth in [Auth::Bearer, Auth::XApiKey] {
                let api = globex.clone().with_prefix(prefix).with_auth(auth);
                let reply = call(&api, &fixture, route).await;
                let context = format!("{} {prefix}{}", route.method, route.template);
                assert_eq!(reply.status, 404, "{context}: {}", reply.text);
                reply.detail(404);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 2 * 38 * 2);
    // Nothing of the first organization moved.
    assert_eq!(audit_count(&h.api).await, acme_before);
    let user = h.api.user(fixture.user).await;
    assert_eq!(h.api.org_roles_of(user.member.uuid).await, vec!["member"]);
    assert_eq!(
        h.api.workspace_roles_of(fixture.user, fixture.ws).await,
        Some(vec!["dev".to_owned()])
    );
    assert_eq!(
        h.api
            .get("/users-invite")
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let keys = h.api.get("/api-keys").await.ok();
    assert_eq!(keys["keys"][0]["key_id"], json!(fixture.key));
    let settings = h
        .api
        .get(&format!("/x-local/workspaces/{}/settings", fixture.ws))
        .await
        .ok();
    assert_eq!(settings["members_can_create_api_keys"], json!(true));
}

#[tokio::test]
async fn another_organizations_key_sees_only_its_own_data() {
    let h = Harness::start().await;
    let (fixture, _) = Fixture::create(&h.api, h.acme.admin_user_uuid).await;
    let (globex_org, globex) = h.other_org("Globex").await;
    let acme_ids = [
        h.acme.uuid,
        h.acme.admin_user_uuid,
        fixture.ws,
        fixture.user,
        fixture.invite,
        fixture.key,
        h.api.default_workspace().await,
    ];
    for path in [
        "/users",
        "/users-invite",
        "/workspaces",
        "/workspaces?is_archived=true",
        "/api-keys",
        "/spend-limit",
        "/audit-logs?limit=1000",
        "/x-local/organization",
    ] {
        let text = globex.get(path).await;
        assert_eq!(text.status, 200, "{path}: {}", text.text);
        for id in acme_ids {
            assert!(
                !text.text.contains(&id.to_string()),
                "{path} of Globex shows Acme's {id}"
            );
        }
    }
    let org = globex.get("/x-local/organization").await.ok();
    assert_eq!(org["uuid"], json!(globex_org.uuid));
    assert_eq!(org["name"], "Globex");
}

#[tokio::test]
async fn a_valid_admin_key_is_accepted_in_either_header_under_either_prefix() {
    let h = Harness::start().await;
    let key = h.acme.admin_key.expose().to_owned();
    for prefix in PREFIXES {
        for auth in [Auth::Bearer, Auth::XApiKey, Auth::Both] {
            let api = h.api_with_key(&key).with_prefix(prefix).with_auth(auth);
            for path in ["/users", "/workspaces", "/roles", "/audit-logs"] {
                let reply = api.get(path).await;
                assert_eq!(reply.status, 200, "{auth:?} {prefix}{path}: {}", reply.text);
            }
            // A change made this way is the same organization's data under the other prefix.
            let name = format!("Made via {prefix} {auth:?}");
            let created = api.create_workspace(&name, h.acme.admin_user_uuid).await;
            let seen = h.api.workspaces(&format!("search={}", created.name)).await;
            assert_eq!(seen.items.len(), 1, "{name} is visible under /v1/admin");
        }
    }
    // The scheme is case-insensitive, as HTTP says; other schemes are not a key.
    let reply = h
        .anonymous()
        .send_raw(
            Method::GET,
            &h.api.url("/roles"),
            Vec::new(),
            &[("authorization", format!("bearer {key}").as_bytes())],
        )
        .await;
    assert_eq!(reply.status, 200);
    let reply = h
        .anonymous()
        .send_raw(
            Method::GET,
            &h.api.url("/roles"),
            Vec::new(),
            &[("authorization", format!("Basic {key}").as_bytes())],
        )
        .await;
    reply.detail(401);
}

#[tokio::test]
async fn conflicting_auth_headers_are_refused() {
    let h = Harness::start().await;
    let (globex_org, _) = h.other_org("Globex").await;
    let acme_key = h.acme.admin_key.expose();
    let globex_key = globex_org.admin_key.expose();
    for prefix in PREFIXES {
        let reply = h
            .anonymous()
            .send_raw(
                Method::GET,
                &format!("{}{prefix}/workspaces", h.server.origin()),
                Vec::new(),
                &[
                    ("authorization", format!("Bearer {acme_key}").as_bytes()),
                    ("x-api-key", globex_key.as_bytes()),
                ],
            )
            .await;
        let detail = reply.detail(401);
        assert!(!detail.contains(acme_key) && !detail.contains(globex_key));
    }
    // A valid key next to garbage in the other header is refused too.
    let reply = h
        .anonymous()
        .send_raw(
            Method::GET,
            &h.api.url("/workspaces"),
            Vec::new(),
            &[
                ("authorization", format!("Bearer {acme_key}").as_bytes()),
                ("x-api-key", b"garbage"),
            ],
        )
        .await;
    reply.detail(401);
}

#[tokio::test]
async fn repeated_auth_headers_must_agree() {
    let h = Harness::start().await;
    let (globex_org, _) = h.other_org("Globex").await;
    let acme = h.acme.admin_key.expose();
    let globex = globex_org.admin_key.expose();
    let bearer = |key: &str| format!("Bearer {key}").into_bytes();
    let send = |headers: Vec<(&'static str, Vec<u8>)>| {
        let api = h.anonymous();
        let url = h.api.url("/workspaces");
        async move {
            let headers: Vec<(&str, &[u8])> =
                headers.iter().map(|(n, v)| (*n, v.as_slice())).collect();
            api.send_raw(Method::GET, &url, Vec::new(), &headers).await
        }
    };
    for different in [
        vec![("x-api-key", acme.into()), ("x-api-key", globex.into())],
        vec![("x-api-key", globex.into()), ("x-api-key", acme.into())],
        vec![
            ("authorization", bearer(acme)),
            ("authorization", bearer(globex)),
        ],
        vec![
            ("authorization", bearer(acme)),
            ("authorization", b"Basic eDp5".to_vec()),
        ],
        vec![("x-api-key", acme.into()), ("x-api-key", b"".to_vec())],
    ] {
        let reply = send(different).await;
        let detail = reply.detail(401);
        assert!(detail.contains("Several"), "{detail}");
        assert!(
            !detail.contains(acme) && !detail.contains(globex),
            "{detail}"
        );
    }
    // The same key sent twice, or in both headers twice, is still the caller's one key.
    for same in [
        vec![("x-api-key", acme.into()), ("x-api-key", acme.into())],
        vec![
            ("authorization", bearer(acme)),
            ("authorization", bearer(acme)),
        ],
        vec![
            ("authorization", bearer(acme)),
            ("x-api-key", acme.into()),
            ("x-api-key", acme.into()),
        ],
    ] {
        let reply = send(same).await;
        assert_eq!(reply.status, 200, "{}", reply.text);
    }
    // `/v1/models` reads its key the same way.
    let models = format!("{}/v1/models", h.server.origin());
    let reply = h
        .anonymous()
        .send_raw(
            Method::GET,
            &models,
            Vec::new(),
            &[
                ("x-api-key", acme.as_bytes()),
                ("x-api-key", globex.as_bytes()),
            ],
        )
        .await;
    assert!(reply.detail(401).contains("Several"));
}

#[tokio::test]
async fn reissuing_an_admin_key_label_revokes_the_previous_key() {
    let h = Harness::start().await;
    let first = h
        .server
        .issue_admin_key(h.acme.uuid, "ops script")
        .await
        .unwrap();
    h.api_with_key(first.expose()).get("/roles").await.ok();
    let second = h
        .server
        .issue_admin_key(h.acme.uuid, "ops script")
        .await
        .unwrap();
    let detail = h
        .api_with_key(first.expose())
        .get("/roles")
        .await
        .detail(401);
    assert!(detail.to_lowercase().contains("revoked"), "{detail}");
    h.api_with_key(second.expose()).get("/roles").await.ok();
    // Keys with other labels are untouched.
    h.api.get("/roles").await.ok();
    let events = h.api.audit("target_type=ADMIN_API_KEY&limit=100").await;
    assert!(
        events
            .iter()
            .any(|e| e.event_type == "admin_api_key.delete")
    );
    assert!(
        events
            .iter()
            .filter(|e| e.event_type == "admin_api_key.created")
            .count()
            >= 3
    );
}

#[tokio::test]
async fn models_accepts_workspace_keys_only() {
    let h = Harness::start().await;
    let (fixture, workspace_key) = Fixture::create(&h.api, h.acme.admin_user_uuid).await;
    let origin = h.server.origin();
    for auth in [Auth::Bearer, Auth::XApiKey, Auth::Both] {
        let list = crate::support::http::key_client(&origin, &workspace_key)
            .with_auth(auth)
            .models()
            .await
            .ok();
        assert_eq!(list["object"], "list");
        assert!(!list["data"].as_array().unwrap().is_empty());
    }
    let admin = h.api.models().await;
    let detail = admin.detail(401);
    assert!(detail.contains("Admin API key"), "{detail}");
    h.anonymous().models().await.detail(401);
    crate::support::http::key_client(&origin, "Zq8RkV1mN3pL5tX7wY9bC2dF4gH6jK0a")
        .models()
        .await
        .detail(401);
    // After deletion, the key is unknown everywhere.
    h.api
        .delete(&format!("/api-keys/{}", fixture.key))
        .await
        .ok();
    crate::support::http::key_client(&origin, &workspace_key)
        .models()
        .await
        .detail(401);
}

#[tokio::test]
async fn a_foreign_id_is_answered_exactly_like_an_id_that_does_not_exist() {
    let h = Harness::start().await;
    let (fixture, _) = Fixture::create(&h.api, h.acme.admin_user_uuid).await;
    let (_, globex) = h.other_org("Globex").await;
    let nowhere = Fixture {
        ws: uuid::Uuid::new_v4(),
        user: uuid::Uuid::new_v4(),
        invite: uuid::Uuid::new_v4(),
        key: uuid::Uuid::new_v4(),
        group: uuid::Uuid::new_v4(),
        other_group: uuid::Uuid::new_v4(),
        run: uuid::Uuid::new_v4(),
        scim_user: uuid::Uuid::new_v4(),
        scim_group: uuid::Uuid::new_v4(),
    };
    let without_ids = |text: &str, f: &Fixture| {
        f.ids()
            .iter()
            .fold(text.to_owned(), |t, id| t.replace(&id.to_string(), "<id>"))
    };
    for route in routes::all().iter().filter(|r| r.names_ids) {
        let foreign = call(&globex, &fixture, route).await;
        let missing = call(&globex, &nowhere, route).await;
        assert_eq!(
            (foreign.status, without_ids(&foreign.text, &fixture)),
            (missing.status, without_ids(&missing.text, &nowhere)),
            "{} {}",
            route.method,
            route.template
        );
    }
}

#[tokio::test]
async fn session_keys_open_only_their_organization_coexist_and_are_never_stored() {
    let h = Harness::start().await;
    let (globex, _) = h.other_org("Globex").await;
    let before = h
        .api
        .audit("target_type=ADMIN_API_KEY&limit=100")
        .await
        .len();
    let first = h
        .server
        .session_admin_key(h.acme.uuid, "mistral-admin console")
        .await
        .unwrap();
    let second = h
        .server
        .session_admin_key(h.acme.uuid, "mistral-admin console")
        .await
        .unwrap();
    // Two consoles on one database: neither key displaces the other.
    for key in [&first, &second] {
        h.api_with_key(key.expose()).get("/roles").await.ok();
    }
    // A session key acts for its organization only, and its changes are attributed to it.
    let foreign_workspace = {
        let api = h.api_with_key(globex.admin_key.expose());
        api.workspaces("").await.items[0].uuid
    };
    h.api_with_key(first.expose())
        .patch(
            &format!("/workspaces/{foreign_workspace}"),
            serde_json::json!({"name": "x"}),
        )
        .await
        .detail(404);
    let session = h.api_with_key(first.expose());
    let space = session
        .create_workspace("Made by the console", h.acme.admin_user_uuid)
        .await;
    let made = h.api.audit("event_type=workspace.create&limit=1").await;
    assert_eq!(
        made[0].target_metadata["workspace_uuid"],
        space.uuid.to_string()
    );
    assert_eq!(
        made[0].actor_metadata["api_key_name"],
        "mistral-admin console"
    );
    // Nothing about session keys reaches the database or its audit log of admin keys.
    assert_eq!(
        h.api
            .audit("target_type=ADMIN_API_KEY&limit=100")
            .await
            .len(),
        before
    );
    let unknown = h.server.session_admin_key(uuid::Uuid::new_v4(), "x").await;
    assert!(unknown.is_err());
}

/// The route table the matrix walks holds every admin operation of the contract (47), besides
/// the local extensions, so the matrix above covers all of them.
#[test]
fn the_route_table_holds_the_contracts_47_operations() {
    let mut operations: Vec<(String, String)> = routes::all()
        .iter()
        .filter(|r| !r.operation.is_extension())
        .map(|r| (r.method.to_string(), r.operation.template().to_owned()))
        .collect();
    operations.sort();
    operations.dedup();
    assert_eq!(operations.len(), 47, "{operations:#?}");
}
