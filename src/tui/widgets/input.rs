//! One-line text fields (tui-input), scrolled so the cursor stays visible.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use tui_input::Input;

use super::text::{fit, skip_columns};

/// The part of the field that shows in `width` columns, padded to that width, and the
/// cursor's column within it while editing.
pub fn visible(input: &Input, width: usize, editing: bool) -> (String, Option<usize>) {
    if width == 0 {
        return (String::new(), None);
    }
    // Keep one column free for the cursor at the end of the text.
    let scroll = if editing {
        input.visual_scroll(width.saturating_sub(1))
    } else {
        0
    };
    let shown = fit(&skip_columns(input.value(), scroll), width);
    let cursor = editing.then(|| input.visual_cursor().saturating_sub(scroll).min(width - 1));
    (shown, cursor)
}

/// Draws `input` in a one-row `area`. While `editing`, the terminal cursor is placed in it.
pub fn render(frame: &mut Frame, area: Rect, input: &Input, style: Style, editing: bool) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (shown, cursor) = visible(input, usize::from(area.width), editing);
    frame.render_widget(Paragraph::new(Span::styled(shown, style)), area);
    if let Some(column) = cursor {
        super::cursor::place(frame, (area.x + column as u16, area.y));
    }
}
