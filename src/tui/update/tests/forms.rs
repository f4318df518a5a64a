//! The settings form: validation as you type, dirty marker, saving, server errors, the
//! unsaved-changes prompt, and read-only refusals.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::Request;
use crate::api::{UpdateWorkspaceIn, WorkspaceSettingsUpdate};
use crate::tui::call::{Call, Payload};
use crate::tui::dialogs::unsaved::{PromptButton, Unsaved};
use crate::tui::effect::Effect;
use crate::tui::state::form::{Extension, Field, SettingsForm};
use crate::tui::state::{ErrorKind, Navigation, RemoteError, Tab};

/// Opens the default workspace's Settings tab with everything loaded.
fn settings_app() -> App {
    let app = loaded_after("enter 2");
    assert_eq!(app.org().open_view().unwrap().tab, Tab::Settings);
    app
}

/// The Settings tab with the name changed to "Renamed" and not saved: the form is dirty.
fn renamed_unsaved() -> App {
    let mut app = settings_app();
    set_field(&mut app, Field::Name, "Renamed");
    app
}

fn form(app: &App) -> &SettingsForm {
    app.org().open_view().unwrap().form.as_ref().unwrap()
}

/// Moves to `field`, starts editing, replaces the text with `text`, and stops editing.
fn set_field(app: &mut App, field: Field, text: &str) {
    while form(app).focus != field {
        let before = form(app).focus;
        let up = Field::ALL.iter().position(|f| *f == field)
            < Field::ALL.iter().position(|f| *f == before);
        press(app, key(if up { KeyCode::Up } else { KeyCode::Down }));
    }
    press(app, key(KeyCode::Enter));
    assert!(form(app).editing.is_some(), "editing {field:?}");
    press(app, ctrl('u'));
    type_text(app, text);
    press(app, key(KeyCode::Enter));
}

/// One save as sent: the workspace's own fields and the extension settings, each if sent.
struct Save {
    details: Option<UpdateWorkspaceIn>,
    settings: Option<WorkspaceSettingsUpdate>,
}

fn save_effects(effects: &[Effect]) -> Vec<Save> {
    requests(effects)
        .into_iter()
        .filter_map(|(_, _, c)| match c {
            Call::Change(requests) => Some(requests),
            _ => None,
        })
        .map(|requests| {
            let mut save = Save {
                details: None,
                settings: None,
            };
            for request in requests {
                match request {
                    Request::UpdateWorkspace { body, .. } => save.details = Some(body),
                    Request::UpdateWorkspaceSettings { body, .. } => save.settings = Some(body),
                    other => panic!("not a save: {other:?}"),
                }
            }
            save
        })
        .collect()
}

#[test]
fn the_form_starts_from_the_server_values_and_loads_the_extension() {
    let app = settings_app();
    let form = form(&app);
    assert_eq!(form.name.value(), "Default Workspace");
    assert_eq!(form.icon.value(), "🏠");
    assert_eq!(form.cap.value(), "500");
    assert!(form.members_can_create_keys);
    assert_eq!(
        form.extension,
        Extension::Available {
            organization_limit: Some(1000),
            currency: "EUR".into()
        }
    );
    assert!(!form.is_dirty());
}

#[test]
fn validation_runs_as_you_type() {
    let mut app = settings_app();
    let long_name = "n".repeat(256);
    // What is typed, and a part of the message it gets (`None`: no message; "": any).
    let cases = [
        (Field::Name, "   ", Some("must not be empty")),
        (Field::Name, &long_name, Some("255")),
        (Field::Name, "Ops", None),
        (Field::Icon, "abc", Some("")),
        (Field::Icon, "ab", Some("single")),
        (Field::Icon, "🚀", None),
        (Field::MonthlySpendCap, "2000", Some("1000 EUR")),
        (Field::MonthlySpendCap, "12.5", Some("whole number")),
        // Empty means no cap.
        (Field::MonthlySpendCap, "", None),
    ];
    for (field, typed, expected) in cases {
        set_field(&mut app, field, typed);
        let message = form(&app).message(field);
        match expected {
            Some(part) => assert!(
                message.as_deref().is_some_and(|m| m.contains(part)),
                "{field:?} {typed:?}: {message:?}"
            ),
            None => assert_eq!(message, None, "{field:?} {typed:?}"),
        }
    }
}

#[test]
fn a_field_is_dirty_until_it_is_back_to_the_server_value() {
    let mut app = settings_app();
    set_field(&mut app, Field::Description, "Everyone");
    assert!(form(&app).is_field_dirty(Field::Description));
    assert!(form(&app).is_dirty());
    set_field(&mut app, Field::Description, "Default Workspace workspace");
    assert!(!form(&app).is_dirty());
}

#[test]
fn esc_while_editing_undoes_that_field_only() {
    let mut app = settings_app();
    press_keys(&mut app, r#"enter space "2""#);
    assert_eq!(form(&app).name.value(), "Default Workspace 2");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(form(&app).name.value(), "Default Workspace");
    assert!(form(&app).editing.is_none());
    assert_eq!(app.focus, crate::tui::state::Focus::Detail);
}

#[test]
fn tab_while_editing_moves_on_and_keeps_editing() {
    let mut app = settings_app();
    press_keys(&mut app, "enter tab");
    assert_eq!(form(&app).focus, Field::Description);
    assert!(form(&app).editing.is_some());
}

#[test]
fn ctrl_s_saves_only_what_changed_and_the_answer_clears_the_dirty_marker() {
    let mut app = settings_app();
    set_field(&mut app, Field::Description, "Shared by everyone");
    press_keys(&mut app, "down down space");
    assert!(!form(&app).members_can_create_keys);
    let effects = press_only(&mut app, ctrl('s'));
    let saves = save_effects(&effects);
    assert_eq!(saves.len(), 1);
    let save = &saves[0];
    let details = save.details.as_ref().unwrap();
    assert_eq!(details.description.as_deref(), Some("Shared by everyone"));
    assert_eq!(details.name, None, "unchanged fields are not sent");
    let settings = save.settings.as_ref().unwrap();
    assert_eq!(settings.members_can_create_api_keys, Some(false));
    assert_eq!(settings.monthly_spend_cap, None);
    assert!(form(&app).saving.is_some());
    let again = press_only(&mut app, ctrl('s'));
    assert!(save_effects(&again).is_empty(), "no double submit");

    answer_all(&mut app, effects);
    assert!(!form(&app).is_dirty());
    assert!(form(&app).saving.is_none());
    assert_says(&app, "Saved");
    let listed = app
        .org()
        .find_workspace(id(DEFAULT_WS))
        .unwrap()
        .workspace
        .clone();
    assert_eq!(listed.description.as_deref(), Some("Shared by everyone"));
}

#[test]
fn clearing_the_cap_sends_null() {
    let mut app = settings_app();
    set_field(&mut app, Field::MonthlySpendCap, "");
    let effects = press_only(&mut app, ctrl('s'));
    let save = &save_effects(&effects)[0];
    assert_eq!(
        save.settings.as_ref().unwrap().monthly_spend_cap,
        Some(None)
    );
    assert!(save.details.is_none());
}

#[test]
fn an_invalid_or_unchanged_form_is_not_sent() {
    let mut app = settings_app();
    let effects = press_only(&mut app, ctrl('s'));
    assert!(save_effects(&effects).is_empty());
    assert_says(&app, "nothing to save");
    set_field(&mut app, Field::Name, "");
    let effects = press_only(&mut app, ctrl('s'));
    assert!(save_effects(&effects).is_empty());
    assert_says(&app, "fix the fields");
}

#[test]
fn server_field_errors_land_on_their_field_and_keep_what_was_typed() {
    let mut app = settings_app();
    set_field(&mut app, Field::Name, "Research");
    let mut error = RemoteError::new(ErrorKind::Validation, "invalid request");
    error.fields.push((
        "body.name".into(),
        "A workspace with this name already exists".into(),
    ));
    press_answered(&mut app, ctrl('s'), Err(error));
    let form = form(&app);
    assert_eq!(form.name.value(), "Research", "typed value kept");
    assert!(form.is_dirty());
    assert_eq!(
        form.message(Field::Name).as_deref(),
        Some("A workspace with this name already exists")
    );
    assert_says(&app, "Not saved");
    set_field(&mut app, Field::Name, "Research 2");
    assert_eq!(
        crate::tui::update::tests::forms::form(&app).message(Field::Name),
        None,
        "editing clears it"
    );
}

#[test]
fn an_error_about_no_field_goes_to_the_status_line() {
    let mut app = renamed_unsaved();
    press_answered(
        &mut app,
        ctrl('s'),
        Err(RemoteError::new(ErrorKind::Forbidden, "not allowed (403)")),
    );
    assert_eq!(
        app.flash.as_ref().unwrap().text,
        "Not saved: not allowed (403)"
    );
    assert_eq!(form(&app).name.value(), "Renamed");
}

#[test]
fn leaving_with_unsaved_changes_asks_and_stay_is_the_default() {
    let mut app = renamed_unsaved();
    press_keys(&mut app, r#"ctrl-p "research" enter"#);
    let prompt = app
        .top_dialog::<Unsaved>()
        .expect("the unsaved-changes prompt opens");
    assert_eq!(prompt.button, PromptButton::Stay);
    assert_eq!(prompt.then, Navigation::OpenWorkspace(id(RESEARCH)));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.dialogs.is_empty());
    assert_eq!(open_name(&app), "Default Workspace");
    assert_eq!(form(&app).name.value(), "Renamed");
}

#[test]
fn discard_drops_the_changes_and_goes_on() {
    let mut app = renamed_unsaved();
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.top_dialog::<Unsaved>().is_some());
    press(&mut app, key(KeyCode::Char('d')));
    assert!(app.quit);
}

#[test]
fn save_in_the_prompt_saves_then_goes_on() {
    let mut app = renamed_unsaved();
    press(&mut app, key(KeyCode::Char('-')));
    assert!(
        app.dialogs.is_empty(),
        "no previous workspace: nothing to leave for"
    );
    press_keys(&mut app, r#"ctrl-o "globex" enter"#);
    assert!(app.top_dialog::<Unsaved>().is_some());
    let effects = press_only(&mut app, key(KeyCode::Char('s')));
    assert_eq!(app.current, 0, "waits for the save");
    assert_eq!(save_effects(&effects).len(), 1);
    answer_all(&mut app, effects);
    assert_eq!(app.current, 1, "then switches");
    assert_eq!(
        app.orgs[0]
            .find_workspace(id(DEFAULT_WS))
            .unwrap()
            .workspace
            .name,
        "Renamed"
    );
}

#[test]
fn a_failed_save_from_the_prompt_stays() {
    let mut app = renamed_unsaved();
    press(&mut app, key(KeyCode::Char('q')));
    press_answered(
        &mut app,
        key(KeyCode::Char('s')),
        Err(RemoteError::new(
            ErrorKind::Unreachable,
            "server unreachable",
        )),
    );
    assert!(!app.quit);
    assert_eq!(form(&app).name.value(), "Renamed");
}

#[test]
fn tab_switches_keep_the_form_without_asking() {
    let mut app = renamed_unsaved();
    press(&mut app, key(KeyCode::Char('1')));
    assert!(app.dialogs.is_empty());
    press(&mut app, key(KeyCode::Char('2')));
    assert_eq!(form(&app).name.value(), "Renamed");
}

#[test]
fn read_only_mode_refuses_changes_and_says_why() {
    let mut app = settings_app();
    app.read_only = true;
    press(&mut app, key(KeyCode::Enter));
    assert!(form(&app).editing.is_none());
    assert_says(&app, "--read-only");
    let effects = press_only(&mut app, ctrl('s'));
    assert!(save_effects(&effects).is_empty());
    press_keys(&mut app, "down down down space");
    assert!(form(&app).members_can_create_keys, "toggle refused");
}

#[test]
fn a_read_only_profile_refuses_changes() {
    let mut app = loaded_app();
    app.profiles[0].read_only = true;
    press_keys(&mut app, "enter 2 enter");
    assert!(form(&app).editing.is_none());
    assert_says(&app, "profile \"local\"");
}

#[test]
fn archived_workspaces_are_read_only() {
    let mut app = loaded_after("a enter");
    assert_eq!(open_name(&app), "Old Prototypes");
    press_keys(&mut app, "2 enter");
    assert!(form(&app).editing.is_none());
    assert_says(&app, "archived");
}

#[test]
fn without_the_extension_its_fields_are_read_only_with_the_reason() {
    let mut app = settings_without_extension();
    assert!(matches!(form(&app).extension, Extension::Unavailable(_)));
    press_keys(&mut app, "down down down down");
    assert_eq!(form(&app).focus, Field::MonthlySpendCap);
    press(&mut app, key(KeyCode::Enter));
    assert!(form(&app).editing.is_none());
    assert_says(&app, "does not offer");
    set_field(&mut app, Field::Name, "Still editable");
    let effects = press_only(&mut app, ctrl('s'));
    let save = &save_effects(&effects)[0];
    assert!(
        save.settings.is_none(),
        "nothing sent to the missing extension"
    );
}

#[test]
fn an_untouched_form_follows_a_refresh_but_typed_fields_survive_it() {
    let mut app = settings_app();
    set_field(&mut app, Field::Description, "Mine");
    let effects = press_only(&mut app, ctrl('r'));
    let (ws_id, profile, call) = requests(&effects)
        .into_iter()
        .find(|(_, _, c)| *c == Call::Workspaces { archived: false })
        .unwrap();
    let mut fresh = active_workspaces(0);
    fresh[0].name = "Renamed elsewhere".into();
    fresh[0].description = Some("Changed elsewhere".into());
    deliver(
        &mut app,
        ws_id,
        profile,
        call,
        Ok(Payload::Workspaces(fresh)),
    );
    assert_eq!(form(&app).name.value(), "Renamed elsewhere");
    assert_eq!(form(&app).description.value(), "Mine");
    assert!(form(&app).is_field_dirty(Field::Description));
}

#[test]
fn ctrl_c_during_a_save_cancels_it_and_says_the_outcome_is_unknown() {
    let mut app = renamed_unsaved();
    let effects = press_only(&mut app, ctrl('s'));
    let (save_id, profile, call) = requests(&effects)[0].clone();
    press_only(&mut app, ctrl('c'));
    assert!(!app.quit);
    assert!(form(&app).saving.is_none());
    assert_says(&app, "may already have reached");
    let result = outcome(profile, &call);
    deliver(&mut app, save_id, profile, call, result);
    assert!(
        form(&app).is_dirty(),
        "a cancelled save's answer is not applied"
    );
}

#[test]
fn quitting_while_a_save_runs_waits_for_it() {
    let mut app = renamed_unsaved();
    let effects = press_only(&mut app, ctrl('s'));
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.dialogs.is_empty(), "no prompt while the save runs");
    assert!(!app.quit);
    answer_all(&mut app, effects);
    assert!(app.quit, "quits once saved");
}

#[test]
fn a_prompt_left_open_after_the_changes_were_saved_just_goes_on() {
    let mut app = renamed_unsaved();
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.top_dialog::<Unsaved>().is_some());
    form_mut(&mut app).discard();
    let effects = press_only(&mut app, key(KeyCode::Char('s')));
    assert!(save_effects(&effects).is_empty());
    assert!(app.quit);
}

fn form_mut(app: &mut App) -> &mut SettingsForm {
    app.org_mut()
        .open_view_mut()
        .unwrap()
        .form
        .as_mut()
        .unwrap()
}

#[test]
fn space_presses_no_button_of_the_unsaved_prompt() {
    let mut app = renamed_unsaved();
    press(&mut app, key(KeyCode::Char('q')));
    // Discard focused: space (which marks and toggles elsewhere) must not drop the changes.
    press_keys(&mut app, "backtab");
    let prompt = app.top_dialog::<Unsaved>().expect("the prompt");
    assert_eq!(prompt.button, PromptButton::Discard);
    press(&mut app, key(KeyCode::Char(' ')));
    assert!(!app.quit);
    assert_eq!(form(&app).name.value(), "Renamed");
    assert!(app.top_dialog::<Unsaved>().is_some(), "still asking");
}
