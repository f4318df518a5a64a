//! Where a key goes: while the "too small" notice shows, only quit and ctrl-c; otherwise
//! ctrl-c first, then down the routing table (`routing::routes`) to the first handler that
//! acts on it. Each handler sits in its own file with what it offers beside what it does.

pub mod api_keys;
pub mod filter;
pub mod global;
pub mod members;
pub mod moves;
pub mod organizations;
pub mod settings;
pub mod workspace_list;
pub mod workspace_tabs;

use crossterm::event::{KeyEvent, KeyEventKind};

use crate::tui::dialogs::notice::Notice;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Handler, Input, Layer, Offer, Refusal, routes};
use crate::tui::state::{App, Navigation};

use super::{flash, navigation, text_input};

pub fn handle(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if app.seen.too_small {
        return while_too_small(app, &key);
    }
    if app.keymap.action(Context::Global, &key) == Some(Action::Interrupt) {
        return global::interrupt(app);
    }
    app.interrupt_armed = false;
    match find(app, &key) {
        Found::Acts(handler, input) => (handler.act)(app, input),
        Found::Refuses(refusal) => refuse(app, refusal),
        Found::Nothing => Vec::new(),
    }
}

/// Who a key reaches now, found without acting.
pub enum Found {
    Acts(&'static Handler, Input),
    Refuses(Refusal),
    Nothing,
}

/// Walks the routing table to the first handler that acts on `key` (or refuses it). Asking
/// changes nothing, so the status line can ask which of an action's keys would reach it.
pub fn find(app: &App, key: &KeyEvent) -> Found {
    for route in routes(app) {
        let input = match route.layer {
            Layer::Keys(context) => match app.keymap.action(context, key) {
                Some(action) => Input::Action(action),
                None => continue,
            },
            Layer::Text if text_input::is_editing(key) => Input::Typed(*key),
            Layer::Text => continue,
        };
        if let Input::Action(action) = input {
            match (route.handler.offer)(app, action) {
                Offer::Acts => {}
                Offer::Refuses(refusal) => return Found::Refuses(refusal),
                Offer::Ignores => continue,
            }
        }
        return Found::Acts(route.handler, input);
    }
    Found::Nothing
}

/// Says why a key does nothing here.
fn refuse(app: &mut App, refusal: Refusal) -> Vec<Effect> {
    match refusal {
        Refusal::Error(reason) => flash::error(app, reason),
        Refusal::Notice { title, text } => {
            app.dialogs.push(Box::new(Notice::new(title, text)));
            Vec::new()
        }
    }
}

/// The notice hides everything, so no key may act on what it hides (a dialog's button, a
/// field being typed into): only quit, as the notice says, and ctrl-c, which cancels or quits.
/// With unsaved changes, quitting waits until the prompt that asks about them can be seen.
fn while_too_small(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    match app.keymap.action(Context::Global, key) {
        Some(Action::Interrupt) => global::interrupt(app),
        Some(Action::Quit) if !app.org().has_unsaved_changes() => {
            navigation::go(app, Navigation::Quit)
        }
        _ => {
            app.interrupt_armed = false;
            // Said on the notice, so a key that seems to do nothing is not taken for lag.
            flash::info(app, "That key does nothing until the terminal is larger")
        }
    }
}

/// Pasted text goes to the text field taking keys (the first in the table); elsewhere it is
/// ignored.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    if app.seen.too_small {
        // Nothing it would go into can be seen.
        return Vec::new();
    }
    if let Some(route) = routes(app).into_iter().find(|r| r.layer == Layer::Text) {
        (route.handler.paste)(app, text);
    }
    Vec::new()
}
