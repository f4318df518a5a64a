//! Contract-shaped bodies for the fault server, built from the project's own wire types so that
//! they cannot drift from what a real server sends.

use serde_json::{Value, json};
use time::OffsetDateTime;
use uuid::Uuid;

use mistral_admin::api::{
    AdminOrganizationMemberOut, MemberWorkspaceInfo, OrganizationAdminUsersOut, RolesOut,
    WorkspaceOut, WorkspacesOut,
};
use mistral_admin::domain::{OrgRole, WorkspaceRole};

pub fn roles() -> RolesOut {
    RolesOut::built_in()
}

pub fn roles_json() -> Value {
    serde_json::to_value(roles()).unwrap()
}

/// A member numbered `n` with a predictable uuid, in `workspace` as a contributor.
pub fn member(n: u32, workspace: Option<&WorkspaceOut>) -> AdminOrganizationMemberOut {
    AdminOrganizationMemberOut {
        uuid: Uuid::from_u128(0x1000_0000 + n as u128),
        oid_id: None,
        name: Some(format!("User {n}")),
        email: Some(format!("user{n}@example.com")),
        is_sso_outsider: Some(false),
        workspaces: Some(
            workspace
                .map(|w| MemberWorkspaceInfo {
                    uuid: w.uuid,
                    name: w.name.clone(),
                    is_default: w.is_default,
                    raw_roles: vec![WorkspaceRole::WorkspaceContributor.uuid().to_string()],
                    raw_role: WorkspaceRole::WorkspaceContributor.uuid().to_string(),
                })
                .into_iter()
                .collect(),
        ),
        subscriptions: Vec::new(),
        raw_roles: vec![OrgRole::Member.uuid().to_string()],
        raw_role: OrgRole::Member.uuid().to_string(),
        subscription_types: None,
        created_at: OffsetDateTime::UNIX_EPOCH,
    }
}

pub fn workspace(n: u32, name: &str) -> WorkspaceOut {
    WorkspaceOut {
        uuid: Uuid::from_u128(0x2000_0000 + n as u128),
        name: name.to_owned(),
        description: Some(String::new()),
        icon: None,
        members_count: Some(0),
        spend_limit: None,
        is_default: n == 0,
    }
}

pub fn users_page(
    members: Vec<AdminOrganizationMemberOut>,
    page: i64,
    size: i64,
    total: i64,
) -> Value {
    serde_json::to_value(OrganizationAdminUsersOut {
        members,
        invites: Vec::new(),
        total: Some(total),
        page: Some(page),
        page_size: Some(size),
    })
    .unwrap()
}

pub fn workspaces_page(items: Vec<WorkspaceOut>, page: i64, size: i64, total: i64) -> Value {
    serde_json::to_value(WorkspacesOut {
        total,
        items,
        object: "list".to_owned(),
        page,
        page_size: size,
    })
    .unwrap()
}

pub fn validation_error(loc: &[Value], msg: &str) -> Value {
    json!({ "detail": [{ "loc": loc, "msg": msg, "type": "value_error" }] })
}
