//! Unit tests of the member planners: who is sent, who is named, what is refused.

use super::*;
use crate::actions::fixtures::*;
use crate::actions::groups::access::Node;
use crate::actions::roles::exactly;

fn person(n: u128, name: &str) -> Person {
    Person {
        user_id: id(n),
        name: name.into(),
    }
}

#[test]
fn adding_sends_only_newcomers_and_names_those_who_already_belong() {
    let d = directory();
    let research = &workspaces()[1];
    let catalog = catalog().workspace_roles;
    let people = [person(ANA, "Ana"), person(JANE, "Jane Doe")];
    let plan = add(research, &people, &["dev".into()], &d, &catalog).unwrap();
    assert_eq!(
        plan.steps[0].request.body().unwrap(),
        serde_json::json!({"members": [{"role_names": ["dev"], "user_uuid": id(ANA).to_string()}]})
    );
    assert_eq!(plan.summary, "Add 1 member to \"Research\" as dev: Ana");
    assert_eq!(
        plan.notes,
        ["Jane Doe already belongs to \"Research\" and keeps their roles"]
    );
    let again = add(research, &people[1..], &["dev".into()], &d, &catalog).unwrap();
    assert!(again.changes_nothing());
}

#[test]
fn role_changes_go_to_members_only_and_send_only_who_changes() {
    let d = directory();
    let research = &workspaces()[1];
    let catalog = catalog().workspace_roles;
    let err = targets(research, &[person(ANA, "Ana")], &d).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Ana is not a member of \"Research\"; add them first"
    );
    let chosen = targets(
        research,
        &[person(ZOE, "Zoë"), person(JANE, "Jane Doe")],
        &d,
    )
    .unwrap();
    assert_eq!(chosen[1].roles, ["dev", "observability_viewer"]);
    let ticks = exactly(&["workspace_admin".into()], &catalog, &chosen);
    let plan = set_roles(research, &chosen, &ticks, &catalog, &GroupAccess::default()).unwrap();
    assert_eq!(
        plan.summary,
        "Change the roles of 1 member in \"Research\": Jane Doe: dev, observability_viewer -> workspace_admin"
    );
    let Request::SetMemberRoles { members, .. } = &plan.steps[0].request else {
        panic!("{plan:?}");
    };
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].user_uuid, id(JANE));
}

#[test]
fn removing_refuses_the_default_workspace_and_skips_strangers() {
    let d = directory();
    let all = workspaces();
    let none = GroupAccess::default();
    let err = remove(&all[0], &[person(ANA, "Ana")], &d, &none).unwrap_err();
    assert!(err.to_string().contains("default workspace"), "{err}");
    let plan = remove(
        &all[1],
        &[person(JANE, "Jane Doe"), person(ANA, "Ana")],
        &d,
        &none,
    )
    .unwrap();
    assert_eq!(
        plan.steps[0].request,
        Request::RemoveMembers {
            workspace: id(RESEARCH),
            users: vec![id(JANE)]
        }
    );
    assert_eq!(plan.notes, ["Ana does not belong to \"Research\""]);
    assert!(!plan.is_irreversible() && plan.confirm.is_empty());
}

/// A group named "Engineers" giving `roles` in Research to Jane Doe.
fn jane_through_engineers(roles: &[&str]) -> GroupAccess {
    let node = Node {
        name: "Engineers".into(),
        members: vec![id(JANE)],
        assignments: vec![(id(RESEARCH), roles.iter().map(|r| r.to_string()).collect())],
        ..Node::default()
    };
    GroupAccess {
        nodes: [(id(900), node)].into(),
    }
}

#[test]
fn removing_someone_a_group_keeps_in_the_workspace_says_so_before_and_after() {
    let d = directory();
    let research = &workspaces()[1];
    let access = jane_through_engineers(&["dev"]);
    let plan = remove(research, &[person(JANE, "Jane Doe")], &d, &access).unwrap();
    assert_eq!(
        plan.summary,
        "Remove 1 member from \"Research\": Jane Doe. Their own membership ends; Jane Doe stays in it through a group."
    );
    assert_eq!(
        plan.notes,
        [
            "Jane Doe stays in \"Research\" with dev through the group \"Engineers\": removing their own membership leaves them in the workspace; take them out of the group to end their access"
        ]
    );
    let Intent::RemoveMembers { kept, .. } = &plan.intent else {
        panic!("{plan:?}");
    };
    assert_eq!(
        kept,
        &[(
            id(JANE),
            "Jane Doe keeps dev through the group \"Engineers\"".to_owned()
        )]
    );
}

#[test]
fn a_role_change_names_the_roles_a_group_still_gives() {
    let d = directory();
    let research = &workspaces()[1];
    let catalog = catalog().workspace_roles;
    let chosen = targets(research, &[person(JANE, "Jane Doe")], &d).unwrap();
    let ticks = [("dev".to_owned(), RoleTick::Off)];
    let access = jane_through_engineers(&["dev"]);
    let plan = set_roles(research, &chosen, &ticks, &catalog, &access).unwrap();
    assert_eq!(
        plan.notes,
        [
            "In \"Research\", Jane Doe keeps dev through the group \"Engineers\", not as their own (if it was also their own, it is the group's only from now on): a group's roles stay until they leave the group or the group's roles change"
        ]
    );
    let quiet = set_roles(
        research,
        &chosen,
        &[("observability_viewer".to_owned(), RoleTick::Off)],
        &catalog,
        &access,
    )
    .unwrap();
    assert_eq!(
        quiet.notes, plan.notes,
        "dev is kept, but as the group's: her own membership ends"
    );
    assert!(
        matches!(quiet.steps[0].request, Request::RemoveMembers { .. }),
        "{quiet:?}"
    );
}
