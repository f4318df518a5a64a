//! The fuzzy pickers: a workspace to open (ctrl-p) or an organization to switch to (ctrl-o).
//! Typing narrows the ranked list, the arrows move, enter goes to the entry under the cursor.
//! [`Search`] is what every picker shares, the new-workspace form's admin picker too.

pub mod view;

use ratatui::Frame;
use tui_input::Input as TextInput;

use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::{App, FlashLevel, Navigation, picking};
use crate::tui::theme::Theme;
use crate::tui::update::text_input;

use super::{After, Canvas, Dialog, Next};

/// A picker's query and its cursor among the ranked matches.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: TextInput,
    pub cursor: usize,
}

/// What a key did to a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Searched {
    Stay,
    Close,
    /// Enter, on this entry: the cursor, held within the `count` entries as drawn (a list that
    /// shrank under the cursor shows it on the last one).
    Choose(usize),
}

impl Search {
    pub fn with_query(query: &str) -> Self {
        Self {
            query: query.into(),
            cursor: 0,
        }
    }

    /// Where its keys go: the picker's bindings, then the query.
    pub fn layers() -> Vec<Layer> {
        vec![Layer::Keys(Context::Picker), Layer::Text]
    }

    /// A key, over `count` entries; typing puts the cursor back on the best match.
    pub fn act(&mut self, input: Input, count: usize) -> Searched {
        let last = count.saturating_sub(1);
        match input {
            Input::Action(Action::Up) => self.cursor = self.cursor.saturating_sub(1),
            Input::Action(Action::Down) => self.cursor = (self.cursor + 1).min(last),
            Input::Action(Action::Close) => return Searched::Close,
            Input::Action(Action::Choose) => return Searched::Choose(self.cursor.min(last)),
            Input::Action(_) => {}
            Input::Typed(key) => {
                if text_input::feed(&mut self.query, &key) == Some(true) {
                    self.cursor = 0;
                }
            }
        }
        Searched::Stay
    }

    pub fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.query, text);
        self.cursor = 0;
    }
}

/// What a picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Workspaces,
    Organizations,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub target: Target,
    pub search: Search,
}

impl Picker {
    pub fn new(target: Target) -> Self {
        Self {
            target,
            search: Search::default(),
        }
    }

    /// The workspace picker with `query` typed (`:ws NAME` that matched several).
    pub fn workspaces_matching(query: &str) -> Self {
        Self {
            target: Target::Workspaces,
            search: Search::with_query(query),
        }
    }

    /// Where each entry, in the order drawn, goes.
    fn destinations(&self, app: &App) -> Vec<Navigation> {
        let query = self.search.query.value();
        match self.target {
            Target::Workspaces => picking::workspaces(app, query)
                .into_iter()
                .map(|c| Navigation::OpenWorkspace(c.id))
                .collect(),
            Target::Organizations => picking::organizations(app, query)
                .into_iter()
                .map(|c| Navigation::SwitchOrganization(c.index))
                .collect(),
        }
    }
}

impl Dialog for Picker {
    fn name(&self) -> &'static str {
        match self.target {
            Target::Workspaces => "workspace picker",
            Target::Organizations => "organization picker",
        }
    }

    fn layers(&self) -> Vec<Layer> {
        Search::layers()
    }

    fn act(&mut self, input: Input, app: &App) -> Next {
        let destinations = self.destinations(app);
        match self.search.act(input, destinations.len()) {
            Searched::Stay => Next::Stay,
            Searched::Close => Next::Close,
            Searched::Choose(at) => Next::Then(match destinations.get(at) {
                Some(to) => After::Go(*to),
                None => After::Say(FlashLevel::Info, "Nothing matches".into()),
            }),
        }
    }

    fn paste(&mut self, text: &str) {
        self.search.paste(text);
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        let listing = match self.target {
            Target::Workspaces => view::workspaces(app, &self.search, theme),
            Target::Organizations => view::organizations(app, &self.search, theme),
        };
        view::render(frame, canvas.screen, app, &self.search, listing, theme)
    }
}
