//! A small organization for the action layer's unit tests: three workspaces (one default),
//! four people with roles given as the server gives them (role UUIDs), one invitation and
//! three API keys.

use time::macros::{date, datetime};
use uuid::Uuid;

use crate::api::{
    AdminOrganizationMemberOut, AdminUserGroupOut, ApiKeyActions, ApiKeyExtendedOut, ApiKeyOut,
    MemberWorkspaceInfo, OrganizationInviteOut, RoleOut, RolesOut, WorkspaceOut,
};
use crate::client::Directory;
use crate::domain::{OrgRole, WorkspaceRole};

pub const DEFAULT: u128 = 1;
pub const RESEARCH: u128 = 2;
pub const PRODUCT: u128 = 3;
pub const ZOE: u128 = 10;
pub const JANE: u128 = 11;
pub const JANE_ROE: u128 = 12;
pub const ANA: u128 = 13;
pub const CI_KEY: u128 = 20;
pub const OLD_KEY: u128 = 21;
pub const OTHER_CI_KEY: u128 = 22;

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// A group the console manages (not the identity provider's), given to workspaces, nested in
/// `parents`.
pub fn group_out(n: u128, name: &str, parents: &[u128]) -> AdminUserGroupOut {
    AdminUserGroupOut {
        uuid: id(n),
        name: name.to_owned(),
        description: None,
        externally_managed: Some(false),
        target_type: Some("W".into()),
        organization_role: None,
        parent_group_ids: parents.iter().map(|p| id(*p)).collect(),
    }
}

pub fn today() -> time::Date {
    date!(2026 - 06 - 01)
}

/// The built-in roles and one custom workspace role, "auditor".
pub fn catalog() -> RolesOut {
    let mut catalog = RolesOut::built_in();
    catalog.workspace_roles.push(RoleOut {
        name: "auditor".to_owned(),
        uuid: Uuid::from_u128(77),
        description: "auditor role".to_owned(),
        is_custom_role: true,
    });
    catalog
}

pub fn workspace(n: u128, name: &str) -> WorkspaceOut {
    WorkspaceOut {
        uuid: id(n),
        name: name.to_owned(),
        description: Some(String::new()),
        icon: Some(String::new()),
        members_count: None,
        spend_limit: None,
        is_default: n == DEFAULT,
    }
}

pub fn workspaces() -> Vec<WorkspaceOut> {
    vec![
        workspace(DEFAULT, "Default Workspace"),
        workspace(RESEARCH, "Research"),
        workspace(PRODUCT, "Product & Design"),
    ]
}

fn membership(n: u128, roles: &[WorkspaceRole]) -> MemberWorkspaceInfo {
    let ws = workspaces().into_iter().find(|w| w.uuid == id(n)).unwrap();
    let raw_roles: Vec<String> = roles.iter().map(|r| r.uuid().to_string()).collect();
    MemberWorkspaceInfo {
        uuid: ws.uuid,
        name: ws.name,
        is_default: ws.is_default,
        raw_role: raw_roles.first().cloned().unwrap_or_default(),
        raw_roles,
    }
}

fn member(
    n: u128,
    name: &str,
    email: &str,
    org: &[OrgRole],
    spaces: Vec<MemberWorkspaceInfo>,
) -> AdminOrganizationMemberOut {
    let raw_roles: Vec<String> = org.iter().map(|r| r.uuid().to_string()).collect();
    AdminOrganizationMemberOut {
        uuid: id(n),
        oid_id: None,
        name: Some(name.to_owned()),
        email: Some(email.to_owned()),
        is_sso_outsider: None,
        workspaces: Some(spaces),
        subscriptions: Vec::new(),
        raw_role: raw_roles.first().cloned().unwrap_or_default(),
        raw_roles,
        subscription_types: None,
        created_at: datetime!(2026-01-01 0:00 UTC),
    }
}

/// Zoë administers the organization and Research; Jane Doe and Jane Roe share a first name;
/// Ana belongs to the default workspace only.
pub fn directory() -> Directory {
    use WorkspaceRole::*;
    let members = vec![
        member(
            ZOE,
            "Zoë Ångström",
            "zoe@northwind.example",
            &[OrgRole::OrganizationAdmin],
            vec![
                membership(DEFAULT, &[WorkspaceContributor]),
                membership(RESEARCH, &[WorkspaceAdmin]),
            ],
        ),
        member(
            JANE,
            "Jane",
            "jane.doe@northwind.example",
            &[OrgRole::Member],
            vec![
                membership(DEFAULT, &[WorkspaceContributor]),
                membership(RESEARCH, &[Dev, ObservabilityViewer]),
            ],
        ),
        member(
            JANE_ROE,
            "Jane",
            "jane.roe@northwind.example",
            &[OrgRole::Member, OrgRole::BillingManager],
            vec![membership(DEFAULT, &[WorkspaceContributor])],
        ),
        member(
            ANA,
            "Ana Lucía Pérez",
            "ana@northwind.example",
            &[OrgRole::Member],
            vec![membership(DEFAULT, &[WorkspaceContributor])],
        ),
    ];
    let invites = vec![OrganizationInviteOut {
        uuid: Uuid::from_u128(30),
        raw_roles: vec![OrgRole::Member.uuid().to_string()],
        raw_role: OrgRole::Member.uuid().to_string(),
        email: "new.hire@northwind.example".into(),
        expired: false,
        created_at: datetime!(2026-05-30 9:00 UTC),
        workspace_uuids: vec![id(RESEARCH)],
    }];
    Directory::new(members, invites, &catalog())
}

pub fn key(n: u128, name: &str, workspace: u128, expires: Option<time::Date>) -> ApiKeyExtendedOut {
    let ws = workspaces()
        .into_iter()
        .find(|w| w.uuid == id(workspace))
        .unwrap();
    ApiKeyExtendedOut {
        api_key: ApiKeyOut {
            key_id: id(n),
            key: None,
            name: Some(name.to_owned()),
            hidden_key: format!("abcd...{n:04}"),
            created_at: Some(datetime!(2026-02-01 0:00 UTC)),
            expiration_date: expires,
            actions: ApiKeyActions::default(),
        },
        workspace_id: Some(ws.uuid),
        workspace_name: Some(ws.name),
        created_by: Some("jane.doe@northwind.example".into()),
        product: Some("API".into()),
        last_used: None,
        can_delete: Some(true),
    }
}

/// Two keys named "ci" (Research, Product) and one expired key in Research.
pub fn keys() -> Vec<ApiKeyExtendedOut> {
    vec![
        key(CI_KEY, "ci", RESEARCH, Some(date!(2026 - 12 - 31))),
        key(OLD_KEY, "old", RESEARCH, Some(date!(2026 - 01 - 31))),
        key(OTHER_CI_KEY, "CI", PRODUCT, None),
    ]
}
