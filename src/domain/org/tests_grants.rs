//! The plan engine with roles that come through groups: the server reports each member's own
//! roles united with their groups', so a file can only take away what a group does not give.

use super::tests::{person, roles};
use super::*;

/// Research, where ana is admin on her own, bob holds dev only through Engineers, and cy holds
/// `user` on her own and dev through Evaluation (nested inside Engineers); dee is an
/// organization admin through Admins. Roles are reported in total, as the server does.
fn live() -> Organization {
    let research = Workspace {
        name: "Research".into(),
        members: [
            ("ana@x.io".to_owned(), roles(&["workspace_admin"])),
            ("bob@x.io".to_owned(), roles(&["dev"])),
            ("cy@x.io".to_owned(), roles(&["user", "dev"])),
        ]
        .into(),
        ..Workspace::default()
    };
    let mut org = Organization {
        workspaces: vec![research],
        groups: vec![
            Group {
                name: "Engineers".into(),
                members: roles(&["bob@x.io"]),
                workspaces: [("Research".to_owned(), roles(&["dev"]))].into(),
                ..Group::default()
            },
            Group {
                name: "Evaluation".into(),
                members: roles(&["cy@x.io"]),
                nested_in: roles(&["Engineers"]),
                ..Group::default()
            },
            Group {
                name: "Admins".into(),
                organization_role: Some("organization_admin".into()),
                members: roles(&["dee@x.io"]),
                ..Group::default()
            },
        ],
        people: vec![
            person("ana@x.io", &["organization_admin"]),
            person("bob@x.io", &["member"]),
            person("cy@x.io", &["member"]),
            person("dee@x.io", &["organization_admin", "member"]),
        ],
        ..Organization::default()
    };
    org.normalize();
    org
}

fn research(org: &mut Organization) -> &mut BTreeMap<String, Vec<String>> {
    &mut org.workspaces[0].members
}

fn lines(found: &Diff) -> Vec<String> {
    found.changes.iter().map(Change::line).collect()
}

#[test]
fn an_unchanged_organization_with_groups_has_nothing_to_do_or_say() {
    assert_eq!(diff(&live(), &live()), Diff::default());
}

#[test]
fn a_file_that_leaves_out_what_groups_give_changes_nothing_and_says_why() {
    let mut wanted = live();
    research(&mut wanted).remove("bob@x.io");
    research(&mut wanted).insert("cy@x.io".into(), roles(&["user"]));
    wanted.people[3].roles = roles(&["member"]);
    wanted.normalize();
    let found = diff(&live(), &wanted);
    assert!(found.changes.is_empty(), "{:?}", lines(&found));
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    assert_eq!(
        found.notes,
        [
            "cy@x.io keeps dev in \"Research\" through the group \"Engineers\": the file cannot take away what a group gives (change the group instead)",
            "bob@x.io keeps dev in \"Research\" through the group \"Engineers\": the file cannot take away what a group gives (change the group instead)",
            "person dee@x.io keeps organization_admin through the group \"Admins\": the file cannot take away what a group gives (change the group instead)",
        ]
    );
}

#[test]
fn when_a_group_stops_giving_a_role_the_file_decides_who_keeps_it() {
    let mut wanted = live();
    wanted.groups[1].workspaces.clear(); // Engineers (sorted second) leaves Research
    research(&mut wanted).insert("cy@x.io".into(), roles(&["user"]));
    wanted.normalize();
    assert_eq!(wanted.groups[1].name, "Engineers");
    let found = diff(&live(), &wanted);
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    assert_eq!(
        lines(&found),
        [
            // bob is listed with dev, which only the group gave: it becomes his own.
            "~ \"Research\" member bob@x.io: dev -> dev (all of their own)",
            // cy may or may not hold dev on her own: her roles are set to what the file says.
            "~ \"Research\" member cy@x.io: user, dev -> user (all of their own)",
            "- group \"Engineers\" in \"Research\": dev",
        ]
    );
    assert_eq!(
        found.notes,
        [
            "bob@x.io keeps dev in \"Research\" as their own roles: a group gives them now and will not once applied"
        ]
    );

    research(&mut wanted).remove("bob@x.io");
    let found = diff(&live(), &wanted);
    assert_eq!(lines(&found)[1], "- \"Research\" member bob@x.io (dev)");
}

/// The note of roles kept as their own names only what the group gave: cy's `user` and
/// dee's `member` were never the group's.
#[test]
fn the_note_of_roles_kept_as_their_own_names_only_the_groups() {
    let mut wanted = live();
    wanted.groups[1].workspaces.clear(); // Engineers stops giving dev in Research
    wanted.groups[0].delete = true; // Admins stops giving organization_admin
    wanted.normalize();
    let found = diff(&live(), &wanted);
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    assert!(
        found.notes.contains(
            &"cy@x.io keeps dev in \"Research\" as their own roles: a group gives them now and will not once applied".to_owned()
        ),
        "{:?}",
        found.notes
    );
    assert!(
        found.notes.contains(
            &"person dee@x.io keeps organization_admin as their own roles: a group gives them now and will not once applied".to_owned()
        ),
        "{:?}",
        found.notes
    );
}

#[test]
fn a_deleted_group_takes_its_organization_role_unless_the_file_lists_it() {
    let mut wanted = live();
    wanted.groups[0].delete = true;
    assert_eq!(wanted.groups[0].name, "Admins");
    let kept = diff(&live(), &wanted);
    assert!(lines(&kept).contains(
        &"~ person dee@x.io: organization_admin, member -> organization_admin, member (all of their own)"
            .to_owned()
    ));
    wanted.people[3].roles = roles(&["member"]);
    let dropped = diff(&live(), &wanted);
    assert!(
        lines(&dropped).contains(
            &"~ person dee@x.io: organization_admin, member -> member (all of their own)"
                .to_owned()
        ),
        "{:?}",
        lines(&dropped)
    );
    assert!(dropped.notes.is_empty(), "{:?}", dropped.notes);
}

#[test]
fn a_group_left_out_of_the_file_stays_and_keeps_giving() {
    let mut wanted = live();
    wanted.groups.retain(|g| g.name != "Admins");
    let found = diff(&live(), &wanted);
    // Left out, it is drift to show, never deleted: dee keeps the role it gives.
    assert_eq!(
        lines(&found),
        ["- group \"Admins\": not in the file (to delete it, list it with delete = true)"]
    );
    assert!(found.notes.is_empty(), "{:?}", found.notes);
    wanted.people[3].roles = roles(&["member"]);
    let found = diff(&live(), &wanted);
    assert_eq!(lines(&found).len(), 1, "{:?}", lines(&found));
    assert_eq!(
        found.notes,
        [
            "person dee@x.io keeps organization_admin through the group \"Admins\": the file cannot take away what a group gives (change the group instead)"
        ]
    );
}

/// The change the diff plans for `email` (in a workspace or the organization).
fn change_of<'a>(found: &'a Diff, email: &str) -> &'a Change {
    found
        .changes
        .iter()
        .find(|c| c.describe().contains(email))
        .unwrap_or_else(|| panic!("no change for {email}: {:?}", lines(found)))
}

#[test]
fn a_role_added_beside_a_groups_own_only_what_no_group_gives() {
    let mut wanted = live();
    research(&mut wanted).insert("bob@x.io".into(), roles(&["dev", "user"]));
    wanted.people[3].roles = roles(&["organization_admin", "billing_manager", "member"]);
    wanted.normalize();
    let found = diff(&live(), &wanted);
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    // What Engineers and Admins give stays theirs: were it made bob's or dee's own, taking
    // them out of the group later would no longer take it away.
    assert_eq!(
        lines(&found),
        [
            "~ \"Research\" member bob@x.io: dev -> user, dev (their own: user; the rest through groups; if dev was also their own, it no longer is)",
            "~ person dee@x.io: organization_admin, member -> organization_admin, billing_manager, member (their own: billing_manager, member; the rest through groups; if organization_admin was also their own, it no longer is)",
        ]
    );
    let Change::SetOwnRoles {
        own_before,
        own_after,
        ..
    } = change_of(&found, "bob@x.io")
    else {
        panic!("{:?}", lines(&found));
    };
    assert_eq!((own_before, own_after), (&roles(&[]), &roles(&["user"])));
    // Undo gives back the total he held: none of his own, dev through the group.
    assert_eq!(
        change_of(&found, "bob@x.io").inverse().unwrap().line(),
        "~ \"Research\" member bob@x.io: user, dev -> dev (none of their own: all through groups)"
    );

    // Applied, the server reports the own roles united with the groups': nothing is left.
    let mut applied = live();
    research(&mut applied).insert("bob@x.io".into(), roles(&["dev", "user"]));
    applied.people[3].roles = wanted.people[3].roles.clone();
    applied.normalize();
    assert_eq!(diff(&applied, &wanted), Diff::default());
}

#[test]
fn a_role_surely_their_own_stays_their_own_and_an_uncertain_one_stays_the_groups() {
    let mut wanted = live();
    // cy holds user on her own and dev through Evaluation (and maybe on her own too).
    research(&mut wanted).insert("cy@x.io".into(), roles(&["user", "dev", "workspace_admin"]));
    wanted.normalize();
    let found = diff(&live(), &wanted);
    let Change::SetOwnRoles {
        before,
        after,
        own_before,
        own_after,
        ..
    } = change_of(&found, "cy@x.io")
    else {
        panic!("{:?}", lines(&found));
    };
    assert_eq!(before, &roles(&["user", "dev"]));
    assert_eq!(after, &roles(&["workspace_admin", "user", "dev"]));
    assert_eq!(own_after, &roles(&["workspace_admin", "user"]));
    assert_eq!(own_before, &roles(&["user"]));
}

#[test]
fn a_group_whose_deletion_is_skipped_keeps_giving_and_nobody_is_changed_for_it() {
    let mut wanted = live();
    wanted.groups[0].delete = true;
    wanted.normalize();
    assert_eq!(wanted.groups[0].name, "Admins");
    let skipped = diff_when(&live(), &wanted, Deletions::Skipped);
    assert_eq!(
        lines(&skipped),
        ["- group \"Admins\": delete (cannot be undone)"]
    );
    assert!(skipped.notes.is_empty(), "{:?}", skipped.notes);
    // Run, dee keeps the role it gave as her own.
    let run = diff_when(&live(), &wanted, Deletions::Run);
    assert_eq!(lines(&run).len(), 2, "{:?}", lines(&run));
    assert_eq!(run, diff(&live(), &wanted));
}
