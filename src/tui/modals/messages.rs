//! The message log: every message the status line showed this session, whole and wrapped,
//! newest last. The status line has one line for the latest; outcomes can be longer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::keymap::{Action, Context};
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::widgets::reader;
use crate::tui::widgets::text::wrap;

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

pub fn render(frame: &mut Frame, screen: Rect, app: &App, scroll: u16, theme: &Theme) -> bool {
    let close = app.keymap.describe_keys(Context::Help, Action::Close);
    let title = format!("Messages · {close} closes");
    let lines = lines(app, screen.width, theme);
    reader::render(frame, screen, WIDTH, &title, lines, scroll, theme)
}
