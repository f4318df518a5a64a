//! Staging: with the switch on, a dialog's change and the settings form's save are collected
//! as plan engine changes instead of being sent; the switch and `:stage` say so; staged
//! changes are per organization.

use crossterm::event::KeyCode;

use super::*;
use crate::domain::org::{Change, FieldValue, WorkspaceField};
use crate::tui::dialogs::edit_roles::EditRoles;
use crate::tui::effect::Effect;

fn research_members() -> App {
    let mut app = loaded_app();
    open_workspace_named(&mut app, "Research");
    app
}

fn sends_a_change(effects: &[Effect]) -> bool {
    !changes(effects).is_empty()
}

#[test]
fn the_key_and_the_command_turn_staging_over_and_say_so() {
    let mut app = loaded_app();
    press(&mut app, ctrl('t'));
    assert!(app.staging.on);
    assert_says(&app, "STAGED 0");
    run_command(&mut app, "stage off");
    assert!(!app.staging.on);
    assert_says_first(&app, "Staging off");
    run_command(&mut app, "stage maybe");
    assert_says(&app, "Usage: stage [on|off]");
}

#[test]
fn a_role_edit_is_staged_not_sent_and_names_the_change() {
    let mut app = research_members();
    press(&mut app, ctrl('t'));
    // The first row (Ana Lucía Pérez, dev): tick workspace_admin too.
    press(&mut app, key(KeyCode::Char('r')));
    let dialog = app.top_dialog::<EditRoles>().expect("the role editor");
    let admin = dialog
        .choices
        .iter()
        .position(|c| c.name == "workspace_admin")
        .unwrap();
    for _ in dialog.cursor..admin {
        press(&mut app, key(KeyCode::Char('j')));
    }
    press_keys(&mut app, "space enter tab tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(!sends_a_change(&effects), "nothing sent: {effects:?}");
    assert!(app.dialogs.is_empty(), "the dialog's work is done");
    let staged = only_staged(&app);
    let Change::SetMemberRoles {
        workspace,
        before,
        after,
        ..
    } = &staged
    else {
        panic!("a role change: {staged:?}");
    };
    assert_eq!(workspace, "Research");
    assert_eq!(before, &["dev"]);
    assert_eq!(after, &["workspace_admin", "dev"]);
    assert_says_first(&app, "Staged ~ \"Research\" member");
    assert_says(&app, "(STAGED 1)");
    // Another organization has nothing staged.
    assert_eq!(app.staging.count(app.current + 1), 0);
}

#[test]
fn with_staging_off_the_same_edit_is_sent() {
    let mut app = research_members();
    press_keys(&mut app, "r j space enter tab tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(sends_a_change(&effects));
    assert_eq!(app.staging.count(app.current), 0);
}

#[test]
fn a_settings_save_is_staged_and_the_form_goes_back_to_the_server_values() {
    let mut app = research_members();
    press_keys(&mut app, "2 ctrl-t");
    // The description field (below the name): type over it, keep it, save.
    press_keys(
        &mut app,
        r#"down enter ctrl-u "Shared" space "(staged)" enter"#,
    );
    assert!(app.org().has_unsaved_changes());
    let effects = press_only(&mut app, ctrl('s'));
    assert!(!sends_a_change(&effects), "nothing sent: {effects:?}");
    assert!(
        !app.org().has_unsaved_changes(),
        "the plan holds the edit now"
    );
    let staged = only_staged(&app);
    let Change::EditWorkspace {
        field: WorkspaceField::Description,
        after: FieldValue::Text(after),
        ..
    } = &staged
    else {
        panic!("a description edit: {staged:?}");
    };
    assert_eq!(after, "Shared (staged)");
}

#[test]
fn the_switch_works_over_a_dialog_and_keeps_what_was_typed() {
    use crate::actions::Request;
    use crate::tui::dialogs::create_workspace::CreateWorkspace;
    let mut app = loaded_app();
    press(&mut app, ctrl('t'));
    press(&mut app, key(KeyCode::Char('n')));
    press_keys(
        &mut app,
        r#""Platform" space "Ops" down "Runs" space "the" space "platform" down down enter"#,
    );
    press_keys(&mut app, r#""zoe" enter down space"#);
    let effects = press_only(&mut app, ctrl('s'));
    assert!(!sends_a_change(&effects), "refused under STAGED");
    assert_says_first(&app, "Not staged");
    // Turned off from the dialog itself: it stays, with everything typed in it.
    press(&mut app, ctrl('t'));
    assert!(!app.staging.on);
    assert_says_first(&app, "Staging off");
    let form = app.top_dialog::<CreateWorkspace>().expect("the form stays");
    assert_eq!(form.name.value(), "Platform Ops");
    assert_eq!(form.description.value(), "Runs the platform");
    // Its next confirm obeys the new mode.
    let effects = press_only(&mut app, ctrl('s'));
    let sent = changes(&effects);
    let [Request::CreateWorkspace { body }] = sent.as_slice() else {
        panic!("one creation: {sent:?}");
    };
    assert_eq!(body.name, "Platform Ops");
}
