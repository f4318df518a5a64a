//! The archive confirmation: what archiving takes away, and a button that works only once the
//! workspace's name is typed. It opens with Cancel focused. Its keys are in `keys`, its
//! drawing in `view`, what archiving does to the panes in `outcome`.

mod keys;
mod outcome;
mod view;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use tui_input::Input as TextInput;
use uuid::Uuid;

use crate::actions::KeyCount;
use crate::actions::{self, ActionError};
use crate::domain::text::fold;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;

use super::notice::Notice;
use super::{Answered, Button, Canvas, Dialog, Next, Opened, Submission};

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Archive];

#[derive(Debug, Clone)]
pub struct ArchiveDialog {
    pub workspace: Uuid,
    pub name: String,
    /// Members who lose access, when known.
    pub members: Option<usize>,
    /// The workspace's API keys (those that stop working, those already expired), when known.
    pub keys: Option<KeyCount>,
    pub typed: TextInput,
    pub focus: Button,
    pub submission: Submission,
}

impl ArchiveDialog {
    pub fn new(
        workspace: Uuid,
        name: &str,
        members: Option<usize>,
        keys: Option<KeyCount>,
    ) -> Self {
        Self {
            workspace,
            name: name.to_owned(),
            members,
            keys,
            typed: TextInput::default(),
            focus: Button::Cancel,
            submission: Submission::default(),
        }
    }

    /// The typed text is the workspace's name, read as the uniqueness rule reads names (case
    /// and accents aside), with dashes and spaces folded too: "Marketing - Q3 Launch" confirms
    /// "Marketing — Q3 Launch" without an em dash to type. Every word must be there, so a near
    /// miss ("Data" for "Data Platform") confirms nothing.
    pub fn confirmed(&self) -> bool {
        let typed = loose(self.typed.value());
        !typed.is_empty() && typed == loose(&self.name)
    }
}

/// Opens the confirmation for `workspace` (the list's cursor or the open one), or says why
/// it does not open; the default workspace gets a notice, since the reason is long.
pub fn open(app: &App, workspace: Option<Uuid>) -> Opened {
    let org = app.org();
    let Some(found) = workspace.and_then(|id| org.find_workspace(id)) else {
        return Err((FlashLevel::Info, "Move to a workspace first".into()));
    };
    let ws = found.workspace;
    if found.archived {
        return Err((
            FlashLevel::Info,
            format!("\"{}\" is already archived", ws.name),
        ));
    }
    let members = org
        .people
        .get()
        .map(|p| p.count_in(ws.uuid))
        .or_else(|| ws.members_count.and_then(|n| usize::try_from(n).ok()));
    // Expired keys already fail: they are not among those that "stop working".
    let keys = org.key_count(ws.uuid, app.today);
    // The shared action decides what may be archived (not the default workspace).
    match actions::archive::archive(ws, members, keys) {
        Ok(_) => Ok(Box::new(ArchiveDialog::new(
            ws.uuid, &ws.name, members, keys,
        ))),
        Err(ActionError::Refused(reason)) => Ok(Box::new(Notice::new("Cannot archive", reason))),
        Err(other) => Err((FlashLevel::Error, other.to_string())),
    }
}

impl Dialog for ArchiveDialog {
    fn focus_cancel(&mut self) {
        self.focus = Button::Cancel;
    }

    fn name(&self) -> &'static str {
        "archive"
    }

    /// The name field takes its editing keys first (the arrows move within it), so only tab,
    /// enter and esc reach the buttons.
    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Text, Layer::Keys(Context::Dialog)]
    }

    fn action(&mut self, action: Action, app: &App) -> Next {
        self.key(action, app)
    }

    fn typed(&mut self, key: KeyEvent) {
        self.type_key(key);
    }

    fn paste(&mut self, text: &str) {
        crate::tui::update::text_input::paste(&mut self.typed, text);
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        outcome::archived(app, self, answer)
    }
}

/// A name folded for the confirmation: case and accents as the uniqueness rule folds them,
/// then every run of dashes and spaces as one space.
fn loose(name: &str) -> String {
    let is_dash = |c: char| {
        matches!(
            c,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
        )
    };
    fold(name)
        .split(|c: char| c.is_whitespace() || is_dash(c))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
