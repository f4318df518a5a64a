//! What the dialogs of text to read do with keys alike (the help, the message log, a member's
//! details): scroll by a line or by what one screen shows, and close.

use crate::tui::keymap::Action;
use crate::tui::keymap::Context;
use crate::tui::routing::{Input, Layer};
use crate::tui::widgets::reader;

use super::Next;

/// The readers' keys.
pub fn layers() -> Vec<Layer> {
    vec![Layer::Keys(Context::Help)]
}

/// Scrolls `scroll` through `lines` lines in a reader `width` wide on `screen`, or closes.
pub fn act(scroll: &mut u16, input: Input, screen: (u16, u16), width: u16, lines: usize) -> Next {
    let Input::Action(action) = input else {
        return Next::Stay;
    };
    let last = reader::max_scroll(screen, width, lines);
    let page = reader::page(screen, width, lines).max(1);
    // The log opens at its end; from there, up moves from what shows.
    let at = (*scroll).min(last);
    match action {
        Action::Close => return Next::Close,
        Action::Up => *scroll = at.saturating_sub(1),
        Action::Down => *scroll = (at + 1).min(last),
        Action::PageUp => *scroll = at.saturating_sub(page),
        Action::PageDown => *scroll = at.saturating_add(page).min(last),
        _ => {}
    }
    Next::Stay
}
