//! What the views' tests share: a view opened the way an admin opens it (answered, or with its
//! loads still on their way), the open view read as its own type,
//! the fetches a key asked for, and the status line.

use crossterm::event::KeyCode;

use crate::tui::call::Call;
use crate::tui::effect::Effect;
use crate::tui::state::App;
use crate::tui::testing::{key, loaded_app, press, press_only, requests, type_text};

use super::{Fetch, View};

/// The console on the fixture organization with `command`'s view open: `:`, the command,
/// Enter, every load answered.
pub use crate::tui::testing::command_opened as opened;

/// The console on the fixture organization as `command`'s view opens: `:`, the command and
/// Enter, with what Enter asked for returned unanswered.
pub fn opening(command: &str) -> (App, Vec<Effect>) {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, command);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    (app, effects)
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

/// The fetches of kind `F` among the requests in `effects`, in the order asked.
pub fn asked<F: Fetch + Clone>(effects: &[Effect]) -> Vec<F> {
    requests(effects)
        .into_iter()
        .filter_map(|(_, _, call)| match call {
            Call::View(fetcher) => fetcher.as_kind::<F>().cloned(),
            _ => None,
        })
        .collect()
}

/// Whether `effects` cancel requests, and `which` of them (by their ids).
pub fn cancels(
    effects: &[Effect],
    which: impl Fn(&[crate::tui::state::RequestId]) -> bool,
) -> bool {
    effects
        .iter()
        .any(|e| matches!(e, Effect::Cancel(ids) if which(ids)))
}

/// Starts a `/` search of the open view's list for `text` (still being typed).
pub fn search(app: &mut App, text: &str) {
    press(app, key(KeyCode::Char('/')));
    type_text(app, text);
}

/// Searches the open view's list for `text` and leaves the search (Enter): the cursor stays
/// on what it found, and the view's own keys work again.
pub fn search_to(app: &mut App, text: &str) {
    search(app, text);
    press(app, key(KeyCode::Enter));
}

/// What the status line says now ("" when nothing).
pub use crate::tui::testing::flash_text as flash;
