//! The last check before a change is sent: what takes the key (the top dialog, else the
//! settings form) must have been drawn whole in the last frame. A dialog cut off by a small
//! terminal, or hidden behind the "too small" notice, confirms nothing.

use crate::tui::state::App;

/// Why the change the key asks for may not be sent, if it may not.
pub fn unseen(app: &App) -> Option<String> {
    if app.dialogs.is_empty() {
        let open = app.org().open;
        return (!app.seen.showed_whole_form(open)).then(|| {
            "Not saved: the form does not fit the terminal; enlarge it to see every field".into()
        });
    }
    (!app.seen.showed_whole_dialog(&app.dialogs)).then(|| {
        "Nothing sent: the dialog does not fit the terminal; enlarge it to read all of it".into()
    })
}
