//! Unit tests of `Directory`: resolution of role values and the `apply_*` patches.

use time::OffsetDateTime;
use uuid::Uuid;

use super::*;
use crate::api::{AdminOrganizationMemberOut, MemberWorkspaceInfo, RolesOut, WorkspaceOut};
use crate::domain::{OrgRole, WorkspaceRole};

fn catalog() -> RolesOut {
    RolesOut::built_in()
}

fn workspace(name: &str) -> WorkspaceOut {
    WorkspaceOut {
        uuid: Uuid::new_v4(),
        name: name.to_owned(),
        description: None,
        icon: None,
        members_count: None,
        spend_limit: None,
        is_default: false,
    }
}

fn entry(ws: &WorkspaceOut, roles: &[&str]) -> MemberWorkspaceInfo {
    MemberWorkspaceInfo {
        uuid: ws.uuid,
        name: ws.name.clone(),
        is_default: ws.is_default,
        raw_roles: roles.iter().map(|r| r.to_string()).collect(),
        raw_role: roles.first().map(|r| r.to_string()).unwrap_or_default(),
    }
}

fn member(
    email: &str,
    org_roles: &[String],
    workspaces: Vec<MemberWorkspaceInfo>,
) -> AdminOrganizationMemberOut {
    AdminOrganizationMemberOut {
        uuid: Uuid::new_v4(),
        oid_id: None,
        name: Some(email.to_owned()),
        email: Some(email.to_owned()),
        is_sso_outsider: None,
        workspaces: Some(workspaces),
        subscriptions: Vec::new(),
        raw_roles: org_roles.to_vec(),
        raw_role: org_roles.first().cloned().unwrap_or_default(),
        subscription_types: None,
        created_at: OffsetDateTime::UNIX_EPOCH,
    }
}

struct Fixture {
    dir: Directory,
    research: WorkspaceOut,
    ops: WorkspaceOut,
    ada: Uuid,
    bob: Uuid,
    cy: Uuid,
}

fn fixture() -> Fixture {
    let research = workspace("Research");
    let ops = workspace("Ops");
    let admin_uuid = WorkspaceRole::WorkspaceAdmin.uuid().to_string();
    let dev_uuid = WorkspaceRole::Dev.uuid().to_string();
    let ada = member(
        "ada@example.com",
        &[
            OrgRole::Member.uuid().to_string(),
            OrgRole::OrganizationAdmin.uuid().to_string(),
        ],
        vec![
            entry(&research, &[&dev_uuid, &admin_uuid]),
            entry(&ops, &["M"]),
        ],
    );
    let bob = member(
        "bob@example.com",
        &["M".to_owned()],
        vec![entry(&research, &["custom-role-x"])],
    );
    let cy = member("cy@example.com", &["B".to_owned()], vec![]);
    let (a, b, c) = (ada.uuid, bob.uuid, cy.uuid);
    Fixture {
        dir: Directory::new(vec![ada, bob, cy], Vec::new(), &catalog()),
        research,
        ops,
        ada: a,
        bob: b,
        cy: c,
    }
}

fn roles_in(dir: &Directory, ws: Uuid) -> Vec<(Uuid, Vec<String>)> {
    dir.workspace_members(ws)
        .into_iter()
        .map(|m| (m.user.uuid, m.roles))
        .collect()
}

#[test]
fn role_values_resolve_to_names_through_the_catalog_and_unknown_ones_stay() {
    let f = fixture();
    assert_eq!(
        roles_in(&f.dir, f.research.uuid),
        vec![
            (f.ada, vec!["workspace_admin".to_owned(), "dev".to_owned()]),
            (f.bob, vec!["custom-role-x".to_owned()]),
        ]
    );
    // Legacy code M is the plain workspace member role of the catalog.
    let ops = roles_in(&f.dir, f.ops.uuid);
    assert_eq!(ops.len(), 1);
    assert_eq!(
        ops[0].1,
        vec![WorkspaceRole::from_code("M").unwrap().name().to_owned()]
    );
    assert_eq!(f.dir.org_roles(f.ada), vec!["organization_admin", "member"]);
    assert_eq!(f.dir.org_roles(f.cy), vec!["billing_manager"]);
    assert!(f.dir.org_roles(Uuid::new_v4()).is_empty());
}

#[test]
fn counts_and_non_members() {
    let f = fixture();
    assert_eq!(f.dir.member_count(f.research.uuid), 2);
    assert_eq!(f.dir.member_count(f.ops.uuid), 1);
    let outside: Vec<Uuid> = f
        .dir
        .non_members_of(f.ops.uuid)
        .iter()
        .map(|m| m.uuid)
        .collect();
    assert_eq!(outside, vec![f.bob, f.cy]);
    assert_eq!(
        f.dir.user(f.cy).unwrap().email.as_deref(),
        Some("cy@example.com")
    );
}

#[test]
fn upsert_adds_new_members_and_changes_roles_of_existing_ones() {
    let mut f = fixture();
    f.dir.apply_upsert(
        &f.ops,
        &[
            (f.cy, vec![]),
            (f.ada, vec!["dev".to_owned(), "workspace_admin".to_owned()]),
        ],
        true,
    );
    let ops = roles_in(&f.dir, f.ops.uuid);
    assert_eq!(
        ops,
        vec![
            (f.ada, vec!["workspace_admin".to_owned(), "dev".to_owned()]),
            (f.cy, vec!["workspace_contributor".to_owned()]),
        ]
    );
    assert_eq!(f.dir.member_count(f.ops.uuid), 2);
}

#[test]
fn upsert_with_empty_roles_keeps_or_resets_existing_roles_as_asked() {
    let mut f = fixture();
    f.dir.apply_upsert(&f.research, &[(f.ada, vec![])], true);
    assert_eq!(
        roles_in(&f.dir, f.research.uuid)[0].1,
        vec!["workspace_admin", "dev"]
    );
    f.dir.apply_upsert(&f.research, &[(f.ada, vec![])], false);
    assert_eq!(
        roles_in(&f.dir, f.research.uuid)[0].1,
        vec!["workspace_contributor"]
    );
    // Users outside the organization are ignored rather than invented.
    f.dir
        .apply_upsert(&f.research, &[(Uuid::new_v4(), vec![])], true);
    assert_eq!(f.dir.member_count(f.research.uuid), 2);
}

#[test]
fn removal_deletion_and_archive_drop_memberships() {
    let mut f = fixture();
    f.dir.apply_removed(f.research.uuid, &[f.bob]);
    assert_eq!(f.dir.member_count(f.research.uuid), 1);
    assert_eq!(
        f.dir
            .user(f.bob)
            .unwrap()
            .workspaces
            .as_ref()
            .unwrap()
            .len(),
        0
    );

    f.dir.apply_user_deleted(f.ada);
    assert!(f.dir.user(f.ada).is_none());
    assert_eq!(f.dir.members().len(), 2);
    assert_eq!(
        f.dir.user(f.cy).unwrap().uuid,
        f.cy,
        "index rebuilt after removal"
    );

    let mut g = fixture();
    g.dir.apply_workspace_archived(g.research.uuid);
    assert_eq!(g.dir.member_count(g.research.uuid), 0);
    assert_eq!(g.dir.member_count(g.ops.uuid), 1);
}

#[test]
fn renames_and_member_updates_are_reflected() {
    let mut f = fixture();
    let mut renamed = f.ops.clone();
    renamed.name = "Operations".to_owned();
    f.dir.apply_workspace_renamed(&renamed);
    let ada = f.dir.user(f.ada).unwrap();
    assert!(
        ada.workspaces
            .iter()
            .flatten()
            .any(|e| e.name == "Operations")
    );

    let mut updated = f.dir.user(f.bob).unwrap().clone();
    updated.raw_roles = vec!["A".to_owned()];
    updated.workspaces = None;
    f.dir.apply_member_updated(updated);
    assert_eq!(f.dir.org_roles(f.bob), vec!["organization_admin"]);
    assert_eq!(f.dir.member_count(f.research.uuid), 2, "memberships kept");
}

#[test]
fn add_only_touches_newcomers_and_creation_makes_the_admin() {
    let mut f = fixture();
    f.dir.apply_added(
        &f.research,
        &[
            (f.ada, vec!["user".to_owned()]),
            (f.cy, vec!["user".to_owned()]),
        ],
    );
    let research = roles_in(&f.dir, f.research.uuid);
    assert_eq!(
        research[0],
        (f.ada, vec!["workspace_admin".to_owned(), "dev".to_owned()])
    );
    assert_eq!(research[2], (f.cy, vec!["user".to_owned()]));

    let created = crate::api::WorkspaceEnrichedOut {
        workspace: crate::api::WorkspaceOut {
            uuid: Uuid::new_v4(),
            name: "New".into(),
            description: None,
            icon: None,
            members_count: None,
            spend_limit: None,
            is_default: false,
        },
        raw_roles: Vec::new(),
        raw_role: String::new(),
    };
    f.dir.apply_workspace_created(&created, f.bob, true);
    assert_eq!(
        roles_in(&f.dir, created.uuid),
        vec![
            (f.ada, vec!["workspace_contributor".to_owned()]),
            (f.bob, vec!["workspace_admin".to_owned()]),
            (f.cy, vec!["workspace_contributor".to_owned()]),
        ]
    );
}
