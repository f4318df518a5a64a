//! `:plan` without a terminal: what it lists, dropping, the one confirmation (on Cancel, only
//! once every line was seen), and how a run's end is taken (applied leaves, the rest stays).

use crossterm::event::KeyCode;

use super::run::ApplyFetch;
use super::*;
use crate::actions::org_run::RunOutcome;
use crate::domain::org::Change;
use crate::tui::call::{Call, Payload};
use crate::tui::dialogs::Button;
use crate::tui::effect::Effect;
use crate::tui::testing::*;
use crate::tui::views::testing::flash;

fn roles(list: &[&str]) -> Vec<String> {
    list.iter().map(|r| r.to_string()).collect()
}

pub fn set_roles(email: &str) -> Change {
    Change::SetMemberRoles {
        workspace: "Research".into(),
        email: email.into(),
        before: roles(&["dev"]),
        after: roles(&["workspace_admin", "dev"]),
    }
}

pub fn add(email: &str) -> Change {
    Change::AddMember {
        workspace: "Research".into(),
        email: email.into(),
        roles: roles(&["workspace_contributor"]),
    }
}

/// Three role changes and an add staged, `:plan` open.
pub fn planned() -> App {
    let mut app = loaded_app();
    let profile = app.current;
    app.staging.on = true;
    app.staging.add(
        profile,
        vec![
            set_roles("ana@acme.example"),
            set_roles("jane@acme.example"),
            add("taro@acme.example"),
            set_roles("zoe@acme.example"),
        ],
    );
    open_plan(&mut app);
    app
}

pub fn open_plan(app: &mut App) {
    run_command(app, "plan");
}

fn view(app: &App) -> &PlanView {
    crate::tui::views::testing::shown_as(app)
}

fn apply_fetch(effects: &[Effect]) -> Option<(crate::tui::state::RequestId, usize, Call)> {
    requests(effects).into_iter().find(|(_, _, call)| {
        matches!(call, Call::View(fetcher) if fetcher.as_kind::<ApplyFetch>().is_some())
    })
}

/// The run's `outcome` given as the answer to its request; returns what the view asks next.
fn deliver_outcome(
    app: &mut App,
    (id, profile, call): (crate::tui::state::RequestId, usize, Call),
    outcome: RunOutcome,
) -> Vec<Effect> {
    let answer = Ok(Payload::View(crate::tui::views::ViewData::new(outcome)));
    deliver(app, id, profile, call, answer)
}

/// Whether `effects` load the panes again, as they must once a run changed something.
fn reloads_panes(effects: &[Effect]) -> bool {
    requests(effects)
        .iter()
        .any(|(_, _, call)| *call == Call::People)
}

/// Apply confirmed: `A`, Tab to Apply, Enter; returns what Enter asked, unanswered.
fn apply_confirmed(app: &mut App) -> Vec<Effect> {
    press(app, key(KeyCode::Char('A')));
    press(app, key(KeyCode::Tab));
    press_only(app, key(KeyCode::Enter))
}

/// [`planned`] with its apply confirmed: the console and the run's request, unanswered.
fn applying() -> (App, (crate::tui::state::RequestId, usize, Call)) {
    let mut app = planned();
    let effects = apply_confirmed(&mut app);
    let run = apply_fetch(&effects).expect("the run");
    (app, run)
}

#[test]
fn the_plan_lists_the_staged_changes_by_section_in_the_diff_order() {
    let app = planned();
    let lines: Vec<String> = rows(&app).iter().map(|s| s.change.line()).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("~ \"Research\" member ana@acme.example"));
    assert!(lines[3].starts_with("~ \"Research\" member zoe@acme.example"));
}

#[test]
fn d_drops_the_change_under_the_cursor_and_names_it() {
    let mut app = planned();
    press_keys(&mut app, "j d");
    assert_eq!(
        flash(&app),
        "Dropped from the plan: ~ \"Research\" member jane@acme.example: dev -> workspace_admin, dev"
    );
    assert_eq!(app.staging.count(app.current), 3);
    assert!(
        !app.staging
            .changes(app.current)
            .contains(&set_roles("jane@acme.example"))
    );
}

#[test]
fn apply_asks_once_on_cancel_then_runs_every_change_and_empties_the_plan() {
    let mut app = planned();
    press(&mut app, key(KeyCode::Char('A')));
    let confirm = app.top_dialog::<ConfirmRun>().expect("the confirmation");
    assert_eq!(confirm.listed.focus, Button::Cancel, "opens on Cancel");
    assert_eq!(confirm.run.changes.len(), 4);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        apply_fetch(&effects).is_none(),
        "enter on Cancel sends nothing"
    );
    assert!(app.dialogs.is_empty());

    let effects = apply_confirmed(&mut app);
    let (id, profile, call) = apply_fetch(&effects).expect("one run for the whole plan");
    let Call::View(fetcher) = &call else {
        unreachable!()
    };
    let run = fetcher.as_kind::<ApplyFetch>().unwrap();
    assert_eq!(run.record.source, "console");
    assert!(run.check, "checked against the organization as it is now");
    assert_eq!(call.label(), "applying the plan", "the status line's word");
    let result = crate::tui::testing::outcome(profile, &call);
    let reloads = deliver(&mut app, id, profile, call, result);
    assert_eq!(app.staging.count(app.current), 0);
    assert_eq!(flash(&app), "Applied 4 staged change(s) (journal #7)");
    assert!(reloads_panes(&reloads), "the panes reload");
}

#[test]
fn a_refusal_midway_keeps_the_rest_staged_and_says_exactly_what_happened() {
    let (mut app, (id, profile, call)) = applying();
    let outcome = RunOutcome {
        applied: vec![add("taro@acme.example"), set_roles("ana@acme.example")],
        failed: Some((
            set_roles("jane@acme.example"),
            "Forbidden: not allowed".into(),
        )),
        not_done: vec![set_roles("zoe@acme.example")],
        entry: Some(3),
        ..RunOutcome::default()
    };
    deliver_outcome(&mut app, (id, profile, call), outcome);
    assert_eq!(
        app.staging.changes(app.current),
        [
            set_roles("jane@acme.example"),
            set_roles("zoe@acme.example")
        ],
        "what was not applied stays staged"
    );
    let text = flash(&app);
    assert!(
        text.starts_with("Stopped at ~ \"Research\" member jane@acme.example"),
        "{text}"
    );
    assert!(
        text.contains("Applied 2 of 4 (journal #3); 2 not applied"),
        "{text}"
    );
    assert!(view(&app).outcome.is_some(), "the view lists the run's end");
}

#[test]
fn a_long_plan_is_applied_only_after_its_last_line_was_drawn_in_the_confirmation() {
    let mut app = loaded_app();
    let profile = app.current;
    let many: Vec<Change> = (0..30)
        .map(|n| add(&format!("person{n:02}@acme.example")))
        .collect();
    app.staging.add(profile, many);
    open_plan(&mut app);
    press(&mut app, key(KeyCode::Char('A')));
    let screen = crate::tui::render_tests::screen(&app, 80, 24);
    assert!(
        screen.contains("person00") && !screen.contains("person29"),
        "the confirmation lists from the first change: {screen}"
    );
    assert!(!screen.contains("… and"), "nothing is summed up as more");
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(apply_fetch(&effects).is_none(), "its end was never shown");
    assert_says(&app, "not shown yet");
    assert!(app.top_dialog::<ConfirmRun>().is_some(), "the dialog stays");
    // The view's arrows scroll the list inside the dialog, a line per frame.
    for _ in 0..29 {
        press(&mut app, key(KeyCode::Down));
    }
    let confirm = app.top_dialog::<ConfirmRun>().expect("the confirmation");
    assert!(confirm.listed.list.read_whole());
    assert_eq!(
        confirm.listed.focus,
        Button::Apply,
        "scrolling leaves the focus"
    );
    let screen = crate::tui::render_tests::screen(&app, 80, 24);
    assert!(screen.contains("person29"), "{screen}");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        apply_fetch(&effects).is_some(),
        "every line was drawn: it runs"
    );
}

/// Apply is refused in read-only mode (see `views::read_only_tests`); trimming is not.
#[test]
fn read_only_still_trims_the_plan() {
    let mut app = planned();
    app.read_only = true;
    press(&mut app, key(KeyCode::Char('d')));
    assert_eq!(app.staging.count(app.current), 3);
}

#[test]
fn while_a_run_goes_the_view_stays_and_s_asks_it_to_stop() {
    let (mut app, (_, _, call)) = applying();
    let Call::View(fetcher) = &call else {
        unreachable!()
    };
    // The runner starts it: the shared control says it runs.
    fetcher.as_kind::<ApplyFetch>().unwrap().control.begin(4);
    press_only(&mut app, key(KeyCode::Esc));
    assert!(app.view.is_some(), "esc does not cut a run off");
    assert_says_first(&app, "The plan is being applied");
    press_only(&mut app, key(KeyCode::Char('s')));
    assert!(view(&app).control.stop_asked());
}

/// ctrl-c while the plan is applied asks the run to stop after the change on its way, as the
/// view's own stop key does: the run still answers, and the view takes what it says (what was
/// applied leaves the plan and is journaled, the rest stays staged).
#[test]
fn ctrl_c_during_the_run_stops_it_and_still_takes_its_outcome() {
    let (mut app, (id, profile, call)) = applying();
    let effects = press_only(&mut app, ctrl('c'));
    assert!(
        crate::tui::views::testing::cancels(&effects, |ids| ids.contains(&id)),
        "the runner is told, and asks the run to stop"
    );
    assert_says_first(&app, "Stopping after the change on its way");
    assert!(
        requests(&effects).is_empty(),
        "nothing reloads before the run has said what it did"
    );
    // Leaving the view would lose what the run did: esc and the next view wait for it.
    press(&mut app, key(KeyCode::Esc));
    assert!(app.view.is_some(), "esc waits for the outcome");
    assert_says_first(&app, "The run is stopping");
    run_command(&mut app, "keys");
    assert!(
        app.view
            .as_ref()
            .is_some_and(|open| open.view.as_any().is::<PlanView>()),
        "no other view opens over it"
    );

    let outcome = RunOutcome {
        applied: vec![add("taro@acme.example")],
        not_done: vec![
            set_roles("ana@acme.example"),
            set_roles("jane@acme.example"),
            set_roles("zoe@acme.example"),
        ],
        cancelled: true,
        entry: Some(5),
        ..RunOutcome::default()
    };
    let reloads = deliver_outcome(&mut app, (id, profile, call), outcome);
    assert_eq!(app.staging.count(app.current), 3, "the rest stays staged");
    assert!(
        !app.staging
            .changes(app.current)
            .contains(&add("taro@acme.example"))
    );
    assert_eq!(
        flash(&app),
        "Stopped as asked: applied 1 of 4 (journal #5); 3 not applied"
    );
    assert!(reloads_panes(&reloads), "the panes reload");
}

/// A run asked to stop by ctrl-c goes on until its change on its way answers: the spinner and
/// the status line's "applying the plan" stay until the run has really ended, and a later
/// ctrl-c finds nothing more to cancel.
#[test]
fn the_spinner_turns_until_a_run_stopped_by_ctrl_c_answers() {
    let (mut app, (id, profile, call)) = applying();
    press_only(&mut app, ctrl('c'));
    assert!(app.is_busy(), "the spinner turns while the run finishes");
    assert_eq!(app.cancellable(), [], "asked to stop once is enough");
    let before = app.spinner_frame;
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::SpinnerTick);
    assert_ne!(app.spinner_frame, before);
    // Once the message has gone, the status line says what still runs.
    let said = app.flash.as_ref().map(|f| f.id).expect("the stop is said");
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::FlashExpired(said));
    let screen = crate::tui::render_tests::screen(&app, 100, 30);
    let status = screen.lines().next().unwrap_or_default();
    assert!(status.contains("applying the plan"), "{status}");
    press_only(&mut app, key(KeyCode::Char('j')));
    press_only(&mut app, ctrl('c'));
    assert_says_first(
        &app,
        "Stopping after the request on its way: applying the plan · ctrl-c again quits",
    );
    let outcome = RunOutcome {
        applied: vec![add("taro@acme.example")],
        cancelled: true,
        ..RunOutcome::default()
    };
    let reloads = deliver_outcome(&mut app, (id, profile, call), outcome);
    assert!(
        !app.in_flight.contains_key(&id),
        "the run leaves the spinner once it has answered"
    );
    answer_all(&mut app, reloads);
    assert!(!app.is_busy());
}

/// However a run's task ends, even torn down before it ran, the view is not left busy.
#[tokio::test]
async fn a_run_dropped_unfinished_leaves_the_view_free() {
    use crate::tui::views::fetch::Ask;
    let app = planned();
    let control = std::sync::Arc::new(run::RunControl::default());
    let record = crate::actions::org_run::Record {
        source: "console".into(),
        summary: "add a member".into(),
        undoes: None,
    };
    let fetch = ApplyFetch::checked(vec![add("taro@acme.example")], record, &app, &control);
    let config = crate::client::ClientConfig::new(
        "http://127.0.0.1:9/v1/admin",
        crate::domain::SecretString::new("sk-test-key-0123456789abcdef"),
    );
    let client = crate::client::AdminClient::new(config).unwrap();
    let running = fetch.ask(client);
    assert!(control.running(), "going from the moment it is sent");
    drop(running);
    assert!(!control.running());
}
