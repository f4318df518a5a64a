//! State transitions of the console, driven by keys and fixture answers.

mod dialogs;
mod forms;
mod hints;
mod messages;
mod navigation;
mod progressive;
mod random_input;
mod removal;
mod requests;
mod search;
mod seen;
mod smaller;
mod staging;
mod staging_groups;

use crossterm::event::KeyCode;

use crate::domain::org::Change;
use crate::tui::state::App;
use crate::tui::testing::*;

/// The open workspace's name.
fn open_name(app: &App) -> String {
    let org = app.org();
    org.open
        .and_then(|id| org.find_workspace(id))
        .map(|f| f.workspace.name.clone())
        .unwrap_or_default()
}

/// The member names shown in the open workspace's Members tab, in order.
fn member_names(app: &App) -> Vec<String> {
    let org = app.org();
    org.visible_members(org.open.unwrap())
        .iter()
        .map(|r| r.name.to_string())
        .collect()
}

fn open_workspace_named(app: &mut App, name: &str) {
    press(app, ctrl('p'));
    type_text(app, name);
    press(app, key(KeyCode::Enter));
    assert_eq!(open_name(app), name);
}

/// The one change staged for the open organization; a test that staged one edit fails here
/// when there are none or several.
fn only_staged(app: &App) -> Change {
    let staged = app.staging.changes(app.current);
    let [change] = staged.as_slice() else {
        panic!("one staged change: {staged:?}");
    };
    change.clone()
}
