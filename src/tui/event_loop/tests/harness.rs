//! The console's event loop run in-process for tests: a backend that keeps every frame for the
//! test to read, a channel of terminal events, an effect runner that answers from the fixture
//! organization after a delay on tokio's clock, and a wall clock that follows tokio's. Tests
//! run on a paused runtime, so time moves only when a test advances it (or when everything
//! waits).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{Event, KeyEvent};
use futures::channel::mpsc::{UnboundedReceiver, UnboundedSender, unbounded};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use time::OffsetDateTime;
use time::macros::datetime;
use tokio::sync::watch;
use tokio::task::AbortHandle;

use crate::tui::TuiError;
use crate::tui::effect::{Effect, EffectRunner};
use crate::tui::event_loop::{Clock, Inbox, run};
use crate::tui::msg::Msg;
use crate::tui::state::{App, RequestId};
use crate::tui::testing::{answer, new_app};
use crate::tui::theme::Theme;

/// How long the fixture server takes to answer, unless a test says otherwise.
pub const LATENCY: Duration = Duration::from_secs(1);
/// The longest a test waits for a frame, on tokio's (paused) clock.
const PATIENCE: Duration = Duration::from_secs(120);

/// A test backend whose buffer the test reads while the loop draws on it, and which counts
/// the frames drawn.
#[derive(Clone)]
pub struct Screen {
    backend: Rc<RefCell<TestBackend>>,
    frames: Rc<watch::Sender<u64>>,
}

impl Backend for Screen {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let Ok(()) = self.backend.borrow_mut().draw(content);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        let Ok(()) = self.backend.borrow_mut().hide_cursor();
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        let Ok(()) = self.backend.borrow_mut().show_cursor();
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let Ok(position) = self.backend.borrow_mut().get_cursor_position();
        Ok(position)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Ok(()) = self.backend.borrow_mut().set_cursor_position(position);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        let Ok(()) = self.backend.borrow_mut().clear();
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let Ok(()) = self.backend.borrow_mut().clear_region(clear_type);
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        let Ok(size) = self.backend.borrow().size();
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let Ok(size) = self.backend.borrow_mut().window_size();
        Ok(size)
    }

    fn flush(&mut self) -> io::Result<()> {
        let Ok(()) = self.backend.borrow_mut().flush();
        self.frames.send_modify(|n| *n += 1);
        Ok(())
    }
}

/// A wall clock that starts on a fixed morning and moves with tokio's clock.
pub struct TokioClock {
    start: OffsetDateTime,
    origin: tokio::time::Instant,
}

impl Clock for TokioClock {
    fn now(&self) -> OffsetDateTime {
        self.start + (tokio::time::Instant::now() - self.origin)
    }
}

/// What the fixture runner saw, shared with the test.
#[derive(Debug, Default)]
struct Record {
    sent: Vec<RequestId>,
    cancelled: Vec<RequestId>,
    /// Cancelled changes let finish, as the real runner does: their answer still comes.
    let_finish: Vec<RequestId>,
    answered: Vec<RequestId>,
}

/// Answers each request from the fixture organization after `latency`. Cancelled, a read is
/// aborted and never answers; a change (or a view's run) finishes and answers, as with the
/// real runner.
pub struct FixtureRunner {
    latency: Duration,
    sender: tokio::sync::mpsc::UnboundedSender<Msg>,
    /// Each request under way, and whether a cancel lets it finish.
    running: BTreeMap<RequestId, (AbortHandle, bool)>,
    record: Arc<Mutex<Record>>,
}

impl EffectRunner for FixtureRunner {
    fn run(&mut self, effect: Effect) {
        match effect {
            Effect::Request { id, profile, call } => {
                self.record.lock().unwrap().sent.push(id);
                let finishes = call.finishes_when_stopped();
                let msg = answer(id, profile, call);
                let (sender, latency, record) =
                    (self.sender.clone(), self.latency, Arc::clone(&self.record));
                let task = tokio::spawn(async move {
                    tokio::time::sleep(latency).await;
                    record.lock().unwrap().answered.push(id);
                    let _ = sender.send(msg);
                });
                self.running.insert(id, (task.abort_handle(), finishes));
            }
            Effect::Cancel(ids) => {
                for id in ids {
                    let mut record = self.record.lock().unwrap();
                    record.cancelled.push(id);
                    match self.running.remove(&id) {
                        Some((_, true)) => record.let_finish.push(id),
                        Some((task, false)) => task.abort(),
                        None => {}
                    }
                }
            }
            Effect::ExpireFlash { .. } | Effect::Copy(_) => {}
        }
    }
}

/// The loop's side: everything `run` needs, taken when the test starts it.
pub struct Session {
    terminal: Terminal<Screen>,
    app: App,
    runner: FixtureRunner,
    events: UnboundedReceiver<io::Result<Event>>,
    inbox: Inbox,
    clock: TokioClock,
}

/// How a session ended: the loop's result, the state it left, and what the runner saw.
pub struct Ended {
    pub result: Result<(), TuiError>,
    pub app: App,
    /// Every request sent, in id order.
    pub sent: Vec<RequestId>,
    pub cancelled: Vec<RequestId>,
    /// Cancelled reads whose answer was sent all the same (there should be none).
    pub answered_though_cancelled: Vec<RequestId>,
}

impl Session {
    /// Runs the loop while `driver` presses keys and reads frames; the loop must end cleanly.
    pub async fn run_with(self, driver: impl std::future::Future<Output = ()>) -> Ended {
        let (ended, ()) = tokio::join!(self.run(), driver);
        if let Err(error) = &ended.result {
            panic!("the loop did not end cleanly: {error}");
        }
        ended
    }

    pub async fn run(self) -> Ended {
        let Self {
            mut terminal,
            mut app,
            mut runner,
            events,
            inbox,
            clock,
        } = self;
        let result = run(
            &mut terminal,
            &mut app,
            &Theme::colour(),
            &mut runner,
            events,
            inbox,
            &clock,
        )
        .await;
        let record = runner.record.lock().unwrap();
        let mut sent = record.sent.clone();
        sent.sort();
        Ended {
            result,
            app,
            sent,
            cancelled: record.cancelled.clone(),
            answered_though_cancelled: record
                .answered
                .iter()
                .filter(|id| record.cancelled.contains(id) && !record.let_finish.contains(id))
                .copied()
                .collect(),
        }
    }
}

/// The test's side: it types, resizes, moves time and reads the screen.
pub struct Console {
    events: UnboundedSender<io::Result<Event>>,
    screen: Screen,
    frames: watch::Receiver<u64>,
}

impl Console {
    /// A console on the fixture profiles, 100x30, whose server answers after `latency`.
    pub fn start(latency: Duration) -> (Self, Session) {
        let (frames_tx, frames) = watch::channel(0);
        let screen = Screen {
            backend: Rc::new(RefCell::new(TestBackend::new(100, 30))),
            frames: Rc::new(frames_tx),
        };
        let (events_tx, events) = unbounded();
        let (sender, replies) = tokio::sync::mpsc::unbounded_channel();
        let (_stop_tx, stop) = tokio::sync::mpsc::unbounded_channel();
        let runner = FixtureRunner {
            latency,
            sender: sender.clone(),
            running: BTreeMap::new(),
            record: Arc::default(),
        };
        let session = Session {
            terminal: Terminal::new(screen.clone()).expect("terminal"),
            app: new_app(),
            runner,
            events,
            inbox: Inbox {
                replies,
                sender,
                stop,
            },
            clock: TokioClock {
                start: datetime!(2026-06-01 09:00 UTC),
                origin: tokio::time::Instant::now(),
            },
        };
        let console = Self {
            events: events_tx,
            screen,
            frames,
        };
        (console, session)
    }

    /// The screen as text, one quoted line per row.
    pub fn text(&self) -> String {
        self.screen.backend.borrow().to_string()
    }

    /// How many frames the loop has drawn.
    pub fn frames(&self) -> u64 {
        *self.frames.borrow()
    }

    /// Sends a key and waits until the loop has drawn what it did.
    pub async fn press(&mut self, key: KeyEvent) {
        self.send(Event::Key(key)).await;
    }

    /// The terminal changes size, and says so.
    pub async fn resize(&mut self, width: u16, height: u16) {
        self.screen.backend.borrow_mut().resize(width, height);
        self.send(Event::Resize(width, height)).await;
    }

    async fn send(&mut self, event: Event) {
        self.frames.mark_unchanged();
        self.events
            .unbounded_send(Ok(event))
            .expect("the loop runs");
        self.next_frame().await;
        self.settle().await;
    }

    /// Moves tokio's clock on, lets every timer that came due fire, and waits for the loop
    /// to have drawn what they did.
    pub async fn advance(&mut self, by: Duration) {
        tokio::time::advance(by).await;
        self.settle().await;
    }

    /// Waits until a frame shows `text`; returns that frame.
    pub async fn wait_for(&mut self, text: &str) -> String {
        loop {
            let screen = self.text();
            if screen.contains(text) {
                return screen;
            }
            self.next_frame().await;
        }
    }

    async fn next_frame(&mut self) {
        tokio::time::timeout(PATIENCE, self.frames.changed())
            .await
            .expect("a frame in time")
            .expect("the loop draws");
    }

    /// Lets every task that can run, run: on a paused clock, a sleep of one millisecond ends
    /// only once the runtime has nothing else to do.
    async fn settle(&mut self) {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}
