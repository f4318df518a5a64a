//! Setting the monthly spending limit: type an amount, or leave it empty for no limit; the
//! dialog shows the change the shared action plans (and the workspace caps it lowers) before
//! anything is sent, and opens on Cancel. A refusal stays here with what was typed.

mod view;

use ratatui::Frame;
use tui_input::Input as TextInput;

use crate::actions::{Plan, Reply, spend};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::{flash, text_input};
use crate::tui::views::spend::Spending;

use super::{Button, Canvas, Dialog, Next, Submission, step_button};

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
    fn name(&self) -> &'static str {
        "spending limit"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Text, Layer::Keys(Context::Dialog)]
    }

    fn act(&mut self, input: Input, app: &App) -> Next {
        let action = match input {
            Input::Typed(key) => {
                if text_input::feed(&mut self.amount, &key) == Some(true) {
                    self.submission.error = None;
                }
                return Next::Stay;
            }
            Input::Action(action) => action,
        };
        match action {
            Action::NextButton => self.focus = step_button(&BUTTONS, self.focus, 1),
            Action::PreviousButton => self.focus = step_button(&BUTTONS, self.focus, -1),
            Action::Press if self.focus == Button::Apply => {
                return match self.plan() {
                    Ok(plan) if plan.changes_nothing() => Next::Say(FlashLevel::Info, plan.summary),
                    Ok(plan) => match plan.steps.first() {
                        Some(step) => Next::Send(step.request.clone()),
                        None => Next::Stay,
                    },
                    Err(problem) => Next::Say(FlashLevel::Error, problem),
                };
            }
            Action::Press
                if self.focus == Button::Cancel
                    && self.plan().is_ok_and(|p| !p.changes_nothing()) =>
            {
                let next = app
                    .keymap
                    .describe_keys(Context::Dialog, Action::NextButton);
                let cancel = app.keymap.describe_keys(Context::Dialog, Action::Cancel);
                return Next::Say(
                    FlashLevel::Info,
                    format!(
                        "{next} moves to the Apply button; {cancel} closes without changing the limit"
                    ),
                );
            }
            Action::Press | Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
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

    fn done(&self, app: &mut App, _profile: usize, replies: &[Reply]) -> Vec<Effect> {
        let text = match (self.plan(), replies.first()) {
            (Ok(plan), Some(Reply::SpendLimitSet(_))) => format!("Done: {}", plan.summary),
            _ => "The spending limit changed".to_owned(),
        };
        let mut effects = vec![flash::show(app, FlashLevel::Success, text)];
        effects.extend(crate::tui::views::control::reload(app));
        effects
    }
}
