//! A run of plan engine changes from the console (`:plan`'s apply, `:undo`), as one fetch
//! on the async runner: [`crate::actions::org_run::run`] applies the changes one at a time
//! and records them as one journal entry. The view and the run share a [`RunControl`]:
//! the run tells it how far it got (the view draws `3/7`), the view asks it to stop between
//! two changes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::actions::journal::Journal;
use crate::actions::org_run::{self, Control, Record, RunOutcome};
use crate::client::AdminClient;
use crate::domain::org::Change;
use crate::tui::views::fetch::{Ask, Ending, remote};
use crate::tui::views::prelude::*;

/// What the view and its run share while the run goes.
#[derive(Debug, Default)]
pub struct RunControl {
    running: AtomicBool,
    done: AtomicUsize,
    total: AtomicUsize,
    stop: AtomicBool,
}

impl RunControl {
    /// `(done, total)` while a run goes.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.running.load(Ordering::SeqCst).then(|| {
            (
                self.done.load(Ordering::SeqCst),
                self.total.load(Ordering::SeqCst),
            )
        })
    }

    /// Whether a run goes now.
    pub fn running(&self) -> bool {
        self.running.load(Ordering::SeqCst)
    }

    pub fn ask_to_stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    /// The stop key: asked, and said (the run stops between two changes).
    pub fn stop_asked_step(&self) -> Vec<Step> {
        self.ask_to_stop();
        vec![Step::Say(
            FlashLevel::Info,
            "Stopping after the change on its way…".into(),
        )]
    }

    pub fn stop_asked(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// A run starts: nothing done yet, no stop asked.
    pub fn begin(&self, total: usize) {
        self.done.store(0, Ordering::SeqCst);
        self.total.store(total, Ordering::SeqCst);
        self.stop.store(false, Ordering::SeqCst);
        self.running.store(true, Ordering::SeqCst);
    }

    /// `done` of `total` changes are applied.
    pub fn report(&self, done: usize, total: usize) {
        self.done.store(done, Ordering::SeqCst);
        self.total.store(total, Ordering::SeqCst);
    }

    pub fn end(&self) {
        self.running.store(false, Ordering::SeqCst);
    }
}

/// The shared control as the action layer's [`Control`], with the run's own stop (ctrl-c's,
/// which may come before the run has begun and so before `begin` clears the view's).
struct Shared(Arc<RunControl>, Arc<AtomicBool>);

impl Control for Shared {
    fn progress(&mut self, done: usize, total: usize) {
        self.0.report(done, total);
    }

    fn stop_asked(&self) -> bool {
        self.0.stop_asked() || self.1.load(Ordering::SeqCst)
    }
}

/// Tells the view the run has ended when dropped.
struct Ends(Arc<RunControl>);

impl Drop for Ends {
    fn drop(&mut self) {
        self.0.end();
    }
}

/// Applies `changes` and records them; `check` first refuses the whole run when any change
/// no longer applies (undo: someone changed the same thing since).
#[derive(Debug, Clone)]
pub struct ApplyFetch {
    pub changes: Vec<Change>,
    pub record: Record,
    pub check: bool,
    pub journal: Option<Journal>,
    pub control: Arc<RunControl>,
    /// Set by ctrl-c through [`Ask::ending`]: this run, and no later one, stops.
    pub halt: Arc<AtomicBool>,
}

impl ApplyFetch {
    /// The console's run of `changes`, each checked against the organization as it is now
    /// before any is sent, recorded as `record` in the session's journal and reporting to
    /// `control`.
    pub fn checked(
        changes: Vec<Change>,
        record: Record,
        app: &App,
        control: &Arc<RunControl>,
    ) -> Self {
        Self {
            changes,
            record,
            check: true,
            journal: app.journal.clone(),
            control: Arc::clone(control),
            halt: Arc::default(),
        }
    }
}

impl Ask for ApplyFetch {
    type Answer = RunOutcome;

    fn label(&self) -> &'static str {
        // What the status line says while it runs: an undo records the entry it takes back.
        if self.record.undoes.is_some() {
            "undoing"
        } else {
            "applying the plan"
        }
    }

    fn ending(&self) -> Ending {
        let halt = Arc::clone(&self.halt);
        Ending::Stops {
            stop: Arc::new(move || halt.store(true, Ordering::SeqCst)),
            journaled: self.journal.is_some(),
        }
    }

    /// The run counts as going from the moment it is sent, before its first change.
    fn ask(
        self,
        client: AdminClient,
    ) -> impl Future<Output = Result<RunOutcome, RemoteError>> + Send {
        self.control.begin(self.changes.len());
        // The run ends however its task does: finished, panicked, or torn down (even before
        // it was first polled), so the view is never left busy.
        let ends = Ends(Arc::clone(&self.control));
        async move {
            let _ends = ends;
            let mut shared = Shared(Arc::clone(&self.control), Arc::clone(&self.halt));
            let outcome = org_run::run(
                &client,
                self.journal.as_ref(),
                &self.changes,
                &self.record,
                self.check,
                &mut shared,
            )
            .await;
            outcome.map_err(remote)
        }
    }

    #[cfg(test)]
    fn fixture(&self) -> RunOutcome {
        RunOutcome {
            applied: self.changes.clone(),
            entry: Some(7),
            ..RunOutcome::default()
        }
    }
}

/// What the status line says once a run ended; `what` is "staged change" or "undo change".
pub fn said(outcome: &RunOutcome, what: &str) -> Step {
    let total = outcome.applied.len() + outcome.left().len();
    let kept = match &outcome.entry {
        Some(id) => format!(" (journal #{id})"),
        None => outcome
            .journal_error
            .as_ref()
            .map(|why| format!(" (not in the journal: {why})"))
            .unwrap_or_default(),
    };
    let applied = outcome.applied.len();
    if !outcome.conflicts.is_empty() {
        return Step::Say(
            FlashLevel::Error,
            format!(
                "Nothing was applied: {} {what}(s) conflict with the organization as it is now",
                outcome.conflicts.len()
            ),
        );
    }
    if let Some((change, why)) = &outcome.failed {
        return Step::Say(
            FlashLevel::Error,
            format!(
                "Stopped at {}: {why}. Applied {applied} of {total}{kept}; {} not applied",
                change.line(),
                outcome.left().len()
            ),
        );
    }
    if outcome.cancelled {
        return Step::Say(
            FlashLevel::Info,
            format!(
                "Stopped as asked: applied {applied} of {total}{kept}; {} not applied",
                outcome.not_done.len()
            ),
        );
    }
    Step::Say(
        FlashLevel::Success,
        format!("Applied {applied} {what}(s){kept}"),
    )
}
