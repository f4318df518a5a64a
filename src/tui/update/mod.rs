//! `update(state, msg) -> effects`: every state change of the console, with no I/O, so each
//! one can be tested with a plain `#[test]`.

mod commands;
pub mod dialogs;
pub mod flash;
mod guard;
pub mod keys;
pub mod navigation;
pub mod requests;
mod responses;
mod saving;
pub mod staging;
pub mod text_input;

use super::effect::Effect;
use super::msg::Msg;
use super::state::App;

/// The first effects of a session: load the initial organization.
pub fn start(app: &mut App) -> Vec<Effect> {
    let current = app.current;
    requests::load_organization(app, current)
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => keys::handle(app, key),
        Msg::Paste(text) => keys::paste(app, &text),
        Msg::Resize { width, height } => {
            app.screen = (width, height);
            Vec::new()
        }
        Msg::SpinnerTick => {
            app.spinner_frame = app.spinner_frame.wrapping_add(1);
            Vec::new()
        }
        Msg::FlashExpired(id) => {
            if app.flash.as_ref().is_some_and(|f| f.id == id) {
                app.flash = None;
            }
            Vec::new()
        }
        Msg::Reply(reply) => responses::apply(app, *reply),
        Msg::Partial(partial) => {
            responses::partial(app, *partial);
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests;
