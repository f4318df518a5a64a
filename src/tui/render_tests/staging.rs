//! `:plan` and `:undo` at 80x24 and 160x48, in colour and monochrome: the staged diff with
//! its cursor, the one confirmation, a run's exact end, and an undo with its conflicts.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::shots::{BOTH_SIZES_AND_STYLES, Walk, assert_looks, assert_walks};
use super::*;
use crate::actions::org_run::RunOutcome;
use crate::domain::org::Change;
use crate::tui::testing::*;
use crate::tui::views::plan::PlanView;
use crate::tui::views::plan::tests::{add, planned, set_roles};
use crate::tui::views::undo::tests::{preview, undo_showing};

fn both_sizes(name: &str, app: &App) {
    assert_looks(module_path!(), name, app, BOTH_SIZES_AND_STYLES);
}

/// The plan walked through by keys, a snapshot set after each step.
const WALKS: &[Walk] = &[
    Walk::new(planned, &[("j", "plan")]),
    Walk::new(planned, &[("A", "plan_confirm")]),
];

#[test]
fn plan_view_and_confirmation() {
    assert_walks(module_path!(), WALKS, BOTH_SIZES_AND_STYLES);
}

#[test]
fn plan_view_empty() {
    let mut app = loaded_app();
    crate::tui::views::plan::tests::open_plan(&mut app);
    assert_snapshot!("plan_empty_80x24", screen(&app, 80, 24));
}

#[test]
fn plan_while_applying() {
    let mut app = planned();
    let open = app.view.as_ref().expect("the plan view");
    let plan: &PlanView = open.view.as_any().downcast_ref().expect("plan");
    plan.control.begin(7);
    plan.control.report(3, 7);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Applying 3/7… s stops after the change on its way"),
        "{shown}"
    );
    press(&mut app, key(KeyCode::Char('s')));
    both_sizes("plan_applying", &app);
}

#[test]
fn plan_after_a_refusal_midway() {
    let mut app = planned();
    let open = app.view.as_mut().expect("the plan view");
    let plan: &mut PlanView = open.view.as_any_mut().downcast_mut().expect("plan");
    plan.outcome = Some(RunOutcome {
        applied: vec![add("taro@acme.example")],
        failed: Some((
            set_roles("ana@acme.example"),
            "Forbidden: this key may not change roles".into(),
        )),
        not_done: vec![set_roles("zoe@acme.example")],
        entry: Some(3),
        ..RunOutcome::default()
    });
    both_sizes("plan_stopped", &app);
}

#[test]
fn undo_view() {
    both_sizes("undo", &undo_showing(preview(Vec::new())));
}

#[test]
fn undo_view_with_a_conflict() {
    let conflict = (
        Change::SetMemberRoles {
            workspace: "Research".into(),
            email: "ana@acme.example".into(),
            before: vec!["workspace_admin".into(), "dev".into()],
            after: vec!["dev".into()],
        },
        "ana@acme.example holds user there now".to_owned(),
    );
    both_sizes("undo_conflict", &undo_showing(preview(vec![conflict])));
}

#[test]
fn a_staged_change_marks_its_member_row() {
    let mut app = loaded_after(r#": "ws" space "Research" enter"#);
    let profile = app.current;
    app.staging.on = true;
    app.staging
        .add(profile, vec![set_roles("zoe.martin@acme.example")]);
    let shown = screen(&app, 160, 48);
    assert!(
        shown.lines().any(|l| l.contains("~ Zoë Martin")),
        "the staged member is marked:\n{shown}"
    );
    assert!(shown.contains("STAGED 1"));
    assert_snapshot!("members_with_a_staged_change_80x24", screen(&app, 80, 24));
}
