//! Add Members: organization members who are not yet in the workspace, a fuzzy search, a
//! multi-selection that survives the search, and one workspace role for everyone added. Its
//! keys are in `keys`, its drawing in `view`, what adding does to the panes in `outcome`.

mod keys;
mod outcome;
mod view;

use std::collections::{BTreeSet, HashSet};

use ratatui::Frame;
use uuid::Uuid;

use crate::actions::roles::member_entry;
use crate::api::RoleOut;
use crate::api::WorkspaceMemberSingleIn;
use crate::domain::WorkspaceRole;
use crate::domain::text::fold;
use crate::tui::effect::Effect;
use crate::tui::fuzzy::{self, Match};
use crate::tui::keymap::Context;
use crate::tui::routing::{Input, Layer};
use crate::tui::state::filter::Filter;
use crate::tui::state::people::{People, Person};
use crate::tui::state::selection::Selection;
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;

use super::{Answered, Canvas, Dialog, Next, Opened, Submission};

/// Someone who can be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
}

impl Candidate {
    /// `persons` as candidates, in the order the dialog lists them: by name, then email.
    fn sorted<'a>(persons: impl IntoIterator<Item = &'a Person>) -> Vec<Self> {
        let mut candidates: Vec<Self> = persons
            .into_iter()
            .map(|p| Self {
                user_id: p.user_id,
                name: p.name.to_string(),
                email: p.email.to_string(),
            })
            .collect();
        candidates.sort_by_cached_key(|c| (fold(&c.name), c.email.clone()));
        candidates
    }
}

/// Which list the arrow keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    People,
    Role,
}

#[derive(Debug, Clone)]
pub struct AddMembers {
    /// The workspace people are added to.
    pub workspace: Uuid,
    pub workspace_name: String,
    /// Everyone who could be added when the dialog opened, by name.
    pub candidates: Vec<Candidate>,
    pub search: Filter,
    /// The candidates the search lets through, best match first: (index, match).
    pub shown: Vec<(usize, Match)>,
    pub cursor: Selection<Uuid>,
    pub selected: BTreeSet<Uuid>,
    pub roles: Vec<RoleOut>,
    /// The role everyone is added with: an index into `roles`.
    pub role: usize,
    pub column: Column,
    pub submission: Submission,
}

impl AddMembers {
    pub fn new(workspace: Uuid, workspace_name: &str, people: &People) -> Self {
        let candidates = Candidate::sorted(people.non_members_of(workspace));
        let roles = people.workspace_roles.clone();
        let default = WorkspaceRole::DEFAULT_FOR_NEW_MEMBER.name();
        let role = roles.iter().position(|r| r.name == default).unwrap_or(0);
        let mut dialog = Self {
            workspace,
            workspace_name: workspace_name.to_owned(),
            candidates,
            search: Filter::default(),
            shown: Vec::new(),
            cursor: Selection::default(),
            selected: BTreeSet::new(),
            roles,
            role,
            column: Column::People,
            submission: Submission::default(),
        };
        dialog.refilter();
        dialog
    }

    /// Opens the dialog on the open workspace, or says why not: the directory is still
    /// loading, or everyone already belongs.
    pub fn open(app: &App) -> Opened {
        let Some((workspace, name)) = app.open_workspace_name() else {
            return Err((FlashLevel::Error, "Open a workspace first".into()));
        };
        let Some(people) = app.org().people.get() else {
            return Err((
                FlashLevel::Error,
                "The organization's members are still loading".into(),
            ));
        };
        let dialog = Self::new(workspace, &name, people);
        if dialog.candidates.is_empty() {
            return Err((
                FlashLevel::Info,
                format!("Everyone in the organization is already in \"{name}\""),
            ));
        }
        Ok(Box::new(dialog))
    }

    /// Applies the search again; the cursor goes to the best match, so that space ticks the
    /// person the admin searched for rather than whoever was under the cursor before.
    pub fn refilter(&mut self) {
        let query = self.search.text().trim();
        let matcher = fuzzy::Query::new(query);
        self.shown = self
            .candidates
            .iter()
            .enumerate()
            .filter_map(|(i, c)| matcher.score_either(&c.name, &c.email).map(|m| (i, m)))
            .collect();
        if !query.is_empty() {
            // Best first; ties keep the alphabetical order.
            self.shown
                .sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
        }
        let ids = self.shown_ids();
        self.cursor = Selection::default();
        self.cursor.first(&ids);
    }

    pub fn shown_ids(&self) -> Vec<Uuid> {
        self.shown
            .iter()
            .map(|(i, _)| self.candidates[*i].user_id)
            .collect()
    }

    pub fn toggle(&mut self, user: Uuid) {
        if !self.selected.remove(&user) {
            self.selected.insert(user);
        }
    }

    /// Selects everyone shown, or, if they all are already, unselects them.
    pub fn toggle_all_shown(&mut self) {
        let ids = self.shown_ids();
        if ids.iter().all(|id| self.selected.contains(id)) {
            for id in &ids {
                self.selected.remove(id);
            }
        } else {
            self.selected.extend(ids);
        }
        self.submission.error = None;
    }

    /// Selected people the search currently hides.
    pub fn hidden_selected(&self) -> usize {
        // Counted against a set: with thousands selected this runs on every frame.
        let shown: HashSet<Uuid> = self.shown_ids().into_iter().collect();
        self.selected
            .iter()
            .filter(|id| !shown.contains(id))
            .count()
    }

    pub fn chosen_role(&self) -> Option<&RoleOut> {
        self.roles.get(self.role)
    }

    /// The selected people with their names, in the list's order.
    pub fn selected_people(&self) -> Vec<&Candidate> {
        self.candidates
            .iter()
            .filter(|c| self.selected.contains(&c.user_id))
            .collect()
    }

    /// The body of the add request, or why it cannot be sent yet.
    pub fn request(&self) -> Result<Vec<WorkspaceMemberSingleIn>, String> {
        if self.selected.is_empty() {
            return Err("select at least one person (space)".into());
        }
        let role = self
            .chosen_role()
            .ok_or_else(|| "the role catalog is empty: no role to give".to_owned())?;
        let roles = [role.name.clone()];
        Ok(self
            .selected_people()
            .iter()
            .map(|c| member_entry(c.user_id, &roles, &self.roles))
            .collect())
    }
}

impl Dialog for AddMembers {
    fn name(&self) -> &'static str {
        "add members"
    }

    /// While the search is typed, keys go to it as in the panes' filters.
    fn layers(&self) -> Vec<Layer> {
        if self.search.typing {
            vec![Layer::Keys(Context::Filter), Layer::Text]
        } else {
            vec![Layer::Keys(Context::AddMembers)]
        }
    }

    fn act(&mut self, input: Input, _app: &App) -> Next {
        self.key(input)
    }

    fn paste(&mut self, text: &str) {
        if self.search.typing {
            crate::tui::update::text_input::paste(&mut self.search.input, text);
            self.refilter();
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        outcome::added(app, self, answer)
    }
}

#[cfg(test)]
mod tests;
