//! Error shapes: `{"detail": "..."}` for 401/404/405/409/413 and FastAPI's 422 list for every
//! kind of bad input the contract names (malformed JSON, wrong types, unknown enum values,
//! missing fields, strings over their limit, bad paging, conflicting or empty role lists).

use crate::support::harness::Harness;
use crate::support::http::PREFIXES;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn unknown_paths_are_404_not_found_and_wrong_methods_405() {
    let h = Harness::start().await;
    let id = h.api.default_workspace().await;
    for api in [h.api.clone(), h.anonymous()] {
        for path in [
            "/",
            "/v1/admin",
            "/v1/admin/nope",
            "/v1/admin/user-group",
            "/v1/admin/rate-limits",
            "/v1/admin/usages",
            "/v1/admin/scim",
            "/api/admin/groups",
            "/v2/admin/users",
            "/v1/admin/workspaces/",
            "/v1/admin/x-local/nothing",
        ] {
            let url = format!("{}{path}", h.server.origin());
            let reply = api.send_url(Method::GET, &url, None).await;
            assert_eq!(reply.expect(404), json!({"detail": "Not Found"}), "{path}");
        }
    }
    for prefix in PREFIXES {
        for (method, path) in [
            (Method::PUT, "/workspaces".to_owned()),
            (Method::GET, format!("/workspaces/{id}")),
            (Method::POST, "/roles".to_owned()),
            (Method::DELETE, "/users-invite".to_owned()),
            (Method::PUT, format!("/users/{id}")),
            (Method::GET, format!("/workspaces/{id}/remove-users")),
            (Method::PATCH, "/api-keys".to_owned()),
            (Method::DELETE, "/audit-logs".to_owned()),
        ] {
            let api = h.api.clone().with_prefix(prefix);
            let reply = api.send(method.clone(), &path, None).await;
            assert_eq!(
                reply.expect(405),
                json!({"detail": "Method Not Allowed"}),
                "{method} {prefix}{path}"
            );
        }
    }
}

#[tokio::test]
async fn malformed_or_missing_bodies_are_422_at_the_body() {
    let h = Harness::start().await;
    let url = h.api.url("/workspaces");
    let json_header: &[(&str, &[u8])] = &[("content-type", b"application/json")];
    let reply = h
        .api
        .send_raw(Method::POST, &url, b"{\"name\": }".to_vec(), json_header)
        .await;
    reply.invalid_at("body.9", "json_invalid");
    for empty in [&b""[..], b"   \n"] {
        let reply = h
            .api
            .send_raw(Method::POST, &url, empty.to_vec(), json_header)
            .await;
        reply.invalid_at("body", "missing");
    }
    let reply = h
        .api
        .send_raw(Method::POST, &url, b"\xff\xfe{}".to_vec(), json_header)
        .await;
    reply.invalid_at("body.0", "json_invalid");
    h.api.post("/workspaces", json!([1, 2])).await.validation();
    h.api
        .post("/users", json!({"email": "a@b.co"}))
        .await
        .invalid_at("body", "list_type");
    h.api
        .post("/users", Value::Null)
        .await
        .invalid_at("body", "list_type");
    // Unknown fields are ignored, as pydantic does.
    let ok = h
        .api
        .post(
            "/workspaces",
            json!({"name": "Extra", "admin_user_id": h.acme.admin_user_uuid, "colour": "blue"}),
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.text);
}

#[tokio::test]
async fn wrong_types_unknown_enums_and_missing_fields_are_named() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let ws = h.api.default_workspace().await;
    let add_users = format!("/workspaces/{ws}/add-users");
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "/workspaces",
            json!({"name": 5, "admin_user_id": admin}),
            "body.name",
            "string_type",
        ),
        (
            "/workspaces",
            json!({"name": "x", "add_all_org_members": "yes", "admin_user_id": admin}),
            "body.add_all_org_members",
            "bool_type",
        ),
        (
            "/workspaces",
            json!({"name": "x", "admin_user_id": "nope"}),
            "body.admin_user_id",
            "uuid_parsing",
        ),
        (
            "/workspaces",
            json!({"name": "x"}),
            "body.admin_user_id",
            "missing",
        ),
        (
            "/users",
            json!([{"email": "a@b.co", "first_name": "A"}]),
            "body.0.last_name",
            "missing",
        ),
        (
            "/users",
            json!([{"email": "a@b.co", "first_name": "A", "last_name": "B", "role_names": ["owner"]}]),
            "body.0.role_names.0",
            "enum",
        ),
        (
            "/users",
            json!([{"email": "a@b.co", "first_name": "A", "last_name": "B", "roles": ["Z"]}]),
            "body.0.roles.0",
            "enum",
        ),
        (
            "/users",
            json!([{"email": "a@b.co", "first_name": "A", "last_name": "B", "subscription_types": ["GOLD"]}]),
            "body.0.subscription_types.0",
            "enum",
        ),
        ("/users-invite", json!({}), "body.email", "missing"),
        (
            "/users-invite",
            json!({"email": "a@b.co", "email_language": "klingon"}),
            "body.email_language",
            "enum",
        ),
        (
            "/users-invite",
            json!({"email": "a@b.co", "role": "X"}),
            "body.role",
            "enum",
        ),
        (
            "/users-invite",
            json!({"email": "a@b.co", "role_name": "boss"}),
            "body.role_name",
            "enum",
        ),
        (
            "/users-invite",
            json!({"email": "a@b.co", "role_names": "member"}),
            "body.role_names",
            "list_type",
        ),
        (
            "/users",
            json!([{"email": "a@b.co", "first_name": "A", "last_name": "B", "roles": [5]}]),
            "body.0.roles.0",
            "string_type",
        ),
        (
            "/users-invite",
            json!({"email": "a@b.co", "workspace_uuids": ["x"]}),
            "body.workspace_uuids.0",
            "uuid_parsing",
        ),
        (
            "/api-keys",
            json!({"workspace_uuid": ws, "user_id": admin, "expiration": 5}),
            "body.expiration",
            "string_type",
        ),
        (
            "/spend-limit",
            json!({"amount": 1.5}),
            "body.amount",
            "int_from_float",
        ),
        (
            &add_users,
            json!({"members": {"user_uuid": admin}}),
            "body.members",
            "list_type",
        ),
        (
            &add_users,
            json!({"members": [{"user_uuid": admin, "role_name": "boss"}]}),
            "body.members.0.role_name",
            "enum",
        ),
    ];
    for (path, body, loc, kind) in cases {
        let reply = h.api.post(path, body.clone()).await;
        assert_eq!(reply.status, 422, "{path} {body}: {}", reply.text);
        reply.invalid_at(loc, kind);
    }
    h.api
        .delete_with(&format!("/workspaces/{ws}/remove-users"), json!({}))
        .await
        .invalid_at("body.members", "missing");
    h.api
        .patch(&format!("/users/{admin}"), json!({"role_names": ["owner"]}))
        .await
        .invalid_at("body.role_names.0", "enum");
    let seats = h
        .api
        .patch(
            &format!("/users/{admin}"),
            json!({"subscription_types": ["CHAT", "API"]}),
        )
        .await;
    seats.invalid_at("body.subscription_types.1", "enum");
    // The index is a JSON integer, as FastAPI sends it, not the string "1".
    assert_eq!(
        seats.body["detail"][0]["loc"],
        json!(["body", "subscription_types", 1])
    );
    h.api
        .get("/users/abc")
        .await
        .invalid_at("path.user_id", "uuid_parsing");
    h.api
        .delete("/users-invite/123")
        .await
        .invalid_at("path.invite_uuid", "uuid_parsing");
    h.api
        .delete("/api-keys/zzz")
        .await
        .invalid_at("path.key_id", "uuid_parsing");
}

#[tokio::test]
async fn strings_over_their_limit_are_refused_counting_characters() {
    let h = Harness::start().await;
    let admin = h.acme.admin_user_uuid;
    let create = |name: String, description: String, icon: &str| json!({"name": name, "description": description, "icon": icon, "admin_user_id": admin});
    let long = "n".repeat(256);
    h.api
        .post("/workspaces", create(long.clone(), String::new(), ""))
        .await
        .invalid_at("body.name", "string_too_long");
    h.api
        .post("/workspaces", create("ok".into(), "d".repeat(256), ""))
        .await
        .invalid_at("body.description", "string_too_long");
    // Three scalars: a ZWJ sequence is one picture but three characters.
    for icon in ["abc", "👩\u{200d}💻", "★★★"] {
        h.api
            .post("/workspaces", create("ok".into(), String::new(), icon))
            .await
            .invalid_at("body.icon", "string_too_long");
    }
    // At the limits, counted in Unicode scalars rather than bytes.
    for (n, icon) in ["🔬", "ab", "e\u{301}", "🇫🇷", "★"].into_iter().enumerate() {
        let name = format!("{}{n}", "é".repeat(254));
        let made = h
            .api
            .post("/workspaces", create(name.clone(), "ü".repeat(255), icon))
            .await;
        assert_eq!(made.status, 200, "icon {icon:?}: {}", made.text);
        assert_eq!(made.body["name"], name);
        assert_eq!(made.body["icon"], icon);
    }
    let ws = h.api.workspaces("search=🔬").await;
    assert_eq!(ws.total, 0, "search looks at names only");
    let id = h.api.workspaces("page_size=100").await.items[1].uuid;
    let path = format!("/workspaces/{id}");
    h.api
        .patch(&path, json!({"name": long}))
        .await
        .invalid_at("body.name", "string_too_long");
    h.api
        .patch(&path, json!({"description": "d".repeat(256)}))
        .await
        .invalid_at("body.description", "string_too_long");
    h.api
        .patch(&path, json!({"icon": "abc"}))
        .await
        .invalid_at("body.icon", "string_too_long");
    h.api
        .post(
            "/users",
            json!([{"email": "a@b.co", "first_name": "f".repeat(256), "last_name": "B"}]),
        )
        .await
        .invalid_at("body.0.first_name", "string_too_long");
    h.api
        .post("/workspaces", create("   ".into(), String::new(), ""))
        .await
        .invalid_at("body.name", "string_too_short");
}

#[tokio::test]
async fn paging_parameters_must_be_positive_integers() {
    let h = Harness::start().await;
    for path in ["/users", "/workspaces"] {
        for (query, loc, kind) in [
            ("page=0", "query.page", "greater_than"),
            ("page=-3", "query.page", "greater_than"),
            ("page_size=0", "query.page_size", "greater_than"),
            ("page=abc", "query.page", "int_parsing"),
            ("page_size=1.5", "query.page_size", "int_parsing"),
            ("page=-99999999999999999999", "query.page", "greater_than"),
        ] {
            h.api
                .get(&format!("{path}?{query}"))
                .await
                .invalid_at(loc, kind);
        }
        let both = h
            .api
            .get(&format!("{path}?page=0&page_size=x"))
            .await
            .validation();
        assert_eq!(both.len(), 2, "every problem is listed: {both:?}");
        // A page size beyond 64 bits is a size all the same (FastAPI's integers are
        // unbounded), served as 1000; a page that far starts beyond any row: see below.
        let big = h
            .api
            .get(&format!("{path}?page_size=99999999999999999999999999"))
            .await
            .ok();
        assert_eq!(big["page_size"], json!(1000), "{big}");
    }
    h.api
        .get("/workspaces?is_archived=maybe")
        .await
        .invalid_at("query.is_archived", "bool_parsing");
    h.api
        .get("/api-keys?limit=-1")
        .await
        .invalid_at("query.limit", "greater_than_equal");
    h.api
        .get("/api-keys?offset=x")
        .await
        .invalid_at("query.offset", "int_parsing");
}

/// A page whose first row lies beyond what 64 bits can number is refused with a 422 naming
/// the last page that can be asked for, on every listing read by page; the reply never
/// claims a page other than the one asked for. The last such page is simply empty.
#[tokio::test]
async fn pages_beyond_any_row_are_refused_and_never_renumbered() {
    let h = Harness::start().await;
    let group = h.api.create_group("far").await;
    let members = format!("/user-groups/{group}/members");
    let workspaces = format!("/user-groups/{group}/workspaces");
    for path in [
        "/users",
        "/workspaces",
        "/user-groups",
        &members,
        &workspaces,
    ] {
        for page in ["9223372036854775807", "99999999999999999999999"] {
            let refused = h.api.get(&format!("{path}?page={page}")).await;
            refused.invalid_at("query.page", "less_than_equal");
            let detail = refused.body["detail"][0]["msg"]
                .as_str()
                .unwrap()
                .to_owned();
            assert_eq!(
                detail, "Input should be less than or equal to 368934881474191033",
                "{path}: the last page of 25 rows is named"
            );
        }
        let last = "9223372036854775807";
        let far = h
            .api
            .get(&format!("{path}?page={last}&page_size=1"))
            .await
            .ok();
        assert_eq!(far["page"], json!(i64::MAX), "{path}: {far}");
        let rows = if path == "/users" { "members" } else { "items" };
        let rows = if path == members { "members" } else { rows };
        assert_eq!(far[rows], json!([]), "{path}: {far}");
        h.api
            .get(&format!("{path}?page=99999999999999999999999&page_size=1"))
            .await
            .invalid_at("query.page", "less_than_equal");
    }
}

#[tokio::test]
async fn role_fields_are_exclusive_and_role_lists_not_empty() {
    let h = Harness::start().await;
    let user = h.api.create_member("ada@acme.example").await;
    let path = format!("/users/{user}");
    for body in [
        json!({"role_names": ["member"], "roles": ["M"]}),
        json!({"role_name": "member", "role": "M"}),
        json!({"role_names": ["member"], "role": "M"}),
    ] {
        h.api
            .patch(&path, body.clone())
            .await
            .invalid_at("body", "value_error");
        let mut invite = body.clone();
        invite["email"] = json!("x@example.com");
        h.api
            .post("/users-invite", invite)
            .await
            .invalid_at("body", "value_error");
        let mut entry = body;
        entry["email"] = json!("y@example.com");
        entry["first_name"] = json!("Y");
        entry["last_name"] = json!("Z");
        h.api
            .post("/users", json!([entry]))
            .await
            .invalid_at("body.0", "value_error");
    }
    for field in ["role_names", "roles"] {
        h.api
            .patch(&path, json!({field: []}))
            .await
            .invalid_at(&format!("body.{field}"), "too_short");
        h.api
            .post(
                "/users-invite",
                json!({"email": "x@example.com", field: []}),
            )
            .await
            .invalid_at(&format!("body.{field}"), "too_short");
    }
    assert_eq!(h.api.org_roles_of(user).await, ["member"]);
    assert!(
        h.api
            .get("/users-invite")
            .await
            .ok()
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_body_over_the_size_limit_is_413_with_a_detail() {
    let h = Harness::start().await;
    let body = vec![b' '; 33 * 1024 * 1024];
    let reply = h
        .api
        .send_raw(
            Method::POST,
            &h.api.url("/users"),
            body,
            &[("content-type", b"application/json")],
        )
        .await;
    reply.detail(413);
}

#[tokio::test]
async fn a_body_declared_as_something_other_than_json_is_not_parsed() {
    let h = Harness::start().await;
    let body = |n: usize| {
        format!(
            r#"{{"name":"W{n}","admin_user_id":"{}"}}"#,
            h.acme.admin_user_uuid
        )
        .into_bytes()
    };
    let url = h.api.url("/workspaces");
    for (n, content_type) in [&b"text/plain"[..], b"application/x-www-form-urlencoded"]
        .into_iter()
        .enumerate()
    {
        let reply = h
            .api
            .send_raw(
                Method::POST,
                &url,
                body(n),
                &[("content-type", content_type)],
            )
            .await;
        reply.invalid_at("body", "model_attributes_type");
    }
    let reply = h
        .api
        .send_raw(
            Method::POST,
            &h.api.url("/users"),
            b"[]".to_vec(),
            &[("content-type", b"text/plain")],
        )
        .await;
    reply.invalid_at("body", "list_type");
    assert_eq!(h.api.workspaces("").await.total, 1, "nothing was created");
    // JSON media types with parameters or a +json suffix are JSON, and so is a body without
    // any Content-Type (curl -d without the header sends a form type, which is refused above).
    for (n, content_type) in [
        &b"application/json; charset=utf-8"[..],
        b"Application/JSON",
        b"application/merge-patch+json",
    ]
    .into_iter()
    .enumerate()
    {
        let reply = h
            .api
            .send_raw(
                Method::POST,
                &url,
                body(10 + n),
                &[("content-type", content_type)],
            )
            .await;
        assert_eq!(
            reply.status,
            200,
            "{}: {}",
            String::from_utf8_lossy(content_type),
            reply.text
        );
    }
    let reply = h.api.send_raw(Method::POST, &url, body(20), &[]).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
}
