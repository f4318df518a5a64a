//! The offboarding dialog: what is lost, Cancel first, the email to type, the keys in the
//! same run or not, and the last admin refused.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::dialogs::After;
use crate::tui::dialogs::test_support::{confirmed_once_read, opened_on_member};
use crate::tui::testing::*;
use crate::tui::views::people::StepFetch;

fn open_on(who: &str) -> App {
    opened_on_member(who, "O")
}

fn dialog(app: &App) -> &Offboard {
    app.top_dialog::<Offboard>()
        .expect("the offboarding dialog")
}

#[test]
fn it_opens_on_cancel_and_enter_there_sends_nothing() {
    let mut app = open_on("jane.doe");
    let d = dialog(&app);
    assert_eq!(d.focus, Focus::Cancel);
    assert_eq!(d.workspaces.len(), 2);
    assert_eq!(d.keys.len(), 3);
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(effects.is_empty());
    assert!(app.dialogs.is_empty());
}

#[test]
fn the_email_must_be_typed_and_the_keys_can_stay() {
    let mut app = open_on("jane.doe");
    press_keys(&mut app, "backtab enter");
    assert!(!dialog(&app).delete_keys, "enter on the box unticks it");
    assert_says(&app, "Their API keys will stay and keep working");
    press_keys(&mut app, "enter");
    assert!(dialog(&app).delete_keys, "and ticks it again");
    assert_says(&app, "Their API keys will be deleted in the same run");
    press_keys(&mut app, "enter");
    press_keys(&mut app, "tab tab enter");
    assert_says(&app, "type \"jane.doe@northwind.example\"");
    type_text(&mut app, "Jane.Doe@northwind.example");
    let d = dialog(&app).clone();
    assert!(d.confirmed());
    let Next::Then(After::Start(fetcher)) = d.clone().press(&app) else {
        panic!("offboarding starts a run");
    };
    let step = fetcher
        .as_kind::<StepFetch>()
        .expect("a run's first request");
    assert_eq!(step.batch.plan.steps.len(), 1, "the keys stay: one request");
}

/// Tab goes through what is drawn in order (the keys box, Cancel, Offboard) from Cancel,
/// where the dialog opens: one Tab after typing the email reaches Offboard, as in the archive
/// and group deletion dialogs, and Enter on Cancel after typing does not close it unsaid.
#[test]
fn after_typing_the_email_one_tab_reaches_offboard_as_in_the_other_typed_name_dialogs() {
    let mut app = open_on("jane.doe");
    type_text(&mut app, "jane.doe@northwind.example");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(requests(&effects).is_empty());
    assert_eq!(dialog(&app).focus, Focus::Cancel, "the typing is kept");
    assert_says(
        &app,
        "tab/→ reaches Offboard; esc closes without offboarding",
    );
    press_keys(&mut app, "tab");
    assert_eq!(dialog(&app).focus, Focus::Offboard);
    press_keys(&mut app, "tab");
    assert_eq!(
        dialog(&app).focus,
        Focus::DeleteKeys,
        "round to the box above"
    );
    press_keys(&mut app, "tab");
    assert_eq!(dialog(&app).focus, Focus::Cancel);
    press_keys(&mut app, "backtab");
    assert_eq!(dialog(&app).focus, Focus::DeleteKeys);
    assert!(dialog(&app).delete_keys, "moving ticks nothing");
}

#[test]
fn the_last_admin_is_refused_with_the_reason() {
    let app = open_on("zoe");
    let d = dialog(&app);
    let why = d.plans.as_ref().unwrap_err();
    assert!(why.contains("last organization_admin"), "{why}");
    assert_eq!(d.ring(), [Focus::Cancel]);
}

/// The offboarding of jane.doe, who owns each of her keys ten times over: a list longer than
/// the screen.
fn offboarding_with_many_keys() -> App {
    let mut app = open_on("jane.doe");
    let person = dialog(&app).person.clone();
    let mut loaded = crate::tui::views::people::tests::loaded();
    let owned: Vec<_> = owned_keys(&person, &loaded.keys, &loaded.owners)
        .into_iter()
        .cloned()
        .collect();
    let mut keys = (*loaded.keys).clone();
    for (n, key) in owned.iter().cycle().take(30).enumerate() {
        let mut copy = key.clone();
        copy.api_key.key_id = crate::actions::fixtures::id(8000 + n as u128);
        copy.api_key.name = Some(format!("copy-{n:02}"));
        keys.push(copy);
    }
    loaded.keys = Arc::new(keys);
    app.dialogs.clear();
    app.dialogs.push(Box::new(Offboard::new(&person, &loaded)));
    redraw(&mut app);
    app
}

#[test]
fn a_long_offboarding_goes_only_after_its_last_line_was_drawn() {
    let mut app = offboarding_with_many_keys();
    assert_eq!(dialog(&app).keys.len(), 33);
    type_text(&mut app, "jane.doe@northwind.example");
    press_keys(&mut app, "tab");
    assert_eq!(dialog(&app).focus, Focus::Offboard);
    let effects = confirmed_once_read(
        &mut app,
        ("membership of the organization", "copy-29"),
        (KeyCode::Down, 40),
        |app| dialog(app).list.read_whole(),
    );
    assert_eq!(requests(&effects).len(), 1, "the run's first request goes");
    let people = crate::tui::views::people::tests::shown(&app);
    assert_eq!(
        people.run.as_ref().expect("the run").progress(),
        "Offboarding jane.doe@northwind.example: 0/34",
        "every key, then the member"
    );
}
