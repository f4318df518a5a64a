//! What the views' tests share: a view opened the way an admin opens it, and the open view
//! read as its own type.

use crossterm::event::KeyCode;

use crate::tui::state::App;
use crate::tui::testing::{key, loaded_app, press, type_text};

use super::View;

/// The console on the fixture organization with `command`'s view open: `:`, the command,
/// Enter, every load answered.
pub fn opened(command: &str) -> App {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, command);
    press(&mut app, key(KeyCode::Enter));
    app
}

/// The open view, as the `V` it is.
pub fn shown_as<V: View + 'static>(app: &App) -> &V {
    let open = app.view.as_ref().expect("a view is open");
    open.view
        .as_any()
        .downcast_ref()
        .unwrap_or_else(|| panic!("the open view is {}", open.view.name()))
}

/// The open view, as the `V` it is, to change it.
pub fn shown_mut<V: View + 'static>(app: &mut App) -> &mut V {
    let open = app.view.as_mut().expect("a view is open");
    open.view
        .as_any_mut()
        .downcast_mut()
        .expect("the view asked for")
}

/// What the status line says now ("" when nothing).
pub fn flash(app: &App) -> String {
    app.flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default()
}
