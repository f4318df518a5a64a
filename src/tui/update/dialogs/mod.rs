//! The dialogs that change the organization: opening them (with the refusals that stop them
//! opening), their keys, sending their change, and what the answer does.

mod add_members;
mod confirm;
mod create;
mod open;
mod outcome;
mod roles;

use crate::tui::update::flash;
use crossterm::event::KeyEvent;

use crate::actions::Request;
use crate::tui::call::{Applied, Call};
use crate::tui::effect::Effect;
use crate::tui::state::{App, Modal, RemoteError, RequestId};

use super::{guard, requests, text_input};

pub use open::{open_add_members, open_archive, open_create, open_edit_roles, open_remove};

/// Handles a key for one of these dialogs; `None` if the top dialog is another kind.
pub fn handle(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    if app.modals.last()?.is_sending() {
        // Nothing is sent twice and nothing typed changes while the answer is awaited;
        // ctrl-c (handled before any dialog) abandons the wait.
        return Some(Vec::new());
    }
    Some(match app.modals.last()? {
        Modal::AddMembers(_) => add_members::key(app, key),
        Modal::EditRoles(_) => roles::key(app, key),
        Modal::RemoveMembers(_) => confirm::remove_key(app, key),
        Modal::Archive(_) => confirm::archive_key(app, key),
        Modal::CreateWorkspace(_) => create::key(app, key),
        Modal::AdminPicker(_) => create::picker_key(app, key),
        Modal::Notice(_) => confirm::notice_key(app, key),
        _ => return None,
    })
}

/// Pasted text for the dialog's text field, if it has one taking keys.
pub fn paste(app: &mut App, text: &str) {
    match app.modals.last_mut() {
        Some(Modal::AddMembers(d)) if d.search.typing && !d.submission.is_sending() => {
            text_input::paste(&mut d.search.input, text);
            d.refilter();
        }
        Some(Modal::Archive(d)) if !d.submission.is_sending() => {
            text_input::paste(&mut d.typed, text);
        }
        Some(Modal::CreateWorkspace(d)) if !d.submission.is_sending() => {
            let field = d.focus;
            if let Some(input) = d.input_mut(field)
                && text_input::paste(input, text)
            {
                d.server_errors.remove(&field);
                d.submission.error = None;
            }
        }
        Some(Modal::AdminPicker(p)) => {
            text_input::paste(&mut p.query, text);
            p.cursor = 0;
        }
        _ => {}
    }
}

/// Sends the top dialog's change; the dialog stays open, disabled, until the answer. Only a
/// dialog the last frame drew whole may send (see [`guard`]).
fn send(app: &mut App, request: Request) -> Vec<Effect> {
    if let Some(reason) = guard::unseen(app) {
        return flash::error(app, reason);
    }
    let profile = app.current;
    let (id, effect) = requests::send(app, profile, Call::Change(vec![request]));
    if let Some(submission) = app.modals.last_mut().and_then(Modal::submission_mut) {
        submission.start(id);
    }
    vec![effect]
}

/// The answer to a dialog's change. A refusal stays in the dialog with everything the user
/// chose; success closes it and shows the change at once.
pub fn answered(
    app: &mut App,
    id: RequestId,
    profile: usize,
    result: Result<Applied, RemoteError>,
) -> Vec<Effect> {
    let Some(index) = app
        .modals
        .iter()
        .position(|m| m.submission().is_some_and(|s| s.sending == Some(id)))
    else {
        // Abandoned with ctrl-c: the user was told the outcome is unknown.
        return Vec::new();
    };
    match result {
        Err(error) => {
            match &mut app.modals[index] {
                Modal::CreateWorkspace(d) => d.refused(error),
                modal => {
                    if let Some(submission) = modal.submission_mut() {
                        submission.fail(error);
                    }
                }
            }
            Vec::new()
        }
        Ok(applied) => {
            let dialog = app.modals.remove(index);
            outcome::apply(app, profile, dialog, &applied.replies)
        }
    }
}

/// ctrl-c while a dialog's change is on its way: stop waiting, keep the dialog, and say that
/// the change may have happened. Returns whether there was one.
pub fn abandon(app: &mut App) -> bool {
    let mut abandoned = false;
    for modal in &mut app.modals {
        if let Some(submission) = modal.submission_mut()
            && submission.is_sending()
        {
            submission.fail(RemoteError::new(
                crate::tui::state::ErrorKind::Cancelled,
                "Stopped waiting: the change may already have been made; the lists reload to show what the server has",
            ));
            abandoned = true;
        }
    }
    abandoned
}
