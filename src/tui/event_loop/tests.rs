//! The event loop in-process: keys in, frames out, tokio's paused clock for time. What only a
//! real terminal shows (raw mode, restoring it, signals) stays with the pseudo-terminal tests.

mod harness;

use std::time::Duration;

use crossterm::event::KeyCode;

use super::SPINNER_PERIOD;
use crate::tui::testing::{ctrl, key};
use harness::{Console, Ended, LATENCY};

/// The status line (the frame's first row).
fn status_line(console: &Console) -> String {
    console.text().lines().next().unwrap_or_default().to_owned()
}

/// Runs a session whose server answers at once: `script` starts once the first screen shows
/// the workspaces, and `q` ends the session after it.
async fn on_the_loaded_console(script: impl AsyncFnOnce(&mut Console)) -> Ended {
    let (mut console, session) = Console::start(Duration::ZERO);
    let driver = async move {
        console.wait_for("Research").await;
        script(&mut console).await;
        console.press(key(KeyCode::Char('q'))).await;
    };
    session.run_with(driver).await
}

#[tokio::test(start_paused = true)]
async fn the_spinner_turns_while_requests_run_and_stops_with_them() {
    let (mut console, session) = Console::start(LATENCY);
    let driver = async move {
        let first = console.wait_for("Loading workspaces").await;
        let spinning = status_line(&console);
        assert!(spinning.contains("organization"), "{first}");
        console.advance(SPINNER_PERIOD).await;
        assert_ne!(status_line(&console), spinning, "the spinner moved on");
        console.wait_for("Research").await;
        let settled = console.frames();
        assert!(!status_line(&console).contains("organization"));
        console.advance(SPINNER_PERIOD * 50).await;
        assert_eq!(console.frames(), settled, "no spinner frames once idle");
        console.press(key(KeyCode::Char('q'))).await;
    };
    session.run_with(driver).await;
}

#[tokio::test(start_paused = true)]
async fn an_idle_console_draws_nothing_until_something_happens() {
    on_the_loaded_console(async |console| {
        let frames = console.frames();
        console.advance(Duration::from_secs(600)).await;
        assert_eq!(console.frames(), frames, "ten idle minutes, no frame");
        console.press(key(KeyCode::Down)).await;
        assert_eq!(console.frames(), frames + 1, "a key, one frame");
    })
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_message_clears_itself_and_an_error_stays_longer() {
    on_the_loaded_console(async |console| {
        // Nothing to go back to yet: an info message.
        console.press(key(KeyCode::Char('-'))).await;
        assert!(status_line(console).contains("No previous workspace"));
        console.advance(Duration::from_millis(3_900)).await;
        assert!(status_line(console).contains("No previous workspace"));
        console.advance(Duration::from_millis(200)).await;
        assert!(
            !status_line(console).contains("No previous workspace"),
            "gone after four seconds"
        );
        // An unknown command: an error, which stays eight seconds.
        console.press(key(KeyCode::Char(':'))).await;
        for c in "nope".chars() {
            console.press(key(KeyCode::Char(c))).await;
        }
        console.press(key(KeyCode::Enter)).await;
        assert!(status_line(console).contains("Unknown command"));
        console.advance(Duration::from_secs(7)).await;
        assert!(status_line(console).contains("Unknown command"));
        console.advance(Duration::from_millis(1_100)).await;
        assert!(!status_line(console).contains("Unknown command"));
    })
    .await;
}

#[tokio::test(start_paused = true)]
async fn quitting_cancels_every_request_still_running() {
    let (mut console, session) = Console::start(Duration::from_secs(3_600));
    let driver = async move {
        console.wait_for("Loading workspaces").await;
        console.press(key(KeyCode::Char('q'))).await;
    };
    let outcome = session.run_with(driver).await;
    assert!(outcome.app.quit);
    assert!(
        !outcome.sent.is_empty(),
        "the first screen's loads were sent"
    );
    let mut cancelled = outcome.cancelled.clone();
    cancelled.sort();
    assert_eq!(cancelled, outcome.sent, "every request was cancelled");
    assert!(
        outcome.answered_though_cancelled.is_empty(),
        "no answer arrived after quitting"
    );
}

#[tokio::test(start_paused = true)]
async fn ctrl_c_cancels_then_quits_and_a_late_answer_changes_nothing() {
    let (mut console, session) = Console::start(Duration::from_secs(5));
    let driver = async move {
        console.wait_for("Loading workspaces").await;
        console.press(ctrl('c')).await;
        console.wait_for("Cancelled").await;
        assert!(console.text().contains("Loading workspaces was cancelled"));
        // The aborted requests never answer, even once their time has passed.
        let frames = console.frames();
        console.advance(Duration::from_secs(6)).await;
        assert!(console.text().contains("Loading workspaces was cancelled"));
        assert!(
            console.frames() <= frames + 1,
            "at most the message expiring"
        );
        console.press(ctrl('c')).await;
    };
    let outcome = session.run_with(driver).await;
    assert!(outcome.app.quit, "the second ctrl-c quits");
    assert!(outcome.answered_though_cancelled.is_empty());
}

#[tokio::test(start_paused = true)]
async fn a_resize_redraws_at_the_new_size() {
    let outcome = on_the_loaded_console(async |console| {
        console.resize(50, 12).await;
        console.wait_for("Terminal too small").await;
        console.resize(100, 30).await;
        console.wait_for("Research").await;
    })
    .await;
    assert_eq!(outcome.app.screen, (100, 30));
}
