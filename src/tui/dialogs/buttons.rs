//! The buttons at the foot of a dialog: moving the focus along a row of them, what Enter
//! there means, and a confirmation's row as drawn.

use crate::tui::keymap::{Action, Context};
use crate::tui::state::{App, FlashLevel};

use super::Next;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Add,
    Apply,
    Back,
    Remove,
    Archive,
    Create,
    Cancel,
    Ok,
}

impl Button {
    pub fn label(self) -> &'static str {
        match self {
            Self::Add => "Add",
            Self::Apply => "Apply",
            Self::Back => "Back",
            Self::Remove => "Remove",
            Self::Archive => "Archive",
            Self::Create => "Create",
            Self::Cancel => "Cancel",
            Self::Ok => "OK",
        }
    }
}

/// The button `delta` places from `current` in `row`, wrapping around.
pub fn step_button(row: &[Button], current: Button, delta: isize) -> Button {
    let Some(at) = row.iter().position(|b| *b == current) else {
        return row.first().copied().unwrap_or(current);
    };
    let n = row.len() as isize;
    row[(at as isize + delta).rem_euclid(n) as usize]
}

/// What a key did to a confirmation's row of buttons, where every button but the one that
/// confirms closes the dialog (Cancel, Back, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKey {
    /// The focus moved along the row.
    Moved,
    /// Enter on the confirming button.
    Confirm,
    /// Enter on any other button, or the cancel key.
    Close,
    /// Not a key of the row: the dialog's own.
    Other,
}

/// Moves `focus` along `row` for the button keys, and says what Enter or the cancel key meant;
/// a confirmation then only decides what confirming does.
pub fn row_key(action: Action, row: &[Button], focus: &mut Button, confirm: Button) -> RowKey {
    match action {
        Action::NextButton => *focus = step_button(row, *focus, 1),
        Action::PreviousButton => *focus = step_button(row, *focus, -1),
        Action::Press if *focus == confirm => return RowKey::Confirm,
        Action::Press | Action::Cancel => return RowKey::Close,
        _ => return RowKey::Other,
    }
    RowKey::Moved
}

/// What Enter on a closing button says instead of closing, once the admin has typed or chosen
/// something there: how to reach `button`, and that the cancel key closes `without` it. The
/// dialog opens on Cancel, and that Enter must not throw the work away without a word.
pub fn not_closed_yet(app: &App, button: &str, without: &str) -> Next {
    let next = app
        .keymap
        .describe_keys(Context::Dialog, Action::NextButton);
    let cancel = app.keymap.describe_keys(Context::Dialog, Action::Cancel);
    Next::Say(
        FlashLevel::Info,
        // Short enough for an 80-column status line: a cut message cannot be read whole while
        // the dialog holds the keys.
        format!("{next} reaches {button}; {cancel} closes without {without}"),
    )
}

pub use crate::tui::widgets::dialog::ConfirmRow;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buttons_wrap_around() {
        let row = [Button::Cancel, Button::Archive];
        assert_eq!(step_button(&row, Button::Cancel, 1), Button::Archive);
        assert_eq!(step_button(&row, Button::Archive, 1), Button::Cancel);
        assert_eq!(step_button(&row, Button::Cancel, -1), Button::Archive);
    }

    #[test]
    fn enter_confirms_only_on_the_confirming_button() {
        let row = [Button::Cancel, Button::Apply];
        let mut focus = Button::Cancel;
        let key = |action, focus: &mut Button| row_key(action, &row, focus, Button::Apply);
        assert_eq!(key(Action::Press, &mut focus), RowKey::Close);
        assert_eq!(key(Action::NextButton, &mut focus), RowKey::Moved);
        assert_eq!(focus, Button::Apply);
        assert_eq!(key(Action::Press, &mut focus), RowKey::Confirm);
        assert_eq!(key(Action::Cancel, &mut focus), RowKey::Close);
        assert_eq!(key(Action::Up, &mut focus), RowKey::Other);
    }
}
