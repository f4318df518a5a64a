//! `:keys`, `:spend` and `:audit` and their dialogs at 80x24 and 160x48, in colour and
//! monochrome.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::shots::{EVERY_WAY, looks};
use super::*;
use crate::api::{ApiKeyActions, ApiKeyOut};
use crate::tui::dialogs::key_shown::KeyShown;
use crate::tui::testing::*;

fn every_way(name: &str, app: &App) {
    for (name, shown) in looks(name, app, EVERY_WAY) {
        assert_snapshot!(name, shown);
    }
}

#[test]
fn keys_view_and_its_filter() {
    let mut app = command_opened("keys");
    every_way("keys", &app);
    press_keys(&mut app, "space f");
    every_way("keys_expired", &app);
}

#[test]
fn new_key_form_with_a_problem() {
    let mut app = command_opened("keys");
    press(&mut app, key(KeyCode::Char('n')));
    every_way("new_key_form", &app);
    press_keys(&mut app, r#"tab "jane" tab tab "yesterday" ctrl-s"#);
    every_way("new_key_form_refused", &app);
}

#[test]
fn a_new_key_shown_once() {
    let mut app = command_opened("keys");
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
    let mut app = command_opened("keys");
    press_keys(&mut app, "space space D");
    every_way("delete_keys", &app);
    press_keys(&mut app, "esc g R");
    every_way("rotate_key", &app);
}

#[test]
fn spend_view_and_its_dialog() {
    let mut app = command_opened("spend");
    every_way("spend", &app);
    press_keys(&mut app, "e bs");
    every_way("spend_limit_dialog", &app);
}

#[test]
fn audit_view_detail_and_export() {
    let mut app = command_opened("audit");
    every_way("audit", &app);
    press_keys(&mut app, "down enter");
    every_way("audit_detail", &app);
    press_keys(&mut app, r#"x "trail.csv""#);
    every_way("audit_export", &app);
}

#[test]
fn these_views_in_monochrome_draw_no_colour() {
    assert_no_colour(&["keys", "spend", "audit"]);
}

#[test]
fn a_deletion_under_way_shows_its_count() {
    let mut app = command_opened("keys");
    press_keys(&mut app, "space space D tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let (id, profile, call) = requests(&effects).remove(0);
    crate::tui::update::update(&mut app, answer(id, profile, call));
    every_way("delete_keys_under_way", &app);
}
