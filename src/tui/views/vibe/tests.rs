//! The Vibe view: its window and granularity keys, the tabs, and its fixture activity.

use crossterm::event::KeyCode;
use time::macros::datetime;

use super::*;
use crate::tui::testing::*;
use crate::tui::views::testing::{asked, cancels, opened, shown_as};

/// The fixture server's activity: two people, one agent, one workspace, one idle seat.
pub fn activity() -> Activity {
    let last = datetime!(2026-05-30 14:00 UTC);
    Activity {
        users: vec![
            UserRow {
                name: "Jane Doe".into(),
                email: "jane@acme.test".into(),
                messages: 1_204,
                conversations: 88,
                agents: 3,
                last,
            },
            UserRow {
                name: "Zoë Martin".into(),
                email: "zoe@acme.test".into(),
                messages: 310,
                conversations: 21,
                agents: 1,
                last,
            },
        ],
        agents: vec![AgentRow {
            agent: "contract-reviewer".into(),
            messages: 402,
            users: 2,
            last,
        }],
        series: (0..30)
            .map(|d| (None, 20 + (d % 7) * 9, 1 + d % 2))
            .collect(),
        workspaces: vec![WorkspaceRow {
            name: "Research".into(),
            sessions: 140,
            prompts: 1_800,
            tokens: 12_400_000,
        }],
        sessions: 140,
        tokens: 12_400_000,
        idle_seats: vec![SeatRow {
            name: "John Smith".into(),
            email: "john@acme.test".into(),
            seats: vec!["CHAT".into()],
        }],
    }
}

fn shown(app: &App) -> &Vibe {
    shown_as(app)
}

#[test]
fn the_window_and_granularity_keys_ask_again() {
    let mut app = opened("vibe");
    assert_eq!(shown(&app).days(), 30);
    let effects = press_only(&mut app, key(KeyCode::Char('w')));
    let fetches = asked::<VibeFetch>(&effects);
    assert_eq!(fetches.len(), 1);
    assert_eq!(fetches[0].days, 90);
    assert_eq!(fetches[0].granularity, "day");
    assert_eq!(fetches[0].workspaces.len(), 6, "each active workspace");
    answer_all(&mut app, effects);
    let effects = press_only(&mut app, key(KeyCode::Char('g')));
    assert_eq!(asked::<VibeFetch>(&effects)[0].granularity, "week");
}

#[test]
fn an_older_window_answered_late_is_not_shown() {
    let mut app = opened("vibe");
    let first = press_only(&mut app, key(KeyCode::Char('w')));
    let second = press_only(&mut app, key(KeyCode::Char('w')));
    assert!(
        cancels(&second, |ids| ids.len() == 1),
        "the first window's load is stopped"
    );
    answer_all(&mut app, first);
    assert!(
        shown(&app).awaited.is_some(),
        "still waiting for the newest window"
    );
    answer_all(&mut app, second);
    assert!(shown(&app).awaited.is_none());
    assert_eq!(shown(&app).days(), 7);
}

#[test]
fn tab_walks_people_agents_workspaces_and_idle_seats() {
    let mut app = opened("vibe");
    for expected in [Tab::Agents, Tab::Workspaces, Tab::IdleSeats, Tab::People] {
        press(&mut app, key(KeyCode::Tab));
        assert_eq!(shown(&app).tab, expected);
    }
}
