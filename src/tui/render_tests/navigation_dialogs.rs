//! Snapshots of the dialogs that find, read and leave: help, the pickers, the command line,
//! the unsaved-changes prompt, and the notice shown on a terminal too small.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::*;
use crate::tui::testing::*;

#[test]
fn help_overlay_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('?')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn help_overlay_160x48() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('?')));
    assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn help_overlay_scrolled_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('?')));
    for _ in 0..3 {
        press(&mut app, key(KeyCode::PageDown));
    }
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn help_follows_a_user_keymap() {
    let mut app = loaded_app();
    app.keymap = crate::tui::keymap::Keymap::load(Some((
        crate::tui::config_file::Source::File("k.toml".into()),
        "[global]\nquit = [\"ctrl-q\"]\n",
    )))
    .unwrap();
    press(&mut app, key(KeyCode::Char('?')));
    let text = screen(&app, 160, 48);
    assert!(text.contains("ctrl-q"), "{text}");
}

#[test]
fn workspace_picker_80x24() {
    let mut app = loaded_app();
    press(&mut app, ctrl('p'));
    type_text(&mut app, "d");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn workspace_picker_160x48() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, ctrl('p'));
    assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn workspace_picker_without_matches_80x24() {
    let mut app = loaded_app();
    press(&mut app, ctrl('p'));
    type_text(&mut app, "qqq");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn organization_picker_80x24() {
    let mut app = loaded_app();
    press(&mut app, ctrl('o'));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn organization_picker_160x48() {
    let mut app = loaded_app();
    press(&mut app, ctrl('o'));
    type_text(&mut app, "lo");
    assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn unsaved_changes_prompt_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('2')));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "!");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('q')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn command_line_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, "ws resea");
    assert_snapshot!(screen(&app, 80, 24));
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

#[test]
fn too_small_notice() {
    assert_snapshot!(screen(&loaded_app(), 40, 10));
}
