//! The role editor's keys: ticking roles, then the preview with Apply, Back and Cancel.

use crate::actions::Request;
use crate::tui::keymap::Action;
use crate::tui::state::FlashLevel;

use super::super::{Button, Next, step_button};
use super::{EditRoles, REVIEW_BUTTONS, Stage};

impl EditRoles {
    pub(super) fn choose_key(&mut self, action: Action) -> Next {
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => {
                self.cursor = (self.cursor + 1).min(self.choices.len().saturating_sub(1))
            }
            Action::Toggle => {
                let at = self.cursor;
                self.toggle(at);
            }
            // A refusal stays in the dialog, next to the roles, until the user changes a tick.
            Action::Review => {
                let _ = self.review();
            }
            Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    pub(super) fn review_key(&mut self, action: Action, focus: Button) -> Next {
        let pressed = match action {
            Action::NextButton => {
                self.stage = Stage::Review(step_button(&REVIEW_BUTTONS, focus, 1));
                return Next::Stay;
            }
            Action::PreviousButton => {
                self.stage = Stage::Review(step_button(&REVIEW_BUTTONS, focus, -1));
                return Next::Stay;
            }
            Action::Press => focus,
            Action::Cancel => Button::Cancel,
            _ => return Next::Stay,
        };
        match pressed {
            Button::Apply => match self.request() {
                Ok(members) => Next::Send(Request::SetMemberRoles {
                    workspace: self.workspace,
                    members,
                }),
                Err(reason) => Next::Say(FlashLevel::Error, format!("Nothing changed: {reason}")),
            },
            Button::Back => {
                self.stage = Stage::Choose;
                self.submission.error = None;
                Next::Stay
            }
            _ => Next::Close,
        }
    }
}
