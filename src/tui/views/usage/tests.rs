//! The usage view: its loads, month keys, breakdown and comparison, and its fixture months.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::testing::*;
use crate::tui::views::testing::{asked, cancels, opened, opening, shown_as};

/// The fixture server's usage: from January 2026 (when the organization was made) to June
/// 2026, the fixture's current month; each month a little dearer than the one before.
pub fn month(key: MonthKey) -> Month {
    let grows = f64::from(key.1);
    let started = ((2026, 1)..=(2026, 6)).contains(&key);
    let spent = |base: f64| {
        if started {
            base * (1.0 + grows / 10.0)
        } else {
            0.0
        }
    };
    let by_workspace = vec![
        (id(RESEARCH), spent(420.0)),
        (id(DEFAULT_WS), spent(180.0)),
        (id(PRODUCT), spent(60.5)),
    ];
    let total = by_workspace.iter().map(|(_, a)| a).sum();
    let days = loading::days_in(key);
    Month {
        key,
        total,
        currency: "EUR".into(),
        by_model: vec![
            ("mistral-large-latest".into(), total * 0.7),
            ("mistral-small-latest".into(), total * 0.3),
        ],
        by_workspace: by_workspace.into_iter().filter(|(_, a)| *a > 0.0).collect(),
        daily: (0..days)
            .map(|d| {
                if started {
                    total / days as f64 * (0.5 + (d % 7) as f64 / 6.0)
                } else {
                    0.0
                }
            })
            .collect(),
        has_previous: key > (2026, 1),
        has_next: key < (2026, 6),
    }
}

pub fn shown(app: &App) -> &Usage {
    shown_as(app)
}

#[test]
fn opening_loads_six_months_and_the_limit() {
    let (mut app, effects) = opening("usage");
    let labels: Vec<&str> = requests(&effects)
        .iter()
        .map(|(_, _, c)| c.label())
        .collect();
    assert_eq!(labels.iter().filter(|l| **l == "usage").count(), 6);
    assert!(labels.contains(&"spending limit"));
    answer_all(&mut app, effects);
    let usage = shown(&app);
    assert_eq!(usage.month, (2026, 6));
    assert_eq!(usage.shown().unwrap().by_workspace[0].0, id(RESEARCH));
    assert_eq!(usage.limit, Remote::Loaded(Some(1_000.0)));
}

#[test]
fn months_go_back_to_the_first_and_not_past_the_current_one() {
    let mut app = opened("usage");
    press(&mut app, key(KeyCode::Char(']')));
    assert_says(&app, "current month");
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Char('[')));
    }
    assert_eq!(shown(&app).month, (2026, 1));
    let effects = press(&mut app, key(KeyCode::Char('[')));
    assert!(
        effects
            .iter()
            .all(|e| !matches!(e, crate::tui::effect::Effect::Request { .. }))
    );
    assert_says(&app, "no usage before");
    assert_eq!(shown(&app).month, (2026, 1));
    press(&mut app, key(KeyCode::Char(']')));
    assert_eq!(shown(&app).month, (2026, 2));
}

#[test]
fn a_month_not_loaded_yet_is_asked_for_once() {
    let mut app = opened("usage");
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Char('h')));
    }
    // January was loaded on opening; compare asks for December 2025.
    let effects = press_only(&mut app, key(KeyCode::Char('c')));
    assert_eq!(asked::<MonthFetch>(&effects), vec![MonthFetch((2025, 12))]);
}

#[test]
fn tab_switches_the_table_and_esc_goes_back_to_the_panes() {
    let mut app = opened("usage");
    press(&mut app, key(KeyCode::Down));
    assert_eq!(shown(&app).position(), 1);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(shown(&app).breakdown, Breakdown::Models);
    assert_eq!(shown(&app).position(), 0);
    press(&mut app, key(KeyCode::Esc));
    assert!(app.view.is_none());
}

#[test]
fn answers_after_the_view_closed_are_dropped() {
    let (mut app, effects) = opening("usage");
    let cancel = press_only(&mut app, key(KeyCode::Char('q')));
    assert!(app.view.is_none(), "q leaves the view, not the console");
    assert!(!app.quit);
    assert!(
        cancels(&cancel, |ids| ids.len() == 7),
        "its loads are cancelled"
    );
    answer_all(&mut app, effects);
    assert!(app.view.is_none());
}

#[test]
fn ctrl_c_while_loading_says_the_load_was_cancelled() {
    let (mut app, _) = opening("usage");
    press_only(&mut app, ctrl('c'));
    assert!(app.view.as_ref().unwrap().pending.is_empty());
    assert!(matches!(
        shown(&app).months.get(&(2026, 6)),
        Some(Remote::Failed(e)) if e.kind == crate::tui::state::ErrorKind::Cancelled
    ));
    press(&mut app, ctrl('r'));
    assert!(shown(&app).shown().is_some(), "ctrl-r loads the view again");
}
