//! Keys of the role editor: ticking roles, then the preview with Apply, Back and Cancel.

use crate::tui::update::flash;
use crossterm::event::KeyEvent;

use crate::actions::Request;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::dialogs::roles::{REVIEW_BUTTONS, Stage};
use crate::tui::state::dialogs::{Button, EditRoles, step_button};
use crate::tui::state::{App, Modal};

use super::send;

fn dialog(app: &mut App) -> Option<&mut EditRoles> {
    match app.modals.last_mut() {
        Some(Modal::EditRoles(d)) => Some(d),
        _ => None,
    }
}

pub fn key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(stage) = dialog(app).map(|d| d.stage) else {
        return Vec::new();
    };
    match stage {
        Stage::Choose => choose_key(app, key),
        Stage::Review(focus) => review_key(app, key, focus),
    }
}

fn choose_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(action) = app.keymap.action(Context::Roles, key) else {
        return Vec::new();
    };
    let Some(d) = dialog(app) else {
        return Vec::new();
    };
    match action {
        Action::Up => d.cursor = d.cursor.saturating_sub(1),
        Action::Down => d.cursor = (d.cursor + 1).min(d.choices.len().saturating_sub(1)),
        Action::Toggle => {
            let at = d.cursor;
            d.toggle(at);
        }
        // A refusal stays in the dialog, next to the roles, until the user changes a tick.
        Action::Review => {
            let _ = d.review();
        }
        Action::Cancel => {
            app.modals.pop();
        }
        _ => {}
    }
    Vec::new()
}

fn review_key(app: &mut App, key: &KeyEvent, focus: Button) -> Vec<Effect> {
    let Some(action) = app.keymap.action(Context::Dialog, key) else {
        return Vec::new();
    };
    let Some(d) = dialog(app) else {
        return Vec::new();
    };
    let pressed = match action {
        Action::NextButton => {
            d.stage = Stage::Review(step_button(&REVIEW_BUTTONS, focus, 1));
            return Vec::new();
        }
        Action::PreviousButton => {
            d.stage = Stage::Review(step_button(&REVIEW_BUTTONS, focus, -1));
            return Vec::new();
        }
        Action::Press => focus,
        Action::Cancel => Button::Cancel,
        _ => return Vec::new(),
    };
    match pressed {
        Button::Apply => match d.request() {
            Ok(members) => {
                let workspace = d.workspace;
                send(app, Request::SetMemberRoles { workspace, members })
            }
            Err(reason) => flash::error(app, format!("Nothing changed: {reason}")),
        },
        Button::Back => {
            d.stage = Stage::Choose;
            d.submission.error = None;
            Vec::new()
        }
        _ => {
            app.modals.pop();
            Vec::new()
        }
    }
}
