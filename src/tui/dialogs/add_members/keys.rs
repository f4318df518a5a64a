//! The Add Members dialog's keys: moving, selecting, searching, choosing the role, adding.

use crate::actions::Request;
use crate::tui::keymap::Action;
use crate::tui::routing::Input;
use crate::tui::state::FlashLevel;
use crate::tui::update::keys::moves::rows_moved;
use crate::tui::update::text_input;

use super::super::Next;
use super::{AddMembers, Column};

/// Rows a page key moves by in the dialog's list.
const PAGE: isize = 10;

impl AddMembers {
    pub(super) fn key(&mut self, input: Input) -> Next {
        if self.search.typing {
            self.search_key(input);
            return Next::Stay;
        }
        let Input::Action(action) = input else {
            return Next::Stay;
        };
        if let Some(rows) = rows_moved(action, PAGE) {
            self.step(rows);
            return Next::Stay;
        }
        match action {
            Action::Mark if self.column == Column::People => {
                let ids = self.shown_ids();
                if let Some(id) = self.cursor.current(&ids) {
                    self.toggle(id);
                    self.cursor.step(&ids, 1);
                }
            }
            Action::MarkAll => self.toggle_all_shown(),
            Action::Search => {
                self.column = Column::People;
                self.search.start();
            }
            Action::SwitchColumn => {
                self.column = match self.column {
                    Column::People => Column::Role,
                    Column::Role => Column::People,
                };
            }
            Action::Submit => return self.submit(),
            // As in the panes' lists, esc clears a search before it closes anything; the
            // selection is kept.
            Action::Cancel if self.search.is_active() => {
                self.search.clear();
                self.refilter();
            }
            Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    fn step(&mut self, delta: isize) {
        match self.column {
            Column::People => {
                let ids = self.shown_ids();
                self.cursor.step(&ids, delta);
            }
            Column::Role => {
                let last = self.roles.len().saturating_sub(1);
                self.role = self.role.saturating_add_signed(delta).min(last);
            }
        }
    }

    /// Keys while the search is typed: as in the panes' filters, enter keeps it, esc clears it
    /// and the arrows still move through the people shown.
    fn search_key(&mut self, input: Input) {
        let ids = self.shown_ids();
        match input {
            Input::Action(Action::Done) => self.search.typing = false,
            Input::Action(Action::Clear) => {
                self.search.clear();
                self.refilter();
            }
            Input::Action(Action::Up) => self.cursor.step(&ids, -1),
            Input::Action(Action::Down) => self.cursor.step(&ids, 1),
            Input::Action(_) => {}
            Input::Typed(key) => {
                if text_input::feed(&mut self.search.input, &key) == Some(true) {
                    self.refilter();
                }
            }
        }
    }

    fn submit(&self) -> Next {
        match self.request() {
            Ok(members) => Next::Send(Request::AddMembers {
                workspace: self.workspace,
                members,
            }),
            Err(reason) => Next::Say(FlashLevel::Error, format!("Nothing added: {reason}")),
        }
    }
}
