//! The invitation form: addresses marked as typed or pasted (500 lines included), the
//! preview (opening on Cancel, naming each pending invitation replaced, every workspace
//! sent), the request it sends, Esc sending nothing, and the result per address.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::{Reply, Request};
use crate::api::OrganizationInvitesCreateOut;
use crate::tui::dialogs::Button;
use crate::tui::render_tests::screen;
use crate::tui::testing::*;
use crate::tui::views::people::tests::open_people;

fn open_form() -> App {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char('i')));
    app
}

fn form(app: &App) -> &Invite {
    app.top_dialog::<Invite>().expect("the invitation form")
}

#[test]
fn a_paste_of_500_lines_is_marked_address_by_address() {
    let mut app = open_form();
    let lines: Vec<String> = (0..500).map(|i| format!("person{i}@example.org")).collect();
    let pasted = format!("{}\njane.doe@northwind.example\nnope", lines.join("\n"));
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Paste(pasted));
    let d = form(&app);
    assert_eq!(d.addresses.len(), 502);
    assert_eq!(d.count(&AddressStatus::Valid), 500);
    assert_eq!(d.count(&AddressStatus::AlreadyMember), 1);
    assert_eq!(d.count(&AddressStatus::Invalid), 1);
}

#[test]
fn inviting_sends_the_new_and_invited_addresses_with_the_roles_and_workspaces() {
    let mut app = open_form();
    type_text(
        &mut app,
        "a@x.io, jane.doe@northwind.example bad new.hire@northwind.example",
    );
    press_keys(&mut app, "tab down space tab down space tab");
    redraw(&mut app);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty(), "Invite opens the preview");
    assert_eq!(form(&app).preview().unwrap().listed.focus, Button::Cancel);
    press_keys(&mut app, "tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let sent = changes(&effects);
    let [Request::Invite { body }] = sent.as_slice() else {
        panic!("one POST /users-invite: {sent:?}");
    };
    assert_eq!(body.email, "a@x.io\nnew.hire@northwind.example");
    let roles: Vec<&str> = body.role_names.iter().flatten().map(|r| r.name()).collect();
    assert_eq!(roles, ["billing_manager", "member"]);
    assert_eq!(body.workspace_uuids.as_ref().map(Vec::len), Some(1));
}

#[test]
fn esc_sends_nothing_and_nobody_to_invite_stays_in_the_dialog() {
    let mut app = open_form();
    press_keys(&mut app, r#""jane.doe@northwind.example" tab tab tab"#);
    redraw(&mut app);
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty());
    assert!(
        form(&app)
            .problem
            .as_deref()
            .unwrap()
            .contains("Nobody to invite")
    );
    assert_eq!(form(&app).text.value(), "jane.doe@northwind.example");
    let effects = press(&mut app, key(KeyCode::Esc));
    assert!(changes(&effects).is_empty() && app.dialogs.is_empty());
}

#[test]
fn the_result_names_what_happened_to_each_address() {
    let mut app = open_form();
    press_keys(&mut app, r#""a@x.io" space "b@x.io""#);
    let reply = Reply::Invited(OrganizationInvitesCreateOut {
        invalid_emails: vec!["b@x.io".into()],
        already_members: Vec::new(),
        invited_members_count: Some(1),
    });
    let lines = outcome::per_address(form(&app), &[reply]);
    assert_eq!(lines[0], ("✓", "a@x.io: invited".to_owned()));
    assert!(lines[1].1.starts_with("b@x.io: not invited, invalid"));
}

/// The request the preview sends once Invite is pressed there.
fn sent_from_preview(app: &mut App) -> crate::api::OrganizationInviteIn {
    press_keys(app, "tab");
    let effects = press_only(app, key(KeyCode::Enter));
    let sent = changes(&effects);
    let [Request::Invite { body }] = sent.as_slice() else {
        panic!("one POST /users-invite: {sent:?}");
    };
    body.clone()
}

#[test]
fn a_pending_invitation_replaced_is_shown_now_and_then_and_the_preview_opens_on_cancel() {
    let mut app = open_form();
    // new.hire has a pending invitation: member, joining Research.
    type_text(&mut app, "new.hire@northwind.example");
    press_keys(&mut app, "tab down space tab down down space tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        changes(&effects).is_empty(),
        "nothing is sent from the form"
    );
    let preview = form(&app).preview().expect("the preview");
    assert_eq!(preview.listed.focus, Button::Cancel);
    let shown = screen(&app, 80, 24);
    for part in [
        "One replaces the roles and workspaces",
        "new.hire@northwind.example",
        "now:  member in \"Research\"",
        "then: billing_manager, member in \"Product\"",
        "▶ Cancel ◀",
    ] {
        assert!(shown.contains(part), "{part:?} in\n{shown}");
    }
    // Enter on Cancel goes back to the form, everything kept, nothing sent.
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty());
    assert!(form(&app).preview().is_none());
    assert_eq!(form(&app).text.value(), "new.hire@northwind.example");
    press_keys(&mut app, "enter");
    let body = sent_from_preview(&mut app);
    assert_eq!(body.email, "new.hire@northwind.example");
    assert_eq!(body.workspace_uuids.map(|w| w.len()), Some(1));
}

/// Ticks the last workspace, then takes the cursor back to the first: at 80x24 and below
/// the window no longer draws it.
fn last_workspace_ticked_out_of_sight(app: &mut App) {
    type_text(app, "a@x.io");
    press_keys(app, "tab tab down down down down down space up up up up up");
}

#[test]
fn a_ticked_workspace_out_of_sight_is_counted_and_named_and_the_preview_lists_every_one() {
    for (width, height) in [(80, 24), (80, 20), (60, 16)] {
        let mut app = open_form();
        app.screen = (width, height);
        last_workspace_ticked_out_of_sight(&mut app);
        let d = form(&app);
        let last = d.workspaces.last().unwrap();
        assert!(last.2, "the last workspace is ticked");
        let shown = screen(&app, width, height);
        let drawn = format!("[x] {}", last.1);
        assert!(
            !shown.contains(&drawn),
            "out of sight at {width}x{height}:\n{shown}"
        );
        assert!(
            shown.contains("1 ticked: 日本チーム"),
            "the line under the window names it at {width}x{height}:\n{shown}"
        );
        press_keys(&mut app, "tab enter");
        let shown = screen(&app, width, height);
        assert!(shown.contains("• 日本チーム"), "{shown}");
    }
}

#[test]
fn a_preview_longer_than_the_screen_sends_only_once_scrolled_to_its_end() {
    let mut app = open_form();
    let lines: Vec<String> = (0..60).map(|i| format!("person{i}@example.org")).collect();
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Paste(lines.join("\n")));
    press_keys(&mut app, "backtab enter tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty(), "59 lines not shown yet");
    assert_says(&app, "scroll to the end first");
    press_keys(&mut app, "G");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let sent = changes(&effects);
    let [Request::Invite { body }] = sent.as_slice() else {
        panic!("one POST /users-invite: {sent:?}");
    };
    assert_eq!(body.email.lines().count(), 60);
}
