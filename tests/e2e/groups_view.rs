//! End-to-end: the `:groups` view in the real binary on the embedded demo server. A group is
//! created, given two members and assigned to a workspace as workspace_admin, and both members
//! then show the role in that workspace's member table; nesting works, a loop is refused with
//! the server's reason shown in the dialog. Everything is checked through the Admin API.

use crate::support::pty::*;

const GROUP: &str = "Launch Crew";
const WORKSPACE: &str = "Mobile App";
/// Two demo people who are not in the workspace.
const FIRST: &str = "Priya Raghunathan";
const SECOND: &str = "Oluwaseun Adeyemi";

/// The dialog's cursor row (`║▶ `, the dialog's border then the marker).
fn dialog_cursor(screen: &str) -> Option<String> {
    screen
        .lines()
        .find(|l| l.contains("║▶ "))
        .map(str::to_owned)
}

/// Moves the dialog's cursor down until it is on the entry showing `text`.
pub(crate) fn pick(console: &mut Console, text: &str) {
    for _ in 0..40 {
        let screen = console.screen();
        let at = dialog_cursor(&screen).unwrap_or_default();
        if at.contains(&format!("║▶ {text}")) {
            return;
        }
        console.send(DOWN);
        console.wait_until("the cursor to move", |s| {
            dialog_cursor(&s.contents()).unwrap_or_default() != at
        });
    }
    panic!("never reached {text:?}:\n{}", console.screen());
}

/// Moves the tree's cursor to `name` with the search.
fn find_group(console: &mut Console, name: &str) {
    console.send("/");
    console.send(name);
    console.send(ENTER);
    console.wait_for(&format!("▶ {name}"));
}

pub(crate) fn open_groups(console: &mut Console) {
    open_view(console, "groups", "Nested in:");
}

/// The screen's rows without the frames' borders, as one line: a wrapped text reads whole.
fn joined(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '║' || c == '┃' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Esc: back to the workspace panes.
fn leave_view(console: &mut Console) {
    console.send(ESC);
    console.wait_gone("Nested in:");
    console.wait_for("Members (");
}

/// Assigns the group under the cursor (`group`) to `workspace` as workspace_admin, up to
/// the review of who gains or loses a role; returns that screen.
pub(crate) fn review_assignment(console: &mut Console, group: &str, workspace: &str) -> String {
    console.send("w");
    console.wait_for(&format!("Assign \"{group}\" to which workspace?"));
    pick(console, workspace);
    console.send(ENTER);
    console.wait_for("Which roles");
    pick(console, "[ ] workspace_admin");
    console.send(" ");
    console.wait_for("[x] workspace_admin");
    console.send(ENTER);
    console.wait_for("Who gains or loses a role")
}

#[test]
fn a_new_group_with_two_members_assigned_as_admin_shows_in_the_workspace_and_a_loop_is_refused() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open_groups(&mut console);

    console.send("n");
    console.wait_for("New group");
    console.send(GROUP);
    console.send(ENTER);
    console.wait_for(&format!("Created the group \"{GROUP}\""));
    // The cursor goes to the new group once the view has reloaded.
    console.wait_for(&format!("▶ {GROUP}"));

    console.send("a");
    console.wait_for(&format!("Who joins \"{GROUP}\"?"));
    for person in [FIRST, SECOND] {
        // Typing moves the cursor to the best match; a tick starts the next search afresh.
        console.send(person.split(' ').next().unwrap());
        console.wait_for_row("▶ [ ]", person);
        console.send(" ");
        console.wait_for_row("▶ [x]", person);
    }
    console.send(ENTER);
    // The group is new: it grants no role yet.
    let review = console.wait_for("No one gains or loses a role through this change");
    assert!(
        review.contains("▶ Cancel ◀"),
        "the review opens on Cancel:\n{review}"
    );
    // Enter on Cancel sends nothing, and closes nothing.
    console.send(ENTER);
    console.wait_for("closes without adding them");
    press_apply(&mut console, "Add them");
    console.wait_for(&format!("Added 2 members to the group \"{GROUP}\""));

    let review = review_assignment(&mut console, GROUP, WORKSPACE);
    for person in [FIRST, SECOND] {
        assert!(
            review.contains(&format!(
                "{person} gains workspace_admin in \"{WORKSPACE}\""
            )),
            "the preview names {person}:\n{review}"
        );
    }
    press_apply(&mut console, "Assign");
    console.wait_for("Assigned the group");

    // Both gain the role in the workspace's member table.
    leave_view(&mut console);
    open(&mut console, WORKSPACE);
    for person in [FIRST, SECOND] {
        let first_name = person.split(' ').next().unwrap();
        console.wait_until(&format!("{person} as an admin"), |s| {
            s.contents()
                .lines()
                .any(|l| l.contains(first_name) && l.contains("admin"))
        });
    }

    // Nest the group inside Finance, then try Finance inside it: a loop, refused.
    open_groups(&mut console);
    find_group(&mut console, GROUP);
    console.send("i");
    console.wait_for(&format!("Nest \"{GROUP}\" inside which group?"));
    pick(&mut console, "Finance");
    console.send(ENTER);
    let review = console.wait_for("Who gains or loses a role");
    assert!(
        review.contains("gains billing_manager in the organization"),
        "Finance's organization role comes with it:\n{review}"
    );
    press_apply(&mut console, "Nest");
    console.wait_for(&format!("Nested \"{GROUP}\" inside \"Finance\""));

    find_group(&mut console, "Finance");
    console.send("i");
    console.wait_for("Nest \"Finance\" inside which group?");
    pick(&mut console, GROUP);
    console.send(ENTER);
    console.wait_for("Who gains or loses a role");
    press_apply(&mut console, "Nest");
    let refused = console.wait_until("the loop refused", |s| {
        joined(&s.contents()).contains("would make a loop")
    });
    assert!(
        refused.contains("Nest the group"),
        "the reason is in the dialog:\n{refused}"
    );
    assert!(
        joined(&refused).contains(&format!(
            "'{GROUP}' is already nested inside 'Finance' ('Finance' > '{GROUP}' > 'Finance')"
        )),
        "the reason is shown whole:\n{refused}"
    );
    console.send(ESC);
    console.wait_gone("Nest the group");
    leave_view(&mut console);
    quit(&mut console);

    with_api(&home, async |client| {
        let groups = client.list_all_groups().await.expect("groups");
        let crew = groups
            .iter()
            .find(|g| g.name == GROUP)
            .expect("the new group");
        let finance = groups
            .iter()
            .find(|g| g.name == "Finance")
            .expect("Finance");
        assert_eq!(
            crew.parent_group_ids,
            vec![finance.uuid],
            "nested in Finance"
        );
        assert!(
            !finance.parent_group_ids.contains(&crew.uuid),
            "the loop was not made"
        );
        let members = client
            .list_all_group_members(crew.uuid)
            .await
            .expect("members");
        let mut names: Vec<String> = members.iter().filter_map(|m| m.name.clone()).collect();
        names.sort();
        assert_eq!(names, vec![SECOND.to_owned(), FIRST.to_owned()]);
        let assignments = client
            .list_all_group_workspaces(crew.uuid)
            .await
            .expect("assignments");
        assert_eq!(assignments.len(), 1);
        assert_eq!(assignments[0].workspace_name, WORKSPACE);
        let roles: Vec<&str> = assignments[0]
            .roles
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(roles, vec!["workspace_admin"]);
        let workspace = workspace_id(client, WORKSPACE).await;
        let table = members_of(client, workspace).await;
        for person in [FIRST, SECOND] {
            let (_, roles) = table
                .iter()
                .find(|(name, _)| name == person)
                .unwrap_or_else(|| panic!("{person} reaches {WORKSPACE}: {table:?}"));
            assert!(
                roles.iter().any(|r| r == "workspace_admin"),
                "{person}: {roles:?}"
            );
        }
    });
}

/// Engineering's members and whether it still exists, through the API.
async fn engineering(client: &mistral_admin::client::AdminClient) -> Vec<uuid::Uuid> {
    let groups = client.list_all_groups().await.expect("groups");
    let group = groups
        .iter()
        .find(|g| g.name == "Engineering")
        .expect("the demo's provider group");
    assert_eq!(group.externally_managed, Some(true));
    let members = client
        .list_all_group_members(group.uuid)
        .await
        .expect("members");
    members.iter().map(|m| m.user_uuid).collect()
}

#[test]
fn a_group_from_the_identity_provider_is_locked_and_its_owned_changes_refused_before_sending() {
    let home = Home::new();
    let before = with_api(&home, async |client| engineering(client).await);
    // Wide enough for the status line to hold each refusal whole.
    let mut console = Console::start(&home, &[], 160, 30);
    console.wait_for("Members (");
    open_groups(&mut console);
    find_group(&mut console, "Engineering");
    let screen = console.wait_for("from the identity provider");
    assert!(
        screen
            .contains("🔒 from the identity provider, which owns its name, members and existence:"),
        "the lock says why:\n{screen}"
    );
    // Each refusal replaces the one before on the status line, so each wait sees its own.
    for (key, owned) in [("a", "members"), ("D", "existence"), ("x", "members")] {
        console.send(key);
        let screen = console.wait_for(&format!(
            "comes from the identity provider, which owns its {owned}"
        ));
        assert!(
            !screen.contains("╔"),
            "no dialog opened for {key}:\n{screen}"
        );
    }
    console.send("e");
    let form = console.wait_for("Rename or describe the group");
    assert!(form.contains("Name         🔒 Engineering"), "{form}");
    console.send(ESC);
    console.wait_gone("Rename or describe the group");
    leave_view(&mut console);
    quit(&mut console);
    let after = with_api(&home, async |client| engineering(client).await);
    assert_eq!(before, after, "nothing was sent");
}
