//! The key run's confirmation and its resumption: each key listed once, and a run stopped
//! during a request checks the keys before it goes on.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::call::Call;
use crate::tui::dialogs::test_support::confirmed_once_read;
use crate::tui::testing::*;

/// The `:keys` view open on the action layer's keys, the first two selected and `D` pressed.
fn deleting_two() -> App {
    let mut app = loaded_app();
    run_command(&mut app, "keys");
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char('D')));
    assert!(run(&app).is_some(), "the confirmation is open");
    app
}

fn run(app: &App) -> Option<&KeyRun> {
    app.dialogs.last().and_then(|d| d.as_any().downcast_ref())
}

fn screen_text(app: &App) -> String {
    crate::tui::render_tests::screen(app, 100, 30)
}

#[test]
fn the_deletion_lists_each_key_once() {
    let app = deleting_two();
    let screen = screen_text(&app);
    // Once in the table behind, once in the confirmation.
    for hidden in ["abcd...0020", "abcd...0021"] {
        let times = screen.matches(hidden).count();
        assert_eq!(times, 2, "{hidden} shown {times} times:\n{screen}");
    }
    assert!(
        screen.contains("Deleting 2 API keys is permanent"),
        "{screen}"
    );
}

/// ctrl-c while a deletion is on its way: the dialog stops waiting, but the runner lets the
/// request finish, so the spinner turns for it until it answers.
#[test]
fn a_deletion_stopped_by_ctrl_c_stays_on_the_spinner_until_it_answers() {
    let mut app = deleting_two();
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let (id, profile, call) = requests(&effects).remove(0);
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Key(ctrl('c')));
    assert!(
        app.in_flight.contains_key(&id),
        "the deletion still runs: the spinner turns for it"
    );
    assert!(!app.cancellable().contains(&id), "already asked to stop");
    crate::tui::update::update(&mut app, answer(id, profile, call));
    assert!(!app.in_flight.contains_key(&id), "answered: it has ended");
}

/// The deletion confirmed, the first key deleted, and ctrl-c pressed while the second
/// request was on its way.
fn stopped_during_the_second() -> App {
    let mut app = deleting_two();
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let (id, profile, call) = requests(&effects).remove(0);
    let second = crate::tui::update::update(&mut app, answer(id, profile, call));
    assert_eq!(
        changes(&second).len(),
        1,
        "the second request went by itself"
    );
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Key(ctrl('c')));
    redraw(&mut app);
    assert_eq!(run(&app).expect("the dialog stays").done_steps, 1);
    app
}

/// Presses "Go on" and answers the keys read again with `keys`; returns what the key sent.
fn go_on_reading(app: &mut App, keys: Vec<crate::api::ApiKeyExtendedOut>) -> Vec<Effect> {
    let effects = press_only(app, key(KeyCode::Enter));
    assert!(
        changes(&effects).is_empty(),
        "nothing is sent again blindly"
    );
    let (id, profile, call) = requests(&effects)
        .into_iter()
        .find(|(_, _, call)| *call == Call::ApiKeys)
        .expect("the keys are read again");
    assert!(run(app).expect("open").is_sending(), "waiting for the keys");
    deliver(
        app,
        id,
        profile,
        call,
        Ok(crate::tui::call::Payload::ApiKeys(keys)),
    );
    redraw(app);
    effects
}

fn keys_but(gone: u128) -> Vec<crate::api::ApiKeyExtendedOut> {
    let mut keys = crate::actions::fixtures::keys();
    keys.retain(|k| k.key_id != crate::actions::fixtures::id(gone));
    keys
}

#[test]
fn going_on_after_a_stop_skips_the_key_the_stopped_request_deleted() {
    let mut app = stopped_during_the_second();
    go_on_reading(&mut app, keys_but(crate::actions::fixtures::OLD_KEY));
    let dialog = run(&app).expect("the dialog stays to say what it found");
    assert_eq!(dialog.done_steps, 2);
    assert_eq!(
        dialog.checked,
        ["delete API key \"old\" (abcd...0021): done, the stopped request had gone through"]
    );
    let screen = screen_text(&app);
    assert!(screen.contains("done, the stopped request had"), "{screen}");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty(), "nothing left to send");
    assert!(app.dialogs.is_empty(), "the run is over");
    assert_says(&app, "Deleted 2 API keys");
    assert_says(&app, "1 found already gone");
}

#[test]
fn going_on_after_a_stop_sends_what_was_not_made_once_seen() {
    let mut app = stopped_during_the_second();
    go_on_reading(&mut app, crate::actions::fixtures::keys());
    assert_eq!(run(&app).expect("open").done_steps, 1);
    let screen = screen_text(&app);
    assert!(screen.contains("not done yet, the stopped"), "{screen}");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert_eq!(
        changes(&effects),
        vec![crate::actions::Request::DeleteApiKey {
            key: crate::actions::fixtures::id(crate::actions::fixtures::OLD_KEY)
        }]
    );
}

#[test]
fn a_check_that_cannot_read_the_keys_checks_again_next_time() {
    let mut app = stopped_during_the_second();
    let down = crate::tui::state::RemoteError::new(
        crate::client::ErrorKind::Unreachable,
        "the server is not answering",
    );
    press_answered(&mut app, key(KeyCode::Enter), Err(down));
    redraw(&mut app);
    assert_eq!(run(&app).expect("open").done_steps, 1);
    go_on_reading(&mut app, keys_but(crate::actions::fixtures::OLD_KEY));
    assert_eq!(run(&app).expect("open").done_steps, 2);
}

#[test]
fn a_rotation_stopped_while_creating_says_a_replacement_may_exist_before_making_another() {
    let mut app = loaded_app();
    run_command(&mut app, "keys");
    press(&mut app, key(KeyCode::Char('R')));
    assert_eq!(run(&app).expect("the rotation").kind, RunKind::Rotate);
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        changes(&effects).as_slice(),
        [crate::actions::Request::CreateApiKey { .. }]
    ));
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Key(ctrl('c')));
    redraw(&mut app);
    // The replacement had been made: a second key of that name in that workspace.
    let mut keys = crate::actions::fixtures::keys();
    let mut made = keys[0].clone();
    made.api_key.key_id = crate::actions::fixtures::id(99);
    keys.push(made);
    go_on_reading(&mut app, keys);
    let dialog = run(&app).expect("open");
    assert_eq!(dialog.done_steps, 0, "nothing taken for done");
    assert!(
        dialog.checked[0].contains("unknown, check: 1 other key of that name"),
        "{:?}",
        dialog.checked
    );
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        changes(&effects).as_slice(),
        [crate::actions::Request::CreateApiKey { .. }]
    ));
}

/// The `:keys` view with the deletion of `n` keys (copies of a fixture key under other names)
/// asked for.
fn deleting_many(n: usize) -> App {
    let mut app = deleting_two();
    app.dialogs.clear();
    let key = crate::actions::fixtures::keys()[0].clone();
    let rows: Vec<KeyRow> = (0..n)
        .map(|i| KeyRow {
            key: ApiKeyExtendedOut {
                api_key: crate::api::ApiKeyOut {
                    key_id: crate::actions::fixtures::id(7000 + i as u128),
                    name: Some(format!("batch-key-{i:02}")),
                    ..key.api_key.clone()
                },
                ..key.clone()
            },
            owner: "Jane Doe".into(),
            owner_id: None,
            owner_gone: false,
            status: crate::actions::key_list::KeyStatus::Active,
        })
        .collect();
    let keys: Vec<&ApiKeyExtendedOut> = rows.iter().map(|r| &r.key).collect();
    let plan = crate::actions::keys::delete(&keys).expect("a plan");
    app.dialogs.push(Box::new(KeyRun::delete(plan, &rows)));
    redraw(&mut app);
    app
}

#[test]
fn a_long_deletion_is_sent_only_after_its_last_key_was_drawn() {
    let mut app = deleting_many(30);
    press(&mut app, key(KeyCode::Tab));
    let effects = confirmed_once_read(
        &mut app,
        ("batch-key-00", "batch-key-29"),
        (KeyCode::PageDown, 10),
        |app| run(app).is_some_and(|d| d.list.read_whole()),
    );
    assert_eq!(
        changes(&effects),
        vec![crate::actions::Request::DeleteApiKey {
            key: crate::actions::fixtures::id(7000)
        }],
        "the first deletion goes"
    );
}
