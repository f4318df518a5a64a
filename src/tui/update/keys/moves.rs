//! Moving through a list: by a row, by a page (what one screen shows of that list), to the
//! first or last row. The lists' rows in display order, for the moves and the filters.

use ratatui::layout::Rect;
use std::rc::Rc;

use uuid::Uuid;

use crate::tui::keymap::Action;
use crate::tui::state::App;
use crate::tui::state::filter::Filter;
use crate::tui::state::selection::Selection;
use crate::tui::view;

/// A list the keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Workspaces,
    Members,
    ApiKeys,
}

/// How far a move goes.
pub enum Move {
    By(isize),
    First,
    Last,
}

/// The move an action asks for, with `page` rows to a page.
pub fn movement(action: Action, page: isize) -> Option<Move> {
    Some(match action {
        Action::Up => Move::By(-1),
        Action::Down => Move::By(1),
        Action::PageUp => Move::By(-page),
        Action::PageDown => Move::By(page),
        Action::Top => Move::First,
        Action::Bottom => Move::Last,
        _ => return None,
    })
}

/// The rows a move goes in a list that stops at its ends: the first and last rows are as far
/// as a move can go. `None` when the action is not a move.
pub fn rows_moved(action: Action, page: isize) -> Option<isize> {
    movement(action, page).map(|m| match m {
        Move::By(rows) => rows,
        Move::First => isize::MIN / 2,
        Move::Last => isize::MAX / 2,
    })
}

/// Whether an action moves in a list.
pub fn is_move(action: Action) -> bool {
    movement(action, 1).is_some()
}

/// The rows a list shows on the current screen: what a page key moves by, so that a page is
/// what one screen shows (the tables flip by whole pages).
pub fn page(app: &App, which: Which) -> isize {
    let (width, height) = app.screen;
    let areas = view::layout(Rect::new(0, 0, width, height), app.profiles.len());
    let org = app.org();
    let filter_line = |filter: &Filter| u16::from(filter.typing || filter.is_active());
    let rows = match which {
        // Inside the pane's border.
        Which::Workspaces => areas
            .workspaces
            .height
            .saturating_sub(2 + filter_line(&org.list_filter)),
        // Inside the border, under the tab bar and the table's header.
        Which::Members => {
            let filter = org
                .open_view()
                .map_or(0, |v| filter_line(&v.members_filter));
            areas.detail.height.saturating_sub(4 + filter)
        }
        Which::ApiKeys => areas.detail.height.saturating_sub(4),
    };
    isize::try_from(rows.max(1)).unwrap_or(1)
}

pub fn apply_move<K: PartialEq + Clone>(selection: &mut Selection<K>, ids: &[K], how: Move) {
    match how {
        Move::By(delta) => selection.step(ids, delta),
        Move::First => selection.first(ids),
        Move::Last => selection.last(ids),
    }
}

/// The ids of a list's rows in display order (the members' shared with the rows, not
/// collected again per key).
pub fn ids(app: &App, which: Which) -> Rc<Vec<Uuid>> {
    let org = app.org();
    match which {
        Which::Workspaces => Rc::new(org.visible_workspace_ids()),
        Which::Members => org
            .open
            .map(|ws| org.shown_members(ws).ids)
            .unwrap_or_default(),
        Which::ApiKeys => Rc::new(
            org.open
                .map(|ws| org.keys_of(ws).iter().map(|k| k.key_id).collect())
                .unwrap_or_default(),
        ),
    }
}
