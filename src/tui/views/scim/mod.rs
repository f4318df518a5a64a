//! `:scim`: the identity-provider sync. A dry run shows what a sync would do as a diff (who
//! would be provisioned or deprovisioned, which groups created, renamed or deleted, who joins
//! or leaves which group) and changes nothing; the real run, behind a confirmation that opens
//! on Cancel and only after a preview was shown, applies it. A run is followed until it ends;
//! one already active is followed, never duplicated.

mod confirm;
mod loading;
#[cfg(test)]
mod tests;
mod view;

use crate::api::AdminScimSyncRunOut;
use crate::client::ScimSyncStart;
use crate::tui::views::prelude::*;
use crate::tui::widgets::read_through::ReadThrough;

pub use confirm::ConfirmSync;
pub use loading::{POLL_EVERY, PollFetch, StartFetch, finished};

pub const ENTRY: Entry = Entry {
    command: "scim",
    summary: "Identity-provider sync: preview as a diff, then run it",
    context: Context::Scim,
    open: |_| Box::new(Scim::default()),
};

#[derive(Debug, Clone, Default)]
pub struct Scim {
    /// The run shown: the latest one started or followed.
    pub run: Option<AdminScimSyncRunOut>,
    /// A start or poll is on its way.
    pub busy: bool,
    /// A real run's start is on its way: it cannot be called back, so the view waits for it
    /// (through ctrl-c too) and follows the run it starts.
    pub sending: bool,
    /// The last failure to start or follow a run, shown whole.
    pub error: Option<RemoteError>,
    /// The diff, scrolled.
    pub diff: ReadThrough,
}

impl Scim {
    /// A finished, successful dry run: what the real run would be confirmed against.
    pub fn preview(&self) -> Option<&AdminScimSyncRunOut> {
        self.run
            .as_ref()
            .filter(|r| r.dry_run && r.status == "SUCCESS" && r.summary.is_some())
    }

    fn running(&self) -> bool {
        self.busy || self.run.as_ref().is_some_and(|r| !finished(r))
    }

    fn poll(run: uuid::Uuid, after: std::time::Duration) -> Step {
        Step::Fetch(Fetcher::new(PollFetch { run, after }))
    }
}

impl View for Scim {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    fn offer(&self, action: Action, app: &App) -> Offer {
        match action {
            Action::DryRun | Action::RunSync => Offer::unless(app.change_refusal()),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => Offer::Acts,
            _ => Offer::Ignores,
        }
    }

    fn act(&mut self, action: Action, _app: &App) -> Vec<Step> {
        let say = |text: &str| vec![Step::Say(FlashLevel::Info, text.to_owned())];
        match action {
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.diff.scroll(action);
            }
            Action::DryRun if self.running() => return say("A run is on its way: wait for it"),
            Action::DryRun => {
                self.busy = true;
                self.error = None;
                return vec![Step::Fetch(Fetcher::new(StartFetch { dry_run: true }))];
            }
            Action::RunSync if self.running() => return say("A run is on its way: wait for it"),
            Action::RunSync => match self.preview() {
                Some(preview) => {
                    return vec![Step::Open(Box::new(ConfirmSync::new(preview.clone())))];
                }
                None => {
                    return say("Start a dry run first (d): the sync runs only after its preview");
                }
            },
            _ => {}
        }
        Vec::new()
    }

    /// Nothing is loaded on opening: a run starts only on a key.
    fn load(&mut self, _app: &App) -> Vec<Step> {
        match &self.run {
            Some(run) if !finished(run) => vec![Self::poll(run.run_id, POLL_EVERY)],
            _ => Vec::new(),
        }
    }

    fn arrived(&mut self, fetch: &Fetcher, result: FetchAnswer, _app: &App) -> Vec<Step> {
        if fetch.as_kind::<StartFetch>().is_some() {
            self.sending = false;
            return match read::<ScimSyncStart>(result) {
                Ok(ScimSyncStart::Started(run)) => {
                    self.diff = ReadThrough::default();
                    vec![Self::poll(run, std::time::Duration::ZERO)]
                }
                Ok(ScimSyncStart::AlreadyActive(active)) => vec![
                    Step::Say(
                        FlashLevel::Info,
                        format!(
                            "A run is already {}: following it instead of starting another",
                            active.status
                        ),
                    ),
                    Self::poll(active.run_id, std::time::Duration::ZERO),
                ],
                Err(error) => self.failed(error),
            };
        }
        match read::<AdminScimSyncRunOut>(result) {
            Ok(run) => {
                let done = finished(&run);
                let id = run.run_id;
                let outcome = done.then(|| outcome(&run));
                let changed = done && may_have_changed(&run);
                self.run = Some(run);
                self.busy = !done;
                match outcome {
                    // The panes under the view show the people and workspaces as they are now.
                    Some(step) if changed => vec![step, Step::ReloadOrganization],
                    Some(step) => vec![step],
                    None => vec![Self::poll(id, POLL_EVERY)],
                }
            }
            Err(error) => self.failed(error),
        }
    }

    fn started(&mut self, fetch: &Fetcher) {
        if fetch.as_kind::<StartFetch>().is_some_and(|f| !f.dry_run) {
            self.sending = true;
        }
    }

    /// A run already started goes on on the server; `ctrl-r` follows it again.
    fn cancelled(&mut self) {
        self.busy = false;
    }

    fn busy(&self) -> Option<String> {
        self.sending
            .then(|| "The SCIM sync's start is on its way: wait for the run it starts".into())
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}

impl Scim {
    fn failed(&mut self, error: RemoteError) -> Vec<Step> {
        self.busy = false;
        let text = format!("SCIM sync: {}", error.message);
        self.error = Some(error);
        vec![Step::Say(FlashLevel::Error, text)]
    }
}

/// Whether a run that ended may have changed the organization: a real run that was not
/// skipped (one that failed midway may have applied part of its changes).
fn may_have_changed(run: &AdminScimSyncRunOut) -> bool {
    !run.dry_run && run.status != "SKIPPED"
}

/// What the status line says once a run ends.
fn outcome(run: &AdminScimSyncRunOut) -> Step {
    let kind = if run.dry_run { "Dry run" } else { "Sync" };
    match run.status.as_str() {
        "SUCCESS" if run.dry_run => Step::Say(
            FlashLevel::Success,
            "Dry run done: nothing changed; R runs it for real".to_owned(),
        ),
        "SUCCESS" => Step::Say(
            FlashLevel::Success,
            "Sync done: the changes are applied".to_owned(),
        ),
        "SKIPPED" => Step::Say(
            FlashLevel::Info,
            format!("{kind} skipped: nothing selected"),
        ),
        _ => Step::Say(
            FlashLevel::Error,
            format!(
                "{kind} failed: {}",
                run.error_message.as_deref().unwrap_or("no reason given")
            ),
        ),
    }
}
