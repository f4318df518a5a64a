//! Keys of the organization switcher pane: move, and enter switches.

use ratatui::layout::Rect;

use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer};
use crate::tui::state::selection::Selection;
use crate::tui::state::{App, Navigation};
use crate::tui::update::navigation;
use crate::tui::view;

use super::moves::{apply_move, is_move, movement};

pub const HANDLER: Handler = Handler::keys(offer, act);

/// The list's filter and back keys mean nothing here.
fn offer(_app: &App, action: Action) -> Offer {
    Offer::acts_if(is_move(action) || action == Action::Open)
}

fn act(app: &mut App, input: Input) -> Vec<Effect> {
    let Input::Action(action) = input else {
        return Vec::new();
    };
    let indexes: Vec<usize> = (0..app.profiles.len()).collect();
    let (width, height) = app.screen;
    let rows = view::layout(Rect::new(0, 0, width, height), app.profiles.len())
        .organizations
        .height
        .saturating_sub(2)
        .max(1);
    if let Some(how) = movement(action, isize::try_from(rows).unwrap_or(1)) {
        let mut selection = Selection::on(app.org_cursor);
        apply_move(&mut selection, &indexes, how);
        app.org_cursor = selection.current(&indexes).unwrap_or(app.current);
        return Vec::new();
    }
    let target = app.org_cursor;
    navigation::request(app, Navigation::SwitchOrganization(target))
}
