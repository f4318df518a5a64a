//! `:plan`: the staged changes of this organization as the same diff `mistral-admin plan`
//! prints (grouped, `+`, `~ old -> new`, `-`, then the count). The cursor moves through the
//! changes; `d` drops the one under it (and says which); apply opens ONE confirmation (on
//! Cancel) for all of them, and only once every line has been on screen. The run first checks
//! every change against the organization as it is now (someone changed the member since it
//! was staged: nothing is applied, the conflicts are listed), then shows `3/7`, stops
//! between two changes when asked, and reports a refusal exactly: what was applied leaves
//! the plan, the rest stays staged. The applied set is one journal entry.

pub mod confirm;
pub mod run;
#[cfg(test)]
pub mod tests;
pub mod view;

use std::sync::Arc;

use crate::actions::org_run::{Record, RunOutcome, summary_of};
use crate::tui::runner::journaling::SOURCE;
use crate::tui::staging::Staged;
use crate::tui::views::prelude::*;

use confirm::ConfirmRun;
use run::{ApplyFetch, RunControl, said};

pub const ENTRY: Entry = Entry {
    command: "plan",
    summary: "The staged changes as a diff: drop some, apply the rest after one confirmation",
    context: Context::Plan,
    open: |_| Box::new(PlanView::default()),
};

#[derive(Debug, Clone, Default)]
pub struct PlanView {
    /// Follows the change under the cursor by its staged id, in the order the diff lists them.
    pub list: List<u64>,
    pub control: Arc<RunControl>,
    /// How the last run ended, shown under the plan.
    pub outcome: Option<RunOutcome>,
    /// Why the last run could not start.
    pub error: Option<RemoteError>,
}

/// The staged changes of the organization shown, in the diff's order (by section).
pub fn rows(app: &App) -> Vec<&Staged> {
    let staged: Vec<&Staged> = app.staging.of(app.current).collect();
    crate::domain::org::sections::grouped(&staged, |s| &s.change)
        .into_iter()
        .flat_map(|(_, inside)| inside.into_iter().copied())
        .collect()
}

fn staged_ids(app: &App) -> Vec<u64> {
    rows(app).iter().map(|s| s.id).collect()
}

impl PlanView {
    /// The line under the cursor, among the changes.
    pub fn selected(&self, app: &App) -> Option<usize> {
        self.list.selected(&staged_ids(app))
    }

    fn running(&self) -> bool {
        self.control.running()
    }

    fn apply(&mut self, app: &App) -> Vec<Step> {
        let say = |text: String| vec![Step::Say(FlashLevel::Info, text)];
        if self.running() {
            return say("The plan is being applied: wait for it, or stop it".into());
        }
        let rows = rows(app);
        if rows.is_empty() {
            return say(
                "Nothing staged: turn staging on (:stage), then change roles, members or settings"
                    .into(),
            );
        }
        let changes: Vec<_> = rows.iter().map(|s| s.change.clone()).collect();
        let question = format!(
            "Apply these {} staged change(s) to the organization?",
            changes.len()
        );
        let record = Record {
            source: SOURCE.to_owned(),
            summary: summary_of(&changes),
            undoes: None,
        };
        let apply_text = format!("Apply {}", changes.len());
        let run = ApplyFetch::checked(changes, record, app, &self.control);
        ConfirmRun::open(("Apply the plan", Context::Plan), question, apply_text, run)
    }

    fn drop_one(&mut self, app: &App) -> Vec<Step> {
        if self.running() {
            return vec![Step::Say(
                FlashLevel::Info,
                "The plan is being applied: nothing can be dropped now".into(),
            )];
        }
        // The cursor stays on the line: on the next change, or the last one left.
        let rows = rows(app);
        let Some(staged) = self.selected(app).and_then(|at| rows.get(at)) else {
            return vec![Step::Say(FlashLevel::Info, "Nothing to drop".into())];
        };
        let text = format!("Dropped from the plan: {}", staged.change.line());
        vec![
            Step::Unstage(vec![staged.id]),
            Step::Say(FlashLevel::Info, text),
        ]
    }
}

impl Listing for PlanView {
    list_in_field!(u64);

    fn ids(&self, app: &App) -> impl Rows<Id = u64> {
        staged_ids(app)
    }
}

impl View for PlanView {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    keys_to_list!();

    fn offer(&self, action: Action, app: &App) -> Offer {
        match action {
            Action::ApplyPlan => Offer::unless(app.change_refusal()),
            Action::Drop => Offer::Acts,
            Action::Stop if self.running() => Offer::Acts,
            _ => Offer::Ignores,
        }
    }

    fn act(&mut self, action: Action, app: &App) -> Vec<Step> {
        match action {
            Action::Drop => self.drop_one(app),
            Action::ApplyPlan => self.apply(app),
            Action::Stop => self.control.stop_asked_step(),
            _ => Vec::new(),
        }
    }

    /// Nothing to load: the plan is the console's own.
    fn load(&mut self, _app: &App) -> Vec<Step> {
        Vec::new()
    }

    fn arrived(&mut self, fetch: &Fetcher, result: FetchAnswer, app: &App) -> Vec<Step> {
        if fetch.as_kind::<ApplyFetch>().is_none() {
            return Vec::new();
        }
        match read::<RunOutcome>(result) {
            Ok(outcome) => {
                let applied = app.staging.ids_of(app.current, &outcome.applied);
                let steps = vec![
                    Step::Unstage(applied),
                    said(&outcome, "staged change"),
                    Step::ReloadOrganization,
                ];
                self.list.cursor.reset();
                self.error = None;
                self.outcome = Some(outcome);
                steps
            }
            Err(error) => {
                let text = format!("Not applied: {}", error.message);
                self.error = Some(error);
                vec![Step::Say(FlashLevel::Error, text)]
            }
        }
    }

    /// A run under way is not torn down: it is asked to stop after the change on its way, and
    /// its outcome still comes here (what was applied leaves the plan, the rest stays).
    fn cancelled(&mut self) {}

    fn busy(&self) -> Option<String> {
        self.running().then(|| {
            "The plan is being applied: stop it first (it stops between two changes)".into()
        })
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
