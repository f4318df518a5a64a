//! Snapshots of the main screen's panes and their states.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::shots::{Look, Shot, assert_shots};
use super::*;
use crate::tui::call::Call;
use crate::tui::state::{ErrorKind, RemoteError};
use crate::tui::testing::*;
use crate::tui::update::start;

fn read_only() -> App {
    let mut app = loaded_app();
    app.read_only = true;
    app
}

/// Screens the loaded console reaches by keys alone.
const SHOTS: &[Shot] = &[
    Shot::keys("main_screen_80x24", loaded_app, ""),
    Shot::keys("main_screen_160x48", loaded_app, "").look(Look::Text(160, 48)),
    Shot::keys(
        "organizations_pane_focused_80x24",
        loaded_app,
        "backtab down",
    ),
    Shot::keys("workspace_filter_typing_80x24", loaded_app, r#"/ "pro""#),
    Shot::keys("archived_list_80x24", loaded_app, "a"),
    Shot::keys(
        "members_tab_focused_and_sorted_160x48",
        loaded_app,
        "enter s S down",
    )
    .look(Look::Text(160, 48)),
    Shot::keys(
        "members_filter_without_match_80x24",
        loaded_app,
        r#"enter / "nobody""#,
    ),
    Shot::keys(
        "members_of_a_workspace_with_wide_names_80x24",
        loaded_app,
        r#"ctrl-p "日本" enter"#,
    ),
    Shot::keys("settings_tab_80x24", loaded_app, "enter 2"),
    Shot::keys("settings_tab_160x48", loaded_app, "enter 2").look(Look::Text(160, 48)),
    Shot::keys(
        "settings_dirty_with_errors_while_editing_80x24",
        loaded_app,
        r#"enter 2 down down enter "xy""#,
    ),
    Shot::keys(
        "settings_of_an_archived_workspace_80x24",
        loaded_app,
        "a enter 2",
    ),
    Shot::keys(
        "settings_in_read_only_mode_80x24",
        read_only,
        "enter 2 enter",
    ),
    Shot::keys(
        "settings_without_the_extension_160x48",
        settings_without_extension,
        "",
    )
    .look(Look::Text(160, 48)),
    Shot::keys("api_keys_tab_80x24", loaded_app, "enter 3"),
    Shot::keys("api_keys_tab_160x48", loaded_app, "enter 3").look(Look::Text(160, 48)),
    Shot::keys(
        "api_keys_tab_empty_80x24",
        loaded_app,
        r#"ctrl-p "market" enter 3"#,
    ),
];

#[test]
fn panes_reached_by_keys() {
    assert_shots(module_path!(), SHOTS);
}

#[test]
fn loading_80x24() {
    let mut app = new_app();
    let _ = start(&mut app);
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn load_errors_80x24() {
    let app = loaded_but(
        |call| matches!(call, Call::Workspaces { .. }),
        RemoteError::new(
            ErrorKind::Unreachable,
            "cannot reach http://127.0.0.1:4000 (connection refused)",
        ),
    );
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
