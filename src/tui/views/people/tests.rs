//! The people view: its fixture, the search that moves the cursor, sorting, selecting, the
//! detail pane, and the dialogs it opens.

use std::collections::HashMap;

use crossterm::event::KeyCode;

use super::*;
use crate::actions::fixtures::{self, id};
use crate::tui::testing::*;
use crate::tui::views::testing::{flash, opened, search, search_to, shown_as};

/// The action layer's small organization as the view loads it: four members (Zoë the only
/// admin), one invitation sent by Zoë, three keys created by Jane Doe.
pub fn loaded() -> Loaded {
    Loaded {
        directory: Arc::new(fixtures::directory()),
        keys: Arc::new(fixtures::keys()),
        owners: Arc::new(HashMap::new()),
        inviters: Arc::new(HashMap::from([(
            id(30),
            "zoe@northwind.example".to_owned(),
        )])),
    }
}

pub fn open_people() -> App {
    opened("people")
}

pub fn shown(app: &App) -> &People {
    shown_as(app)
}

fn name_under_cursor(app: &App) -> String {
    let view = shown(app);
    let row = view.tables.member_order[view.position()];
    view.tables.members[row].email.clone()
}

#[test]
fn members_and_invitations_are_two_tabs_sorted_by_name() {
    let mut app = open_people();
    let view = shown(&app);
    assert_eq!(view.tables.members.len(), 4);
    assert_eq!(view.tables.invites.len(), 1);
    assert_eq!(name_under_cursor(&app), "ana@northwind.example");
    press(&mut app, key(KeyCode::Tab));
    let view = shown(&app);
    assert!(view.invites());
    assert_eq!(view.tables.invites[0].inviter, "zoe@northwind.example");
}

#[test]
fn the_search_moves_the_cursor_and_hides_nothing() {
    let mut app = open_people();
    search(&mut app, "angstrom");
    assert_eq!(name_under_cursor(&app), "zoe@northwind.example");
    assert_eq!(shown(&app).tables.member_order.len(), 4);
    press(&mut app, key(KeyCode::Enter));
    search(&mut app, "qqq");
    assert!(flash(&app).contains("Nobody matches"));
    assert_eq!(name_under_cursor(&app), "zoe@northwind.example");
}

#[test]
fn sorting_keeps_the_cursor_on_its_person() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char('G')));
    let before = name_under_cursor(&app);
    press(&mut app, key(KeyCode::Char('S')));
    assert_eq!(name_under_cursor(&app), before);
    assert_eq!(shown(&app).position(), 0, "reversed: the last is first");
}

#[test]
fn space_selects_and_moves_down_star_selects_the_whole_tab() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(shown(&app).marked.len(), 1);
    assert_eq!(shown(&app).position(), 1);
    press(&mut app, key(KeyCode::Char('*')));
    assert_eq!(shown(&app).marked.len(), 4);
    press(&mut app, key(KeyCode::Char('*')));
    assert!(shown(&app).marked.is_empty());
}

#[test]
fn enter_shows_workspaces_roles_and_keys_of_the_person() {
    let mut app = open_people();
    search_to(&mut app, "jane.doe");
    press(&mut app, key(KeyCode::Enter));
    let detail = shown(&app).detail.clone().expect("the detail pane");
    assert_eq!(detail.workspaces.len(), 2);
    assert!(
        detail
            .workspaces
            .iter()
            .any(|(_, roles)| roles.contains("dev"))
    );
    assert_eq!(detail.keys.len(), 3, "Jane Doe created the three keys");
    assert!(matches!(detail.audit, Remote::Loaded(_)));
}

#[test]
fn i_opens_the_invitation_form() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char('i')));
    assert_eq!(
        app.dialogs.last().map(|d| d.name()),
        Some("invite"),
        "{:?}",
        app.flash
    );
}

#[test]
fn a_opens_the_audit_trail_of_the_member_under_the_cursor() {
    let mut app = open_people();
    search_to(&mut app, "jane");
    let jane = shown(&app).current().expect("a member under the cursor");
    press(&mut app, key(KeyCode::Char('A')));
    let audit: &crate::tui::views::audit::AuditView = shown_as(&app);
    assert_eq!(
        audit.filter,
        crate::actions::audit_trail::AuditFilter::person(jane)
    );
    // An invitation has no trail: the view stays and says so.
    let mut app = open_people();
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Char('A')));
    assert_eq!(app.view.as_ref().unwrap().view.name(), "people");
}
