//! The new-key form's keys: moving between fields, finding the workspace and owner by what is
//! typed, and Create, which plans the key through the shared action first.

use tui_input::Input as TextInput;

use crate::actions::keys::{NewKey, create};
use crate::actions::{ActionError, Request};
use crate::tui::fuzzy::Query;
use crate::tui::keymap::Action;
use crate::tui::routing::Input;
use crate::tui::update::text_input;

use super::super::Next;
use super::{KeyField, NewKeyForm};

impl NewKeyForm {
    pub(super) fn key(&mut self, input: Input) -> Next {
        let action = match input {
            Input::Typed(key) => {
                if let Some(field) = self.text_field()
                    && text_input::feed(field, &key) == Some(true)
                {
                    self.typed();
                }
                return Next::Stay;
            }
            Input::Action(action) => action,
        };
        match action {
            Action::NextField => self.move_focus(1),
            Action::PreviousField => self.move_focus(-1),
            Action::Toggle | Action::Choose if self.focus == KeyField::Workspace => {
                self.step_workspace()
            }
            Action::Toggle | Action::Choose if self.focus == KeyField::Owner => self.step_owner(),
            // Buttons take enter only: space steps a choice, never creates a key.
            Action::Choose if self.focus == KeyField::Create => return self.submit(),
            Action::Choose if self.focus == KeyField::Cancel => return Next::Close,
            Action::Submit => return self.submit(),
            Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    fn move_focus(&mut self, delta: isize) {
        let order = KeyField::ORDER;
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        self.focus = order[(at + delta).rem_euclid(order.len() as isize) as usize];
    }

    /// The field typed keys go to: the focused text field, or the focused choice's search.
    pub(super) fn text_field(&mut self) -> Option<&mut TextInput> {
        match self.focus {
            KeyField::Workspace => Some(&mut self.workspace_query),
            KeyField::Owner => Some(&mut self.owner_query),
            KeyField::Name => Some(&mut self.name),
            KeyField::Expires => Some(&mut self.expires),
            KeyField::Cancel | KeyField::Create => None,
        }
    }

    /// Something was typed: a choice takes its best match; a problem with the field goes.
    pub(super) fn typed(&mut self) {
        if self.problem.as_ref().is_some_and(|(f, _)| *f == self.focus) {
            self.problem = None;
        }
        match self.focus {
            KeyField::Workspace => {
                let query = Query::new(self.workspace_query.value());
                let best = self
                    .workspaces()
                    .iter()
                    .filter_map(|w| query.score(&w.name).map(|m| (m.score, w.uuid)))
                    .max_by_key(|(score, _)| *score)
                    .map(|(_, id)| id);
                if let Some(id) = best {
                    self.choose_workspace(id);
                }
            }
            KeyField::Owner => {
                let query = Query::new(self.owner_query.value());
                let best = self
                    .owners()
                    .iter()
                    .filter_map(|m| {
                        query
                            .score(&Self::owner_text(m))
                            .map(|found| (found.score, m.uuid))
                    })
                    .max_by_key(|(score, _)| *score)
                    .map(|(_, id)| id);
                if best.is_some() {
                    self.owner = best;
                }
            }
            _ => {}
        }
    }

    fn choose_workspace(&mut self, id: uuid::Uuid) {
        if self.workspace == Some(id) {
            return;
        }
        self.workspace = Some(id);
        // The owner must be a member of the new workspace: keep them if they are.
        let owners: Vec<uuid::Uuid> = self.owners().iter().map(|m| m.uuid).collect();
        if !self.owner.is_some_and(|o| owners.contains(&o)) {
            self.owner = owners.first().copied();
        }
    }

    fn step_workspace(&mut self) {
        let ids: Vec<uuid::Uuid> = self.workspaces().iter().map(|w| w.uuid).collect();
        if let Some(next) = step(&ids, self.workspace) {
            self.workspace_query = TextInput::default();
            self.choose_workspace(next);
        }
    }

    fn step_owner(&mut self) {
        let ids: Vec<uuid::Uuid> = self.owners().iter().map(|m| m.uuid).collect();
        if let Some(next) = step(&ids, self.owner) {
            self.owner_query = TextInput::default();
            self.owner = Some(next);
        }
    }

    fn submit(&mut self) -> Next {
        let expiration = match self.expiry() {
            Ok(day) => day,
            Err(problem) => return self.refuse(KeyField::Expires, problem),
        };
        let (Some(workspace), Some(owner)) = (self.chosen_workspace(), self.chosen_owner()) else {
            return self.refuse(
                KeyField::Owner,
                "Choose a workspace with at least one member, and its member who owns the key"
                    .into(),
            );
        };
        let name = self.name.value().trim().to_owned();
        let new = NewKey {
            name: (!name.is_empty()).then_some(name),
            expiration,
        };
        match create(workspace, owner, &new, &self.book.directory, self.today) {
            Ok(plan) => match plan.steps.first().map(|s| s.request.clone()) {
                Some(request @ Request::CreateApiKey { .. }) => {
                    self.asked_expiry = expiration;
                    self.problem = None;
                    Next::Send(request)
                }
                _ => Next::Stay,
            },
            Err(ActionError::Invalid { field, message }) => {
                let at = match field.as_str() {
                    "name" => KeyField::Name,
                    "expiration" => KeyField::Expires,
                    _ => KeyField::Owner,
                };
                self.refuse(at, message)
            }
            Err(other) => self.refuse(KeyField::Owner, other.to_string()),
        }
    }

    fn refuse(&mut self, field: KeyField, problem: String) -> Next {
        self.problem = Some((field, problem));
        self.focus = field;
        Next::Stay
    }
}

/// The id after `current` in `ids`, wrapping around.
fn step(ids: &[uuid::Uuid], current: Option<uuid::Uuid>) -> Option<uuid::Uuid> {
    if ids.is_empty() {
        return None;
    }
    let at = current.and_then(|c| ids.iter().position(|i| *i == c));
    Some(ids[at.map_or(0, |a| (a + 1) % ids.len())])
}
