//! Throws several hundred malformed requests at every admin route (random JSON values, valid
//! bodies with a field replaced or removed, deep nesting, raw bytes, odd query strings, bad
//! path ids, odd headers) and checks that nothing is ever a 5xx and that every 4xx carries a
//! `detail` in the FastAPI shape. The generator is seeded, so a failure can be replayed.

use crate::support::contract;
use crate::support::harness::Harness;
use crate::support::http::{Api, PREFIXES, Reply};
use crate::support::routes::{self, Fixture};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::Method;
use serde_json::{Map, Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The default seed; `SERVER_FUZZ_SEED=<n>` explores (or replays) another sequence.
fn seed() -> u64 {
    std::env::var("SERVER_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_f00d)
}

const FIELDS: &[&str] = &[
    "name",
    "description",
    "icon",
    "admin_user_id",
    "add_all_org_members",
    "members",
    "user_uuid",
    "role_names",
    "roles",
    "role_name",
    "role",
    "email",
    "first_name",
    "last_name",
    "subscription_types",
    "subscription_type",
    "workspace_uuids",
    "email_language",
    "amount",
    "no_monthly_limit",
    "workspace_uuid",
    "user_id",
    "expiration",
    "monthly_spend_cap",
    "members_can_create_api_keys",
    "user_uuids",
    "child_group_uuids",
    "parent_group_ids",
    "target_type",
    "organization_role",
    "user_group_uuid",
    "workspace_role",
    "workspace_role_name",
    "dry_run",
    "sync_config",
    "sync_users",
    "sync_groups",
    "sync_memberships",
    "deprovision_users",
    "delete_missing_groups",
    "reachable",
    "userName",
    "givenName",
    "familyName",
    "active",
    "displayName",
];

fn odd_string(rng: &mut StdRng) -> String {
    let choices: [&dyn Fn(&mut StdRng) -> String; 20] = [
        &|_| String::new(),
        &|_| " \n\t ".into(),
        &|_| "a".repeat(100_000),
        &|_| "é".repeat(300),
        &|_| "\u{0}nul".into(),
        &|_| "👩\u{200d}💻🔬".into(),
        &|_| "A".into(),
        &|_| "M".into(),
        &|_| "owner".into(),
        &|_| "workspace_admin".into(),
        &|_| uuid::Uuid::new_v4().to_string(),
        &|_| "0d48f530-095c-43fe-8aea-6673bcacabe6".into(),
        &|_| "not-a-uuid".into(),
        &|_| "2026-13-45".into(),
        &|_| "ada@acme.example, bad, \n x@y.z".into(),
        &|_| "'; DROP TABLE users; --".into(),
        &|_| "%s%n%x{}".into(),
        &|_| "../../etc/passwd".into(),
        &|rng| {
            (0..rng.random_range(1..40))
                .map(|_| rng.random::<char>())
                .collect()
        },
        &|rng| format!("{}", rng.random::<i64>()),
    ];
    let pick = rng.random_range(0..choices.len());
    choices[pick](rng)
}

fn random_value(rng: &mut StdRng, depth: u32) -> Value {
    match rng.random_range(0..10) {
        0 => Value::Null,
        1 => json!(rng.random::<bool>()),
        2 => {
            json!([0i64, -1, 1, i64::MAX, i64::MIN, 9_007_199_254_740_993][rng.random_range(0..6)])
        }
        3 => json!([1.5f64, -0.0, 1e308, -2.5e-300][rng.random_range(0..4)]),
        5 | 6 if depth < 4 => Value::Array(
            (0..rng.random_range(0..4))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        7 | 8 if depth < 4 => {
            let mut map = Map::new();
            for _ in 0..rng.random_range(0..5) {
                let key = if rng.random_bool(0.7) {
                    FIELDS[rng.random_range(0..FIELDS.len())].to_owned()
                } else {
                    odd_string(rng)
                };
                map.insert(key, random_value(rng, depth + 1));
            }
            Value::Object(map)
        }
        _ => Value::String(odd_string(rng)),
    }
}

/// A valid body with one value replaced or removed, at the top or one level down.
fn mutate(rng: &mut StdRng, mut body: Value) -> Value {
    let target = match &mut body {
        Value::Array(items) if !items.is_empty() => &mut items[0],
        other => other,
    };
    let target = match target.get_mut("members") {
        Some(Value::Array(items)) if !items.is_empty() && rng.random_bool(0.5) => &mut items[0],
        _ => target,
    };
    if let Value::Object(map) = target {
        let keys: Vec<String> = map.keys().cloned().collect();
        if let Some(key) = keys.get(rng.random_range(0..keys.len().max(1))) {
            if rng.random_bool(0.3) {
                map.remove(key);
            } else {
                map.insert(key.clone(), random_value(rng, 2));
            }
        }
    }
    body
}

fn raw_body(rng: &mut StdRng, valid: &Option<Value>) -> Vec<u8> {
    match rng.random_range(0..5) {
        0 => (0..rng.random_range(1..64))
            .map(|_| rng.random::<u8>())
            .collect(),
        1 => {
            let text = valid
                .as_ref()
                .map(Value::to_string)
                .unwrap_or_else(|| "{}".into());
            text.as_bytes()[..text.len() / 2].to_vec()
        }
        2 => format!("{}1{}", "[".repeat(300), "]".repeat(300)).into_bytes(),
        3 => b"{\"name\": \"\xff\xfe\"}".to_vec(),
        _ => b"name=x&admin_user_id=y".to_vec(),
    }
}

fn odd_query(rng: &mut StdRng) -> String {
    let names = [
        "page",
        "page_size",
        "limit",
        "offset",
        "is_archived",
        "search",
        "email",
        "name",
        "event_type",
        "actor_type",
        "target_type",
        "sort",
        "after",
        "before",
        "actor_user_uuid",
        "month",
        "year",
        "workspace_id",
        "api_zone",
        "start_time",
        "end_time",
        "granularity",
    ];
    let values = [
        "0",
        "-1",
        "1e3",
        "%FF%FE",
        "%00",
        "abc",
        "99999999999999999999",
        "",
        "true",
        "%E2%82",
        "2026-01-01T00:00:00",
        "+",
        "%2B",
        "a%20b",
        "workspace.create",
        "HUMAN",
    ];
    (0..rng.random_range(1..5))
        .map(|_| {
            let name = names[rng.random_range(0..names.len())];
            let value = if rng.random_bool(0.15) {
                "x".repeat(5000)
            } else {
                values[rng.random_range(0..values.len())].to_owned()
            };
            format!("{name}={value}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

const ODD_IDS: &[&str] = &[
    "",
    "%FF%FE",
    "%00",
    "not-a-uuid",
    "%2F",
    "..%2F..",
    "{8f1c}",
    "%C3%28",
    "%E2%98%83",
    "00000000-0000-0000-0000-000000000000",
    "8F1C6C39-2D34-4A7B-9D5E-4C5B3E2A1F00",
];

#[track_caller]
fn assert_sane(reply: &Reply, context: &str) {
    assert!(
        reply.status < 500,
        "{context}: {} {}",
        reply.status,
        reply.text
    );
    if !(400..500).contains(&reply.status) {
        return;
    }
    let detail = reply
        .body
        .get("detail")
        .unwrap_or_else(|| panic!("{context}: {} without detail: {}", reply.status, reply.text));
    match detail {
        Value::String(s) => assert!(!s.is_empty(), "{context}"),
        Value::Array(items) => {
            assert_eq!(reply.status, 422, "{context}: a list detail is a 422");
            assert!(!items.is_empty(), "{context}");
            contract::check("ValidationError", detail);
        }
        other => panic!("{context}: detail {other} is neither text nor a list"),
    }
}

async fn send(api: &Api, method: &Method, url: &str, body: Vec<u8>, content_type: &[u8]) -> Reply {
    api.send_raw(method.clone(), url, body, &[("content-type", content_type)])
        .await
}

#[tokio::test]
async fn no_malformed_request_yields_a_5xx_or_an_error_without_detail() {
    let h = Harness::start().await;
    let (fixture, _) = Fixture::create(&h.api, h.acme.admin_user_uuid).await;
    let seed = seed();
    let mut rng = StdRng::seed_from_u64(seed);
    let content_types: [&[u8]; 4] = [
        b"application/json",
        b"text/plain",
        b"application/json; charset=latin1",
        b"application/x-www-form-urlencoded",
    ];
    let mut sent = 0;
    for prefix in PREFIXES {
        let api = h.api.clone().with_prefix(prefix);
        for route in routes::all() {
            let valid = fixture.body(&route);
            let path = fixture.path(&route);
            let context =
                |what: &str| format!("seed {seed}: {} {prefix}{path} {what}", route.method);
            for _ in 0..6 {
                let body = random_value(&mut rng, 0);
                let ct = content_types[rng.random_range(0..content_types.len())];
                let reply = send(
                    &api,
                    &route.method,
                    &api.url(&path),
                    body.to_string().into_bytes(),
                    ct,
                )
                .await;
                assert_sane(&reply, &context(&format!("random {body:.200}")));
                sent += 1;
            }
            if let Some(valid) = &valid {
                for _ in 0..5 {
                    let body = mutate(&mut rng, valid.clone());
                    let reply = api.send(route.method.clone(), &path, Some(&body)).await;
                    assert_sane(&reply, &context(&format!("mutated {body:.200}")));
                    sent += 1;
                }
            }
            let bytes = raw_body(&mut rng, &valid);
            let reply = send(
                &api,
                &route.method,
                &api.url(&path),
                bytes,
                b"application/json",
            )
            .await;
            assert_sane(&reply, &context("raw bytes"));
            let query = odd_query(&mut rng);
            let reply = api
                .send(
                    route.method.clone(),
                    &format!("{path}?{query}"),
                    valid.as_ref(),
                )
                .await;
            assert_sane(&reply, &context(&format!("query {query:.200}")));
            sent += 2;
            if route.template.contains('{') {
                for _ in 0..2 {
                    let id = ODD_IDS[rng.random_range(0..ODD_IDS.len())];
                    let odd_path = route.template.split('{').next().unwrap().to_owned()
                        + id
                        + route.template.split('}').nth(1).unwrap_or("");
                    let reply = api
                        .send(route.method.clone(), &odd_path, valid.as_ref())
                        .await;
                    assert_sane(&reply, &context(&format!("id {id:?}")));
                    sent += 1;
                }
            }
        }
    }
    println!("sent {sent} malformed requests");
    assert!(sent > 500);
    // The server is still healthy and still guards its rules.
    h.api.get("/roles").await.ok();
    h.api.get("/audit-logs?limit=1000").await.ok();
}

#[tokio::test]
async fn odd_headers_never_yield_a_5xx() {
    let h = Harness::start().await;
    let key = h.acme.admin_key.expose().to_owned();
    let url = h.api.url("/workspaces");
    let long_key = "k".repeat(300);
    let headers: Vec<Vec<(&str, Vec<u8>)>> = vec![
        vec![("authorization", b"Bearer".to_vec())],
        vec![("authorization", b"Bearer ".to_vec())],
        vec![("authorization", format!("Bearer  {key}  ").into_bytes())],
        vec![("authorization", b"Bearer \xff\xfe".to_vec())],
        vec![("x-api-key", b"\xe9t\xe9".to_vec())],
        vec![("x-api-key", long_key.into_bytes())],
        vec![("x-api-key", b"".to_vec())],
        vec![("authorization", format!("Token {key}").into_bytes())],
        vec![
            ("x-api-key", key.clone().into_bytes()),
            ("authorization", b"Basic Zm9vOmJhcg==".to_vec()),
        ],
        vec![
            ("x-api-key", key.clone().into_bytes()),
            ("accept", b"text/html".to_vec()),
        ],
        vec![
            ("x-api-key", key.clone().into_bytes()),
            ("content-type", b"\xff".to_vec()),
        ],
    ];
    for set in headers {
        let refs: Vec<(&str, &[u8])> = set.iter().map(|(n, v)| (*n, v.as_slice())).collect();
        for method in [Method::GET, Method::POST] {
            let reply = h
                .anonymous()
                .send_raw(method.clone(), &url, b"{}".to_vec(), &refs)
                .await;
            assert_sane(&reply, &format!("{method} with {set:?}"));
        }
    }
}

#[tokio::test]
async fn invalid_utf8_in_paths_is_refused_without_a_5xx() {
    let h = Harness::start().await;
    // Percent-encoded, it reaches the application: a 422 at the path.
    for path in [
        "/users/%FF%FE",
        "/workspaces/%C3%28/add-users",
        "/x-local/workspaces/%80/settings",
    ] {
        let reply = h.api.get(path).await;
        assert_sane(&reply, path);
        assert!(
            matches!(reply.status, 404 | 405 | 422),
            "{path}: {}",
            reply.text
        );
    }
    h.api
        .get("/users/%FF%FE")
        .await
        .invalid_at("path", "string_type");
    // As raw bytes the request line is not HTTP at all: hyper refuses it with a bare 400
    // before the application sees it. What matters here is that it is not a 5xx.
    let key = h.acme.admin_key.expose();
    for path in [
        &b"/v1/admin/users/\xff\xfe"[..],
        b"/v1/admin/workspaces?search=\xff",
        b"/v1/admin/\x01",
    ] {
        let mut stream = tokio::net::TcpStream::connect(h.server.addr())
            .await
            .unwrap();
        let mut request = b"GET ".to_vec();
        request.extend_from_slice(path);
        request.extend_from_slice(
            format!(" HTTP/1.1\r\nHost: test\r\nConnection: close\r\nx-api-key: {key}\r\n\r\n")
                .as_bytes(),
        );
        stream.write_all(&request).await.unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await.unwrap();
        let head = String::from_utf8_lossy(&response);
        assert!(
            head.starts_with("HTTP/1.1 400"),
            "{}: {head}",
            String::from_utf8_lossy(path)
        );
    }
    h.api.get("/roles").await.ok();
}
