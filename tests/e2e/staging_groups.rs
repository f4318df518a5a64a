//! End-to-end: staging covers group changes (issue 19). With staging on, a member added to a
//! group and the group's assignment to a workspace are staged, not sent; `:plan` lists both
//! under the groups, one confirmation applies them, and `:undo` takes them back. The server
//! is checked through the Admin API after each step.

use crate::groups_view::{open_groups, review_assignment};
use crate::support::pty::*;

/// A demo group with no workspace assignment, and a demo person who is not in it.
const GROUP: &str = "Evaluation";
const PERSON: &str = "Priya Raghunathan";
const WORKSPACE: &str = "Mobile App";

/// The group's member names and its assignments (workspace, roles), as the Admin API has them.
fn evaluation(home: &Home) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    with_api(home, async |client| {
        let groups = client.list_all_groups().await.expect("groups");
        let group = groups.iter().find(|g| g.name == GROUP).expect("the group");
        let members = client
            .list_all_group_members(group.uuid)
            .await
            .expect("members");
        let mut names: Vec<String> = members.iter().filter_map(|m| m.name.clone()).collect();
        names.sort();
        let assignments = client
            .list_all_group_workspaces(group.uuid)
            .await
            .expect("assignments")
            .into_iter()
            .map(|a| {
                let roles = a.roles.into_iter().map(|r| r.name).collect();
                (a.workspace_name, roles)
            })
            .collect();
        (names, assignments)
    })
}

#[test]
fn a_staged_group_member_and_workspace_assignment_apply_together_then_undo() {
    let home = Home::new();
    let before = evaluation(&home);
    assert!(!before.0.iter().any(|n| n == PERSON), "{before:?}");
    assert!(before.1.is_empty(), "{before:?}");
    let mut console = Console::start(&home, &[], 160, 40);
    console.wait_for("Members (");
    open_groups(&mut console);
    console.send(&ctrl('t'));
    console.wait_for("STAGED 0");
    // Evaluation is nested in Research Engineers, so its row is drawn `▶ └ Evaluation`.
    console.send("/");
    console.send(GROUP);
    console.send(ENTER);
    console.wait_for("▶ └ Evaluation");

    console.send("a");
    console.wait_for("Add members to the group");
    console.send(PERSON.split(' ').next().unwrap());
    console.wait_for_row("▶ [ ]", PERSON);
    console.send(" ");
    console.wait_for_row("▶ [x]", PERSON);
    console.send(ENTER);
    console.wait_for("Who gains or loses a role");
    press_apply(&mut console, "Add them");
    console.wait_for("STAGED 1");
    console.wait_gone("Add members to the group");

    review_assignment(&mut console, GROUP, WORKSPACE);
    press_apply(&mut console, "Assign");
    console.wait_for("STAGED 2");
    console.wait_gone("Who gains or loses a role");
    assert_eq!(
        evaluation(&home),
        before,
        "nothing staged reached the server"
    );

    let plan = open_view(&mut console, "plan", "Staged plan");
    assert!(
        plan.contains(&format!("+ group \"{GROUP}\" member priya")),
        "{plan}"
    );
    assert!(
        plan.contains(&format!("+ group \"{GROUP}\" in \"{WORKSPACE}\"")),
        "{plan}"
    );
    assert!(plan.contains("2 change(s): 2 to add"), "{plan}");
    console.send("A");
    console.wait_for("Apply these 2 staged change(s)");
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("Applied 2 staged change(s) (journal #1)");
    console.wait_for("0 staged change(s)");

    let (members, assignments) = evaluation(&home);
    assert!(members.iter().any(|n| n == PERSON), "{members:?}");
    assert_eq!(
        assignments,
        vec![(WORKSPACE.to_owned(), vec!["workspace_admin".to_owned()])]
    );

    console.send(ESC);
    console.wait_gone("Staged plan");
    let preview = open_view(&mut console, "undo", "Undo #1 (console");
    assert!(preview.contains(&format!("group \"{GROUP}\"")), "{preview}");
    console.send("U");
    console.wait_for("These 2 change(s) take it");
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("Applied 2 undo change(s) (journal #2)");
    console.wait_for("Nothing to undo");
    console.send(ESC);
    console.wait_gone("Takes back the journal");
    quit(&mut console);
    assert_eq!(evaluation(&home), before, "undo took both changes back");
}
