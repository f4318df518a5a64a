//! Snapshots of the dialogs that change the organization, at 80x24: as they open, filled in,
//! while their change is on its way, and after the server refused it; and a crowd too long
//! for the screen, named whole a window at a time.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::shots::{Look, Shot, Then, assert_shots};
use super::*;
use crate::tui::state::ErrorKind;
use crate::tui::testing::*;

fn research_members() -> App {
    loaded_after(r#"ctrl-p "Research" enter"#)
}

/// Ana and Zoë selected in Research, the role editor open.
fn role_editor() -> App {
    let mut app = research_members();
    press_keys(&mut app, "space j space r");
    app
}

fn role_preview() -> App {
    let mut app = role_editor();
    press_keys(&mut app, "j j j j j space enter");
    app
}

/// The archive confirmation for Data Platform, from the workspace list.
fn archive_dialog() -> App {
    loaded_after("j j j X")
}

/// The archive confirmation with the exact name typed and the Archive button focused.
fn confirmed_archive() -> App {
    let mut app = archive_dialog();
    press_keys(&mut app, r#""Data" space "Platform" tab"#);
    app
}

fn filled_form() -> App {
    loaded_after(r#"n "Research" down down down enter "jane" enter"#)
}

const SHOTS: &[Shot] = &[
    Shot::keys(
        "members_with_a_selection_80x24",
        research_members,
        "space j space",
    ),
    Shot::keys("add_members_80x24", research_members, "a space"),
    Shot::keys(
        "add_members_searching_with_a_hidden_selection_80x24",
        research_members,
        r#"a space / "yama""#,
    ),
    Shot::keys("add_members_in_flight_80x24", research_members, "a * tab j")
        .then(Then::Unanswered("enter")),
    Shot::keys("add_members_refused_80x24", research_members, "a space").then(Then::Refused(
        "enter",
        ErrorKind::NotFound,
        "Not found: User 00000000-0000-0000-0000-000000000004 is not a member of the organization",
    )),
    Shot::keys("role_picker_with_mixed_roles_80x24", role_editor, ""),
    // Ana holds only dev, where the cursor starts: untick it and ask for the preview.
    Shot::keys(
        "role_picker_refusing_to_leave_someone_without_a_role_80x24",
        research_members,
        "r space enter",
    ),
    Shot::keys("role_preview_80x24", role_preview, ""),
    // The preview opens on Cancel: tab twice to Apply before sending.
    Shot::keys("role_preview_in_flight_80x24", role_preview, "tab tab")
        .then(Then::Unanswered("enter")),
    Shot::keys(
        "role_preview_when_the_server_cannot_be_reached_80x24",
        role_preview,
        "tab tab",
    )
    .then(Then::Refused(
        "enter",
        ErrorKind::Unreachable,
        "Cannot reach 127.0.0.1:4000",
    )),
    Shot::keys("remove_members_80x24", research_members, "space space x"),
    Shot::keys("remove_members_in_flight_80x24", research_members, "x tab")
        .then(Then::Unanswered("enter")),
    Shot::keys("remove_members_refused_80x24", research_members, "x tab").then(Then::Refused(
        "enter",
        ErrorKind::Conflict,
        "Conflict: Workspace 'Research' is archived; archived workspaces cannot be changed",
    )),
    Shot::keys("archive_80x24", archive_dialog, ""),
    Shot::keys(
        "archive_with_a_wrong_name_80x24",
        archive_dialog,
        r#""data" space "plat" tab"#,
    ),
    Shot::keys(
        "archive_confirmed_in_monochrome_80x24",
        confirmed_archive,
        "",
    )
    .look(Look::Monochrome(80, 24)),
    Shot::keys("archive_in_flight_80x24", confirmed_archive, "").then(Then::Unanswered("enter")),
    Shot::keys("archive_refused_80x24", confirmed_archive, "").then(Then::Refused(
        "enter",
        ErrorKind::Conflict,
        "Conflict: Workspace 'Data Platform' is already archived",
    )),
    Shot::keys("new_workspace_80x24", loaded_app, "n"),
    Shot::keys(
        "new_workspace_with_problems_80x24",
        loaded_app,
        r#"n down "Quarterly" space "planning" down "abc""#,
    )
    .then(Then::Unanswered("ctrl-s")),
    Shot::keys(
        "admin_picker_80x24",
        loaded_app,
        r#"n down down down enter "a""#,
    ),
    Shot::keys("new_workspace_in_flight_80x24", filled_form, "").then(Then::Unanswered("ctrl-s")),
    Shot::keys("new_workspace_refused_at_the_name_80x24", filled_form, "").then(Then::Refused(
        "ctrl-s",
        ErrorKind::Conflict,
        "Conflict: An active workspace named 'Research' already exists in this organization",
    )),
    Shot::keys(
        "archive_refused_on_the_default_workspace_80x24",
        loaded_app,
        "X",
    ),
    Shot::keys(
        "removal_refused_on_the_default_workspace_80x24",
        loaded_app,
        "enter x",
    ),
    Shot::keys(
        "role_preview_with_long_names_wraps_each_change_80x24",
        research_members,
        "* r j j j j j j j j j j space enter",
    ),
];

#[test]
fn dialogs_as_they_open_fill_in_send_and_are_refused() {
    assert_shots(module_path!(), SHOTS);
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
        press_keys(&mut app, "j j j X");
        let text = screen(&app, 100, 30);
        assert!(text.contains(line), "{expirations:?}: {text}");
    }
}

/// The people in a crowd of 20, as the dialogs name them.
fn crowd_names() -> Vec<String> {
    (1..=20).map(|i| format!("Person {i:02}")).collect()
}

/// Research's Members tab with a dialog over it for a crowd of 20: Remove members, or the
/// role editor's preview.
fn crowded(removal: bool) -> App {
    let mut app = research_members();
    if removal {
        app.dialogs.push(Box::new(crowded_removal(20)));
    } else {
        app.dialogs.push(Box::new(crowded_role_preview(20)));
    }
    app
}

#[test]
fn a_crowd_is_listed_whole_a_window_at_a_time_with_where_the_window_is() {
    for (removal, name) in [(true, "removal"), (false, "role_preview")] {
        for (width, height) in [(80, 24), (60, 18)] {
            let mut app = crowded(removal);
            app.screen = (width, height);
            redraw(&mut app);
            let opened = screen(&app, width, height);
            assert!(!opened.contains("… and"), "{opened}");
            assert!(opened.contains("lines 1-"), "{opened}");
            assert_snapshot!(format!("crowded_{name}_{width}x{height}"), opened);
            // The arrows bring every name into the window, down to the last.
            let mut seen = opened;
            for _ in 0..20 {
                press(&mut app, key(KeyCode::Down));
                seen.push_str(&screen(&app, width, height));
            }
            for person in crowd_names() {
                assert!(seen.contains(&person), "{person} at {width}x{height}");
            }
            assert!(screen(&app, width, height).contains("· end"));
        }
    }
}
