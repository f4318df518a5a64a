//! Where keys go, as one table. [`routes`] says who takes keys now, most specific first, each
//! with the keymap section it reads (or a text field it types into). The router walks the
//! table to find who acts on a key; the hint line walks the same table to show what they
//! offer. Each handler says what it offers beside what it does, so the hints cannot promise a
//! key that does something else.

use crossterm::event::KeyEvent;

use super::effect::Effect;
use super::keymap::{Action, Context};
use super::state::{App, Focus, Tab};
use super::update::dialogs;
use super::update::keys::{
    api_keys, filter, global, members, organizations, settings, workspace_list, workspace_tabs,
};

/// Where a key is looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// A section of the keymap.
    Keys(Context),
    /// A text field: characters and editing keys no binding above claimed.
    Text,
}

/// What a handler gets: the action a key stands for, or a key for its text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Action(Action),
    Typed(KeyEvent),
}

/// What a handler does with an action now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    /// It acts on it; the hint line offers it.
    Acts,
    /// It can only say why not (read-only, archived, the default workspace): the key shows
    /// the reason, and the hint line leaves it out.
    Refuses(Refusal),
    /// It has no use for it: the key goes on down the table.
    Ignores,
}

impl Offer {
    /// Acts when `acts`, else leaves the action to the next layer.
    pub fn acts_if(acts: bool) -> Self {
        if acts { Self::Acts } else { Self::Ignores }
    }

    /// Acts, unless there is a reason it may not.
    pub fn unless(refusal: Option<String>) -> Self {
        match refusal {
            Some(reason) => Self::Refuses(Refusal::Error(reason)),
            None => Self::Acts,
        }
    }
}

/// Why a handler refuses an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Short enough for the status line.
    Error(String),
    /// Too long for it: a notice explains.
    Notice { title: String, text: String },
}

/// One who takes keys: what it offers, what it does, and where pasted text goes.
pub struct Handler {
    pub offer: fn(&App, Action) -> Offer,
    /// Called only with what it offers (and keys typed into its text field).
    pub act: fn(&mut App, Input) -> Vec<Effect>,
    pub paste: fn(&mut App, &str),
}

impl Handler {
    /// A handler with no text field: pasted text is ignored.
    pub const fn keys(
        offer: fn(&App, Action) -> Offer,
        act: fn(&mut App, Input) -> Vec<Effect>,
    ) -> Self {
        Self {
            offer,
            act,
            paste: |_, _| {},
        }
    }
}

/// One row of the table.
pub struct Route {
    pub layer: Layer,
    pub handler: &'static Handler,
}

fn route(context: Context, handler: &'static Handler) -> Route {
    Route {
        layer: Layer::Keys(context),
        handler,
    }
}

fn text(handler: &'static Handler) -> Route {
    Route {
        layer: Layer::Text,
        handler,
    }
}

/// Who takes keys now, most specific first. An open dialog takes every key (nothing under it
/// reacts) but the staging switch; then an organization view, which hides the panes;
/// otherwise the focused pane, then the workspace's tabs, then the global keys. A text being
/// typed takes every key too, but for its own bindings.
pub fn routes(app: &App) -> Vec<Route> {
    routes_under(app, app.dialogs.len())
}

/// Who would take keys with only the first `open` dialogs open: what lies under the dialog
/// above them (the help describes the keys of what it was opened over).
pub fn routes_under(app: &App, open: usize) -> Vec<Route> {
    use Context as C;
    if let Some(dialog) = app.dialogs[..open.min(app.dialogs.len())].last() {
        let mut rows: Vec<Route> = dialog
            .layers()
            .into_iter()
            .map(|layer| Route {
                layer,
                handler: &dialogs::HANDLER,
            })
            .collect();
        rows.push(route(C::Global, &global::OVER_DIALOGS));
        return rows;
    }
    if let Some(view) = crate::tui::views::control::routes(app) {
        return view;
    }
    let everywhere = || route(C::Global, &global::HANDLER);
    let tabs = || route(C::WorkspaceTabs, &workspace_tabs::HANDLER);
    let org = app.org();
    match app.focus {
        Focus::Organizations => vec![route(C::List, &organizations::HANDLER), everywhere()],
        Focus::Workspaces if org.list_filter.typing => vec![
            route(C::Filter, &filter::WORKSPACES),
            text(&filter::WORKSPACES),
        ],
        Focus::Workspaces => vec![
            route(C::WorkspaceList, &workspace_list::HANDLER),
            route(C::List, &workspace_list::HANDLER),
            everywhere(),
        ],
        Focus::Detail => match org.open_view() {
            None => vec![everywhere()],
            Some(view) => match view.tab {
                Tab::Members if view.members_filter.typing => {
                    vec![route(C::Filter, &filter::MEMBERS), text(&filter::MEMBERS)]
                }
                Tab::Members => vec![
                    route(C::Members, &members::HANDLER),
                    route(C::List, &members::HANDLER),
                    tabs(),
                    everywhere(),
                ],
                Tab::Settings if view.is_typing() => vec![
                    route(C::Editing, &settings::EDITING),
                    text(&settings::EDITING),
                ],
                Tab::Settings => vec![route(C::Settings, &settings::FORM), tabs(), everywhere()],
                Tab::ApiKeys => vec![route(C::List, &api_keys::HANDLER), tabs(), everywhere()],
            },
        },
    }
}

/// Whether the handler of `context` in the table acts on `action` now: what the hint line
/// shows.
pub fn offered(app: &App, routes: &[Route], context: Context, action: Action) -> bool {
    routes
        .iter()
        .find(|r| r.layer == Layer::Keys(context))
        .is_some_and(|r| (r.handler.offer)(app, action) == Offer::Acts)
}
