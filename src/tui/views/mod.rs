//! Organization-level views that take the place of the workspace panes: `:people`, `:usage`,
//! `:limits`, `:vibe`, `:scim`, `:groups`, `:keys`, `:audit`, `:spend`, `:plan`, `:undo`. Each
//! lives in its own folder (state and keys, loading, drawing, tests) behind the [`View`] trait;
//! [`control`] is the one place a view is opened, fed keys and answers, and closed. A view gets
//! the action a key stands for in its own keymap section, says what happens next as data
//! ([`Step`]) and asks the server for things as [`Fetcher`]s, which run on the async runner
//! like every other request. A view whose rows take a cursor keeps them in the one shared
//! [`list::List`] (moving, page and end keys, the `/` search that moves the cursor, drawing)
//! and says only its own rules ([`list::Listing`]); [`frame`] holds what every view does with
//! what it loads (its frame, the placeholder, an answer taken in).
//!
//! Adding a view: its folder here, a `mod` line and an entry in [`VIEWS`] below (its
//! [`Entry`] names its command and keymap section), and its section in the keymap.

pub mod control;
pub mod fetch;
pub mod frame;
#[macro_use]
pub mod list;
pub mod numbers;
pub mod prelude;
#[cfg(test)]
mod read_only_tests;
#[cfg(test)]
pub mod testing;

pub mod audit;
pub mod groups;
pub mod keys;
pub mod limits;
pub mod people;
pub mod plan;
pub mod scim;
pub mod spend;
pub mod undo;
pub mod usage;
pub mod vibe;

use std::any::Any;
use std::fmt;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::dialogs::Dialog;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Offer;
use crate::tui::state::{App, FlashLevel, RequestId};
use crate::tui::theme::Theme;

pub use fetch::{Ask, Fetch, FetchAnswer, Fetcher, ViewData};

/// The views the `:` command line opens, in the order it lists them.
pub const VIEWS: &[Entry] = &[
    people::ENTRY,
    usage::ENTRY,
    limits::ENTRY,
    vibe::ENTRY,
    scim::ENTRY,
    groups::ENTRY,
    keys::ENTRY,
    audit::ENTRY,
    spend::ENTRY,
    plan::ENTRY,
    undo::ENTRY,
];

/// How a view is found and opened.
#[derive(Clone, Copy)]
pub struct Entry {
    /// What is typed after `:`.
    pub command: &'static str,
    /// The one line the command line shows beside it.
    pub summary: &'static str,
    /// Its own section of the keymap.
    pub context: Context,
    pub open: fn(&App) -> Box<dyn View>,
}

/// The view whose command is `command` (or starts with it, when only one does).
pub fn find(command: &str) -> Option<&'static Entry> {
    if let Some(exact) = VIEWS.iter().find(|e| e.command == command) {
        return Some(exact);
    }
    let mut starting = VIEWS.iter().filter(|e| e.command.starts_with(command));
    match (starting.next(), starting.next()) {
        (Some(only), None) if !command.is_empty() => Some(only),
        _ => None,
    }
}

/// The offer of a view whose `keys` act whatever its state: every other action is ignored.
pub fn acts_on(keys: &[Action], action: Action) -> Offer {
    if keys.contains(&action) {
        Offer::Acts
    } else {
        Offer::Ignores
    }
}

/// What happens after a view took an input or an answer.
#[derive(Debug)]
pub enum Step {
    /// Back to the workspace panes.
    Close,
    Say(FlashLevel, String),
    /// Ask the server for something; the answer comes back to [`View::arrived`].
    Fetch(Fetcher),
    /// Stop waiting for every answer the view still expects.
    StopLoads,
    /// Open a dialog over the view (a confirmation, a form).
    Open(Box<dyn Dialog>),
    /// Take these changes out of the staged plan (dropped, or applied).
    Unstage(Vec<u64>),
    /// Load the organization's panes again (after the view changed it).
    ReloadOrganization,
    /// Replace the view with another (a person's audit trail from a list of people, ...).
    Switch(Box<dyn View>),
    /// The view changed the organization's people or keys: the panes under it load both again.
    ReloadPeople,
}

/// An organization-level view, whichever it is.
pub trait View: fmt::Debug + AnyView {
    /// How it is opened: its command, and its section of the keymap.
    fn entry(&self) -> &'static Entry;

    /// What it is (its command), for the record of what a frame showed.
    fn name(&self) -> &'static str {
        self.entry().command
    }

    /// Its own section of the keymap.
    fn context(&self) -> Context {
        self.entry().context
    }

    /// Whether a text field of it takes the keys now (a filter being typed).
    fn typing(&self) -> bool {
        false
    }

    /// What it does with `action` now (read-only refusals included), of what its list leaves.
    fn offer(&self, action: Action, app: &App) -> Offer;

    /// What an action its list leaves does to it. Reads the rest of the console from `app`.
    fn act(&mut self, action: Action, app: &App) -> Vec<Step>;

    /// What its list (when its rows are one) does with `action`, before the view's own
    /// [`offer`](Self::offer); `None` leaves it to the view.
    fn list_offer(&self, _action: Action) -> Option<Offer> {
        None
    }

    /// Its list, when its rows are one: it takes keys and pasted text before the view does.
    fn list_keys(&mut self) -> Option<&mut dyn list::ListKeys> {
        None
    }

    /// The one thing it loads, for a view that loads one thing: [`load`](Self::load),
    /// [`arrived`](Self::arrived) and [`cancelled`](Self::cancelled) then need no code of
    /// their own.
    fn one_load(&mut self) -> Option<frame::OneLoad<'_>> {
        None
    }

    /// What to ask the server for: when it opens, and again on refresh.
    fn load(&mut self, _app: &App) -> Vec<Step> {
        self.one_load()
            .map(|load| vec![Step::Fetch(load.fetch)])
            .unwrap_or_default()
    }

    /// The answer to one of its fetches.
    fn arrived(&mut self, _fetch: &Fetcher, result: FetchAnswer, _app: &App) -> Vec<Step> {
        self.one_load()
            .map(|load| load.slot.take(result))
            .unwrap_or_default()
    }

    /// One of its fetches was sent (a confirmed change included, which a dialog starts).
    fn started(&mut self, _fetch: &Fetcher) {}

    /// Its fetches were cancelled (ctrl-c): what was waiting for them says so.
    fn cancelled(&mut self) {
        if let Some(load) = self.one_load() {
            load.slot.cancel();
        }
    }

    /// Why it may not close (or reload) now: a run of changes on its way, which closing
    /// would cut off between a request and the journal.
    fn busy(&self) -> Option<String> {
        None
    }

    /// Draws it in the area the workspace panes leave it.
    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme);
}

/// Cloning and downcasting, for any view that is a plain cloneable type.
pub trait AnyView {
    fn clone_box(&self) -> Box<dyn View>;
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

impl<T: View + Clone + 'static> AnyView for T {
    fn clone_box(&self) -> Box<dyn View> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

impl Clone for Box<dyn View> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

/// The open view, with the organization it shows and the answers it waits for.
#[derive(Debug, Clone)]
pub struct OpenView {
    pub profile: usize,
    pub view: Box<dyn View>,
    pub pending: Vec<(RequestId, Fetcher)>,
}
