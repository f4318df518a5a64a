//! Deleting keys and rotating one: a confirmation that lists the keys by name, every one of
//! them (scrolled inside the dialog with the keys view's arrows when longer than the screen,
//! the button offered only once every line was drawn), and opens on Cancel; then the plan's
//! requests go one at a time, with the count done shown (`3/10`), so ctrl-c stops between two
//! of them and a refusal says exactly how far it got. A rotation's new key is shown once, when
//! the run ends (or in this dialog, if the deletion is refused). A run stopped while a
//! request was on its way checks the keys before it goes on (`resume`).

mod resume;
mod view;

use ratatui::Frame;
use time::Date;

use crate::actions::key_list::{KeyRow, shortened};
use crate::actions::{Plan, Reply, outcome, resolve};
use crate::api::{ApiKeyExtendedOut, ApiKeyOut};
use crate::tui::call::Call;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::update::{flash, requests};
use crate::tui::widgets::read_through::ReadThrough;

use super::key_shown::{KeyShown, copy_secret};
use super::{After, Answered, Button, Canvas, Dialog, Next, RowKey, Submission};

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Remove];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    Delete,
    Rotate,
}

#[derive(Debug, Clone)]
pub struct KeyRun {
    pub kind: RunKind,
    pub plan: Plan,
    /// What the run does, in a sentence that names no key: the list below names each once.
    pub heading: String,
    /// Each key as the admin knows it: name, hidden key, workspace, owner.
    pub listed: Vec<String>,
    /// `listed`, scrolled inside the dialog.
    pub list: ReadThrough,
    /// The rotated key's expiry as asked, to tell when the server shortened it.
    pub asked_expiry: Option<Date>,
    pub focus: Button,
    pub submission: Submission,
    /// Requests of the plan the server has made.
    pub done_steps: usize,
    /// A rotation's replacement, once made: shown only in this dialog and the next.
    pub created: Option<Box<ApiKeyOut>>,
    /// The request that was on its way when the run stopped, while the keys are read again
    /// to learn whether it was made.
    pub unknown_step: Option<usize>,
    /// Requests found already made when the keys were read again: they are not sent.
    pub gone: Vec<usize>,
    /// What reading the keys again found, a line per key concerned.
    pub checked: Vec<String>,
}

fn describe(row: &KeyRow) -> String {
    format!(
        "{} in \"{}\", owner {}",
        resolve::key_label(&row.key),
        row.key.workspace_name.as_deref().unwrap_or("?"),
        row.owner
    )
}

impl KeyRun {
    pub fn delete(plan: Plan, keys: &[KeyRow]) -> Self {
        let heading = format!("{}:", crate::actions::keys::deletion_warning(keys.len()));
        Self::new(
            RunKind::Delete,
            plan,
            heading,
            keys.iter().map(describe).collect(),
            None,
        )
    }

    pub fn rotate(plan: Plan, key: &KeyRow, expiration: Option<Date>) -> Self {
        // The rotation's sentence names its one key with what happens to it.
        let heading = plan.summary.clone();
        Self::new(
            RunKind::Rotate,
            plan,
            heading,
            vec![describe(key)],
            expiration,
        )
    }

    fn new(
        kind: RunKind,
        plan: Plan,
        heading: String,
        listed: Vec<String>,
        asked_expiry: Option<Date>,
    ) -> Self {
        Self {
            kind,
            plan,
            heading,
            listed,
            list: ReadThrough::default(),
            asked_expiry,
            focus: Button::Cancel,
            submission: Submission::default(),
            done_steps: 0,
            created: None,
            unknown_step: None,
            gone: Vec::new(),
            checked: Vec::new(),
        }
    }

    pub fn total(&self) -> usize {
        self.plan.steps.len()
    }

    fn next_request(&self) -> Option<crate::actions::Request> {
        self.plan
            .steps
            .get(self.done_steps)
            .map(|s| s.request.clone())
    }

    /// What the status line says once every request was made.
    fn finished_text(&self) -> String {
        let text = match self.kind {
            RunKind::Delete => format!(
                "Deleted {}: they no longer work",
                outcome::count_of(self.total(), "API key", "API keys")
            ),
            RunKind::Rotate => "Rotated: the replacement works and the old key is deleted".into(),
        };
        match self.gone.len() {
            0 => text,
            n => format!("{text} ({n} found already gone when the run went on)"),
        }
    }
}

impl Dialog for KeyRun {
    fn name(&self) -> &'static str {
        match self.kind {
            RunKind::Delete => "delete API keys",
            RunKind::Rotate => "rotate API key",
        }
    }

    /// The keys view's arrows scroll the list.
    fn layers(&self) -> Vec<Layer> {
        let row = [Layer::Keys(Context::Dialog), Layer::Keys(Context::Keys)];
        if self.created.is_some() {
            [&[Layer::Keys(Context::NewKey)][..], &row].concat()
        } else {
            row.to_vec()
        }
    }

    /// Copying a replacement's secret, the buttons' keys and scrolling. esc and enter close
    /// the new-key section only when there is no button to press, so never here.
    fn offers(&self, action: Action) -> bool {
        action == Action::CopyKey || ReadThrough::offers(action)
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        if action == Action::CopyKey {
            return self.created.as_deref().map_or(Next::Stay, copy_secret);
        }
        let row = (&BUTTONS[..], &mut self.focus, Button::Remove);
        match self.list.button_key(action, row) {
            Err(why) => Next::Say(FlashLevel::Error, why),
            // The stopped request may have been made: look before sending anything again.
            Ok(RowKey::Confirm) if self.last_outcome_unknown() => {
                self.unknown_step = Some(self.done_steps);
                Next::CheckKeys
            }
            Ok(RowKey::Confirm) => match self.next_request() {
                Some(request) => Next::Send(request),
                None => Next::Then(After::Say(FlashLevel::Success, self.finished_text())),
            },
            Ok(RowKey::Close) => Next::Close,
            Ok(RowKey::Moved | RowKey::Other) => Next::Stay,
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn keys_reread(&mut self, keys: &[ApiKeyExtendedOut]) {
        KeyRun::keys_reread(self, keys);
    }

    /// One request made: the next one goes at once, in a copy of this dialog that shows the
    /// count; after the last, the outcome, and a rotation's new key in its own dialog.
    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        let mut next = self.clone();
        next.done_steps += 1;
        next.skip_gone();
        for reply in answer.replies {
            if let Reply::KeyCreated(key) = reply {
                next.created = Some(key.clone());
            }
        }
        if let Some(request) = next.next_request() {
            let (id, effect) = requests::send(app, answer.profile, Call::Change(vec![request]));
            next.submission.start(id);
            app.dialogs.push(Box::new(next));
            return vec![effect];
        }
        let mut effects = vec![flash::show(app, FlashLevel::Success, next.finished_text())];
        if let Some(key) = next.created {
            let note = shortened(next.asked_expiry, key.expiration_date);
            app.dialogs.push(Box::new(KeyShown::new(*key, note)));
        }
        effects.extend(crate::tui::views::control::reload(app));
        effects.extend(requests::reload_keys(app, answer.profile));
        effects
    }
}

#[cfg(test)]
mod tests;
