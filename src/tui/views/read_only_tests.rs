//! Read-only mode in every view that changes the organization: each change key opens nothing,
//! asks nothing of the server and says why in the status line.

use crate::tui::state::App;
use crate::tui::testing::{press_only, requests, script_keys};

use super::plan::tests::planned;
use super::testing::{flash, opened};
use super::undo::tests::{preview, undo_showing};

/// A view as a case opens it.
type Open = fn() -> App;

/// `(what, how it opens, its change keys as a script)`.
const CASES: [(&str, Open, &str); 7] = [
    (":people invite", || opened("people"), "i"),
    (":groups new group", || opened("groups"), "n"),
    (":keys new, delete, rotate", || opened("keys"), "n D R"),
    (":spend set the limit", || opened("spend"), "e"),
    (":scim dry run, sync", || opened("scim"), "d R"),
    (":plan apply", planned, "A"),
    (":undo", || undo_showing(preview(Vec::new())), "U"),
];

#[test]
fn read_only_refuses_every_change_key_and_says_so() {
    for (what, open, script) in CASES {
        let mut app = open();
        app.read_only = true;
        for key in script_keys(script) {
            let effects = press_only(&mut app, key);
            assert!(app.dialogs.is_empty(), "{what}: {key:?} opened a dialog");
            assert!(
                requests(&effects).is_empty(),
                "{what}: {key:?} asked: {effects:?}"
            );
            assert!(flash(&app).contains("read-only"), "{what}: {}", flash(&app));
        }
    }
}
