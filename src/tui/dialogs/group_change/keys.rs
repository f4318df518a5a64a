//! The group change's keys: moving and ticking in the lists, going on to the roles or the
//! review, the buttons of the review (Cancel first), and the name typed before a deletion.

use crate::actions::Request;
use crate::tui::keymap::Action;
use crate::tui::routing::Input;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::text_input;

use super::super::{Button, Next, step_button};
use super::{GroupChange, Item, Kind, PickList, Stage, review_buttons};

/// Entries a page key moves by: the rows a list shows.
const PAGE: usize = 8;

impl GroupChange {
    pub(super) fn key(&mut self, input: Input, app: &App) -> Next {
        match self.stage {
            Stage::Targets | Stage::Roles => self.choosing(input),
            Stage::Review(focus) => self.reviewing(input, focus, app),
        }
    }

    pub(super) fn list(&self) -> &PickList {
        if self.stage == Stage::Roles {
            &self.roles
        } else {
            &self.targets
        }
    }

    /// Finds the entry `query` names; says so, keeping the cursor, when none matches.
    pub(super) fn typed_query(&mut self, query: &str) {
        self.problem =
            (!self.list_mut().find(query)).then(|| format!("Nothing matches \"{query}\""));
    }

    fn list_mut(&mut self) -> &mut PickList {
        if self.stage == Stage::Roles {
            &mut self.roles
        } else {
            &mut self.targets
        }
    }

    fn choosing(&mut self, input: Input) -> Next {
        let action = match input {
            Input::Typed(key) => {
                let mut field = tui_input::Input::new(self.list().query.clone());
                if text_input::feed(&mut field, &key) == Some(true) {
                    self.typed_query(field.value());
                }
                return Next::Stay;
            }
            Input::Action(action) => action,
        };
        let list = self.list_mut();
        let last = list.items.len().saturating_sub(1);
        match action {
            Action::Up => list.cursor = list.cursor.saturating_sub(1),
            Action::Down => list.cursor = (list.cursor + 1).min(last),
            Action::PageUp => list.cursor = list.cursor.saturating_sub(PAGE),
            Action::PageDown => list.cursor = (list.cursor + PAGE).min(last),
            Action::Toggle if list.multi => {
                if let Some(id) = list.items.get(list.cursor).map(|i| i.id)
                    && !list.ticked.remove(&id)
                {
                    list.ticked.insert(id);
                }
                // The next name typed is a new search, not the end of this one.
                list.query.clear();
                self.problem = None;
            }
            Action::Choose => self.go_on(),
            Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    /// From the targets to the roles (an assignment or a provisioning), else to the review.
    pub(super) fn go_on(&mut self) {
        if self.list_mut().chosen().is_empty() {
            self.problem = Some(if self.list_mut().multi {
                "Tick at least one (space)".into()
            } else {
                "Nothing to choose".into()
            });
            return;
        }
        let needs_roles = matches!(self.kind, Kind::Assign | Kind::Provision);
        if self.stage == Stage::Targets && needs_roles {
            self.roles = self.role_list();
            self.problem = None;
            self.stage = Stage::Roles;
            return;
        }
        self.review();
    }

    /// The roles to choose from: the catalog, ticked as the group's assignment there already
    /// grants (several may be ticked); a provisioning gives one built-in role.
    fn role_list(&self) -> PickList {
        let workspace = self.targets.chosen().first().map(|i| i.id);
        if self.kind == Kind::Provision {
            let items = crate::domain::WorkspaceRole::ALL
                .iter()
                .map(|r| Item::new(r.uuid(), r.name(), r.description()))
                .collect();
            return PickList::new(items, false);
        }
        let items: Vec<Item> = self
            .catalog
            .iter()
            .map(|r| Item::new(r.uuid, &r.name, &r.description))
            .collect();
        let mut list = PickList::new(items, true);
        let held = self.groups.get(self.group).and_then(|e| {
            e.assignments
                .iter()
                .find(|a| Some(a.workspace_uuid) == workspace)
        });
        if let Some(assignment) = held {
            for role in &assignment.roles {
                if let Some(item) = list.items.iter().find(|i| i.label == role.name) {
                    list.ticked.insert(item.id);
                }
            }
        }
        list
    }

    fn reviewing(&mut self, input: Input, focus: Button, app: &App) -> Next {
        let action = match input {
            Input::Typed(key) => {
                if self.kind == Kind::Delete
                    && text_input::feed(&mut self.typed, &key) == Some(true)
                {
                    self.submission.error = None;
                }
                return Next::Stay;
            }
            Input::Action(action) => action,
        };
        let buttons = review_buttons(self.has_choices());
        match action {
            Action::NextButton => self.stage = Stage::Review(step_button(buttons, focus, 1)),
            Action::PreviousButton => self.stage = Stage::Review(step_button(buttons, focus, -1)),
            Action::Press if focus == Button::Apply => return self.apply(),
            Action::Press if focus == Button::Back => {
                self.submission.error = None;
                self.stage = if matches!(self.kind, Kind::Assign | Kind::Provision) {
                    Stage::Roles
                } else {
                    Stage::Targets
                };
            }
            // Enter on Cancel must not throw away unsaid what was chosen (a group, a
            // workspace, roles, members) or the name typed before a deletion.
            Action::Press if self.has_choices() || !self.typed.value().is_empty() => {
                return self.not_closed_yet(app);
            }
            Action::Press | Action::Cancel => return Next::Close,
            other => {
                self.preview_list.scroll(other);
            }
        }
        Next::Stay
    }

    fn apply(&self) -> Next {
        if let Some(why) = self.preview_list.refusal() {
            return Next::Say(FlashLevel::Error, why);
        }
        if !self.confirmed() {
            let name = self.groups.name_of(self.group);
            return Next::Say(
                FlashLevel::Error,
                format!("Not deleted: type \"{name}\" to confirm"),
            );
        }
        match self.request() {
            Some(request) => Next::Send(Request::clone(request)),
            None => Next::Close,
        }
    }
}
