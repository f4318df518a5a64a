//! End-to-end: the console acts only on what the admin sees. Keys typed while the "terminal
//! too small" notice hides a dialog do not reach it, and the new-workspace form is never
//! submitted by the space bar; the server is checked through the Admin API afterwards.

use crate::support::pty::*;

#[test]
fn keys_behind_the_too_small_notice_do_not_press_a_hidden_button() {
    let home = Home::new();
    let before = with_api(&home, async |client| organization_state(client).await);
    let mut console = start(&home, &[]);
    console.send(":ws research");
    console.send(ENTER);
    wait_open(&mut console, "Research");
    console.wait_for("Björn Lindqvist");
    console.send("x");
    console.wait_for("Remove 1 member from \"Research\"?");

    console.resize(45, 12);
    console.wait_for("Terminal too small");
    // Tab would move to Remove and Enter press it, were the keys to reach the dialog.
    console.send(TAB);
    console.send(ENTER);
    // The notice says the keys did nothing: they were read while it showed.
    let small = console.wait_for("That key does nothing");
    assert!(small.contains("Enlarge it, or q to quit"), "{small}");
    assert!(!small.contains("Removed"), "{small}");

    console.resize(COLS, ROWS);
    let dialog = console.wait_for("Remove 1 member from \"Research\"?");
    assert!(
        dialog.contains("▶ Cancel ◀"),
        "Cancel keeps the focus:\n{dialog}"
    );
    assert!(!dialog.contains("Removed 1 member"), "{dialog}");
    console.send(ESC);
    console.wait_gone("Remove members");
    quit(&mut console);

    let after = with_api(&home, async |client| organization_state(client).await);
    assert!(before == after, "the server changed");
}

#[test]
fn q_on_the_too_small_notice_quits_rather_than_typing_into_a_hidden_field() {
    let home = Home::new();
    let before = with_api(&home, async |client| organization_state(client).await);
    let mut console = start(&home, &[]);
    open(&mut console, "Mobile App");
    console.send("X");
    console.wait_for("Type the workspace's name to confirm");
    console.resize(50, 10);
    console.wait_for("Terminal too small");
    console.send("q");
    let status = console.wait_exit();
    assert!(status.success(), "{status:?}");

    let after = with_api(&home, async |client| organization_state(client).await);
    assert!(before == after, "the server changed");
}

#[test]
fn space_after_choosing_the_admin_flips_the_box_and_creates_nothing() {
    let home = Home::new();
    let before = with_api(&home, async |client| organization_state(client).await);
    let mut console = start(&home, &[]);
    console.send("n");
    console.wait_for("New workspace");
    console.send("Accidents");
    // Name, Description, Icon, Admin: enter opens the admin picker.
    console.send(TAB);
    console.send(TAB);
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("Choose the admin");
    console.send("zoe");
    console.wait_for("zoe.angstrom@");
    console.send(ENTER);
    console.wait_for("Zoë Ångström <zoe.angstrom@");
    // The focus stays on the admin: tab goes to the box, space flips it and presses nothing.
    console.send(TAB);
    console.send(" ");
    let form = console.wait_for("[x] yes");
    assert!(
        form.contains("New workspace"),
        "the form stays open:\n{form}"
    );
    assert!(!form.contains("Created"), "{form}");
    console.send(ESC);
    console.wait_gone("New workspace");
    quit(&mut console);

    let after = with_api(&home, async |client| organization_state(client).await);
    assert!(before == after, "the server changed");
}
