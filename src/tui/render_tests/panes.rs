//! Snapshots of the main screen's panes and their states.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::*;
use crate::tui::call::{Call, Payload};
use crate::tui::state::{ErrorKind, RemoteError};
use crate::tui::testing::*;
use crate::tui::update::start;

#[test]
fn main_screen_80x24() {
    assert_snapshot!(screen(&loaded_app(), 80, 24));
}

#[test]
fn main_screen_160x48() {
    assert_snapshot!(screen(&loaded_app(), 160, 48));
}

#[test]
fn loading_80x24() {
    let mut app = new_app();
    let _ = start(&mut app);
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn load_errors_80x24() {
    let mut app = new_app();
    let effects = start(&mut app);
    for (id, profile, call) in requests(&effects) {
        let result = match call {
            Call::Workspaces { .. } => Err(RemoteError::new(
                ErrorKind::Unreachable,
                "cannot reach http://127.0.0.1:4000 (connection refused)",
            )),
            ref other => outcome(profile, other),
        };
        deliver(&mut app, id, profile, call, result);
    }
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn empty_organization_80x24() {
    let mut app = new_app();
    app.current = 2;
    app.org_cursor = 2;
    let effects = start(&mut app);
    answer_all(&mut app, effects);
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn organizations_pane_focused_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::BackTab));
    press(&mut app, key(KeyCode::Down));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn workspace_filter_typing_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "pro");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn archived_list_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('a')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn members_tab_focused_and_sorted_160x48() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('s')));
    press(&mut app, key(KeyCode::Char('S')));
    press(&mut app, key(KeyCode::Down));
    assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn members_filter_without_match_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "nobody");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn members_of_a_workspace_with_wide_names_80x24() {
    let mut app = loaded_app();
    press(&mut app, ctrl('p'));
    type_text(&mut app, "日本");
    press(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn settings_tab_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('2')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn settings_tab_160x48() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('2')));
    assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn settings_dirty_with_errors_while_editing_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('2')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "xy");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn settings_without_the_extension_160x48() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    let effects =
        crate::tui::update::update(&mut app, crate::tui::msg::Msg::Key(key(KeyCode::Char('2'))));
    let (id, profile, call) = requests(&effects)[0].clone();
    deliver(
        &mut app,
        id,
        profile,
        call,
        Ok(Payload::WorkspaceSettings(None)),
    );
    assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn settings_of_an_archived_workspace_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('2')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn settings_in_read_only_mode_80x24() {
    let mut app = loaded_app();
    app.read_only = true;
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('2')));
    press(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn api_keys_tab_80x24() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('3')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn api_keys_tab_160x48() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('3')));
    assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn api_keys_tab_empty_80x24() {
    let mut app = loaded_app();
    press(&mut app, ctrl('p'));
    type_text(&mut app, "market");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('3')));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn wide_characters_keep_the_member_columns_aligned() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    let terminal = draw(&app, &crate::tui::theme::Theme::colour(), 160, 48);
    let buffer = terminal.backend().buffer();
    let emails = [
        "ana.perez@",
        "jane.doe@",
        "john.smith@",
        "zoe.martin@",
        "taro.yamada@",
    ];
    let mut columns = Vec::new();
    for y in 0..48 {
        for email in emails {
            if let Some(x) = find_text(buffer, y, email) {
                columns.push((email, x));
            }
        }
    }
    assert_eq!(columns.len(), emails.len(), "every row drawn: {columns:?}");
    assert!(columns.windows(2).all(|w| w[0].1 == w[1].1), "{columns:?}");
}
