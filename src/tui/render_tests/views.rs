//! The organization views at 80x24 and 160x48, in colour and monochrome, with their loading
//! and failed states.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::shots::{Look, looks};
use super::*;
use crate::tui::testing::*;

/// Both sizes, and the styles drawn as marks at 80x24 in monochrome.
const BOTH_SIZES: &[Look] = &[
    Look::Text(80, 24),
    Look::Text(160, 48),
    Look::Monochrome(80, 24),
];

fn both_sizes(name: &str, app: &App) {
    for (name, shown) in looks(name, app, BOTH_SIZES) {
        assert_snapshot!(name, shown);
    }
}

#[test]
fn usage_view() {
    both_sizes("usage", &command_opened("usage"));
}

#[test]
fn usage_view_comparing_by_model() {
    let mut app = command_opened("usage");
    press_keys(&mut app, "c down");
    both_sizes("usage_compared", &app);
    press(&mut app, key(KeyCode::Tab));
    assert_snapshot!("usage_by_model_80x24", screen(&app, 80, 24));
}

#[test]
fn usage_view_loading() {
    let mut app = loaded_app();
    press_keys(&mut app, r#": "usage""#);
    press_only(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn limits_view() {
    both_sizes("limits", &command_opened("limits"));
}

#[test]
fn limits_view_searching() {
    let mut app = command_opened("limits");
    press_keys(&mut app, r#"/ "small""#);
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn the_command_line_completes_a_view() {
    let mut app = loaded_app();
    press_keys(&mut app, r#": "li" tab enter"#);
    assert!(app.view.is_some(), "tab completed \"li\" to \"limits\"");
}

#[test]
fn views_in_monochrome_draw_no_colour() {
    assert_no_colour(&["people", "usage", "limits", "vibe", "scim", "groups"]);
}

#[test]
fn vibe_view() {
    both_sizes("vibe", &command_opened("vibe"));
    let mut app = command_opened("vibe");
    press(&mut app, key(KeyCode::Char('[')));
    assert_snapshot!("vibe_idle_seats_80x24", screen(&app, 80, 24));
}

#[test]
fn scim_view() {
    let app = command_opened("scim");
    assert_snapshot!("scim_before_any_run_80x24", screen(&app, 80, 24));
    let mut app = app;
    press(&mut app, key(KeyCode::Char('d')));
    both_sizes("scim_dry_run", &app);
    press(&mut app, key(KeyCode::Char('R')));
    both_sizes("scim_confirmation", &app);
}

fn find_group(app: &mut App, name: &str) {
    press(app, key(KeyCode::Char('/')));
    type_text(app, name);
    press(app, key(KeyCode::Enter));
}

#[test]
fn groups_view() {
    both_sizes("groups", &command_opened("groups"));
    let mut app = command_opened("groups");
    find_group(&mut app, "platform");
    assert_snapshot!("groups_nested_selected_80x24", screen(&app, 80, 24));
}

#[test]
fn groups_dialogs() {
    let mut app = command_opened("groups");
    find_group(&mut app, "finance");
    press(&mut app, key(KeyCode::Char('w')));
    both_sizes("groups_assign_workspace", &app);
    press_keys(&mut app, "down enter space");
    both_sizes("groups_assign_roles", &app);
    press(&mut app, key(KeyCode::Enter));
    both_sizes("groups_assign_review", &app);

    let mut app = command_opened("groups");
    find_group(&mut app, "finance");
    press_keys(&mut app, r#"D "Fin""#);
    both_sizes("groups_delete", &app);

    let mut app = command_opened("groups");
    find_group(&mut app, "finance");
    press_keys(&mut app, "a space");
    both_sizes("groups_add_members", &app);

    let mut app = command_opened("groups");
    find_group(&mut app, "platform");
    press_keys(&mut app, "x space");
    both_sizes("groups_remove_members", &app);

    let mut app = command_opened("groups");
    find_group(&mut app, "engineering");
    press_keys(&mut app, "i enter");
    let reason = "Nesting 'Engineering' inside 'Platform' would make a loop: 'Platform' is already nested inside 'Engineering' ('Engineering' > 'Platform' > 'Engineering')";
    if let Some(dialog) = app.dialogs.last_mut() {
        dialog.refused(crate::tui::state::RemoteError::new(
            crate::client::ErrorKind::Conflict,
            reason,
        ));
    }
    redraw(&mut app);
    both_sizes("groups_nest_refused", &app);

    let mut app = command_opened("groups");
    press(&mut app, key(KeyCode::Char('e')));
    both_sizes("groups_edit_provider_group", &app);

    let mut app = command_opened("groups");
    press_keys(&mut app, r#"n "Finance" enter"#);
    both_sizes("groups_new_name_taken", &app);
}
