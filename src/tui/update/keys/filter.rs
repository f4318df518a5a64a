//! Keys while a list's `/` filter is typed: editing keys change the text, enter keeps it, esc
//! clears it, and the arrows still move through the matching rows. After every change the
//! cursor goes to the best match.

use uuid::Uuid;

use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer};
use crate::tui::state::App;
use crate::tui::state::filter::Filter;
use crate::tui::state::selection::Selection;
use crate::tui::update::text_input;

use super::moves::{Which, ids};

/// The workspace list's filter.
pub const WORKSPACES: Handler = Handler {
    offer,
    act: |app, input| act(app, input, Which::Workspaces),
    paste: |app, text| paste(app, text, Which::Workspaces),
};

/// The Members tab's filter.
pub const MEMBERS: Handler = Handler {
    offer,
    act: |app, input| act(app, input, Which::Members),
    paste: |app, text| paste(app, text, Which::Members),
};

fn offer(_app: &App, action: Action) -> Offer {
    Offer::acts_if(matches!(
        action,
        Action::Done | Action::Clear | Action::Up | Action::Down
    ))
}

fn parts(app: &mut App, which: Which) -> Option<(&mut Filter, &mut Selection<Uuid>)> {
    let org = app.org_mut();
    match which {
        Which::Workspaces => Some((&mut org.list_filter, &mut org.list_cursor)),
        Which::Members => {
            let view = org.open_view_mut()?;
            Some((&mut view.members_filter, &mut view.members_cursor))
        }
        Which::ApiKeys => None,
    }
}

fn act(app: &mut App, input: Input, which: Which) -> Vec<Effect> {
    let ids = ids(app, which);
    let Some((filter, selection)) = parts(app, which) else {
        return Vec::new();
    };
    match input {
        Input::Action(Action::Done) => filter.typing = false,
        Input::Action(Action::Clear) => filter.clear(),
        Input::Action(Action::Up) => selection.step(&ids, -1),
        Input::Action(Action::Down) => selection.step(&ids, 1),
        Input::Action(_) => {}
        Input::Typed(key) => {
            if text_input::feed(&mut filter.input, &key) == Some(true) {
                after_change(app, which);
            }
        }
    }
    Vec::new()
}

fn paste(app: &mut App, text: &str, which: Which) {
    if let Some((filter, _)) = parts(app, which) {
        text_input::paste(&mut filter.input, text);
        after_change(app, which);
    }
}

/// Puts the cursor on the first row, the best match: a row that happened to be under the
/// cursor before is not what the admin searched for, and Enter must open what they found.
fn after_change(app: &mut App, which: Which) {
    let ids = ids(app, which);
    if let Some((_, selection)) = parts(app, which) {
        *selection = Selection::default();
        selection.first(&ids);
    }
}
