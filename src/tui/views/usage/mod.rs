//! `:usage`: what the organization spent, month by month, per workspace and per model, as a
//! table and as charts (bars per workspace, the months with the spending limit drawn across
//! them, a sparkline of the month's days). Keys move between months, switch the table
//! between workspaces and models, and set each workspace beside the month before.

mod charts;
mod loading;
#[cfg(test)]
mod tests;
mod view;

use std::collections::BTreeMap;

use crate::tui::views::prelude::*;

use super::frame::{cancel, take_answer};
use super::list::Positions;
pub use loading::{LimitFetch, Month, MonthFetch, MonthKey, limit_of, step};

pub const ENTRY: Entry = Entry {
    command: "usage",
    summary: "What each workspace and model cost, month by month, with charts",
    context: Context::Usage,
    open: |app| Box::new(Usage::new(app)),
};

/// How many months the view loads when it opens, the current one included.
pub const HISTORY: i32 = 6;

/// What the table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakdown {
    Workspaces,
    Models,
}

#[derive(Debug, Clone)]
pub struct Usage {
    /// The month shown.
    pub month: MonthKey,
    /// The current month: there is nothing after it.
    pub this_month: MonthKey,
    pub months: BTreeMap<MonthKey, Remote<Month>>,
    /// The organization's monthly limit; `None` inside when it has none.
    pub limit: Remote<Option<f64>>,
    pub breakdown: Breakdown,
    /// The table's cursor, by line.
    pub list: List<usize>,
    /// Each workspace's bar beside its bar of the month before.
    pub compare: bool,
}

impl Usage {
    pub fn new(app: &App) -> Self {
        let this_month = (app.today.year(), u8::from(app.today.month()));
        Self {
            month: this_month,
            this_month,
            months: BTreeMap::new(),
            limit: Remote::Loading,
            breakdown: Breakdown::Workspaces,
            list: List::default(),
            compare: false,
        }
    }

    /// The month shown, once loaded.
    pub fn shown(&self) -> Option<&Month> {
        match self.months.get(&self.month)? {
            Remote::Loaded(month) => Some(month),
            _ => None,
        }
    }

    /// The month before the one shown, once loaded.
    pub fn before(&self) -> Option<&Month> {
        match self.months.get(&step(self.month, -1))? {
            Remote::Loaded(month) => Some(month),
            _ => None,
        }
    }

    /// The line under the cursor.
    pub fn position(&self) -> usize {
        self.list.selected(&Positions(self.rows())).unwrap_or(0)
    }

    fn rows(&self) -> usize {
        self.shown().map_or(0, |m| match self.breakdown {
            Breakdown::Workspaces => m.by_workspace.len(),
            Breakdown::Models => m.by_model.len(),
        })
    }

    /// A fetch for `key` unless it is loaded or on its way.
    fn ensure(&mut self, key: MonthKey) -> Option<Step> {
        if matches!(
            self.months.get(&key),
            Some(Remote::Loaded(_) | Remote::Loading)
        ) {
            return None;
        }
        self.months.insert(key, Remote::Loading);
        Some(Step::Fetch(Fetcher::new(MonthFetch(key))))
    }

    fn go_to(&mut self, key: MonthKey) -> Vec<Step> {
        self.month = key;
        self.list.cursor.reset();
        let mut steps: Vec<Step> = self.ensure(key).into_iter().collect();
        if self.compare {
            steps.extend(self.ensure(step(key, -1)));
        }
        steps
    }

    fn move_month(&mut self, delta: i32) -> Vec<Step> {
        let target = step(self.month, delta);
        if target > self.this_month {
            return vec![say(
                "This is the current month: there is no usage after it yet",
            )];
        }
        if delta < 0 && self.shown().is_some_and(|m| !m.has_previous) {
            return vec![say("The organization has no usage before this month")];
        }
        self.go_to(target)
    }
}

fn say(text: &str) -> Step {
    Step::Say(FlashLevel::Info, text.to_owned())
}

impl Listing for Usage {
    list_in_field!(usize);

    fn ids(&self, _app: &App) -> impl Rows<Id = usize> {
        Positions(self.rows())
    }
}

impl View for Usage {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    keys_to_list!();

    fn offer(&self, action: Action, _app: &App) -> Offer {
        let keys = [
            Action::PreviousMonth,
            Action::NextMonth,
            Action::NextTab,
            Action::Compare,
        ];
        acts_on(&keys, action)
    }

    fn act(&mut self, action: Action, _app: &App) -> Vec<Step> {
        match action {
            Action::PreviousMonth => self.move_month(-1),
            Action::NextMonth => self.move_month(1),
            Action::NextTab => {
                self.breakdown = match self.breakdown {
                    Breakdown::Workspaces => Breakdown::Models,
                    Breakdown::Models => Breakdown::Workspaces,
                };
                self.list.cursor.reset();
                Vec::new()
            }
            Action::Compare => {
                self.compare = !self.compare;
                if self.compare {
                    self.ensure(step(self.month, -1)).into_iter().collect()
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        }
    }

    fn load(&mut self, _app: &App) -> Vec<Step> {
        let mut steps = vec![Step::Fetch(Fetcher::new(LimitFetch))];
        // Months already shown stay until their answers replace them.
        let first = if self.month == self.this_month {
            -(HISTORY - 1)
        } else {
            -1
        };
        for delta in first..=0 {
            let key = step(self.month, delta);
            if !matches!(self.months.get(&key), Some(Remote::Loaded(_))) {
                self.months.insert(key, Remote::Loading);
            }
            steps.push(Step::Fetch(Fetcher::new(MonthFetch(key))));
        }
        steps
    }

    fn arrived(&mut self, fetch: &Fetcher, result: FetchAnswer, _app: &App) -> Vec<Step> {
        if let Some(MonthFetch(key)) = fetch.as_kind::<MonthFetch>() {
            let slot = self.months.entry(*key).or_insert(Remote::Loading);
            take_answer(slot, result, "Usage: ")
        } else if fetch.as_kind::<LimitFetch>().is_some() {
            take_answer(&mut self.limit, result, "Usage: ")
        } else {
            Vec::new()
        }
    }

    fn cancelled(&mut self) {
        self.months.values_mut().for_each(cancel);
        cancel(&mut self.limit);
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
