//! Snapshots of the dialogs that find, read and leave: help, the pickers, the command line,
//! the unsaved-changes prompt, and the notice shown on a terminal too small.

use crossterm::event::KeyCode;

use super::shots::{Look, Shot, assert_shots};
use super::*;
use crate::tui::testing::*;

const SHOTS: &[Shot] = &[
    Shot::keys("help_overlay_80x24", loaded_app, "?"),
    Shot::keys("help_overlay_160x48", loaded_app, "?").look(Look::Text(160, 48)),
    Shot::keys(
        "help_overlay_scrolled_80x24",
        loaded_app,
        "? pgdn pgdn pgdn",
    ),
    Shot::keys("workspace_picker_80x24", loaded_app, r#"ctrl-p "d""#),
    Shot::keys("workspace_picker_160x48", loaded_app, "a ctrl-p").look(Look::Text(160, 48)),
    Shot::keys(
        "workspace_picker_without_matches_80x24",
        loaded_app,
        r#"ctrl-p "qqq""#,
    ),
    Shot::keys("organization_picker_80x24", loaded_app, "ctrl-o"),
    Shot::keys("organization_picker_160x48", loaded_app, r#"ctrl-o "lo""#)
        .look(Look::Text(160, 48)),
    Shot::keys(
        "unsaved_changes_prompt_80x24",
        loaded_app,
        r#"enter 2 enter "!" enter q"#,
    ),
    Shot::keys("command_line_80x24", loaded_app, r#": "ws" space "resea""#),
    Shot::keys("too_small_notice", loaded_app, "").look(Look::Text(40, 10)),
];

#[test]
fn dialogs_that_find_read_and_leave() {
    assert_shots(module_path!(), SHOTS);
}

#[test]
fn help_follows_a_user_keymap() {
    let mut app = loaded_app();
    app.keymap = user_keymap("[global]\nquit = [\"ctrl-q\"]\n");
    press(&mut app, key(KeyCode::Char('?')));
    let text = screen(&app, 160, 48);
    assert!(text.contains("ctrl-q"), "{text}");
}

#[test]
fn an_empty_command_line_lists_the_commands() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    let text = screen(&app, 80, 24);
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("\": commands: ws NAME, org NAME, people, usage"),
        "{last}"
    );
    assert!(
        text.contains(" usage       What each workspace and model cost"),
        "each command is listed with what it does:\n{text}"
    );
    type_text(&mut app, "w");
    let text = screen(&app, 80, 24);
    assert!(
        !text.contains("commands:"),
        "the list goes once typing starts"
    );
}
