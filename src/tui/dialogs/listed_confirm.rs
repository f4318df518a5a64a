//! The button row of a confirmation that lists what it will do, with the list above it:
//! Cancel and Apply, Cancel in focus when it opens, the arrows of the view under it scrolling
//! the list, and Apply doing its one thing only once every line of the list was drawn.
//! `:plan`'s and `:undo`'s run, the SCIM sync and the people view's batches confirm this way.

use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::routing::Input;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Body;
use crate::tui::widgets::read_through::ReadThrough;

use super::{Button, ConfirmRow, Next};

/// The row, Cancel first: what is in focus when the confirmation opens.
pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Apply];

/// The list a confirmation shows and the buttons under it.
#[derive(Debug, Clone)]
pub struct ListedConfirm {
    /// The button Enter presses.
    pub focus: Button,
    /// What the confirmation will do, scrolled inside the dialog.
    pub list: ReadThrough,
}

impl Default for ListedConfirm {
    fn default() -> Self {
        Self {
            focus: Button::Cancel,
            list: ReadThrough::default(),
        }
    }
}

impl ListedConfirm {
    /// What `input` does: the buttons' keys and scrolling; Apply, once the list was read
    /// whole, does what `confirmed` says (before, it is refused and says why).
    pub fn act(&mut self, input: Input, confirmed: impl FnOnce() -> Next) -> Next {
        let Input::Action(action) = input else {
            return Next::Stay;
        };
        let row = (&BUTTONS[..], &mut self.focus, Button::Apply);
        self.list.confirm_key(action, row, confirmed)
    }

    /// The dialog's body from the list down: the window of `lines`, then `after`, then the
    /// buttons, Apply saying `apply`.
    pub fn fill(
        &self,
        body: &mut Body,
        (lines, after): (Vec<Line<'static>>, Body),
        screen: Rect,
        apply: &str,
        theme: &Theme,
    ) {
        let row = ConfirmRow {
            buttons: &BUTTONS,
            focus: self.focus,
            confirm: Button::Apply,
            text: apply,
        };
        self.list
            .fill_then_confirm(body, (lines, after), screen, row, theme);
    }
}
