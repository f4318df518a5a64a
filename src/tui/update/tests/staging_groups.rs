//! Staging and groups, and the one rule while staging is on: a group change from `:groups`
//! is staged as plan engine changes (worked out from the groups the view loaded), and a
//! change the plan cannot hold is refused where it was confirmed, never sent behind STAGED.

use crossterm::event::KeyCode;

use super::*;
use crate::domain::org::Change;
use crate::tui::call::Call;
use crate::tui::dialogs::Button;
use crate::tui::dialogs::group_change::{GroupChange, Stage};
use crate::tui::effect::Effect;
use crate::tui::views::groups::tests::open_groups;
use crate::tui::views::people::StepFetch;

/// Whatever the effects send to the server that changes it: a dialog's requests or a run.
fn sent_changes(effects: &[Effect]) -> usize {
    requests(effects)
        .into_iter()
        .filter(|(_, _, call)| match call {
            Call::Change(_) => true,
            Call::View(fetcher) => fetcher.0.change().is_some(),
            _ => false,
        })
        .count()
}

/// `:groups` with staging turned on and the cursor on the group found by `name`.
fn staging_on_group(name: &str) -> App {
    let mut app = open_groups();
    press(&mut app, ctrl('t'));
    press(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, name);
    press(&mut app, key(KeyCode::Enter));
    app
}

/// From a confirmation (Cancel in focus): to Apply (past a group review's Back), then Enter.
fn apply(app: &mut App) -> Vec<Effect> {
    press(app, key(KeyCode::Tab));
    let on_apply = |app: &App| {
        app.top_dialog::<GroupChange>()
            .is_none_or(|d| d.stage == Stage::Review(Button::Apply))
    };
    while !on_apply(app) {
        press(app, key(KeyCode::Tab));
    }
    press_only(app, key(KeyCode::Enter))
}

#[test]
fn a_group_assignment_is_staged_with_its_roles_not_sent() {
    let mut app = staging_on_group("sales");
    press(&mut app, key(KeyCode::Char('w')));
    // Research is the second active workspace; its first role ticked.
    press_keys(&mut app, "down enter space enter");
    let effects = apply(&mut app);
    assert_eq!(sent_changes(&effects), 0, "nothing sent: {effects:?}");
    assert!(
        app.dialogs.is_empty(),
        "the dialog's work is done: {} {:?}",
        flash_text(&app),
        app.dialogs
    );
    let staged = only_staged(&app);
    let Change::AssignGroup {
        group,
        workspace,
        roles,
    } = &staged
    else {
        panic!("an assignment: {staged:?}");
    };
    assert_eq!((group.as_str(), workspace.as_str()), ("Sales", "Research"));
    assert_eq!(roles.len(), 1, "{roles:?}");
    assert_says_first(&app, "Staged + group \"Sales\"");
}

#[test]
fn unassigning_and_deleting_a_group_are_staged_by_name() {
    let mut app = staging_on_group("platform");
    press_keys(&mut app, "W enter");
    let effects = apply(&mut app);
    assert_eq!(
        sent_changes(&effects),
        0,
        "{effects:?} {}",
        flash_text(&app)
    );
    press_keys(&mut app, r#"/ "finance" enter D "Finance""#);
    let effects = apply(&mut app);
    assert_eq!(
        sent_changes(&effects),
        0,
        "{effects:?} {}",
        flash_text(&app)
    );
    let staged = app.staging.changes(app.current);
    assert!(
        matches!(
            staged.as_slice(),
            [
                Change::UnassignGroup { group: p, workspace, .. },
                Change::DeleteGroup { group: f, explicit: true },
            ] if p == "Platform" && workspace == "Data Platform" && f == "Finance"
        ),
        "{staged:?}"
    );
}

#[test]
fn provisioning_cannot_be_staged_and_is_refused_in_its_dialog() {
    let mut app = staging_on_group("platform");
    press_keys(&mut app, "p enter enter");
    let effects = apply(&mut app);
    assert_eq!(sent_changes(&effects), 0, "nothing sent: {effects:?}");
    assert!(
        app.top_dialog::<GroupChange>().is_some(),
        "the dialog stays with what was chosen"
    );
    let text = flash_text(&app);
    assert!(
        text.starts_with("Not staged:")
            && text.contains("turn staging off (ctrl-t) to provision a workspace from a group"),
        "{text}"
    );
    assert_eq!(app.staging.count(app.current), 0);
}

#[test]
fn a_confirmed_run_of_the_people_view_is_refused_while_staging() {
    let mut app = crate::tui::views::people::tests::open_people();
    press_keys(&mut app, "ctrl-t tab X");
    let effects = apply(&mut app);
    assert_eq!(sent_changes(&effects), 0, "nothing sent: {effects:?}");
    assert!(!app.dialogs.is_empty(), "the confirmation stays");
    assert_says(&app, "turn staging off (ctrl-t) to revoke an invitation");
    // With staging off, the same confirmation runs.
    press_keys(&mut app, "esc ctrl-t X");
    let effects = apply(&mut app);
    assert_eq!(sent_changes(&effects), 1, "{effects:?}");
}

#[test]
fn staging_does_not_start_while_a_run_is_on_its_way() {
    let mut app = crate::tui::views::people::tests::open_people();
    press_keys(&mut app, "tab X");
    let effects = apply(&mut app);
    let pending = requests(&effects);
    assert!(
        pending
            .iter()
            .any(|(_, _, c)| matches!(c, Call::View(f) if f.as_kind::<StepFetch>().is_some())),
        "{effects:?}"
    );
    press(&mut app, ctrl('t'));
    assert!(!app.staging.on);
    assert_says_first(&app, "Staging not turned on");
}
