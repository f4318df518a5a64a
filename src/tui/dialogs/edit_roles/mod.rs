//! Role edits on one member or several: a checklist of the catalog's roles, a preview of
//! every member's change, and one add-or-update request for all of them. Its keys are in
//! `keys`, its drawing in `view`, what the change does to the panes in `outcome`.
//!
//! The preview lists every change, scrolled with the view's arrows when longer than the
//! screen, and Apply sends only once every change was drawn: the request carries them all.
//!
//! Roles a group gives a member stay whatever is sent (the runner sends as someone's own only
//! the roles no group gives them): the editor reads the groups as it opens (`groups`), and
//! the preview says, before Apply, who keeps which role through which group.
//!
//! Members can hold several roles. A role that only some of the chosen members hold starts
//! as "mixed", which leaves each member's own choice alone; so editing a group never changes
//! a role the user did not touch.

mod groups;
mod keys;
mod outcome;
mod view;

use ratatui::Frame;
use uuid::Uuid;

use crate::actions::plan::RoleChange;
use crate::actions::roles::member_entry;
use crate::actions::roles::{RoleTick, Target, role_changes};
use crate::api::RoleOut;
use crate::api::{WorkspaceMemberSingleIn, WorkspaceOut};
use crate::tui::call::{Call, Payload};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel, RemoteError, RequestId, members};
use crate::tui::theme::Theme;
use crate::tui::widgets::read_through::ReadThrough;

use super::review::REVIEW_OPENS_ON;
use super::{Answered, Button, Canvas, Dialog, Next, Opened, Submission};

/// One role of the checklist. `Keep` is "mixed": some of the members hold it, and each keeps
/// whether they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleChoice {
    pub name: String,
    pub description: String,
    pub tick: RoleTick,
    /// Started mixed, so mixed stays one of its states.
    pub can_be_mixed: bool,
}

pub use super::review::Stage;
pub use groups::{GroupsRead, Said};

#[derive(Debug, Clone)]
pub struct EditRoles {
    pub workspace: Uuid,
    pub workspace_name: String,
    pub targets: Vec<Target>,
    pub choices: Vec<RoleChoice>,
    pub catalog: Vec<RoleOut>,
    pub cursor: usize,
    pub stage: Stage,
    /// Why the preview could not open (nothing changes, or someone would have no role).
    pub problem: Option<String>,
    /// The preview's changes, scrolled; Apply waits until every one was drawn.
    pub preview_list: ReadThrough,
    pub submission: Submission,
    /// The organization's groups, read as the editor opens; Apply waits for them.
    pub groups: GroupsRead,
    /// Whether the workspace is the default one, where nobody is without a role of their own.
    pub default_workspace: bool,
}

impl EditRoles {
    pub fn new(
        workspace: Uuid,
        workspace_name: &str,
        targets: Vec<Target>,
        catalog: &[RoleOut],
    ) -> Self {
        let mut names: Vec<(String, String)> = catalog
            .iter()
            .map(|r| (r.name.clone(), r.description.clone()))
            .collect();
        // Roles a member holds that the catalog does not list still show, so nothing is
        // dropped without the user seeing it.
        for target in &targets {
            for role in &target.roles {
                if !names.iter().any(|(n, _)| n == role) {
                    names.push((role.clone(), "Not in the role catalog".into()));
                }
            }
        }
        let choices = names
            .into_iter()
            .map(|(name, description)| {
                let holders = targets.iter().filter(|t| t.roles.contains(&name)).count();
                let tick = match holders {
                    0 => RoleTick::Off,
                    n if n == targets.len() => RoleTick::On,
                    _ => RoleTick::Keep,
                };
                RoleChoice {
                    name,
                    description,
                    can_be_mixed: tick == RoleTick::Keep,
                    tick,
                }
            })
            .collect::<Vec<_>>();
        let cursor = choices
            .iter()
            .position(|c| c.tick != RoleTick::Off)
            .unwrap_or(0);
        Self {
            workspace,
            workspace_name: workspace_name.to_owned(),
            targets,
            choices,
            catalog: catalog.to_vec(),
            cursor,
            stage: Stage::Choose,
            problem: None,
            preview_list: ReadThrough::default(),
            submission: Submission::default(),
            groups: GroupsRead::Reading(None),
            default_workspace: false,
        }
    }

    /// The workspace as the notes about groups name it.
    fn place(&self) -> WorkspaceOut {
        WorkspaceOut {
            uuid: self.workspace,
            name: self.workspace_name.clone(),
            description: None,
            icon: None,
            members_count: None,
            spend_limit: None,
            is_default: self.default_workspace,
        }
    }

    /// What the preview says of groups: who keeps which role through one, or that the groups
    /// are being read or could not be.
    pub fn groups_said(&self) -> Said {
        self.groups.said(&self.place(), &self.changes())
    }

    /// Opens the editor for the members the Members tab points at.
    pub fn open(app: &App) -> Opened {
        let Some((workspace, name)) = app.open_workspace_name() else {
            return Err((FlashLevel::Error, "Open a workspace first".into()));
        };
        let Some(catalog) = app.org().people.get().map(|p| p.workspace_roles.clone()) else {
            return Err((
                FlashLevel::Error,
                "The organization's members are still loading".into(),
            ));
        };
        let targets: Vec<Target> = members::chosen(app.org(), workspace)
            .into_iter()
            .map(|row| Target {
                user_id: row.user_id,
                name: row.name.to_string(),
                roles: row.workspace_roles.to_vec(),
            })
            .collect();
        if targets.is_empty() {
            return Err((
                FlashLevel::Info,
                "No member to change: move to one, or select some (space)".into(),
            ));
        }
        let mut editor = Self::new(workspace, &name, targets, &catalog);
        editor.default_workspace = app
            .org()
            .find_workspace(workspace)
            .is_some_and(|found| found.workspace.is_default);
        Ok(Box::new(editor))
    }

    /// Space on a role: on and off, and back to mixed for a role that started mixed.
    pub fn toggle(&mut self, index: usize) {
        let Some(choice) = self.choices.get_mut(index) else {
            return;
        };
        choice.tick = match (choice.tick, choice.can_be_mixed) {
            (RoleTick::Keep, _) => RoleTick::On,
            (RoleTick::On, _) => RoleTick::Off,
            (RoleTick::Off, true) => RoleTick::Keep,
            (RoleTick::Off, false) => RoleTick::On,
        };
        self.problem = None;
    }

    /// What the checklist does to each role.
    fn ticks(&self) -> Vec<(String, RoleTick)> {
        self.choices
            .iter()
            .map(|c| (c.name.clone(), c.tick))
            .collect()
    }

    /// Every member whose roles would change (none while someone would be left without a
    /// role, which the preview refuses).
    pub fn changes(&self) -> Vec<RoleChange> {
        role_changes(&self.targets, &self.ticks()).unwrap_or_default()
    }

    /// Opens the preview, or says why it cannot open.
    pub fn review(&mut self) -> Result<(), String> {
        let result = self.check().map(|_| ());
        match &result {
            Ok(()) => {
                // Other ticks make other changes: they are read from the top again.
                self.preview_list = ReadThrough::default();
                self.stage = Stage::Review(REVIEW_OPENS_ON);
                self.problem = None;
            }
            Err(problem) => self.problem = Some(problem.clone()),
        }
        result
    }

    fn check(&self) -> Result<Vec<RoleChange>, String> {
        let changes = role_changes(&self.targets, &self.ticks()).map_err(|e| e.to_string())?;
        if changes.is_empty() {
            return Err("nothing would change: tick or untick a role first".into());
        }
        Ok(changes)
    }

    /// The add-or-update body: only the members whose roles change.
    pub fn request(&self) -> Result<Vec<WorkspaceMemberSingleIn>, String> {
        Ok(self
            .check()?
            .iter()
            .map(|c| member_entry(c.user_id, &c.after, &self.catalog))
            .collect())
    }

    /// The preview's list keys, before its buttons': the arrows scroll the changes, and Apply
    /// pressed before every change was drawn is refused, saying why. `None` leaves the key to
    /// the buttons.
    fn preview_list_key(&mut self, action: Action, focus: Button) -> Option<Next> {
        if self.preview_list.scroll(action) {
            return Some(Next::Stay);
        }
        let refusal = (action == Action::Press && focus == Button::Apply)
            .then(|| {
                self.preview_list
                    .refusal()
                    .or_else(|| self.groups.refusal())
            })
            .flatten()?;
        Some(Next::Say(FlashLevel::Error, refusal))
    }
}

impl Dialog for EditRoles {
    fn focus_cancel(&mut self) {
        if matches!(self.stage, Stage::Review(_)) {
            self.stage = Stage::Review(REVIEW_OPENS_ON);
        }
    }

    fn name(&self) -> &'static str {
        match self.stage {
            Stage::Choose => "roles",
            Stage::Review(_) => "roles preview",
        }
    }

    fn layers(&self) -> Vec<Layer> {
        match self.stage {
            Stage::Choose => vec![Layer::Keys(Context::Roles)],
            // The changes scroll with the arrows lists take.
            Stage::Review(_) => vec![Layer::Keys(Context::Dialog), Layer::Keys(Context::List)],
        }
    }

    /// In the preview, of the list keys only scrolling.
    fn offers(&self, action: Action) -> bool {
        match self.stage {
            Stage::Choose => true,
            Stage::Review(_) => ReadThrough::offers(action),
        }
    }

    fn action(&mut self, action: Action, app: &App) -> Next {
        match self.stage {
            Stage::Choose => self.choose_key(action),
            Stage::Review(focus) => self
                .preview_list_key(action, focus)
                .unwrap_or_else(|| self.review_key(action, focus, app)),
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn reads_on_open(&self) -> Option<Call> {
        self.groups.to_start()
    }

    fn reading(&mut self, id: RequestId) {
        self.groups.started(id);
    }

    fn read(&mut self, id: RequestId, result: &Result<Payload, RemoteError>) {
        self.groups.answered(id, result);
    }

    fn read_stopped(&mut self) {
        self.groups.stopped();
    }

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        outcome::roles_set(app, self, answer)
    }
}

#[cfg(test)]
mod tests;
