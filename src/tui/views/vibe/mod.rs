//! `:vibe`: Vibe activity over a window (7, 30 or 90 days up to now): active people,
//! messages, Vibe Code sessions and tokens; per person, per agent and per workspace; and the
//! seat holders who did nothing in the window, candidates to free a seat. Keys change the
//! window and the granularity of the chart.

mod loading;
#[cfg(test)]
mod tests;
mod view;

use crate::tui::views::prelude::*;

use super::frame::{cancel, take_answer};
use super::list::Positions;
pub use loading::{Activity, AgentRow, SeatRow, UserRow, VibeFetch, WorkspaceRow};

pub const ENTRY: Entry = Entry {
    command: "vibe",
    summary: "Vibe activity: people, agents, workspaces, and idle seats",
    context: Context::Vibe,
    open: |_| Box::new(Vibe::default()),
};

/// The windows `w` steps through, in days.
pub const WINDOWS: [i64; 3] = [7, 30, 90];
/// The chart's buckets `g` steps through.
pub const GRANULARITIES: [&str; 3] = ["day", "week", "month"];
/// Vibe Code is asked for workspace by workspace; beyond this many the view shows the
/// organization's totals only.
pub const WORKSPACES_BROKEN_DOWN: usize = 30;

/// What the table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    People,
    Agents,
    Workspaces,
    IdleSeats,
}

impl Tab {
    pub const ALL: [Tab; 4] = [
        Self::People,
        Self::Agents,
        Self::Workspaces,
        Self::IdleSeats,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::People => "People",
            Self::Agents => "Agents",
            Self::Workspaces => "Workspaces (Vibe Code)",
            Self::IdleSeats => "Idle seats",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Vibe {
    pub window: usize,
    pub granularity: usize,
    pub tab: Tab,
    /// The table's cursor, by line.
    pub list: List<usize>,
    pub activity: Remote<Activity>,
    /// The fetch whose answer is shown next; an older window's answer is dropped.
    pub awaited: Option<Fetcher>,
}

impl Default for Vibe {
    fn default() -> Self {
        Self {
            window: 1,
            granularity: 0,
            tab: Tab::default(),
            list: List::default(),
            activity: Remote::Loading,
            awaited: None,
        }
    }
}

impl Vibe {
    pub fn days(&self) -> i64 {
        WINDOWS[self.window]
    }

    pub fn granularity(&self) -> &'static str {
        GRANULARITIES[self.granularity]
    }

    fn rows(&self) -> usize {
        let Remote::Loaded(a) = &self.activity else {
            return 0;
        };
        match self.tab {
            Tab::People => a.users.len(),
            Tab::Agents => a.agents.len(),
            Tab::Workspaces => a.workspaces.len(),
            Tab::IdleSeats => a.idle_seats.len(),
        }
    }

    fn fetch(&mut self, app: &App) -> Vec<Step> {
        let active: Vec<(uuid::Uuid, String)> = app
            .org()
            .workspaces
            .get()
            .map(|list| {
                list.iter()
                    .take(WORKSPACES_BROKEN_DOWN)
                    .map(|w| (w.uuid, w.name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let fetcher = Fetcher::new(VibeFetch {
            end: app.now,
            days: self.days(),
            granularity: self.granularity(),
            workspaces: active,
        });
        self.awaited = Some(fetcher.clone());
        vec![Step::StopLoads, Step::Fetch(fetcher)]
    }
}

impl Listing for Vibe {
    list_in_field!(usize);

    fn ids(&self, _app: &App) -> impl Rows<Id = usize> {
        Positions(self.rows())
    }
}

impl View for Vibe {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    keys_to_list!();

    fn offer(&self, action: Action, _app: &App) -> Offer {
        let keys = [
            Action::NextTab,
            Action::PreviousTab,
            Action::Window,
            Action::Granularity,
        ];
        acts_on(&keys, action)
    }

    fn act(&mut self, action: Action, app: &App) -> Vec<Step> {
        match action {
            Action::NextTab | Action::PreviousTab => {
                let at = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
                let step = if action == Action::NextTab { 1 } else { 3 };
                self.tab = Tab::ALL[(at + step) % Tab::ALL.len()];
                self.list.cursor.reset();
            }
            Action::Window => {
                self.window = (self.window + 1) % WINDOWS.len();
                self.list.cursor.reset();
                return self.fetch(app);
            }
            Action::Granularity => {
                self.granularity = (self.granularity + 1) % GRANULARITIES.len();
                return self.fetch(app);
            }
            _ => {}
        }
        Vec::new()
    }

    fn load(&mut self, app: &App) -> Vec<Step> {
        self.fetch(app)
    }

    fn arrived(&mut self, fetch: &Fetcher, result: FetchAnswer, _app: &App) -> Vec<Step> {
        if self.awaited.as_ref() != Some(fetch) {
            return Vec::new();
        }
        self.awaited = None;
        let steps = take_answer(&mut self.activity, result, "Vibe: ");
        self.list.cursor.settle(&Positions(self.rows()));
        steps
    }

    fn cancelled(&mut self) {
        self.awaited = None;
        cancel(&mut self.activity);
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
