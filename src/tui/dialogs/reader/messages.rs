//! The message log's text: every message the status line showed this session, whole and
//! wrapped, newest last. The status line has one line for the latest; outcomes can be longer.

use ratatui::text::Line;

use crate::tui::keymap::{Action, Context};
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::widgets::reader;
use crate::tui::widgets::text::wrap;

/// The widest the log gets.
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

/// The log's title, with the key that closes it.
pub fn title(app: &App) -> String {
    let close = app.keymap.describe_keys(Context::Help, Action::Close);
    format!("Messages · {close} closes")
}
