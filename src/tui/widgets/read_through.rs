//! A list inside a confirmation that may be longer than the screen: it scrolls, its position
//! shows, and it remembers how far down the frames have drawn it. A confirmation offers its
//! destructive button only once every line was drawn at least once, so no change is confirmed
//! that the admin was never shown (a "… and 40 more" line would hide them).
//!
//! The window's size is known only when a frame lays the dialog out, so the frame records it
//! (in cells, as `render` takes the dialog by reference); the keys then scroll by what the last
//! frame showed.

use std::cell::Cell;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::tui::dialogs::{Button, Next, RowKey, row_key};
use crate::tui::keymap::action::spec_of;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::FlashLevel;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{Body, ConfirmRow};

/// Lines of a dialog on screen that are not its body: its border and the margin around it.
const AROUND_A_DIALOG: u16 = 2 + 2;

/// Where the list is scrolled to, and what the frames have shown of it.
#[derive(Debug, Clone, Default)]
pub struct ReadThrough {
    /// The first line shown.
    scroll: usize,
    /// How many lines the last frame had room for (0 before the first frame).
    room: Cell<usize>,
    /// One past the last line any frame has drawn.
    drawn_to: Cell<usize>,
    /// How many lines the list had when last drawn.
    total: Cell<usize>,
}

impl ReadThrough {
    /// Whether `action` scrolls a list: what a confirmation takes from the keys of the view
    /// under it, and nothing else of them.
    pub fn scrolls(action: Action) -> bool {
        // Scrolling a list of nothing answers the same question, from the one match below.
        Self::default().scroll(action)
    }

    /// Whether a confirmation that lists this offers `action`: the button row's keys, and of
    /// the keys of the view under it only scrolling (the hint line then offers no other).
    pub fn offers(action: Action) -> bool {
        spec_of(Context::Dialog, action).is_some() || Self::scrolls(action)
    }

    /// Moves the window for a scrolling action; says whether the action was one.
    pub fn scroll(&mut self, action: Action) -> bool {
        let room = self.room.get().max(1);
        let last = self.total.get().saturating_sub(room);
        let at = self.scroll.min(last);
        self.scroll = match action {
            Action::Up => at.saturating_sub(1),
            Action::Down => (at + 1).min(last),
            Action::PageUp => at.saturating_sub(room),
            Action::PageDown => (at + room).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        };
        true
    }

    /// Whether every line has been drawn by some frame.
    pub fn read_whole(&self) -> bool {
        self.drawn_to.get() >= self.total.get()
    }

    /// How many lines no frame has drawn yet (those below the furthest drawn).
    pub fn unread(&self) -> usize {
        self.total.get().saturating_sub(self.drawn_to.get())
    }

    /// Why the confirming button does nothing yet: lines no frame has drawn. `None` once
    /// every line was drawn.
    pub fn refusal(&self) -> Option<String> {
        (!self.read_whole()).then(|| {
            format!(
                "Nothing sent: scroll to the end first ({} lines not shown yet)",
                self.unread()
            )
        })
    }

    /// A key in a confirmation that lists this: the button row's keys (focus, Enter, cancel),
    /// else scrolling. Says what the key meant to the row, but for Enter on `confirm` before
    /// every line was drawn: that is refused, and `Err` says why.
    pub fn button_key(
        &mut self,
        action: Action,
        (row, focus, confirm): (&[Button], &mut Button, Button),
    ) -> Result<RowKey, String> {
        match row_key(action, row, focus, confirm) {
            RowKey::Confirm => match self.refusal() {
                Some(why) => Err(why),
                None => Ok(RowKey::Confirm),
            },
            RowKey::Other => {
                self.scroll(action);
                Ok(RowKey::Other)
            }
            moved_or_closed => Ok(moved_or_closed),
        }
    }

    /// [`ReadThrough::button_key`] for a confirmation whose confirming button does one thing:
    /// `confirmed`.
    pub fn confirm_key(
        &mut self,
        action: Action,
        row: (&[Button], &mut Button, Button),
        confirmed: impl FnOnce() -> Next,
    ) -> Next {
        match self.button_key(action, row) {
            Err(why) => Next::Say(FlashLevel::Error, why),
            Ok(RowKey::Confirm) => confirmed(),
            Ok(RowKey::Close) => Next::Close,
            Ok(RowKey::Moved | RowKey::Other) => Next::Stay,
        }
    }

    /// Adds the window of `lines` to a dialog's `body` on `screen`, as many lines as leave
    /// room for the `below` lines the dialog draws under the list; records what is drawn.
    pub fn fill(
        &self,
        body: &mut Body,
        lines: Vec<Line<'static>>,
        (screen, below): (Rect, usize),
        muted: Style,
    ) {
        let taken = body.lines.len() + below;
        let rows = usize::from(screen.height.saturating_sub(AROUND_A_DIALOG)).saturating_sub(taken);
        body.lines.extend(self.window(lines, rows, muted));
    }

    /// A confirmation's body from the list down: the window of `lines`, then `after`, then the
    /// button row `button_row` makes from whether the list has been read whole. The list takes
    /// the room the rest leaves, and the row is made after the list is drawn, so a list that
    /// fits enables its button in the frame that first shows it all.
    pub fn fill_then_buttons(
        &self,
        body: &mut Body,
        (lines, after): (Vec<Line<'static>>, Body),
        screen: Rect,
        muted: Style,
        button_row: impl FnOnce(bool) -> Line<'static>,
    ) {
        self.fill(body, lines, (screen, after.lines.len() + 1), muted);
        body.append(after);
        body.push(button_row(self.read_whole()));
    }

    /// [`ReadThrough::fill_then_buttons`] with a confirmation's button row, whose confirming
    /// button can be pressed once the list was read whole, and not before: the rule of every
    /// confirmation that lists what it will do.
    pub fn fill_then_confirm(
        &self,
        body: &mut Body,
        (lines, after): (Vec<Line<'static>>, Body),
        screen: Rect,
        row: ConfirmRow<'_>,
        theme: &Theme,
    ) {
        self.fill_then_buttons(body, (lines, after), screen, theme.muted, |read| {
            row.line(read, theme)
        });
    }

    /// The window of `lines` that fits in `rows` lines, and a line saying which part shows
    /// when not all of it does; records what is drawn, so call it only from a frame.
    pub fn window(
        &self,
        lines: Vec<Line<'static>>,
        rows: usize,
        muted: Style,
    ) -> Vec<Line<'static>> {
        let total = lines.len();
        let room = if total <= rows {
            total
        } else {
            // One row goes to the line saying where the window is.
            rows.saturating_sub(1).max(1)
        };
        let scroll = self.scroll.min(total.saturating_sub(room));
        self.room.set(room);
        self.total.set(total);
        self.drawn_to
            .set(self.drawn_to.get().max((scroll + room).min(total)));
        let mut shown: Vec<Line<'static>> = lines.into_iter().skip(scroll).take(room).collect();
        if room < total {
            let shown_range = (scroll + 1, scroll + room, total);
            let parts = position_parts("lines", shown_range, "↓/PgDn");
            shown.push(Line::styled(format!("  {}", parts.join(" · ")), muted));
        }
        shown
    }
}

/// Where a window on a list is, in the words every scrolled list of the console uses:
/// `lines 1-5 of 20`, then `15 below: ↓/PgDn` (the keys that go on, `down_keys`) or, at the
/// bottom, `end`. The parts are joined with " · ", or wrapped between parts where narrow.
pub fn position_parts(
    noun: &str,
    (first, last, total): (usize, usize, usize),
    down_keys: &str,
) -> Vec<String> {
    let below = total.saturating_sub(last);
    let more = if below > 0 {
        format!("{below} below: {down_keys}")
    } else {
        "end".to_owned()
    };
    vec![format!("{noun} {first}-{last} of {total}"), more]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize) -> Vec<Line<'static>> {
        (0..n).map(|i| Line::raw(format!("change {i}"))).collect()
    }

    fn draw(list: &ReadThrough, n: usize, rows: usize) -> Vec<String> {
        list.window(lines(n), rows, Style::default())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_list_that_fits_is_read_at_the_first_frame() {
        let list = ReadThrough::default();
        assert!(!list.read_whole() || list.total.get() == 0);
        let shown = draw(&list, 3, 10);
        assert_eq!(shown.len(), 3, "no position line when all of it shows");
        assert!(list.read_whole());
    }

    #[test]
    fn a_long_list_is_read_only_once_its_end_was_drawn() {
        let mut list = ReadThrough::default();
        let shown = draw(&list, 20, 6);
        assert_eq!(shown.len(), 6);
        assert_eq!(shown[5], "  lines 1-5 of 20 · 15 below: ↓/PgDn");
        assert!(!list.read_whole());
        assert_eq!(list.unread(), 15);
        // Keys pressed between frames move the window, but only drawing counts as read.
        for _ in 0..3 {
            list.scroll(Action::PageDown);
        }
        assert!(!list.read_whole());
        let shown = draw(&list, 20, 6);
        assert_eq!(shown[0], "change 15");
        assert_eq!(shown[5], "  lines 16-20 of 20 · end");
        assert!(list.read_whole());
    }

    #[test]
    fn scrolling_stops_at_the_ends_so_the_way_back_is_immediate() {
        let mut list = ReadThrough::default();
        draw(&list, 8, 5);
        for _ in 0..20 {
            list.scroll(Action::Down);
        }
        list.scroll(Action::Up);
        assert_eq!(draw(&list, 8, 5)[0], "change 3", "one up from the end (4)");
        list.scroll(Action::Top);
        assert_eq!(draw(&list, 8, 5)[0], "change 0");
        assert!(!list.scroll(Action::Press));
    }
}
