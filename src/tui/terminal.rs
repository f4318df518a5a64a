//! The terminal's lifecycle in one place: raw mode and the alternate screen on the way in;
//! everything put back on the way out, whether by return, error or panic. A frame reaches the
//! terminal in one write.

use std::io::{self, Stdout, Write, stdout};
use std::sync::Once;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, ThreadId};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use super::console_backend::{ConsoleBackend, SizeWatch};

pub type ConsoleTerminal = Terminal<ConsoleBackend>;

/// The console's output. ratatui writes a frame as many small pieces (a cursor move, a colour,
/// a run of text) and ends it with a flush; they are gathered here and reach the terminal in
/// one write at that flush, whatever the frame's size. Bytes not flushed when it is dropped (a
/// frame cut short by a panic) are dropped too, rather than written after the terminal was
/// restored.
pub struct FrameWriter {
    pending: Vec<u8>,
    out: Stdout,
}

impl FrameWriter {
    fn new() -> Self {
        Self {
            pending: Vec::with_capacity(16 * 1024),
            out: stdout(),
        }
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if RESTORED.load(Ordering::Relaxed) {
            // ratatui's own drop shows the cursor through here after `restore`: nothing more
            // reaches the shell's screen.
            self.pending.clear();
            return Ok(());
        }
        let mut out = self.out.lock();
        let written = out.write_all(&self.pending);
        self.pending.clear();
        written?;
        out.flush()
    }
}

/// The terminal in console mode; dropping it restores the terminal.
pub struct TerminalSession {
    terminal: ConsoleTerminal,
    size: SizeWatch,
}

static UI_THREAD: OnceLock<ThreadId> = OnceLock::new();

/// Set once the terminal is put back: a frame's bytes still pending then are dropped.
static RESTORED: AtomicBool = AtomicBool::new(false);

impl TerminalSession {
    pub fn enter() -> io::Result<Self> {
        let _ = UI_THREAD.set(thread::current().id());
        install_panic_hook();
        RESTORED.store(false, Ordering::Relaxed);
        enable_raw_mode()?;
        let session = (|| {
            // Cleared with a plain escape sequence: ratatui's `clear` asks the terminal where
            // its cursor is, and some terminals (and multiplexers over slow links) never answer.
            execute!(
                stdout(),
                EnterAlternateScreen,
                EnableBracketedPaste,
                Clear(ClearType::All)
            )?;
            let size = SizeWatch::default();
            let backend = ConsoleBackend::new(FrameWriter::new(), size.clone());
            let mut terminal = Terminal::new(backend)?;
            terminal.hide_cursor()?;
            Ok(Self { terminal, size })
        })();
        if session.is_err() {
            restore();
        }
        session
    }

    pub fn terminal(&mut self) -> &mut ConsoleTerminal {
        &mut self.terminal
    }

    /// The size the backend remembers, to be forgotten when the terminal is resized.
    pub fn size_watch(&self) -> &SizeWatch {
        &self.size
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves the alternate screen, ends raw mode and shows the cursor. Safe to call twice.
pub fn restore() {
    RESTORED.store(true, Ordering::Relaxed);
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
}

/// A panic on the UI thread restores the terminal before the usual report, so the report is
/// readable and the shell usable. A panic on a background task must not touch the screen the
/// UI is still drawing on: it goes to the log file instead.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let on_ui_thread = UI_THREAD.get() == Some(&thread::current().id());
            if on_ui_thread {
                restore();
                previous(info);
            } else {
                tracing::error!("background task panicked: {info}");
            }
        }));
    });
}
