//! The new-workspace dialog: name, description, icon, its admin (chosen in a picker over the
//! form, among the organization's members) and whether every member joins, checked as the
//! admin types. Its keys are in `keys`, its drawing in `view`, what creating does to the
//! panes in `outcome`.

mod admin_picker;
mod keys;
mod outcome;
mod view;

use std::collections::BTreeMap;

use ratatui::Frame;
use tui_input::Input as TextInput;
use uuid::Uuid;

use crate::actions::workspaces::icon_problem;
use crate::api::AdminWorkspaceIn;
use crate::domain::validation;
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Input, Layer};
use crate::tui::state::{App, ErrorKind, RemoteError};
use crate::tui::theme::Theme;

use super::picker::Search;
use super::{Answered, Button, Canvas, Dialog, Next, Submission};
pub use admin_picker::AdminPicker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CreateField {
    Name,
    Description,
    Icon,
    Admin,
    AddAll,
    Create,
    Cancel,
}

impl CreateField {
    pub const ALL: [CreateField; 7] = [
        Self::Name,
        Self::Description,
        Self::Icon,
        Self::Admin,
        Self::AddAll,
        Self::Create,
        Self::Cancel,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Description => "Description",
            Self::Icon => "Icon",
            Self::Admin => "Admin",
            Self::AddAll => "Add all members",
            Self::Create => Button::Create.label(),
            Self::Cancel => Button::Cancel.label(),
        }
    }

    pub fn is_text(self) -> bool {
        matches!(self, Self::Name | Self::Description | Self::Icon)
    }

    /// The field a 422 `loc` path names.
    pub fn from_path(path: &str) -> Option<Self> {
        match path.rsplit('.').next()? {
            "name" => Some(Self::Name),
            "description" => Some(Self::Description),
            "icon" => Some(Self::Icon),
            "admin_user_id" => Some(Self::Admin),
            "add_all_org_members" => Some(Self::AddAll),
            _ => None,
        }
    }

    pub fn step(self, delta: isize) -> Self {
        let i = Self::ALL.iter().position(|f| *f == self).unwrap_or(0) as isize;
        Self::ALL[(i + delta).rem_euclid(Self::ALL.len() as isize) as usize]
    }
}

#[derive(Debug, Clone)]
pub struct CreateWorkspace {
    pub name: TextInput,
    pub description: TextInput,
    pub icon: TextInput,
    /// `(user, "name <email>")` of the chosen admin.
    pub admin: Option<(Uuid, String)>,
    pub add_all: bool,
    pub focus: CreateField,
    pub server_errors: BTreeMap<CreateField, String>,
    /// A problem to show once the user tried to create with it (a blank name is not an
    /// error while the form is still empty).
    pub tried: bool,
    pub submission: Submission,
    /// The admin picker, while it is open over the form.
    pub admin_picker: Option<AdminPicker>,
}

impl Default for CreateWorkspace {
    fn default() -> Self {
        Self {
            name: TextInput::default(),
            description: TextInput::default(),
            icon: TextInput::default(),
            admin: None,
            add_all: false,
            focus: CreateField::Name,
            server_errors: BTreeMap::new(),
            tried: false,
            submission: Submission::default(),
            admin_picker: None,
        }
    }
}

impl Dialog for CreateWorkspace {
    fn name(&self) -> &'static str {
        if self.admin_picker.is_some() {
            "admin picker"
        } else {
            "new workspace"
        }
    }

    fn layers(&self) -> Vec<Layer> {
        if self.admin_picker.is_some() {
            return Search::layers();
        }
        vec![
            Layer::Keys(crate::tui::keymap::Context::Create),
            Layer::Text,
        ]
    }

    /// Space is a character in a text field: there it goes to the field, not to the form.
    fn offers(&self, action: Action) -> bool {
        self.admin_picker.is_some() || !(action == Action::Toggle && self.focus.is_text())
    }

    fn act(&mut self, input: Input, app: &App) -> Next {
        match self.admin_picker.as_mut() {
            Some(picker) => {
                let chosen = picker.act(input, app);
                self.take_admin(chosen)
            }
            None => self.form_key(input, app),
        }
    }

    fn paste(&mut self, text: &str) {
        self.paste_text(text);
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        let form = view::render(frame, canvas.screen, app, self, theme);
        match &self.admin_picker {
            Some(picker) => picker.render(frame, canvas.screen, app, theme),
            None => form,
        }
    }

    submission_in_field!();

    fn refused(&mut self, error: RemoteError) {
        self.refuse(error);
    }

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        outcome::created(app, self, answer)
    }
}

impl CreateWorkspace {
    pub fn input_mut(&mut self, field: CreateField) -> Option<&mut TextInput> {
        match field {
            CreateField::Name => Some(&mut self.name),
            CreateField::Description => Some(&mut self.description),
            CreateField::Icon => Some(&mut self.icon),
            _ => None,
        }
    }

    pub fn input(&self, field: CreateField) -> Option<&TextInput> {
        match field {
            CreateField::Name => Some(&self.name),
            CreateField::Description => Some(&self.description),
            CreateField::Icon => Some(&self.icon),
            _ => None,
        }
    }

    /// What is wrong with the values now. Missing values count only once the user tried to
    /// create, or typed into the field, so an empty form does not open covered in errors.
    pub fn problems(&self) -> BTreeMap<CreateField, String> {
        let mut problems = BTreeMap::new();
        let name = self.name.value();
        if (self.tried || !name.is_empty())
            && let Err(p) = validation::workspace_name(name)
        {
            problems.insert(CreateField::Name, p.message);
        }
        if let Err(p) = validation::workspace_description(self.description.value()) {
            problems.insert(CreateField::Description, p.message);
        }
        if let Some(message) = icon_problem(self.icon.value()) {
            problems.insert(CreateField::Icon, message);
        }
        if self.tried && self.admin.is_none() {
            problems.insert(
                CreateField::Admin,
                "Choose who administers the workspace".into(),
            );
        }
        problems
    }

    /// The message under a field: a local problem first, else the server's word.
    pub fn message(&self, field: CreateField) -> Option<String> {
        self.problems()
            .remove(&field)
            .or_else(|| self.server_errors.get(&field).cloned())
    }

    /// The creation body, or why there is none yet (the fields then show what is wrong).
    pub fn request(&mut self) -> Result<AdminWorkspaceIn, String> {
        self.tried = true;
        if !self.problems().is_empty() {
            return Err("fix the fields marked with ! first".into());
        }
        let Some((admin, _)) = &self.admin else {
            return Err("choose an admin first".into());
        };
        Ok(AdminWorkspaceIn {
            name: self.name.value().to_owned(),
            description: self.description.value().to_owned(),
            icon: self.icon.value().to_owned(),
            add_all_org_members: self.add_all,
            admin_user_id: *admin,
        })
    }

    /// The server refused: keep everything typed and put its words at the fields.
    pub fn refuse(&mut self, error: RemoteError) {
        self.server_errors.clear();
        for (path, message) in &error.fields {
            if let Some(field) = CreateField::from_path(path) {
                self.server_errors.insert(field, message.clone());
            }
        }
        // The name rule (unique among active workspaces) and the 500 cap come back as 409.
        if error.kind == ErrorKind::Conflict && error.fields.is_empty() {
            self.server_errors
                .insert(CreateField::Name, error.message.clone());
        }
        self.submission.fail(error);
    }
}

#[cfg(test)]
mod tests;
