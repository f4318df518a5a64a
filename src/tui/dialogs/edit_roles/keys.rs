//! The role editor's keys: ticking roles, then the preview with Cancel, Back and Apply (it
//! opens on Cancel).

use crate::actions::Request;
use crate::tui::call::Call;
use crate::tui::keymap::Action;
use crate::tui::state::{App, FlashLevel};

use super::super::review::{Reviewed, review_key};
use super::super::{Button, Next};
use super::EditRoles;

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
            Action::Review => return self.preview(),
            Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    /// Opens the preview. A refusal stays in the dialog, next to the roles, until the user
    /// changes a tick; groups that could not be read are read again for it.
    fn preview(&mut self) -> Next {
        if self.review().is_ok() && self.groups.retry() {
            return Next::Read(Call::GroupAccess);
        }
        Next::Stay
    }

    pub(super) fn review_key(&mut self, action: Action, focus: Button, app: &App) -> Next {
        match review_key(action, focus, &mut self.stage, &mut self.submission, app) {
            Reviewed::Apply => match self.request() {
                Ok(members) => Next::Send(Request::SetMemberRoles {
                    workspace: self.workspace,
                    members,
                }),
                Err(reason) => Next::Say(FlashLevel::Error, format!("Nothing changed: {reason}")),
            },
            Reviewed::Stay => Next::Stay,
            Reviewed::Said(next) => next,
            Reviewed::Close => Next::Close,
        }
    }
}
