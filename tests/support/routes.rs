//! Every admin route the server mounts (as `src/server/router.rs` lists them), with a valid
//! body for each, and a fixture of ids in one organization to fill the paths with.

use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use super::http::Api;

/// The analytics routes with a valid window (2026), and for one workspace.
const VIBE_WORK_BY_USER: &str =
    "/analytics/vibe/work/usage/by_user_stats?start_time=1767225600&end_time=1798761600";
const VIBE_WORK_BY_AGENT: &str =
    "/analytics/vibe/work/usage/by_agent_stats?start_time=1767225600&end_time=1798761600";
const VIBE_WORK_BY_TIME: &str = "/analytics/vibe/work/usage/by_time_stats?start_time=1767225600&end_time=1798761600&granularity=week";
const VIBE_CODE_BY_ORGANIZATION: &str =
    "/analytics/vibe/code/usage/by_organization?start_time=1767225600&end_time=1798761600";
const VIBE_CODE_BY_WORKSPACE: &str = "/analytics/vibe/code/usage/by_workspace?start_time=1767225600&end_time=1798761600&workspace_id={ws}";

pub struct Route {
    pub method: Method,
    /// Path after the admin prefix; `{ws}`, `{user}`, `{invite}`, `{key}`, `{group}`, `{run}`,
    /// `{scim_user}` and `{scim_group}` are filled in.
    pub template: &'static str,
    /// Whether the path or the body names something of the organization (so another
    /// organization's key must get 404 there).
    pub names_ids: bool,
}

const fn route(method: Method, template: &'static str, names_ids: bool) -> Route {
    Route {
        method,
        template,
        names_ids,
    }
}

pub fn all() -> Vec<Route> {
    vec![
        route(Method::GET, "/users", false),
        route(Method::POST, "/users", false),
        route(Method::GET, "/users/{user}", true),
        route(Method::PATCH, "/users/{user}", true),
        route(Method::DELETE, "/users/{user}", true),
        route(Method::GET, "/users-invite", false),
        route(Method::POST, "/users-invite", true),
        route(Method::DELETE, "/users-invite/{invite}", true),
        route(Method::GET, "/roles", false),
        route(Method::GET, "/workspaces", false),
        route(Method::POST, "/workspaces", true),
        route(Method::PATCH, "/workspaces/{ws}", true),
        route(Method::DELETE, "/workspaces/{ws}", true),
        route(Method::POST, "/workspaces/{ws}/add-users", true),
        route(Method::PATCH, "/workspaces/{ws}/users", true),
        route(Method::DELETE, "/workspaces/{ws}/remove-users", true),
        route(Method::GET, "/api-keys", false),
        route(Method::POST, "/api-keys", true),
        route(Method::DELETE, "/api-keys/{key}", true),
        route(Method::GET, "/spend-limit", false),
        route(Method::POST, "/spend-limit", false),
        route(Method::GET, "/audit-logs", false),
        route(Method::GET, "/user-groups", false),
        route(Method::POST, "/user-groups", true),
        route(Method::POST, "/user-groups/provision-workspace", true),
        route(Method::GET, "/user-groups/{group}", true),
        route(Method::PATCH, "/user-groups/{group}", true),
        route(Method::GET, "/user-groups/{group}/members", true),
        route(Method::POST, "/user-groups/{group}/members", true),
        route(Method::DELETE, "/user-groups/{group}/members", true),
        route(Method::GET, "/user-groups/{group}/workspaces", true),
        route(Method::POST, "/user-groups/{group}/workspaces", true),
        route(Method::PATCH, "/user-groups/{group}/workspaces/{ws}", true),
        route(Method::DELETE, "/user-groups/{group}/workspaces/{ws}", true),
        route(
            Method::PATCH,
            "/user-groups/{group}/organization-role",
            true,
        ),
        route(Method::GET, "/user-groups/{group}/nested", true),
        route(Method::PATCH, "/user-groups/{group}/nested", true),
        route(Method::DELETE, "/user-groups/{group}", true),
        route(Method::GET, "/rate-limit", false),
        route(Method::GET, "/usage", false),
        route(Method::GET, "/usage?workspace_id={ws}", true),
        route(Method::POST, "/scim/sync", false),
        route(Method::GET, "/scim/sync/{run}", true),
        route(Method::GET, "/x-local/scim", false),
        route(Method::PATCH, "/x-local/scim", false),
        route(Method::POST, "/x-local/scim/users", false),
        route(Method::PATCH, "/x-local/scim/users/{scim_user}", true),
        route(Method::POST, "/x-local/scim/groups", true),
        route(Method::PATCH, "/x-local/scim/groups/{scim_group}", true),
        route(Method::DELETE, "/x-local/scim/groups/{scim_group}", true),
        route(Method::DELETE, "/x-local/scim/users/{scim_user}", true),
        route(Method::GET, VIBE_WORK_BY_USER, false),
        route(Method::GET, VIBE_WORK_BY_AGENT, false),
        route(Method::GET, VIBE_WORK_BY_TIME, false),
        route(Method::GET, VIBE_CODE_BY_ORGANIZATION, false),
        route(Method::GET, VIBE_CODE_BY_WORKSPACE, true),
        route(Method::GET, "/x-local/organization", false),
        route(Method::PATCH, "/x-local/organization", false),
        route(Method::GET, "/x-local/workspaces/{ws}/settings", true),
        route(Method::PATCH, "/x-local/workspaces/{ws}/settings", true),
    ]
}

/// Ids of one organization: a workspace (not the default), a member who is not an admin and
/// belongs to that workspace, an open invitation, a workspace key, two user groups (the first
/// holds the member and is assigned to the workspace, the second stands alone), a SCIM sync
/// run, and a user and a group of the simulated identity provider.
#[derive(Debug, Clone, Copy)]
pub struct Fixture {
    pub ws: Uuid,
    pub user: Uuid,
    pub invite: Uuid,
    pub key: Uuid,
    pub group: Uuid,
    pub other_group: Uuid,
    pub run: Uuid,
    pub scim_user: Uuid,
    pub scim_group: Uuid,
}

impl Fixture {
    /// Builds the fixture through the API; returns it with the key's plaintext.
    pub async fn create(api: &Api, admin: Uuid) -> (Self, String) {
        let user = api.create_member("fixture.member@acme.example").await;
        let ws = api.create_workspace("Fixture Space", admin).await.uuid;
        api.add_members(ws, &[(user, &["dev"])]).await;
        let invite_reply = api
            .post(
                "/users-invite",
                json!({"email": "fixture.invitee@acme.example"}),
            )
            .await;
        assert_eq!(invite_reply.status, 200, "{}", invite_reply.text);
        let invites = api.get("/users-invite").await.ok();
        let invite = invites[0]["invite_uuid"]
            .as_str()
            .expect("invitation listed")
            .parse()
            .expect("uuid");
        let key = api.create_key(ws, user, "fixture key").await;
        let plaintext = key.key.clone().expect("plaintext returned at creation");
        let group = api.create_group("Fixture Group").await;
        let other_group = api.create_group("Fixture Other Group").await;
        api.post(
            &format!("/user-groups/{group}/members"),
            json!({"user_uuids": [user]}),
        )
        .await
        .expect(204);
        api.post(
            &format!("/user-groups/{group}/workspaces"),
            json!({"workspace_uuid": ws, "role_names": ["dev"]}),
        )
        .await
        .expect(201);
        let id_of = |value: Value, field: &str| -> Uuid {
            value[field]
                .as_str()
                .expect("an id")
                .parse()
                .expect("a UUID")
        };
        let run = id_of(
            api.post("/scim/sync", json!({})).await.expect(202),
            "run_id",
        );
        let scim_user = id_of(
            api.post(
                "/x-local/scim/users",
                json!({"userName": "fixture.idp@acme.example"}),
            )
            .await
            .expect(201),
            "id",
        );
        let scim_group = id_of(
            api.post(
                "/x-local/scim/groups",
                json!({"displayName": "Fixture IdP Group", "members": [scim_user]}),
            )
            .await
            .expect(201),
            "id",
        );
        (
            Self {
                ws,
                user,
                invite,
                key: key.key_id,
                group,
                other_group,
                run,
                scim_user,
                scim_group,
            },
            plaintext,
        )
    }

    pub fn path(&self, route: &Route) -> String {
        route
            .template
            .replace("{ws}", &self.ws.to_string())
            .replace("{user}", &self.user.to_string())
            .replace("{invite}", &self.invite.to_string())
            .replace("{key}", &self.key.to_string())
            .replace("{group}", &self.group.to_string())
            .replace("{run}", &self.run.to_string())
            .replace("{scim_user}", &self.scim_user.to_string())
            .replace("{scim_group}", &self.scim_group.to_string())
    }

    /// Every id of the fixture, for comparing texts with the ids blanked out.
    pub fn ids(&self) -> [Uuid; 9] {
        [
            self.ws,
            self.user,
            self.invite,
            self.key,
            self.group,
            self.other_group,
            self.run,
            self.scim_user,
            self.scim_group,
        ]
    }

    /// A body the route accepts, naming this fixture's ids where a body names ids.
    pub fn body(&self, route: &Route) -> Option<Value> {
        let members = json!({"members": [{"user_uuid": self.user, "role_names": ["user"]}]});
        let body = match (route.method.as_str(), route.template) {
            ("POST", "/users") => json!([{
                "email": "someone.new@acme.example", "first_name": "Some", "last_name": "One"
            }]),
            ("PATCH", "/users/{user}") => json!({"role_names": ["billing_manager"]}),
            ("POST", "/users-invite") => {
                json!({"email": "guest@acme.example", "workspace_uuids": [self.ws]})
            }
            ("POST", "/workspaces") => json!({"name": "Another", "admin_user_id": self.user}),
            ("PATCH", "/workspaces/{ws}") => json!({"name": "Renamed"}),
            ("POST", "/workspaces/{ws}/add-users") | ("PATCH", "/workspaces/{ws}/users") => members,
            ("DELETE", "/workspaces/{ws}/remove-users") => {
                json!({"members": [{"user_uuid": self.user}]})
            }
            ("POST", "/api-keys") => json!({"workspace_uuid": self.ws, "user_id": self.user}),
            ("POST", "/spend-limit") => json!({"amount": 10}),
            ("PATCH", "/x-local/organization") => json!({"name": "Renamed Org"}),
            ("PATCH", "/x-local/workspaces/{ws}/settings") => {
                json!({"members_can_create_api_keys": false})
            }
            ("POST", "/user-groups") => {
                json!({"name": "Another Group", "parent_group_ids": [self.other_group]})
            }
            ("POST", "/user-groups/provision-workspace") => json!({
                "user_group_uuid": self.group, "workspace_uuid": self.ws,
                "workspace_role_name": "user"
            }),
            ("PATCH", "/user-groups/{group}") => {
                json!({"description": "Renamed", "parent_group_ids": [self.other_group]})
            }
            ("POST", "/user-groups/{group}/members")
            | ("DELETE", "/user-groups/{group}/members") => json!({"user_uuids": [self.user]}),
            ("POST", "/user-groups/{group}/workspaces") => {
                json!({"workspace_uuid": self.ws, "role_names": ["user"]})
            }
            ("PATCH", "/user-groups/{group}/workspaces/{ws}") => {
                json!({"role_names": ["workspace_admin"]})
            }
            ("PATCH", "/user-groups/{group}/organization-role") => {
                json!({"organization_role": "B"})
            }
            ("PATCH", "/user-groups/{group}/nested") => {
                json!({"child_group_uuids": [self.other_group]})
            }
            ("POST", "/scim/sync") => json!({"dry_run": true}),
            ("PATCH", "/x-local/scim") => json!({"reachable": true}),
            ("POST", "/x-local/scim/users") => json!({"userName": "idp.new@acme.example"}),
            ("PATCH", "/x-local/scim/users/{scim_user}") => json!({"active": false}),
            ("POST", "/x-local/scim/groups") => {
                json!({"displayName": "Another IdP Group", "members": [self.scim_user]})
            }
            ("PATCH", "/x-local/scim/groups/{scim_group}") => {
                json!({"displayName": "Renamed IdP Group", "members": [self.scim_user]})
            }
            _ => return None,
        };
        Some(body)
    }
}
