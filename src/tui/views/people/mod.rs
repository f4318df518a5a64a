//! `:people`: the organization's members and its invitations, two tabs of one table. Sort by
//! any column, `/` moves the cursor to the first person matching (hiding nothing), space and
//! `*` select rows for a bulk action, enter shows a member's workspaces with roles, their API
//! keys and their latest audit entries. From here: invite (`i`), change organization roles
//! (`r`), offboard (`O`), revoke invitations (`X`) and re-invite (`R`), each through a dialog;
//! changes of several requests run here one request at a time (see [`run`]).

mod keys;
pub mod loading;
pub mod rows;
pub mod run;
#[cfg(test)]
mod run_tests;
#[cfg(test)]
pub mod tests;
mod view;

use std::collections::HashSet;
use std::sync::Arc;

use uuid::Uuid;

use crate::api::AuditLogOut;
use crate::tui::views::prelude::*;

use super::frame::{cancel, take};
use super::list::Cursor;
pub use loading::{AuditFetch, Held, Loaded, PeopleFetch, StepFetch};
pub use rows::{TabRows, Tables};
pub use run::{Batch, End, Run};

pub const ENTRY: Entry = Entry {
    command: "people",
    summary: "Members and invitations: invite, roles, offboard, revoke",
    context: Context::People,
    open: |_| Box::new(People::default()),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Members,
    Invitations,
}

/// The detail pane of one member: their keys, worked out once when it opens, and their latest
/// audit entries. Their workspaces are read as it is drawn from the organization's people the
/// console keeps for the member pane (see `view::workspaces`).
#[derive(Debug, Clone)]
pub struct Detail {
    pub user: Uuid,
    pub name: String,
    /// Their keys' labels.
    pub keys: Vec<String>,
    pub audit: Remote<Vec<AuditLogOut>>,
}

/// Opens a dialog from a load of its own (see [`Loaded`]).
pub type Opener = fn(&People, &Loaded, &App) -> crate::tui::dialogs::Opened;

#[derive(Debug, Clone, Default)]
pub struct People {
    pub data: Remote<Held>,
    pub tables: Arc<Tables>,
    pub tab: Tab,
    /// The column sorted by, and whether reversed.
    pub sort: usize,
    pub reverse: bool,
    /// The cursor of the tab shown (by person or invitation, through sorts and reloads) and
    /// the search.
    pub list: List<Uuid>,
    /// The cursor of the other tab, kept for when it is shown again.
    pub other: Cursor<Uuid>,
    pub marked: HashSet<Uuid>,
    pub detail: Option<Detail>,
    pub run: Option<Run>,
    /// The dialog asked for, opened when the load made for it arrives.
    pub opening: Option<Opener>,
}

impl People {
    pub fn invites(&self) -> bool {
        self.tab == Tab::Invitations
    }

    /// The rows of the tab shown, as the list moves through them.
    pub fn shown_rows(&self) -> TabRows<'_> {
        TabRows {
            tables: &self.tables,
            invites: self.invites(),
        }
    }

    /// The line under the cursor in the tab shown.
    pub fn position(&self) -> usize {
        self.list.selected(&self.shown_rows()).unwrap_or(0)
    }

    /// Both cursors put back on their rows as the tables are now (after a sort, a reload).
    fn settle(&mut self) {
        let (shown, other) = (self.invites(), !self.invites());
        let rows = |invites| TabRows {
            tables: &self.tables,
            invites,
        };
        self.list.cursor.settle(&rows(shown));
        self.other.settle(&rows(other));
    }

    /// The id of the row under the cursor.
    pub fn current(&self) -> Option<Uuid> {
        self.tables.id_at(self.invites(), self.position())
    }

    pub fn held(&self) -> Option<&Held> {
        match &self.data {
            Remote::Loaded(loaded) => Some(loaded),
            _ => None,
        }
    }

    fn running(&self) -> bool {
        self.run.as_ref().is_some_and(Run::running)
    }
}

impl View for People {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    keys_to_list!();

    fn offer(&self, action: Action, app: &App) -> Offer {
        match action {
            Action::Invite
            | Action::EditRoles
            | Action::Offboard
            | Action::Revoke
            | Action::Reinvite => Offer::unless(app.change_refusal().or_else(|| {
                self.running()
                    .then(|| "a change is running: wait for it, or stop it (x)".to_owned())
            })),
            Action::StopRun if self.running() => Offer::Acts,
            Action::StopRun => Offer::Ignores,
            Action::NextTab
            | Action::SortNext
            | Action::SortReverse
            | Action::Mark
            | Action::MarkAll
            | Action::Open
            | Action::Trail => Offer::Acts,
            _ => Offer::Ignores,
        }
    }

    fn act(&mut self, action: Action, app: &App) -> Vec<Step> {
        self.key(action, app)
    }

    fn load(&mut self, _app: &App) -> Vec<Step> {
        vec![Step::Fetch(Fetcher::new(PeopleFetch::default()))]
    }

    fn arrived(&mut self, fetch: &Fetcher, result: FetchAnswer, app: &App) -> Vec<Step> {
        if let Some(step) = fetch.as_kind::<StepFetch>() {
            return self.step_answered(step, result.map(|_| ()));
        }
        if let Some(audit) = fetch.as_kind::<AuditFetch>() {
            if let Some(detail) = self.detail.as_mut().filter(|d| d.user == audit.user) {
                take(&mut detail.audit, read::<Vec<AuditLogOut>>(result));
            }
            return Vec::new();
        }
        let opening = self.opening.take();
        let loaded = match read::<Loaded>(result) {
            Ok(loaded) => loaded,
            Err(error) => {
                let text = error.message.clone();
                take(&mut self.data, Err(error));
                return vec![Step::Say(FlashLevel::Error, text)];
            }
        };
        let mut tables = Tables::build(&loaded, app.org().directory());
        tables.sort(self.sort, self.reverse);
        let present: HashSet<Uuid> = tables
            .members
            .iter()
            .map(|m| m.id)
            .chain(tables.invites.iter().map(|i| i.id))
            .collect();
        self.marked.retain(|id| present.contains(id));
        self.tables = Arc::new(tables);
        self.data = Remote::Loaded(Held::of(&loaded));
        self.settle();
        let steps = match opening {
            // Something else was opened meanwhile (help, a command): the dialog asked for does
            // not appear over it unannounced.
            Some(_) if !app.dialogs.is_empty() => vec![Step::Say(
                FlashLevel::Info,
                "The dialog asked for was not opened over another one: ask again".into(),
            )],
            Some(open) => match open(self, &loaded, app) {
                Ok(dialog) => vec![Step::Open(dialog)],
                Err((level, text)) => vec![Step::Say(level, text)],
            },
            None => Vec::new(),
        };
        // The pages were parsed into the directory, and it goes now (a dialog holds what it
        // needs of it): the allocator gives the space back rather than keep it for nothing.
        drop(loaded);
        crate::tui::memory::give_back_freed();
        steps
    }

    /// A run is shown from its first request on, so its progress and stop key are too.
    fn started(&mut self, fetch: &Fetcher) {
        if let Some(step) = fetch.as_kind::<StepFetch>().filter(|s| s.index == 0) {
            self.run = Some(Run::new(Arc::clone(&step.batch)));
        }
    }

    fn cancelled(&mut self) {
        cancel(&mut self.data);
        self.opening = None;
        if let Some(detail) = self.detail.as_mut() {
            cancel(&mut detail.audit);
        }
        if let Some(run) = self.run.as_mut().filter(|r| r.running()) {
            run.end = Some(End::Interrupted);
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}

impl People {
    /// One request of a run answered: the next one goes, or the run ends with its report.
    fn step_answered(&mut self, step: &StepFetch, result: Result<(), RemoteError>) -> Vec<Step> {
        let Some(run) = self
            .run
            .as_mut()
            .filter(|r| Arc::ptr_eq(&r.batch, &step.batch))
        else {
            return Vec::new();
        };
        if let Some(next) = run.answer(step.index, result) {
            return vec![next];
        }
        if run.running() {
            return Vec::new();
        }
        self.marked.clear();
        let report = crate::tui::dialogs::run_report::RunReport::new(run);
        let level = if run.end == Some(End::Done) {
            FlashLevel::Success
        } else {
            FlashLevel::Error
        };
        let mut steps = vec![
            Step::Say(level, run.headline()),
            Step::Open(Box::new(report)),
        ];
        steps.push(Step::Fetch(Fetcher::new(PeopleFetch::default())));
        steps.push(Step::ReloadPeople);
        steps
    }
}
