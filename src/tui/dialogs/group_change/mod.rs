//! One change to a group after the admin has seen what it does: add or remove members, nest it in
//! another group or take it out, assign it to a workspace with roles (or change them), end an
//! assignment, provision a workspace from it, set the organization role it grants, or delete
//! it. Each starts by choosing what the
//! change is about (a group, a workspace, roles, members) unless there is nothing to choose,
//! then shows the plan the shared action layer makes with who gains or loses which role
//! through it, opening on Cancel; deleting asks for the group's name. A refusal (a cycle the
//! server finds, say) stays in the dialog, whole. Keys in `keys`, drawing in `view`, plans
//! in `plan`, what a change does to the console in `outcome`.

mod keys;
mod outcome;
pub use outcome::changed;
mod plan;
#[cfg(test)]
mod tests;
mod view;

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::Frame;
use tui_input::Input as TextInput;
use uuid::Uuid;

use crate::actions::Plan;
use crate::api::{RoleOut, WorkspaceOut};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::views::groups::Groups;
use crate::tui::widgets::read_through::ReadThrough;
use crate::tui::widgets::text::truncate;

use super::review::REVIEW_BUTTONS;
use super::{Answered, Button, Canvas, Dialog, Next, Submission};

/// Which change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    AddMembers,
    RemoveMembers,
    Nest,
    Unnest,
    Assign,
    Unassign,
    Provision,
    OrganizationRole,
    Delete,
}

/// Where the dialog is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing the group, workspace or members the change is about.
    Targets,
    /// Choosing the roles (an assignment's, or the one a provisioning gives).
    Roles,
    /// The plan and its preview, with the focused button.
    Review(Button),
}

/// One entry of a list to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: Uuid,
    pub label: String,
    /// Said after the label (a workspace's current roles for the group, ...).
    pub note: String,
}

impl Item {
    /// The entry `id`, saying `label` and then `note`.
    pub fn new(id: Uuid, label: impl Into<String>, note: impl Into<String>) -> Self {
        Self {
            id,
            label: label.into(),
            note: note.into(),
        }
    }
}

/// A list to choose one entry from, or to tick several.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PickList {
    pub items: Vec<Item>,
    pub cursor: usize,
    pub ticked: BTreeSet<Uuid>,
    pub multi: bool,
    /// What was typed to find an entry; the cursor is on its best match.
    pub query: String,
}

impl PickList {
    pub fn new(items: Vec<Item>, multi: bool) -> Self {
        Self {
            items,
            cursor: 0,
            ticked: BTreeSet::new(),
            multi,
            query: String::new(),
        }
    }

    /// Moves the cursor to the entry that best matches `query`; false when none does (the
    /// cursor then stays where it was).
    pub fn find(&mut self, query: &str) -> bool {
        self.query = query.to_owned();
        let matcher = crate::tui::fuzzy::Query::new(query);
        let best = self
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| matcher.score(&item.label).map(|m| (m.score, i)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        match best {
            Some((_, at)) => {
                self.cursor = at;
                true
            }
            None => false,
        }
    }

    /// What is chosen, in the list's order: the ticked entries, or the one under the cursor.
    pub fn chosen(&self) -> Vec<&Item> {
        if self.multi {
            self.items
                .iter()
                .filter(|i| self.ticked.contains(&i.id))
                .collect()
        } else {
            self.items.get(self.cursor).into_iter().collect()
        }
    }
}

#[derive(Debug, Clone)]
pub struct GroupChange {
    pub kind: Kind,
    pub group: Uuid,
    pub groups: Arc<Groups>,
    pub workspaces: Vec<WorkspaceOut>,
    pub catalog: Vec<RoleOut>,
    pub targets: PickList,
    pub roles: PickList,
    pub stage: Stage,
    /// Why the review could not open (nothing would change, a rule refuses it).
    pub problem: Option<String>,
    /// The plan under review.
    pub plan: Option<Plan>,
    /// The group's name, typed to confirm a deletion.
    pub typed: TextInput,
    /// The preview under review, scrolled; the change goes only once all of it was shown.
    pub preview_list: ReadThrough,
    pub submission: Submission,
}

/// Buttons of the review, Cancel first: it opens there.
pub fn review_buttons(with_back: bool) -> &'static [Button] {
    if with_back {
        &REVIEW_BUTTONS
    } else {
        &[Button::Cancel, Button::Apply]
    }
}

impl GroupChange {
    pub fn new(
        kind: Kind,
        group: Uuid,
        groups: Arc<Groups>,
        workspaces: Vec<WorkspaceOut>,
        catalog: Vec<RoleOut>,
        targets: PickList,
    ) -> Self {
        let mut dialog = Self {
            kind,
            group,
            groups,
            workspaces,
            catalog,
            targets,
            roles: PickList::default(),
            stage: Stage::Targets,
            problem: None,
            plan: None,
            typed: TextInput::default(),
            preview_list: ReadThrough::default(),
            submission: Submission::default(),
        };
        if kind == Kind::Delete {
            dialog.review();
        }
        dialog
    }

    /// Whether the review has a way back to a choice.
    pub fn has_choices(&self) -> bool {
        self.kind != Kind::Delete
    }

    /// What the review's Apply button says, and what closing the review leaves undone (as
    /// Enter on Cancel says it).
    fn apply_words(&self) -> (String, &'static str) {
        let (button, undone) = match self.kind {
            Kind::AddMembers => ("Add them", "adding them"),
            Kind::RemoveMembers => ("Remove them", "removing them"),
            Kind::Nest => ("Nest", "nesting"),
            Kind::Unnest => ("Take it out", "taking it out"),
            Kind::Assign => ("Assign", "assigning"),
            Kind::Unassign => ("End the assignment", "ending the assignment"),
            Kind::Provision => ("Provision", "provisioning"),
            Kind::OrganizationRole => ("Set the role", "setting the role"),
            Kind::Delete => {
                let name = truncate(&self.groups.name_of(self.group), 24);
                return (format!("Delete \"{name}\""), "deleting");
            }
        };
        (button.to_owned(), undone)
    }

    /// What the review's Apply button says.
    pub fn apply_text(&self) -> String {
        self.apply_words().0
    }

    /// Enter on the review's Cancel once something was chosen or typed: nothing closes, and
    /// the status line says how to reach Apply or close.
    pub(super) fn not_closed_yet(&self, app: &App) -> Next {
        let (button, undone) = self.apply_words();
        super::not_closed_yet(app, &button, undone)
    }

    /// Whether the typed name confirms the plan (always, for a plan that needs none).
    pub fn confirmed(&self) -> bool {
        self.plan
            .as_ref()
            .is_some_and(|p| p.unconfirmed(&[self.typed.value().to_owned()]).is_empty())
    }

    /// Makes the plan and opens the review, or says why not and stays.
    fn review(&mut self) {
        match self.make_plan() {
            Ok(plan) if plan.changes_nothing() => self.problem = Some(plan.summary),
            Ok(plan) => {
                self.problem = None;
                self.plan = Some(plan);
                self.preview_list = ReadThrough::default();
                self.stage = Stage::Review(Button::Cancel);
            }
            Err(reason) => self.problem = Some(reason),
        }
    }
}

impl Dialog for GroupChange {
    fn focus_cancel(&mut self) {
        if matches!(self.stage, Stage::Review(_)) {
            self.stage = Stage::Review(Button::Cancel);
        }
    }

    fn name(&self) -> &'static str {
        "group change"
    }

    fn layers(&self) -> Vec<Layer> {
        match self.stage {
            Stage::Targets | Stage::Roles => {
                vec![Layer::Keys(Context::GroupPick), Layer::Text]
            }
            // The preview scrolls with the arrows of the choosing keys.
            Stage::Review(_) if self.kind == Kind::Delete => vec![
                Layer::Keys(Context::Dialog),
                Layer::Keys(Context::GroupPick),
                Layer::Text,
            ],
            Stage::Review(_) => vec![
                Layer::Keys(Context::Dialog),
                Layer::Keys(Context::GroupPick),
            ],
        }
    }

    /// In the review, of the choosing keys only the arrows: they scroll the preview. A list
    /// to choose one entry from (a group, the organization role) has nothing to tick, so the
    /// hint line does not offer it.
    fn offers(&self, action: Action) -> bool {
        match self.stage {
            Stage::Review(_) => !matches!(action, Action::Toggle | Action::Choose),
            _ => action != Action::Toggle || self.list().multi,
        }
    }

    fn act(&mut self, input: Input, app: &App) -> Next {
        self.key(input, app)
    }

    fn paste(&mut self, text: &str) {
        if !matches!(self.stage, Stage::Review(_)) {
            let query = format!("{}{text}", self.list().query);
            self.typed_query(&query);
        } else if self.kind == Kind::Delete {
            crate::tui::update::text_input::paste(&mut self.typed, text);
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        outcome::changed(app, self.plan.as_ref(), answer)
    }
}
