//! A list's rows drawn as a table, or the line that says why there is none.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::tui::theme::Theme;
use crate::tui::widgets::table::{self, Table};

/// Draws `table`, or `empty` (muted) in its place when it has no row.
pub fn draw_table(frame: &mut Frame, area: Rect, table: &Table<'_>, empty: &str, theme: &Theme) {
    if table.rows.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled(empty, theme.muted)), area);
    } else {
        table::render(frame, area, table, theme);
    }
}
