//! Every admin operation of the table the server mounts (`api::operations`), with a valid body
//! for each, and a fixture of ids in one organization to fill the paths with.

use mistral_admin::api::Operation;
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use super::http::Api;

/// A window the analytics operations accept (the year 2026), as a query.
const WINDOW: &str = "?start_time=1767225600&end_time=1798761600";

pub struct Route {
    pub operation: Operation,
    pub method: Method,
    /// The operation's template (parameters as the contract names them), then any query the
    /// route needs, in which `{ws}` stands for the fixture's workspace.
    pub template: String,
    /// Whether the path, query or body names something of the organization (so another
    /// organization's key must get 404 there).
    pub names_ids: bool,
}

fn route(operation: Operation, query: &str) -> Route {
    use Operation as Op;
    let method = Method::from_bytes(operation.verb().as_str().as_bytes()).expect("a method");
    let body_names_ids = matches!(
        operation,
        Op::InviteUsers
            | Op::CreateWorkspace
            | Op::CreateApiKey
            | Op::CreateGroup
            | Op::ProvisionGroupWorkspace
            | Op::CreateScimGroup
    );
    Route {
        operation,
        method,
        template: format!("{}{query}", operation.template()),
        names_ids: operation.parameters().next().is_some()
            || body_names_ids
            || query.contains("{ws}"),
    }
}

/// Every operation once, with the query it needs, and `GET /usage` once more for a workspace.
pub fn all() -> Vec<Route> {
    use Operation as Op;
    let mut routes = Vec::new();
    for &operation in Operation::ALL {
        let query = match operation {
            Op::VibeWorkByUser | Op::VibeWorkByAgent | Op::VibeCodeByOrganization => {
                WINDOW.to_owned()
            }
            Op::VibeWorkByTime => format!("{WINDOW}&granularity=week"),
            Op::VibeCodeByWorkspace => format!("{WINDOW}&workspace_id={{ws}}"),
            _ => String::new(),
        };
        routes.push(route(operation, &query));
        if operation == Op::GetUsage {
            routes.push(route(operation, "?workspace_id={ws}"));
        }
    }
    routes
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

    /// The route's path and query with this fixture's ids.
    pub fn path(&self, route: &Route) -> String {
        let ids: Vec<Uuid> = route
            .operation
            .parameters()
            .map(|name| self.id_for(route.operation, name))
            .collect();
        let query = route
            .template
            .split_once('?')
            .map(|(_, query)| format!("?{query}"))
            .unwrap_or_default();
        route.operation.path(&ids) + &query.replace("{ws}", &self.ws.to_string())
    }

    /// The id a path parameter names: the identity provider's `/x-local/scim/users/{user_id}`
    /// is its own user, not a member of the organization.
    fn id_for(&self, operation: Operation, parameter: &str) -> Uuid {
        match (parameter, operation.is_extension()) {
            ("user_id", true) => self.scim_user,
            ("group_id", true) => self.scim_group,
            ("user_id", false) => self.user,
            ("invite_uuid", _) => self.invite,
            ("workspace_uuid", _) => self.ws,
            ("key_id", _) => self.key,
            ("group_uuid", _) => self.group,
            ("run_id", _) => self.run,
            _ => panic!("{operation:?}: no fixture id for {{{parameter}}}"),
        }
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
        use Operation as Op;
        let body = match route.operation {
            Op::CreateUsers => json!([{
                "email": "someone.new@acme.example", "first_name": "Some", "last_name": "One"
            }]),
            Op::UpdateUser => json!({"role_names": ["billing_manager"]}),
            Op::InviteUsers => {
                json!({"email": "guest@acme.example", "workspace_uuids": [self.ws]})
            }
            Op::CreateWorkspace => json!({"name": "Another", "admin_user_id": self.user}),
            Op::UpdateWorkspace => json!({"name": "Renamed"}),
            Op::AddWorkspaceMembers | Op::UpsertWorkspaceMembers => members,
            Op::RemoveWorkspaceMembers => json!({"members": [{"user_uuid": self.user}]}),
            Op::CreateApiKey => json!({"workspace_uuid": self.ws, "user_id": self.user}),
            Op::SetSpendLimit => json!({"amount": 10}),
            Op::RenameOrganization => json!({"name": "Renamed Org"}),
            Op::UpdateWorkspaceSettings => json!({"members_can_create_api_keys": false}),
            Op::CreateGroup => {
                json!({"name": "Another Group", "parent_group_ids": [self.other_group]})
            }
            Op::ProvisionGroupWorkspace => json!({
                "user_group_uuid": self.group, "workspace_uuid": self.ws,
                "workspace_role_name": "user"
            }),
            Op::UpdateGroup => {
                json!({"description": "Renamed", "parent_group_ids": [self.other_group]})
            }
            Op::AddGroupMembers | Op::RemoveGroupMembers => json!({"user_uuids": [self.user]}),
            Op::AssignGroupWorkspace => json!({"workspace_uuid": self.ws, "role_names": ["user"]}),
            Op::UpdateGroupWorkspace => json!({"role_names": ["workspace_admin"]}),
            Op::SetGroupOrganizationRole => json!({"organization_role": "B"}),
            Op::SetNestedGroups => json!({"child_group_uuids": [self.other_group]}),
            Op::TriggerScimSync => json!({"dry_run": true}),
            Op::UpdateScimProvider => json!({"reachable": true}),
            Op::CreateScimUser => json!({"userName": "idp.new@acme.example"}),
            Op::UpdateScimUser => json!({"active": false}),
            Op::CreateScimGroup => {
                json!({"displayName": "Another IdP Group", "members": [self.scim_user]})
            }
            Op::UpdateScimGroup => {
                json!({"displayName": "Renamed IdP Group", "members": [self.scim_user]})
            }
            _ => return None,
        };
        Some(body)
    }
}
