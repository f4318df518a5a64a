//! Requests and their answers: stale answers dropped, cursors kept across refreshes,
//! ctrl-c cancelling before quitting, failures shown.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::call::{Call, Payload};
use crate::tui::effect::Effect;
use crate::tui::state::people::People;
use crate::tui::state::{ErrorKind, Remote, RemoteError};
use crate::tui::update::start;

#[test]
fn start_asks_for_everything_the_first_screen_shows() {
    let mut app = new_app();
    let effects = start(&mut app);
    let labels: Vec<_> = requests(&effects)
        .iter()
        .map(|(_, _, c)| c.label())
        .collect();
    assert_eq!(
        labels,
        [
            "organization",
            "workspaces",
            "archived workspaces",
            "members",
            "API keys"
        ]
    );
    assert_eq!(app.in_flight.len(), 5);
    assert!(app.is_busy(), "the spinner runs");
}

#[test]
fn answers_for_an_organization_the_user_left_are_dropped() {
    let mut app = new_app();
    let first = start(&mut app);
    let old = requests(&first);
    press_keys(&mut app, r#"ctrl-o "globex""#);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let cancelled: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Cancel(ids) => Some(ids.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(
        cancelled.len(),
        old.len(),
        "the old organization's loads are aborted"
    );
    for (id, profile, call) in &old {
        deliver(
            &mut app,
            *id,
            *profile,
            call.clone(),
            outcome(*profile, call),
        );
    }
    assert!(
        app.orgs[0].workspaces.get().is_none(),
        "late answers were not taken"
    );
    assert!(app.orgs[0].people.get().is_none());
    assert!(
        app.in_flight
            .keys()
            .all(|id| !old.iter().any(|(o, _, _)| o == id))
    );
    answer_all(&mut app, effects);
    assert_eq!(app.org().display_name(), Some("Globex Research"));
}

#[test]
fn a_superseded_refresh_answer_is_dropped() {
    let mut app = loaded_app();
    let first = press_only(&mut app, ctrl('r'));
    let second = press_only(&mut app, ctrl('r'));
    let (old_id, profile, call) = requests(&first)
        .into_iter()
        .find(|(_, _, c)| *c == Call::Workspaces { archived: false })
        .unwrap();
    deliver(
        &mut app,
        old_id,
        profile,
        call,
        Ok(Payload::Workspaces(vec![workspace(
            DEFAULT_WS, "Stale", "", 1,
        )])),
    );
    assert_eq!(
        app.org().workspaces.get().unwrap().len(),
        6,
        "old answer dropped"
    );
    answer_all(&mut app, second);
    assert_eq!(
        app.org().workspaces.get().unwrap()[0].name,
        "Default Workspace"
    );
}

#[test]
fn a_settings_answer_for_a_workspace_left_meanwhile_is_dropped() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    let effects = press_only(&mut app, key(KeyCode::Char('2')));
    let (settings_id, profile, call) = requests(&effects).into_iter().next().unwrap();
    assert!(matches!(call, Call::WorkspaceSettings(_)));
    open_workspace_named(&mut app, "Research");
    assert!(
        !app.in_flight.contains_key(&settings_id),
        "spinner no longer waits for it"
    );
    let result = outcome(profile, &call);
    deliver(&mut app, settings_id, profile, call, result);
    let view = app.org().views.get(&id(DEFAULT_WS)).unwrap();
    assert!(view.settings.get().is_none(), "dropped");
}

#[test]
fn the_cursor_stays_on_the_same_member_across_a_refresh() {
    let mut app = loaded_after("enter down down");
    let view = app.org().open_view().unwrap();
    assert_eq!(view.members_cursor.id, Some(id(JOHN)));
    // The refreshed directory lost Jane and gained nobody: John moves up a row.
    let rows = refresh_without(&mut app, JANE);
    let view = app.org().open_view().unwrap();
    assert_eq!(view.members_cursor.current(&rows), Some(id(JOHN)));
    assert_eq!(view.members_cursor.resolve(&rows), Some(1));
}

#[test]
fn when_the_selected_member_disappears_the_cursor_stays_near() {
    let mut app = loaded_after("enter G");
    let rows = refresh_without(&mut app, TARO);
    assert_eq!(
        app.org().open_view().unwrap().members_cursor.current(&rows),
        Some(id(ZOE))
    );
}

/// Refreshes with ctrl-r and answers the directory only, without the person `gone`; gives the
/// default workspace's member rows as listed then.
fn refresh_without(app: &mut App, gone: u128) -> Vec<uuid::Uuid> {
    let effects = press_only(app, ctrl('r'));
    let (people_id, profile, call) = requests(&effects)
        .into_iter()
        .find(|(_, _, c)| *c == Call::People)
        .unwrap();
    let mut fresh = people(0);
    fresh.persons.retain(|p| p.user_id != id(gone));
    deliver(app, people_id, profile, call, Ok(Payload::People(fresh)));
    app.org()
        .visible_members(id(DEFAULT_WS))
        .iter()
        .map(|r| r.user_id)
        .collect()
}

#[test]
fn a_failed_load_is_shown_and_refresh_tries_again() {
    let mut app = loaded_but(
        |call| *call == Call::People,
        RemoteError::new(ErrorKind::Server, "HTTP 502"),
    );
    assert!(matches!(app.org().people.value, Remote::Failed(_)));
    let effects = press_only(&mut app, ctrl('r'));
    assert!(
        requests(&effects)
            .iter()
            .any(|(_, _, c)| *c == Call::People)
    );
    assert!(
        matches!(app.org().people.value, Remote::Loading),
        "failure replaced by loading"
    );
    answer_all(&mut app, effects);
    assert_eq!(
        app.org().people.get().map(|p: &People| p.persons.len()),
        Some(5)
    );
}

#[test]
fn ctrl_c_cancels_what_runs_then_quits_on_the_second_press() {
    let mut app = new_app();
    let _ = start(&mut app);
    let effects = press_only(&mut app, ctrl('c'));
    assert!(!app.quit);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Cancel(ids) if ids.len() == 5))
    );
    assert!(app.in_flight.is_empty());
    assert_says(&app, "Cancelled 5 requests");
    press_only(&mut app, ctrl('c'));
    assert!(app.quit);
}

#[test]
fn another_key_between_two_ctrl_c_disarms_the_quit() {
    let mut app = new_app();
    let _ = start(&mut app);
    press_only(&mut app, ctrl('c'));
    press_only(&mut app, key(KeyCode::Char('j')));
    let _ = press_only(&mut app, ctrl('r'));
    press_only(&mut app, ctrl('c'));
    assert!(!app.quit, "this ctrl-c cancelled the refresh");
}

#[test]
fn ctrl_c_with_nothing_running_says_a_second_one_quits_as_help_does() {
    let mut app = loaded_app();
    press(&mut app, ctrl('c'));
    assert!(!app.quit, "one stray ctrl-c does not end the session");
    let flash = app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert_eq!(flash, "Nothing to cancel · ctrl-c again quits");
    let help = app
        .keymap
        .help_sections()
        .into_iter()
        .flat_map(|s| s.entries)
        .find(|(keys, _)| keys == "ctrl-c")
        .map(|(_, text)| text)
        .unwrap_or_default();
    assert!(help.contains("press again to quit"), "{help}");
    press(&mut app, ctrl('c'));
    assert!(app.quit);
}

#[test]
fn quitting_aborts_requests_still_running() {
    let mut app = loaded_app();
    let _ = press_only(&mut app, ctrl('r'));
    let effects = press_only(&mut app, key(KeyCode::Char('q')));
    assert!(app.quit);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Cancel(ids) if !ids.is_empty()))
    );
}

#[test]
fn flash_messages_clear_themselves_but_not_a_newer_one() {
    let mut app = loaded_app();
    let effects = press(&mut app, key(KeyCode::Char('-')));
    let Some(Effect::ExpireFlash { id: first, after }) = effects.first().cloned() else {
        panic!("no expiry scheduled: {effects:?}");
    };
    assert!(after.as_secs() >= 2);
    press(&mut app, key(KeyCode::Char('-')));
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::FlashExpired(first));
    assert!(app.flash.is_some(), "the newer message stays");
    let newer = app.flash.as_ref().unwrap().id;
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::FlashExpired(newer));
    assert!(app.flash.is_none());
}

#[test]
fn the_spinner_advances_only_on_ticks() {
    let mut app = new_app();
    let _ = start(&mut app);
    let before = app.spinner_frame;
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::SpinnerTick);
    assert_eq!(app.spinner_frame, before + 1);
}
