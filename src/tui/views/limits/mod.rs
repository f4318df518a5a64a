//! `:limits`: the organization's rate limits, one row per model (tokens per minute and per
//! month) under the requests per second they all share. Sort by any column; `/` finds a
//! model and moves the cursor to the best match, hiding nothing.

mod loading;
#[cfg(test)]
mod tests;
mod view;

use crate::tui::state::sort_direction::directed;
use crate::tui::views::prelude::*;

use super::frame::OneLoad;
pub use loading::{Limits, LimitsFetch, ModelLimit};

pub const ENTRY: Entry = Entry {
    command: "limits",
    summary: "Rate limits per model: tokens per minute and per month",
    context: Context::Limits,
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

#[derive(Debug, Clone, Default)]
pub struct RateLimits {
    pub limits: Remote<Limits>,
    pub sort: SortBy,
    pub reverse: bool,
    /// Follows the model under the cursor by name through sorts and reloads.
    pub list: List<String>,
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
            directed(order.then_with(|| a.model.cmp(&b.model)), self.reverse)
        });
        rows
    }

    fn models(&self) -> Vec<String> {
        self.rows().iter().map(|r| r.model.clone()).collect()
    }

    /// The row under the cursor.
    pub fn selected(&self) -> Option<usize> {
        self.list.selected(&self.models())
    }
}

impl Listing for RateLimits {
    list_in_field!(String);
    const MISSING: &'static str = "No model";

    fn ids(&self, _app: &App) -> impl Rows<Id = String> {
        self.models()
    }

    fn find(&self, query: &str, _app: &App) -> Option<usize> {
        best(self.models(), query)
    }
}

impl View for RateLimits {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    keys_to_list!();

    fn offer(&self, action: Action, _app: &App) -> Offer {
        acts_on(&[Action::SortNext, Action::SortReverse], action)
    }

    fn act(&mut self, action: Action, _app: &App) -> Vec<Step> {
        match action {
            Action::SortNext => self.sort = self.sort.next(),
            Action::SortReverse => self.reverse = !self.reverse,
            _ => {}
        }
        Vec::new()
    }

    fn one_load(&mut self) -> Option<OneLoad<'_>> {
        Some(OneLoad::new(LimitsFetch, &mut self.limits))
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
