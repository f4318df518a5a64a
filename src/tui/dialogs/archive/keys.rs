//! The archive confirmation's keys: the name typed, the buttons, and Archive only once the
//! name matches.

use crossterm::event::KeyEvent;

use crate::actions::Request;
use crate::tui::keymap::Action;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::text_input;

use super::super::{Button, Next, RowKey, not_closed_yet, row_key};
use super::{ArchiveDialog, BUTTONS};

impl ArchiveDialog {
    pub(super) fn type_key(&mut self, key: KeyEvent) {
        if text_input::feed(&mut self.typed, &key) == Some(true) {
            self.submission.error = None;
        }
    }

    pub(super) fn key(&mut self, action: Action, app: &App) -> Next {
        match row_key(action, &BUTTONS, &mut self.focus, Button::Archive) {
            RowKey::Confirm if !self.confirmed() => {
                let name = &self.name;
                Next::Say(
                    FlashLevel::Error,
                    format!("Not archived: type \"{name}\" to confirm"),
                )
            }
            RowKey::Confirm => Next::Send(Request::ArchiveWorkspace {
                workspace: self.workspace,
            }),
            // Enter right after typing the name lands on Cancel, where the dialog opens: it
            // must not throw the typing away without a word.
            RowKey::Close if action == Action::Press && !self.typed.value().is_empty() => {
                not_closed_yet(app, "Archive", "archiving")
            }
            RowKey::Close => Next::Close,
            RowKey::Moved | RowKey::Other => Next::Stay,
        }
    }
}
