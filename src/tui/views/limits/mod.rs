//! `:limits`: the organization's rate limits, one row per model (tokens per minute and per
//! month) under the requests per second they all share. Sort by any column; `/` finds a
//! model and moves the cursor to the best match, hiding nothing.

mod loading;
#[cfg(test)]
mod tests;
mod view;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::fuzzy::Query;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Offer};
use crate::tui::state::{App, Remote, RemoteError};
use crate::tui::theme::Theme;
use crate::tui::update::text_input;

use super::fetch::read;
use super::frame::take;
use super::{Entry, Fetcher, Step, View, ViewData};
pub use loading::{Limits, LimitsFetch, ModelLimit};

pub const ENTRY: Entry = Entry {
    command: "limits",
    summary: "Rate limits per model: tokens per minute and per month",
    open: |_| Box::new(RateLimits::default()),
};

/// The columns, in the order `s` steps through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Model,
    PerMinute,
    PerMonth,
}

impl SortBy {
    fn next(self) -> Self {
        match self {
            Self::Model => Self::PerMinute,
            Self::PerMinute => Self::PerMonth,
            Self::PerMonth => Self::Model,
        }
    }

    pub fn column(self) -> usize {
        match self {
            Self::Model => 0,
            Self::PerMinute => 1,
            Self::PerMonth => 2,
        }
    }
}

#[derive(Debug, Clone)]
pub struct RateLimits {
    pub limits: Remote<Limits>,
    pub sort: SortBy,
    pub reverse: bool,
    /// The model under the cursor, followed by name through sorts and reloads.
    pub cursor: Option<String>,
    pub search: tui_input::Input,
    pub searching: bool,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            limits: Remote::Loading,
            sort: SortBy::default(),
            reverse: false,
            cursor: None,
            search: tui_input::Input::default(),
            searching: false,
        }
    }
}

impl RateLimits {
    /// The rows in the order shown.
    pub fn rows(&self) -> Vec<&ModelLimit> {
        let Remote::Loaded(limits) = &self.limits else {
            return Vec::new();
        };
        let mut rows: Vec<&ModelLimit> = limits.models.iter().collect();
        rows.sort_by(|a, b| {
            let order = match self.sort {
                SortBy::Model => a.model.cmp(&b.model),
                SortBy::PerMinute => a.tokens_per_minute.cmp(&b.tokens_per_minute),
                SortBy::PerMonth => a.tokens_per_month.cmp(&b.tokens_per_month),
            };
            let order = order.then_with(|| a.model.cmp(&b.model));
            if self.reverse { order.reverse() } else { order }
        });
        rows
    }

    /// The row under the cursor: the model it follows, else the first.
    pub fn selected(&self) -> Option<usize> {
        let rows = self.rows();
        if rows.is_empty() {
            return None;
        }
        let found = self
            .cursor
            .as_ref()
            .and_then(|m| rows.iter().position(|r| &r.model == m));
        Some(found.unwrap_or(0))
    }

    fn move_to(&mut self, index: usize) {
        self.cursor = self.rows().get(index).map(|r| r.model.clone());
    }

    fn step(&mut self, delta: isize) {
        let len = self.rows().len();
        if len == 0 {
            return;
        }
        let at = self.selected().unwrap_or(0) as isize;
        self.move_to((at + delta).clamp(0, len as isize - 1) as usize);
    }

    /// Moves the cursor to the model that best matches what is typed; says so when none does.
    fn find(&mut self) -> Vec<Step> {
        let query = Query::new(self.search.value());
        let best = self
            .rows()
            .iter()
            .filter_map(|r| query.score(&r.model).map(|m| (m.score, r.model.clone())))
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
        match best {
            Some((_, model)) => {
                self.cursor = Some(model);
                Vec::new()
            }
            None => vec![Step::Say(
                crate::tui::state::FlashLevel::Info,
                format!("No model matches \"{}\"", self.search.value()),
            )],
        }
    }
}

impl View for RateLimits {
    fn name(&self) -> &'static str {
        "limits"
    }

    fn context(&self) -> Context {
        Context::Limits
    }

    fn typing(&self) -> bool {
        self.searching
    }

    fn offer(&self, action: Action, _app: &App) -> Offer {
        let acts = if self.searching {
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
                    | Action::SortNext
                    | Action::SortReverse
                    | Action::Filter
            )
        };
        if acts { Offer::Acts } else { Offer::Ignores }
    }

    fn act(&mut self, input: Input, app: &App) -> Vec<Step> {
        let page = usize::from(app.screen.1.saturating_sub(8)).max(1) as isize;
        match input {
            Input::Typed(key) => {
                if text_input::feed(&mut self.search, &key) == Some(true) {
                    return self.find();
                }
            }
            Input::Action(action) => match action {
                Action::Up => self.step(-1),
                Action::Down => self.step(1),
                Action::PageUp => self.step(-page),
                Action::PageDown => self.step(page),
                Action::Top => self.move_to(0),
                Action::Bottom => self.move_to(self.rows().len().saturating_sub(1)),
                Action::SortNext => self.sort = self.sort.next(),
                Action::SortReverse => self.reverse = !self.reverse,
                Action::Filter => {
                    self.searching = true;
                    self.search = tui_input::Input::default();
                }
                Action::Done => self.searching = false,
                Action::Clear => {
                    self.searching = false;
                    self.search = tui_input::Input::default();
                }
                _ => {}
            },
        }
        Vec::new()
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.search, text);
        self.find();
    }

    fn load(&mut self, _app: &App) -> Vec<Step> {
        vec![Step::Fetch(Fetcher::new(LimitsFetch))]
    }

    fn arrived(
        &mut self,
        _fetch: &Fetcher,
        result: Result<ViewData, RemoteError>,
        _app: &App,
    ) -> Vec<Step> {
        let failure = result.as_ref().err().map(|e| e.message.clone());
        take(&mut self.limits, read::<Limits>(result));
        failure
            .map(|text| vec![Step::Say(crate::tui::state::FlashLevel::Error, text)])
            .unwrap_or_default()
    }

    fn cancelled(&mut self) {
        super::frame::cancel(&mut self.limits);
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
