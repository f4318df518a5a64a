//! A confirmed change of several requests (offboarding, revoking invitations, re-inviting)
//! run one request at a time, so the view can show how far it got (`3/7`) and the admin can
//! stop it between two requests. When it ends, for whatever reason, the report says step by
//! step what was done, what failed and why, and what was not attempted.

use std::sync::Arc;

use crate::actions::Plan;
use crate::tui::state::RemoteError;
use crate::tui::views::{Fetcher, Step};

use super::loading::StepFetch;

/// A confirmed plan with the words the view shows while it runs.
#[derive(Debug, Clone)]
pub struct Batch {
    /// What is happening, as a verb phrase: "Offboarding ada@x.io".
    pub title: String,
    pub plan: Plan,
}

impl Batch {
    pub fn new(title: impl Into<String>, plan: Plan) -> Arc<Self> {
        Arc::new(Self {
            title: title.into(),
            plan,
        })
    }

    /// The fetch that sends its first request: what a confirmation starts.
    pub fn first(self: &Arc<Self>) -> Fetcher {
        Fetcher::new(StepFetch {
            batch: Arc::clone(self),
            index: 0,
        })
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum End {
    /// Every request was made.
    Done,
    /// The server refused one; nothing after it was sent.
    Failed,
    /// The admin stopped it between two requests.
    Stopped,
    /// ctrl-c: the view stopped waiting for the request on its way, so it does not know whether
    /// it was made (the runner lets it finish and journals it if it was).
    Interrupted,
}

/// A batch being run, or run.
#[derive(Debug, Clone)]
pub struct Run {
    pub batch: Arc<Batch>,
    /// One entry per request answered: `None` when it was made, else why not.
    pub answered: Vec<Option<String>>,
    pub stopping: bool,
    pub end: Option<End>,
}

impl Run {
    pub fn new(batch: Arc<Batch>) -> Self {
        Self {
            batch,
            answered: Vec::new(),
            stopping: false,
            end: None,
        }
    }

    pub fn total(&self) -> usize {
        self.batch.plan.steps.len()
    }

    pub fn running(&self) -> bool {
        self.end.is_none()
    }

    /// The progress line: "Offboarding ada@x.io: 3/7".
    pub fn progress(&self) -> String {
        format!(
            "{}: {}/{}",
            self.batch.title,
            self.answered.len(),
            self.total()
        )
    }

    /// The answer to request `index`; the next request to send, if the run goes on.
    pub fn answer(&mut self, index: usize, result: Result<(), RemoteError>) -> Option<Step> {
        if index != self.answered.len() || self.end.is_some() {
            return None;
        }
        let failed = result.err().map(|e| e.message);
        let refused = failed.is_some();
        self.answered.push(failed);
        let next = self.answered.len();
        self.end = if refused {
            Some(End::Failed)
        } else if next == self.total() {
            Some(End::Done)
        } else if self.stopping {
            Some(End::Stopped)
        } else {
            None
        };
        self.end.is_none().then(|| {
            Step::Fetch(Fetcher::new(StepFetch {
                batch: Arc::clone(&self.batch),
                index: next,
            }))
        })
    }

    /// Each step with what became of it: `(mark, text)`; ✓ made, ✗ refused (why),
    /// ? unknown, · not attempted.
    pub fn report(&self) -> Vec<(&'static str, String)> {
        let steps = &self.batch.plan.steps;
        steps
            .iter()
            .enumerate()
            .map(|(i, step)| match self.answered.get(i) {
                Some(None) => ("✓", format!("done: {}", step.label)),
                Some(Some(why)) => ("✗", format!("failed: {}: {why}", step.label)),
                None if i == self.answered.len() && self.end == Some(End::Interrupted) => (
                    "?",
                    format!(
                        "unknown: {} (interrupted while on its way; reload to see)",
                        step.label
                    ),
                ),
                None => ("·", format!("not done: {}", step.label)),
            })
            .collect()
    }

    /// The report's first line.
    pub fn headline(&self) -> String {
        let done = self.answered.iter().filter(|a| a.is_none()).count();
        let total = self.total();
        match self.end {
            Some(End::Done) => format!("{}: done, {done}/{total}", self.batch.title),
            Some(End::Failed) => format!(
                "{}: stopped by a failure after {done} of {total} requests",
                self.batch.title
            ),
            Some(End::Stopped) => format!(
                "{}: stopped as asked after {done} of {total} requests",
                self.batch.title
            ),
            Some(End::Interrupted) => format!(
                "{}: interrupted after {done} of {total} requests",
                self.batch.title
            ),
            None => self.progress(),
        }
    }
}
