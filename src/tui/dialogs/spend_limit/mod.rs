//! Setting the monthly spending limit: type an amount, or leave it empty for no limit; the
//! dialog shows the change the shared action plans (and the workspace caps it lowers) before
//! anything is sent, and opens on Cancel. A refusal stays here with what was typed.

mod view;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use tui_input::Input as TextInput;

use crate::actions::{Plan, Reply, spend};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::{flash, text_input};
use crate::tui::views::spend::Spending;

use super::{Answered, Button, Canvas, Dialog, Next, RowKey, Submission, not_closed_yet, row_key};

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Apply];

#[derive(Debug, Clone)]
pub struct SpendLimitDialog {
    pub spending: Spending,
    pub amount: TextInput,
    pub focus: Button,
    pub submission: Submission,
}

impl SpendLimitDialog {
    pub fn new(spending: Spending) -> Self {
        let now = spend::current_limit(&spending.limits)
            .map(|a| a.to_string())
            .unwrap_or_default();
        Self {
            spending,
            amount: TextInput::new(now),
            focus: Button::Cancel,
            submission: Submission::default(),
        }
    }

    /// The plan for what is typed, or why it is not an amount.
    pub fn plan(&self) -> Result<Plan, String> {
        let text = self.amount.value().trim().replace([' ', '_', ','], "");
        let amount = if text.is_empty() || text.eq_ignore_ascii_case("none") {
            None
        } else {
            Some(text.parse::<i64>().map_err(|_| {
                format!(
                    "\"{}\" is not a whole amount; leave it empty for no limit",
                    self.amount.value()
                )
            })?)
        };
        spend::set(&self.spending.limits, amount, &self.spending.workspaces)
            .map_err(|e| e.to_string())
    }
}

impl Dialog for SpendLimitDialog {
    fn focus_cancel(&mut self) {
        self.focus = Button::Cancel;
    }

    fn name(&self) -> &'static str {
        "spending limit"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Text, Layer::Keys(Context::Dialog)]
    }

    fn typed(&mut self, key: KeyEvent) {
        if text_input::feed(&mut self.amount, &key) == Some(true) {
            self.submission.error = None;
        }
    }

    fn action(&mut self, action: Action, app: &App) -> Next {
        match row_key(action, &BUTTONS, &mut self.focus, Button::Apply) {
            RowKey::Confirm => match self.plan() {
                Ok(plan) if plan.changes_nothing() => Next::Say(FlashLevel::Info, plan.summary),
                Ok(plan) => match plan.steps.first() {
                    Some(step) => Next::Send(step.request.clone()),
                    None => Next::Stay,
                },
                Err(problem) => Next::Say(FlashLevel::Error, problem),
            },
            RowKey::Close
                if action == Action::Press && self.plan().is_ok_and(|p| !p.changes_nothing()) =>
            {
                not_closed_yet(app, "Apply", "changing the limit")
            }
            RowKey::Close => Next::Close,
            RowKey::Moved | RowKey::Other => Next::Stay,
        }
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.amount, text);
    }

    fn render(
        &self,
        frame: &mut Frame,
        canvas: Canvas,
        app: &App,
        theme: &crate::tui::theme::Theme,
    ) -> bool {
        view::render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        let text = match (self.plan(), answer.replies.first()) {
            (Ok(plan), Some(Reply::SpendLimitSet(_))) => format!("Done: {}", plan.summary),
            _ => "The spending limit changed".to_owned(),
        };
        let mut effects = vec![flash::show(app, FlashLevel::Success, text)];
        effects.extend(crate::tui::views::control::reload(app));
        effects
    }
}
