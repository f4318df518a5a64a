//! The archive confirmation's keys: the name typed, the buttons, and Archive only once the
//! name matches.

use crate::actions::Request;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Input;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::text_input;

use super::super::{Button, Next, step_button};
use super::{ArchiveDialog, BUTTONS};

impl ArchiveDialog {
    pub(super) fn key(&mut self, input: Input, app: &App) -> Next {
        let action = match input {
            Input::Typed(key) => {
                if text_input::feed(&mut self.typed, &key) == Some(true) {
                    self.submission.error = None;
                }
                return Next::Stay;
            }
            Input::Action(action) => action,
        };
        match action {
            Action::NextButton => self.focus = step_button(&BUTTONS, self.focus, 1),
            Action::PreviousButton => self.focus = step_button(&BUTTONS, self.focus, -1),
            Action::Press if self.focus == Button::Archive => {
                if !self.confirmed() {
                    let name = &self.name;
                    return Next::Say(
                        FlashLevel::Error,
                        format!("Not archived: type \"{name}\" to confirm"),
                    );
                }
                return Next::Send(Request::ArchiveWorkspace {
                    workspace: self.workspace,
                });
            }
            // Enter right after typing the name lands on Cancel, where the dialog opens: it
            // must not throw the typing away without a word.
            Action::Press if !self.typed.value().is_empty() => {
                let next = app
                    .keymap
                    .describe_keys(Context::Dialog, Action::NextButton);
                let cancel = app.keymap.describe_keys(Context::Dialog, Action::Cancel);
                return Next::Say(
                    FlashLevel::Info,
                    format!(
                        "{next} moves to the Archive button; {cancel} closes without archiving"
                    ),
                );
            }
            Action::Press | Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
    }
}
