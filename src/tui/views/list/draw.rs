//! A list's rows drawn as a table (focused while the list, not its search, takes the keys),
//! or the line that says why there is none.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::tui::theme::Theme;
use crate::tui::widgets::table::{self, Column, Row, Table};

use super::List;

impl<K> List<K> {
    /// A list view's room split in three: `head` lines on top, the rows, and under them the
    /// search line while it shows.
    pub fn layout(&self, area: Rect, head: u16) -> [Rect; 3] {
        Layout::vertical([
            Constraint::Length(head),
            Constraint::Fill(1),
            Constraint::Length(u16::from(self.search.shown())),
        ])
        .areas(area)
    }

    /// The table of `rows` under `columns` with the cursor on line `selected`: focused unless
    /// the search takes the keys.
    pub fn table<'a>(
        &self,
        columns: &'a [Column],
        rows: &'a [Row],
        selected: Option<usize>,
    ) -> Table<'a> {
        Table {
            columns,
            rows,
            selected,
            focused: !self.search.typing,
            title_suffix: None,
            header: true,
        }
    }
}

/// Draws `table`, or `empty` (muted) in its place when it has no row.
pub fn draw_table(frame: &mut Frame, area: Rect, table: &Table<'_>, empty: &str, theme: &Theme) {
    if table.rows.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled(empty, theme.muted)), area);
    } else {
        table::render(frame, area, table, theme);
    }
}
