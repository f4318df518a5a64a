//! The dialog of text to read: the help, the message log, or one member's details. It
//! scrolls by a line or by what one screen shows, and its title says which lines show.

pub mod help;
pub mod member;
pub mod messages;

use ratatui::Frame;
use ratatui::text::Line;
use uuid::Uuid;

use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::reader;

use super::{Canvas, Dialog, Next};

/// What a reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Help,
    Messages,
    Member(Uuid),
}

/// A text, scrolled down `scroll` lines.
#[derive(Debug, Clone)]
pub struct Reader {
    pub text: Text,
    pub scroll: u16,
}

impl Reader {
    pub fn help() -> Self {
        Self {
            text: Text::Help,
            scroll: 0,
        }
    }

    /// The message log, opened at the newest message.
    pub fn messages() -> Self {
        Self {
            text: Text::Messages,
            scroll: u16::MAX,
        }
    }

    pub fn member(user: Uuid) -> Self {
        Self {
            text: Text::Member(user),
            scroll: 0,
        }
    }

    /// The widest it gets.
    fn width(&self) -> u16 {
        match self.text {
            Text::Help => help::WIDTH,
            Text::Messages => messages::WIDTH,
            Text::Member(_) => member::WIDTH,
        }
    }

    /// Its lines on a screen `screen_width` wide.
    fn lines(&self, app: &App, screen_width: u16, theme: &Theme) -> Vec<Line<'static>> {
        match self.text {
            Text::Help => help::lines(app, screen_width, theme),
            Text::Messages => messages::lines(app, screen_width, theme),
            Text::Member(user) => member::lines(app, user, screen_width, theme),
        }
    }
}

impl Dialog for Reader {
    fn name(&self) -> &'static str {
        match self.text {
            Text::Help => "help",
            Text::Messages => "messages",
            Text::Member(_) => "member",
        }
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Help)]
    }

    fn action(&mut self, action: Action, app: &App) -> Next {
        let (screen, width) = (app.screen, self.width());
        let count = self.lines(app, screen.0, &Theme::default()).len();
        let last = reader::max_scroll(screen, width, count);
        let page = reader::page(screen, width, count).max(1);
        // The log opens at its end; from there, up moves from what shows.
        let at = self.scroll.min(last);
        match action {
            Action::Close => return Next::Close,
            Action::Up => self.scroll = at.saturating_sub(1),
            Action::Down => self.scroll = (at + 1).min(last),
            Action::PageUp => self.scroll = at.saturating_sub(page),
            Action::PageDown => self.scroll = at.saturating_add(page).min(last),
            _ => {}
        }
        Next::Stay
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        let screen = canvas.screen;
        let title = match self.text {
            Text::Help => help::title(app),
            Text::Messages => messages::title(app),
            Text::Member(_) => member::title(app),
        };
        let lines = self.lines(app, screen.width, theme);
        reader::render(
            frame,
            screen,
            self.width(),
            &title,
            lines,
            self.scroll,
            theme,
        )
    }
}
