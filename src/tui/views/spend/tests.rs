//! The spending view: the dialog opens on Cancel with the limit as it is, shows the change
//! planned for what is typed, and sends the request only from Apply.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::Request;
use crate::actions::fixtures;
use crate::api::{LimitsContext, LimitsOut, UsageLimits, WorkspaceSpendLimitOut};
use crate::tui::dialogs::spend_limit::SpendLimitDialog;
use crate::tui::testing::*;
use crate::tui::views::testing::opened;

/// A 1,000 EUR limit, 412.50 spent, Research capped at 800.
pub fn spending() -> Spending {
    let mut workspaces = fixtures::workspaces();
    workspaces[1].spend_limit = Some(WorkspaceSpendLimitOut {
        value: Some(800.0),
        currency: Some("EUR".into()),
        no_monthly_limit: Some(false),
    });
    Spending {
        limits: LimitsOut {
            limits: LimitsContext {
                completion: UsageLimits {
                    no_monthly_limit: false,
                    monthly_limit_reached: false,
                    usage: Some(412.5),
                    vibe_usage: None,
                    total_usage: Some(412.5),
                    usage_limit: Some(1000.0),
                },
                last_payment_failure: false,
                last_payment_failure_protection: None,
                currency: "EUR".into(),
            },
        },
        workspaces,
    }
}

fn dialog(app: &App) -> &SpendLimitDialog {
    app.top_dialog().expect("the spending-limit dialog")
}

#[test]
fn a_new_limit_is_planned_as_typed_and_sent_only_from_apply() {
    let mut app = opened("spend");
    press(&mut app, key(KeyCode::Char('e')));
    assert_eq!(dialog(&app).amount.value(), "1000");
    press_keys(&mut app, "bs bs bs");
    let plan = dialog(&app).plan().unwrap();
    assert_eq!(
        plan.summary,
        "Set the monthly spending limit to 1 EUR (now 1000 EUR)"
    );
    assert!(plan.notes[0].contains("\"Research\""), "{:?}", plan.notes);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        changes(&effects).is_empty(),
        "enter on Cancel sends nothing"
    );
    assert_eq!(dialog(&app).amount.value(), "1", "what was typed stays");
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        changes(&effects).as_slice(),
        [Request::SetSpendLimit { body }] if body.amount == 1 && !body.no_monthly_limit
    ));
}

#[test]
fn an_empty_amount_means_no_limit_and_words_are_refused_in_place() {
    let mut app = opened("spend");
    press(&mut app, key(KeyCode::Char('e')));
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Backspace));
    }
    assert_eq!(
        dialog(&app).plan().unwrap().summary,
        "Set the monthly spending limit to no limit (now 1000 EUR)"
    );
    type_text(&mut app, "lots");
    assert!(
        dialog(&app)
            .plan()
            .unwrap_err()
            .contains("not a whole amount")
    );
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty());
    assert_eq!(dialog(&app).amount.value(), "lots");
}

#[test]
fn staging_refuses_a_new_limit_rather_than_send_it_under_staged() {
    let mut app = opened("spend");
    press(&mut app, ctrl('t'));
    assert!(app.staging.on);
    press_keys(&mut app, "e bs tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        changes(&effects).is_empty(),
        "nothing sent while STAGED shows: {effects:?}"
    );
    assert_eq!(app.staging.count(app.current), 0, "nor staged");
    assert_eq!(dialog(&app).amount.value(), "100", "what was typed stays");
    assert_says(&app, "Not staged");
    // With staging off (a dialog keeps ctrl-t for itself), the same Apply sends it.
    app.staging.toggle();
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        changes(&effects).as_slice(),
        [Request::SetSpendLimit { body }] if body.amount == 100
    ));
}
