//! `:keys`, `:spend` and `:audit` and their dialogs at 80x24 and 160x48, in colour and
//! monochrome.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::*;
use crate::api::{ApiKeyActions, ApiKeyOut};
use crate::tui::dialogs::key_shown::KeyShown;
use crate::tui::testing::*;

fn open(command: &str) -> App {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, command);
    press(&mut app, key(KeyCode::Enter));
    app
}

/// Colour and monochrome (its styles drawn as marks), each at 80x24 and 160x48.
fn every_way(name: &str, app: &App) {
    assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    assert_snapshot!(format!("{name}_160x48"), screen(app, 160, 48));
    for (w, h) in [(80, 24), (160, 48)] {
        assert_snapshot!(
            format!("{name}_monochrome_{w}x{h}"),
            styled_screen(app, &Theme::monochrome(), w, h)
        );
    }
}

#[test]
fn keys_view_and_its_filter() {
    let mut app = open("keys");
    every_way("keys", &app);
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char('f')));
    every_way("keys_expired", &app);
}

#[test]
fn new_key_form_with_a_problem() {
    let mut app = open("keys");
    press(&mut app, key(KeyCode::Char('n')));
    every_way("new_key_form", &app);
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "jane");
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    type_text(&mut app, "yesterday");
    press(&mut app, ctrl('s'));
    every_way("new_key_form_refused", &app);
}

#[test]
fn a_new_key_shown_once() {
    let mut app = open("keys");
    let key = ApiKeyOut {
        key_id: uuid::Uuid::from_u128(99),
        key: Some("sk-test-0123456789abcdefghijklmnopqrstuv".into()),
        name: Some("ci".into()),
        hidden_key: "sk-t...stuv".into(),
        created_at: None,
        expiration_date: Some(time::macros::date!(2026 - 09 - 01)),
        actions: ApiKeyActions::default(),
    };
    let note = crate::actions::key_list::shortened(
        Some(time::macros::date!(2027 - 01 - 01)),
        key.expiration_date,
    );
    app.dialogs.push(Box::new(KeyShown::new(key, note)));
    every_way("new_key_shown", &app);
}

#[test]
fn delete_and_rotate_confirmations() {
    let mut app = open("keys");
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char('D')));
    every_way("delete_keys", &app);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('g')));
    press(&mut app, key(KeyCode::Char('R')));
    every_way("rotate_key", &app);
}

#[test]
fn spend_view_and_its_dialog() {
    let mut app = open("spend");
    every_way("spend", &app);
    press(&mut app, key(KeyCode::Char('e')));
    press(&mut app, key(KeyCode::Backspace));
    every_way("spend_limit_dialog", &app);
}

#[test]
fn audit_view_detail_and_export() {
    let mut app = open("audit");
    every_way("audit", &app);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    every_way("audit_detail", &app);
    press(&mut app, key(KeyCode::Char('x')));
    type_text(&mut app, "trail.csv");
    every_way("audit_export", &app);
}

#[test]
fn these_views_in_monochrome_draw_no_colour() {
    for command in ["keys", "spend", "audit"] {
        let app = open(command);
        for (w, h) in [(80, 24), (160, 48)] {
            let terminal = draw(&app, &Theme::monochrome(), w, h);
            for cell in terminal.backend().buffer().content() {
                assert_eq!(cell.fg, ratatui::style::Color::Reset, "{command} {w}x{h}");
                assert_eq!(cell.bg, ratatui::style::Color::Reset, "{command} {w}x{h}");
            }
        }
    }
}

#[test]
fn a_deletion_under_way_shows_its_count() {
    let mut app = open("keys");
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char('D')));
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let (id, profile, call) = requests(&effects).remove(0);
    crate::tui::update::update(&mut app, answer(id, profile, call));
    every_way("delete_keys_under_way", &app);
}
