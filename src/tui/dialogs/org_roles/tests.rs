//! The organization-role dialog: the preview, the last-admin rule said before sending, and
//! the server's refusal kept in the dialog with the ticks.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::Request;
use crate::tui::dialogs::test_support::opened_on_member;
use crate::tui::testing::*;

fn dialog(app: &App) -> &OrgRoles {
    app.top_dialog::<OrgRoles>().expect("the roles dialog")
}

#[test]
fn promoting_previews_then_sends_one_patch_with_every_role() {
    let mut app = open_on_app("jane.roe");
    press_keys(&mut app, "down down space enter");
    assert!(matches!(dialog(&app).stage, Stage::Review(Button::Cancel)));
    press_keys(&mut app, "backtab");
    assert!(matches!(dialog(&app).stage, Stage::Review(Button::Apply)));
    redraw(&mut app);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let sent = changes(&effects);
    let [Request::UpdateUser { body, .. }] = sent.as_slice() else {
        panic!("one PATCH /users/{{id}}: {sent:?}");
    };
    let names: Vec<&str> = body.role_names.iter().flatten().map(|r| r.name()).collect();
    assert_eq!(names, ["organization_admin", "billing_manager", "member"]);
}

#[test]
fn enter_on_the_previews_cancel_keeps_the_ticks_and_says_how_to_apply_or_close() {
    let mut app = open_on_app("jane.roe");
    press_keys(&mut app, "down down space enter");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        changes(&effects).is_empty(),
        "a hurried Enter sends nothing"
    );
    assert!(matches!(dialog(&app).stage, Stage::Review(Button::Cancel)));
    assert_says(
        &app,
        "tab/→ reaches Apply; esc closes without changing the roles",
    );
    press(&mut app, key(KeyCode::Esc));
    assert!(app.dialogs.is_empty(), "esc closes");
}

fn open_on_app(who: &str) -> App {
    opened_on_member(who, "r")
}

#[test]
fn the_last_admin_keeps_the_role_and_is_told_why_before_anything_is_sent() {
    let mut app = open_on_app("zoe");
    assert!(dialog(&app).only_admin());
    press_keys(&mut app, "down down space up up space");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty());
    let d = dialog(&app);
    assert_eq!(d.stage, Stage::Choose);
    assert!(
        d.problem
            .as_deref()
            .unwrap()
            .contains("last organization_admin")
    );
    assert_eq!(d.ticks, [true, false, false], "the ticks stay as chosen");
}

#[test]
fn esc_sends_nothing() {
    let mut app = open_on_app("jane.roe");
    let effects = press(&mut app, key(KeyCode::Esc));
    assert!(changes(&effects).is_empty());
    assert!(app.dialogs.is_empty());
}

#[test]
fn the_servers_409_stays_in_the_dialog_with_the_ticks() {
    let mut app = open_on_app("jane.roe");
    press_keys(&mut app, "down down space enter backtab");
    redraw(&mut app);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let [(id, profile, call)] = requests(&effects).try_into().expect("one request");
    let refusal = crate::tui::state::RemoteError::new(
        crate::client::ErrorKind::Conflict,
        "409 Conflict: the organization must keep at least one organization_admin",
    );
    deliver(&mut app, id, profile, call, Err(refusal));
    let d = dialog(&app);
    assert!(d.submission.error.as_ref().unwrap().message.contains("409"));
    assert_eq!(d.ticks, [true, true, true]);
    let screen = crate::tui::render_tests::screen(&app, 80, 24);
    assert!(screen.contains("Refused: 409 Conflict"), "{screen}");
}

/// Jane as if the group "Finance" gave her billing_manager too.
fn jane_in_finance() -> OrgRoles {
    let directory = crate::actions::fixtures::directory();
    let jane = (directory.members().iter())
        .find(|m| m.email.as_deref() == Some("jane.roe@northwind.example"))
        .cloned()
        .expect("Jane");
    let mut dialog = OrgRoles::new(jane, Arc::new(directory));
    dialog.through = vec![("Finance".to_owned(), "billing_manager".to_owned())];
    dialog.ticks[1] = true;
    dialog
}

#[test]
fn a_role_a_group_gives_is_not_sent_as_their_own_and_the_preview_names_the_group() {
    let mut dialog = jane_in_finance();
    dialog.ticks[2] = true;
    dialog.review();
    let plan = dialog.plan.as_ref().expect("a preview");
    let [step] = plan.steps.as_slice() else {
        panic!("one request: {plan:?}");
    };
    let Request::UpdateUser { body, .. } = &step.request else {
        panic!("PATCH /users/{{id}}: {step:?}");
    };
    let own: Vec<&str> = body.role_names.iter().flatten().map(|r| r.name()).collect();
    assert_eq!(
        own,
        ["organization_admin", "member"],
        "Finance's role stays Finance's"
    );
    assert!(
        plan.notes
            .iter()
            .any(|n| n.contains("keeps billing_manager through the group \"Finance\"")),
        "{plan:?}"
    );
}

#[test]
fn unticking_a_groups_role_changes_nothing_and_says_which_group_gives_it() {
    let mut dialog = jane_in_finance();
    dialog.ticks[1] = false;
    dialog.review();
    assert!(dialog.plan.is_none(), "nothing to send");
    let problem = dialog.problem.as_deref().unwrap_or_default();
    assert!(
        problem.contains("billing_manager through the group \"Finance\""),
        "{problem}"
    );
}

/// Finance let Jane go between the preview and the answer: the status line says what she
/// holds now, not what the preview showed.
#[test]
fn the_outcome_says_what_they_hold_when_their_groups_changed_after_the_preview() {
    let mut dialog = jane_in_finance();
    dialog.ticks[2] = true;
    dialog.review();
    let mut answered = dialog.person.clone();
    let admin = OrgRole::OrganizationAdmin.uuid().to_string();
    answered.raw_roles = vec![admin, OrgRole::Member.uuid().to_string()];
    let (level, text) = dialog.outcome(&[Reply::UserUpdated(Box::new(answered))]);
    assert_eq!(level, FlashLevel::Info);
    assert!(
        text.contains("now holds organization_admin, member in total: their groups changed"),
        "{text}"
    );

    let mut as_previewed = dialog.person.clone();
    as_previewed.raw_roles = [
        OrgRole::OrganizationAdmin,
        OrgRole::BillingManager,
        OrgRole::Member,
    ]
    .map(|r| r.uuid().to_string())
    .to_vec();
    let (level, text) = dialog.outcome(&[Reply::UserUpdated(Box::new(as_previewed))]);
    assert_eq!(level, FlashLevel::Success);
    assert!(text.ends_with(": done"), "{text}");
}
