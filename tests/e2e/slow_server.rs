//! End-to-end against a server that never answers: the console stays usable, shows what is
//! loading, and ctrl-c cancels the requests before a second ctrl-c quits.

use crate::support::fault_server::{FaultServer, Reply};
use crate::support::pty::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_never_waits_on_a_silent_server() {
    let server = FaultServer::start().await;
    for path in [
        "/users",
        "/workspaces",
        "/api-keys",
        "/roles",
        "/x-local/organization",
    ] {
        server.on("GET", &format!("/v1/admin{path}"), vec![Reply::Hang]);
    }
    let home = Home::new();
    home.with_profile("silent", &server.base_url(), "SILENT_ADMIN_KEY");
    let server = std::sync::Arc::new(server);
    let watched = std::sync::Arc::clone(&server);
    let outcome = tokio::task::spawn_blocking(move || {
        let mut console = Console::start_with_env(
            &home,
            &["--profile", "silent"],
            100,
            30,
            &[("SILENT_ADMIN_KEY", "sk-silent-test-key-0123456789")],
        );
        let screen = console.wait_for("Loading workspaces");
        assert!(
            screen.lines().next().unwrap().contains("REMOTE"),
            "{screen}"
        );
        assert!(
            screen.lines().next().unwrap().contains("workspaces"),
            "spinner label:\n{screen}"
        );
        // Still answering keys while every request hangs.
        console.send("?");
        console.wait_for("Keys ·");
        console.send("q");
        console.wait_gone("Keys ·");
        console.send(&ctrl('c'));
        let screen = console.wait_for("Cancelled");
        assert!(screen.contains("ctrl-c again quits"), "{screen}");
        assert!(
            screen.contains("Loading workspaces was cancelled"),
            "{screen}"
        );
        // The aborted requests close their connections while the console keeps running.
        let sent = watched.requests().len();
        assert!(
            sent >= 3,
            "the first screen's loads reached the server: {sent}"
        );
        let deadline = std::time::Instant::now() + TIMEOUT;
        while watched.hangups() < sent {
            assert!(
                std::time::Instant::now() < deadline,
                "requests not abandoned"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        console.send(&ctrl('c'));
        let status = console.wait_exit();
        assert!(status.success(), "{status:?}");
        let raw = String::from_utf8_lossy(&console.raw_output()).into_owned();
        assert!(
            !raw.contains("sk-silent-test-key"),
            "the key never reaches the screen"
        );
    })
    .await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic.into_panic());
    }
}
