//! The organization switcher: one row per profile, the current one marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::state::selection::page_offset;
use crate::tui::state::{App, Focus};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, width};
use crate::tui::widgets::{cells, frame};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Organizations;
    let title = Line::from(format!(" Organizations ({}) ", app.profiles.len()));
    let inner = frame::pane(frame, area, title, focused, theme);
    let room = usize::from(inner.width);
    let height = usize::from(inner.height);
    let offset = page_offset(Some(app.org_cursor), height);
    for (index, profile) in app.profiles.iter().enumerate().skip(offset).take(height) {
        let current = index == app.current;
        let marker = if current { "● " } else { "  " };
        let name = app.orgs[index].display_name();
        let label = match name {
            Some(name) if name != profile.name => format!("{}  {name}", profile.name),
            _ => profile.name.clone(),
        };
        let text = fit(&label, room.saturating_sub(width(marker)));
        let style = if index == app.org_cursor && focused {
            theme.cursor
        } else if index == app.org_cursor {
            theme.cursor_unfocused
        } else if current {
            theme.open_marker
        } else {
            theme.text
        };
        let line = Line::from(vec![
            Span::styled(marker, theme.open_marker),
            Span::styled(text, style),
        ]);
        let row = Rect {
            y: inner.y + (index - offset) as u16,
            height: 1,
            ..inner
        };
        cells::one_line(frame.buffer_mut(), row, line, Style::default());
    }
}
