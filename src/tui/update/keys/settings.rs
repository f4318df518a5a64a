//! Keys of the Settings tab: moving between fields, editing a text field, flipping the
//! toggle, saving. Where the workspace cannot change (read-only, archived), editing, the
//! toggle and saving are refused and not offered.

use crossterm::event::KeyEvent;

use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer};
use crate::tui::state::form::{Extension, Field};
use crate::tui::state::{App, Focus};
use crate::tui::update::{flash, guard, saving, text_input};

/// The form, between edits.
pub const FORM: Handler = Handler::keys(form_offer, form_act);

/// A text field being edited.
pub const EDITING: Handler = Handler {
    offer: editing_offer,
    act: editing_act,
    paste,
};

fn form_offer(app: &App, action: Action) -> Offer {
    if app.open_form().is_none() {
        return Offer::Ignores;
    }
    match action {
        Action::Edit | Action::Toggle | Action::Save => Offer::unless(app.workspace_refusal()),
        Action::NextField | Action::PreviousField | Action::Back => Offer::Acts,
        _ => Offer::Ignores,
    }
}

fn form_act(app: &mut App, input: Input) -> Vec<Effect> {
    let (Input::Action(action), Some(form)) = (input, app.open_form()) else {
        return Vec::new();
    };
    let field = form.focus;
    match action {
        Action::NextField => move_focus(app, 1),
        Action::PreviousField => move_focus(app, -1),
        Action::Edit if field.is_text() => start_editing(app),
        Action::Edit | Action::Toggle => toggle(app),
        Action::Save => save_seen(app),
        Action::Back => {
            app.focus = Focus::Workspaces;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn editing_offer(_app: &App, action: Action) -> Offer {
    Offer::acts_if(matches!(
        action,
        Action::Done | Action::Cancel | Action::NextField | Action::PreviousField | Action::Save
    ))
}

fn editing_act(app: &mut App, input: Input) -> Vec<Effect> {
    let Some(form) = app.open_form_mut() else {
        return Vec::new();
    };
    let action = match input {
        Input::Action(action) => action,
        Input::Typed(key) => {
            type_into(form, &key);
            return Vec::new();
        }
    };
    match action {
        Action::Done => form.editing = None,
        Action::Cancel => {
            if let Some(before) = form.editing.take() {
                let field = form.focus;
                if let Some(input) = form.input_mut(field) {
                    *input = tui_input::Input::new(before);
                }
            }
        }
        Action::NextField | Action::PreviousField => {
            form.editing = None;
            let delta = if action == Action::NextField { 1 } else { -1 };
            let mut effects = move_focus(app, delta);
            effects.extend(start_editing_quietly(app));
            return effects;
        }
        Action::Save => {
            form.editing = None;
            return save_seen(app);
        }
        _ => {}
    }
    Vec::new()
}

fn type_into(form: &mut crate::tui::state::form::SettingsForm, key: &KeyEvent) {
    let field = form.focus;
    if let Some(input) = form.input_mut(field)
        && text_input::feed(input, key) == Some(true)
    {
        form.server_errors.remove(&field);
    }
}

fn paste(app: &mut App, text: &str) {
    let Some(form) = app.open_form_mut() else {
        return;
    };
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

fn move_focus(app: &mut App, delta: isize) -> Vec<Effect> {
    if let Some(form) = app.open_form_mut() {
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
    let form = app.open_form()?;
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
    if let Some(form) = app.open_form_mut()
        && let Some(input) = form.input(form.focus)
    {
        form.editing = Some(input.value().to_owned());
    }
    Vec::new()
}

fn toggle(app: &mut App) -> Vec<Effect> {
    let is_toggle = app
        .open_form()
        .is_some_and(|f| f.focus == Field::MembersCanCreateKeys);
    if !is_toggle {
        return Vec::new();
    }
    if let Some(reason) = refusal(app) {
        return flash::error(app, reason);
    }
    if let Some(form) = app.open_form_mut() {
        form.members_can_create_keys = !form.members_can_create_keys;
        form.server_errors.remove(&Field::MembersCanCreateKeys);
    }
    Vec::new()
}

/// ctrl-s on the form: saves it if the last frame showed all of it.
fn save_seen(app: &mut App) -> Vec<Effect> {
    match guard::unseen(app) {
        Some(reason) => flash::error(app, reason),
        None => saving::save(app, None),
    }
}
