//! The batch confirmation lists every request: a list longer than the screen scrolls inside
//! the dialog, and nothing is sent until its last line has been drawn.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::dialogs::test_support::confirmed_once_read;
use crate::tui::testing::*;
use crate::tui::views::people::tests::{open_people, shown};

/// The people view on its invitations, with the revocation of `n` invitations (copies of the
/// fixture's one under other addresses) asked for.
fn revoking(n: usize) -> App {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Tab));
    let invite = crate::tui::views::people::tests::loaded()
        .directory
        .invites()[0]
        .clone();
    let invites: Vec<OrganizationInviteOut> = (0..n)
        .map(|i| OrganizationInviteOut {
            uuid: uuid::Uuid::from_u128(5000 + i as u128),
            email: format!("guest{i:02}@northwind.example"),
            ..invite.clone()
        })
        .collect();
    let chosen: Vec<&OrganizationInviteOut> = invites.iter().collect();
    let plan = revoke_invites(&chosen).unwrap();
    app.dialogs.push(Box::new(ConfirmBatch::new(
        "Revoke invitations",
        Batch::new("Revoking many", plan),
        format!("Revoke {n} invitations"),
    )));
    redraw(&mut app);
    app
}

fn confirm(app: &App) -> &ConfirmBatch {
    app.top_dialog::<ConfirmBatch>().expect("the confirmation")
}

#[test]
fn a_long_revocation_is_sent_only_after_its_last_line_was_drawn() {
    let mut app = revoking(30);
    press(&mut app, key(KeyCode::Tab));
    let effects = confirmed_once_read(
        &mut app,
        ("guest00", "guest29"),
        (KeyCode::Down, 29),
        |app| confirm(app).listed.list.read_whole(),
    );
    assert_eq!(requests(&effects).len(), 1, "the first request goes");
    let run = shown(&app).run.as_ref().expect("the run started");
    assert_eq!(run.progress(), "Revoking many: 0/30");
}

#[test]
fn a_revocation_that_fits_is_offered_from_the_first_frame() {
    let mut app = revoking(3);
    assert!(confirm(&app).listed.list.read_whole());
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert_eq!(requests(&effects).len(), 1);
    assert!(shown(&app).run.is_some(), "the run started");
}
