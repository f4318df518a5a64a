//! `:spend`: the organization's monthly spending limit, what was spent and whether the limit
//! is reached, and beside it each workspace's cap where the local server provides one. The
//! limit is set (an amount, or none) in a dialog that shows the change and opens on Cancel.

mod loading;
#[cfg(test)]
pub(crate) mod tests;
mod view;

use crate::tui::dialogs::spend_limit::SpendLimitDialog;
use crate::tui::views::prelude::*;

use super::frame::OneLoad;
pub use loading::{SpendFetch, Spending};

pub const ENTRY: Entry = Entry {
    command: "spend",
    summary: "Monthly spending limit (set or remove it) and each workspace's cap",
    context: Context::Spend,
    open: |_| Box::new(SpendView::default()),
};

#[derive(Debug, Clone)]
pub struct SpendView {
    pub spending: Remote<Spending>,
}

impl Default for SpendView {
    fn default() -> Self {
        Self {
            spending: Remote::Loading,
        }
    }
}

impl View for SpendView {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    fn offer(&self, action: Action, app: &App) -> Offer {
        match action {
            Action::SetLimit => Offer::unless(app.change_refusal()),
            _ => Offer::Ignores,
        }
    }

    fn act(&mut self, action: Action, _app: &App) -> Vec<Step> {
        match (action, &self.spending) {
            (Action::SetLimit, Remote::Loaded(spending)) => {
                vec![Step::Open(Box::new(SpendLimitDialog::new(
                    spending.clone(),
                )))]
            }
            (Action::SetLimit, _) => vec![Step::Say(
                FlashLevel::Info,
                "Wait for the limit to load".into(),
            )],
            _ => Vec::new(),
        }
    }

    fn one_load(&mut self) -> Option<OneLoad<'_>> {
        Some(OneLoad::new(SpendFetch, &mut self.spending))
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
