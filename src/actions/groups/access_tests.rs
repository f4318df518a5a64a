//! Access through groups: nesting passes members upwards, and a change's preview names who
//! gains or loses which role, with cycles and unrelated groups left alone.

use super::access::{GroupAccess, Place};
use super::*;
use crate::actions::fixtures::id;
use crate::api::{AssignGroupToWorkspaceIn, GroupWorkspaceAssignmentOut, WorkspaceRoleRef};
use crate::domain::WorkspaceRole;

fn group(n: u128, parents: &[u128]) -> AdminUserGroupOut {
    AdminUserGroupOut {
        uuid: id(n),
        name: format!("g{n}"),
        description: None,
        externally_managed: None,
        target_type: None,
        organization_role: None,
        parent_group_ids: parents.iter().map(|p| id(*p)).collect(),
    }
}

fn assignment(workspace: u128, role: &str) -> GroupWorkspaceAssignmentOut {
    GroupWorkspaceAssignmentOut {
        roles: vec![WorkspaceRoleRef {
            uuid: uuid::Uuid::nil(),
            name: role.to_owned(),
        }],
        role_uuid: None,
        role_name: None,
        workspace_uuid: id(workspace),
        workspace_name: format!("w{workspace}"),
        created: time::OffsetDateTime::UNIX_EPOCH,
    }
}

/// g1 assigned to w100 as workspace_admin; g2 nested inside g1; g3 on its own.
fn org() -> GroupAccess {
    let (g1, g2, g3) = (group(1, &[]), group(2, &[1]), group(3, &[]));
    let m1 = [id(10)];
    let m2 = [id(11), id(12)];
    let m3 = [id(13)];
    let a1 = [assignment(100, "workspace_admin")];
    GroupAccess::new([
        (&g1, &m1[..], &a1[..]),
        (&g2, &m2[..], &[][..]),
        (&g3, &m3[..], &[][..]),
    ])
}

#[test]
fn members_of_a_nested_group_are_members_of_the_outer_one() {
    let access = org();
    let people: Vec<_> = access.effective_members(id(1)).into_iter().collect();
    assert_eq!(people, vec![id(10), id(11), id(12)]);
    assert_eq!(access.grants().len(), 3);
}

#[test]
fn adding_members_to_an_assigned_group_previews_their_new_role() {
    let request = GroupRequest::AddMembers {
        group: id(2),
        users: vec![id(13), id(11)],
    };
    let change = org().preview(&request, &[]);
    assert!(change.lost.is_empty());
    assert_eq!(change.gained.len(), 1, "11 already held it: {change:?}");
    assert_eq!(change.gained[0].user, id(13));
    assert_eq!(change.gained[0].place, Place::Workspace(id(100)));
    assert_eq!(change.gained[0].role, "workspace_admin");
}

#[test]
fn unnesting_and_deleting_preview_what_is_lost() {
    let unnest = GroupRequest::Update {
        group: id(2),
        body: crate::api::AdminUpdateUserGroupIn {
            parent_group_ids: Some(Vec::new()),
            ..Default::default()
        },
    };
    let change = org().preview(&unnest, &[]);
    let lost: Vec<_> = change.lost.iter().map(|g| g.user).collect();
    assert_eq!(lost, vec![id(11), id(12)]);
    let delete = GroupRequest::Delete { group: id(1) };
    assert_eq!(org().preview(&delete, &[]).lost.len(), 3);
    let rename = GroupRequest::Update {
        group: id(1),
        body: crate::api::AdminUpdateUserGroupIn {
            name: Some("new".into()),
            ..Default::default()
        },
    };
    assert!(org().preview(&rename, &[]).is_empty());
}

#[test]
fn assigning_and_provisioning_preview_every_effective_member() {
    let assign = GroupRequest::Assign {
        group: id(1),
        body: AssignGroupToWorkspaceIn::with_role_names(id(101), &[WorkspaceRole::Dev]),
    };
    let change = org().preview(&assign, &[]);
    assert_eq!(change.gained.len(), 3);
    assert!(
        change
            .gained
            .iter()
            .all(|g| g.place == Place::Workspace(id(101)))
    );
    let provision = GroupRequest::Provision {
        body: crate::api::AdminProvisionGroupToWorkspaceIn {
            user_group_uuid: id(3),
            workspace_uuid: id(100),
            workspace_role: None,
            workspace_role_name: Some(WorkspaceRole::Dev),
        },
    };
    let change = org().preview(&provision, &[]);
    assert_eq!(change.gained.len(), 1);
    assert_eq!(change.gained[0].user, id(13));
}

#[test]
fn a_cycle_in_the_data_does_not_loop_forever() {
    let (a, b) = (group(1, &[2]), group(2, &[1]));
    let (ma, mb) = ([id(10)], [id(11)]);
    let access = GroupAccess::new([(&a, &ma[..], &[][..]), (&b, &mb[..], &[][..])]);
    assert_eq!(access.effective_members(id(1)).len(), 2);
}

#[test]
fn the_preview_in_words_groups_roles_by_person_and_place() {
    let assign = GroupRequest::Assign {
        group: id(3),
        body: AssignGroupToWorkspaceIn::with_role_names(
            id(100),
            &[WorkspaceRole::Dev, WorkspaceRole::WorkspaceAdmin],
        ),
    };
    let change = org().preview(&assign, &[]);
    let lines = super::access::describe(
        &change,
        |u| format!("u{}", u.as_u128()),
        |w| format!("w{}", w.as_u128()),
    );
    assert_eq!(lines, vec!["u13 gains dev, workspace_admin in \"w100\""]);
    let unassign = GroupRequest::Unassign {
        group: id(1),
        workspace: id(100),
    };
    let change = org().preview(&unassign, &[]);
    let lines = super::access::describe(&change, |u| format!("u{}", u.as_u128()), |_| "W".into());
    assert_eq!(lines.len(), 3);
    assert!(lines[0].ends_with("loses workspace_admin in \"W\" (unless held directly)"));
}

#[test]
fn roles_held_through_groups_name_the_group_even_through_nesting() {
    let access = org();
    let through = vec![("g1".to_owned(), vec!["workspace_admin".to_owned()])];
    assert_eq!(access.through(id(10), id(100)), through);
    assert_eq!(
        access.through(id(12), id(100)),
        through,
        "g2 sits inside g1"
    );
    assert!(access.through(id(13), id(100)).is_empty());
    assert!(access.through(id(10), id(101)).is_empty());
}

/// Deleting g1 (nested in g0, holding g2) is told whole: who loses what it grants, the
/// nestings that end, and by name each person who loses a role through it, including what
/// g0 gave through it and what g2's members had only through g1.
#[test]
fn deleting_a_group_tells_the_nestings_it_ends_and_who_loses_what() {
    let (g0, g1, g2) = (group(0, &[]), group(1, &[0]), group(2, &[1]));
    let all = [g0.clone(), g1.clone(), g2.clone()];
    let a0 = [assignment(101, "dev")];
    let a1 = [assignment(100, "workspace_admin")];
    let (m0, m1, m2) = ([id(14)], [id(10)], [id(11)]);
    let access = GroupAccess::new([
        (&g0, &m0[..], &a0[..]),
        (&g1, &m1[..], &a1[..]),
        (&g2, &m2[..], &[][..]),
    ]);
    let plan = delete(&g1, &all, 1, &a1).unwrap();
    assert_eq!(
        plan.summary,
        "Deleting the group \"g1\" is permanent: its 1 direct member and everyone in the groups nested in it (\"g2\") lose what it grants in \"w100\"; \"g2\" stays, but is no longer nested in it; it leaves \"g0\", so its members no longer receive what that group grants through it"
    );
    let names = |n: uuid::Uuid| format!("p{}", n.as_u128());
    let places = |n: uuid::Uuid| format!("w{}", n.as_u128());
    assert_eq!(
        losses(&access, id(1), names, places),
        [
            "p10 loses dev in \"w101\" (unless held directly)",
            "p10 loses workspace_admin in \"w100\" (unless held directly)",
            "p11 loses dev in \"w101\" (unless held directly)",
            "p11 loses workspace_admin in \"w100\" (unless held directly)",
        ]
    );
    let alone = delete(&g0, &all, 1, &a0).unwrap();
    assert!(
        alone.summary.ends_with(
            "its 1 direct member and everyone in the groups nested in it (\"g1\") lose what it grants in \"w101\"; \"g1\" stays, but is no longer nested in it"
        ),
        "{}",
        alone.summary
    );
}
