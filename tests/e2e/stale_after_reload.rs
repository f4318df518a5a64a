//! End-to-end: the console on a `serve` process that then stops. ctrl-r cannot reach it, and
//! the console keeps what it showed, marked stale with the time it was loaded, instead of
//! emptying its lists.

use crate::support::pty::*;
use crate::support::serve_process::{ServeProcess, random_key};

#[test]
fn ctrl_r_with_the_server_down_keeps_the_lists_marked_stale() {
    let key = random_key();
    let serve = ServeProcess::start(&["--memory", "--admin-key", &key]);
    let home = Home::new();
    home.with_profile(
        "rehearsal",
        &format!("{}/v1/admin", serve.origin),
        "REHEARSAL_ADMIN_KEY",
    );
    let mut console = Console::start_with_env(
        &home,
        &["--profile", "rehearsal"],
        120,
        30,
        &[("REHEARSAL_ADMIN_KEY", key.as_str())],
    );
    console.wait_for("Research");
    console.wait_for("Björn Lindqvist");
    drop(serve);

    console.send(&ctrl('r'));
    // Reads are retried a few times before the console gives up on them.
    let screen = console.wait_for("Workspaces (7) · stale");
    assert!(
        screen.contains("Research"),
        "the list is still shown:\n{screen}"
    );
    assert!(
        screen.contains("Björn Lindqvist"),
        "the members too:\n{screen}"
    );
    let status = screen.lines().next().unwrap();
    assert!(status.contains("⚠ stale, loaded "), "{status}");
    assert!(status.contains(" UTC"), "{status}");
    assert!(!screen.contains("timed out"), "{screen}");
    console.send("q");
    assert!(console.wait_exit().success());
}
