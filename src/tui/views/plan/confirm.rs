//! The one confirmation before a run of changes (`:plan`'s apply, `:undo`): the question,
//! the changes as diff lines (all of them, or the first ones when the view has already shown
//! the admin every line), and Cancel in focus. Pressing Apply starts the run for the view,
//! if this dialog was drawn whole.

use ratatui::Frame;

use crate::domain::org::Change;
use crate::tui::dialogs::{After, Button, Canvas, Dialog, Next, RowKey, row_key};
use crate::tui::keymap::Context;
use crate::tui::routing::{Input, Layer};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::views::Fetcher;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};

use super::run::ApplyFetch;

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Apply];
const WIDTH: u16 = 76;
/// Lines listed before "… and N more (all shown in the view)".
pub const LISTED: usize = 10;

#[derive(Debug, Clone)]
pub struct ConfirmRun {
    pub title: &'static str,
    pub question: String,
    pub apply_text: String,
    pub run: ApplyFetch,
    pub focus: Button,
}

impl ConfirmRun {
    pub fn new(title: &'static str, question: String, apply_text: String, run: ApplyFetch) -> Self {
        Self {
            title,
            question,
            apply_text,
            run,
            focus: Button::Cancel,
        }
    }
}

fn style_of(change: &Change, theme: &Theme) -> ratatui::style::Style {
    match change.symbol() {
        '-' => theme.field_error,
        _ => theme.text,
    }
}

impl Dialog for ConfirmRun {
    fn name(&self) -> &'static str {
        "confirm run"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Dialog)]
    }

    fn act(&mut self, input: Input, _app: &App) -> Next {
        let Input::Action(action) = input else {
            return Next::Stay;
        };
        match row_key(action, &BUTTONS, &mut self.focus, Button::Apply) {
            RowKey::Confirm => Next::Then(After::Start(Fetcher::new(self.run.clone()))),
            RowKey::Close => Next::Close,
            RowKey::Moved | RowKey::Other => Next::Stay,
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        let mut body = Body::new(dialog::inner_width(canvas.screen, WIDTH));
        body.wrapped(&self.question, theme.header);
        let changes = &self.run.changes;
        for change in changes.iter().take(LISTED) {
            body.hanging(
                "    ",
                &format!("  {}", change.line()),
                style_of(change, theme),
            );
        }
        if changes.len() > LISTED {
            body.line(
                &format!(
                    "  … and {} more, every one shown in the view",
                    changes.len() - LISTED
                ),
                theme.muted,
            );
        }
        body.wrapped(
            "They are sent one at a time, in a safe order; the view shows how far it got and stops after the change on its way when asked. A refusal stops the rest.",
            theme.muted,
        );
        body.blank();
        let views: Vec<ButtonView> = BUTTONS
            .iter()
            .map(|b| {
                let view = ButtonView::new(*b, Some(self.focus));
                if *b == Button::Apply {
                    view.text(self.apply_text.clone())
                } else {
                    view
                }
            })
            .collect();
        body.push(buttons(&views, theme));
        dialog::show(frame, canvas.screen, WIDTH, self.title, body, theme)
    }
}
