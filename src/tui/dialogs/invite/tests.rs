//! The invitation form: addresses marked as typed or pasted (500 lines included), the
//! request it sends, Esc sending nothing, and the result per address.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::{Reply, Request};
use crate::api::OrganizationInvitesCreateOut;
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
