//! `:keys`, `:spend` and `:audit` and their dialogs at 80x24 and 160x48, in colour and
//! monochrome.

use crossterm::event::KeyCode;

use super::shots::{EVERY_WAY, Walk, assert_looks, assert_walks};
use super::*;
use crate::api::{ApiKeyActions, ApiKeyOut};
use crate::tui::dialogs::key_shown::KeyShown;
use crate::tui::testing::*;

fn every_way(name: &str, app: &App) {
    assert_looks(module_path!(), name, app, EVERY_WAY);
}

/// The views walked through by keys from the loaded console, a snapshot set after each step.
const WALKS: &[Walk] = &[
    Walk::new(
        loaded_app,
        &[(r#": "keys" enter"#, "keys"), ("space f", "keys_expired")],
    ),
    Walk::new(
        loaded_app,
        &[
            (r#": "keys" enter n"#, "new_key_form"),
            (
                r#"tab "jane" tab tab "yesterday" ctrl-s"#,
                "new_key_form_refused",
            ),
        ],
    ),
    Walk::new(
        loaded_app,
        &[
            (r#": "keys" enter space space D"#, "delete_keys"),
            ("esc g R", "rotate_key"),
        ],
    ),
    Walk::new(
        loaded_app,
        &[
            (r#": "spend" enter"#, "spend"),
            ("e bs", "spend_limit_dialog"),
        ],
    ),
    Walk::new(
        loaded_app,
        &[
            (r#": "audit" enter"#, "audit"),
            ("down enter", "audit_detail"),
            (r#"x "trail.csv""#, "audit_export"),
        ],
    ),
];

#[test]
fn keys_spend_and_audit_screens() {
    assert_walks(module_path!(), WALKS, EVERY_WAY);
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
