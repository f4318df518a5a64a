//! Keys of the Settings tab: moving between fields, editing, toggling, saving.

use crate::tui::update::flash;
use crossterm::event::KeyEvent;
use uuid::Uuid;

use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::form::{Extension, Field, SettingsForm};
use crate::tui::state::{App, Focus};

use super::{guard, requests, saving, text_input};

pub fn handle(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let editing = form(app)?.editing.is_some();
    if editing {
        return Some(editing_key(app, key));
    }
    let action = app.keymap.action(Context::Settings, key)?;
    let effects = match action {
        Action::NextField => move_focus(app, 1),
        Action::PreviousField => move_focus(app, -1),
        Action::Edit => {
            let field = form(app)?.focus;
            if field.is_text() {
                start_editing(app)
            } else {
                toggle(app)
            }
        }
        Action::Toggle => toggle(app),
        Action::Save => save_seen(app),
        Action::Back => {
            app.focus = Focus::Workspaces;
            Vec::new()
        }
        _ => return None,
    };
    Some(effects)
}

fn editing_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let action = app.keymap.action(Context::Editing, key);
    let Some(form) = form_mut(app) else {
        return Vec::new();
    };
    match action {
        Some(Action::Done) => form.editing = None,
        Some(Action::Cancel) => {
            if let Some(before) = form.editing.take() {
                let field = form.focus;
                if let Some(input) = form.input_mut(field) {
                    *input = tui_input::Input::new(before);
                }
            }
        }
        Some(Action::NextField) => {
            form.editing = None;
            let mut effects = move_focus(app, 1);
            effects.extend(start_editing_quietly(app));
            return effects;
        }
        Some(Action::PreviousField) => {
            form.editing = None;
            let mut effects = move_focus(app, -1);
            effects.extend(start_editing_quietly(app));
            return effects;
        }
        Some(Action::Save) => {
            form.editing = None;
            return save_seen(app);
        }
        _ => {
            let field = form.focus;
            let Some(input) = form.input_mut(field) else {
                return Vec::new();
            };
            if text_input::feed(input, key) == Some(true) {
                form.server_errors.remove(&field);
            }
        }
    }
    Vec::new()
}

pub fn paste(app: &mut App, text: &str) {
    let Some(form) = form_mut(app) else { return };
    if form.editing.is_none() {
        return;
    }
    let field = form.focus;
    if let Some(input) = form.input_mut(field)
        && text_input::paste(input, text)
    {
        form.server_errors.remove(&field);
    }
}

pub fn form(app: &App) -> Option<&SettingsForm> {
    app.org().open_view()?.form.as_ref()
}

pub fn form_mut(app: &mut App) -> Option<&mut SettingsForm> {
    app.org_mut().open_view_mut()?.form.as_mut()
}

fn move_focus(app: &mut App, delta: isize) -> Vec<Effect> {
    if let Some(form) = form_mut(app) {
        let i = Field::ALL
            .iter()
            .position(|f| *f == form.focus)
            .unwrap_or(0);
        let next = i.saturating_add_signed(delta).min(Field::ALL.len() - 1);
        form.focus = Field::ALL[next];
    }
    Vec::new()
}

/// Why the focused field cannot be changed, if it cannot.
fn refusal(app: &App) -> Option<String> {
    if let Some(reason) = app.workspace_refusal() {
        return Some(reason);
    }
    let form = form(app)?;
    if form.saving.is_some() {
        return Some("saving… wait for the answer".into());
    }
    if !form.focus.is_extension() {
        return None;
    }
    match &form.extension {
        Extension::Available { .. } => None,
        Extension::Loading => Some("these settings are still loading".into()),
        Extension::Unavailable(reason) => Some(format!("read-only: {reason}")),
    }
}

fn start_editing(app: &mut App) -> Vec<Effect> {
    if let Some(reason) = refusal(app) {
        return flash::error(app, reason);
    }
    start_editing_quietly(app)
}

/// Starts editing the focused field if it is a text field that may change; used when
/// Tab moves on from a field, where a refusal needs no message.
fn start_editing_quietly(app: &mut App) -> Vec<Effect> {
    if refusal(app).is_some() {
        return Vec::new();
    }
    if let Some(form) = form_mut(app)
        && let Some(input) = form.input(form.focus)
    {
        form.editing = Some(input.value().to_owned());
    }
    Vec::new()
}

fn toggle(app: &mut App) -> Vec<Effect> {
    let is_toggle = form(app).is_some_and(|f| f.focus == Field::MembersCanCreateKeys);
    if !is_toggle {
        return Vec::new();
    }
    if let Some(reason) = refusal(app) {
        return flash::error(app, reason);
    }
    if let Some(form) = form_mut(app) {
        form.members_can_create_keys = !form.members_can_create_keys;
        form.server_errors.remove(&Field::MembersCanCreateKeys);
    }
    Vec::new()
}

/// Asks the server again for what a form shows: after a refusal, what the form knew (the values,
/// the organization's limit) may be out of date, and a Discard must go back to what the server
/// has now, not to what it had when the form opened. Fields the user typed in are kept.
pub fn reload_form(app: &mut App, profile: usize, workspace: Uuid) -> Vec<Effect> {
    let mut effects = requests::load_settings(app, profile, workspace);
    effects.extend(requests::reload_workspaces(app, profile, false));
    effects
}

/// ctrl-s on the form: saves it if the last frame showed all of it.
fn save_seen(app: &mut App) -> Vec<Effect> {
    match guard::unseen(app) {
        Some(reason) => flash::error(app, reason),
        None => saving::save(app, None),
    }
}
