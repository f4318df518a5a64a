//! Requests the server's tests would otherwise repeat (create a member, a workspace, a key;
//! read roles and the audit log), each checking that it succeeded.

use mistral_admin::api::{
    AdminUserOut, ApiKeyOut, AuditLogOut, RolesOut, WorkspaceEnrichedOut, WorkspacesOut,
};
use serde_json::{Value, json};
use uuid::Uuid;

use super::http::Api;

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
        let info = self.user(user).await.member.workspaces.unwrap_or_default();
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
            .member
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
