//! A new group, or a group's name and description: two text fields checked by the shared
//! action layer when the admin sends (a blank or taken name is said next to the name and
//! what was typed stays). A group owned by the identity provider shows its name locked, with
//! why; its description stays editable. Drawing in `view`.

mod view;

use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use tui_input::Input as TextInput;
use uuid::Uuid;

use crate::actions::{ActionError, Plan, groups};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::update::text_input;
use crate::tui::views::groups::Groups;

use super::{Answered, Canvas, Dialog, Next, Submission};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Description,
}

#[derive(Debug, Clone)]
pub struct GroupForm {
    /// The group edited; `None` for a new one.
    pub editing: Option<Uuid>,
    pub groups: Arc<Groups>,
    pub name: TextInput,
    pub description: TextInput,
    pub focus: Field,
    /// The identity provider owns the name: it is shown, not edited.
    pub name_locked: bool,
    /// What the action layer said of a field, shown next to it.
    pub field_error: Option<(Field, String)>,
    pub plan: Option<Plan>,
    pub submission: Submission,
}

impl GroupForm {
    pub fn create(groups: Arc<Groups>) -> Self {
        Self {
            editing: None,
            groups,
            name: TextInput::default(),
            description: TextInput::default(),
            focus: Field::Name,
            name_locked: false,
            field_error: None,
            plan: None,
            submission: Submission::default(),
        }
    }

    pub fn edit(groups: Arc<Groups>, group: Uuid) -> Option<Self> {
        let entry = groups.get(group)?;
        let locked = entry.from_provider();
        let name = TextInput::new(entry.group.name.clone());
        let description = TextInput::new(entry.group.description.clone().unwrap_or_default());
        Some(Self {
            editing: Some(group),
            name,
            description,
            focus: if locked {
                Field::Description
            } else {
                Field::Name
            },
            name_locked: locked,
            field_error: None,
            plan: None,
            submission: Submission::default(),
            groups,
        })
    }

    fn field_mut(&mut self) -> &mut TextInput {
        match self.focus {
            Field::Name => &mut self.name,
            Field::Description => &mut self.description,
        }
    }

    /// The plan for what is typed, as the shared action layer checks it.
    pub fn make_plan(&self) -> Result<Plan, ActionError> {
        let all = self.groups.all();
        let description = self.description.value().trim();
        match self.editing.and_then(|id| self.groups.get(id)) {
            None => groups::create(
                self.name.value(),
                (!description.is_empty()).then_some(description),
                None,
                &[],
                &all,
            ),
            Some(entry) => {
                // An empty field over no description is no change.
                let stored = entry.group.description.as_deref().unwrap_or_default();
                groups::edit(
                    &entry.group,
                    (!self.name_locked).then(|| self.name.value()),
                    (description != stored).then_some(description),
                    None,
                    &all,
                )
            }
        }
    }

    fn submit(&mut self) -> Next {
        match self.make_plan() {
            Ok(plan) if plan.changes_nothing() => Next::Say(FlashLevel::Info, plan.summary),
            Ok(plan) => {
                let request = plan.requests().next().cloned();
                self.plan = Some(plan);
                self.field_error = None;
                request.map_or(Next::Stay, Next::Send)
            }
            Err(ActionError::Invalid { field, message }) if field == "name" => {
                self.field_error = Some((Field::Name, message));
                Next::Stay
            }
            Err(other) => {
                self.field_error = Some((Field::Name, other.to_string()));
                Next::Stay
            }
        }
    }
}

impl Dialog for GroupForm {
    fn name(&self) -> &'static str {
        "group form"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::GroupForm), Layer::Text]
    }

    fn typed(&mut self, key: KeyEvent) {
        if text_input::feed(self.field_mut(), &key) == Some(true) {
            self.field_error = None;
            self.submission.error = None;
        }
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        match action {
            Action::NextField | Action::PreviousField if !self.name_locked => {
                self.focus = match self.focus {
                    Field::Name => Field::Description,
                    Field::Description => Field::Name,
                };
                Next::Stay
            }
            Action::Done | Action::Save => self.submit(),
            Action::Cancel => Next::Close,
            _ => Next::Stay,
        }
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(self.field_mut(), text);
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        super::group_change::changed(app, self.plan.as_ref(), answer)
    }
}

#[cfg(test)]
mod tests;
