//! The message log: every message the status line showed this session, whole and wrapped,
//! newest last. The status line has one line for the latest; outcomes can be longer. It opens
//! at its end.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::widgets::reader;
use crate::tui::widgets::text::wrap;

use super::{Canvas, Dialog, Next};

/// The log, scrolled down `scroll` lines.
#[derive(Debug, Clone)]
pub struct Messages {
    pub scroll: u16,
}

impl Messages {
    /// Opened at the newest message.
    pub fn at_the_end() -> Self {
        Self { scroll: u16::MAX }
    }
}

impl Dialog for Messages {
    fn name(&self) -> &'static str {
        "messages"
    }

    fn layers(&self) -> Vec<Layer> {
        super::reader::layers()
    }

    fn act(&mut self, input: Input, app: &App) -> Next {
        let count = lines(app, app.screen.0, &Theme::default()).len();
        super::reader::act(&mut self.scroll, input, app.screen, WIDTH, count)
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        render(frame, canvas.screen, app, self.scroll, theme)
    }
}

pub const WIDTH: u16 = 100;

/// The log's lines for a screen `screen_width` wide: each message wrapped under its mark.
pub fn lines(app: &App, screen_width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let room = reader::inner_width(screen_width, WIDTH);
    if app.messages.is_empty() {
        return vec![Line::styled("No messages yet", theme.muted)];
    }
    let mut lines = Vec::new();
    for message in &app.messages {
        let (mark, style) = match message.level {
            FlashLevel::Info => ("•", theme.flash_info),
            FlashLevel::Success => ("✓", theme.flash_success),
            FlashLevel::Error => ("✗", theme.flash_error),
        };
        for (i, part) in wrap(&message.text, room.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { mark } else { " " };
            lines.push(Line::styled(format!("{lead} {part}"), style));
        }
    }
    lines
}

fn render(frame: &mut Frame, screen: Rect, app: &App, scroll: u16, theme: &Theme) -> bool {
    let close = app.keymap.describe_keys(Context::Help, Action::Close);
    let title = format!("Messages · {close} closes");
    let lines = lines(app, screen.width, theme);
    reader::render(frame, screen, WIDTH, &title, lines, scroll, theme)
}
