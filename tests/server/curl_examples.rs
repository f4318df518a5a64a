//! The documentation's own curl examples for workspaces, members and users, run as written
//! with the real `curl` binary (through `sh`) against `mistral-admin serve`, under both path
//! prefixes and with both auth headers. Only the base URL, the auth header (for the variant
//! the page does not show) and the `<PLACEHOLDER>` ids are substituted; the runner adds
//! nothing but `-sS -w` to read the status, so no header or method is supplied that the
//! documentation does not write itself.
//!
//! The commands are transcribed from docs.mistral.ai: "Manage Workspaces with the Admin API",
//! "Manage users with the Admin API", "User provisioning with the Admin API" and the API
//! reference's playground examples. Where the captured page text was cut short (the second
//! entry of the manage-users bulk create, its update and delete commands, and the bodies of
//! the upsert and remove-members examples) the command is completed in the page's own style
//! from the prose around it; those are marked below.

use std::process::Command;

use crate::support::serve_process::{ServeProcess, random_key};
use serde_json::{Value, json};

/// The bases the documentation writes, all swapped for the local server.
const DOCUMENTED_BASES: [&str; 3] = [
    "https://console.mistral.ai/api/admin",
    "https://api.mistral.ai/api/admin",
    "https://api.mistral.ai/v1/admin",
];

const GUIDE_X_API_KEY: &str = r#"-H "x-api-key: $ADMIN_API_KEY""#;
const GUIDE_BEARER: &str = r#"-H "Authorization: Bearer $ADMIN_API_KEY""#;
const PLAYGROUND_BEARER: &str = "-H 'Authorization: Bearer YOUR_APIKEY_HERE'";
const PLAYGROUND_X_API_KEY: &str = "-H 'x-api-key: YOUR_APIKEY_HERE'";

// Manage Workspaces with the Admin API.
const LIST_WORKSPACES: &str = r#"curl "https://console.mistral.ai/api/admin/workspaces?page=1&page_size=50" \
  -H "x-api-key: $ADMIN_API_KEY""#;
const CREATE_WORKSPACE: &str = r#"curl -X POST https://console.mistral.ai/api/admin/workspaces \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '{
    "name": "MySpace",
    "description": "Small Workspace",
    "icon": "",
    "add_all_org_members": false,
    "admin_user_id": "<USER_UUID>"
  }'"#;
const UPDATE_WORKSPACE: &str = r#"curl -X PATCH https://console.mistral.ai/api/admin/workspaces/<WORKSPACE_UUID> \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '{"name": "Renamed Workspace", "description": "Updated description"}'"#;
const DELETE_WORKSPACE: &str = r#"curl -X DELETE https://console.mistral.ai/api/admin/workspaces/<WORKSPACE_UUID> \
  -H "x-api-key: $ADMIN_API_KEY""#;
const ADD_MEMBERS: &str = r#"curl -X POST https://console.mistral.ai/api/admin/workspaces/<WORKSPACE_UUID>/add-users \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '{"members": [{"user_uuid": "<USER_UUID>", "role_names": ["user"]}]}'"#;
// Body completed (cut short in the captured page): the same members array as add-users.
const UPSERT_MEMBERS: &str = r#"curl -X PATCH https://console.mistral.ai/api/admin/workspaces/<WORKSPACE_UUID>/users \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '{"members": [{"user_uuid": "<USER_UUID>", "role_names": ["user"]}]}'"#;
// Body completed: RemoveWorkspaceMembersIN takes a members array of user_uuid.
const REMOVE_MEMBERS: &str = r#"curl -X DELETE https://console.mistral.ai/api/admin/workspaces/<WORKSPACE_UUID>/remove-users \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '{"members": [{"user_uuid": "<USER_UUID>"}]}'"#;

// Manage users with the Admin API.
const LIST_USERS: &str = r#"curl "https://console.mistral.ai/api/admin/users?page=1&page_size=50" \
  -H "x-api-key: $ADMIN_API_KEY""#;
const GET_USER: &str = r#"curl https://console.mistral.ai/api/admin/users/<USER_UUID> \
  -H "x-api-key: $ADMIN_API_KEY""#;
// Second entry completed: "Set roles with role_names and product access with
// subscription_types (CHAT, MISTRAL_CODE)".
const CREATE_USERS: &str = r#"curl -X POST https://console.mistral.ai/api/admin/users \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '[
    {"email": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace", "role_names": ["organization_admin"]},
    {"email": "alan@example.com", "first_name": "Alan", "last_name": "Turing", "role_names": ["member"], "subscription_types": ["CHAT", "MISTRAL_CODE"]}
  ]'"#;
// Completed in the page's style from its "Update a user" section.
const UPDATE_USER: &str = r#"curl -X PATCH https://console.mistral.ai/api/admin/users/<USER_UUID> \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '{"role_names": ["member"], "subscription_types": ["CHAT"]}'"#;
const DELETE_USER: &str = r#"curl -X DELETE https://console.mistral.ai/api/admin/users/<USER_UUID> \
  -H "x-api-key: $ADMIN_API_KEY""#;

// User provisioning with the Admin API.
const PROVISION_USERS: &str = r#"curl -X POST https://console.mistral.ai/api/admin/users \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '[
    {"role": "A", "email": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace"},
    {"role": "M", "email": "alan@example.com", "first_name": "Alan", "last_name": "Turing"}
  ]'"#;
const INVITE_USERS: &str = r#"curl -X POST https://console.mistral.ai/api/admin/users-invite \
  -H "Content-Type: application/json" \
  -H "x-api-key: $ADMIN_API_KEY" \
  -d '{"email": "grace@example.com,katherine@example.com", "role": "M"}'"#;
const LIST_INVITES: &str = r#"curl https://console.mistral.ai/api/admin/users-invite \
  -H "x-api-key: $ADMIN_API_KEY""#;
const DELETE_INVITE: &str = r#"curl -X DELETE https://console.mistral.ai/api/admin/users-invite/<INVITATION_UUID> \
  -H "x-api-key: $ADMIN_API_KEY""#;

// The API reference's playground.
const PLAYGROUND_WORKSPACES: &str = r#"curl https://api.mistral.ai/api/admin/workspaces \
 -X GET \
 -H 'Authorization: Bearer YOUR_APIKEY_HERE'"#;
const PLAYGROUND_USERS: &str = r#"curl https://api.mistral.ai/api/admin/users \
 -X GET \
 -H 'Authorization: Bearer YOUR_APIKEY_HERE'"#;

/// One way of calling: the local base URL, the key, and which auth header to send.
struct Docs {
    base: String,
    key: String,
    bearer: bool,
}

impl Docs {
    /// The documented command with the base URL, auth header and placeholders substituted.
    fn adapt(&self, documented: &str, ids: &[(&str, &str)]) -> String {
        let mut command = documented.to_owned();
        for base in DOCUMENTED_BASES {
            command = command.replace(base, &self.base);
        }
        let (guide, playground) = if self.bearer {
            (GUIDE_BEARER, PLAYGROUND_BEARER)
        } else {
            (GUIDE_X_API_KEY, PLAYGROUND_X_API_KEY)
        };
        command = command
            .replace(GUIDE_X_API_KEY, guide)
            .replace(PLAYGROUND_BEARER, playground)
            .replace("YOUR_APIKEY_HERE", &self.key);
        for (placeholder, id) in ids {
            command = command.replace(placeholder, id);
        }
        let header = if self.bearer {
            "Authorization: Bearer"
        } else {
            "x-api-key:"
        };
        assert!(command.contains(header), "auth header swapped: {command}");
        assert!(
            !command.contains('<'),
            "every placeholder filled: {command}"
        );
        let rest = command.strip_prefix("curl ").expect("a curl command");
        // Output options only: they change what curl prints, not what it sends.
        format!("curl -sS -w '\\n%{{http_code}}' {rest}")
    }

    fn run(&self, documented: &str, ids: &[(&str, &str)]) -> (u16, Value) {
        let command = self.adapt(documented, ids);
        let output = Command::new("sh")
            .arg("-c")
            .arg(&command)
            .env("ADMIN_API_KEY", &self.key)
            .output()
            .expect("sh and curl run (install curl to run these tests)");
        assert!(
            output.status.success(),
            "curl failed: {}\n{command}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).expect("UTF-8 response");
        let (body, status) = text.rsplit_once('\n').expect("status line");
        let status: u16 = status.parse().expect("numeric status");
        let body = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(body)
                .unwrap_or_else(|e| panic!("not JSON ({e}): {body}\n{command}"))
        };
        (status, body)
    }

    #[track_caller]
    fn ok(&self, documented: &str, ids: &[(&str, &str)]) -> Value {
        let (status, reply) = self.run(documented, ids);
        assert_eq!(status, 200, "{reply}\n{}", self.adapt(documented, ids));
        reply
    }

    /// A fresh `serve` for one page of the documentation.
    fn start(prefix: &str, bearer: bool) -> (ServeProcess, Self) {
        let key = random_key();
        let serve = ServeProcess::start(&["--memory", "--admin-key", &key]);
        let docs = Self {
            base: format!("{}{prefix}", serve.origin),
            key,
            bearer,
        };
        (serve, docs)
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

/// `GET /roles`, which the pages name ("List them with GET /api/admin/roles") without a
/// command; written in their style.
fn roles(docs: &Docs) -> Value {
    docs.ok(
        "curl https://console.mistral.ai/api/admin/roles \\\n  -H \"x-api-key: $ADMIN_API_KEY\"",
        &[],
    )
}

fn workspace_roles_of(docs: &Docs, user: &str, workspace: &str) -> Option<Vec<String>> {
    let detail = docs.ok(GET_USER, &[("<USER_UUID>", user)]);
    let entry = detail["workspaces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["uuid"] == workspace)?
        .clone();
    Some(serde_json::from_value(entry["raw_roles"].clone()).unwrap())
}

/// The placeholders of a members example.
fn member<'a>(workspace: &'a str, user: &'a str) -> [(&'static str, &'a str); 2] {
    [("<WORKSPACE_UUID>", workspace), ("<USER_UUID>", user)]
}

fn id_of(created: &Value, email: &str) -> String {
    created["email_to_user_id"][email]
        .as_str()
        .unwrap_or_else(|| panic!("{email} created: {created}"))
        .to_owned()
}

/// User provisioning, then every example of the workspaces page, then invitations.
fn provisioning_and_workspaces(prefix: &str, bearer: bool) {
    let (_serve, docs) = Docs::start(prefix, bearer);
    let roles = roles(&docs);
    let ws_admin = role_uuid(&roles, "workspace_roles", "workspace_admin");
    let ws_user = role_uuid(&roles, "workspace_roles", "user");

    for playground in [PLAYGROUND_WORKSPACES, PLAYGROUND_USERS] {
        docs.ok(playground, &[]);
    }
    let listed = docs.ok(LIST_WORKSPACES, &[]);
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

    let created = docs.ok(PROVISION_USERS, &[]);
    assert_eq!(created["invalid_emails"], json!([]));
    let (ada, alan) = (
        id_of(&created, "ada@example.com"),
        id_of(&created, "alan@example.com"),
    );
    let ada_detail = docs.ok(GET_USER, &[("<USER_UUID>", &ada)]);
    assert_eq!(
        ada_detail["raw_roles"][0],
        role_uuid(&roles, "organization_roles", "organization_admin")
    );

    let workspace = docs.ok(CREATE_WORKSPACE, &[("<USER_UUID>", &ada)]);
    assert_eq!(workspace["name"], "MySpace");
    assert_eq!(workspace["raw_roles"], json!([ws_admin]));
    let ws = workspace["uuid"].as_str().unwrap().to_owned();
    let added = docs.ok(ADD_MEMBERS, &member(&ws, &alan));
    assert_eq!(added["added_members_count"], 1);
    assert_eq!(
        workspace_roles_of(&docs, &alan, &ws),
        Some(vec![ws_user.clone()])
    );

    let upserted = docs.ok(UPSERT_MEMBERS, &member(&ws, &ada));
    assert_eq!(
        (
            upserted["added_members_count"].as_i64(),
            upserted["updated_members_count"].as_i64()
        ),
        (Some(0), Some(1))
    );
    assert_eq!(workspace_roles_of(&docs, &ada, &ws), Some(vec![ws_user]));

    let removed = docs.ok(REMOVE_MEMBERS, &member(&ws, &alan));
    assert_eq!(removed["deleted_members_count"], 1);
    assert_eq!(workspace_roles_of(&docs, &alan, &ws), None);

    let renamed = docs.ok(UPDATE_WORKSPACE, &[("<WORKSPACE_UUID>", &ws)]);
    assert_eq!(
        (renamed["name"].as_str(), renamed["description"].as_str()),
        (Some("Renamed Workspace"), Some("Updated description"))
    );
    let (status, body) = docs.run(DELETE_WORKSPACE, &[("<WORKSPACE_UUID>", &ws)]);
    assert_eq!((status, body), (204, Value::Null));
    // The page's list command with its documented `is_archived` parameter.
    let archived = docs.ok(
        &LIST_WORKSPACES.replace("page=1&page_size=50", "is_archived=true"),
        &[],
    );
    assert!(
        archived["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["uuid"] == ws.as_str())
    );

    let invited = docs.ok(INVITE_USERS, &[]);
    assert_eq!(invited["invited_members_count"], 2);
    let pending = docs.ok(LIST_INVITES, &[]);
    let pending = pending.as_array().unwrap();
    let grace = pending
        .iter()
        .find(|i| i["email"] == "grace@example.com")
        .expect("grace is invited");
    assert!(
        pending
            .iter()
            .any(|i| i["email"] == "katherine@example.com")
    );
    let invite = grace["invite_uuid"].as_str().unwrap().to_owned();
    let deleted = docs.ok(DELETE_INVITE, &[("<INVITATION_UUID>", &invite)]);
    assert!(deleted["message"].is_string());
    let pending = docs.ok(LIST_INVITES, &[]);
    assert!(
        pending
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["invite_uuid"] != invite.as_str())
    );
}

/// Every example of the manage-users page, in its order.
fn manage_users(prefix: &str, bearer: bool) {
    let (_serve, docs) = Docs::start(prefix, bearer);
    let roles = roles(&docs);
    let created = docs.ok(CREATE_USERS, &[]);
    assert_eq!(created["invalid_emails"], json!([]));
    let (ada, alan) = (
        id_of(&created, "ada@example.com"),
        id_of(&created, "alan@example.com"),
    );

    let listed = docs.ok(LIST_USERS, &[]);
    assert_eq!(
        (listed["page"].as_i64(), listed["page_size"].as_i64()),
        (Some(1), Some(50))
    );
    let emails: Vec<&str> = listed["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["email"].as_str())
        .collect();
    assert!(emails.contains(&"ada@example.com") && emails.contains(&"alan@example.com"));

    let ada_detail = docs.ok(GET_USER, &[("<USER_UUID>", &ada)]);
    assert_eq!(
        ada_detail["raw_roles"],
        json!([role_uuid(
            &roles,
            "organization_roles",
            "organization_admin"
        )])
    );
    let alan_detail = docs.ok(GET_USER, &[("<USER_UUID>", &alan)]);
    let mut seats: Vec<&str> = alan_detail["subscription_types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    seats.sort_unstable();
    assert_eq!(seats, ["CHAT", "MISTRAL_CODE"]);

    let updated = docs.ok(UPDATE_USER, &[("<USER_UUID>", &alan)]);
    assert_eq!(
        updated["raw_roles"],
        json!([role_uuid(&roles, "organization_roles", "member")])
    );
    assert_eq!(updated["subscription_types"], json!(["CHAT"]));

    let gone = docs.ok(DELETE_USER, &[("<USER_UUID>", &alan)]);
    assert!(gone["message"].is_string());
    let (status, _) = docs.run(GET_USER, &[("<USER_UUID>", &alan)]);
    assert_eq!(status, 404);
}

#[test]
fn documented_curl_examples_with_x_api_key_under_v1_admin() {
    provisioning_and_workspaces("/v1/admin", false);
    manage_users("/v1/admin", false);
}

#[test]
fn documented_curl_examples_with_bearer_under_v1_admin() {
    provisioning_and_workspaces("/v1/admin", true);
    manage_users("/v1/admin", true);
}

#[test]
fn documented_curl_examples_with_x_api_key_under_api_admin() {
    provisioning_and_workspaces("/api/admin", false);
    manage_users("/api/admin", false);
}

#[test]
fn documented_curl_examples_with_bearer_under_api_admin() {
    provisioning_and_workspaces("/api/admin", true);
    manage_users("/api/admin", true);
}
