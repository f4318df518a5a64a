//! What a change of several requests did, step by step, once it ended: ✓ done, ✗ failed and
//! why, ? unknown (interrupted on its way), · not attempted. Enter or esc closes it.

use ratatui::Frame;

use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::views::people::Run;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};

use super::{Button, Canvas, Dialog, Next};

const WIDTH: u16 = 76;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunReport {
    pub headline: String,
    pub steps: Vec<(&'static str, String)>,
    /// The first step shown, when there are more than fit.
    pub scroll: usize,
}

impl RunReport {
    pub fn new(run: &Run) -> Self {
        Self {
            headline: run.headline(),
            steps: run.report(),
            scroll: 0,
        }
    }
}

impl Dialog for RunReport {
    fn name(&self) -> &'static str {
        "run report"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Help), Layer::Keys(Context::Dialog)]
    }

    /// A report has nothing to press but its end: scrolling and closing, so the hint line
    /// says each key once (not "esc close" and "esc cancel", nor a button to tab to).
    fn offers(&self, action: Action) -> bool {
        matches!(
            action,
            Action::Up | Action::Down | Action::Press | Action::Close
        )
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => {
                self.scroll = (self.scroll + 1).min(self.steps.len().saturating_sub(1));
            }
            Action::Press | Action::Cancel | Action::Close => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        let screen = canvas.screen;
        let mut body = Body::new(dialog::inner_width(screen, WIDTH));
        body.wrapped(&self.headline, theme.header);
        body.blank();
        // Room for the steps: the screen less the frame, headline, blanks and buttons.
        let room = usize::from(screen.height).saturating_sub(9).max(3);
        let shown = self.steps.iter().skip(self.scroll).take(room);
        for (mark, text) in shown {
            let style = match *mark {
                "✓" => theme.flash_success,
                "✗" | "?" => theme.field_error,
                _ => theme.muted,
            };
            body.hanging("", &format!("{mark} {text}"), style);
        }
        let below = self.steps.len().saturating_sub(self.scroll + room);
        if below > 0 {
            body.line(&format!("  … {below} more (down to scroll)"), theme.muted);
        }
        body.blank();
        body.push(buttons(
            &[ButtonView::new(Button::Ok, Some(Button::Ok))],
            theme,
        ));
        dialog::show(frame, screen, WIDTH, "What was done", body, theme)
    }
}
