//! End-to-end: staging in the console (issue 19). Three role changes and one add are staged
//! instead of sent, `:plan` shows them, one is dropped, the rest go in with one
//! confirmation, and `:undo` takes them back; the server is checked through the Admin API
//! after each step, and the console's changes are in the journal `mistral-admin` keeps.

use crate::support::pty::*;

/// Research's members with their roles, as the Admin API lists them.
fn research(home: &Home) -> Vec<(String, Vec<String>)> {
    with_api(home, async |client| {
        let research = workspace_id(client, "Research").await;
        members_of(client, research).await
    })
}

/// Opens Research and waits for its members.
fn open_research(console: &mut Console) {
    open(console, "Research");
    console.wait_for("Björn Lindqvist");
}

/// Ticks one more role for the member under the cursor and applies the preview: the change is
/// sent, or staged while staging is on.
fn give_one_more_role(console: &mut Console) {
    console.send("r");
    console.wait_for("For ");
    console.send("j");
    console.send(" ");
    console.send(ENTER);
    console.wait_for("in one request");
    press_apply(console, "Apply");
}

/// Leaves the view on screen for the workspace panes, then the console.
fn leave_view(console: &mut Console) {
    console.send(ESC);
    console.wait_for("Members (");
    quit(console);
}

#[test]
fn stage_three_role_changes_and_an_add_drop_one_apply_the_rest_then_undo() {
    let home = Home::new();
    let before = research(&home);
    let mut console = start(&home, &[]);
    open_research(&mut console);
    console.send(&ctrl('t'));
    console.wait_for("STAGED 0");
    for count in 1..=3 {
        give_one_more_role(&mut console);
        console.wait_for(&format!("STAGED {count}"));
        console.wait_gone("in one request");
        console.send("j");
    }
    console.send("a");
    console.wait_for("Add members to \"Research\"");
    console.send(" ");
    console.wait_for("1 selected");
    console.send(ENTER);
    console.wait_for("STAGED 4");
    console.wait_gone("Add members to");
    assert_eq!(research(&home), before, "nothing staged reached the server");

    let plan = open_view(&mut console, "plan", "Staged plan");
    assert!(plan.contains("Workspace members"), "{plan}");
    assert!(
        plan.contains("4 change(s): 1 to add, 3 to change, 0 to remove"),
        "{plan}"
    );
    // The second role change is dropped, and named.
    console.send("j");
    console.send("d");
    let dropped = console.wait_for("Dropped from the plan: ~ \"Research\" member");
    console.wait_for("STAGED 3");
    assert!(
        dropped.contains("3 change(s): 1 to add, 2 to change"),
        "{dropped}"
    );
    console.send("A");
    let confirmation = console.wait_for("Apply these 3 staged change(s)");
    let dialog: Vec<&str> = confirmation.lines().filter(|l| l.contains('║')).collect();
    let listed = |text: &str| dialog.iter().any(|l| l.contains(text));
    assert!(
        listed("~ \"Research\" member bjorn.lindqvist"),
        "{confirmation}"
    );
    assert!(listed("+ \"Research\" member aiko@"), "{confirmation}");
    assert!(
        !listed("lukasz"),
        "the dropped change is not listed: {confirmation}"
    );
    // The confirmation opens on Cancel: enter would close it and send nothing.
    confirm(&mut console);
    console.wait_for("Applied 3 staged change(s) (journal #1)");
    console.wait_for("0 staged change(s)");
    leave_view(&mut console);

    let after = research(&home);
    let changed: Vec<&(String, Vec<String>)> =
        after.iter().filter(|m| !before.contains(m)).collect();
    assert_eq!(
        changed.len(),
        3,
        "two role changes and the add: {changed:?}"
    );
    let names: Vec<&str> = changed.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"Björn Lindqvist"), "{names:?}");
    assert!(names.contains(&"Aiko 鈴木"), "the add: {names:?}");
    let dropped_member = before
        .iter()
        .find(|(n, _)| n == "Łukasz Wiśniewski")
        .expect("Łukasz is in Research");
    assert!(
        after.contains(dropped_member),
        "the dropped change was not sent: {after:?}"
    );
    assert_eq!(after.len(), before.len() + 1);

    // The journal holds the applied set as one console entry.
    let journal = std::fs::read_to_string(home.data_dir().join("journal.jsonl")).unwrap();
    assert_eq!(journal.lines().count(), 1, "{journal}");
    assert!(journal.contains("\"source\":\"console\""), "{journal}");

    let mut console = start(&home, &[]);
    let preview = open_view(&mut console, "undo", "Undo #1 (console");
    assert!(preview.contains("- \"Research\" member"), "{preview}");
    console.send("U");
    console.wait_for("These 3 change(s) take it back");
    confirm(&mut console);
    console.wait_for("Applied 3 undo change(s) (journal #2)");
    console.wait_for("Nothing to undo");
    leave_view(&mut console);
    assert_eq!(research(&home), before, "undo took every change back");
}

/// A change made in the console with staging off is in the journal `mistral-admin journal`
/// lists (source `console`), and `mistral-admin undo` takes it back.
#[test]
fn a_console_change_is_journaled_and_mistral_admin_undo_takes_it_back() {
    let home = Home::new();
    let before = research(&home);
    let mut console = start(&home, &[]);
    open_research(&mut console);
    give_one_more_role(&mut console);
    console.wait_for("Changed the roles of");
    quit(&mut console);
    assert_ne!(research(&home), before, "the change was sent at once");

    let (journal, undo) = with_server(&home, async |url, key| {
        let run = async |args: &[&str]| {
            let mut all = args.to_vec();
            all.extend(["--base-url", url]);
            let env = [("MISTRAL_ADMIN_API_KEY", key.expose())];
            crate::support::cli::run_in(home.path(), &all, &env)
                .await
                .ok()
        };
        (run(&["journal"]).await, run(&["undo", "--yes"]).await)
    });
    assert!(journal.stdout.starts_with("#1  "), "{journal:#?}");
    assert!(journal.stdout.contains("console"), "{journal:#?}");
    assert!(journal.stdout.contains("bjorn.lindqvist"), "{journal:#?}");
    assert!(undo.stderr.contains("Undid #1"), "{undo:#?}");
    assert_eq!(
        research(&home),
        before,
        "undo took the console's change back"
    );
}

/// `:undo` after another client changed the same member: the conflict is shown, and the
/// undo key changes nothing.
#[test]
fn undo_in_the_console_shows_a_conflict_instead_of_overwriting() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open_research(&mut console);
    give_one_more_role(&mut console);
    console.wait_for("Changed the roles of");
    quit(&mut console);
    // Someone else makes Björn an admin of Research.
    with_api(&home, async |client| {
        let research = workspace_id(client, "Research").await;
        let directory = client.load_directory().await.expect("directory");
        let bjorn = directory
            .workspace_members(research)
            .into_iter()
            .find(|m| m.user.name.as_deref() == Some("Björn Lindqvist"))
            .expect("Björn")
            .user
            .uuid;
        let entry = mistral_admin::api::WorkspaceMemberSingleIn {
            role_names: Some(vec![mistral_admin::domain::WorkspaceRole::WorkspaceAdmin]),
            roles: None,
            role_name: None,
            role: None,
            user_uuid: bjorn,
        };
        client
            .upsert_workspace_members(research, &[entry])
            .await
            .expect("another client's change");
    });
    let changed = research(&home);

    let mut console = start(&home, &[]);
    open_view(&mut console, "undo", "Undo #1 (console");
    let screen = console.wait_for("conflict: \"Research\" member bjorn.lindqvist");
    assert!(screen.contains("nothing will be undone"), "{screen}");
    console.send("U");
    console.wait_for("Not undone: the organization changed since");
    assert!(
        !console.screen().contains("take it back"),
        "no confirmation"
    );
    leave_view(&mut console);
    assert_eq!(research(&home), changed, "nobody's change was overwritten");
}

/// Opens the spending limit dialog on `:spend`, types 777 over the limit and confirms.
fn ask_for_a_limit_of_777(console: &mut Console) {
    console.send("e");
    console.wait_for("Monthly spending limit");
    console.send(&"\x7f".repeat(12));
    console.send("777");
    console.wait_for("Set the monthly spending limit to 777 EUR");
    confirm(console);
}

/// A change staging cannot collect (the spending limit) is refused while STAGED shows, the
/// dialog keeping what was typed, and the server (asked through the Admin API) keeps its
/// limit; once staging is off, the same change goes through.
#[test]
fn staging_refuses_a_spending_limit_rather_than_send_it() {
    use mistral_admin::actions::spend::current_limit;
    let home = Home::new();
    let limit = || {
        with_api(&home, async |client| {
            current_limit(&client.spend_limit().await.expect("limit"))
        })
    };
    let before = limit();
    let mut console = start(&home, &[]);
    console.wait_for("Members (");
    console.send(&ctrl('t'));
    console.wait_for("STAGED 0");
    open_view(&mut console, "spend", "Monthly limit:");
    ask_for_a_limit_of_777(&mut console);
    let refused = console.wait_for("Not staged");
    assert!(refused.contains("[777"), "what was typed stays: {refused}");
    assert!(refused.contains("STAGED 0"), "nor staged: {refused}");
    assert_eq!(limit(), before, "nothing reached the server");

    console.send(ESC);
    console.wait_gone("Monthly spending limit");
    console.send(&ctrl('t'));
    console.wait_for("Staging off");
    ask_for_a_limit_of_777(&mut console);
    console.wait_for("777 EUR a month");
    assert_eq!(limit(), Some(777));
    leave_view(&mut console);
}
