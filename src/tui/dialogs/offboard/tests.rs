//! The offboarding dialog: what is lost, Cancel first, the email to type, the keys in the
//! same run or not, and the last admin refused.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::dialogs::After;
use crate::tui::dialogs::test_support::opened_on_member;
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
    press_keys(&mut app, "tab enter");
    assert!(!dialog(&app).delete_keys, "enter on the box unticks it");
    press_keys(&mut app, "tab enter");
    assert!(
        app.flash
            .as_ref()
            .unwrap()
            .text
            .contains("type \"jane.doe@northwind.example\"")
    );
    type_text(&mut app, "Jane.Doe@northwind.example");
    let d = dialog(&app).clone();
    assert!(d.confirmed());
    let Next::Then(After::Start(fetcher)) = d.clone().press() else {
        panic!("offboarding starts a run");
    };
    let step = fetcher
        .as_kind::<StepFetch>()
        .expect("a run's first request");
    assert_eq!(step.batch.plan.steps.len(), 1, "the keys stay: one request");
}

#[test]
fn the_last_admin_is_refused_with_the_reason() {
    let app = open_on("zoe");
    let d = dialog(&app);
    let why = d.plans.as_ref().unwrap_err();
    assert!(why.contains("last organization_admin"), "{why}");
    assert_eq!(d.ring(), [Focus::Cancel]);
}
