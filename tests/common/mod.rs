//! Shared harness for the server tests: a fresh in-memory `LocalServer`, organizations with
//! their admin keys, and a small HTTP helper that sends a key the way a client would and hands
//! back the status with the parsed JSON body.
#![allow(dead_code)]

pub mod contract;
pub mod contract_enums;
pub mod contract_schemas;
pub mod contract_schemas_groups;
pub mod contract_schemas_usage;
pub mod contract_schemas_vibe;
pub mod routes;
pub mod serve;

use mistral_admin::api::{
    AdminUserOut, ApiKeyOut, AuditLogOut, RolesOut, WorkspaceEnrichedOut, WorkspacesOut,
};
use mistral_admin::server::{
    Clock, Database, LocalServer, Seed, SeededOrganization, ServerOptions,
};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use time::OffsetDateTime;
use uuid::Uuid;

/// A server with one fresh organization, "Acme", and a client holding its admin key.
pub struct Harness {
    pub server: LocalServer,
    pub acme: SeededOrganization,
    pub api: Api,
    pub clock: Clock,
}

impl Harness {
    pub async fn start() -> Self {
        Self::with_clock(Clock::system()).await
    }

    /// A harness whose time only moves when the test calls `clock.advance(..)`.
    pub async fn manual_clock() -> Self {
        let start = OffsetDateTime::from_unix_timestamp(1_780_000_000).expect("valid instant");
        Self::with_clock(Clock::manual(start)).await
    }

    pub async fn with_clock(clock: Clock) -> Self {
        let server = LocalServer::start(ServerOptions {
            database: Database::Memory,
            seed: Seed::None,
            clock: clock.clone(),
            ..Default::default()
        })
        .await
        .expect("server starts");
        let acme = server
            .create_organization("Acme")
            .await
            .expect("organization is created");
        let api = Api::new(&server.origin(), Some(acme.admin_key.expose()));
        Self {
            server,
            acme,
            api,
            clock,
        }
    }

    /// Another organization on the same server, with a client holding its own admin key.
    pub async fn other_org(&self, name: &str) -> (SeededOrganization, Api) {
        let org = self
            .server
            .create_organization(name)
            .await
            .expect("organization is created");
        let api = self.api_with_key(org.admin_key.expose());
        (org, api)
    }

    /// A client with another key; it shares the harness's connection pool.
    pub fn api_with_key(&self, key: &str) -> Api {
        self.api.clone().with_key(Some(key))
    }

    pub fn anonymous(&self) -> Api {
        self.api.clone().with_key(None)
    }
}

/// How the key travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    Bearer,
    XApiKey,
    /// Both headers, carrying the same key.
    Both,
}

pub const PREFIXES: [&str; 2] = ["/v1/admin", "/api/admin"];

/// A small client for one base URL and one key.
#[derive(Clone)]
pub struct Api {
    http: reqwest::Client,
    pub origin: String,
    pub prefix: &'static str,
    pub key: Option<String>,
    pub auth: Auth,
}

/// What came back: the status, the raw text and the body parsed as JSON (`Null` when empty).
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub text: String,
    pub content_type: Option<String>,
    pub headers: reqwest::header::HeaderMap,
}

impl Api {
    pub fn new(origin: &str, key: Option<&str>) -> Self {
        Self {
            http: reqwest::Client::new(),
            origin: origin.to_owned(),
            prefix: PREFIXES[0],
            key: key.map(str::to_owned),
            auth: Auth::Bearer,
        }
    }

    pub fn with_auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    pub fn with_prefix(mut self, prefix: &'static str) -> Self {
        self.prefix = prefix;
        self
    }

    /// The same client aimed at another server (`http://127.0.0.1:PORT`).
    pub fn with_origin(mut self, origin: &str) -> Self {
        self.origin = origin.to_owned();
        self
    }

    pub fn with_key(mut self, key: Option<&str>) -> Self {
        self.key = key.map(str::to_owned);
        self
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.origin, self.prefix, path)
    }

    fn authorize(&self, mut request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        if let Some(key) = &self.key {
            if matches!(self.auth, Auth::Bearer | Auth::Both) {
                request = request.header("Authorization", format!("Bearer {key}"));
            }
            if matches!(self.auth, Auth::XApiKey | Auth::Both) {
                request = request.header("x-api-key", key);
            }
        }
        request
    }

    /// Sends to `path` under the admin prefix.
    pub async fn send(&self, method: Method, path: &str, body: Option<&Value>) -> Reply {
        self.send_url(method, &self.url(path), body).await
    }

    /// Sends to a full URL (for `/v1/models` and paths outside the prefix).
    pub async fn send_url(&self, method: Method, url: &str, body: Option<&Value>) -> Reply {
        let mut request = self.authorize(self.http.request(method, url));
        if let Some(body) = body {
            request = request.json(body);
        }
        Reply::from(request.send().await.expect("request reaches the server")).await
    }

    /// Sends raw bytes as the body, with extra headers, for malformed input.
    pub async fn send_raw(
        &self,
        method: Method,
        url: &str,
        body: Vec<u8>,
        headers: &[(&str, &[u8])],
    ) -> Reply {
        let mut request = self.authorize(self.http.request(method, url)).body(body);
        for (name, value) in headers {
            let value = reqwest::header::HeaderValue::from_bytes(value).expect("header value");
            request = request.header(*name, value);
        }
        Reply::from(request.send().await.expect("request reaches the server")).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(Method::POST, path, Some(&body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> Reply {
        self.send(Method::PATCH, path, Some(&body)).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.send(Method::DELETE, path, None).await
    }

    pub async fn delete_with(&self, path: &str, body: Value) -> Reply {
        self.send(Method::DELETE, path, Some(&body)).await
    }

    /// `GET /v1/models` with this client's key.
    pub async fn models(&self) -> Reply {
        let url = format!("{}/v1/models", self.origin);
        self.send_url(Method::GET, &url, None).await
    }
}

impl Reply {
    async fn from(response: reqwest::Response) -> Self {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let text = response.text().await.expect("response body is readable");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text.clone()))
        };
        Self {
            status,
            body,
            text,
            content_type,
            headers,
        }
    }

    /// A response header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body, after checking the status.
    #[track_caller]
    pub fn expect(&self, status: u16) -> Value {
        assert_eq!(
            self.status, status,
            "expected {status}, got {} with body {}",
            self.status, self.text
        );
        self.body.clone()
    }

    #[track_caller]
    pub fn ok(&self) -> Value {
        self.expect(200)
    }

    /// The body as a contract type, after checking for 200.
    #[track_caller]
    pub fn typed<T: DeserializeOwned>(&self) -> T {
        let body = self.ok();
        serde_json::from_value(body).unwrap_or_else(|e| panic!("undecodable {}: {e}", self.text))
    }

    /// The `detail` message of a 401/404/409, after checking the status and the shape.
    #[track_caller]
    pub fn detail(&self, status: u16) -> String {
        let body = self.expect(status);
        let object = body.as_object().expect("error body is an object");
        assert_eq!(object.len(), 1, "error body has only `detail`: {body}");
        let detail = object["detail"].as_str().expect("detail is a string");
        assert!(!detail.is_empty(), "detail is not empty");
        detail.to_owned()
    }

    /// The `(loc joined with '.', type)` pairs of a 422, after checking its shape. A list index
    /// is an integer in FastAPI's `loc`; a string item that merely looks like one is shown
    /// quoted (`body.items."0"`), so `invalid_at("body.items.0", ..)` accepts only the integer.
    #[track_caller]
    pub fn validation(&self) -> Vec<(String, String)> {
        let body = self.expect(422);
        assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
        let items = body["detail"].as_array().expect("422 detail is a list");
        assert!(!items.is_empty(), "422 lists at least one problem");
        items
            .iter()
            .map(|item| {
                contract::check_object("ValidationError", item);
                let loc = item["loc"]
                    .as_array()
                    .expect("loc is a list")
                    .iter()
                    .map(|part| match part {
                        Value::String(s) if s.parse::<i64>().is_ok() => format!("{s:?}"),
                        Value::String(s) => s.clone(),
                        Value::Number(n) => n.to_string(),
                        other => panic!("loc item {other} is neither string nor integer"),
                    })
                    .collect::<Vec<_>>()
                    .join(".");
                let kind = item["type"].as_str().expect("type is a string").to_owned();
                assert!(item["msg"].as_str().is_some_and(|m| !m.is_empty()));
                (loc, kind)
            })
            .collect()
    }

    /// Asserts a 422 that names `loc` with error type `kind`.
    #[track_caller]
    pub fn invalid_at(&self, loc: &str, kind: &str) {
        let problems = self.validation();
        assert!(
            problems.iter().any(|(l, k)| l == loc && k == kind),
            "expected a 422 at {loc} of type {kind}, got {problems:?}"
        );
    }
}

/// Domain shortcuts: each one makes a request the tests would otherwise repeat, and checks
/// that it succeeded.
impl Api {
    /// Creates one member with the given organization role names; returns the user's id.
    pub async fn create_user(&self, email: &str, roles: &[&str]) -> Uuid {
        let mut entry = json!({"email": email, "first_name": "Test", "last_name": "Person"});
        if !roles.is_empty() {
            entry["role_names"] = json!(roles);
        }
        let body = self.post("/users", json!([entry])).await.ok();
        let id = body["email_to_user_id"][email]
            .as_str()
            .unwrap_or_else(|| panic!("{email} was not created: {body}"));
        id.parse().expect("user id is a UUID")
    }

    pub async fn create_member(&self, email: &str) -> Uuid {
        self.create_user(email, &[]).await
    }

    pub async fn create_workspace(&self, name: &str, admin: Uuid) -> WorkspaceEnrichedOut {
        self.post("/workspaces", json!({"name": name, "admin_user_id": admin}))
            .await
            .typed()
    }

    pub async fn workspaces(&self, query: &str) -> WorkspacesOut {
        self.get(&format!("/workspaces?{query}")).await.typed()
    }

    pub async fn default_workspace(&self) -> Uuid {
        let list = self.workspaces("").await;
        list.items
            .iter()
            .find(|w| w.is_default)
            .expect("the organization has a default workspace")
            .uuid
    }

    /// Adds members to a workspace with role names (empty: the server's default role).
    pub async fn add_members(&self, workspace: Uuid, members: &[(Uuid, &[&str])]) -> Value {
        let members: Vec<Value> = members
            .iter()
            .map(|(user, roles)| {
                let mut entry = json!({"user_uuid": user});
                if !roles.is_empty() {
                    entry["role_names"] = json!(roles);
                }
                entry
            })
            .collect();
        self.post(
            &format!("/workspaces/{workspace}/add-users"),
            json!({"members": members}),
        )
        .await
        .ok()
    }

    /// Creates a workspace API key for `owner`; returns the response with its plaintext.
    pub async fn create_key(&self, workspace: Uuid, owner: Uuid, name: &str) -> ApiKeyOut {
        self.post(
            "/api-keys",
            json!({"name": name, "workspace_uuid": workspace, "user_id": owner}),
        )
        .await
        .typed()
    }

    /// Creates a user group with only a name; returns its id.
    pub async fn create_group(&self, name: &str) -> Uuid {
        let body = self.post("/user-groups", json!({"name": name})).await.ok();
        body["uuid"]
            .as_str()
            .unwrap_or_else(|| panic!("group {name} was not created: {body}"))
            .parse()
            .expect("group id is a UUID")
    }

    pub async fn user(&self, id: Uuid) -> AdminUserOut {
        self.get(&format!("/users/{id}")).await.typed()
    }

    pub async fn roles(&self) -> RolesOut {
        self.get("/roles").await.typed()
    }

    /// The names of the roles `user` holds in `workspace`, or `None` when not a member.
    pub async fn workspace_roles_of(&self, user: Uuid, workspace: Uuid) -> Option<Vec<String>> {
        let roles = self.roles().await;
        let info = self.user(user).await.workspaces.unwrap_or_default();
        let entry = info.into_iter().find(|w| w.uuid == workspace)?;
        Some(
            entry
                .raw_roles
                .iter()
                .map(|value| {
                    roles
                        .workspace_role(value)
                        .unwrap_or_else(|| panic!("{value} is not in GET /roles"))
                        .name
                        .clone()
                })
                .collect(),
        )
    }

    /// The names of a member's organization roles, resolved through `GET /roles`.
    pub async fn org_roles_of(&self, user: Uuid) -> Vec<String> {
        let roles = self.roles().await;
        self.user(user)
            .await
            .raw_roles
            .iter()
            .map(|value| {
                roles
                    .organization_role(value)
                    .unwrap_or_else(|| panic!("{value} is not in GET /roles"))
                    .name
                    .clone()
            })
            .collect()
    }

    pub async fn audit(&self, query: &str) -> Vec<AuditLogOut> {
        self.get(&format!("/audit-logs?{query}")).await.typed()
    }

    /// The newest audit entry.
    pub async fn last_event(&self) -> AuditLogOut {
        self.audit("limit=1").await.remove(0)
    }

    pub async fn member_count(&self, workspace: Uuid, archived: bool) -> i64 {
        let list = self
            .workspaces(&format!("is_archived={archived}&page_size=1000"))
            .await;
        list.items
            .iter()
            .find(|w| w.uuid == workspace)
            .and_then(|w| w.members_count)
            .expect("workspace is listed with a member count")
    }
}

/// A client that sends `key` to `/v1/models` as a bearer token.
pub fn key_client(origin: &str, key: &str) -> Api {
    Api::new(origin, Some(key))
}
