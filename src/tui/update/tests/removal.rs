//! The Remove members dialog: it opens on Cancel, refuses the default workspace, and after a
//! removal names who a group keeps in the workspace (read again), or who had gone already.

use crossterm::event::KeyCode;

use super::dialogs::{answer_change, char_key, enter, notice_text, research_members, roles_of};
use super::*;
use crate::actions::Request;
use crate::tui::call::Call;
use crate::tui::dialogs::Button;
use crate::tui::dialogs::edit_roles::{EditRoles, Stage};
use crate::tui::dialogs::remove_members::RemoveMembers;
use crate::tui::effect::Effect;
use crate::tui::state::{ErrorKind, RemoteError};

#[test]
fn removal_opens_on_cancel_and_the_default_workspace_refuses() {
    let mut app = research_members();
    press(&mut app, char_key('x'));
    let d = app
        .top_dialog::<RemoveMembers>()
        .expect("the confirmation opens");
    assert_eq!(d.focus, Button::Cancel);
    assert_eq!(d.targets[0].1, "Ana Lucía Pérez");
    let effects = press_only(&mut app, enter());
    assert!(
        changes(&effects).is_empty(),
        "enter on Cancel sends nothing"
    );
    assert!(app.dialogs.is_empty());

    press_keys(&mut app, "x tab");
    let effects = press_only(&mut app, enter());
    assert_eq!(
        changes(&effects),
        vec![Request::RemoveMembers {
            workspace: id(RESEARCH),
            users: vec![id(ANA)]
        }]
    );
    let reloads = answer_change(&mut app, &effects);
    assert_eq!(roles_of(&app, ANA, RESEARCH), None);
    assert_says(&app, "Removed 1 member from \"Research\"");
    answer_all(&mut app, reloads);

    open_workspace_named(&mut app, "Default Workspace");
    press(&mut app, char_key('x'));
    let text = notice_text(&app);
    assert!(text.contains("default workspace"), "{text}");
    let effects = press_only(&mut app, enter());
    assert!(changes(&effects).is_empty());
    assert!(app.dialogs.is_empty(), "enter closes the notice");
}

/// The server's answer to a removal: `deleted` lost access, `kept` were not removed.
fn removal_answer(deleted: i64, kept: &[u128]) -> Result<crate::tui::call::Payload, RemoteError> {
    Ok(crate::tui::call::Payload::Changed(
        crate::tui::call::Applied {
            replies: vec![crate::actions::Reply::MembersRemoved(
                crate::api::RemoveWorkspaceMembersOut {
                    deleted_members_count: deleted,
                    not_deleted_members: Some(kept.iter().map(|n| id(*n)).collect()),
                },
            )],
            stopped: None,
        },
    ))
}

/// Access through one group, "Platform", whose only member `person` gets dev in Research.
fn platform_gives_dev_in_research(person: u128) -> crate::actions::groups::access::GroupAccess {
    use crate::actions::groups::access::{GroupAccess, Node};
    let platform = Node {
        name: "Platform".into(),
        members: vec![id(person)],
        assignments: vec![(id(RESEARCH), vec!["dev".into()])],
        ..Node::default()
    };
    GroupAccess {
        nodes: [(id(900), platform)].into(),
    }
}

/// The request among `effects` that reads who a removal did not remove, and why.
fn not_removed_read(effects: &[Effect]) -> (crate::tui::state::RequestId, usize, Call) {
    requests(effects)
        .into_iter()
        .find(|(_, _, call)| matches!(call, Call::NotRemoved(_)))
        .expect("a read of who was not removed")
}

#[test]
fn removing_someone_a_group_keeps_in_names_the_group_and_who_was_gone_already() {
    let mut app = research_members();
    press_keys(&mut app, "space space space x tab");
    let d = app.top_dialog::<RemoveMembers>().expect("the confirmation");
    assert_eq!(d.targets.len(), 3, "{:?}", d.targets);
    let effects = press_only(&mut app, enter());
    let (request, profile, call) = requests(&effects)
        .into_iter()
        .find(|(_, _, call)| matches!(call, Call::Change(_)))
        .expect("a change request");
    // Jane loses access; a group keeps Ana in; Zoë had been removed meanwhile by another client.
    let effects = deliver(
        &mut app,
        request,
        profile,
        call,
        removal_answer(1, &[ANA, ZOE]),
    );
    assert!(
        roles_of(&app, ANA, RESEARCH).is_some(),
        "she is still in the table"
    );
    assert_eq!(
        flash_text(&app),
        "Removed 1 member from \"Research\"; reading why 2 people were not removed…",
        "nothing is said of a group before the groups are read"
    );
    let (read, profile, call) = not_removed_read(&effects);
    let stays = crate::tui::dialogs::remove_members::after::Stays {
        listed: vec![id(ANA)],
        access: platform_gives_dev_in_research(ANA),
    };
    deliver(
        &mut app,
        read,
        profile,
        call,
        Ok(crate::tui::call::Payload::Stays(stays)),
    );
    assert_eq!(
        flash_text(&app),
        "Removed 1 member from \"Research\"; Ana Lucía Pérez keeps dev through the group \"Platform\"; Zoë Martin no longer belonged to it"
    );
}

#[test]
fn when_who_stays_cannot_be_read_the_people_not_removed_are_named_with_why() {
    let mut app = research_members();
    press_keys(&mut app, "x tab");
    let effects = press_only(&mut app, enter());
    let (request, profile, call) = requests(&effects)[0].clone();
    let effects = deliver(&mut app, request, profile, call, removal_answer(0, &[ANA]));
    let (read, profile, call) = not_removed_read(&effects);
    let refused = RemoteError::new(ErrorKind::Forbidden, "Forbidden: groups need an admin key");
    deliver(&mut app, read, profile, call, Err(refused));
    assert_eq!(
        flash_text(&app),
        "Nobody left \"Research\"; Ana Lucía Pérez was not removed (why could not be read: Forbidden: groups need an admin key)"
    );
}

#[test]
fn ctrl_c_during_the_read_of_who_stays_ends_on_the_removals_outcome() {
    let mut app = research_members();
    press_keys(&mut app, "x tab");
    let effects = press_only(&mut app, enter());
    let (request, profile, call) = requests(&effects)[0].clone();
    let effects = deliver(&mut app, request, profile, call, removal_answer(0, &[ANA]));
    not_removed_read(&effects);
    assert!(flash_text(&app).contains("reading why"));
    press(&mut app, ctrl('c'));
    assert_eq!(
        flash_text(&app),
        "Nobody left \"Research\"; Ana Lucía Pérez was not removed (why could not be read: cancelled before it answered)",
        "the status line ends on the outcome, not on \"reading why…\""
    );
}

/// The dialog's text on an 80x24 screen, its lines joined, so a warning wrapped over two
/// lines reads as one sentence.
fn dialog_words(app: &App) -> String {
    let text = crate::tui::render_tests::screen(app, 80, 24);
    let inside: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let start = line.find('║')? + '║'.len_utf8();
            let end = line.rfind('║')?;
            (end > start).then(|| line[start..end].trim().to_owned())
        })
        .collect();
    inside.join(" ")
}

const NO_ADMIN_LEFT: &str =
    "⚠ \"Research\" will have no workspace_admin left: only Jane Doe holds it now";

#[test]
fn removing_the_only_workspace_admin_says_so_before_the_admin_confirms() {
    let mut app = research_members();
    // Rows by name: Ana Lucía Pérez, Jane Doe (Research's only workspace_admin), Zoë Martin.
    press_keys(&mut app, "j x");
    let d = app.top_dialog::<RemoveMembers>().expect("the confirmation");
    assert_eq!(d.targets[0].1, "Jane Doe");
    assert_eq!(
        d.focus,
        Button::Cancel,
        "the warning does not move the focus"
    );
    let words = dialog_words(&app);
    assert!(words.contains(NO_ADMIN_LEFT), "{words}");
    press(&mut app, key(KeyCode::Esc));

    // Ana is no admin: Jane stays one, and the removal says nothing of it.
    press_keys(&mut app, "k x");
    let words = dialog_words(&app);
    assert!(!words.contains("workspace_admin"), "{words}");
}

#[test]
fn a_role_edit_that_takes_workspace_admin_from_its_only_holder_says_so_in_the_preview() {
    let mut app = research_members();
    // Jane's roles: workspace_admin (the cursor opens on it) becomes workspace_contributor.
    press_keys(&mut app, "j r space k space enter");
    let d = app.top_dialog::<EditRoles>().expect("the preview");
    assert_eq!(d.stage, Stage::Review(Button::Cancel));
    let words = dialog_words(&app);
    assert!(words.contains(NO_ADMIN_LEFT), "{words}");
    press(&mut app, key(KeyCode::Esc));

    // Ana and Jane both workspace_admin: Jane keeps it, and nothing is said of it.
    press_keys(&mut app, "k space j space r");
    let d = app.top_dialog::<EditRoles>().expect("the editor");
    let admin = d
        .choices
        .iter()
        .position(|c| c.name == "workspace_admin")
        .unwrap();
    for _ in d.cursor..admin {
        press(&mut app, char_key('j'));
    }
    // Mixed at first (Jane holds it, Ana not): space makes it everyone's.
    press_keys(&mut app, "space enter");
    let d = app.top_dialog::<EditRoles>().expect("the preview");
    assert_eq!(d.stage, Stage::Review(Button::Cancel));
    let words = dialog_words(&app);
    assert!(!words.contains("no workspace_admin left"), "{words}");
}

/// Presses down until the window stops moving: each frame between draws the next line.
fn scroll_to_the_end(app: &mut App) {
    for _ in 0..40 {
        press(app, key(KeyCode::Down));
    }
}

/// Enter on the confirming button, reached with `tabs`, of the dialog over `app`: refused
/// while some of the list was never drawn, saying why; sent once it all was.
fn sends_only_once_read_whole(mut app: App, tabs: usize) -> Vec<Request> {
    app.screen = (80, 24);
    redraw(&mut app);
    for _ in 0..tabs {
        press(&mut app, key(KeyCode::Tab));
    }
    let effects = press_only(&mut app, enter());
    assert!(changes(&effects).is_empty(), "{effects:?}");
    assert_says(&app, "Nothing sent: scroll to the end first");
    assert!(!app.dialogs.is_empty(), "the dialog stays");
    scroll_to_the_end(&mut app);
    changes(&press_only(&mut app, enter()))
}

#[test]
fn remove_for_a_crowd_sends_only_once_every_name_was_shown() {
    let mut app = research_members();
    app.dialogs.push(Box::new(crowded_removal(20)));
    let sent = sends_only_once_read_whole(app, 1);
    assert!(
        matches!(sent.as_slice(), [Request::RemoveMembers { users, .. }] if users.len() == 20),
        "{sent:?}"
    );
}

#[test]
fn apply_for_a_crowd_sends_only_once_every_change_was_shown() {
    let mut app = research_members();
    app.dialogs.push(Box::new(crowded_role_preview(20)));
    // Cancel, Back, Apply.
    let sent = sends_only_once_read_whole(app, 2);
    assert!(
        matches!(sent.as_slice(), [Request::SetMemberRoles { members, .. }] if members.len() == 20),
        "{sent:?}"
    );
}
