//! Changes of several requests from the people view: one request at a time with the
//! progress shown, stopped between two requests when asked, and a report of each step.

use crossterm::event::KeyCode;

use super::tests::{open_people, shown};
use super::*;
use crate::tui::dialogs::run_report::RunReport;
use crate::tui::effect::Effect;
use crate::tui::testing::*;
use crate::tui::views::testing::search_to;

#[test]
fn revoking_an_invitation_opens_on_cancel_then_runs_and_reports() {
    let mut app = open_people();
    press_keys(&mut app, "tab X");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(
        changes(&effects).is_empty() && app.dialogs.is_empty(),
        "Cancel first"
    );
    press_keys(&mut app, "X tab");
    redraw(&mut app);
    press(&mut app, key(KeyCode::Enter));
    let report = app.top_dialog::<RunReport>().expect("the report");
    assert!(
        report.headline.ends_with("done, 1/1"),
        "{}",
        report.headline
    );
    assert_eq!(shown(&app).run.as_ref().unwrap().end, Some(End::Done));
}

#[test]
fn offboarding_stops_between_requests_when_asked_and_says_what_was_not_done() {
    let (mut app, effects) = offboarding_jane();
    assert_eq!(
        shown(&app).run.as_ref().unwrap().progress(),
        "Offboarding jane.doe@northwind.example: 0/4",
        "the run shows from its first request on"
    );
    let [(id, profile, call)] = requests(&effects).try_into().expect("the first request");
    let result = outcome(profile, &call);
    let next = deliver(&mut app, id, profile, call, result);
    assert_eq!(
        shown(&app).run.as_ref().unwrap().progress(),
        format!("Offboarding jane.doe@northwind.example: 1/4")
    );
    press_only(&mut app, key(KeyCode::Char('x')));
    let [(id, profile, call)] = requests(&next).try_into().expect("the second request");
    let result = outcome(profile, &call);
    let after = deliver(&mut app, id, profile, call, result);
    answer_all(&mut app, after);
    let run = shown(&app).run.clone().unwrap();
    assert_eq!(run.end, Some(End::Stopped));
    assert_eq!(run.answered.len(), 2, "nothing sent after the stop");
    let report = app.top_dialog::<RunReport>().expect("the report");
    assert_eq!(report.steps.iter().filter(|(m, _)| *m == "·").count(), 2);
}

#[test]
fn a_failure_midway_ends_the_run_and_names_what_was_done() {
    let plan = crate::actions::people::remove(
        &crate::actions::fixtures::directory().members()[1].clone(),
        &crate::actions::fixtures::directory(),
        &crate::actions::fixtures::keys().iter().collect::<Vec<_>>(),
        true,
    )
    .unwrap();
    let mut run = Run::new(Batch::new("Offboarding jane", plan));
    assert!(run.answer(0, Ok(())).is_some());
    let refused = RemoteError::new(crate::client::ErrorKind::NotFound, "404: key not found");
    assert!(run.answer(1, Err(refused)).is_none());
    assert_eq!(run.end, Some(End::Failed));
    let marks: Vec<&str> = run.report().iter().map(|(m, _)| *m).collect();
    assert_eq!(marks, ["✓", "✗", "·", "·"]);
    assert!(run.headline().contains("after 1 of 4"));
}

#[test]
fn staging_refuses_a_revocation_rather_than_run_it_under_staged() {
    let mut app = open_people();
    app.staging.on = true;
    press_keys(&mut app, "tab X tab");
    redraw(&mut app);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.top_dialog::<RunReport>().is_none(), "nothing ran");
    assert!(shown(&app).run.is_none());
    assert_says(&app, "Not staged");
    assert!(!app.dialogs.is_empty(), "the confirmation stays");
}

/// ctrl-c during an offboarding: the view stops waiting and says the run was interrupted, but
/// the request on its way is let finish, so the spinner turns for it until it answers.
#[test]
fn an_offboarding_interrupted_by_ctrl_c_stays_on_the_spinner_until_its_request_answers() {
    let (mut app, effects) = offboarding_jane();
    let [(id, profile, call)] = requests(&effects).try_into().expect("the first request");
    press_only(&mut app, ctrl('c'));
    assert_eq!(
        shown(&app).run.as_ref().unwrap().end,
        Some(End::Interrupted)
    );
    assert!(
        app.in_flight.contains_key(&id),
        "the request on its way still runs: the spinner turns for it"
    );
    let result = outcome(profile, &call);
    deliver(&mut app, id, profile, call, result);
    assert!(!app.in_flight.contains_key(&id), "answered: it has ended");
}

/// The people view with Jane Doe's offboarding confirmed (email typed, Offboard pressed), and
/// what pressing it sent.
fn offboarding_jane() -> (App, Vec<Effect>) {
    let mut app = open_people();
    search_to(&mut app, "jane.doe");
    press(&mut app, key(KeyCode::Char('O')));
    type_text(&mut app, "jane.doe@northwind.example");
    press_keys(&mut app, "tab");
    redraw(&mut app);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    (app, effects)
}
