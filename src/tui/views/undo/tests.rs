//! `:undo` without a terminal: it reads the journal on opening, refuses while the inverse
//! conflicts with the organization, and otherwise asks once (on Cancel) and runs the
//! inverse checked, recorded as an undo of the entry.

use crossterm::event::KeyCode;
use time::macros::datetime;

use super::*;
use crate::actions::journal::{Entry, UndoPlan};
use crate::domain::org::Change;
use crate::tui::dialogs::Button;
use crate::tui::testing::*;
use crate::tui::views::testing::{asked, flash, opened, opening, shown_as, shown_mut};

fn roles(list: &[&str]) -> Vec<String> {
    list.iter().map(|r| r.to_string()).collect()
}

fn entry() -> Entry {
    Entry {
        id: 4,
        at: datetime!(2026-03-02 10:15 UTC),
        organization: "organization x".into(),
        source: "console".into(),
        summary: "\"Research\" member ana@acme.example: dev -> workspace_admin, dev and 1 more"
            .into(),
        changes: vec![
            Change::SetMemberRoles {
                workspace: "Research".into(),
                email: "ana@acme.example".into(),
                before: roles(&["dev"]),
                after: roles(&["workspace_admin", "dev"]),
            },
            Change::AddMember {
                workspace: "Research".into(),
                email: "taro@acme.example".into(),
                roles: roles(&["workspace_contributor"]),
            },
            Change::Irreversible {
                what: "API key \"ci\" created".into(),
                why: "delete it with `mistral-admin keys delete` if it was a mistake".into(),
            },
        ],
        undoes: None,
        stopped: None,
    }
}

/// The preview undo would show for [`entry`], with these conflicts.
pub fn preview(conflicts: Vec<(Change, String)>) -> UndoPreview {
    UndoPreview {
        plan: Some(UndoPlan::taking_back(entry())),
        conflicts,
    }
}

/// `:undo` open on a console whose journal read answered `preview`.
pub fn undo_showing(preview: UndoPreview) -> App {
    let mut app = opened("undo");
    shown_mut::<Undo>(&mut app).preview = Remote::Loaded(preview);
    app
}

#[test]
fn opening_reads_the_journal() {
    let (_, effects) = opening("undo");
    assert!(!asked::<PreviewFetch>(&effects).is_empty());
}

#[test]
fn a_conflict_refuses_the_undo_and_nothing_is_asked() {
    let conflict = (
        Change::SetMemberRoles {
            workspace: "Research".into(),
            email: "ana@acme.example".into(),
            before: roles(&["workspace_admin", "dev"]),
            after: roles(&["dev"]),
        },
        "ana@acme.example holds user there now, not workspace_admin, dev".to_owned(),
    );
    let mut app = undo_showing(preview(vec![conflict]));
    press(&mut app, key(KeyCode::Char('U')));
    assert!(app.dialogs.is_empty());
    assert_says_first(&app, "Not undone: the organization changed since");
}

#[test]
fn undo_asks_on_cancel_and_runs_the_inverse_checked_as_an_undo_of_the_entry() {
    let mut app = undo_showing(preview(Vec::new()));
    press(&mut app, key(KeyCode::Char('U')));
    let confirm = app.top_dialog::<ConfirmRun>().expect("the confirmation");
    assert_eq!(confirm.listed.focus, Button::Cancel);
    let run = confirm.run.clone();
    assert!(run.check, "checked against the organization again");
    assert_eq!(
        crate::tui::views::Fetch::label(&run),
        "undoing",
        "the status line's word"
    );
    assert_eq!(run.record.undoes, Some(4));
    assert_eq!(run.record.source, "console undo #4");
    assert_eq!(run.changes.len(), 2, "the key made cannot be taken back");
    press_keys(&mut app, "tab enter");
    assert_eq!(flash(&app), "Applied 2 undo change(s) (journal #7)");
}

#[test]
fn with_nothing_to_undo_u_says_so_and_the_hint_line_leaves_it_out() {
    let mut app = undo_showing(UndoPreview {
        plan: None,
        conflicts: Vec::new(),
    });
    redraw(&mut app);
    let screen = crate::tui::render_tests::screen(&app, 100, 30);
    let hints = screen.lines().last().unwrap().to_owned();
    assert!(!hints.contains("U "), "{hints}");
    press(&mut app, key(KeyCode::Char('U')));
    assert!(app.dialogs.is_empty());
    assert_eq!(flash(&app), "Nothing to undo");
}

#[test]
fn the_preview_stops_scrolling_at_its_end_so_up_answers_at_once() {
    let mut long = preview(Vec::new());
    let plan = long.plan.as_mut().unwrap();
    for i in 0..30 {
        plan.inverse.push(Change::SetMemberRoles {
            workspace: "Research".into(),
            email: format!("p{i}@acme.example"),
            before: roles(&["dev"]),
            after: roles(&["user"]),
        });
    }
    let mut app = undo_showing(long);
    redraw(&mut app);
    let last = shown_undo(&app).last_scroll.get();
    assert!(last > 0, "the preview is longer than the screen");
    for _ in 0..50 {
        press(&mut app, key(KeyCode::Char('j')));
    }
    assert_eq!(shown_undo(&app).scroll, last, "stopped at the end");
    press(&mut app, key(KeyCode::Char('k')));
    assert_eq!(shown_undo(&app).scroll, last.saturating_sub(1));
}

fn shown_undo(app: &App) -> &Undo {
    shown_as(app)
}
