//! A member's organization roles (member, billing manager, admin: several at once, as the
//! contract allows): a checklist, then a preview of before and after. The last-admin rule is
//! said before anything is sent (the admin role of the only admin cannot be taken away);
//! if the server still refuses (a 409), the reason stays in the dialog with the ticks.

mod view;

use std::sync::Arc;

use ratatui::Frame;

use crate::actions::people::set_roles;
use crate::actions::{ActionError, Intent, Plan, Reply};
use crate::api::AdminOrganizationMemberOut;
use crate::client::Directory;
use crate::domain::OrgRole;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::update::flash;
use crate::tui::views::people::{Loaded, People};

use super::person::member_under_cursor;
use super::review::{REVIEW_OPENS_ON, Reviewed, review_key};
use super::{Answered, Button, Canvas, Dialog, Next, Opened, Submission};

pub use super::review::Stage;

#[derive(Debug, Clone)]
pub struct OrgRoles {
    pub person: AdminOrganizationMemberOut,
    pub directory: Arc<Directory>,
    /// Each organization role a group gives this person, with the group (by group name):
    /// those stay the group's, whatever is ticked.
    pub through: Vec<(String, String)>,
    /// Ticks, in [`OrgRole::ALL`]'s order.
    pub ticks: [bool; 3],
    pub cursor: usize,
    pub stage: Stage,
    /// Why the preview cannot open (nothing changes, the last admin), shown whole.
    pub problem: Option<String>,
    pub plan: Option<Plan>,
    pub submission: Submission,
}

/// Said when `r` is pressed on the invitations tab.
pub const NOT_FOR_AN_INVITATION: &str =
    "Roles of an invitation are set when inviting: revoke and invite again";

/// Opens the checklist for the member under the cursor.
pub fn open(people: &People, loaded: &Loaded, _app: &App) -> Opened {
    let person = member_under_cursor(people, loaded, NOT_FOR_AN_INVITATION)?;
    let through = (loaded.groups.as_ref())
        .map(|groups| groups.organization_roles_through(person.uuid))
        .unwrap_or_default();
    let mut dialog = OrgRoles::new(person.clone(), Arc::clone(&loaded.directory));
    dialog.through = through;
    Ok(Box::new(dialog))
}

impl OrgRoles {
    pub fn new(person: AdminOrganizationMemberOut, directory: Arc<Directory>) -> Self {
        let held = directory.org_roles(person.uuid);
        let ticks = OrgRole::ALL.map(|r| held.iter().any(|h| h == r.name()));
        Self {
            person,
            directory,
            through: Vec::new(),
            ticks,
            cursor: 0,
            stage: Stage::Choose,
            problem: None,
            plan: None,
            submission: Submission::default(),
        }
    }

    pub fn email(&self) -> String {
        self.person.email.clone().unwrap_or_default()
    }

    /// The roles ticked now.
    pub fn chosen(&self) -> Vec<OrgRole> {
        OrgRole::ALL
            .into_iter()
            .zip(self.ticks)
            .filter_map(|(r, on)| on.then_some(r))
            .collect()
    }

    /// The groups that give `role` to this person, by name.
    pub fn groups_giving(&self, role: OrgRole) -> Vec<&str> {
        (self.through.iter())
            .filter(|(_, given)| given == role.name())
            .map(|(group, _)| group.as_str())
            .collect()
    }

    /// Whether this person is the organization's only admin: said before anything is sent.
    pub fn only_admin(&self) -> bool {
        let admin = OrgRole::OrganizationAdmin.name();
        let holds = |id| self.directory.org_roles(id).iter().any(|r| r == admin);
        holds(self.person.uuid)
            && !self
                .directory
                .members()
                .iter()
                .any(|m| m.uuid != self.person.uuid && holds(m.uuid))
    }

    fn review(&mut self) {
        match set_roles(&self.person, &self.chosen(), &self.directory, &self.through) {
            Ok(plan) if plan.changes_nothing() => self.problem = Some(plan.summary),
            Ok(plan) => {
                self.plan = Some(plan);
                self.problem = None;
                self.stage = Stage::Review(REVIEW_OPENS_ON);
            }
            Err(ActionError::Refused(why)) => self.problem = Some(why),
            Err(other) => self.problem = Some(other.to_string()),
        }
    }

    /// What the status line says once the server has answered: the preview's summary when
    /// the person now holds what it showed; otherwise what they hold now, since their groups
    /// changed after the preview (the change sent was their own roles, as previewed).
    fn outcome(&self, replies: &[Reply]) -> (FlashLevel, String) {
        let Some(plan) = &self.plan else {
            return (FlashLevel::Success, String::new());
        };
        let previewed = match &plan.intent {
            Intent::SetOrganizationRoles { after, .. } => after.clone(),
            _ => Vec::new(),
        };
        let now = replies.iter().find_map(|reply| match reply {
            Reply::UserUpdated(member) => Some(Directory::org_roles_of(
                self.directory.role_catalog(),
                member,
            )),
            _ => None,
        });
        match now {
            Some(now) if now != previewed => (
                FlashLevel::Info,
                format!(
                    "{}: done, but {} now holds {} in total: their groups changed after the preview",
                    plan.summary,
                    self.email(),
                    now.join(", ")
                ),
            ),
            _ => (FlashLevel::Success, format!("{}: done", plan.summary)),
        }
    }

    fn choose_key(&mut self, action: Action) -> Next {
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(OrgRole::ALL.len() - 1),
            Action::Toggle => {
                self.ticks[self.cursor] = !self.ticks[self.cursor];
                self.problem = None;
            }
            Action::Review => self.review(),
            Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    fn review_key(&mut self, action: Action, focus: Button, app: &App) -> Next {
        match (
            review_key(action, focus, &mut self.stage, &mut self.submission, app),
            &self.plan,
        ) {
            (Reviewed::Apply, Some(plan)) => Next::Send(plan.steps[0].request.clone()),
            (Reviewed::Stay, _) => Next::Stay,
            (Reviewed::Said(next), _) => next,
            (Reviewed::Apply | Reviewed::Close, _) => Next::Close,
        }
    }
}

impl Dialog for OrgRoles {
    fn focus_cancel(&mut self) {
        if matches!(self.stage, Stage::Review(_)) {
            self.stage = Stage::Review(REVIEW_OPENS_ON);
        }
    }

    fn name(&self) -> &'static str {
        "organization roles"
    }

    fn layers(&self) -> Vec<Layer> {
        match self.stage {
            Stage::Choose => vec![Layer::Keys(Context::Roles)],
            Stage::Review(_) => vec![Layer::Keys(Context::Dialog)],
        }
    }

    fn action(&mut self, action: Action, app: &App) -> Next {
        match self.stage {
            Stage::Choose => self.choose_key(action),
            Stage::Review(focus) => self.review_key(action, focus, app),
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(self, frame, canvas.screen, app, theme)
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        let (level, text) = self.outcome(answer.replies);
        let mut effects = vec![flash::show(app, level, text)];
        effects.extend(crate::tui::views::control::reload(app));
        effects.extend(crate::tui::update::requests::reload_people(
            app,
            answer.profile,
        ));
        effects
    }
}

#[cfg(test)]
mod tests;
