//! The people view and its dialogs at 80x24 and 160x48, in colour and monochrome: members,
//! invitations, the detail pane, inviting, organization roles (with the last-admin rule),
//! offboarding (and its refusal), revoking, re-inviting, a run's progress and its report.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::shots::{EVERY_WAY, looks};
use super::*;
use crate::tui::testing::*;
use crate::tui::views::people::tests::{open_people, shown};
use crate::tui::views::people::{Batch, People, Run};

fn four(name: &str, app: &App) {
    for (name, shown) in looks(name, app, EVERY_WAY) {
        assert_snapshot!(name, shown);
    }
}

fn find(app: &mut App, text: &str) {
    press(app, key(KeyCode::Char('/')));
    type_text(app, text);
    press(app, key(KeyCode::Enter));
}

#[test]
fn people_members() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char(' ')));
    four("people_members", &app);
}

#[test]
fn people_invitations() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Tab));
    four("people_invitations", &app);
}

#[test]
fn people_detail_pane() {
    let mut app = open_people();
    find(&mut app, "jane.doe");
    press(&mut app, key(KeyCode::Enter));
    four("people_detail", &app);
}

#[test]
fn people_invite_dialog() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char('i')));
    type_text(
        &mut app,
        "new.one@example.org not-an-address jane.doe@northwind.example new.hire@northwind.example",
    );
    four("people_invite", &app);
}

#[test]
fn people_org_roles_dialog() {
    let mut app = open_people();
    find(&mut app, "jane.roe");
    press(&mut app, key(KeyCode::Char('r')));
    four("people_org_roles", &app);
    press_keys(&mut app, "down down space enter");
    four("people_org_roles_preview", &app);
}

#[test]
fn people_org_roles_of_the_last_admin() {
    let mut app = open_people();
    find(&mut app, "zoe");
    press_keys(&mut app, "r down down space up up space enter");
    four("people_org_roles_last_admin", &app);
}

#[test]
fn people_offboard_dialog() {
    let mut app = open_people();
    find(&mut app, "jane.doe");
    press_keys(&mut app, r#"O "jane.doe@north""#);
    four("people_offboard", &app);
}

#[test]
fn people_offboard_refused_for_the_last_admin() {
    let mut app = open_people();
    find(&mut app, "zoe");
    press(&mut app, key(KeyCode::Char('O')));
    four("people_offboard_last_admin", &app);
}

#[test]
fn people_revoke_and_reinvite_confirmations() {
    let mut app = open_people();
    press_keys(&mut app, "tab X");
    four("people_revoke", &app);
    press_keys(&mut app, "esc R");
    four("people_reinvite", &app);
}

/// A run part way, as the view shows it, and the report of one that failed midway.
#[test]
fn people_run_progress_and_report() {
    let mut app = open_people();
    let people: &People = shown(&app);
    let loaded = people.loaded().unwrap().clone();
    let person = loaded.directory.members()[1].clone();
    let keys: Vec<_> = loaded.keys.iter().collect();
    let plan = crate::actions::people::remove(&person, &loaded.directory, &keys, true).unwrap();
    let mut run = Run::new(Batch::new("Offboarding jane.doe@northwind.example", plan));
    run.answer(0, Ok(()));
    run.answer(1, Ok(()));
    let open = app.view.as_mut().unwrap();
    let view = open.view.as_any_mut().downcast_mut::<People>().unwrap();
    view.run = Some(run.clone());
    four("people_run_progress", &app);
    run.answer(
        2,
        Err(crate::tui::state::RemoteError::new(
            crate::client::ErrorKind::NotFound,
            "404 Not Found: API key not found",
        )),
    );
    app.dialogs
        .push(Box::new(crate::tui::dialogs::run_report::RunReport::new(
            &run,
        )));
    four("people_run_report", &app);
}
