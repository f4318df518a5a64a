use super::check::conflict;
use super::*;

pub(super) fn roles(list: &[&str]) -> Vec<String> {
    list.iter().map(|r| r.to_string()).collect()
}

fn workspace(name: &str, members: &[(&str, &[&str])]) -> Workspace {
    Workspace {
        name: name.to_owned(),
        members: members
            .iter()
            .map(|(email, r)| (email.to_string(), roles(r)))
            .collect(),
        ..Workspace::default()
    }
}

pub(super) fn person(email: &str, r: &[&str]) -> Person {
    Person {
        email: email.to_owned(),
        roles: roles(r),
        ..Person::default()
    }
}

/// A small organization: a default workspace, Research, two groups, three people.
fn live() -> Organization {
    let mut default = workspace(
        "Default",
        &[
            ("ana@x.io", &["workspace_contributor"]),
            ("bob@x.io", &["workspace_contributor"]),
            ("cy@x.io", &["workspace_contributor"]),
        ],
    );
    default.default = true;
    let mut org = Organization {
        monthly_spend_limit: Some(Limit::Amount(1000)),
        workspaces: vec![
            default,
            workspace(
                "Research",
                &[("ana@x.io", &["workspace_admin"]), ("bob@x.io", &["dev"])],
            ),
        ],
        groups: vec![Group {
            name: "Finance".into(),
            organization_role: Some("billing_manager".into()),
            members: roles(&["cy@x.io"]),
            ..Group::default()
        }],
        people: vec![
            person("ana@x.io", &["organization_admin"]),
            person("bob@x.io", &["member"]),
            person("cy@x.io", &["member"]),
        ],
        invitations: vec![Invitation {
            email: "dee@x.io".into(),
            roles: roles(&["member"]),
            workspaces: Vec::new(),
        }],
        ..Organization::default()
    };
    org.normalize();
    org
}

#[test]
fn an_unchanged_organization_has_no_changes() {
    let diff = diff(&live(), &live());
    assert_eq!(diff, Diff::default());
}

#[test]
fn a_role_change_a_new_member_a_removed_member_and_a_new_workspace_are_four_changes() {
    let mut wanted = live();
    let research = &mut wanted.workspaces[1];
    research
        .members
        .insert("bob@x.io".into(), roles(&["workspace_admin"]));
    research.members.insert("cy@x.io".into(), roles(&["dev"]));
    research.members.remove("ana@x.io");
    let mut lab = workspace("Lab", &[("cy@x.io", &["workspace_admin"])]);
    lab.icon = "🧪".into();
    wanted.workspaces.push(lab);
    wanted.normalize();
    let found = diff(&live(), &wanted);
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    let lines: Vec<String> = found.changes.iter().map(Change::line).collect();
    assert_eq!(
        lines,
        [
            "+ workspace \"Lab\": create, with cy@x.io as its admin and 1 member(s)",
            "~ \"Research\" member bob@x.io: dev -> workspace_admin",
            "+ \"Research\" member cy@x.io: dev",
            "- \"Research\" member ana@x.io (workspace_admin)",
        ]
    );
    let phases: Vec<Phase> = found.changes.iter().map(Change::phase).collect();
    assert_eq!(
        phases,
        [Phase::Create, Phase::Grant, Phase::Grant, Phase::Revoke]
    );
}

#[test]
fn destructive_changes_say_whether_the_file_asked_for_them() {
    let mut wanted = live();
    wanted.workspaces[1].archived = true;
    wanted.people.retain(|p| p.email != "cy@x.io");
    wanted.groups[0].delete = true;
    let found = diff(&live(), &wanted);
    let destructive: Vec<(String, bool)> = found
        .changes
        .iter()
        .filter(|c| c.is_destructive())
        .map(|c| (c.line(), c.is_explicit()))
        .collect();
    assert_eq!(
        destructive,
        [
            (
                "- workspace \"Research\": archive (cannot be undone)".to_owned(),
                true
            ),
            (
                "- person cy@x.io: not in the file (to remove them, list them with remove = true)"
                    .to_owned(),
                false
            ),
            (
                "- group \"Finance\": delete (cannot be undone)".to_owned(),
                true
            ),
        ]
    );
    assert!(found.changes.iter().all(|c| c.phase() == Phase::Destroy));
}

#[test]
fn what_cannot_be_done_is_a_problem_not_a_change() {
    let mut wanted = live();
    wanted.workspaces[0].members.remove("bob@x.io");
    wanted
        .workspaces
        .push(workspace("Lab", &[("new@x.io", &["dev"])]));
    wanted.groups[0].organization_role = None;
    wanted.people.push(person("stranger@x.io", &["member"]));
    wanted.normalize();
    let found = diff(&live(), &wanted);
    assert_eq!(
        found.problems,
        [
            "bob@x.io cannot leave \"Default\": it is the organization's default workspace, which every member belongs to",
            "new@x.io in workspace \"Lab\" is not a member of the organization (people join by invitation: list them under invitations)",
            "new workspace \"Lab\" needs a member with workspace_admin: the Admin API creates a workspace with its admin",
            "person stranger@x.io is not a member of the organization (people join by invitation: list them under invitations)",
            "group \"Finance\": the Admin API cannot take a group's organization role away (it can only be set to another role)",
        ]
    );
}

#[test]
fn groups_are_created_parents_first_and_their_changes_listed() {
    let mut wanted = live();
    wanted.groups.push(Group {
        name: "Evaluation".into(),
        nested_in: roles(&["Research Engineers"]),
        ..Group::default()
    });
    wanted.groups.push(Group {
        name: "Research Engineers".into(),
        members: roles(&["bob@x.io"]),
        workspaces: [("Research".to_owned(), roles(&["dev"]))].into(),
        ..Group::default()
    });
    wanted.groups[0].members.push("bob@x.io".into());
    wanted.groups[0]
        .workspaces
        .insert("Research".into(), roles(&["billing"]));
    wanted.normalize();
    let lines: Vec<String> = diff(&live(), &wanted)
        .changes
        .iter()
        .map(Change::line)
        .collect();
    assert_eq!(
        lines,
        [
            "+ group \"Finance\" member bob@x.io",
            "+ group \"Finance\" in \"Research\": billing",
            "+ group \"Research Engineers\": create, with 1 member(s) and 1 workspace(s)",
            "+ group \"Evaluation\": create, with 0 member(s) and 0 workspace(s)",
        ]
    );
}

/// The advice for a kept group nested inside a deleted one names a `nested_in` to edit only
/// where the file has one: a group the file leaves out is to be added first.
#[test]
fn advice_for_a_nesting_that_outlives_a_deletion_names_only_what_the_file_holds() {
    let mut live = live();
    live.groups.push(Group {
        name: "Evaluation".into(),
        nested_in: roles(&["Finance"]),
        ..Group::default()
    });
    live.normalize();
    let mut wanted = live.clone();
    wanted.groups.retain(|g| g.name != "Evaluation");
    wanted.groups[0].delete = true;
    wanted.normalize();
    assert_eq!(
        diff(&live, &wanted).problems,
        [
            "group \"Evaluation\" is nested inside \"Finance\", which the file deletes: the nesting would end with it and every later apply would stop at it; the file leaves \"Evaluation\" out, so it keeps that nesting: add \"Evaluation\" to the file without \"Finance\" in its nested_in, or keep \"Finance\""
        ]
    );
    let mut kept = live.clone();
    kept.groups
        .iter_mut()
        .for_each(|g| g.delete = g.name == "Finance");
    assert_eq!(
        diff(&live, &kept).problems,
        [
            "group \"Evaluation\" is nested inside \"Finance\", which the file deletes: the nesting would end with it and every later apply would stop at it; take \"Finance\" out of the nested_in of \"Evaluation\", or keep \"Finance\""
        ]
    );
}

#[test]
fn an_inverse_takes_a_change_back_and_a_later_edit_is_a_conflict() {
    let change = Change::SetMemberRoles {
        workspace: "Research".into(),
        email: "bob@x.io".into(),
        before: roles(&["dev"]),
        after: roles(&["workspace_admin"]),
    };
    let undo = change.inverse().unwrap();
    assert_eq!(
        undo.line(),
        "~ \"Research\" member bob@x.io: workspace_admin -> dev"
    );
    let mut after = live();
    after.workspaces[1]
        .members
        .insert("bob@x.io".into(), roles(&["workspace_admin"]));
    assert_eq!(conflict(&undo, &after), None);
    let mut edited = live();
    edited.workspaces[1]
        .members
        .insert("bob@x.io".into(), roles(&["user"]));
    assert_eq!(
        conflict(&undo, &edited).as_deref(),
        Some("bob@x.io has user in \"Research\" now, not workspace_admin")
    );
    let archive = Change::ArchiveWorkspace {
        workspace: "Research".into(),
        explicit: true,
    };
    assert!(
        archive
            .inverse()
            .unwrap_err()
            .starts_with("archiving is permanent")
    );
    let rename = Change::EditWorkspace {
        workspace: "Research".into(),
        field: WorkspaceField::Name,
        before: FieldValue::Text("Research".into()),
        after: FieldValue::Text("R&D".into()),
    };
    assert!(
        matches!(rename.inverse().unwrap(), Change::EditWorkspace { workspace, .. } if workspace == "R&D")
    );
}

#[test]
fn the_file_reads_back_as_written_in_toml_and_an_unknown_field_is_refused() {
    let mut org = live();
    org.workspaces[1].monthly_spend_cap = Some(Limit::Unlimited);
    org.workspaces[1].members_can_create_api_keys = Some(false);
    let text = toml::to_string(&org).unwrap();
    assert!(text.contains("monthly_spend_cap = \"none\""), "{text}");
    assert!(
        text.contains("\"ana@x.io\" = [\"workspace_admin\"]"),
        "{text}"
    );
    let back: Organization = toml::from_str(&text).unwrap();
    assert_eq!(back, org);
    let typo = text
        .replace("icon", "icno")
        .replace("[[workspaces]]\nname", "[[workspaces]]\nicno = \"x\"\nname");
    let error = toml::from_str::<Organization>(&typo)
        .unwrap_err()
        .to_string();
    assert!(error.contains("unknown field `icno`"), "{error}");
    let negative = toml::from_str::<Organization>("monthly_spend_limit = -5").unwrap_err();
    assert!(
        negative.to_string().contains("cannot be negative"),
        "{negative}"
    );
}

#[test]
fn an_invitation_to_an_address_that_is_not_one_is_a_problem_not_a_change() {
    let mut wanted = live();
    wanted.invitations.push(Invitation {
        email: "not-an-address".into(),
        roles: roles(&["member"]),
        workspaces: Vec::new(),
    });
    wanted.normalize();
    let found = diff(&live(), &wanted);
    assert!(found.changes.is_empty(), "{:?}", found.changes);
    assert_eq!(
        found.problems,
        ["invitation \"not-an-address\" is not a valid email address"]
    );
}

#[test]
fn a_pending_invitation_given_other_terms_is_replaced_and_the_same_terms_change_nothing() {
    let mut wanted = live();
    wanted.invitations[0].roles = roles(&["billing_manager"]);
    wanted.invitations[0].workspaces = vec!["research".into()];
    wanted.normalize();
    let found = diff(&live(), &wanted);
    assert!(found.notes.is_empty(), "{:?}", found.notes);
    let replaced = Change::ReplaceInvitation {
        before: live().invitations[0].clone(),
        after: wanted.invitations[0].clone(),
    };
    assert_eq!(found.changes, std::slice::from_ref(&replaced));
    assert_eq!(
        replaced.describe(),
        "invitation dee@x.io: member in no workspace -> billing_manager in \"research\""
    );
    let mut reordered = live();
    reordered.invitations[0].workspaces = Vec::new();
    reordered.invitations[0].email = "DEE@x.io".into();
    assert!(diff(&live(), &reordered).changes.is_empty());
}
