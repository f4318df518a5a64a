//! The organization views at 80x24 and 160x48, in colour and monochrome, with their loading
//! and failed states.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::*;
use crate::tui::testing::*;

fn open(command: &str) -> App {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, command);
    press(&mut app, key(KeyCode::Enter));
    app
}

fn both_sizes(name: &str, app: &App) {
    assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    assert_snapshot!(format!("{name}_160x48"), screen(app, 160, 48));
    assert_snapshot!(
        format!("{name}_monochrome_80x24"),
        styled_screen(app, &Theme::monochrome(), 80, 24)
    );
}

#[test]
fn usage_view() {
    both_sizes("usage", &open("usage"));
}

#[test]
fn usage_view_comparing_by_model() {
    let mut app = open("usage");
    press(&mut app, key(KeyCode::Char('c')));
    press(&mut app, key(KeyCode::Down));
    both_sizes("usage_compared", &app);
    press(&mut app, key(KeyCode::Tab));
    assert_snapshot!("usage_by_model_80x24", screen(&app, 80, 24));
}

#[test]
fn usage_view_loading() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, "usage");
    press_only(&mut app, key(KeyCode::Enter));
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn limits_view() {
    both_sizes("limits", &open("limits"));
}

#[test]
fn limits_view_searching() {
    let mut app = open("limits");
    press(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "small");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn the_command_line_completes_a_view() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, "li");
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.view.is_some(), "tab completed \"li\" to \"limits\"");
}

#[test]
fn views_in_monochrome_draw_no_colour() {
    for command in ["people", "usage", "limits", "vibe", "scim", "groups"] {
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
fn vibe_view() {
    both_sizes("vibe", &open("vibe"));
    let mut app = open("vibe");
    press(&mut app, key(KeyCode::Char('[')));
    assert_snapshot!("vibe_idle_seats_80x24", screen(&app, 80, 24));
}

#[test]
fn scim_view() {
    let app = open("scim");
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
    both_sizes("groups", &open("groups"));
    let mut app = open("groups");
    find_group(&mut app, "platform");
    assert_snapshot!("groups_nested_selected_80x24", screen(&app, 80, 24));
}

#[test]
fn groups_dialogs() {
    let mut app = open("groups");
    find_group(&mut app, "finance");
    press(&mut app, key(KeyCode::Char('w')));
    both_sizes("groups_assign_workspace", &app);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char(' ')));
    both_sizes("groups_assign_roles", &app);
    press(&mut app, key(KeyCode::Enter));
    both_sizes("groups_assign_review", &app);

    let mut app = open("groups");
    find_group(&mut app, "finance");
    press(&mut app, key(KeyCode::Char('D')));
    type_text(&mut app, "Fin");
    both_sizes("groups_delete", &app);

    let mut app = open("groups");
    find_group(&mut app, "finance");
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, key(KeyCode::Char(' ')));
    both_sizes("groups_add_members", &app);

    let mut app = open("groups");
    find_group(&mut app, "platform");
    press(&mut app, key(KeyCode::Char('x')));
    press(&mut app, key(KeyCode::Char(' ')));
    both_sizes("groups_remove_members", &app);

    let mut app = open("groups");
    find_group(&mut app, "engineering");
    press(&mut app, key(KeyCode::Char('i')));
    press(&mut app, key(KeyCode::Enter));
    let reason = "Nesting 'Engineering' inside 'Platform' would make a loop: 'Platform' is already nested inside 'Engineering' ('Engineering' > 'Platform' > 'Engineering')";
    if let Some(dialog) = app.dialogs.last_mut() {
        dialog.refused(crate::tui::state::RemoteError::new(
            crate::client::ErrorKind::Conflict,
            reason,
        ));
    }
    redraw(&mut app);
    both_sizes("groups_nest_refused", &app);

    let mut app = open("groups");
    press(&mut app, key(KeyCode::Char('e')));
    both_sizes("groups_edit_provider_group", &app);

    let mut app = open("groups");
    press(&mut app, key(KeyCode::Char('n')));
    type_text(&mut app, "Finance");
    press(&mut app, key(KeyCode::Enter));
    both_sizes("groups_new_name_taken", &app);
}
