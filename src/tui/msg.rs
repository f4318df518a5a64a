//! Everything that can happen to the console: keys, resizes, timers and answers from the
//! server. `update` turns each into state changes and effects.

use crossterm::event::KeyEvent;

use super::call::{Partial, Reply};

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The terminal's new size in columns and rows.
    Resize {
        width: u16,
        height: u16,
    },
    /// Advance the spinner; only sent while requests run.
    SpinnerTick,
    FlashExpired(u64),
    Reply(Box<Reply>),
    /// Part of an answer still coming (a page of the directory).
    Partial(Box<Partial>),
}
