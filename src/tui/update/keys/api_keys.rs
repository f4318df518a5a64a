//! Keys of the API keys tab: it moves and goes back; a key is not opened or filtered.

use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer};
use crate::tui::state::{App, Focus};

use super::moves::{Which, apply_move, ids, is_move, movement, page};

pub const HANDLER: Handler = Handler::keys(offer, act);

fn offer(_app: &App, action: Action) -> Offer {
    Offer::acts_if(is_move(action) || action == Action::Back)
}

fn act(app: &mut App, input: Input) -> Vec<Effect> {
    let (Input::Action(action), Some(open)) = (input, app.org().open) else {
        return Vec::new();
    };
    let ids = ids(app, Which::ApiKeys);
    if let Some(how) = movement(action, page(app, Which::ApiKeys)) {
        if let Some(view) = app.org_mut().views.get_mut(&open) {
            apply_move(&mut view.keys_cursor, &ids, how);
        }
        return Vec::new();
    }
    app.focus = Focus::Workspaces;
    Vec::new()
}
