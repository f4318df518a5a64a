//! Snapshots of the dialogs that change the organization, at 80x24: as they open, filled in,
//! while their change is on its way, and after the server refused it.

use crossterm::event::{KeyCode, KeyEvent};
use insta::assert_snapshot;

use super::*;
use crate::tui::state::{ErrorKind, RemoteError};
use crate::tui::testing::*;

fn research_members() -> App {
    let mut app = loaded_app();
    press(&mut app, ctrl('p'));
    type_text(&mut app, "Research");
    press(&mut app, key(KeyCode::Enter));
    app
}

fn space() -> KeyEvent {
    key(KeyCode::Char(' '))
}

/// Sends the top dialog's change and leaves it unanswered.
fn send_unanswered(
    app: &mut App,
    key: KeyEvent,
) -> (crate::tui::state::RequestId, usize, crate::tui::call::Call) {
    let effects = press_only(app, key);
    requests(&effects)[0].clone()
}

/// Sends the top dialog's change with `key` and answers it with a refusal.
fn send_refused(app: &mut App, key: KeyEvent, kind: ErrorKind, message: &str) {
    let (id, profile, call) = send_unanswered(app, key);
    let error = RemoteError::new(kind, message);
    deliver(app, id, profile, call, Err(error));
}

#[test]
fn members_with_a_selection_80x24() {
    let mut app = research_members();
    press(&mut app, space());
    press(&mut app, key(KeyCode::Char('j')));
    press(&mut app, space());
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn add_members_80x24() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, space());
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn add_members_searching_with_a_hidden_selection_80x24() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, space());
    press(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "yama");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn add_members_in_flight_80x24() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, key(KeyCode::Char('*')));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Char('j')));
    send_unanswered(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn add_members_refused_80x24() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, space());
    send_refused(
        &mut app,
        key(KeyCode::Enter),
        ErrorKind::NotFound,
        "Not found: User 00000000-0000-0000-0000-000000000004 is not a member of the organization",
    );
    assert_snapshot!(screen(&app, 80, 24));
}

/// Ana and Zoë selected in Research, the role editor open.
fn role_editor() -> App {
    let mut app = research_members();
    press(&mut app, space());
    press(&mut app, key(KeyCode::Char('j')));
    press(&mut app, space());
    press(&mut app, key(KeyCode::Char('r')));
    app
}

#[test]
fn role_picker_with_mixed_roles_80x24() {
    assert_snapshot!(screen(&role_editor(), 80, 24));
}

#[test]
fn role_picker_refusing_to_leave_someone_without_a_role_80x24() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('r')));
    // Ana holds only dev, where the cursor starts: untick it and ask for the preview.
    press(&mut app, space());
    press(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

fn role_preview() -> App {
    let mut app = role_editor();
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Char('j')));
    }
    press(&mut app, space());
    press(&mut app, key(KeyCode::Enter));
    app
}

#[test]
fn role_preview_80x24() {
    assert_snapshot!(screen(&role_preview(), 80, 24));
}

#[test]
fn role_preview_in_flight_80x24() {
    let mut app = role_preview();
    send_unanswered(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn role_preview_when_the_server_cannot_be_reached_80x24() {
    let mut app = role_preview();
    send_refused(
        &mut app,
        key(KeyCode::Enter),
        ErrorKind::Unreachable,
        "Cannot reach 127.0.0.1:4000",
    );
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn remove_members_80x24() {
    let mut app = research_members();
    press(&mut app, space());
    press(&mut app, space());
    press(&mut app, key(KeyCode::Char('x')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn remove_members_in_flight_80x24() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('x')));
    press(&mut app, key(KeyCode::Tab));
    send_unanswered(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn remove_members_refused_80x24() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('x')));
    press(&mut app, key(KeyCode::Tab));
    send_refused(
        &mut app,
        key(KeyCode::Enter),
        ErrorKind::Conflict,
        "Conflict: Workspace 'Research' is archived; archived workspaces cannot be changed",
    );
    assert_snapshot!(screen(&app, 80, 24));
}

/// The archive confirmation for Data Platform, from the workspace list.
fn archive_dialog() -> App {
    let mut app = loaded_app();
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Char('j')));
    }
    press(&mut app, key(KeyCode::Char('X')));
    app
}

/// The archive confirmation with the exact name typed and the Archive button focused.
fn confirmed_archive() -> App {
    let mut app = archive_dialog();
    type_text(&mut app, "Data Platform");
    press(&mut app, key(KeyCode::Tab));
    app
}

#[test]
fn archive_80x24() {
    assert_snapshot!(screen(&archive_dialog(), 80, 24));
}

#[test]
fn the_archive_dialog_counts_working_keys_and_mentions_expired_ones() {
    let yesterday = loaded_app().today.previous_day().unwrap();
    for (expirations, line) in [
        (vec![], "It has no API keys"),
        (
            vec![Some(yesterday)],
            "Its only API key has expired already",
        ),
        (
            vec![Some(yesterday), Some(yesterday)],
            "All 2 of its API keys have expired already",
        ),
        (vec![None], "1 API key stops working immediately"),
        (
            vec![None, None, Some(yesterday)],
            "2 API keys stop working immediately (1 more expired already)",
        ),
    ] {
        let mut app = loaded_app();
        add_api_keys(&mut app, DATA, &expirations);
        for _ in 0..3 {
            press(&mut app, key(KeyCode::Char('j')));
        }
        press(&mut app, key(KeyCode::Char('X')));
        let text = screen(&app, 100, 30);
        assert!(text.contains(line), "{expirations:?}: {text}");
    }
}

#[test]
fn archive_with_a_wrong_name_80x24() {
    let mut app = archive_dialog();
    type_text(&mut app, "data plat");
    press(&mut app, key(KeyCode::Tab));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn archive_confirmed_in_monochrome_80x24() {
    let app = confirmed_archive();
    assert_snapshot!(styled_screen(&app, &Theme::monochrome(), 80, 24));
}

#[test]
fn archive_in_flight_80x24() {
    let mut app = confirmed_archive();
    send_unanswered(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn archive_refused_80x24() {
    let mut app = confirmed_archive();
    send_refused(
        &mut app,
        key(KeyCode::Enter),
        ErrorKind::Conflict,
        "Conflict: Workspace 'Data Platform' is already archived",
    );
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn new_workspace_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('n')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn new_workspace_with_problems_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('n')));
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "Quarterly planning");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "abc");
    press_only(&mut app, ctrl('s'));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn admin_picker_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('n')));
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "a");
    assert_snapshot!(screen(&app, 80, 24));
}

fn filled_form() -> App {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('n')));
    type_text(&mut app, "Research");
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "jane");
    press(&mut app, key(KeyCode::Enter));
    app
}

#[test]
fn new_workspace_in_flight_80x24() {
    let mut app = filled_form();
    send_unanswered(&mut app, ctrl('s'));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn new_workspace_refused_at_the_name_80x24() {
    let mut app = filled_form();
    send_refused(
        &mut app,
        ctrl('s'),
        ErrorKind::Conflict,
        "Conflict: An active workspace named 'Research' already exists in this organization",
    );
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn archive_refused_on_the_default_workspace_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('X')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn removal_refused_on_the_default_workspace_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('x')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn role_preview_with_long_names_wraps_each_change_80x24() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('*')));
    press(&mut app, key(KeyCode::Char('r')));
    for _ in 0..10 {
        press(&mut app, key(KeyCode::Char('j')));
    }
    press(&mut app, space());
    press(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}
