//! Inviting people: many addresses pasted or typed (commas, spaces or line breaks between
//! them; a paste of hundreds of lines is fine), organization roles, and the workspaces they
//! join on acceptance. Before anything is sent each address is marked: valid, invalid (why),
//! already a member, already invited. Invite opens a preview that lists every address, every
//! workspace and each pending invitation replaced (what it gives now and will give); it opens
//! on Cancel, which goes back to the form. One request invites them all; the result says, per
//! address, what happened. Its keys are in `keys`, its drawing in `view`, the result in
//! `outcome`.

mod keys;
mod outcome;
mod view;

use std::sync::Arc;

use ratatui::Frame;
use uuid::Uuid;

use crate::actions::Plan;
use crate::actions::invite_addresses::{AddressBook, split_addresses};
use crate::actions::invites::{AddressStatus, Replaced};
use crate::client::Directory;
use crate::domain::OrgRole;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::views::people::{Loaded, People};
use crate::tui::widgets::read_through::ReadThrough;

use super::{Answered, Button, Canvas, Dialog, ListedConfirm, Next, Opened, Submission};

/// The form's buttons: Invite opens the preview, which sends nothing until confirmed.
pub const BUTTONS: [Button; 2] = [Button::Apply, Button::Cancel];

/// What Invite shows before anything is sent: the plan, the pending invitations it replaces,
/// and the list with Cancel (in focus when it opens) and Invite under it.
#[derive(Debug, Clone)]
pub struct Preview {
    pub plan: Plan,
    pub replaced: Vec<Replaced>,
    pub listed: ListedConfirm,
}

/// The form being filled in, or the preview of what it sends.
#[derive(Debug, Clone)]
pub enum Stage {
    Form,
    Preview(Box<Preview>),
}

/// Which part of the form has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Addresses,
    /// The organization role at this index of [`OrgRole::ALL`].
    Roles(usize),
    /// The workspace at this index.
    Workspaces(usize),
    Buttons(Button),
}

#[derive(Debug, Clone)]
pub struct Invite {
    pub directory: Arc<Directory>,
    pub book: Arc<AddressBook>,
    pub text: tui_input::Input,
    /// Every address typed, with its mark: worked out when the text changes, not per frame.
    pub addresses: Vec<(String, AddressStatus)>,
    pub roles: [bool; 3],
    /// `(id, name, ticked)` of every active workspace.
    pub workspaces: Vec<(Uuid, String, bool)>,
    pub part: Part,
    /// The first address shown in the marked list.
    pub scroll: usize,
    /// Why nothing can be sent as it is (nobody to invite), shown in the dialog.
    pub problem: Option<String>,
    pub stage: Stage,
    pub submission: Submission,
}

/// Opens the form.
pub fn open(_people: &People, loaded: &Loaded, app: &App) -> Opened {
    let workspaces = app
        .org()
        .workspaces
        .get()
        .map(|list| {
            list.iter()
                .map(|w| (w.uuid, w.name.clone(), false))
                .collect()
        })
        .unwrap_or_default();
    Ok(Box::new(Invite::new(
        Arc::clone(&loaded.directory),
        workspaces,
    )))
}

impl Invite {
    pub fn new(directory: Arc<Directory>, workspaces: Vec<(Uuid, String, bool)>) -> Self {
        Self {
            book: Arc::new(AddressBook::new(&directory)),
            directory,
            text: tui_input::Input::default(),
            addresses: Vec::new(),
            roles: [true, false, false],
            workspaces,
            part: Part::Addresses,
            scroll: 0,
            problem: None,
            stage: Stage::Form,
            submission: Submission::default(),
        }
    }

    /// The preview, while it is shown.
    pub fn preview(&self) -> Option<&Preview> {
        match &self.stage {
            Stage::Preview(preview) => Some(preview),
            Stage::Form => None,
        }
    }

    /// Marks every address again after the text changed.
    pub fn remark(&mut self) {
        self.addresses = split_addresses(self.text.value())
            .into_iter()
            .map(|a| {
                let status = self.book.status(&a);
                (a, status)
            })
            .collect();
        self.scroll = self.scroll.min(self.addresses.len().saturating_sub(1));
        self.problem = None;
        self.submission.error = None;
    }

    pub fn count(&self, status: &AddressStatus) -> usize {
        self.addresses.iter().filter(|(_, s)| s == status).count()
    }

    /// How many would be sent an invitation (new ones and ones sent again).
    pub fn sending(&self) -> usize {
        self.count(&AddressStatus::Valid) + self.count(&AddressStatus::AlreadyInvited)
    }

    pub fn chosen_roles(&self) -> Vec<OrgRole> {
        OrgRole::ALL
            .into_iter()
            .zip(self.roles)
            .filter_map(|(r, on)| on.then_some(r))
            .collect()
    }
}

impl Dialog for Invite {
    fn focus_cancel(&mut self) {
        if let Stage::Preview(preview) = &mut self.stage {
            preview.listed.focus = Button::Cancel;
        }
    }

    fn name(&self) -> &'static str {
        match self.stage {
            Stage::Form => "invite",
            Stage::Preview(_) => "invite preview",
        }
    }

    fn layers(&self) -> Vec<Layer> {
        match self.stage {
            // The preview scrolls with the keys of the view under it, as every listed
            // confirmation does.
            Stage::Preview(_) => vec![Layer::Keys(Context::Dialog), Layer::Keys(Context::People)],
            Stage::Form if self.part == Part::Addresses => {
                vec![Layer::Text, Layer::Keys(Context::Invite)]
            }
            Stage::Form => vec![Layer::Keys(Context::Invite)],
        }
    }

    fn offers(&self, action: Action) -> bool {
        match self.stage {
            Stage::Preview(_) => ReadThrough::offers(action),
            Stage::Form => true,
        }
    }

    fn act(&mut self, input: Input, app: &App) -> Next {
        match self.stage {
            Stage::Form => self.key(input, app),
            Stage::Preview(_) => self.preview_key(input),
        }
    }

    fn paste(&mut self, text: &str) {
        // The preview shows what is sent: a paste there must not change it unseen.
        if matches!(self.stage, Stage::Preview(_)) {
            return;
        }
        self.part = Part::Addresses;
        keys::paste(&mut self.text, text);
        self.remark();
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        match &self.stage {
            Stage::Form => view::render(self, frame, canvas.screen, app, theme),
            Stage::Preview(preview) => {
                view::preview(self, preview, frame, canvas.screen, app, theme)
            }
        }
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        // Invitations are not in the panes: only the view reloads.
        outcome::invited(self, app, answer.replies)
    }
}

#[cfg(test)]
mod tests;
