//! The new-key form: the workspace (an active one), the owner (one of its members), a name
//! and an optional last day. The workspace and owner are picked by typing part of a name (the
//! best match is taken) or stepping with space. The shared action checks everything the
//! server would; a problem is shown next to its field and nothing typed is lost. The key
//! the server sends back is shown once, in its own dialog.

mod keys;
mod view;

use ratatui::Frame;
use time::Date;
use tui_input::Input as TextInput;
use uuid::Uuid;

use crate::actions::key_list::{KeyBook, shortened};
use crate::actions::{Reply, resolve};
use crate::api::{AdminOrganizationMemberOut, WorkspaceOut};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::update::{flash, requests};

use super::key_shown::KeyShown;
use super::{Answered, Canvas, Dialog, Next, Submission};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyField {
    Workspace,
    Owner,
    Name,
    Expires,
    Cancel,
    Create,
}

impl KeyField {
    pub const ORDER: [KeyField; 6] = [
        Self::Workspace,
        Self::Owner,
        Self::Name,
        Self::Expires,
        Self::Cancel,
        Self::Create,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Workspace => "Workspace",
            Self::Owner => "Owner",
            Self::Name => "Name",
            Self::Expires => "Last day",
            Self::Cancel => "Cancel",
            Self::Create => "Create",
        }
    }

    fn is_choice(self) -> bool {
        matches!(self, Self::Workspace | Self::Owner)
    }

    fn is_button(self) -> bool {
        matches!(self, Self::Cancel | Self::Create)
    }
}

#[derive(Debug, Clone)]
pub struct NewKeyForm {
    pub book: KeyBook,
    pub today: Date,
    pub focus: KeyField,
    pub workspace: Option<Uuid>,
    pub owner: Option<Uuid>,
    /// What was typed to find the workspace and the owner.
    pub workspace_query: TextInput,
    pub owner_query: TextInput,
    pub name: TextInput,
    pub expires: TextInput,
    /// A problem with what was typed, and the field it belongs to.
    pub problem: Option<(KeyField, String)>,
    /// The last day asked for, kept to tell whether the server shortened it.
    pub asked_expiry: Option<Date>,
    pub submission: Submission,
}

impl NewKeyForm {
    pub fn new(book: &KeyBook, today: Date) -> Self {
        let mut form = Self {
            book: book.clone(),
            today,
            focus: KeyField::Workspace,
            workspace: None,
            owner: None,
            workspace_query: TextInput::default(),
            owner_query: TextInput::default(),
            name: TextInput::default(),
            expires: TextInput::default(),
            problem: None,
            asked_expiry: None,
            submission: Submission::default(),
        };
        form.workspace = form.workspaces().first().map(|w| w.uuid);
        form.owner = form.owners().first().map(|m| m.uuid);
        form
    }

    /// The active workspaces, default first as the server lists them.
    pub fn workspaces(&self) -> Vec<&WorkspaceOut> {
        self.book.active_workspaces()
    }

    /// The members of the chosen workspace.
    pub fn owners(&self) -> Vec<&AdminOrganizationMemberOut> {
        self.workspace
            .map(|w| {
                self.book
                    .directory
                    .workspace_members(w)
                    .into_iter()
                    .map(|m| m.user)
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn chosen_workspace(&self) -> Option<&WorkspaceOut> {
        let id = self.workspace?;
        self.workspaces().into_iter().find(|w| w.uuid == id)
    }

    pub fn chosen_owner(&self) -> Option<&AdminOrganizationMemberOut> {
        let id = self.owner?;
        self.owners().into_iter().find(|m| m.uuid == id)
    }

    pub fn owner_text(member: &AdminOrganizationMemberOut) -> String {
        resolve::person_label(member)
    }

    /// The last day as typed: a date, a number of days from today, or nothing (never).
    pub fn expiry(&self) -> Result<Option<Date>, String> {
        let text = self.expires.value().trim();
        if text.is_empty() {
            return Ok(None);
        }
        if let Ok(days) = text.parse::<i64>() {
            return Ok(Some(self.today + time::Duration::days(days)));
        }
        crate::api::datetime::parse_date(text)
            .map(Some)
            .ok_or_else(|| format!("\"{text}\" is not a date (YYYY-MM-DD) or a number of days"))
    }
}

impl Dialog for NewKeyForm {
    fn name(&self) -> &'static str {
        "new API key"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::KeyForm), Layer::Text]
    }

    /// Space is a character in the name: there it goes to the field, not to the form; on a
    /// button it does nothing (enter presses it).
    fn offers(&self, action: Action) -> bool {
        match action {
            Action::Toggle => matches!(self.focus, KeyField::Workspace | KeyField::Owner),
            Action::Choose => !matches!(self.focus, KeyField::Name | KeyField::Expires),
            _ => true,
        }
    }

    fn act(&mut self, input: Input, _app: &App) -> Next {
        self.key(input)
    }

    fn paste(&mut self, text: &str) {
        if let Some(field) = self.text_field() {
            crate::tui::update::text_input::paste(field, text);
            self.typed();
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        let Some(Reply::KeyCreated(key)) = answer.replies.first() else {
            return crate::tui::views::control::reload(app);
        };
        let note = shortened(self.asked_expiry, key.expiration_date);
        let name = key.name.clone().unwrap_or_else(|| "(unnamed)".into());
        let mut effects = vec![flash::show(
            app,
            FlashLevel::Success,
            format!("Created API key \"{name}\""),
        )];
        app.dialogs
            .push(Box::new(KeyShown::new((**key).clone(), note)));
        effects.extend(crate::tui::views::control::reload(app));
        effects.extend(requests::reload_keys(app, answer.profile));
        effects
    }
}
