//! The staging state on its own: per organization, merging two edits of one thing, dropping
//! by id, and the mark a staged member gets.

use super::*;
use crate::domain::org::FieldValue;

fn roles(list: &[&str]) -> Vec<String> {
    list.iter().map(|r| r.to_string()).collect()
}

fn set_roles(email: &str, before: &[&str], after: &[&str]) -> Change {
    Change::SetMemberRoles {
        workspace: "Research".into(),
        email: email.into(),
        before: roles(before),
        after: roles(after),
    }
}

fn add(email: &str) -> Change {
    Change::AddMember {
        workspace: "Research".into(),
        email: email.into(),
        roles: roles(&["dev"]),
    }
}

#[test]
fn changes_are_kept_per_organization_in_the_order_staged() {
    let mut staging = Staging::default();
    assert!(staging.toggle(), "the switch turns on");
    assert_eq!(
        staging.add(0, vec![set_roles("ana@x.io", &["dev"], &["user"])]),
        1
    );
    assert_eq!(staging.add(1, vec![add("bob@x.io")]), 1);
    assert_eq!(staging.add(0, vec![add("cy@x.io")]), 2);
    assert_eq!(
        staging.changes(0),
        [set_roles("ana@x.io", &["dev"], &["user"]), add("cy@x.io")]
    );
    assert_eq!(staging.count(1), 1);
    assert!(!staging.toggle(), "and off again");
    assert_eq!(staging.count(0), 2, "turning it off keeps what is staged");
}

#[test]
fn a_second_edit_of_the_same_member_makes_one_change_from_the_server_value() {
    let mut staging = Staging::default();
    staging.add(0, vec![set_roles("ana@x.io", &["dev"], &["user"])]);
    // The second edit is read against the server, where Ana is still dev.
    staging.add(
        0,
        vec![set_roles("ANA@x.io", &["dev"], &["workspace_admin"])],
    );
    assert_eq!(
        staging.changes(0),
        [set_roles("ANA@x.io", &["dev"], &["workspace_admin"])]
    );
    staging.add(0, vec![set_roles("ana@x.io", &["dev"], &["dev"])]);
    assert_eq!(
        staging.count(0),
        0,
        "back to the server's value: nothing left"
    );
}

#[test]
fn a_settings_field_edited_twice_keeps_its_first_before() {
    let edit = |before: &str, after: &str| Change::EditWorkspace {
        workspace: "Research".into(),
        field: crate::domain::org::WorkspaceField::Description,
        before: FieldValue::Text(before.into()),
        after: FieldValue::Text(after.into()),
    };
    let mut staging = Staging::default();
    staging.add(0, vec![edit("old", "new")]);
    staging.add(0, vec![edit("old", "newer")]);
    assert_eq!(staging.changes(0), [edit("old", "newer")]);
}

#[test]
fn removing_by_id_takes_out_only_those_and_ids_stay_put() {
    let mut staging = Staging::default();
    staging.add(
        0,
        vec![
            set_roles("ana@x.io", &["dev"], &["user"]),
            add("bob@x.io"),
            add("cy@x.io"),
        ],
    );
    let ids: Vec<u64> = staging.of(0).map(|s| s.id).collect();
    let gone = staging.remove(&[ids[1]]);
    assert_eq!(gone.len(), 1);
    assert_eq!(gone[0].change, add("bob@x.io"));
    let left: Vec<u64> = staging.of(0).map(|s| s.id).collect();
    assert_eq!(left, [ids[0], ids[2]]);
    assert_eq!(staging.ids_of(0, &[add("cy@x.io")]), [ids[2]]);
}

#[test]
fn a_member_row_is_marked_with_its_staged_change() {
    let mut staging = Staging::default();
    staging.add(
        0,
        vec![set_roles("ana@x.io", &["dev"], &["user"]), add("bob@x.io")],
    );
    assert_eq!(staging.member_mark(0, "research", "Ana@x.io"), Some('~'));
    assert_eq!(staging.member_mark(0, "Research", "bob@x.io"), Some('+'));
    assert_eq!(staging.member_mark(0, "Research", "cy@x.io"), None);
    assert_eq!(
        staging.member_mark(1, "Research", "ana@x.io"),
        None,
        "other org"
    );
}

#[test]
fn two_renames_of_a_group_make_one_and_a_repeated_group_change_is_staged_once() {
    use crate::domain::org::GroupField;
    let rename = |after: &str| Change::EditGroup {
        group: "Sales".into(),
        field: GroupField::Name,
        before: FieldValue::Text("Sales".into()),
        after: FieldValue::Text(after.into()),
    };
    let join = Change::AddGroupMember {
        group: "Sales".into(),
        email: "ana@x.io".into(),
    };
    let mut staging = Staging::default();
    staging.add(0, vec![rename("Revenue"), join.clone()]);
    assert_eq!(staging.add(0, vec![rename("Growth"), join.clone()]), 2);
    assert_eq!(staging.changes(0), vec![rename("Growth"), join]);
    // Back to the server's name: nothing left to rename.
    assert_eq!(staging.add(0, vec![rename("Sales")]), 1);
}
