//! Where a frame puts the terminal's cursor (in a field being edited).
//!
//! ratatui keeps the position a frame asks for to itself, and only its own flush reads it; the
//! console writes its frames through [`crate::tui::redraw`] instead, so the position is also
//! noted here, on the drawing thread, and taken back once the frame is drawn. Clippy refuses
//! `Frame::set_cursor_position` anywhere else (see `clippy.toml`).

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Position;

thread_local! {
    static PLACED: Cell<Option<Position>> = const { Cell::new(None) };
}

/// Puts the cursor at `position` once `frame` is on the terminal.
#[allow(clippy::disallowed_methods)] // The one place that may call it.
pub fn place(frame: &mut Frame, position: impl Into<Position>) {
    let position = position.into();
    frame.set_cursor_position(position);
    PLACED.set(Some(position));
}

/// Where the frame drawn since the last call put the cursor, if anywhere (then it is hidden).
pub fn take() -> Option<Position> {
    PLACED.take()
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;

    #[test]
    fn a_placed_cursor_is_taken_once_and_reaches_ratatui_too() {
        let mut terminal = Terminal::new(TestBackend::new(10, 3)).expect("test terminal");
        take();
        terminal.draw(|frame| place(frame, (4, 2))).expect("draw");
        assert_eq!(take(), Some(Position::new(4, 2)));
        assert_eq!(take(), None);
        terminal.backend_mut().assert_cursor_position((4, 2));
    }
}
