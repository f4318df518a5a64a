//! The event loop: keys, answers and timers become messages; `update` turns them into
//! effects; the screen is redrawn only after something happened. No frame clock: the only
//! timer is the spinner's, and it runs only while requests do.
//!
//! The loop is generic over ratatui's backend, the stream of terminal events and the clock,
//! so that a test can run it in-process: keys in, frames out, time under its control.

use std::time::Duration;

use crossterm::event::{Event, KeyEventKind};
use futures::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::Backend;
use time::OffsetDateTime;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::time::MissedTickBehavior;

use super::TuiError;
use super::effect::{Effect, EffectRunner};
use super::msg::Msg;
use super::redraw::Redraw;
use super::state::App;
use super::theme::Theme;
use super::update::{start, update};
use super::view;

pub const SPINNER_PERIOD: Duration = Duration::from_millis(100);

/// Where the loop reads the date and time it hands the state (state never reads a clock).
pub trait Clock {
    fn now(&self) -> OffsetDateTime;
}

/// The system's clock, in UTC.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// What reaches the loop besides the terminal's events: answers from the effect runner (and
/// the loop's own timers, through `sender`), and the signal to stop.
pub struct Inbox {
    pub replies: UnboundedReceiver<Msg>,
    pub sender: UnboundedSender<Msg>,
    pub stop: UnboundedReceiver<()>,
}

/// Runs the console until the user quits, the input ends, or the process is told to stop.
/// Requests still running at the end are cancelled.
pub async fn run<B, R, S, C>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    theme: &Theme,
    runner: &mut R,
    mut events: S,
    mut inbox: Inbox,
    clock: &C,
) -> Result<(), TuiError>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    R: EffectRunner,
    S: Stream<Item = std::io::Result<Event>> + Unpin,
    C: Clock,
{
    let drawing = |err: B::Error| TuiError::Terminal(std::io::Error::other(err));
    let mut spinner = tokio::time::interval(SPINNER_PERIOD);
    spinner.set_missed_tick_behavior(MissedTickBehavior::Skip);
    if let Ok(size) = terminal.size() {
        app.screen = (size.width, size.height);
    }
    tick_clock(app, clock);
    dispatch(start(app), runner, &inbox.sender);
    let mut dirty = true;
    let mut redraw = Redraw::default();
    loop {
        if dirty {
            let mut seen = app.seen;
            redraw
                .draw(terminal, |frame| seen = view::render(frame, app, theme))
                .map_err(drawing)?;
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
            Some(msg) = inbox.replies.recv() => msg,
            _ = spinner.tick(), if app.is_busy() => Msg::SpinnerTick,
            Some(()) = inbox.stop.recv() => {
                tracing::info!("stop signal received; leaving");
                break;
            }
        };
        tick_clock(app, clock);
        let effects = update(app, msg);
        dispatch(effects, runner, &inbox.sender);
        dirty = true;
    }
    let leftover: Vec<_> = app.in_flight.keys().copied().collect();
    if !leftover.is_empty() {
        runner.run(Effect::Cancel(leftover));
    }
    Ok(())
}

/// Hands the state the time the message arrived, and so today's date.
fn tick_clock(app: &mut App, clock: &impl Clock) {
    app.now = clock.now();
    app.today = app.now.date();
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
pub fn stop_signals() -> UnboundedReceiver<()> {
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

#[cfg(test)]
mod tests;
