//! The event loop: keys, answers and timers become messages; `update` turns them into
//! effects; the screen is redrawn only after something happened. No frame clock: the only
//! timer is the spinner's, and it runs only while requests do.

use std::time::Duration;

use crossterm::event::{Event, EventStream, KeyEventKind};
use futures::{Stream, StreamExt};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::time::MissedTickBehavior;

use super::TuiError;
use super::effect::{Effect, EffectRunner};
use super::msg::Msg;
use super::state::App;
use super::terminal::ConsoleTerminal;
use super::theme::Theme;
use super::update::{start, update};
use super::view;

const SPINNER_PERIOD: Duration = Duration::from_millis(100);

/// Runs the console until the user quits, the input ends, or the process is told to stop.
pub async fn run_loop<R>(
    terminal: &mut ConsoleTerminal,
    app: &mut App,
    theme: &Theme,
    runner: &mut R,
    mut replies: UnboundedReceiver<Msg>,
    sender: UnboundedSender<Msg>,
) -> Result<(), TuiError>
where
    R: EffectRunner,
{
    let events = EventStream::new();
    run_with_events(terminal, app, theme, runner, events, &mut replies, sender).await
}

async fn run_with_events<R, S>(
    terminal: &mut ConsoleTerminal,
    app: &mut App,
    theme: &Theme,
    runner: &mut R,
    mut events: S,
    replies: &mut UnboundedReceiver<Msg>,
    sender: UnboundedSender<Msg>,
) -> Result<(), TuiError>
where
    R: EffectRunner,
    S: Stream<Item = std::io::Result<Event>> + Unpin,
{
    let mut spinner = tokio::time::interval(SPINNER_PERIOD);
    spinner.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut stop = stop_signals();
    if let Ok(size) = terminal.size() {
        app.screen = (size.width, size.height);
    }
    dispatch(start(app), runner, &sender);
    let mut dirty = true;
    loop {
        if dirty {
            let mut seen = app.seen;
            terminal
                .draw(|frame| seen = view::render(frame, app, theme))
                .map_err(TuiError::Terminal)?;
            // The next key acts only on what this frame showed whole.
            app.seen = seen;
            dirty = false;
        }
        if app.quit {
            break;
        }
        let msg = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => match translate(event) {
                    Some(msg) => msg,
                    None => continue,
                },
                Some(Err(err)) => return Err(TuiError::Terminal(err)),
                None => break,
            },
            Some(msg) = replies.recv() => msg,
            _ = spinner.tick(), if app.is_busy() => Msg::SpinnerTick,
            Some(()) = stop.recv() => {
                tracing::info!("stop signal received; leaving");
                break;
            }
        };
        app.now = time::OffsetDateTime::now_utc();
        app.today = app.now.date();
        let effects = update(app, msg);
        dispatch(effects, runner, &sender);
        dirty = true;
    }
    let leftover: Vec<_> = app.in_flight.keys().copied().collect();
    if !leftover.is_empty() {
        runner.run(Effect::Cancel(leftover));
    }
    Ok(())
}

/// Terminal events the console reacts to; the rest (mouse, focus) cause no redraw.
fn translate(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        _ => None,
    }
}

fn dispatch<R: EffectRunner>(effects: Vec<Effect>, runner: &mut R, sender: &UnboundedSender<Msg>) {
    for effect in effects {
        match effect {
            Effect::ExpireFlash { id, after } => {
                let sender = sender.clone();
                tokio::spawn(async move {
                    tokio::time::sleep(after).await;
                    let _ = sender.send(Msg::FlashExpired(id));
                });
            }
            other => runner.run(other),
        }
    }
}

/// SIGTERM and SIGHUP (the SSH session went away) end the loop cleanly, so the terminal is
/// restored rather than left in raw mode.
fn stop_signals() -> UnboundedReceiver<()> {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        for kind in [SignalKind::terminate(), SignalKind::hangup()] {
            if let Ok(mut stream) = signal(kind) {
                let tx = tx.clone();
                tokio::spawn(async move {
                    if stream.recv().await.is_some() {
                        let _ = tx.send(());
                    }
                });
            }
        }
    }
    rx
}
