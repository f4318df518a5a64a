//! Undo of someone's own roles after their groups changed: checked and sent by their own
//! roles as they are now, never making a role a group gives now their own.

use super::check::conflict;
use super::own::as_now;
use super::tests::{person, roles};
use super::*;

/// Research, where jo holds what `held` says and Engineers gives the members in `group` what
/// `given` says.
fn research(held: &[&str], given: &[&str], group: &[&str]) -> Organization {
    let mut org = Organization {
        workspaces: vec![Workspace {
            name: "Research".into(),
            members: [("jo@x.io".to_owned(), roles(held))].into(),
            ..Workspace::default()
        }],
        groups: vec![Group {
            name: "Engineers".into(),
            members: roles(group),
            workspaces: [("Research".to_owned(), roles(given))].into(),
            ..Group::default()
        }],
        people: vec![person("jo@x.io", &["member"])],
        ..Organization::default()
    };
    org.normalize();
    org
}

/// The undo of jo's own roles going from `observability_viewer` to `workflow_executor` while
/// Engineers gave dev: it expects dev and workflow_executor in total.
fn undo() -> Change {
    Change::SetOwnRoles {
        workspace: Some("Research".into()),
        email: "jo@x.io".into(),
        before: roles(&["dev", "workflow_executor"]),
        after: roles(&["dev", "observability_viewer"]),
        own_before: roles(&["workflow_executor"]),
        own_after: roles(&["observability_viewer"]),
    }
}

#[test]
fn as_the_change_left_it_the_undo_goes_as_recorded() {
    let now = research(&["dev", "workflow_executor"], &["dev"], &["jo@x.io"]);
    assert_eq!(conflict(&undo(), &now), None);
    assert_eq!(as_now(undo(), &now), undo());
}

#[test]
fn after_leaving_the_group_their_own_roles_decide() {
    let now = research(&["workflow_executor"], &["dev"], &[]);
    assert_eq!(conflict(&undo(), &now), None);
    let Change::SetOwnRoles {
        before,
        after,
        own_after,
        ..
    } = as_now(undo(), &now)
    else {
        panic!("an own role change");
    };
    assert_eq!(before, roles(&["workflow_executor"]));
    assert_eq!(after, roles(&["observability_viewer"]));
    assert_eq!(own_after, roles(&["observability_viewer"]));
}

#[test]
fn a_role_a_group_gives_now_is_not_sent_as_their_own() {
    let now = research(
        &["observability_viewer", "workflow_executor"],
        &["observability_viewer"],
        &["jo@x.io"],
    );
    assert_eq!(conflict(&undo(), &now), None);
    let Change::SetOwnRoles {
        after, own_after, ..
    } = as_now(undo(), &now)
    else {
        panic!("an own role change");
    };
    assert_eq!(own_after, Vec::<String>::new(), "their own membership ends");
    assert_eq!(after, roles(&["observability_viewer"]));
}

#[test]
fn own_roles_changed_since_are_a_conflict_that_names_them() {
    let now = research(&["user", "workflow_executor"], &["dev"], &[]);
    let why = conflict(&undo(), &now).expect("a conflict");
    assert!(
        why.contains(
            "own roles in \"Research\" are user, workflow_executor now, not workflow_executor"
        ),
        "{why}"
    );
}
