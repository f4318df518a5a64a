//! Why something the admin asked for cannot be done, when the reason is too long for the
//! status line (archiving or emptying the default workspace). Enter or esc closes it.

use ratatui::Frame;

use crate::tui::keymap::Action;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};

use super::{Button, Canvas, Dialog, Next};

const WIDTH: u16 = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub text: String,
}

impl Notice {
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            text: text.into(),
        }
    }
}

impl Dialog for Notice {
    fn name(&self) -> &'static str {
        "notice"
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        match action {
            Action::Press | Action::Cancel => Next::Close,
            _ => Next::Stay,
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        let screen = canvas.screen;
        let mut body = Body::new(dialog::inner_width(screen, WIDTH));
        body.wrapped(&self.text, theme.text);
        body.blank();
        body.push(buttons(
            &[ButtonView::new(Button::Ok, Some(Button::Ok))],
            theme,
        ));
        dialog::show(frame, screen, WIDTH, &self.title, body, theme)
    }
}
