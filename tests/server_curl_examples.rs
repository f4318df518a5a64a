//! The documentation's own curl examples for workspaces, members and users, run unchanged with
//! the real `curl` binary against `mistral-admin serve` (only the base URL is swapped), under
//! both path prefixes and with both auth headers.

mod common;

use std::process::Command;

use common::serve::{ServeProcess, random_key};
use serde_json::Value;

/// One way of calling: a base URL and the documented auth header.
struct Curl {
    base: String,
    auth: String,
}

impl Curl {
    /// `curl [-X METHOD] "$BASE/PATH" -H "Content-Type: application/json" -H AUTH [-d BODY]`,
    /// plus `-sS -w` so the test can read the status after the body.
    fn run(&self, method: &str, path: &str, body: Option<&str>) -> (u16, Value) {
        let mut command = Command::new("curl");
        command.args(["-sS", "-w", "\n%{http_code}"]);
        if method != "GET" {
            command.args(["-X", method]);
        }
        command.arg(format!("{}/{path}", self.base));
        command.args(["-H", "Content-Type: application/json", "-H", &self.auth]);
        if let Some(body) = body {
            command.args(["-d", body]);
        }
        let output = command
            .output()
            .expect("curl runs (install it to run these tests)");
        assert!(
            output.status.success(),
            "curl failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).expect("UTF-8 response");
        let (body, status) = text.rsplit_once('\n').expect("status line");
        let status: u16 = status.parse().expect("numeric status");
        let body = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(body)
                .unwrap_or_else(|e| panic!("{method} {path}: not JSON ({e}): {body}"))
        };
        (status, body)
    }

    #[track_caller]
    fn ok(&self, method: &str, path: &str, body: Option<&str>) -> Value {
        let (status, reply) = self.run(method, path, body);
        assert_eq!(status, 200, "{method} {}/{path}: {reply}", self.base);
        reply
    }
}

fn role_uuid(roles: &Value, group: &str, name: &str) -> String {
    roles[group]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {group}"))["uuid"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn workspace_roles_of(curl: &Curl, user: &str, workspace: &str) -> Option<Vec<String>> {
    let detail = curl.ok("GET", &format!("users/{user}"), None);
    let entry = detail["workspaces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["uuid"] == workspace)?
        .clone();
    Some(serde_json::from_value(entry["raw_roles"].clone()).unwrap())
}

fn documented_examples(prefix: &str, bearer: bool) {
    let key = random_key();
    let serve = ServeProcess::start(&["--memory", "--admin-key", &key]);
    let curl = Curl {
        base: format!("{}{prefix}", serve.origin),
        auth: if bearer {
            format!("Authorization: Bearer {key}")
        } else {
            format!("x-api-key: {key}")
        },
    };

    let roles = curl.ok("GET", "roles", None);
    let ws_admin = role_uuid(&roles, "workspace_roles", "workspace_admin");
    let ws_user = role_uuid(&roles, "workspace_roles", "user");

    let listed = curl.ok("GET", "workspaces?page=1&page_size=50", None);
    assert_eq!(
        (listed["page"].as_i64(), listed["page_size"].as_i64()),
        (Some(1), Some(50))
    );
    assert!(
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["is_default"] == true)
    );

    let created = curl.ok(
        "POST",
        "users",
        Some(r#"[{"role":"A","email":"ada@example.com","first_name":"Ada","last_name":"Lovelace"},{"role":"M","email":"alan@example.com","first_name":"Alan","last_name":"Turing"}]"#),
    );
    assert_eq!(created["invalid_emails"], serde_json::json!([]));
    let ada = created["email_to_user_id"]["ada@example.com"]
        .as_str()
        .unwrap()
        .to_owned();
    let alan = created["email_to_user_id"]["alan@example.com"]
        .as_str()
        .unwrap()
        .to_owned();
    let ada_detail = curl.ok("GET", &format!("users/{ada}"), None);
    assert_eq!(
        ada_detail["raw_roles"][0],
        role_uuid(&roles, "organization_roles", "organization_admin")
    );

    let workspace = curl.ok(
        "POST",
        "workspaces",
        Some(&format!(r#"{{"name":"MySpace","description":"Small Workspace","icon":"","add_all_org_members":false,"admin_user_id":"{ada}"}}"#)),
    );
    assert_eq!(workspace["name"], "MySpace");
    assert_eq!(workspace["raw_roles"], serde_json::json!([ws_admin]));
    let ws = workspace["uuid"].as_str().unwrap().to_owned();

    let added = curl.ok(
        "POST",
        &format!("workspaces/{ws}/add-users"),
        Some(&format!(
            r#"{{"members":[{{"user_uuid":"{alan}","role_names":["user"]}}]}}"#
        )),
    );
    assert_eq!(added["added_members_count"], 1);
    assert_eq!(
        workspace_roles_of(&curl, &alan, &ws),
        Some(vec![ws_user.clone()])
    );

    let upserted = curl.ok(
        "PATCH",
        &format!("workspaces/{ws}/users"),
        Some(&format!(
            r#"{{"members":[{{"user_uuid":"{ada}","role_names":["user"]}}]}}"#
        )),
    );
    assert_eq!(
        (
            upserted["added_members_count"].as_i64(),
            upserted["updated_members_count"].as_i64()
        ),
        (Some(0), Some(1))
    );
    assert_eq!(workspace_roles_of(&curl, &ada, &ws), Some(vec![ws_user]));

    let (status, removed) = curl.run(
        "DELETE",
        &format!("workspaces/{ws}/remove-users"),
        Some(&format!(r#"{{"members":[{{"user_uuid":"{alan}"}}]}}"#)),
    );
    assert_eq!(
        (status, removed["deleted_members_count"].as_i64()),
        (200, Some(1))
    );
    assert_eq!(workspace_roles_of(&curl, &alan, &ws), None);

    let renamed = curl.ok(
        "PATCH",
        &format!("workspaces/{ws}"),
        Some(r#"{"name":"Renamed Workspace","description":"Updated description"}"#),
    );
    assert_eq!(
        (renamed["name"].as_str(), renamed["description"].as_str()),
        (Some("Renamed Workspace"), Some("Updated description"))
    );

    let (status, body) = curl.run("DELETE", &format!("workspaces/{ws}"), None);
    assert_eq!((status, body), (204, Value::Null));
    let archived = curl.ok("GET", "workspaces?is_archived=true", None);
    assert!(
        archived["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["uuid"] == ws.as_str())
    );

    let invited = curl.ok(
        "POST",
        "users-invite",
        Some(r#"{"email":"grace@example.com,katherine@example.com","role":"M"}"#),
    );
    assert_eq!(invited["invited_members_count"], 2);
    let pending = curl.ok("GET", "users-invite", None);
    let grace = pending
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["email"] == "grace@example.com")
        .expect("grace is invited");
    assert!(
        pending
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["email"] == "katherine@example.com")
    );
    let invite = grace["invite_uuid"].as_str().unwrap().to_owned();
    let deleted = curl.ok("DELETE", &format!("users-invite/{invite}"), None);
    assert!(deleted["message"].is_string());
    let pending = curl.ok("GET", "users-invite", None);
    assert!(
        pending
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["invite_uuid"] != invite.as_str())
    );

    let promoted = curl.ok(
        "PATCH",
        &format!("users/{alan}"),
        Some(r#"{"role_names":["billing_manager"]}"#),
    );
    assert_eq!(
        promoted["raw_roles"],
        serde_json::json!([role_uuid(&roles, "organization_roles", "billing_manager")])
    );
    let gone = curl.ok("DELETE", &format!("users/{alan}"), None);
    assert!(gone["message"].is_string());
    let (status, _) = curl.run("GET", &format!("users/{alan}"), None);
    assert_eq!(status, 404);
}

#[test]
fn documented_curl_examples_with_x_api_key_under_v1_admin() {
    documented_examples("/v1/admin", false);
}

#[test]
fn documented_curl_examples_with_bearer_under_v1_admin() {
    documented_examples("/v1/admin", true);
}

#[test]
fn documented_curl_examples_with_x_api_key_under_api_admin() {
    documented_examples("/api/admin", false);
}

#[test]
fn documented_curl_examples_with_bearer_under_api_admin() {
    documented_examples("/api/admin", true);
}
