//! Offboarding one member: everything they lose (organization membership, each workspace
//! with its role) and the API keys they own, every line of it (scrolled inside the dialog
//! with the people view's arrows when longer than the screen, Offboard offered only once
//! every line was drawn), with the offer to delete those keys in the same run; their email
//! typed to confirm; Cancel in focus. The last admin is refused with the
//! reason, before anything can be sent. The run itself goes request by request in the view,
//! whose report says what was done and what was not.

mod view;

use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui::Frame;

use crate::actions::people::{owned_keys, remove};
use crate::actions::resolve::key_label;
use crate::actions::{ActionError, Plan};
use crate::api::AdminOrganizationMemberOut;
use crate::client::Directory;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::update::text_input;
use crate::tui::views::people::{Batch, Loaded, People};
use crate::tui::widgets::read_through::ReadThrough;

use super::person::member_under_cursor;
use super::{After, Canvas, Dialog, Next, Opened, not_closed_yet};

/// What has the focus: the buttons and, when they own keys, the keys box drawn above them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Cancel,
    DeleteKeys,
    Offboard,
}

#[derive(Debug, Clone)]
pub struct Offboard {
    pub person: AdminOrganizationMemberOut,
    pub email: String,
    /// `(workspace, roles)` they lose.
    pub workspaces: Vec<(String, String)>,
    /// Labels of the keys they own.
    pub keys: Vec<String>,
    pub delete_keys: bool,
    /// The plans with and without the keys, or why there is none (the last admin).
    pub plans: Result<(Plan, Plan), String>,
    pub typed: tui_input::Input,
    pub focus: Focus,
    /// What they lose and the keys they own, scrolled inside the dialog.
    pub list: ReadThrough,
}

/// Said when `O` is pressed on the invitations tab.
pub const NOT_FOR_AN_INVITATION: &str = "An invitation is revoked, not offboarded (X)";

/// Opens the dialog for the member under the cursor.
pub fn open(people: &People, loaded: &Loaded, _app: &App) -> Opened {
    let person = member_under_cursor(people, loaded, NOT_FOR_AN_INVITATION)?;
    Ok(Box::new(Offboard::new(person, loaded)))
}

fn plans(person: &AdminOrganizationMemberOut, loaded: &Loaded) -> Result<(Plan, Plan), String> {
    let directory: &Arc<Directory> = &loaded.directory;
    let owned = owned_keys(person, &loaded.keys, &loaded.owners);
    let plan = |delete| remove(person, directory, &owned, delete);
    match (plan(true), plan(false)) {
        (Ok(with), Ok(without)) => Ok((with, without)),
        (Err(ActionError::Refused(why)), _) | (_, Err(ActionError::Refused(why))) => Err(why),
        (Err(other), _) | (_, Err(other)) => Err(other.to_string()),
    }
}

impl Offboard {
    pub fn new(person: &AdminOrganizationMemberOut, loaded: &Loaded) -> Self {
        let catalog = loaded.directory.role_catalog();
        let workspaces = Directory::workspaces_of(catalog, person)
            .into_iter()
            .map(|(id, roles)| {
                let name = person
                    .workspaces
                    .iter()
                    .flatten()
                    .find(|w| w.uuid == id)
                    .map_or_else(|| id.to_string(), |w| w.name.clone());
                (name, roles.join(", "))
            })
            .collect();
        let keys = owned_keys(person, &loaded.keys, &loaded.owners)
            .into_iter()
            .map(|k| match &k.workspace_name {
                Some(place) => format!("{} in {place}", key_label(k)),
                None => key_label(k),
            })
            .collect();
        Self {
            email: person.email.clone().unwrap_or_default(),
            person: person.clone(),
            workspaces,
            keys,
            delete_keys: true,
            plans: plans(person, loaded),
            typed: tui_input::Input::default(),
            focus: Focus::Cancel,
            list: ReadThrough::default(),
        }
    }

    pub fn confirmed(&self) -> bool {
        !self.email.is_empty() && self.typed.value().trim().eq_ignore_ascii_case(&self.email)
    }

    /// What Tab goes through, in the order drawn: the keys box, then the buttons. The dialog
    /// opens on Cancel, so one Tab after typing the email reaches Offboard, as one reaches
    /// Archive or Delete in the other dialogs where a name is typed.
    fn ring(&self) -> Vec<Focus> {
        match (&self.plans, self.keys.is_empty()) {
            (Err(_), _) => vec![Focus::Cancel],
            (Ok(_), true) => vec![Focus::Cancel, Focus::Offboard],
            (Ok(_), false) => vec![Focus::DeleteKeys, Focus::Cancel, Focus::Offboard],
        }
    }

    fn move_focus(&mut self, delta: isize) {
        let ring = self.ring();
        let at = ring.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        self.focus = ring[(at + delta).rem_euclid(ring.len() as isize) as usize];
    }

    fn press(&mut self, app: &App) -> Next {
        match self.focus {
            // Enter right after typing the email lands on Cancel, where the dialog opens: it
            // must not throw the typing away without a word.
            Focus::Cancel if self.plans.is_ok() && !self.typed.value().is_empty() => {
                not_closed_yet(app, "Offboard", "offboarding")
            }
            Focus::Cancel => Next::Close,
            // Said as well as ticked: Tab wraps round to the box, so an Enter meant for a
            // button must not change what the run does without a word.
            Focus::DeleteKeys => {
                self.delete_keys = !self.delete_keys;
                let said = if self.delete_keys {
                    "Their API keys will be deleted in the same run"
                } else {
                    "Their API keys will stay and keep working"
                };
                Next::Say(FlashLevel::Info, said.to_owned())
            }
            Focus::Offboard => {
                let Ok((with, without)) = &self.plans else {
                    return Next::Close;
                };
                if let Some(unread) = self.list.refusal() {
                    return Next::Say(FlashLevel::Error, unread);
                }
                if !self.confirmed() {
                    return Next::Say(
                        FlashLevel::Error,
                        format!("Not offboarded: type \"{}\" to confirm", self.email),
                    );
                }
                let plan = if self.delete_keys { with } else { without };
                let batch = Batch::new(format!("Offboarding {}", self.email), plan.clone());
                Next::Then(After::Start(batch.first()))
            }
        }
    }
}

impl Dialog for Offboard {
    fn focus_cancel(&mut self) {
        self.focus = Focus::Cancel;
    }

    fn name(&self) -> &'static str {
        "offboard"
    }

    /// The people view's arrows scroll the list (those the email field does not take).
    fn layers(&self) -> Vec<Layer> {
        if self.plans.is_ok() {
            vec![
                Layer::Text,
                Layer::Keys(Context::Dialog),
                Layer::Keys(Context::People),
            ]
        } else {
            vec![Layer::Keys(Context::Dialog)]
        }
    }

    fn offers(&self, action: Action) -> bool {
        ReadThrough::offers(action)
    }

    fn typed(&mut self, key: KeyEvent) {
        text_input::feed(&mut self.typed, &key);
    }

    fn action(&mut self, action: Action, app: &App) -> Next {
        match action {
            Action::NextButton => self.move_focus(1),
            Action::PreviousButton => self.move_focus(-1),
            Action::Press => return self.press(app),
            Action::Cancel => return Next::Close,
            scrolling => {
                self.list.scroll(scrolling);
            }
        }
        Next::Stay
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.typed, text);
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(self, frame, canvas.screen, app, theme)
    }
}

#[cfg(test)]
mod tests;
