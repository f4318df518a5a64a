//! Keys act only on what the last frame showed whole: nothing behind the "too small" notice
//! but quit and ctrl-c, no change from a dialog or form cut off by a small terminal, and no
//! accidental submit of the new-workspace form.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::Request;
use crate::tui::dialogs::create_workspace::{CreateField, CreateWorkspace};
use crate::tui::dialogs::remove_members::RemoveMembers;
use crate::tui::msg::Msg;
use crate::tui::state::form::Field;
use crate::tui::state::{Focus, Tab};
use crate::tui::update::update;

/// Resizes the terminal and draws the frame that follows, as the event loop does.
fn resize(app: &mut App, width: u16, height: u16) {
    let _ = update(app, Msg::Resize { width, height });
    redraw(app);
}

fn research_members() -> App {
    let mut app = loaded_app();
    open_workspace_named(&mut app, "Research");
    assert_eq!(app.focus, Focus::Detail);
    app
}

#[test]
fn behind_the_too_small_notice_keys_reach_nothing_but_quit() {
    let mut app = research_members();
    press(&mut app, key(KeyCode::Char('x')));
    assert!(app.top_dialog::<RemoveMembers>().is_some());
    resize(&mut app, 45, 12);
    assert!(app.seen.too_small);

    let tab = press_only(&mut app, key(KeyCode::Tab));
    let enter = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&tab).is_empty() && changes(&enter).is_empty());
    let d = app
        .top_dialog::<RemoveMembers>()
        .expect("the dialog is left as it was");
    assert_eq!(d.focus, crate::tui::dialogs::Button::Cancel);
    assert_eq!(
        flash_text(&app),
        "That key does nothing until the terminal is larger"
    );
    press(&mut app, ctrl('v'));
    let _ = update(&mut app, Msg::Paste("Research".into()));
    assert_eq!(app.dialogs.len(), 1);

    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.quit, "q quits, as the notice says");
}

#[test]
fn the_notice_says_which_key_quits_and_waits_for_unsaved_changes() {
    let mut app = loaded_app();
    app.keymap = user_keymap("[global]\nquit = [\"ctrl-q\"]\n");
    resize(&mut app, 40, 10);
    let text = crate::tui::render_tests::screen(&app, 40, 10);
    assert!(text.contains("Enlarge it, or ctrl-q to quit"), "{text}");
    press(&mut app, key(KeyCode::Char('q')));
    assert!(!app.quit, "q is not the quit key here");

    // Unsaved settings: quitting waits until the prompt about them can be seen.
    resize(&mut app, 80, 24);
    press_keys(&mut app, r#"tab 2 enter "x" enter"#);
    assert!(app.org().has_unsaved_changes());
    resize(&mut app, 40, 10);
    let text = crate::tui::render_tests::screen(&app, 40, 10);
    assert!(text.contains("Enlarge it to save or discard"), "{text}");
    press(&mut app, ctrl('q'));
    assert!(!app.quit && app.dialogs.is_empty());
}

/// Research's Remove dialog for ten people: more names than a 60x15 terminal has room for.
fn tall_remove_dialog(app: &mut App) {
    app.dialogs.push(Box::new(crowded_removal(10)));
}

#[test]
fn a_list_cut_short_by_the_terminal_sends_nothing_until_it_is_seen_whole() {
    let mut app = research_members();
    tall_remove_dialog(&mut app);
    resize(&mut app, 60, 15);
    assert!(!app.seen.too_small);
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty(), "{effects:?}");
    assert_says(&app, "scroll to the end first");
    assert!(!app.dialogs.is_empty(), "the dialog stays");

    // A taller terminal shows every name: read whole.
    resize(&mut app, 80, 24);
    assert!(app.seen.showed_whole_dialog(&app.dialogs));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(changes(&effects).as_slice(), [Request::RemoveMembers { users, .. }] if users.len() == 10),
        "{effects:?}"
    );
}

#[test]
fn a_key_before_any_frame_confirms_nothing() {
    let mut app = research_members();
    press_keys(&mut app, "x tab");
    // As if the frame with the dialog had never been drawn.
    app.seen = Default::default();
    let effects = update(&mut app, Msg::Key(key(KeyCode::Enter)));
    assert!(changes(&effects).is_empty());
}

#[test]
fn the_settings_form_saves_only_when_every_field_was_seen() {
    let mut app = loaded_after("tab 2");
    assert_eq!(app.org().open_view().unwrap().tab, Tab::Settings);
    press_keys(&mut app, r#"enter space "2" enter"#);
    // What an earlier refusal left at two other fields: long enough that a 60x15 terminal
    // cannot show every field with its message.
    let form = app
        .org_mut()
        .open_view_mut()
        .and_then(|v| v.form.as_mut())
        .unwrap();
    for field in [Field::Description, Field::Icon] {
        form.server_errors.insert(
            field,
            "The server refused this value for a reason that takes a few lines to say".into(),
        );
    }
    resize(&mut app, 60, 15);
    let effects = press_only(&mut app, ctrl('s'));
    assert!(changes(&effects).is_empty(), "{effects:?}");
    assert_says(&app, "does not fit");

    resize(&mut app, 80, 24);
    let effects = press_only(&mut app, ctrl('s'));
    assert_eq!(changes(&effects).len(), 1, "{}", flash_text(&app));
}

#[test]
fn space_never_presses_create_and_the_focus_stays_on_the_chosen_admin() {
    let mut app = loaded_after(r#"n "Accidents" tab tab tab enter"#);
    assert!(
        app.top_dialog::<CreateWorkspace>()
            .is_some_and(|d| d.admin_picker.is_some()),
        "the admin picker is open"
    );
    press_keys(&mut app, r#""zoe" enter"#);
    let d = app
        .top_dialog::<CreateWorkspace>()
        .expect("back on the form");
    assert_eq!(d.focus, CreateField::Admin, "the focus did not jump");
    assert!(d.admin.is_some());

    press_keys(&mut app, "tab space tab");
    let d = app
        .top_dialog::<CreateWorkspace>()
        .expect("still on the form");
    assert!(d.add_all, "space flipped the box");
    assert_eq!(d.focus, CreateField::Create);
    let effects = press_only(&mut app, key(KeyCode::Char(' ')));
    assert!(changes(&effects).is_empty(), "space on Create: {effects:?}");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        changes(&effects).as_slice(),
        [Request::CreateWorkspace { .. }]
    ));
}
