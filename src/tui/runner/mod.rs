//! The effect runner: every request runs on its own tokio task against the profile's
//! `AdminClient`, and its answer comes back as a message. The UI never waits on it, and
//! ctrl-c aborts the reads; a change is asked to stop after its request under way instead
//! (see `journaling`), and its answer still comes: the spinner turns for it until then, though
//! whatever asked for it has stopped waiting.
//! Changes still on their way when the console closes are waited for (`EffectRunner::settle`):
//! what the server did must reach the journal.

pub mod clipboard;
pub mod convert;
pub mod journaling;
pub mod reading;

use std::collections::HashMap;
use std::sync::Arc;

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};

use std::time::Duration;

use futures::FutureExt;
use tokio::sync::Mutex;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use crate::actions::journal::Journal;
use crate::actions::members_own::own_roles_only;
use crate::client::ErrorKind;
use crate::client::{AdminClient, Profile};
use crate::tui::call::{Call, Partial, Reply};
use crate::tui::effect::{Effect, EffectRunner};
use crate::tui::msg::Msg;
use crate::tui::state::{RemoteError, RequestId};
use crate::tui::views::fetch::Ending;

/// Connections are made on first use, one profile at a time, and kept for the session.
type Connections = Arc<Vec<Mutex<Option<AdminClient>>>>;

pub struct ClientRunner {
    profiles: Arc<Vec<Profile>>,
    connections: Connections,
    sender: UnboundedSender<Msg>,
    running: HashMap<RequestId, Running>,
    /// Changes told to stop (ctrl-c) that are finishing their request under way and
    /// journaling it: no longer cancellable, answered when they end, waited for at the end.
    stopping: Vec<Running>,
    /// Where the console's changes are recorded; none in tests that keep no journal.
    journal: Option<Arc<Journal>>,
}

/// A request on its way: how to tear it down, and how it ends when the console stops waiting
/// for it (a change, or a view's run of changes, is let finish or asked to stop after the
/// request under way instead).
struct Running {
    task: JoinHandle<()>,
    ending: Ending,
    /// What it sends, for the admin told it may not have finished.
    what: String,
}

/// A call as the admin is told it may not have finished: what it does and the requests it
/// sends (`removing members: DELETE /workspaces/…/members`).
fn what_it_sends(call: &Call) -> String {
    let requests: Vec<String> = call
        .changes()
        .unwrap_or_default()
        .iter()
        .map(|r| format!("{} {}", r.method(), r.path()))
        .collect();
    if requests.is_empty() {
        call.label().to_owned()
    } else {
        format!("{}: {}", call.label(), requests.join(", "))
    }
}

impl ClientRunner {
    pub fn new(profiles: Vec<Profile>, sender: UnboundedSender<Msg>) -> Self {
        let connections = profiles.iter().map(|_| Mutex::new(None)).collect();
        Self {
            profiles: Arc::new(profiles),
            connections: Arc::new(connections),
            sender,
            running: HashMap::new(),
            stopping: Vec::new(),
            journal: None,
        }
    }

    /// Records every change the console sends in `journal`.
    pub fn with_journal(mut self, journal: Journal) -> Self {
        self.journal = Some(Arc::new(journal));
        self
    }

    /// The changes sent that have not finished: running, or told to stop and finishing.
    fn unfinished_changes(&self) -> impl Iterator<Item = &Running> {
        let running = self.running.values().filter(|r| r.ending.is_waited_for());
        running
            .chain(&self.stopping)
            .filter(|r| !r.task.is_finished())
    }

    fn spawn(&mut self, id: RequestId, profile: usize, call: Call) {
        self.running
            .retain(|_, running| !running.task.is_finished());
        self.stopping.retain(|running| !running.task.is_finished());
        let profiles = Arc::clone(&self.profiles);
        let connections = Arc::clone(&self.connections);
        let sender = self.sender.clone();
        let label = call.label();
        let what = what_it_sends(&call);
        let journal = self.journal.clone();
        let changes = call.changes();
        // A change stops through the flag its journaling reads, which records it; a view's
        // fetch says how it ends itself (the rule `Call::finishes_when_stopped` tells the UI).
        let halted = changes.as_ref().map(|_| Arc::new(AtomicBool::new(false)));
        let ending = match halted.clone() {
            Some(flag) => Ending::Stops {
                stop: Arc::new(move || flag.store(true, Ordering::Relaxed)),
                journaled: journal.is_some(),
            },
            None => call.ending(),
        };
        let task = tokio::spawn(async move {
            tracing::debug!(request = id.0, profile, what = label, "request started");
            let pages = sender.clone();
            let work = async {
                let client = connect(&profiles, &connections, profile).await?;
                if let (Some(requests), Some(stop)) = (&changes, &halted) {
                    let journal = journal.as_deref();
                    // The role editor sends what each member should hold; a group's share of
                    // it stays the group's.
                    let requests = match call {
                        Call::Change(_) => own_roles_only(&client, requests)
                            .await
                            .map_err(|e| convert::error(&e))?,
                        _ => requests.clone(),
                    };
                    return journaling::perform(&client, journal, &call, &requests, stop).await;
                }
                call.perform_reporting(&client, |page| {
                    let _ = pages.send(Msg::Partial(Box::new(Partial { id, profile, page })));
                })
                .await
            };
            // A bug in a request must not leave the spinner running forever.
            let result = match AssertUnwindSafe(work).catch_unwind().await {
                Ok(result) => result,
                Err(_) => Err(RemoteError::new(
                    ErrorKind::Unexpected,
                    "internal error (see the log file)",
                )),
            };
            let _ = sender.send(Msg::Reply(Box::new(Reply {
                id,
                profile,
                call,
                result,
            })));
        });
        self.running.insert(id, Running { task, ending, what });
    }
}

impl EffectRunner for ClientRunner {
    fn run(&mut self, effect: Effect) {
        match effect {
            Effect::Request { id, profile, call } => self.spawn(id, profile, call),
            Effect::Cancel(ids) => {
                for id in ids {
                    let Some(running) = self.running.remove(&id) else {
                        continue;
                    };
                    if running.ending.is_waited_for() {
                        running.ending.ask_to_stop();
                        tracing::debug!(request = id.0, "change asked to stop");
                        self.stopping.push(running);
                    } else {
                        running.task.abort();
                        tracing::debug!(request = id.0, "request aborted");
                    }
                }
            }
            // Timers are the event loop's business.
            Effect::ExpireFlash { .. } => {}
            Effect::Copy(text) => clipboard::copy(&text),
        }
    }

    /// Changes sent and not finished yet: those running and those told to stop.
    fn changes_under_way(&self) -> usize {
        self.unfinished_changes().count()
    }

    fn unfinished(&self) -> Vec<String> {
        self.unfinished_changes().map(|r| r.what.clone()).collect()
    }

    fn journaled_under_way(&self) -> usize {
        self.unfinished_changes()
            .filter(|r| r.ending.is_journaled())
            .count()
    }

    /// Tells every change to send nothing more, and waits up to `within` for the requests
    /// under way to finish and be journaled; reads are dropped. Gives how many changes were
    /// still going when the time ran out.
    /// The changes stay in `stopping` while they are waited for, so a wait cut short (the
    /// future dropped) still knows which have not finished.
    async fn settle(&mut self, within: Duration) -> usize {
        for (id, running) in self.running.drain() {
            if running.ending.is_waited_for() {
                running.ending.ask_to_stop();
                tracing::debug!(request = id.0, "change asked to stop at the end");
                self.stopping.push(running);
            } else {
                running.task.abort();
            }
        }
        let deadline = tokio::time::Instant::now() + within;
        let mut going = 0;
        for change in &mut self.stopping {
            if change.task.is_finished() {
                continue;
            }
            if tokio::time::timeout_at(deadline, &mut change.task)
                .await
                .is_err()
            {
                change.task.abort();
                going += 1;
            }
        }
        if going > 0 {
            tracing::warn!(going, "changes still under way when the console closed");
        }
        going
    }
}

impl Drop for ClientRunner {
    fn drop(&mut self) {
        for running in self.running.values() {
            running.task.abort();
        }
        for running in &self.stopping {
            running.task.abort();
        }
    }
}

async fn connect(
    profiles: &[Profile],
    connections: &Connections,
    index: usize,
) -> Result<AdminClient, RemoteError> {
    let Some(profile) = profiles.get(index) else {
        return Err(RemoteError::new(ErrorKind::Config, "no such profile"));
    };
    // Held while connecting, so a key command (e.g. a password manager) runs once, not once
    // per request of the first screen. A failure is not kept: the next request tries again.
    let mut slot = connections[index].lock().await;
    if let Some(client) = slot.as_ref() {
        return Ok(client.clone());
    }
    let client = profile.connect().await.map_err(|e| convert::error(&e))?;
    *slot = Some(client.clone());
    Ok(client)
}
