use super::*;
use crate::actions::fixtures::{RESEARCH, catalog, group_out, id, workspace};
use crate::actions::members::Person;
use crate::api::{AdminUserGroupMemberOut, GroupWorkspaceAssignmentOut, WorkspaceRoleRef};
use crate::domain::WorkspaceRole;

fn person(n: u128, name: &str) -> Person {
    Person {
        user_id: id(n),
        name: name.to_owned(),
    }
}

fn member(n: u128) -> AdminUserGroupMemberOut {
    AdminUserGroupMemberOut {
        user_uuid: id(n),
        name: None,
        email: None,
    }
}

#[test]
fn groups_are_found_by_name_folded_or_uuid_and_names_stay_unique() {
    let groups = vec![
        group_out(50, "Research Engineers", &[]),
        group_out(51, "Évaluation", &[]),
    ];
    assert_eq!(group(&groups, " evaluation ").unwrap().uuid, id(51));
    assert_eq!(group(&groups, &id(50).to_string()).unwrap().uuid, id(50));
    let missing = group(&groups, "Research").unwrap_err().to_string();
    assert_eq!(
        missing,
        "no group \"Research\"; did you mean Research Engineers?"
    );
    let taken = create("EVALUATION", None, None, &[], &groups).unwrap_err();
    assert_eq!(
        taken.to_string(),
        "A group named \"Évaluation\" already exists"
    );
}

#[test]
fn provider_groups_keep_their_members_and_name_but_not_their_description() {
    let mut idp = group_out(52, "Engineering", &[]);
    idp.externally_managed = Some(true);
    let err = add_members(&idp, &[person(10, "Zoë")], &[]).unwrap_err();
    assert!(err.to_string().contains("identity provider"), "{err}");
    assert!(delete(&idp, &[], 0, &[]).is_err());
    assert!(edit(&idp, Some("Eng"), None, None, &[]).is_err());
    let described = edit(&idp, None, Some("Builds things"), None, &[]).unwrap();
    assert_eq!(described.steps.len(), 1);
}

#[test]
fn members_already_in_a_group_are_left_out_and_said_so() {
    let group = group_out(50, "Finance", &[]);
    let plan = add_members(
        &group,
        &[person(10, "Zoë"), person(11, "Jane")],
        &[member(10)],
    )
    .unwrap();
    assert_eq!(
        plan.steps[0].request,
        Request::Group(GroupRequest::AddMembers {
            group: id(50),
            users: vec![id(11)]
        })
    );
    assert_eq!(plan.notes, ["Zoë already in \"Finance\""]);
    let none = remove_members(&group, &[person(11, "Jane")], &[member(10)]).unwrap();
    assert!(none.changes_nothing());
    assert_eq!(none.summary, "Nothing to remove: Jane not in \"Finance\"");
}

#[test]
fn nesting_sends_the_full_list_of_parents_and_refuses_a_group_inside_itself() {
    let mut child = group_out(51, "Evaluation", &[]);
    child.parent_group_ids = vec![id(60)];
    let parent = group_out(50, "Research Engineers", &[]);
    let plan = nest(&child, &parent, true).unwrap();
    let Request::Group(GroupRequest::Update { body, .. }) = &plan.steps[0].request else {
        panic!("{plan:?}");
    };
    assert_eq!(body.parent_group_ids, Some(vec![id(60), id(50)]));
    assert!(nest(&child, &parent, false).unwrap().changes_nothing());
    assert!(nest(&parent, &parent, true).is_err());
}

#[test]
fn assigning_again_changes_the_roles_and_the_same_roles_change_nothing() {
    let group = group_out(50, "Research Engineers", &[]);
    let research = workspace(RESEARCH, "Research");
    let catalog = catalog().workspace_roles;
    let fresh = assign(&group, &research, &["dev".into()], &[], &catalog).unwrap();
    assert!(matches!(
        fresh.steps[0].request,
        Request::Group(GroupRequest::Assign { .. })
    ));
    let existing = GroupWorkspaceAssignmentOut {
        roles: vec![WorkspaceRoleRef {
            name: "dev".into(),
            uuid: WorkspaceRole::Dev.uuid(),
        }],
        role_uuid: None,
        role_name: None,
        workspace_uuid: research.uuid,
        workspace_name: "Research".into(),
        created: time::OffsetDateTime::UNIX_EPOCH,
    };
    let same = assign(
        &group,
        &research,
        &["dev".into()],
        std::slice::from_ref(&existing),
        &catalog,
    );
    assert!(same.unwrap().changes_nothing());
    let more = assign(
        &group,
        &research,
        &["dev".into(), "workspace_admin".into()],
        &[existing],
        &catalog,
    )
    .unwrap();
    assert_eq!(
        more.summary,
        "Change what the group \"Research Engineers\" in \"Research\" grants: dev -> workspace_admin, dev"
    );
}

#[test]
fn deleting_a_group_is_confirmed_by_its_name_and_says_what_goes() {
    let mut group = group_out(50, "Finance", &[]);
    group.organization_role = Some(OrgRole::BillingManager.uuid().to_string());
    let plan = delete(&group, &[], 3, &[]).unwrap();
    assert!(plan.is_irreversible());
    assert_eq!(plan.confirm, ["Finance"]);
    assert_eq!(
        plan.summary,
        "Deleting the group \"Finance\" is permanent: its 3 direct members lose what it grants, and the organization role it gives (billing_manager)"
    );
    assert!(
        set_role(&group, OrgRole::BillingManager)
            .unwrap()
            .changes_nothing()
    );
    assert_eq!(target_code("organization").unwrap(), "O");
}
