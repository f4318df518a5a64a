//! Keys of the two destructive confirmations, removing members and archiving a workspace.
//! Both open with Cancel focused; archiving also needs the workspace's exact name typed.

use crate::tui::update::flash;
use crossterm::event::KeyEvent;

use crate::actions::Request;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::dialogs::{Button, archive, remove, step_button};
use crate::tui::state::{App, Modal};

use super::{send, text_input};

/// What a key does to a dialog's button row: a new focus, a press, or nothing.
enum ButtonKey {
    Focus(isize),
    Press,
    Cancel,
}

fn button_key(app: &App, key: &KeyEvent) -> Option<ButtonKey> {
    Some(match app.keymap.action(Context::Dialog, key)? {
        Action::NextButton => ButtonKey::Focus(1),
        Action::PreviousButton => ButtonKey::Focus(-1),
        Action::Press => ButtonKey::Press,
        Action::Cancel => ButtonKey::Cancel,
        _ => return None,
    })
}

/// A notice closes on enter or esc.
pub fn notice_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    if matches!(
        button_key(app, key),
        Some(ButtonKey::Press | ButtonKey::Cancel)
    ) {
        app.modals.pop();
    }
    Vec::new()
}

pub fn remove_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(action) = button_key(app, key) else {
        return Vec::new();
    };
    let Some(Modal::RemoveMembers(d)) = app.modals.last_mut() else {
        return Vec::new();
    };
    match action {
        ButtonKey::Focus(delta) => d.focus = step_button(&remove::BUTTONS, d.focus, delta),
        ButtonKey::Press if d.focus == Button::Remove => {
            let request = Request::RemoveMembers {
                workspace: d.workspace,
                users: d.users(),
            };
            return send(app, request);
        }
        ButtonKey::Press | ButtonKey::Cancel => {
            app.modals.pop();
        }
    }
    Vec::new()
}

pub fn archive_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(Modal::Archive(d)) = app.modals.last_mut() else {
        return Vec::new();
    };
    // The name field takes its editing keys first (the arrows move within it), so only tab,
    // enter and esc reach the buttons.
    if let Some(changed) = text_input::feed(&mut d.typed, key) {
        if changed {
            d.submission.error = None;
        }
        return Vec::new();
    }
    let action = button_key(app, key);
    let Some(Modal::Archive(d)) = app.modals.last_mut() else {
        return Vec::new();
    };
    match action {
        Some(ButtonKey::Focus(delta)) => d.focus = step_button(&archive::BUTTONS, d.focus, delta),
        Some(ButtonKey::Press) if d.focus == Button::Archive => {
            if !d.confirmed() {
                let name = d.name.clone();
                return flash::error(app, format!("Not archived: type \"{name}\" to confirm"));
            }
            let workspace = d.workspace;
            return send(app, Request::ArchiveWorkspace { workspace });
        }
        // Enter right after typing the name lands on Cancel, where the dialog opens: it must
        // not throw the typing away without a word.
        Some(ButtonKey::Press) if !d.typed.value().is_empty() => {
            let next = app
                .keymap
                .describe_keys(Context::Dialog, Action::NextButton);
            let cancel = app.keymap.describe_keys(Context::Dialog, Action::Cancel);
            return flash::info(
                app,
                format!("{next} moves to the Archive button; {cancel} closes without archiving"),
            );
        }
        Some(ButtonKey::Press | ButtonKey::Cancel) => {
            app.modals.pop();
        }
        None => {}
    }
    Vec::new()
}
