//! End-to-end: the console is closed while a change it sent is held on its way to the server
//! (ctrl-c to stop waiting, ctrl-c again to quit). The terminal is given back at once with a
//! line saying what is awaited; the process ends only when the change has been made and
//! journaled, and nothing is sent after it.

use std::sync::Arc;
use std::time::Duration;

use mistral_admin::actions::journal::{JOURNAL_FILE, Journal};
use mistral_admin::domain::org::Change;
use mistral_admin::server::Seed;

use crate::support::client::test_client;
use crate::support::local_server;
use crate::support::proxy::Proxy;
use crate::support::pty::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_held_on_its_way_at_quit_is_finished_and_journaled() {
    let server = local_server().seed(Seed::Demo).start().await;
    let key = server.seeded()[0].admin_key.clone();
    let proxy = Arc::new(Proxy::holding_changes(&server).await);
    let home = Home::new();
    home.with_profile("held", &proxy.base_url, "HELD_ADMIN_KEY");
    let held = Arc::clone(&proxy);
    let secret = key.expose().to_owned();
    let (home, screen) = tokio::task::spawn_blocking(move || {
        let mut console = Console::start_with_env(
            &home,
            &["--profile", "held"],
            100,
            30,
            &[("HELD_ADMIN_KEY", secret.as_str())],
        );
        let screen = remove_then_quit(&mut console, &held);
        assert!(
            !console.exits_within(Duration::from_millis(300)),
            "still waiting while the change is held"
        );
        held.let_one_in();
        let status = console.wait_exit();
        assert!(status.success(), "{status:?}");
        (home, screen)
    })
    .await
    .unwrap();
    assert!(screen.contains("ctrl-c leaves without waiting"), "{screen}");

    let journal = Journal::at(home.data_dir().join(JOURNAL_FILE));
    let entries = journal.entries().unwrap();
    let [entry] = entries.as_slice() else {
        panic!("one entry: {entries:#?}");
    };
    assert_eq!(entry.source, "console");
    let [
        Change::RemoveMember {
            workspace, email, ..
        },
    ] = entry.changes.as_slice()
    else {
        panic!("the removal: {entry:#?}");
    };
    assert_eq!(workspace, "Research");
    assert!(email.starts_with("bjorn.lindqvist@"), "{email}");
    assert_eq!(proxy.seen_with("DELETE").len(), 1, "nothing sent after it");
    let client = test_client(&server.admin_base_url(), key.expose());
    let research = workspace_id(&client, "Research").await;
    let members = members_of(&client, research).await;
    assert!(
        !members.iter().any(|(name, _)| name == "Björn Lindqvist"),
        "removed from Research: {members:?}"
    );
    server.shutdown().await;
}

/// Quits (ctrl-c to stop waiting, ctrl-c again) while a removal is held on its way, then
/// sends `stop` (keys, or a signal by `kill`) as the closed console waits for it: it must end
/// promptly, naming the change that may not have finished.
/// Removes Björn from Research through `proxy`, which holds the removal, then quits (ctrl-c
/// twice: the request first, then the console); gives the screen once it says it waits.
fn remove_then_quit(console: &mut Console, proxy: &Proxy) -> String {
    open(console, "Research");
    console.wait_for("Björn Lindqvist");
    console.send("x");
    console.wait_for("Remove 1 member from \"Research\"?");
    confirm(console);
    let deadline = std::time::Instant::now() + TIMEOUT;
    while proxy.seen_with("DELETE").is_empty() {
        assert!(std::time::Instant::now() < deadline, "the removal was sent");
        std::thread::sleep(Duration::from_millis(10));
    }
    console.send(&ctrl('c'));
    console.wait_for("Stopped waiting: the change may already have been made");
    console.send(&ctrl('c'));
    console.wait_for("Waiting for 1 change already sent to finish")
}

/// Gives what the terminal said from "Stopped waiting (" on, and the exit status.
fn quit_then_stop_the_wait(stop: impl FnOnce(&mut Console)) -> (String, u32) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(local_server().seed(Seed::Demo).start());
    let key = server.seeded()[0].admin_key.expose().to_owned();
    let proxy = runtime.block_on(Proxy::holding_changes(&server));
    let home = Home::new();
    home.with_profile("held", &proxy.base_url, "HELD_ADMIN_KEY");
    let mut console = Console::start_with_env(
        &home,
        &["--profile", "held"],
        100,
        30,
        &[("HELD_ADMIN_KEY", key.as_str())],
    );
    remove_then_quit(&mut console, &proxy);
    stop(&mut console);
    assert!(
        console.exits_within(Duration::from_secs(5)),
        "the wait ended at once, though the change is still held"
    );
    let status = console.wait_exit();
    let output = String::from_utf8_lossy(&console.raw_output()).into_owned();
    let restored = output
        .find("\x1b[?1049l")
        .expect("left the alternate screen");
    let said = output
        .find("Stopped waiting (")
        .expect("said it stopped waiting");
    assert!(restored < said, "said on the restored terminal");
    drop(proxy);
    runtime.block_on(server.shutdown());
    (output[said..].to_owned(), status.exit_code())
}

/// Sends `signal` to the console with `kill`.
fn kill(console: &Console, signal: &str) {
    let pid = console.process_id().expect("a process id").to_string();
    let killed = std::process::Command::new("kill")
        .args([signal, &pid])
        .status()
        .expect("run kill");
    assert!(killed.success());
}

#[test]
fn sigterm_while_waiting_for_a_change_at_quit_ends_the_wait_and_names_the_change() {
    let (said, status) = quit_then_stop_the_wait(|console| kill(console, "-TERM"));
    assert_eq!(
        status, 143,
        "128 + SIGTERM: the changes may not have finished"
    );
    assert!(
        said.starts_with("Stopped waiting (SIGTERM): 1 change may not have finished"),
        "{said}"
    );
    assert!(
        said.contains("removing members: DELETE /workspaces/"),
        "{said}"
    );
    assert!(said.contains("`mistral-admin journal` shows"), "{said}");
}

#[test]
fn ctrl_c_while_waiting_for_a_change_at_quit_names_the_change() {
    let (said, status) = quit_then_stop_the_wait(|console| console.send(&ctrl('c')));
    assert_eq!(
        status, 130,
        "128 + SIGINT: the changes may not have finished"
    );
    assert!(
        said.starts_with("Stopped waiting (ctrl-c): 1 change may not have finished"),
        "{said}"
    );
    assert!(
        said.contains("removing members: DELETE /workspaces/"),
        "{said}"
    );
}

#[test]
fn sighup_while_waiting_for_a_change_at_quit_ends_the_wait_with_its_exit_status() {
    let (said, status) = quit_then_stop_the_wait(|console| kill(console, "-HUP"));
    assert_eq!(
        status, 129,
        "128 + SIGHUP: the changes may not have finished"
    );
    assert!(
        said.starts_with("Stopped waiting (SIGHUP): 1 change may not have finished"),
        "{said}"
    );
}
