//! Deleting keys and rotating one: a confirmation that lists the keys by name and opens on
//! Cancel; then the plan's requests go one at a time, with the count done shown (`3/10`), so
//! ctrl-c stops between two of them and a refusal says exactly how far it got. A rotation's
//! new key is shown once, when the run ends (or in this dialog, if the deletion is refused).

mod view;

use ratatui::Frame;
use time::Date;

use crate::actions::key_list::{KeyRow, shortened};
use crate::actions::{Plan, Reply, outcome, resolve};
use crate::api::ApiKeyOut;
use crate::tui::call::Call;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::update::{flash, requests};

use super::key_shown::{KeyShown, copy_secret};
use super::{Button, Canvas, Dialog, Next, RowKey, Submission, row_key};

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
    /// Each key as the admin knows it: name, hidden key, workspace, owner.
    pub listed: Vec<String>,
    /// The rotated key's expiry as asked, to tell when the server shortened it.
    pub asked_expiry: Option<Date>,
    pub focus: Button,
    pub submission: Submission,
    /// Requests of the plan the server has made.
    pub done_steps: usize,
    /// A rotation's replacement, once made: shown only in this dialog and the next.
    pub created: Option<Box<ApiKeyOut>>,
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
        Self::new(
            RunKind::Delete,
            plan,
            keys.iter().map(describe).collect(),
            None,
        )
    }

    pub fn rotate(plan: Plan, key: &KeyRow, expiration: Option<Date>) -> Self {
        Self::new(RunKind::Rotate, plan, vec![describe(key)], expiration)
    }

    fn new(kind: RunKind, plan: Plan, listed: Vec<String>, asked_expiry: Option<Date>) -> Self {
        Self {
            kind,
            plan,
            listed,
            asked_expiry,
            focus: Button::Cancel,
            submission: Submission::default(),
            done_steps: 0,
            created: None,
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
        match self.kind {
            RunKind::Delete => format!(
                "Deleted {}: they no longer work",
                outcome::count_of(self.total(), "API key", "API keys")
            ),
            RunKind::Rotate => "Rotated: the replacement works and the old key is deleted".into(),
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

    fn layers(&self) -> Vec<Layer> {
        if self.created.is_some() {
            vec![Layer::Keys(Context::NewKey), Layer::Keys(Context::Dialog)]
        } else {
            vec![Layer::Keys(Context::Dialog)]
        }
    }

    fn offers(&self, action: Action) -> bool {
        // esc and enter close the new-key section only when there is no button to press.
        !matches!(action, Action::Close)
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        if action == Action::CopyKey {
            return self.created.as_deref().map_or(Next::Stay, copy_secret);
        }
        match row_key(action, &BUTTONS, &mut self.focus, Button::Remove) {
            RowKey::Confirm => match self.next_request() {
                Some(request) => Next::Send(request),
                None => Next::Close,
            },
            RowKey::Close => Next::Close,
            RowKey::Moved | RowKey::Other => Next::Stay,
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    /// One request made: the next one goes at once, in a copy of this dialog that shows the
    /// count; after the last, the outcome, and a rotation's new key in its own dialog.
    fn done(&self, app: &mut App, profile: usize, replies: &[Reply]) -> Vec<Effect> {
        let mut next = self.clone();
        next.done_steps += 1;
        for reply in replies {
            if let Reply::KeyCreated(key) = reply {
                next.created = Some(key.clone());
            }
        }
        if let Some(request) = next.next_request() {
            let (id, effect) = requests::send(app, profile, Call::Change(vec![request]));
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
        effects.extend(requests::reload_keys(app, profile));
        effects
    }
}
