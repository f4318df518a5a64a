//! End-to-end: the dialogs that change the organization, driven by keys in the real binary on
//! the embedded demo server; each test checks the server's state through the Admin API.

use crate::support::pty::*;
use mistral_admin::api::AdminCreateApiKeyIn;
use mistral_admin::client::ErrorKind;

/// Research in the demo seed: its members by name, and three people outside it (the first
/// three the Add Members dialog lists, alphabetically).
const RESEARCH_FIRST_MEMBERS: [&str; 2] = ["Björn Lindqvist", "Łukasz Wiśniewski"];
const FIRST_OUTSIDERS: [&str; 3] = ["Aiko 鈴木", "Amélie Poulain", "Ana Sofía Rodríguez"];

#[test]
fn add_three_members_with_a_role() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open(&mut console, "Research");
    console.send("a");
    console.wait_for("Add members to \"Research\"");
    console.send("   ");
    console.wait_for("3 selected");
    // The role column: up from workspace_contributor (the default) to dev.
    console.send(TAB);
    console.send("kkkk");
    console.wait_for("add 3 people as dev");
    console.send(ENTER);
    console.wait_for("Added 3 members to \"Research\" as dev");
    console.wait_for("Members (11)");
    quit(&mut console);

    with_api(&home, async |client| {
        let research = workspace_id(client, "Research").await;
        let members = members_of(client, research).await;
        for name in FIRST_OUTSIDERS {
            let roles = members
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, r)| r.clone());
            assert_eq!(roles, Some(vec!["dev".to_owned()]), "{name}: {members:?}");
        }
        assert_eq!(members.len(), 11);
    });
}

#[test]
fn change_two_members_roles_in_one_go() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open(&mut console, "Research");
    console.wait_for("Björn Lindqvist");
    console.send("  ");
    console.wait_for("2 selected");
    console.send("r");
    console.wait_for("For 2 members");
    // The cursor starts on the first role either holds (user); workspace_admin is 7 below.
    console.send("jjjjjjj");
    console.send(" ");
    console.wait_for("[x] workspace_admin");
    console.send(ENTER);
    let preview = console.wait_for("2 changes in one request");
    assert!(
        preview.contains("Björn Lindqvist: user -> workspace_admin, user"),
        "{preview}"
    );
    press_apply(&mut console, "Apply");
    console.wait_for("Changed the roles of 2 members in \"Research\"");
    quit(&mut console);

    with_api(&home, async |client| {
        let research = workspace_id(client, "Research").await;
        let members = members_of(client, research).await;
        let roles = |name: &str| {
            members
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, r)| r.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            roles(RESEARCH_FIRST_MEMBERS[0]),
            vec!["workspace_admin", "user"]
        );
        assert_eq!(
            roles(RESEARCH_FIRST_MEMBERS[1]),
            vec!["workspace_admin", "dev"]
        );
        assert_eq!(roles("Na 李"), vec!["contributor"], "others untouched");
    });
}

#[test]
fn remove_one_member() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open(&mut console, "Research");
    console.wait_for("Björn Lindqvist");
    console.send("x");
    let dialog = console.wait_for("Remove 1 member from \"Research\"?");
    assert!(dialog.contains("• Björn Lindqvist"), "{dialog}");
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("Removed 1 member from \"Research\"");
    console.wait_for("Members (7)");
    quit(&mut console);

    with_api(&home, async |client| {
        let research = workspace_id(client, "Research").await;
        let members = members_of(client, research).await;
        assert_eq!(members.len(), 7);
        assert!(!members.iter().any(|(n, _)| n == "Björn Lindqvist"));
    });
}

#[test]
fn archive_needs_the_name_and_stops_the_workspace_keys() {
    let home = Home::new();
    // A key of Mobile App, made before the console starts, that works now.
    let key = with_api(&home, async |client| {
        let mobile = workspace_id(client, "Mobile App").await;
        let directory = client.load_directory().await.unwrap();
        let owner = directory.workspace_members(mobile)[0].user.uuid;
        let created = client
            .create_api_key(&AdminCreateApiKeyIn {
                name: Some("e2e-mobile".into()),
                expiration: None,
                workspace_uuid: mobile,
                user_id: owner,
            })
            .await
            .unwrap();
        let key = mistral_admin::domain::SecretString::new(created.key.unwrap());
        client
            .list_models_with_key(&key)
            .await
            .expect("the key works");
        key
    });

    let mut console = start(&home, &[]);
    console.send(&ctrl('p'));
    console.send("mobile");
    console.send(ENTER);
    wait_open(&mut console, "Mobile App");
    console.send("X");
    console.wait_for("Archive \"Mobile App\"? This is permanent");
    console.send("mobile ap");
    console.wait_for("does not match");
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("Not archived: type \"Mobile App\" to confirm");
    // Nothing happened: the dialog is still there, with what was typed.
    console.wait_for("[mobile ap");
    // Case is folded, as the name rule folds it: the name is now typed.
    console.send("p");
    console.wait_for("✓ matches");
    console.send(ENTER);
    console.wait_for("Archived \"Mobile App\"");
    console.wait_gone("📱 Mobile App");
    console.send("\t\ta");
    console.wait_for("Archived (");
    console.wait_for("📱 Mobile App");
    quit(&mut console);

    with_api(&home, async |client| {
        let archived = client.list_all_workspaces(true).await.unwrap();
        assert!(archived.iter().any(|w| w.name == "Mobile App"));
        let refused = client.list_models_with_key(&key).await.unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::Unauthorized, "{refused}");
    });
}

#[test]
fn archive_is_refused_on_the_default_workspace() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.wait_for("Default Workspace");
    // The list opens on the default workspace.
    console.send("X");
    let screen = console.wait_for("cannot be archived");
    assert!(screen.contains("default workspace"), "{screen}");
    assert!(
        !screen.contains("Archive workspace"),
        "no archive dialog:\n{screen}"
    );
    console.send(ENTER);
    console.wait_gone("cannot be archived");
    quit(&mut console);
    with_api(&home, async |client| {
        let active = client.list_all_workspaces(false).await.unwrap();
        assert!(active.iter().any(|w| w.is_default));
    });
}

#[test]
fn create_a_workspace() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.send("n");
    console.wait_for("New workspace");
    console.send("Platform Ops");
    console.send(DOWN);
    console.send("Runs the shared platform");
    console.send(DOWN);
    console.send("🛠");
    console.send(DOWN);
    console.send(ENTER);
    console.wait_for("Choose the admin");
    console.send("hannah");
    console.wait_for("hannah.schmidt@");
    console.send(ENTER);
    console.wait_for("Hannah Schmidt <hannah.schmidt@");
    console.send(&ctrl('s'));
    console.wait_for("Created \"Platform Ops\"");
    wait_open(&mut console, "Platform Ops");
    console.wait_for("Members (1)");
    quit(&mut console);

    with_api(&home, async |client| {
        let workspaces = client.list_all_workspaces(false).await.unwrap();
        let created = workspaces
            .iter()
            .find(|w| w.name == "Platform Ops")
            .expect("created");
        assert_eq!(
            created.description.as_deref(),
            Some("Runs the shared platform")
        );
        assert_eq!(created.icon.as_deref(), Some("🛠"));
        let members = members_of(client, created.uuid).await;
        assert_eq!(
            members,
            vec![(
                "Hannah Schmidt".to_owned(),
                vec!["workspace_admin".to_owned()]
            )]
        );
    });
}

#[test]
fn esc_in_every_dialog_leaves_the_server_unchanged() {
    let home = Home::new();
    let before = with_api(&home, async |client| organization_state(client).await);
    let mut console = start(&home, &[]);
    open(&mut console, "Research");
    console.wait_for("Björn Lindqvist");

    console.send("a");
    console.wait_for("Add members to");
    console.send("  ");
    console.wait_for("2 selected");
    console.send(ESC);
    console.wait_gone("Add members to");

    console.send("r");
    console.wait_for("For Björn Lindqvist");
    console.send("j ");
    console.send(ENTER);
    console.wait_for("in one request");
    console.send(ESC);
    console.wait_gone("in one request");

    console.send("x");
    console.wait_for("Remove members");
    console.send(TAB);
    console.send(ESC);
    console.wait_gone("Remove members");

    console.send("X");
    console.wait_for("Archive workspace");
    console.send("Research");
    console.wait_for("✓ matches");
    console.send(TAB);
    console.send(ESC);
    console.wait_gone("Archive workspace");

    console.send("n");
    console.wait_for("New workspace");
    console.send("Never made");
    console.send(ESC);
    console.wait_gone("New workspace");
    quit(&mut console);

    let after = with_api(&home, async |client| organization_state(client).await);
    assert!(before == after, "the server changed");
}
