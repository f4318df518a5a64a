//! What dialog tests share: the people view with a dialog opened on the member a search found.

use crate::tui::state::App;
use crate::tui::testing::{press_keys, type_text};
use crate::tui::views::people::tests::open_people;

/// The people view, the cursor on the member `who` finds, then `keys` (the dialog's key).
pub fn opened_on_member(who: &str, keys: &str) -> App {
    let mut app = open_people();
    press_keys(&mut app, "/");
    type_text(&mut app, who);
    press_keys(&mut app, "enter");
    press_keys(&mut app, keys);
    app
}
