//! Keys of the new-workspace form and of the admin picker that opens over it.

use crate::tui::update::flash;
use crossterm::event::KeyEvent;

use crate::actions::Request;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::dialogs::CreateWorkspace;
use crate::tui::state::dialogs::create::CreateField;
use crate::tui::state::modal::Picker;
use crate::tui::state::{App, Modal, picking};

use super::{send, text_input};

fn form(app: &mut App) -> Option<&mut CreateWorkspace> {
    match app.modals.last_mut() {
        Some(Modal::CreateWorkspace(d)) => Some(d),
        _ => None,
    }
}

pub fn key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let action = app.keymap.action(Context::Create, key);
    let Some(d) = form(app) else {
        return Vec::new();
    };
    let field = d.focus;
    // Space is a character in a text field, flips the box on the box, and does nothing
    // elsewhere: above all, it never presses Create.
    let action = match action {
        Some(Action::Toggle) if field.is_text() => None,
        Some(Action::Toggle) if field != CreateField::AddAll => return Vec::new(),
        other => other,
    };
    match action {
        Some(Action::NextField) => d.focus = field.step(1),
        Some(Action::PreviousField) => d.focus = field.step(-1),
        Some(Action::Submit) => return submit(app),
        Some(Action::Cancel) => {
            app.modals.pop();
        }
        Some(Action::Choose | Action::Toggle) => match field {
            CreateField::Name | CreateField::Description | CreateField::Icon => {
                d.focus = field.step(1)
            }
            CreateField::Admin => return open_admin_picker(app),
            CreateField::AddAll => {
                d.add_all = !d.add_all;
                d.submission.error = None;
            }
            CreateField::Create => return submit(app),
            CreateField::Cancel => {
                app.modals.pop();
            }
        },
        _ => {
            if let Some(input) = d.input_mut(field)
                && text_input::feed(input, key) == Some(true)
            {
                // The refusal was about what the fields said before.
                d.server_errors.remove(&field);
                d.submission.error = None;
            }
        }
    }
    Vec::new()
}

fn open_admin_picker(app: &mut App) -> Vec<Effect> {
    if app.org().people.get().is_none() {
        return flash::error(app, "The organization's members are still loading");
    }
    app.modals.push(Modal::AdminPicker(Picker::default()));
    Vec::new()
}

fn submit(app: &mut App) -> Vec<Effect> {
    let Some(d) = form(app) else {
        return Vec::new();
    };
    match d.request() {
        Ok(body) => send(app, Request::CreateWorkspace { body }),
        Err(reason) => flash::error(app, format!("Not created: {reason}")),
    }
}

/// The admin picker: a fuzzy search over the organization's members.
pub fn picker_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let action = app.keymap.action(Context::Picker, key);
    let Some(Modal::AdminPicker(picker)) = app.modals.last() else {
        return Vec::new();
    };
    let query = picker.query.value().to_owned();
    let cursor = picker.cursor;
    let choices = picking::members(app, &query);
    let Some(Modal::AdminPicker(picker)) = app.modals.last_mut() else {
        return Vec::new();
    };
    match action {
        Some(Action::Up) => picker.cursor = cursor.saturating_sub(1),
        Some(Action::Down) => picker.cursor = (cursor + 1).min(choices.len().saturating_sub(1)),
        Some(Action::Close) => {
            app.modals.pop();
        }
        Some(Action::Choose) => {
            // As drawn: a list that shrank under the cursor shows it on the last entry.
            let cursor = cursor.min(choices.len().saturating_sub(1));
            let Some(choice) = choices.get(cursor) else {
                return flash::info(app, "Nobody matches");
            };
            let admin = (choice.id, format!("{} <{}>", choice.name, choice.email));
            app.modals.pop();
            // The focus stays on the admin the user just chose: a focus that jumps ahead puts
            // the next keys somewhere the user has not looked.
            if let Some(d) = form(app) {
                d.admin = Some(admin);
                d.server_errors.remove(&CreateField::Admin);
                d.submission.error = None;
            }
        }
        _ => {
            if text_input::feed(&mut picker.query, key) == Some(true) {
                picker.cursor = 0;
            }
        }
    }
    Vec::new()
}
