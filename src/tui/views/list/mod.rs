//! The one scrollable, searchable list every organization view shows its rows in: the cursor
//! (which follows its row through sorts, filters and reloads), the keys that move it a line,
//! a page or to an end, the `/` search that moves it to what it found (Esc leaves the
//! search; nothing is ever hidden), what it offers the hint line, and the drawing of the
//! rows and the search line. A view keeps its own rules ([`Listing`]): what its rows are,
//! what a search matches, and what happens after the cursor moved.

/// The [`Listing`] accessors of a view that keeps its list in a field named `list`, whose
/// rows are known by `$id`.
macro_rules! list_in_field {
    ($id:ty) => {
        type Id = $id;

        fn list(&self) -> &$crate::tui::views::list::List<$id> {
            &self.list
        }

        fn list_mut(&mut self) -> &mut $crate::tui::views::list::List<$id> {
            &mut self.list
        }
    };
}

/// The [`View`](super::View) methods of a view whose rows are its [`List`] in a field named
/// `list`: the list takes its keys (moving, `/`) before the view's own, and says whether its
/// search is being typed into.
macro_rules! keys_to_list {
    () => {
        fn typing(&self) -> bool {
            self.list.typing()
        }

        fn list_offer(
            &self,
            action: $crate::tui::keymap::Action,
        ) -> Option<$crate::tui::routing::Offer> {
            self.list.offer(action)
        }

        fn list_keys(&mut self) -> Option<&mut dyn $crate::tui::views::list::ListKeys> {
            Some(self)
        }
    };
}

mod cursor;
mod draw;
mod search;

use crate::tui::keymap::Action;
use crate::tui::routing::{Input, Offer};
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::text_input;

use super::Step;
pub use cursor::{Cursor, Positions, Rows};
pub use draw::draw_table;
pub use search::{Search, best};

/// A list's state: where its cursor is and its search.
#[derive(Debug, Clone)]
pub struct List<K> {
    pub cursor: Cursor<K>,
    pub search: Search,
}

impl<K> Default for List<K> {
    fn default() -> Self {
        Self {
            cursor: Cursor::default(),
            search: Search::default(),
        }
    }
}

impl<K: Clone + PartialEq> List<K> {
    /// The line under the cursor in `rows`, if there is any row.
    pub fn selected<R: Rows<Id = K> + ?Sized>(&self, rows: &R) -> Option<usize> {
        self.cursor.selected(rows)
    }

    /// Whether its search takes the keys (the view's `typing`).
    pub fn typing(&self) -> bool {
        self.search.typing
    }

    /// What it does with `action`; `None` for the actions it leaves to its view. While the
    /// search is typed into, it takes Enter, Esc and the arrows, and nothing else.
    pub fn offer(&self, action: Action) -> Option<Offer> {
        let acts = if self.search.typing {
            matches!(
                action,
                Action::Done | Action::Clear | Action::Up | Action::Down
            )
        } else {
            matches!(
                action,
                Action::Up
                    | Action::Down
                    | Action::PageUp
                    | Action::PageDown
                    | Action::Top
                    | Action::Bottom
                    | Action::Filter
            )
        };
        match (acts, self.search.typing) {
            (true, _) => Some(Offer::Acts),
            (false, true) => Some(Offer::Ignores),
            (false, false) => None,
        }
    }
}

/// A view that shows its rows in a [`List`]: its own rules, which the list's keys follow.
pub trait Listing {
    type Id: Clone + PartialEq;

    /// How the status line names what a search looks for when nothing matches: "No model"
    /// makes `No model matches "xyz"`.
    const MISSING: &'static str = "Nothing";

    fn list(&self) -> &List<Self::Id>;

    fn list_mut(&mut self) -> &mut List<Self::Id>;

    /// The ids of the rows shown now, in the order shown (after its filters and sort).
    fn ids(&self, app: &App) -> impl Rows<Id = Self::Id>;

    /// The line a search for `query` lands on, by the view's rule; `None` when none matches
    /// (always, for a list whose keymap section has no `/`).
    fn find(&self, _query: &str, _app: &App) -> Option<usize> {
        None
    }

    /// What follows a move of the cursor (loading more rows near the end, ...).
    fn moved(&mut self, _app: &App) -> Vec<Step> {
        Vec::new()
    }
}

/// A list view's keys, whatever its rows: what the open view hands its keys and pastes to
/// first.
pub trait ListKeys {
    /// What `input` does to the list; `None` when it is the view's own to handle.
    fn act(&mut self, input: &Input, app: &App) -> Option<Vec<Step>>;

    /// Text pasted into its search.
    fn paste(&mut self, text: &str, app: &App);
}

impl<V: Listing> ListKeys for V {
    fn act(&mut self, input: &Input, app: &App) -> Option<Vec<Step>> {
        act(self, input, app)
    }

    fn paste(&mut self, text: &str, app: &App) {
        paste(self, text, app);
    }
}

/// Rows a page key moves on a screen `app.screen` high: what the views' tables show at once.
fn page(app: &App) -> isize {
    usize::from(app.screen.1.saturating_sub(8)).max(1) as isize
}

/// What `input` does to the list of `view`; `None` when it is not the list's to handle.
pub fn act<V: Listing>(view: &mut V, input: &Input, app: &App) -> Option<Vec<Step>> {
    let action = match input {
        Input::Typed(key) => {
            let changed = text_input::feed(&mut view.list_mut().search.input, key);
            return Some(if changed == Some(true) {
                search(view, app)
            } else {
                Vec::new()
            });
        }
        Input::Action(action) => *action,
    };
    let search = &mut view.list_mut().search;
    let delta = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page(app),
        Action::PageDown => page(app),
        Action::Top => isize::MIN,
        Action::Bottom => isize::MAX,
        Action::Filter | Action::Done | Action::Clear => {
            match action {
                Action::Filter => search.start(),
                Action::Done => search.done(),
                _ => search.clear(),
            }
            return Some(Vec::new());
        }
        _ => return None,
    };
    Some(step(view, delta, app))
}

/// Moves the cursor `delta` lines (stopped at the ends), then whatever the view does after.
pub fn step<V: Listing>(view: &mut V, delta: isize, app: &App) -> Vec<Step> {
    let moved = view.list().cursor.stepped(&view.ids(app), delta);
    view.list_mut().cursor = moved;
    view.moved(app)
}

/// Text pasted into the search: it searches as typing does (a miss is not said: a paste
/// has no status line of its own).
pub fn paste<V: Listing>(view: &mut V, text: &str, app: &App) {
    if text_input::paste(&mut view.list_mut().search.input, text) {
        search(view, app);
    }
}

/// Moves the cursor to what the search finds; says so when nothing matches. A blank search
/// moves nothing.
fn search<V: Listing>(view: &mut V, app: &App) -> Vec<Step> {
    let query = view.list().search.value().to_owned();
    if query.trim().is_empty() {
        return Vec::new();
    }
    match view.find(&query, app) {
        Some(at) => {
            let moved = Cursor::at(&view.ids(app), at);
            view.list_mut().cursor = moved;
            view.moved(app)
        }
        None => vec![Step::Say(
            FlashLevel::Info,
            format!("{} matches \"{query}\"", V::MISSING),
        )],
    }
}
