//! The `:` command line, drawn over the hint line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Paragraph};
use tui_input::Input;

use crate::tui::state::modal::COMMANDS;
use crate::tui::theme::Theme;
use crate::tui::widgets::input;

/// Draws the command line; returns whether it had room to.
pub fn render(frame: &mut Frame, area: Rect, field: &Input, theme: &Theme) -> bool {
    if area.width < 2 || area.height == 0 {
        return false;
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(Span::styled(":", theme.hint_key)), area);
    let rest = Rect {
        x: area.x + 1,
        width: area.width - 1,
        ..area
    };
    input::render(frame, rest, field, theme.field_editing, true);
    if field.value().is_empty() && rest.width > 2 {
        // Until something is typed, say what can be: the cursor keeps the first cell.
        let hint = Rect {
            x: rest.x + 1,
            width: rest.width - 1,
            ..rest
        };
        let text = format!("commands: {COMMANDS}");
        frame.render_widget(Paragraph::new(Span::styled(text, theme.muted)), hint);
    }
    true
}
