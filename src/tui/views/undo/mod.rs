//! `:undo`: the inverse of this organization's newest change set that can be taken back
//! (from the journal, whoever wrote it: the console, a command, `apply`), previewed as diff
//! lines, with what cannot be undone and why, and the conflicts with the organization as it
//! is now (someone changed the member since) instead of overwriting them. It applies after a
//! confirmation that opens on Cancel, with the same engine and progress as `:plan`, and is
//! recorded in the journal as an undo of that entry.

mod loading;
#[cfg(test)]
pub mod tests;
mod view;

use std::sync::Arc;

use crate::actions::org_run::{RunOutcome, UndoPreview, undo_record};
use crate::tui::runner::journaling::SOURCE;
use crate::tui::views::prelude::*;

use super::plan::confirm::ConfirmRun;
use super::plan::run::{ApplyFetch, RunControl, said};
pub use loading::PreviewFetch;

pub const ENTRY: Entry = Entry {
    command: "undo",
    summary: "Preview and take back the last change set in the journal",
    context: Context::Undo,
    open: |_| Box::new(Undo::default()),
};

#[derive(Debug, Clone)]
pub struct Undo {
    pub preview: Remote<UndoPreview>,
    pub scroll: usize,
    /// How far the last frame could scroll the preview: Down stops there, so Up answers at once.
    pub last_scroll: std::cell::Cell<usize>,
    pub control: Arc<RunControl>,
    pub outcome: Option<RunOutcome>,
}

impl Default for Undo {
    fn default() -> Self {
        Self {
            preview: Remote::Loading,
            scroll: 0,
            last_scroll: std::cell::Cell::new(0),
            control: Arc::default(),
            outcome: None,
        }
    }
}

impl Undo {
    /// The journal was read and holds nothing of this organization to take back.
    fn nothing_to_undo(&self) -> bool {
        matches!(&self.preview, Remote::Loaded(preview) if preview.plan.is_none())
    }

    fn running(&self) -> bool {
        self.control.running()
    }

    fn apply(&self, app: &App) -> Vec<Step> {
        let say = |level, text: &str| vec![Step::Say(level, text.to_owned())];
        if self.running() {
            return say(
                FlashLevel::Info,
                "The undo is on its way: wait for it, or stop it",
            );
        }
        let Remote::Loaded(preview) = &self.preview else {
            return say(FlashLevel::Info, "The journal is still being read");
        };
        let Some(plan) = &preview.plan else {
            return say(FlashLevel::Info, "Nothing to undo");
        };
        if !preview.conflicts.is_empty() {
            return say(
                FlashLevel::Error,
                "Not undone: the organization changed since (see the conflicts); nobody's change is overwritten",
            );
        }
        let question = format!(
            "{} ({}): {}? These {} change(s) take it back:",
            plan.title(),
            plan.entry.source,
            plan.entry.summary,
            plan.inverse.len()
        );
        let record = undo_record(plan, SOURCE);
        let run = ApplyFetch::checked(plan.inverse.clone(), record, app, &self.control);
        let apply_text = format!("Undo #{}", plan.entry.id);
        ConfirmRun::open(("Undo", Context::Undo), question, apply_text, run)
    }
}

impl View for Undo {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    fn offer(&self, action: Action, app: &App) -> Offer {
        match action {
            Action::ApplyPlan if self.nothing_to_undo() => Offer::Refuses(
                crate::tui::routing::Refusal::Error("Nothing to undo".into()),
            ),
            Action::ApplyPlan => Offer::unless(app.change_refusal()),
            Action::Up | Action::Down => Offer::Acts,
            Action::Stop if self.running() => Offer::Acts,
            _ => Offer::Ignores,
        }
    }

    fn act(&mut self, action: Action, app: &App) -> Vec<Step> {
        match action {
            Action::Up => {
                self.scroll = self.scroll.min(self.last_scroll.get()).saturating_sub(1);
            }
            Action::Down => self.scroll = (self.scroll + 1).min(self.last_scroll.get()),
            Action::ApplyPlan => return self.apply(app),
            Action::Stop => return self.control.stop_asked_step(),
            _ => {}
        }
        Vec::new()
    }

    fn load(&mut self, app: &App) -> Vec<Step> {
        self.preview = Remote::Loading;
        vec![Step::Fetch(Fetcher::new(PreviewFetch {
            journal: app.journal.clone(),
        }))]
    }

    fn arrived(&mut self, fetch: &Fetcher, result: FetchAnswer, app: &App) -> Vec<Step> {
        if fetch.as_kind::<PreviewFetch>().is_some() {
            self.preview = match read::<UndoPreview>(result) {
                Ok(preview) => Remote::Loaded(preview),
                Err(error) => Remote::Failed(error),
            };
            self.scroll = 0;
            return Vec::new();
        }
        match read::<RunOutcome>(result) {
            Ok(outcome) => {
                let step = said(&outcome, "undo change");
                let changed = !outcome.applied.is_empty();
                self.outcome = Some(outcome);
                let mut steps = vec![step];
                if changed {
                    steps.push(Step::ReloadOrganization);
                }
                // What is undoable now (the next one back, or the same with its conflicts).
                steps.extend(self.load(app));
                steps
            }
            Err(error) => vec![Step::Say(
                FlashLevel::Error,
                format!("Not undone: {}", error.message),
            )],
        }
    }

    /// A run under way is not torn down: it is asked to stop after the change on its way, and
    /// its outcome still comes here.
    fn cancelled(&mut self) {
        if matches!(self.preview, Remote::Loading) {
            self.preview = Remote::Failed(RemoteError::new(
                crate::client::ErrorKind::Cancelled,
                "Stopped reading the journal (ctrl-r reads it again)",
            ));
        }
    }

    fn busy(&self) -> Option<String> {
        self.running()
            .then(|| "The undo is on its way: stop it first (it stops between two changes)".into())
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
