//! Keys of the Add Members dialog: moving, selecting, searching, choosing the role, adding.

use crate::tui::update::flash;
use crossterm::event::KeyEvent;

use crate::actions::Request;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::dialogs::AddMembers;
use crate::tui::state::dialogs::add_members::Column;
use crate::tui::state::{App, Modal};

use super::{send, text_input};

/// Rows a page key moves by in the dialog's list.
const PAGE: isize = 10;

fn dialog(app: &mut App) -> Option<&mut AddMembers> {
    match app.modals.last_mut() {
        Some(Modal::AddMembers(d)) => Some(d),
        _ => None,
    }
}

pub fn key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let typing = dialog(app).is_some_and(|d| d.search.typing);
    if typing {
        search_key(app, key);
        return Vec::new();
    }
    let Some(action) = app.keymap.action(Context::AddMembers, key) else {
        return Vec::new();
    };
    let Some(d) = dialog(app) else {
        return Vec::new();
    };
    match action {
        Action::Up => step(d, -1),
        Action::Down => step(d, 1),
        Action::PageUp => step(d, -PAGE),
        Action::PageDown => step(d, PAGE),
        Action::Top => step(d, isize::MIN / 2),
        Action::Bottom => step(d, isize::MAX / 2),
        Action::Mark if d.column == Column::People => {
            let ids = d.shown_ids();
            if let Some(id) = d.cursor.current(&ids) {
                d.toggle(id);
                d.cursor.step(&ids, 1);
            }
        }
        Action::MarkAll => d.toggle_all_shown(),
        Action::Search => {
            d.column = Column::People;
            d.search.start();
        }
        Action::SwitchColumn => {
            d.column = match d.column {
                Column::People => Column::Role,
                Column::Role => Column::People,
            };
        }
        Action::Submit => return submit(app),
        // As in the panes' lists, esc clears a search before it closes anything; the
        // selection is kept.
        Action::Cancel if d.search.is_active() => {
            d.search.clear();
            d.refilter();
        }
        Action::Cancel => {
            app.modals.pop();
        }
        _ => {}
    }
    Vec::new()
}

fn step(d: &mut AddMembers, delta: isize) {
    match d.column {
        Column::People => {
            let ids = d.shown_ids();
            d.cursor.step(&ids, delta);
        }
        Column::Role => {
            let last = d.roles.len().saturating_sub(1);
            d.role = d.role.saturating_add_signed(delta).min(last);
        }
    }
}

/// Keys while the search is typed: as in the panes' filters, enter keeps it, esc clears it
/// and the arrows still move through the people shown.
fn search_key(app: &mut App, key: &KeyEvent) {
    let action = app.keymap.action(Context::Filter, key);
    let Some(d) = dialog(app) else { return };
    let ids = d.shown_ids();
    match action {
        Some(Action::Done) => d.search.typing = false,
        Some(Action::Clear) => {
            d.search.clear();
            d.refilter();
        }
        Some(Action::Up) => d.cursor.step(&ids, -1),
        Some(Action::Down) => d.cursor.step(&ids, 1),
        _ => {
            if text_input::feed(&mut d.search.input, key) == Some(true) {
                d.refilter();
            }
        }
    }
}

fn submit(app: &mut App) -> Vec<Effect> {
    let Some(d) = dialog(app) else {
        return Vec::new();
    };
    match d.request() {
        Ok(members) => {
            let workspace = d.workspace;
            send(app, Request::AddMembers { workspace, members })
        }
        Err(reason) => flash::error(app, format!("Nothing added: {reason}")),
    }
}
